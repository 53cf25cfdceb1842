// The session page on the earlier shape of the API (the 2024 document): activities and internal
// comments read as sentences, and a session with little more than an id has a header without gaps.
import * as assert from 'node:assert/strict';
import { parseSession } from '../../src/api/schemas';
import { events, HOSTILE, HOSTILE_ESCAPED, page, textOf } from './sessionPageHarness';

suite('session panel HTML', () => {
  suite('the earlier shape (2024 document)', () => {
    const at = (minute: number) => `2025-03-01T11:${String(minute).padStart(2, '0')}:00Z`;
    /** Each transcript entry as a reader sees it, its time left out. */
    const entries = (html: string) =>
      [...html.matchAll(/<li class="event"[^>]*>([\s\S]*?)<\/li>\n?(?=<li class="event"|<\/ol>)/g)].map((match) =>
        textOf(match[1]!.replace(/<time[\s\S]*?<\/time>/g, '').replace(/<\/(?:div|span)>/g, ' ')).replace(/\s+/g, ' ').trim(),
      );

    test('handoffs, AI resolutions and agents joining or taking over read as sentences', () => {
      const html = page({}, {
        events: events(
          { id: 1, created_at: at(5), event: { type: 'handoff', integration: { type: 'zendesk' } } },
          { id: 2, created_at: at(4), event: { type: 'human_agent_joined', human_agent_id: 12 } },
          { id: 3, created_at: at(3), event: { type: 'human_agent_takeover', human_agent_id: 12 } },
          { id: 4, created_at: at(2), event: { type: 'ai_resolved_issue' } },
        ),
      });
      assert.deepEqual(entries(html), ['Handed off to Zendesk', 'Agent 12 joined', 'Agent 12 took over', 'AI resolved the issue']);
      assert.equal(html.match(/<li class="event" data-kind="activity">/g)?.length, 4, 'set apart from messages');
      assert.ok(!html.includes('Unknown sender'), 'an activity has no sender to miss');
    });

    test("an agent's internal comment shows as a comment, apart from the messages, with its text", () => {
      const html = page({}, {
        events: events(
          { id: 1, created_at: at(1), event: { type: 'human_agent_comment', human_agent_id: 12, content: { type: 'text', text: `Refund approved ${HOSTILE}` } } },
          { id: 2, created_at: at(0), event: { type: 'message', sender: { type: 'human_agent' }, content: { type: 'text', text: 'Hello' } } },
        ),
      });
      assert.deepEqual(entries(html), [`Internal comment Agent 12 Refund approved ${HOSTILE}`, 'Agent Hello']);
      assert.ok(html.includes(`<li class="event" data-kind="comment"><div class="meta"><span class="event-label">Internal comment</span> <span class="sender-name">Agent 12</span>`));
      assert.ok(html.includes(`<div class="text">Refund approved ${HOSTILE_ESCAPED}</div>`));
      assert.ok(html.includes('<li class="event" data-sender="human_agent"><div class="meta"><span class="sender-type">Agent</span>'));
    });

    test('without an agent id, an integration or text, and of a type this version does not know: still a sentence', () => {
      const html = page({}, {
        events: events(
          { id: 1, created_at: null, event: { type: 'human_agent_joined' } },
          { id: 2, created_at: 'not a date', event: { type: 'human_agent_takeover', human_agent_id: '  ' } },
          { id: 3, event: { type: 'human_agent_joined', human_agent_id: { id: 12 } } },
          { id: 4, event: { type: 'handoff', integration: null } },
          { id: 5, event: { type: 'handoff', integration: { type: 'freshdesk_v2' } } },
          { id: 6, event: { type: 'human_agent_comment', human_agent_id: null, content: { type: 'text', text: '' } } },
          { id: 7, event: { type: 'csat_survey_sent', sender: null } },
          { id: 8, event: { type: 'human_agent_joined', human_agent_id: 'agent-7' } },
        ),
      });
      assert.deepEqual(entries(html), [
        'An agent joined',
        'An agent took over',
        'An agent joined',
        'Handed off',
        'Handed off to Freshdesk v2',
        'Internal comment Agent (comment without text)',
        'Csat survey sent',
        'Agent agent-7 joined',
      ]);
      assert.ok(!/undefined|null|\[object Object\]|Invalid Date|NaN/.test(textOf(html.slice(html.indexOf('<section class="history"')))));
    });

    test('a session with nothing but an id, a status and a channel: a header without gaps', () => {
      const html = page({ session: parseSession({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: 'open', channel: { type: 'web' }, created_at: null, updated_at: null, contact: { id: null, email: null, phone_number: null, name: null, custom_data: null } }) });
      assert.ok(html.includes('<title>Session 3c90c3cc</title>'));
      assert.ok(html.includes('<h1 id="title" tabindex="-1">Session 3c90c3cc</h1>'));
      assert.ok(html.includes('<p class="summary">Open · Web</p>'));
      const blank = page({ session: parseSession({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: ' ', channel: { type: '' }, ticket_number: null, updated_at: 'soon', created_at: '2025-03-01T09:00:00Z' }) });
      // The title is the time in the page's locale (en-US here) and the reader's time zone.
      const title = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2025-03-01T09:00:00Z'));
      assert.ok(blank.includes(`<p class="summary"><time datetime="2025-03-01T09:00:00Z" title="${title}">updated 3h ago</time></p>`), 'no empty parts, and the time that parses, its title in the locale');
      assert.ok(!page({ session: parseSession({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: '', channel: { type: '' } }) }).includes('class="summary"'), 'no empty summary');
    });
  });
});
