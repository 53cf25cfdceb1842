// Fault suite: servers that lag behind the reference send sessions and history events of the
// vendor's 2024 document. The stand-in serves them after its current sessions; each one goes
// through the real client and tree model, has its whole history read, and is shown. Each is
// tallied in the fault report.
import * as assert from 'node:assert/strict';
import { RequestBudget } from '../../src/api/budget';
import { OpenCxClient } from '../../src/api/client';
import type { HistoryEvent } from '../../src/api/schemas';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import type { NoticeNode, SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { generateHistory } from '../server/data';
import { startStandIn } from '../server/server';
import { EARLIER_SHAPES, survives } from './faultReport';
import { assertReadsWell, pageReading } from './readableText';

const sessionsOf = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const loadMoreOf = (nodes: TreeNode[]) => nodes.find((node): node is NoticeNode => node.type === 'notice' && node.kind === 'loadMore');
const NOW = Date.parse('2026-11-30T00:00:00Z');

suite('fault suite: the 2024 document’s shapes', function () {
  this.timeout(60_000);

  test('every session of the earlier shape the stand-in serves is listed in order, its whole history read, and all of it reads as words', async () => {
    const standIn = await startStandIn({ count: 480, seed: 24, anchor: new Date(NOW), pageSize: 100, historyPageSize: 20, rateLimit: 0 });
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0, timeoutMs: 5_000, budget: new RequestBudget(1e9, 1) });
    const model = new SessionTreeModel({ client: async () => client, grouping: 'none' });
    try {
      let children = await model.children();
      for (let more = loadMoreOf(children); more; more = loadMoreOf(children)) {
        await model.loadMore(more.pages!);
        children = await model.children();
      }
      const shown = sessionsOf(children);
      assert.deepEqual(shown.map((node) => node.session.id), standIn.sessions.map((session) => session.id), 'every session, the earlier ones last');

      const earlier = standIn.sessions.filter((session) => !('ticket_number' in session));
      assert.equal(earlier.length, 30);
      const lines = new Set<string>();
      for (const sent of earlier) {
        await survives(EARLIER_SHAPES, async () => {
          const session = shown.find((node) => node.session.id === sent.id)!.session;
          assert.deepEqual(session.raw, sent, 'the JSON view gets exactly what was sent');
          const events: HistoryEvent[] = [];
          let cursor: string | undefined;
          do {
            const page = await client.listHistory(session.id, cursor);
            assert.equal(page.unreadable, 0);
            events.push(...page.items);
            cursor = page.next ?? undefined;
          } while (cursor);
          assert.equal(events.length, generateHistory(sent).length, 'the whole history');
          const html = assertReadsWell(session, events, NOW);
          for (const entry of pageReading(html).entries) lines.add(entry.withoutTime.replace(/\s+/g, ' ').trim());
        });
      }
      // What the 2024 events read as, across the sessions served.
      for (const line of [/^Handed off to Zendesk$/, /^Agent \d+ joined$/, /^Agent \d+ took over$/, /^AI resolved the issue$/, /^Internal comment Agent \d+ \S/, /^Agent (?!\d)\S/]) {
        assert.ok([...lines].some((shownLine) => line.test(shownLine)), `a transcript entry reads ${line}`);
      }
    } finally {
      model.dispose();
      await standIn.close();
    }
  });
});
