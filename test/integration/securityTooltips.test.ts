// Security in the real VS Code: customer text renders as text in the tree's tooltips, which are
// Markdown: never as markup or links.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as vscode from 'vscode';
import { parseSession } from '../../src/api/schemas';
import { sessionTooltip } from '../../src/views/treeItems';
import { HOSTILE_STRINGS, survivesSync } from '../unit/faultReport';
import { dataPartOf, markdownIn } from './markdownInData';

const TOOLTIP_STRING_FIELDS = [
  'id', 'status', 'ai_closure_type', 'sentiment', 'channel.type', 'created_at', 'updated_at', 'assignee_id', 'language',
  'contact.name', 'contact.non_verified_name', 'contact.email', 'contact.non_verified_email', 'contact.phone_number',
  'team.name', 'handoff.summary',
];

suite('security: customer text in tooltips', function () {
  this.timeout(60_000);

  test('hostile strings in every string field render as text in the tree tooltip: no tag, autolink, entity or Markdown from data', () => {
    const markup = fc.array(fc.constantFrom('<', '>', '&', ';', '#', '"', '`', '*', '_', '[', ']', '(', ')', '!', '~', '\\', ':', '/', '@', 'a', 'b', 'img', 'https', 'lt', '60', ' ', '\n'), { maxLength: 30 }).map((parts) => parts.join(''));
    const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), markup);
    fc.assert(
      fc.property(fc.array(hostile, { minLength: TOOLTIP_STRING_FIELDS.length, maxLength: TOOLTIP_STRING_FIELDS.length }), fc.integer({ min: -5, max: 100_000 }), (values, ticket) => {
        const raw: Record<string, unknown> = { channel: {}, contact: {}, team: {}, handoff: {}, ticket_number: ticket };
        TOOLTIP_STRING_FIELDS.forEach((path, index) => {
          const [head, tail] = path.split('.') as [string, string | undefined];
          const value = path === 'id' ? `id-${values[index]!}` : values[index]!;
          if (tail) (raw[head] as Record<string, unknown>)[tail] = value;
          else raw[head] = value;
        });
        // The schema holds ids to UUIDs; the tooltip escapes a hostile one all the same, should one reach it some other way.
        const session = parseSession({ ...raw, id: '3c90c3cc-0d44-4b50-8888-8dd25736052a' });
        session.id = session.raw.id = raw.id as string;
        const tooltip = sessionTooltip(session);
        survivesSync('hostile strings in the tree tooltip', () => {
          assert.equal(tooltip.supportHtml, false);
          assert.equal(tooltip.isTrusted, false);
          assert.deepEqual(markdownIn(dataPartOf(tooltip.value)), [], `Markdown or HTML from data in ${JSON.stringify(tooltip.value)}`);
          // And the data is there, as text: undo the escapes, compare with spacing evened out.
          const spaced = (text: string) => text.replace(/\s+/g, ' ');
          const shown = spaced(dataPartOf(tooltip.value).replace(/&nbsp;/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1'));
          // A creation time shows only when it is one, as a date in the display language: text no
          // date can be read from is left out.
          const time = Date.parse(session.created_at ?? '');
          const created = Number.isNaN(time) ? undefined : new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
          for (const value of [session.id, session.assignee_id, session.team?.name, session.handoff?.summary, created]) {
            if (value) assert.ok(shown.includes(spaced(value)), `${JSON.stringify(value)} is shown in ${JSON.stringify(tooltip.value)}`);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
