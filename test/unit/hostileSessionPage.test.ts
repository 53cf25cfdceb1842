// The session page (webview) with hostile text in every string field it can show: the page keeps
// only its own tags and attributes, and shows each string as text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseHistoryPage, parseSession } from '../../src/api/schemas';
import { escapeHtml } from '../../src/views/page/html';
import { panelText } from '../../src/views/page/panelText';
import { renderSessionPage } from '../../src/views/page/sessionPage';
import type { Json } from '../server/data';
import { survivesSync } from './faultReport';
import { isVisible } from './readableText';
import { applyMutation, BASE_SESSIONS, FIELD_PATHS, hostileString, setOwn } from './sessionMutations';

const NOW = Date.parse('2026-11-30T00:00:00Z');
const RESOURCES = { nonce: 'bm9uY2U=', script: '/* session.js */', style: '/* session.css */', lang: 'en' };

/** The page's own elements and attributes; anything else in the markup came from data. */
const PAGE_TAGS = new Set(['html', 'head', 'meta', 'style', 'title', 'body', 'header', 'h1', 'h2', 'p', 'code', 'div', 'button', 'main', 'section', 'span', 'pre', 'script', 'ol', 'ul', 'li', 'time']);
const PAGE_ATTRIBUTES = /^(?:lang|charset|http-equiv|content|name|id|class|tabindex|role|type|title|disabled|datetime|nonce|aria-[a-z]+|data-[a-z]+|data-session-id|data-account-id)$/;

/** Every tag of the page, with its attribute names; throws on a `<` that starts no well-formed tag. */
function tagsOf(html: string): { name: string; attributes: string[] }[] {
  const tags: { name: string; attributes: string[] }[] = [];
  const body = html.replace(/^<!DOCTYPE html>\n/, '');
  const tag = /<\/?([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/gy;
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at + 1)) {
    tag.lastIndex = at;
    const match = tag.exec(body);
    assert.ok(match, `a "<" that starts no tag of the page: ${JSON.stringify(body.slice(at, at + 60))}`);
    const attributes = [...match[2]!.matchAll(/\s+([a-z-]+)(?:="[^"]*")?/g)].map((attribute) => attribute[1]!);
    tags.push({ name: match[1]!, attributes });
  }
  return tags;
}

suite('hostile strings in the session page', function () {
  this.timeout(30_000);

  test('every string field, history and error text hostile: the page has only its own tags, and shows each string as text', () => {
    const hostileEverywhere = fc.record({
      session: fc.array(hostileString, { minLength: FIELD_PATHS.length, maxLength: FIELD_PATHS.length }),
      history: fc.array(hostileString, { minLength: 8, maxLength: 8 }),
      key: hostileString,
      error: hostileString,
    });
    fc.assert(
      fc.property(hostileEverywhere, ({ session: values, history, key, error }) => {
        const raw = structuredClone(BASE_SESSIONS[1]!) as Record<string, Json>;
        FIELD_PATHS.forEach((path, index) => {
          // Every string field gets hostile text but the id, which the schema holds to a UUID.
          if (!['id', 'ticket_number', 'assist_mode', 'channel', 'contact', 'team', 'handoff', 'ticketing_system', 'custom_data', 'contact.custom_data', 'contact.non_verified_custom_data'].includes(path)) {
            applyMutation(raw, { kind: 'hostile', path, value: values[index]! });
          }
        });
        // An extra field named like data; never one of the schema's own, which would just be another hostile value.
        setOwn(raw, FIELD_PATHS.includes(key) ? `${key}_extra` : key, key);
        const session = parseSession(JSON.parse(JSON.stringify(raw)));
        // The page escapes a hostile id all the same, should one reach it some other way.
        session.id = session.raw.id = `id:${values[FIELD_PATHS.indexOf('id')]!}`;
        const [text, senderType, senderName, attachment, attachmentId, eventType, createdAt, eventId] = history as [string, string, string, string, string, string, string, string];
        const events = parseHistoryPage({
          items: [
            { id: eventId, created_at: createdAt, event: { type: eventType, sender: { type: senderType, name: senderName }, content: { type: 'text', text }, attachments: [{ id: attachmentId, name: attachment }] } },
            { id: null, created_at: null, event: { type: eventType, sender: null, content: null, attachments: [{ id: attachmentId, name: null }] } },
          ],
          next: 'older',
        }).items;
        const html = renderSessionPage(
          {
            session,
            refreshing: false,
            error: { message: error, canSetToken: true },
            history: { events, loaded: true, hasOlder: true, busy: false, unreadable: 1, error: { message: error, canSetToken: false } },
          },
          RESOURCES,
          { text: panelText(), now: NOW },
        );
        survivesSync('hostile strings in the session page', () => {
          for (const { name, attributes } of tagsOf(html)) {
            assert.ok(PAGE_TAGS.has(name), `<${name}> is not one of the page's elements`);
            for (const attribute of attributes) assert.match(attribute, PAGE_ATTRIBUTES, `<${name} ${attribute}> is not one of the page's attributes`);
          }
          assert.equal(html.match(/<script\b/g)?.length, 1, 'only the extension script');
          assert.equal(html.match(/<style\b/g)?.length, 1, 'only the extension stylesheet');
          // As text: every string of the session is in the JSON view, escaped.
          const strings: string[] = [];
          JSON.stringify(session.raw, function (this: unknown, name: string, value: unknown) {
            if (name && !Array.isArray(this)) strings.push(name);
            if (typeof value === 'string') strings.push(value);
            return value;
          });
          for (const value of strings) assert.ok(html.includes(escapeHtml(JSON.stringify(value))), `${JSON.stringify(value)} is shown in the JSON view`);
          // Text a person would not see is said to be missing rather than shown as an empty line.
          if (isVisible(text)) assert.ok(html.includes(`<div class="text">${escapeHtml(text)}</div>`), 'the message is shown as text');
          assert.ok(html.includes(`<span class="message">${escapeHtml(error)}</span>`), 'the error is shown as text');
        });
      }),
      { numRuns: 300 },
    );
  });
});
