import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { timeOf } from '../../src/data/validate.js';
import { readInstant as fastIso, readInstantAt as fastIsoAt, zoneFor } from '../../src/core/time.js';
import { referenceInstant as parseInstant } from './iso-reference.js';

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
      else assert.ok(Number.isNaN(slow), text);
      // In place, with other characters around it: the same instant.
      const row = `${pad}${text}${pad}`;
      // (In place, white space is not skipped: the same as the bare text read in place.)
      const bare = fastIsoAt(text, 0, text.length, zone);
      assert.ok(Object.is(bare, fast) || (text.trim() !== text && Number.isNaN(bare)), text);
      assert.ok(Object.is(fastIsoAt(row, pad.length, pad.length + text.length, zone), bare), text);
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

test('property: the one ISO reader reads dates alone, offsets after a date, other separators and white space as the reference does', () => {
  const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York'].map(zoneFor);
  const text = fc
    .tuple(
      fc.constantFrom('', ' ', '\t', '\u00a0', '\ufeff', 'x'),
      fc.constantFrom('2025-03-01', '2024-02-29', '2025-02-29', '1969-12-31', '2025-3-01', '0000-01-01'),
      fc.constantFrom('', 'T10:15', 't10:15:30', ' 24:00', 'T10', 'T', 'T10:15:30,5', 'T10:15:30.'),
      fc.constantFrom('', 'Z', 'z', '+07', '+0700', '+07:00', '-0530', '+7', '+07:0', 'ZZ'),
      fc.constantFrom('', ' ', '\n', '\u3000', 'x'),
    )
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, fc.integer({ min: 0, max: zones.length - 1 }), (s, z) => {
      const zone = zones[z]!;
      assert.ok(Object.is(fastIso(s, zone), parseInstant(s, zone) ?? NaN), JSON.stringify(s));
    }),
    { numRuns: 5000, seed: 5 },
  );
});
