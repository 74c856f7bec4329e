import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDataset } from '../../src/data/index.js';

/**
 * First orders kept on appends: an order's local day decides against the current first
 * order when they are days apart, its time when they are close. Times spread over weeks,
 * in zones far from UTC and with DST changes (one at midnight), must give the earliest
 * order of each customer (ties: the smaller id), as a plain reading does.
 */
const T0 = Date.UTC(2025, 2, 1);
const HOUR = 3_600_000;
const zones = [
  'UTC',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'America/New_York',
  'America/Santiago',
  'Asia/Beirut',
  'Pacific/Apia',
];

const order = fc.record({
  id: fc.integer({ min: 1, max: 400 }).map((n) => `O${n}`),
  customerId: fc.integer({ min: 1, max: 6 }).map((n) => `K${n}`),
  time: fc.oneof(
    fc.integer({ min: 0, max: 24 * 60 }).map((h) => T0 + h * HOUR),
    fc.integer({ min: 0, max: 24 * 60 * 4 }).map((q) => T0 + q * 15 * 60_000),
    fc.constantFrom(T0, T0 + 2 * 24 * HOUR, T0 + 3 * 24 * HOUR - 1, T0 + 3 * 24 * HOUR),
  ),
  revenue: fc.integer({ min: 0, max: 100 }),
});

test('property: first orders after appends are the earliest, with times days apart and near, in any zone', () => {
  fc.assert(
    fc.property(
      fc.array(order, { minLength: 1, maxLength: 150 }),
      fc.integer({ min: 0, max: 150 }),
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom(...zones),
      (orders, cut, step, timeZone) => {
        const at = Math.min(cut, orders.length);
        const ds = createDataset({ orders: orders.slice(0, at) }, { timeZone });
        for (let i = at; i < orders.length; i += step) ds.append({ orders: orders.slice(i, i + step) });
        const seen = new Set<string>();
        const rows: (typeof orders)[number][] = [];
        for (const o of orders) {
          if (seen.has(o.id)) continue;
          seen.add(o.id);
          rows.push(o);
        }
        assert.equal(ds.orders.length, rows.length);
        const best = new Map<string, number>();
        rows.forEach((o, row) => {
          const cur = best.get(o.customerId);
          const c = cur === undefined ? undefined : rows[cur]!;
          if (c === undefined || o.time < c.time || (o.time === c.time && o.id < c.id)) best.set(o.customerId, row);
        });
        for (const [customer, row] of best) assert.equal(ds.firstOrder[ds.customers.code(customer)], row, customer);
      },
    ),
    { numRuns: 400, seed: 3, endOnFailure: true },
  );
});
