// The session's JSON in the page: the text JSON.stringify would print, or the text as sent when it
// is known, its tokens classed for theme colours and its containers folding.
import * as assert from 'node:assert/strict';
import { parseSession, parseSessionPage } from '../../src/api/schemas';
import { exactJsonOf } from '../../src/api/exactJson';
import { SentJson } from '../../src/api/sentJson';
import { formatExactJson, nodeOfValue } from '../../src/api/jsonTree';
import { renderJson as renderNode } from '../../src/views/page/jsonHtml';
import { jsonBlock, page, textOf } from './sessionPageHarness';

/** The panel's rendering of a value JSON.parse made, as for a session whose text is not known. */
const renderJson = (value: unknown) => renderNode(nodeOfValue(value));
const prettyJson = (value: unknown) => formatExactJson(nodeOfValue(value));

suite('session panel HTML', () => {
  suite('JSON', () => {
    const cases: [string, unknown][] = [
      ['nested objects and arrays', { a: { b: { c: [1, [2, [3, {}]]] } }, d: [] }],
      ['empty object', {}],
      ['empty array', []],
      ['nulls', { a: null, b: [null, null], c: { d: null } }],
      ['numbers', { int: 0, neg: -12, float: 3.25, exp: 1e21, small: 5e-7, big: 9007199254740993, negZero: -0 }],
      ['booleans', { t: true, f: false }],
      ['unicode and escapes', { 'ключ': 'значение', emoji: '🙂👍🏽', rtl: 'שלום', cjk: '你好', esc: 'q"uote\\back\nline\ttab\u0000\u001f', lone: '\ud800' }],
      ['markup in strings', { html: '</pre><script>alert(1)</script>', amp: 'a & b' }],
      ['a scalar root', 'just a string'],
      ['null root', null],
    ];
    for (const [name, value] of cases) {
      test(`the rendered text equals JSON.stringify(…, null, 2): ${name}`, () => {
        assert.equal(textOf(renderJson(value)), JSON.stringify(value, null, 2));
        assert.equal(textOf(renderJson(value)), prettyJson(value));
      });
    }

    test('the whole page shows the raw JSON, unknown fields included', () => {
      const raw = {
        id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
        status: 'snoozed',
        channel: { type: 'carrier_pigeon', region: 'eu-west' },
        priority: 'p1',
        tags: ['vip', 'beta'],
        metrics: { csat: null, turns: 7 },
      };
      const html = page({ session: parseSession(raw) });
      assert.equal(textOf(jsonBlock(html)), JSON.stringify(raw, null, 2));
      assert.ok(html.includes('<span class="key">&quot;priority&quot;</span>'));
      assert.ok(html.includes('<span class="string">&quot;p1&quot;</span>'));
      assert.ok(html.includes('<span class="key">&quot;region&quot;</span>'));
      assert.ok(html.includes('<span class="number">7</span>'));
      assert.ok(html.includes('<span class="null">null</span>'));
      assert.ok(html.includes('snoozed'), 'an unknown status is shown as sent');
    });

    test('a session read from its text shows numbers, key order and repeated keys as sent, the repeats marked', () => {
      const item =
        '{"id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","status":"open","channel":{"type":"web"},"ticket_number":9007199254740993,' +
        '"custom_data":{"b":1,"2":2,"a":3,"huge":1e400,"one":1.0},"o":{"x":1},"o":{"y":2}}';
      const text = `{"items":[${item}],"next":null}`;
      const [sent] = parseSessionPage(JSON.parse(text), new SentJson(text)).items;
      const html = page({ session: sent! });
      const shown = textOf(jsonBlock(html));
      assert.equal(shown, exactJsonOf(sent!).pretty, 'the page shows what Copy JSON and the editor get');
      assert.ok(shown.includes('"ticket_number": 9007199254740993'), 'not rounded to …992');
      assert.match(shown, /"b": 1,\s+"2": 2,\s+"a": 3,\s+"huge": 1e400,\s+"one": 1\.0/);
      assert.match(shown, /"o": \{\s+"x": 1\s+\},\s+"o": \{\s+"y": 2\s+\}/, 'both entries of the repeated key');
      assert.equal((html.match(/class="key duplicate"/g) ?? []).length, 1, 'the repeat is marked');
      assert.ok(html.includes('data-path="/o"') && html.includes('data-path="/o~2"'), 'each entry remembers its own collapsed state');
      assert.ok(html.includes('1 key repeats an earlier key of its object'));
      assert.ok(html.includes('as the server sent it'));
    });

    test('a session whose text is not known says its JSON is as read, not as sent', () => {
      const html = page();
      assert.ok(html.includes('as read from the server'));
      assert.ok(!html.includes('as the server sent it'));
    });

    test('tokens are classed for theme colours', () => {
      const html = renderJson({ s: 'x', n: 1, b: true, z: null });
      for (const kind of ['key', 'string', 'number', 'boolean', 'null', 'punct']) assert.ok(html.includes(`class="${kind}"`), kind);
    });

    test('non-empty objects and arrays get a labelled toggle button; empty ones do not', () => {
      const html = renderJson({ contact: { name: 'A' }, tags: ['x', 'y'], empty: {}, none: [] });
      const toggles = html.match(/<button type="button" class="toggle" aria-expanded="true" aria-label="[^"]*"><\/button>/g) ?? [];
      assert.equal(toggles.length, 3, 'root, contact, tags');
      assert.ok(html.includes('aria-label="session, 4 keys"'));
      assert.ok(html.includes('aria-label="contact, 1 key"'));
      assert.ok(html.includes('aria-label="tags, 2 items"'));
      assert.ok(html.includes('data-summary="2 items"'));
      assert.ok(html.includes('<span class="punct">{}</span>'));
      assert.ok(html.includes('<span class="punct">[]</span>'));
    });

    test('node paths are JSON pointers, escaped as attributes', () => {
      const html = renderJson({ 'a/b': { 'c~d': [{ '"q"': { x: 1 } }] } });
      assert.ok(html.includes('data-path=""'));
      assert.ok(html.includes('data-path="/a~1b"'));
      assert.ok(html.includes('data-path="/a~1b/c~0d"'));
      assert.ok(html.includes('data-path="/a~1b/c~0d/0"'));
      assert.ok(html.includes('data-path="/a~1b/c~0d/0/&quot;q&quot;"'));
      assert.ok(html.includes('aria-label="c~d[0], 1 key"'));
    });
  });
});
