import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDataset, type LiveDataset } from '../../src/data/index.js';

/**
 * Orders are added in queued batches and first orders are found at the end of a bulk
 * build, or kept right order by order on appends: any split of the same records into a
 * build and appends must give the same dataset, and first orders must be the earliest
 * valid order of each customer (ties: the smaller id).
 */

const T0 = Date.UTC(2025, 0, 1);
const campaigns = [{ id: 'C1', name: 'Tet', start: '2025-01-01', end: '2025-02-10' }];

const order = fc.record({
  id: fc.oneof(
    fc.integer({ min: 1, max: 300 }).map((n) => `O${n}`),
    fc.constantFrom('', 7),
  ),
  customerId: fc.oneof(
    fc.integer({ min: 1, max: 30 }).map((n) => `K${n}`),
    fc.constant(''),
  ),
  time: fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((k) => T0 + k * 3_600_000),
    fc.integer({ min: 0, max: 20 }).map((k) => new Date(T0 + k * 3_600_000).toISOString()),
    fc.constantFrom('2025-01-01T09:00:00', 'soon'),
  ),
  revenue: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(-1)),
  campaignId: fc.constantFrom(undefined, 'C1', 'C9'),
  channel: fc.constantFrom(undefined, 'web', 'store'),
});

function snapshot(ds: LiveDataset) {
  const o = ds.orders;
  const col = (a: ArrayLike<number>) => Array.from({ length: o.length }, (_, i) => a[i]);
  return {
    customer: col(o.customer).map((c) => ds.customers.value(c!)),
    time: col(o.time),
    day: col(o.day),
    revenue: col(o.revenue),
    campaign: col(o.campaign),
    channel: col(o.channel),
    firstOrder: Array.from(ds.firstOrder, (r) => (r < 0 ? null : r)),
    issues: ds.issues,
  };
}

test('property: a build and appends of the same orders in any split give the same dataset; first orders are the earliest', () => {
  fc.assert(
    fc.property(
      fc.array(order, { minLength: 20, maxLength: 200, size: 'max' }),
      fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 5 }),
      (orders, cuts) => {
        const whole = createDataset({ campaigns, orders }, { timeZone: 'Asia/Ho_Chi_Minh' });
        let at = Math.min(cuts[0] ?? orders.length, orders.length);
        const split = createDataset({ campaigns, orders: orders.slice(0, at) }, { timeZone: 'Asia/Ho_Chi_Minh' });
        for (const cut of cuts.slice(1)) {
          const next = Math.min(at + cut, orders.length);
          split.append({ orders: orders.slice(at, next) });
          at = next;
        }
        split.append({ orders: orders.slice(at) });
        const a = snapshot(whole);
        assert.deepEqual(snapshot(split), a);
        // First orders against a plain reading of the rows (valid rows are the columns).
        const ids: string[] = [];
        const seen = new Set<string>();
        for (const r of orders) {
          const id = typeof r.id === 'number' ? String(r.id) : r.id;
          const valid = id !== '' && r.customerId !== '' && r.time !== 'soon' && r.revenue >= 0 && !seen.has(id);
          if (valid) {
            seen.add(id);
            ids.push(id);
          }
        }
        assert.equal(ids.length, whole.orders.length);
        const best = new Map<string, number>();
        for (let row = 0; row < ids.length; row++) {
          const c = a.customer[row]!;
          const cur = best.get(c);
          const t = a.time[row]!;
          if (cur === undefined || t < a.time[cur]! || (t === a.time[cur]! && ids[row]! < ids[cur]!)) best.set(c, row);
        }
        for (const [c, row] of best) assert.equal(a.firstOrder[whole.customers.code(c)], row, c);
      },
    ),
    { numRuns: 200, seed: 21, endOnFailure: true },
  );
});
