import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFor } from '../../src/core/time.js';
import { offsetsIn } from '../../src/server/warehouse.js';
import { seeded } from './fixtures.js';

const DAY = 86_400_000;

/** The local day the SQL computes: floor((t + offset of the span holding t) / day). */
function sqlDay(spans: { fromMs: number; offsetMs: number }[], t: number): number {
  let off = spans[0]!.offsetMs;
  for (const s of spans.slice(1)) if (t >= s.fromMs) off = s.offsetMs;
  return Math.floor((t + off) / DAY);
}

test("offset spans: the local day of every instant is the engine's, across transitions", () => {
  const rnd = seeded(5);
  for (const name of [
    'UTC',
    'Asia/Ho_Chi_Minh',
    'America/New_York',
    'Europe/Paris',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
  ]) {
    const zone = zoneFor(name);
    const lo = Date.UTC(2024, 0, 1);
    const hi = Date.UTC(2026, 0, 1);
    const spans = offsetsIn(zone, lo, hi);
    for (let i = 0; i < 20_000; i++) {
      const t = lo + Math.floor(rnd() * (hi - lo));
      assert.equal(sqlDay(spans, t), zone.day(t), `${name} at ${new Date(t).toISOString()}`);
    }
    // Transition instants themselves, and a millisecond before.
    for (const s of spans.slice(1)) {
      assert.equal(sqlDay(spans, s.fromMs), zone.day(s.fromMs));
      assert.equal(sqlDay(spans, s.fromMs - 1), zone.day(s.fromMs - 1));
    }
    const expected = name === 'UTC' || name === 'Asia/Ho_Chi_Minh' || name === 'Asia/Kolkata' ? 1 : 5;
    assert.equal(spans.length, expected, `${name}: two transitions a year over two years`);
  }
});
