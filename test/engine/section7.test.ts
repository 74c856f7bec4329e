/**
 * KPI-SPEC section 7 (and the delta/change rule of section 3) on small hand-computed data
 * sets: comparison periods, order attributes (filters, breakdowns), recency bounds,
 * re-activation and its customer lists, loyalty members. Every expected number is worked
 * out by hand in the comments next to it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDataset } from '../../src/data/dataset.js';
import type { DataInput } from '../../src/data/records.js';
import { resolveOptions } from '../../src/engine/options.js';
import { computeReport } from '../../src/engine/report.js';
import { summarizeDataset } from '../../src/engine/worker-protocol.js';
import { segmentCustomers } from '../../src/engine/segments.js';
import type { KpiValue, ReportOptions } from '../../src/engine/report-types.js';

const close = (a: number | null | undefined, b: number, msg?: string): void => {
  assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-9, `${msg ?? ''} expected ${b}, got ${a}`);
};

const N = { store: 'S1', region: 'N' };
const S = { store: 'S2', region: 'S' };
const o = (
  id: string,
  customerId: string,
  time: string,
  revenue: number,
  campaignId: string | null,
  channel: string | null,
  attributes?: Record<string, string>,
  more: Record<string, unknown> = {},
) => ({
  id,
  customerId,
  time,
  revenue,
  cogs: 0,
  ...(campaignId ? { campaignId } : {}),
  ...(channel ? { channel } : {}),
  ...(attributes ? { attributes } : {}),
  ...more,
});

/**
 * UTC. P = 2025-03-01 .. 03-10, P' = 02-19 .. 02-28, base day 02-28, asOf 03-10.
 * Orders (all with cogs 0):
 *  a: 02-28 10 C2 web N;  03-02 100 C1 web N (discount 10)
 *  b: 02-21 20 C2 store S
 *  c: 02-20 30 - store S; 03-04 40 C1 store S; 03-05 60 C2 app (no attributes)
 *  d: 03-03 50 C1 web N (first order in P: no re-activation segment)
 *  e: 01-31 70 C2 web {S3, N}; 03-06 80 - web {S3, N}
 *  f: 01-30 5 C2 web
 * Costs: C1 03-02 15, C2 02-25 100.
 * Loyalty: a 02-10 +100 web, a 03-03 -40 web, b 03-05 +50 store, d 03-10T23:59:59Z -20 (no
 * channel), c 03-11T00:00Z +30 web (after `to`).
 */
const data: DataInput = {
  campaigns: [
    { id: 'C1', name: 'March', start: '2025-03-01', end: '2025-03-10', budget: 1000 },
    { id: 'C2', name: 'Spring', start: '2025-01-01', end: '2025-03-31' },
  ],
  orders: [
    o('a1', 'a', '2025-02-28T10:00:00Z', 10, 'C2', 'web', N),
    o('a2', 'a', '2025-03-02T10:00:00Z', 100, 'C1', 'web', N, { discount: 10 }),
    o('b1', 'b', '2025-02-21T09:00:00Z', 20, 'C2', 'store', S),
    o('c1', 'c', '2025-02-20T09:00:00Z', 30, null, 'store', S),
    o('c2', 'c', '2025-03-04T09:00:00Z', 40, 'C1', 'store', S),
    o('c3', 'c', '2025-03-05T09:00:00Z', 60, 'C2', 'app'),
    o('d1', 'd', '2025-03-03T09:00:00Z', 50, 'C1', 'web', N),
    o('e1', 'e', '2025-01-31T09:00:00Z', 70, 'C2', 'web', { store: 'S3', region: 'N' }),
    o('e2', 'e', '2025-03-06T09:00:00Z', 80, null, 'web', { store: 'S3', region: 'N' }),
    o('f1', 'f', '2025-01-30T09:00:00Z', 5, 'C2', 'web'),
  ],
  costs: [
    { campaignId: 'C1', date: '2025-03-02', amount: 15 },
    { campaignId: 'C2', date: '2025-02-25', amount: 100 },
  ],
  loyalty: [
    { customerId: 'a', time: '2025-02-10T08:00:00Z', earned: 100, channel: 'web' },
    { customerId: 'a', time: '2025-03-03T08:00:00Z', redeemed: 40, channel: 'web' },
    { customerId: 'b', time: '2025-03-05T08:00:00Z', earned: 50, channel: 'store' },
    { customerId: 'd', time: '2025-03-10T23:59:59Z', redeemed: 20 },
    { customerId: 'c', time: '2025-03-11T00:00:00Z', earned: 30, channel: 'web' },
  ],
};
const P: ReportOptions = { from: '2025-03-01', to: '2025-03-10', timeZone: 'UTC' };
const report = (more: Partial<ReportOptions> = {}) => computeReport(data, { ...P, ...more });

test('delta only over a positive previous value; change whenever both exist', () => {
  const r = report();
  assert.deepEqual(r.issues, []);
  // Revenue of A: P = a2 100 + c2 40 + c3 60 + d1 50 = 250; P' = a1 10 + b1 20 = 30.
  assert.deepEqual(r.kpis.revenue, { value: 250, previous: 30, delta: 220 / 30, change: 220 });
  // Discounts 10 vs 0: a zero base gives no delta, the change is still 10.
  assert.deepEqual(r.kpis.discountCost, { value: 10, previous: 0, delta: null, change: 10 });
  // Gross profit: P 250 - 0 - 15 = 235; P' 30 - 0 - 100 = -70: a negative base gives no delta (the old rule gave 305 / 70).
  assert.deepEqual(r.kpis.grossProfit, { value: 235, previous: -70, delta: null, change: 305 });
  // ROI: P 235 / (15 + 10) = 9.4; P' -70 / 100 = -0.7: change 10.1 (points of the ratio).
  assert.equal(r.kpis.roi!.delta, null);
  close(r.kpis.roi!.change, 9.4 + 0.7);
  // C1 has no order in P': aov previous null, so delta and change are null.
  assert.deepEqual(r.byCampaign.C1!.aov, { value: 190 / 3, previous: null, delta: null, change: null });
  // Every KPI of every scope carries change.
  for (const scope of [r.kpis, ...Object.values(r.byCampaign)])
    for (const [id, v] of Object.entries(scope)) assert.ok('change' in v, id);
});

test("compare none: no P', every previous, delta and change null", () => {
  const r = report({ compare: 'none' });
  assert.equal(r.previous, null);
  assert.equal(r.kpis.revenue!.value, 250);
  for (const scope of [r.kpis, ...Object.values(r.byCampaign)])
    for (const [id, v] of Object.entries(scope) as [string, KpiValue][]) {
      assert.equal(v.previous, null, id);
      assert.equal(v.delta, null, id);
      assert.equal(v.change, null, id);
    }
  // Nothing else changes: the same P numbers as with the default comparison.
  const d = report();
  for (const [id, v] of Object.entries(d.kpis)) assert.deepEqual(r.kpis[id]!.value, v.value, id);
  assert.deepEqual(r.daily, d.daily);
  assert.deepEqual(r.reactivation, d.reactivation);
});

test('compare year: the same dates a year back, 29 February as 28 February, its own days for cltv', () => {
  const year: DataInput = {
    campaigns: [{ id: 'Y', name: 'Tết', start: '2023-01-01', end: '2024-12-31' }],
    orders: [
      o('g1', 'g', '2023-02-10T10:00:00Z', 100, 'Y', 'web', undefined, { cogs: 40 }),
      o('g2', 'g', '2024-02-10T10:00:00Z', 200, 'Y', 'web', undefined, { cogs: 50 }),
      // In the gap between P' and P: in neither.
      o('h1', 'h', '2023-06-01T10:00:00Z', 1000, 'Y', 'web'),
      o('h2', 'h', '2024-02-29T10:00:00Z', 300, 'Y', 'web'),
      o('k1', 'k', '2023-02-28T10:00:00Z', 7, 'Y', 'web'),
    ],
  };
  const r = computeReport(year, { from: '2024-02-01', to: '2024-02-29', compare: 'year' });
  assert.deepEqual(r.issues, []);
  // 2024-02-29 becomes 2023-02-28: P' has 28 days, P 29.
  assert.deepEqual(r.period, { from: '2024-02-01', to: '2024-02-29', days: 29 });
  assert.deepEqual(r.previous, { from: '2023-02-01', to: '2023-02-28' });
  // P: g2 200 + h2 300 = 500; P': g1 100 + k1 7 = 107 (h1, in the gap, counts nowhere).
  assert.deepEqual(r.kpis.revenue, { value: 500, previous: 107, delta: 393 / 107, change: 393 });
  // cltv: P ((500 - 50) / 2) x 365 / 29; P' ((107 - 40) / 2) x 365 / 28.
  close(r.kpis.cltv!.value, (450 / 2) * (365 / 29));
  close(r.kpis.cltv!.previous, (67 / 2) * (365 / 28));
  // New customers: g and k have their first order in P'; h's first (2023-06-01) is in neither.
  assert.equal(r.kpis.newCustomers!.previous, 2);
  assert.equal(r.kpis.newCustomers!.value, 0);
  // From 29 February: 2023-02-28 .. 2023-03-01 (2 days, as P).
  const leap = computeReport(year, { from: '2024-02-29', to: '2024-03-01', compare: 'year' });
  assert.deepEqual(leap.previous, { from: '2023-02-28', to: '2023-03-01' });
  assert.equal(leap.kpis.revenue!.previous, 7);
  // Daily points and cohorts cover P only: the comparison does not change them.
  const prev = computeReport(year, { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(r.daily, prev.daily);
  assert.deepEqual(r.cohorts, prev.cohorts);
  // A period of more than a year would overlap its comparison: reported, previous period used.
  const long = computeReport(year, { from: '2023-01-01', to: '2024-01-01', compare: 'year' });
  assert.deepEqual(long.previous, { from: '2021-12-31', to: '2022-12-31' });
  assert.deepEqual(
    long.issues.map((i) => i.path),
    ['compare'],
  );
});

test('attribute filters apply to A and O (an order without the attribute fails), never to costs, loyalty or segments', () => {
  const r = report({ filters: { region: ['N'] } });
  assert.deepEqual(r.issues, []);
  // A: a2 100 + d1 50 (c2 is S, c3 has no region). P': a1 10 (b1 is S).
  assert.deepEqual(r.kpis.revenue, { value: 150, previous: 10, delta: 14, change: 140 });
  // O: a2 100 + d1 50 + e2 80 (unattributed, N) = 230; P': a1 10.
  close(r.kpis.promoShare!.value, 150 / 230);
  assert.equal(r.kpis.promoShare!.previous, 1);
  // Costs are not filtered: spend 15 as without the filter.
  assert.equal(r.kpis.spend!.value, 15);
  // Loyalty is not filtered by attributes: as without the filter.
  const d = report();
  for (const id of ['members', 'activeMembers', 'pointsEarned', 'pointsRedeemed', 'pointsOutstanding'])
    assert.deepEqual(r.kpis[id], d.kpis[id], id);
  assert.deepEqual(r.loyaltyByChannel, d.loyaltyByChannel);
  // Recency and re-activation customers are not filtered; returned are (c's A orders fail).
  assert.deepEqual(r.recency, d.recency);
  assert.deepEqual(
    r.reactivation.map((x) => [x.customers, x.returned]),
    [
      [2, 1],
      [1, 0],
      [1, 0],
      [1, 0],
    ],
  );
  // Daily and byChannel follow A: 03-04 (c2, S) has no revenue now.
  assert.equal(r.daily.find((p) => p.date === '2025-03-04')!.revenue, 0);
  assert.deepEqual(Object.keys(r.byChannel), ['web']);
  // New customers: first order in A. d's first order (d1, N) passes; a's first is in P' (a1).
  assert.equal(r.kpis.newCustomers!.value, 1);
  assert.equal(report().kpis.newCustomers!.value, 1);
  // P': a1 (a's first, N) passes region N; b1 (b's first, S) does not.
  assert.equal(report().kpis.newCustomers!.previous, 2);
  assert.equal(r.kpis.newCustomers!.previous, 1);
  // A filter on a name no order has: nothing passes.
  const none = report({ filters: { floor: ['1'] } });
  assert.equal(none.kpis.revenue!.value, 0);
  assert.deepEqual(none.kpis.promoShare!.reason, 'no-data');
  // Two filters: both must pass (store S2 and region S: c2 only).
  assert.equal(report({ filters: { store: ['S2'], region: ['S', 'N'] } }).kpis.revenue!.value, 40);
});

test('breakdowns: byAttribute over A by value, buyers distinct; absent without breakdowns', () => {
  const r = report({ breakdowns: ['store', 'region', 'category'] });
  // A: a2 100 (S1, N), c2 40 (S2, S), c3 60 (none), d1 50 (S1, N).
  assert.deepEqual(r.byAttribute, {
    store: {
      S1: { revenue: 150, orders: 2, buyers: 2, aov: 75 },
      S2: { revenue: 40, orders: 1, buyers: 1, aov: 40 },
    },
    region: {
      N: { revenue: 150, orders: 2, buyers: 2, aov: 75 },
      S: { revenue: 40, orders: 1, buyers: 1, aov: 40 },
    },
    category: {},
  });
  assert.equal('byAttribute' in report(), false);
  assert.equal('byAttribute' in report({ breakdowns: [] }), false);
  // With the channel filter: web only (c2 is store).
  assert.deepEqual(report({ breakdowns: ['store'], channels: ['web'] }).byAttribute, {
    store: { S1: { revenue: 150, orders: 2, buyers: 2, aov: 75 } },
  });
  // One buyer with two orders of a value: 2 orders, 1 buyer.
  const two = computeReport(
    {
      orders: [
        o('t1', 't', '2025-03-02T10:00:00Z', 30, null, 'web', { store: 'S9' }),
        o('t2', 't', '2025-03-03T10:00:00Z', 50, null, 'web', { store: 'S9' }),
      ],
    },
    { ...P, breakdowns: ['store'] },
  );
  // No campaign: not in A (byAttribute is over A).
  assert.deepEqual(two.byAttribute, { store: {} });
  const twoA = computeReport(
    {
      campaigns: [{ id: 'K', name: 'K', start: '2025-03-01', end: '2025-03-10' }],
      orders: [
        o('t1', 't', '2025-03-02T10:00:00Z', 30, 'K', 'web', { store: 'S9' }),
        o('t2', 't', '2025-03-03T10:00:00Z', 50, 'K', 'web', { store: 'S9' }),
      ],
    },
    { ...P, breakdowns: ['store'] },
  );
  assert.deepEqual(twoA.byAttribute, { store: { S9: { revenue: 80, orders: 2, buyers: 1, aov: 40 } } });
  // A bad breakdown name is reported and ignored.
  const bad = report({ breakdowns: ['store', 'no way'] });
  assert.deepEqual(Object.keys(bad.byAttribute!), ['store']);
  assert.deepEqual(
    bad.issues.map((i) => i.path),
    ['breakdowns[1]'],
  );
});

test('re-activation: base day = the day before from, 0 = an order on it, 7 vs 8 days, no order before: no segment', () => {
  const r = report();
  // a: last 02-28 (0 days) and b: 02-21 (7 days) in 0-7; c: 02-20 (8 days) in 8-14; e: 01-31
  // (28) in 15-28; f: 01-30 (29) in 29+. d's first order is in P: in no segment.
  // Returned: a (a2 100), c (c2 40 + c3 60); e's 03-06 order is not attributed.
  assert.deepEqual(r.reactivation, [
    { segment: '0-7', customers: 2, returned: 1, rate: 0.5, orders: 1, revenue: 100 },
    { segment: '8-14', customers: 1, returned: 1, rate: 1, orders: 2, revenue: 100 },
    { segment: '15-28', customers: 1, returned: 0, rate: 0, orders: 0, revenue: 0 },
    { segment: '29+', customers: 1, returned: 0, rate: 0, orders: 0, revenue: 0 },
  ]);
  // The channel filter: customers unchanged, c's orders (store, app) are not in A.
  assert.deepEqual(
    report({ channels: ['web'] }).reactivation.map((x) => [x.customers, x.returned, x.revenue]),
    [
      [2, 1, 100],
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
    ],
  );
  // A campaign filter: C2 only: c3 60 is c's only order of A.
  assert.deepEqual(report({ campaignIds: ['C2'] }).reactivation[1], {
    segment: '8-14',
    customers: 1,
    returned: 1,
    rate: 1,
    orders: 1,
    revenue: 60,
  });
});

test('recency bounds: labels follow them, every segment has a row (an empty one: rate null, no-data), bad bounds fall back', () => {
  const r = report({ recencyBounds: [3, 5, 10] });
  // Base day 02-28: a 0 days; b 7 and c 8 days; e 28, f 29 days.
  assert.deepEqual(r.reactivation, [
    { segment: '0-3', customers: 1, returned: 1, rate: 1, orders: 1, revenue: 100 },
    { segment: '4-5', customers: 0, returned: 0, rate: null, orders: 0, revenue: 0, reason: 'no-data' },
    { segment: '6-10', customers: 2, returned: 1, rate: 0.5, orders: 2, revenue: 100 },
    { segment: '11+', customers: 2, returned: 0, rate: 0, orders: 0, revenue: 0 },
  ]);
  // Recency as of 03-10: a 8 days (03-02), b 17, c 5 (03-05), d 7, e 4, f 39. Revenue in P:
  // a 100, c 100, d 50, e 80.
  assert.deepEqual(r.recency, [
    { segment: '0-3', customers: 0, revenue: 0 },
    { segment: '4-5', customers: 2, revenue: 180 },
    { segment: '6-10', customers: 2, revenue: 150 },
    { segment: '11+', customers: 2, revenue: 0 },
  ]);
  // Default bounds: 0-7 c, d, e (100 + 50 + 80); 8-14 a; 15-28 b; 29+ f.
  assert.deepEqual(report().recency, [
    { segment: '0-7', customers: 3, revenue: 230 },
    { segment: '8-14', customers: 1, revenue: 100 },
    { segment: '15-28', customers: 1, revenue: 0 },
    { segment: '29+', customers: 1, revenue: 0 },
  ]);
  for (const bad of [[7, 7, 28], [0, 7], [7.5], [], ['7'], [-1]] as unknown as number[][]) {
    const b = report({ recencyBounds: bad });
    assert.deepEqual(
      b.recency.map((x) => x.segment),
      ['0-7', '8-14', '15-28', '29+'],
      JSON.stringify(bad),
    );
    assert.deepEqual(
      b.issues.map((i) => i.path),
      ['recencyBounds'],
      JSON.stringify(bad),
    );
  }
});

test('segmentCustomers: recency, reactivation and returned lists, filters, plain input or a dataset', () => {
  const ds = createDataset(data);
  for (const input of [data, ds]) {
    assert.deepEqual(segmentCustomers(input, P, { segment: '0-7', of: 'recency' }), ['c', 'd', 'e']);
    assert.deepEqual(segmentCustomers(input, P, { segment: '0-7', of: 'reactivation' }), ['a', 'b']);
    assert.deepEqual(segmentCustomers(input, P, { segment: '0-7', of: 'returned' }), ['a']);
    assert.deepEqual(segmentCustomers(input, P, { segment: '8-14', of: 'returned' }), ['c']);
    assert.deepEqual(segmentCustomers(input, P, { segment: '29+', of: 'reactivation' }), ['f']);
  }
  // asOf moves the recency lists: as of 03-04, a (03-02), c (03-04), d (03-03) in 0-7; b (02-21) 11 days.
  assert.deepEqual(segmentCustomers(ds, { ...P, asOf: '2025-03-04' }, { segment: '0-7', of: 'recency' }), [
    'a',
    'c',
    'd',
  ]);
  // Filters apply to returned only.
  const north = { ...P, filters: { region: ['N'] } };
  assert.deepEqual(segmentCustomers(ds, north, { segment: '8-14', of: 'returned' }), []);
  assert.deepEqual(segmentCustomers(ds, north, { segment: '8-14', of: 'reactivation' }), ['c']);
  assert.deepEqual(segmentCustomers(ds, { ...P, channels: ['app'] }, { segment: '8-14', of: 'returned' }), ['c']);
  // Bounds of the options: labels follow them.
  assert.deepEqual(segmentCustomers(ds, { ...P, recencyBounds: [3, 5, 10] }, { segment: '6-10', of: 'reactivation' }), [
    'b',
    'c',
  ]);
  // The counts agree with the report.
  const r = computeReport(ds, P);
  r.reactivation.forEach((row) => {
    assert.equal(segmentCustomers(ds, P, { segment: row.segment, of: 'reactivation' }).length, row.customers);
    assert.equal(segmentCustomers(ds, P, { segment: row.segment, of: 'returned' }).length, row.returned);
  });
  r.recency.forEach((row) =>
    assert.equal(segmentCustomers(ds, P, { segment: row.segment, of: 'recency' }).length, row.customers),
  );
  // An unknown segment or kind is a TypeError naming the valid ones.
  assert.throws(() => segmentCustomers(ds, P, { segment: '8-15', of: 'recency' }), /0-7, 8-14, 15-28, 29\+/);
  assert.throws(() => segmentCustomers(ds, P, { segment: '0-7', of: 'x' as never }), /recency, reactivation, returned/);
});

test('segmentCustomers sorts by code point, not by UTF-16 unit', () => {
  // U+FFFD sorts before U+10000 by code point; by UTF-16 unit the surrogate 0xD800 comes first.
  const ids = ['\u{10000}', '\uFFFD', 'Z', 'a', 'T-10', 'T-9'];
  const input: DataInput = {
    orders: ids.map((id, i) => o(`x${i}`, id, '2025-02-27T10:00:00Z', 1, null, null)),
  };
  assert.deepEqual(segmentCustomers(input, P, { segment: '0-7', of: 'reactivation' }), [
    'T-10',
    'T-9',
    'Z',
    'a',
    '\uFFFD',
    '\u{10000}',
  ]);
});

test("loyalty: members at the end of to (and of P'), active members, member shares, points outstanding, by channel", () => {
  const r = report();
  // Members at 03-10: a (02-10), b (03-05), d (03-10T23:59:59); c's first event is 03-11. At 02-28: a.
  assert.deepEqual(r.kpis.members, { value: 3, previous: 1, delta: 2, change: 2 });
  // Events in P: a 03-03, b 03-05, d 03-10: 3 customers; none in P'.
  assert.deepEqual(r.kpis.activeMembers, { value: 3, previous: 0, delta: null, change: 3 });
  // O in P: a2 100, c2 40, c3 60, d1 50, e2 80 = 330; members' (a, d): 150 in 2 orders.
  // P': a1 10, b1 20, c1 30 = 60; members at 02-28 (a): 10 in 1 order.
  close(r.kpis.memberRevenueShare!.value, 150 / 330);
  close(r.kpis.memberRevenueShare!.previous, 10 / 60);
  assert.equal(r.kpis.memberAov!.value, 75);
  assert.equal(r.kpis.memberAov!.previous, 10);
  // Others: (330 - 150) / 3 = 60; P' (60 - 10) / 2 = 25.
  assert.equal(r.kpis.nonMemberAov!.value, 60);
  assert.equal(r.kpis.nonMemberAov!.previous, 25);
  // Outstanding: every event up to 03-10: 100 - 40 + 50 - 20 = 90 (c's 03-11 not yet); up to 02-28: 100.
  assert.deepEqual(r.kpis.pointsOutstanding, { value: 90, previous: 100, delta: -0.1, change: -10 });
  // Earned in P: 50; redeemed 40 + 20 = 60.
  assert.equal(r.kpis.pointsEarned!.value, 50);
  assert.equal(r.kpis.pointsRedeemed!.value, 60);
  // By channel: events of P with a channel (d's has none).
  assert.deepEqual(r.loyaltyByChannel, { web: { earned: 0, redeemed: 40 }, store: { earned: 50, redeemed: 0 } });
  // Loyalty has no campaign: each campaign scope shows the selection's loyalty KPIs.
  for (const id of ['members', 'activeMembers', 'memberRevenueShare', 'memberAov', 'nonMemberAov', 'pointsOutstanding'])
    assert.deepEqual(r.byCampaign.C1![id], r.kpis[id], id);
  // The channel filter: active members and by channel follow it (d's event has no channel),
  // members and outstanding points do not; O is web orders: a2 100, d1 50, e2 80.
  const web = report({ channels: ['web'] });
  assert.equal(web.kpis.activeMembers!.value, 1);
  assert.equal(web.kpis.members!.value, 3);
  assert.equal(web.kpis.pointsOutstanding!.value, 90);
  assert.deepEqual(web.loyaltyByChannel, { web: { earned: 0, redeemed: 40 } });
  close(web.kpis.memberRevenueShare!.value, 150 / 230);
  // to = 03-11: c becomes a member (4) with the 03-11 event.
  assert.equal(report({ to: '2025-03-11' }).kpis.members!.value, 4);
});

test('loyalty: membership is by the local date of the event in the report zone', () => {
  const input: DataInput = {
    orders: [
      o('m1', 'm', '2025-03-05T10:00:00+07:00', 100, null, 'web'),
      o('n1', 'n', '2025-03-05T10:00:00+07:00', 300, null, 'web'),
    ],
    loyalty: [
      // 23:30 on 03-10 in Ho Chi Minh City: a member at to.
      { customerId: 'm', time: '2025-03-10T23:30:00+07:00', earned: 5 },
      // 00:30 on 03-11 there (17:30 UTC on 03-10): first event after to.
      { customerId: 'n', time: '2025-03-10T17:30:00Z', earned: 5 },
    ],
  };
  const r = computeReport(input, { ...P, timeZone: 'Asia/Ho_Chi_Minh' });
  assert.equal(r.kpis.members!.value, 1);
  assert.equal(r.kpis.memberRevenueShare!.value, 0.25);
  assert.equal(r.kpis.memberAov!.value, 100);
  assert.equal(r.kpis.nonMemberAov!.value, 300);
  assert.equal(r.kpis.pointsOutstanding!.value, 5);
  // In UTC both events are on 03-10: two members.
  assert.equal(computeReport(input, P).kpis.members!.value, 2);
});

test('options of section 7: bad values are reported and replaced, good ones resolved', () => {
  const o = resolveOptions({
    from: '2025-03-01',
    to: '2025-03-10',
    compare: 'lastYear' as never,
    filters: { store: ['S1', 'S1', 7], 'bad name': ['x'], region: 'N' } as never,
    breakdowns: ['store', 'store', 'x y'],
    recencyBounds: [7, 3],
  });
  assert.deepEqual(
    o.issues.map((i) => i.message),
    [
      'compare: expected one of previous, year, none, got "lastYear"; using previous',
      'filters.store[2]: expected a string, got 7; ignored',
      'filters.bad name: expected an attribute name (a letter, then up to 31 letters, digits or _); ignored',
      'filters.region: expected an array of strings, got "N"; ignored',
      'breakdowns[1]: expected an attribute name (a letter, then up to 31 letters, digits or _), got "x y"; ignored',
      'recencyBounds: expected strictly increasing whole numbers of days from 1 to 36525, got [7,3]; using 7, 14, 28',
    ],
  );
  assert.equal(o.compare, 'previous');
  assert.deepEqual(o.filters, { store: ['S1'] });
  assert.deepEqual(o.breakdowns, ['store']);
  assert.deepEqual(o.recencySegments, ['0-7', '8-14', '15-28', '29+']);
  const none = resolveOptions({ from: '2025-03-01', to: '2025-03-10', compare: 'none' });
  assert.deepEqual([none.previousFrom, none.previousTo, none.previousDays], [null, null, 0]);
  const year = resolveOptions({ from: '2024-02-29', to: '2024-02-29', compare: 'year' });
  assert.deepEqual([year.previousFrom, year.previousTo, year.previousDays], ['2023-02-28', '2023-02-28', 1]);
});

test('the dataset summary lists attribute names and values in order of appearance', () => {
  const s = summarizeDataset(createDataset(data));
  assert.deepEqual(s.attributes, { store: ['S1', 'S2', 'S3'], region: ['N', 'S'] });
  assert.deepEqual(summarizeDataset(createDataset({})).attributes, {});
});
