import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdSet, StringDictionary, StringSlots } from '../../src/data/compact/index.js';
import { readInstant as fastIso, readInstantAt as fastIsoAt } from '../../src/core/time.js';
import { zoneFor } from '../../src/core/time.js';

/** A string and the same string as a range of a larger text, with other characters on both sides. */
const embedded = fc
  .tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 12, unit: 'binary' }), fc.string({ maxLength: 6 }))
  .map(([before, s, after]) => ({ s, text: before + s + after, start: before.length, end: before.length + s.length }));

test('property: ids and dictionary values read from a range of a text equal the strings themselves', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(embedded, fc.integer({ min: -1, max: 40 })), { maxLength: 200 }), (pairs) => {
      const items = pairs.map(([item]) => item);
      const bySlice = new IdSet(4);
      const byString = new IdSet(4);
      const dictA = new StringDictionary();
      const dictB = new StringDictionary();
      const a = new Int32Array(1);
      const b = new Int32Array(1);
      for (const [{ s, text, start, end }, guess] of pairs) {
        assert.equal(bySlice.addKey(bySlice.keyAt(text, start, end)), byString.add(s));
        assert.equal(dictA.codeAt(text, start, end), dictB.code(s));
        dictA.hashAt(text, start, end, a, b, 0);
        // A guessed code (right, wrong or out of range) never changes the answer.
        assert.equal(dictA.internHashed(text, start, end, a[0]!, b[0]!, guess), dictB.intern(s));
      }
      assert.equal(dictA.size, dictB.size);
      for (let c = 0; c < dictA.size; c++) assert.equal(dictA.value(c), dictB.value(c));
      for (const { s } of items) assert.equal(bySlice.has(s), true);
    }),
    { numRuns: 500, seed: 5 },
  );
});

test('a dictionary past its first table sizes keeps every code (entries carry hash bits above the code)', () => {
  const dict = new StringDictionary();
  for (let i = 0; i < 100_000; i++) assert.equal(dict.intern(`K${i}`), i);
  dict.trim();
  for (let i = 0; i < 100_000; i += 7) assert.equal(dict.code(`K${i}`), i);
  const text = 'x,K99999,K100000,';
  assert.equal(dict.codeAt(text, 2, 8), 99_999);
  assert.equal(dict.codeAt(text, 9, 16), -1);
  const a = new Int32Array(1);
  const b = new Int32Array(1);
  dict.hashAt(text, 9, 16, a, b, 0);
  assert.equal(dict.internHashed(text, 9, 16, a[0]!, b[0]!), 100_000);
  assert.equal(dict.value(100_000), 'K100000');
});

test('string slots replaced many times keep each latest string through their compactions', () => {
  const slots = new StringSlots();
  const latest: string[] = [];
  slots.fromRanges(3, 'xxT-1yyT-22', [2 * 65536 + 3, -1, 7 * 65536 + 4], [undefined, 'loose', undefined]);
  latest.push('T-1', 'loose', 'T-22');
  assert.deepEqual(
    [0, 1, 2].map((c) => slots.get(c)),
    latest,
  );
  // Rewrites pile garbage up in the pool until it is compacted (more than half garbage,
  // past 4096 characters): thousands of rewrites compact it many times.
  for (let round = 0; round < 40; round++)
    for (let c = 0; c < 300; c++) {
      const s = c % 97 === 0 ? `long-${round}-${'é'.repeat(300)}` : `id-${round}-${c}`;
      slots.set(c, s);
      latest[c] = s;
    }
  for (let c = 0; c < 300; c++) assert.equal(slots.get(c), latest[c], `slot ${c}`);
});

test('property: the ISO reader gives the same instant for a time alone and inside a row', () => {
  const zone = zoneFor('Asia/Ho_Chi_Minh');
  const iso = fc
    .tuple(
      fc.integer({ min: 0, max: 4_000_000_000_000 }),
      fc.constantFrom('Z', '+07:00', '-0530', '+07', ''),
      fc.integer({ min: 16, max: 29 }),
    )
    .map(([t, z, cut]) => new Date(t).toISOString().slice(0, cut).replace(/Z$/, '') + z);
  fc.assert(
    fc.property(iso, fc.constantFrom(',', ',0', '0,', ':00', '+07:00,x'), (s, after) => {
      const text = `id,${s}${after}`;
      const a = fastIso(s, zone);
      const b = fastIsoAt(text, 3, 3 + s.length, zone);
      assert.ok(Object.is(a, b), `${s} in ${text}: ${a} vs ${b}`);
    }),
    { numRuns: 3000, seed: 9 },
  );
});
