/**
 * KPI-SPEC section 7 under appends: every new part of the report (comparison modes,
 * attribute filters and breakdowns, recency bounds, re-activation, loyalty members) after
 * an incremental update equals a full recompute, over random data and random splits of it
 * into a build and appends.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDataset } from '../../src/data/dataset.js';
import type { DataInput } from '../../src/data/records.js';
import { aggregateMode, MAX_STATES } from '../../src/engine/aggregation/internal.js';
import { datasetReport } from '../../src/engine/compute.js';
import { segmentCustomers } from '../../src/engine/segments.js';
import type { ReportOptions } from '../../src/engine/report-types.js';

const DAY0 = Date.UTC(2025, 1, 1);
const STORES = ['S1', 'S2', 'S3'];
const REGIONS = ['N', 'S'];
const CHANNELS = ['web', 'store', 'app', undefined];
const CAMPAIGNS = ['C1', 'C2', null];

const campaigns = [
  { id: 'C1', name: 'One', start: '2025-02-20', end: '2025-03-15', budget: 900 },
  { id: 'C2', name: 'Two', start: '2025-01-01', end: '2025-04-30' },
];

const orderArb = fc.record({
  customer: fc.integer({ min: 0, max: 14 }),
  minute: fc.integer({ min: 0, max: 70 * 24 * 60 }),
  revenue: fc.integer({ min: 0, max: 300 }),
  campaign: fc.constantFrom(...CAMPAIGNS),
  channel: fc.constantFrom(...CHANNELS),
  store: fc.option(fc.constantFrom(...STORES)),
  region: fc.option(fc.constantFrom(...REGIONS)),
});
const loyaltyArb = fc.record({
  customer: fc.integer({ min: 0, max: 20 }),
  minute: fc.integer({ min: 0, max: 70 * 24 * 60 }),
  earned: fc.integer({ min: 0, max: 50 }),
  redeemed: fc.integer({ min: 0, max: 20 }),
  channel: fc.constantFrom(...CHANNELS),
});

function toInput(orders: Record<string, unknown>[], loyalty: Record<string, unknown>[], from: number): DataInput {
  return {
    orders: orders.map((x, i) => {
      const attributes: Record<string, string> = {};
      if (x.store) attributes.store = x.store as string;
      if (x.region) attributes.region = x.region as string;
      return {
        id: `o${from + i}`,
        customerId: `k${x.customer as number}`,
        time: DAY0 + (x.minute as number) * 60_000,
        revenue: x.revenue as number,
        cogs: 1,
        ...(x.campaign ? { campaignId: x.campaign } : {}),
        ...(x.channel ? { channel: x.channel } : {}),
        ...(Object.keys(attributes).length ? { attributes } : {}),
      };
    }),
    loyalty: loyalty.map((l) => ({
      customerId: `k${l.customer as number}`,
      time: DAY0 + (l.minute as number) * 60_000,
      earned: l.earned,
      redeemed: l.redeemed,
      ...(l.channel ? { channel: l.channel } : {}),
    })),
  };
}

const optionSets: ReportOptions[] = [
  { from: '2025-03-01', to: '2025-03-10', breakdowns: ['store', 'region'] },
  { from: '2025-03-01', to: '2025-03-10', compare: 'none', filters: { region: ['N'] }, recencyBounds: [2, 5] },
  {
    from: '2025-03-01',
    to: '2025-03-20',
    compare: 'year',
    channels: ['web', 'app'],
    filters: { store: ['S1', 'S3'] },
    breakdowns: ['store'],
  },
  { from: '2025-02-25', to: '2025-03-05', campaignIds: ['C1'], breakdowns: ['region', 'store'], asOf: '2025-03-02' },
];

test("compare year a year after the data: P is empty, P' holds the data", () => {
  const ds = createDataset({ campaigns, ...toInput([{ customer: 1, minute: 60, revenue: 5, campaign: 'C2' }], [], 0) });
  const r = datasetReport(ds, { from: '2026-02-01', to: '2026-02-10', compare: 'year' });
  assert.deepEqual(r.previous, { from: '2025-02-01', to: '2025-02-10' });
  assert.equal(r.kpis.revenue!.previous, 5);
  assert.equal(r.kpis.revenue!.value, 0);
});

test('property: reports after appends (orders and loyalty, in any split) equal a full recompute', () => {
  fc.assert(
    fc.property(
      fc.array(orderArb, { minLength: 1, maxLength: 40 }),
      fc.array(loyaltyArb, { maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(40), fc.nat(12)), { minLength: 1, maxLength: 4 }),
      (orders, loyalty, cuts) => {
        // Split points, increasing: the build, then appends of the rest.
        const oc = [...new Set([0, ...cuts.map(([a]) => a % (orders.length + 1)), orders.length])].sort(
          (a, b) => a - b,
        );
        const lc = [...new Set([0, ...cuts.map(([, b]) => b % (loyalty.length + 1)), loyalty.length])].sort(
          (a, b) => a - b,
        );
        const steps = Math.max(oc.length, lc.length) - 1;
        const at = (c: number[], k: number) => c[Math.min(k, c.length - 1)]!;
        const ds = createDataset({
          campaigns,
          ...toInput(orders.slice(0, at(oc, 0)), loyalty.slice(0, at(lc, 0)), 0),
        });
        assert.ok(optionSets.length <= MAX_STATES);
        for (const o of optionSets) datasetReport(ds, o);
        for (let k = 1; k <= steps; k++) {
          ds.append(
            toInput(orders.slice(at(oc, k - 1), at(oc, k)), loyalty.slice(at(lc, k - 1), at(lc, k)), at(oc, k - 1)),
          );
          for (const o of optionSets) {
            const inc = datasetReport(ds, o);
            // At most MAX_STATES option sets: each is updated, never recomputed.
            assert.notEqual(aggregateMode(ds), 'full');
            const full = datasetReport(ds, { ...o, cache: false });
            assert.deepEqual(inc, full, JSON.stringify(o));
          }
        }
        // And the whole data built at once gives the same reports and lists.
        const whole = createDataset({ campaigns, ...toInput(orders, loyalty, 0) });
        for (const o of optionSets) {
          assert.deepEqual(datasetReport(ds, o), datasetReport(whole, { ...o, cache: false }), JSON.stringify(o));
          const r = datasetReport(whole, o);
          for (const of of ['recency', 'reactivation', 'returned'] as const)
            for (const { segment } of r.recency) {
              const ids = segmentCustomers(ds, o, { segment, of });
              assert.deepEqual(ids, segmentCustomers(whole, o, { segment, of }));
              // The lists hold as many customers as the report counts.
              const re = r.reactivation.find((x) => x.segment === segment)!;
              const rc = r.recency.find((x) => x.segment === segment)!;
              assert.equal(
                ids.length,
                of === 'returned' ? re.returned : of === 'recency' ? rc.customers : re.customers,
              );
            }
        }
      },
    ),
    { numRuns: 150, seed: 7 },
  );
});

test('a loyalty-only append updates members, member shares and outstanding points incrementally', () => {
  const ds = createDataset({
    campaigns,
    orders: [
      { id: 'a1', customerId: 'a', time: '2025-03-02T10:00:00Z', revenue: 100, campaignId: 'C1', channel: 'web' },
      { id: 'b1', customerId: 'b', time: '2025-02-25T10:00:00Z', revenue: 40, campaignId: 'C2', channel: 'web' },
      { id: 'b2', customerId: 'b', time: '2025-03-03T10:00:00Z', revenue: 60, campaignId: 'C2', channel: 'web' },
    ],
  });
  const o: ReportOptions = { from: '2025-03-01', to: '2025-03-10' };
  const before = datasetReport(ds, o);
  assert.equal(before.kpis.members!.value, 0);
  assert.equal(before.kpis.memberRevenueShare!.value, 0);
  // b joins on 02-26 (a member at the end of P' too), a new customer z on 03-09, a on 03-11 (after to).
  ds.append({
    loyalty: [
      { customerId: 'b', time: '2025-02-26T10:00:00Z', earned: 10, channel: 'app' },
      { customerId: 'z', time: '2025-03-09T10:00:00Z', earned: 7 },
      { customerId: 'a', time: '2025-03-11T10:00:00Z', earned: 3 },
    ],
  });
  const r = datasetReport(ds, o);
  assert.equal(aggregateMode(ds), 'incremental');
  assert.deepEqual(r, datasetReport(ds, { ...o, cache: false }));
  // Members at 03-10: b, z; at 02-28: b. O in P: a1 100 + b2 60; members' 60. P': b1 40, all b's.
  assert.deepEqual(r.kpis.members, { value: 2, previous: 1, delta: 1, change: 1 });
  assert.equal(r.kpis.memberRevenueShare!.value, 60 / 160);
  assert.equal(r.kpis.memberRevenueShare!.previous, 1);
  assert.equal(r.kpis.pointsOutstanding!.value, 17);
  assert.equal(r.kpis.activeMembers!.value, 1);
  // b's earlier event moves nothing: the same report again.
  ds.append({ loyalty: [{ customerId: 'b', time: '2025-02-27T10:00:00Z', earned: 1 }] });
  const r2 = datasetReport(ds, o);
  assert.equal(aggregateMode(ds), 'incremental');
  assert.deepEqual(r2, datasetReport(ds, { ...o, cache: false }));
  assert.equal(r2.kpis.pointsOutstanding!.value, 18);
  assert.equal(r2.kpis.members!.value, 2);
});
