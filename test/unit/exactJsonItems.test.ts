// The items of a page located in its text without parsing the page, as JSON.parse would find them.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { locateArrayItems } from '../../src/api/jsonItems';
import { model, object, writeModel, type Model } from './exactJsonTexts';

suite('exact JSON', () => {
  test('the items of a page are located without parsing the page; the last "items" counts, as for JSON.parse', () => {
    const page = '{"next":"c","items":[{"a":"]\\"}"} , 1e5,"x" ,[[]],true],"items" : [ {"id":1} ,\n{"id":[2,{"x":"}"}]} ],"after":{"items":[]}}';
    const spans = locateArrayItems(page, 'items')!;
    const items = Array.from({ length: spans.length / 2 }, (_, index) => page.slice(spans[2 * index], spans[2 * index + 1]));
    assert.deepEqual(items, ['{"id":1}', '{"id":[2,{"x":"}"}]}']);
    assert.equal(locateArrayItems('{"items":{"a":[1]}}', 'items'), undefined);
    assert.equal(locateArrayItems('[{"items":[1]}]', 'items'), undefined);
    assert.equal(locateArrayItems(' {} ', 'items'), undefined);
    assert.equal(locateArrayItems('{"items":[1],"items":null}', 'items'), undefined);
    assert.deepEqual(Array.from(locateArrayItems('{"items":[]}', 'items')!), []);
    assert.deepEqual(Array.from(locateArrayItems('{"it\\u0065ms":[7]}', 'items')!), [15, 16]);
    assert.deepEqual(Array.from(locateArrayItems('{"items":["\\\\",1]}', 'items')!), [10, 14, 15, 16]);
  });

  test('property: the located items are the items JSON.parse finds', () => {
    const page = fc.tuple(object, fc.array(model, { maxLength: 4 }), fc.nat()).map(([envelope, items, at]): Model => {
      if (envelope.t !== 'object') return envelope;
      const entries = [...envelope.entries];
      entries.splice(at % (entries.length + 1), 0, ['items', { t: 'array', items }]);
      return { t: 'object', entries };
    });
    fc.assert(
      fc.property(page, fc.nat(), (value, seed) => {
        const source = writeModel(value, seed);
        const expected = (JSON.parse(source) as { items?: unknown }).items;
        const spans = locateArrayItems(source, 'items');
        if (!Array.isArray(expected)) return assert.equal(spans, undefined);
        const located = Array.from({ length: spans!.length / 2 }, (_, index) => JSON.parse(source.slice(spans![2 * index], spans![2 * index + 1])) as unknown);
        assert.deepEqual(located, expected);
      }),
      { numRuns: 1000 },
    );
  });
});
