import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fastIso, fastIsoAt, timeOf } from '../../../src/data/validate.js';
import { parseInstant, zoneFor } from '../../../src/core/time.js';

/**
 * Times of the fixed export shape (`YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`, read at fixed
 * positions) and near misses of it: one character replaced by a digit, a letter or a sign
 * anywhere, out-of-range fields, other separators. Whatever reads them must give what the
 * general reader gives.
 */
const shaped = fc
  .tuple(
    fc.integer({ min: 1890, max: 2310 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom('T', ' ', 't'),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('Z', 'z', '+07:00', '-05:30', '+00:00', '-00:00', '+23:59', '+24:00', '-00:60', '+07-00', 'Z0'),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom('0', '9', 'a', '-', ':', '+', ' ', 'Z', '/'))),
  )
  .map(([y, mo, d, t, h, mi, s, z, swap]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const text = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}${t}${two(h)}:${two(mi)}:${two(s)}${z}`;
    if (swap === null) return text;
    const at = swap[0] % text.length;
    return text.slice(0, at) + swap[1] + text.slice(at + 1);
  });

test('property: times of the fixed shape and its near misses read as the general reader reads them', () => {
  const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York'].map(zoneFor);
  fc.assert(
    fc.property(shaped, fc.integer({ min: 0, max: zones.length - 1 }), fc.string({ maxLength: 3 }), (text, z, pad) => {
      const zone = zones[z]!;
      const fast = fastIso(text, zone);
      const slow = parseInstant(text, zone) ?? NaN;
      if (fast === fast) assert.equal(fast, slow, text);
      // In place, with other characters around it: the same instant.
      const row = `${pad}${text}${pad}`;
      assert.ok(Object.is(fastIsoAt(row, pad.length, pad.length + text.length, zone), fast), text);
    }),
    { numRuns: 30000, seed: 11 },
  );
});

test('the fixed shape is read by the fast reader itself, with either offset sign and Z', () => {
  const utc = zoneFor('UTC');
  assert.equal(fastIso('2025-03-01T10:15:00+07:00', utc), Date.UTC(2025, 2, 1, 3, 15));
  assert.equal(fastIso('2025-03-01 10:15:59-05:30', utc), Date.UTC(2025, 2, 1, 15, 45, 59));
  assert.equal(fastIso('2024-02-29T23:59:60Z', utc), Date.UTC(2024, 1, 29, 23, 59, 59));
  assert.equal(fastIso('2299-12-31T00:00:00Z', utc), Date.UTC(2299, 11, 31));
  // Not a day of that month, hour 24 with minutes, a year the month table does not cover.
  assert.ok(Number.isNaN(fastIso('2025-02-29T10:15:00Z', utc)));
  assert.ok(Number.isNaN(fastIso('2025-03-01T24:15:00Z', utc)));
  assert.equal(fastIso('2025-03-01T24:00:00Z', utc), Date.UTC(2025, 2, 2));
  assert.equal(fastIso('2300-01-01T00:00:00Z', utc), parseInstant('2300-01-01T00:00:00Z', utc));
  assert.ok(Number.isNaN(timeOf('2025-0a-01T10:15:00Z', utc)));
});
