// What a person reads of a session must never show the machinery: "undefined", "null", "#NaN",
// "Invalid Date" and "[object Object]" are what code prints for a value that is missing or of the
// wrong type. The server may send that very text (a contact named "null"); then it is data, shown
// as sent, and not held against the rendering.
import * as assert from 'node:assert/strict';
import type { HistoryEvent, Session } from '../../src/api/schemas';
import { channelLabel, sessionDescription, sessionFacts, sessionLabel, statusLabel } from '../../src/model/labels';
import { panelText } from '../../src/views/page/panelText';
import { renderSessionPage } from '../../src/views/page/sessionPage';

const ARTEFACTS: readonly RegExp[] = [/\bundefined\b/, /\bnull\b/, /#NaN\b/, /\bInvalid Date\b/, /\[object Object\]/];

/** Every string in a JSON value, keys included: the text the server itself wrote. */
export function sentStrings(value: unknown): string[] {
  const strings: string[] = [];
  // A walk with a stack of its own: a session may nest deeper than the call stack reaches.
  const pending = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') strings.push(item);
    else if (Array.isArray(item)) pending.push(...item);
    else if (typeof item === 'object' && item !== null) {
      for (const [key, member] of Object.entries(item)) {
        strings.push(key);
        pending.push(member);
      }
    }
  }
  return strings;
}

/** Fails when `shown` holds an artefact that no text the server sent explains. */
export function assertNoArtefacts(shown: string, sent: readonly string[], where: string): void {
  for (const artefact of ARTEFACTS) {
    if (artefact.test(shown) && !sent.some((text) => artefact.test(text))) {
      assert.fail(`${where} shows ${artefact.source}: ${JSON.stringify(shown.slice(0, 400))}`);
    }
  }
}

/** Whether a person sees anything: not only white space, control or format characters. */
export const isVisible = (text: string) => /[^\s\p{Cc}\p{Cf}]/u.test(text);

/** The text a reader sees in an HTML fragment: tags removed (each a space), entities decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The parts of a session page that are written for people, not the JSON block (whose `null` is
 * JSON): the window title, the header with its summary, and each transcript entry, with and
 * without its time.
 */
export function pageReading(html: string): { title: string; header: string; entries: { whole: string; withoutTime: string }[] } {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const header = /<header class="header">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
  // Data cannot close the list or start an entry early: its "<" is escaped.
  const list = /<ol class="transcript">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  // An entry ends where the next begins: attachments nest their own <li>s inside it.
  const entries = list.split(/\n?<li class="event"/).slice(1).map((entry) => ({
    whole: textOf(entry.replace(/^[^>]*>/, '')),
    withoutTime: textOf(entry.replace(/^[^>]*>/, '').replace(/<time[\s\S]*?<\/time>/g, '')),
  }));
  return { title: textOf(title), header: textOf(header), entries };
}

const RESOURCES = { nonce: 'bm9uY2U=', script: '/* session.js */', style: '/* session.css */', lang: 'en' };

/**
 * Everything a person reads of `session` and its `events` (tree row, tooltip facts, panel header,
 * transcript) holds no artefact and nothing blank: a label to see, no empty part between " · ",
 * no transcript entry without words. Returns the page, for more checks.
 */
export function assertReadsWell(session: Session, events: HistoryEvent[], now: number): string {
  const sent = sentStrings(session.raw);
  const label = sessionLabel(session);
  const description = sessionDescription(session, {}, now);
  const facts = Object.values(sessionFacts(session)).filter((fact): fact is string => typeof fact === 'string');
  assert.ok(isVisible(label), `the label ${JSON.stringify(label)} shows something`);
  assert.ok(description === '' || description.split(' · ').every(isVisible), `no empty part in the description ${JSON.stringify(description)}`);
  for (const fact of facts) assert.ok(isVisible(fact), `the tooltip fact ${JSON.stringify(fact)} shows something`);
  for (const text of [label, description, statusLabel(session.status), channelLabel(session.channel.type), ...facts]) {
    assert.equal(typeof text, 'string');
    assertNoArtefacts(text, sent, 'the tree row or tooltip');
  }

  const history = { events, loaded: true, hasOlder: false, busy: false as const, unreadable: 0, error: undefined };
  const html = renderSessionPage({ session, refreshing: false, error: undefined, history }, RESOURCES, { text: panelText(), now });
  assert.ok(html.endsWith('</html>\n'), 'the whole page was built');
  const page = pageReading(html);
  assertNoArtefacts(`${page.title}\n${page.header}`, sent, 'the panel header');
  assert.equal(page.entries.length, events.length, 'one transcript entry per event');
  const sentInHistory = [...sent, ...events.flatMap((event) => sentStrings(event.raw))];
  for (const entry of page.entries) {
    assertNoArtefacts(entry.whole, sentInHistory, 'a transcript entry');
    assert.ok(isVisible(entry.withoutTime), `a transcript entry says something besides its time: ${JSON.stringify(entry.whole)}`);
  }
  return html;
}
