import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StringDictionary } from '../../src/data/compact/index.js';

/**
 * `internHashedString` with a guessed code (the code a value's first table slot held): a
 * right guess returns it without reading the table, a wrong or stale one (another value's
 * code, a code not given yet, -1) must not change the answer. Checked against a Map.
 */
test('property: interning with any guessed code gives the codes a Map gives', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -2, max: 70 })), { maxLength: 400 }),
      (steps) => {
        const dict = new StringDictionary();
        const ref = new Map<string, number>();
        const a = new Int32Array(1);
        const b = new Int32Array(1);
        for (const [v, guess] of steps) {
          // Values that share a prefix and a length, and a few shorter ones.
          const value = v % 7 === 0 ? `K${v}` : `CUS-${String(v).padStart(6, '0')}`;
          if (!ref.has(value)) ref.set(value, ref.size);
          dict.hashOf(value, a, b, 0);
          const right = ref.get(value)!;
          const g = guess === 70 ? right : guess;
          assert.equal(dict.internHashedString(value, a[0]!, b[0]!, g), right, value);
        }
        assert.equal(dict.size, ref.size);
        for (const [value, code] of ref) {
          assert.equal(dict.code(value), code);
          assert.equal(dict.value(code), value);
        }
      },
    ),
    { numRuns: 500, seed: 13 },
  );
});
