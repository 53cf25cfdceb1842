// The session's history in the page: each transcript entry, a search hit marked, events with
// parts missing, and the loading, empty, unreadable, "Load older" and error states.
import * as assert from 'node:assert/strict';
import { renderSessionPage } from '../../src/views/page/sessionPage';
import { events, message, noHistory, NOW, page, resources, session } from './sessionPageHarness';

suite('session panel HTML', () => {
  suite('history', () => {
    test('a transcript entry: sender type and name, time, text, attachments by name', () => {
      const history = events(
        message('Hello, my invoice is wrong', { type: 'contact', name: 'Ada Berg' }, {
          attachments: [{ id: '1', name: 'invoice.pdf', size: 10, type: 'file', url: 'https://x' }, { id: '2', name: 'screen shot.png', size: 5, type: 'file', url: null }],
        }),
        message('Let me check.', { type: 'ai', name: 'open.cx AI' }),
      );
      const html = page({}, { events: history });
      assert.ok(html.includes('<li class="event" data-sender="contact"><div class="meta"><span class="sender-type">Contact</span> <span class="sender-name">Ada Berg</span>'));
      assert.ok(html.includes('<time datetime="2025-03-01T11:00:00Z"'));
      // The reader's time zone and locale decide how the time reads.
      assert.ok(html.includes(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2025-03-01T11:00:00Z'))));
      assert.ok(html.includes(' · 1h ago'));
      assert.ok(html.includes('<div class="text">Hello, my invoice is wrong</div>'));
      assert.ok(html.includes('<ul class="attachments" aria-label="Attachments"><li>invoice.pdf</li><li>screen shot.png</li></ul>'));
      assert.ok(html.includes('<span class="sender-type">AI</span> <span class="sender-name">open.cx AI</span>'));
      assert.ok(html.indexOf('Hello, my invoice') < html.indexOf('Let me check.'), 'kept in the server order (newest first)');
    });

    test('a search hit\'s event is marked and carries the token that brings it into view once', () => {
      const history = events({ ...message('first'), id: 'e1' }, { ...message('the refund'), id: 42 });
      const html = renderSessionPage(
        { session: session(), refreshing: false, error: undefined, history: { ...noHistory, events: history }, highlight: { eventId: '42', reveal: '3' } },
        resources,
        { now: NOW, locale: 'en-US' },
      );
      assert.equal((html.match(/class="event highlighted"/g) ?? []).length, 1);
      assert.match(html, /<li class="event highlighted" data-reveal="3"[^>]*><div class="meta">[\s\S]*?the refund/);
      assert.ok(!page({}, { events: history }).includes('highlighted'), 'nothing is marked without a hit');
    });

    test('events without text, sender or a valid time still render', () => {
      const history = events(
        { id: 1, created_at: 'not a date', event: { type: 'handoff', sender: null, content: null } },
        { id: 2, created_at: null, event: null },
        message(null, { type: 'robot', name: null }),
      );
      const html = page({}, { events: history });
      assert.ok(html.includes('<span class="sender-type">Unknown sender</span>'));
      assert.ok(html.includes('Handed off'), 'a handoff says what happened');
      assert.ok(html.includes('(event without text)'));
      assert.ok(html.includes('<span class="sender-type">robot</span>'), 'an unknown sender type is shown as sent');
      assert.ok(!html.includes('not a date'));
    });

    test('a sender or text no one would see counts as missing: the entry still says something', () => {
      const html = page({}, { events: events(message(' \u200B\n', { type: '\u200B', name: '\t' })) });
      assert.ok(html.includes('<li class="event"><div class="meta"><span class="sender-type">Unknown sender</span> <time'), 'no blank sender type or name');
      assert.ok(html.includes('</time></div><div class="text no-text">(message event without text)</div></li>'), 'no blank text');
    });

    test('loading, empty, and unreadable states', () => {
      assert.ok(page({}, { loaded: false, busy: 'newest' }).includes('<p class="status" role="status">Loading history…</p>'));
      assert.ok(page({}, { loaded: true }).includes('<p class="empty">No messages in this session.</p>'));
      assert.ok(!page({}, { loaded: false, busy: 'newest' }).includes('class="empty"'));
      assert.ok(page({}, { events: events(message('x')), unreadable: 2 }).includes('2 events could not be read.'));
    });

    test('"Load older" appears while there is an older page, disabled while loading', () => {
      const loaded = events(message('x'));
      assert.ok(!page({}, { events: loaded, hasOlder: false }).includes('data-action="loadOlder"'));
      assert.ok(page({}, { events: loaded, hasOlder: true }).includes('<button type="button" data-action="loadOlder">Load older</button>'));
      assert.ok(page({}, { events: loaded, hasOlder: true, busy: 'older' }).includes('<button type="button" data-action="loadOlder" disabled>Loading…</button>'));
    });

    test('a history error shows inline with Retry, keeps loaded events, and replaces "Load older"', () => {
      const html = page({}, { events: events(message('kept')), hasOlder: true, error: { message: 'open.cx had a problem answering (HTTP 503).', canSetToken: false } });
      assert.ok(html.includes('<span class="message">open.cx had a problem answering (HTTP 503).</span> <button type="button" data-action="retryHistory">Retry</button>'));
      assert.ok(html.includes('kept'));
      assert.ok(!html.includes('data-action="loadOlder"'));
      assert.ok(!html.includes('No messages in this session.'));
    });
  });
});
