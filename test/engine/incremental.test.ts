/**
 * Appending to a dataset updates the report incrementally, to the same numbers as a full
 * recompute; custom KPIs are computed in the same pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateMode, clearEngineCache } from '../../src/engine/aggregation/internal.js';
import { datasetReport } from '../../src/engine/compute.js';
import { registerKpi, unregisterKpi } from '../../src/engine/kpis/registry.js';
import { miniDataset, type MiniInput } from './mini-dataset.js';
import { base } from './fixtures.js';
import { GIFT_COST_PER_ORDER } from './fixtures/gift-kpi-definition.js';
import { seeded } from '../../demo/generate.js';

function randomBatch(rand: () => number, from: number, n: number): MiniInput {
  const day0 = Date.UTC(2025, 1, 1);
  const camps = ['C1', 'C2', 'C3', null, 'ZZ'];
  const chans = ['web', 'store', 'app', undefined];
  const orders: MiniInput['orders'] = [];
  for (let i = 0; i < n; i++) {
    orders.push({
      id: `r${from + i}`,
      customerId: `k${Math.floor(rand() * 25)}`,
      // Whole minutes so that ties in time happen.
      time: day0 + Math.floor(rand() * 70 * 24 * 60) * 60_000,
      revenue: Math.floor(rand() * 200),
      discount: Math.floor(rand() * 20),
      cogs: rand() < 0.9 ? Math.floor(rand() * 100) : undefined,
      campaignId: camps[Math.floor(rand() * camps.length)]!,
      channel: chans[Math.floor(rand() * chans.length)],
    });
  }
  const date = (): string => new Date(day0 + Math.floor(rand() * 70) * 86_400_000).toISOString().slice(0, 10);
  return {
    orders,
    costs: [
      { campaignId: 'C1', date: date(), amount: 7, category: 'gift' },
      { campaignId: 'C3', date: date(), amount: 11 },
    ],
    exposures: [
      { campaignId: 'C2', date: date(), impressions: 100, reach: 40, clicks: 3, engagements: 5, channel: 'web' },
    ],
    loyalty: [{ customerId: 'k1', time: day0 + Math.floor(rand() * 70) * 86_400_000, earned: 9, redeemed: 4 }],
  };
}

const optionSets = [
  { from: '2025-03-01', to: '2025-03-10' },
  { from: '2025-03-01', to: '2025-03-31', channels: ['web', 'app'], cohortGrain: 'week' as const },
  { from: '2025-02-15', to: '2025-03-20', campaignIds: ['C1', 'C3'], asOf: '2025-03-05', returnWindowDays: 7 },
];

test('an appended batch updates the report to the same numbers as a full recompute', () => {
  const rand = seeded(42);
  const ds = miniDataset({ ...base, orders: [...base.orders!, ...randomBatch(rand, 0, 60).orders!] });
  for (const o of optionSets) datasetReport(ds, o);
  for (let round = 0; round < 5; round++) {
    ds.append(randomBatch(rand, 1000 * (round + 1), 15));
    for (const o of optionSets) {
      const inc = datasetReport(ds, o);
      assert.equal(aggregateMode(ds), 'incremental');
      const full = datasetReport(ds, { ...o, cache: false });
      assert.equal(aggregateMode(ds), 'full');
      assert.deepEqual(inc, full, `round ${round} ${JSON.stringify(o)}`);
    }
  }
  // Unchanged dataset: the cached aggregates are reused.
  datasetReport(ds, optionSets[0]!);
  assert.equal(aggregateMode(ds), 'cached');
  clearEngineCache(ds);
  datasetReport(ds, optionSets[0]!);
  assert.equal(aggregateMode(ds), 'full');
});

test("a batch that moves first orders, cohorts, pacing, recency and P' updates to the full recompute", () => {
  // P = 03-01 .. 03-10, P' = 02-19 .. 02-28, asOf 03-10 unless given.
  const optionSets = [
    { from: '2025-03-01', to: '2025-03-10' },
    { from: '2025-03-01', to: '2025-03-10', cohortGrain: 'week' as const, channels: ['web', 'app'] },
    { from: '2025-03-01', to: '2025-03-10', campaignIds: ['C1', 'C3'], asOf: '2025-03-08' },
    { from: '2025-02-15', to: '2025-03-31', returnWindowDays: 3 },
  ];
  const ds = miniDataset(base);
  const before = optionSets.map((o) => datasetReport(ds, o));
  ds.append({
    orders: [
      // a: an order in P' before their first (o1, 03-01): a is new in P' (C2), no longer in P; leaves the 2025-03 cohort.
      { id: 'n1', customerId: 'a', time: '2025-02-27T08:00:00Z', revenue: 11, campaignId: 'C2', channel: 'web' },
      // b: last order was 03-02 (8 days before asOf): now 03-08, in C1's pacing window, a new channel.
      {
        id: 'n2',
        customerId: 'b',
        time: '2025-03-08T09:00:00Z',
        revenue: 13,
        discount: 3,
        campaignId: 'C1',
        channel: 'app',
      },
      // f: a new customer, new in P for C3 (budget 500), joins the 2025-03 cohort.
      {
        id: 'n3',
        customerId: 'f',
        time: '2025-03-07T10:00:00Z',
        revenue: 17,
        discount: 2,
        campaignId: 'C3',
        channel: 'web',
      },
      // e: an unattributed order in P' before their first (o7, 03-06): e leaves the 2025-03 cohort.
      { id: 'n4', customerId: 'e', time: '2025-02-20T10:00:00Z', revenue: 19, channel: 'web' },
      // c: returns within a day of their first order (o5, 03-04): retained.
      { id: 'n5', customerId: 'c', time: '2025-03-04T20:00:00Z', revenue: 23, campaignId: 'C1', channel: 'store' },
    ],
  });
  optionSets.forEach((o, i) => {
    const inc = datasetReport(ds, o);
    assert.equal(aggregateMode(ds), 'incremental', JSON.stringify(o));
    const full = datasetReport(ds, { ...o, cache: false });
    assert.deepEqual(inc, full, JSON.stringify(o));
    // The batch changed what it was meant to change.
    const was = before[i]!;
    assert.notDeepEqual(inc.cohorts, was.cohorts, `cohorts ${JSON.stringify(o)}`);
    assert.notDeepEqual(inc.pacing, was.pacing, `pacing ${JSON.stringify(o)}`);
    assert.notDeepEqual(inc.recency, was.recency, `recency ${JSON.stringify(o)}`);
  });
  const [inc] = [datasetReport(ds, optionSets[0]!)];
  const was = before[0]!;
  // New in P: a (o1) and c (o5) before; a moved to P', f joined: c and f.
  assert.equal(was.kpis.newCustomers!.value, 2);
  assert.equal(inc!.kpis.newCustomers!.value, 2);
  assert.equal(inc!.kpis.newCustomers!.previous, was.kpis.newCustomers!.previous! + 1);
  // P' attributed revenue: o4 80 + n1 11.
  assert.equal(was.kpis.revenue!.previous, 80);
  assert.equal(inc!.kpis.revenue!.previous, 91);
  // C1 pacing: o1 + o2 + o5 + n2 + n5 revenue; spent adds the discounts (n2: 3) to costs and discounts.
  assert.equal(inc!.pacing.C1!.spent, was.pacing.C1!.spent + 3);
  assert.equal(inc!.pacing.C3!.spent, was.pacing.C3!.spent + 2);
  // Retained in P: c now returns within the window.
  assert.ok(inc!.kpis.retentionRate!.value! > was.kpis.retentionRate!.value!);
});

test('order sums from the cube and summed row by row give the same report', () => {
  const rand = seeded(7);
  const input: MiniInput = { ...base, orders: [...base.orders!, ...randomBatch(rand, 0, 200).orders!] };
  for (const o of optionSets) {
    const cube = datasetReport(miniDataset(input), { ...o, cache: false });
    const rows = datasetReport(miniDataset(input), {
      ...o,
      cache: false,
      tuning: { cubeMinCells: 0, cubeCellsPerOrder: 0 },
    });
    assert.ok(rows.kpis.revenue!.value! > 0);
    assert.deepEqual(rows, cube, JSON.stringify(o));
  }
});

test("an appended order earlier than a customer's first order moves their first order", () => {
  const ds = miniDataset(base);
  const before = datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  assert.equal(before.kpis.newCustomers!.value, 2);
  // a's first order was o1 (03-01, C1); an unattributed order on 02-27 becomes the first: a is no longer new.
  ds.append({ orders: [{ id: 'o0', customerId: 'a', time: '2025-02-27T09:00:00Z', revenue: 5 }] });
  const after = datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  assert.equal(aggregateMode(ds), 'incremental');
  // new: only c (o5). Month cohort 2025-03 loses a: c, d, e -> 3 members, revenue 40 + 70 + 30 = 140.
  assert.equal(after.kpis.newCustomers!.value, 1);
  assert.deepEqual(after.cohorts.rows, [{ cohort: '2025-03', size: 3, retention: [1], revenue: [140] }]);
});

test('a new campaign in the dataset falls back to a full pass', () => {
  const ds = miniDataset(base);
  datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  ds.append({
    campaigns: [{ id: 'C4', start: '2025-03-05', end: '2025-03-06', budget: 10 }],
    orders: [{ id: 'o9', customerId: 'z', time: '2025-03-05T10:00:00Z', revenue: 9, campaignId: 'C4' }],
  });
  const r = datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  assert.equal(aggregateMode(ds), 'full');
  assert.equal(r.byCampaign.C4!.revenue!.value, 9);
  // 390 + 9.
  assert.equal(r.kpis.revenue!.value, 399);
});

test('custom KPIs: their measures are summed per scope in the same pass', () => {
  registerKpi(GIFT_COST_PER_ORDER);
  registerKpi({
    id: 'webShare',
    label: { en: 'Web share', vi: 'Tỷ trọng web' },
    unit: 'ratio',
    polarity: 'neutral',
    measures: { webRevenue: { collection: 'orders', value: (o) => (o.channel === 'web' ? o.revenue : 0) } },
    compute: (m, f) => f.div(m.custom.webRevenue!, m.revenue),
  });
  try {
    const input: MiniInput = {
      ...base,
      costs: [
        ...base.costs!,
        { campaignId: 'C1', date: '2025-03-02', amount: 30, category: 'gift' },
        { campaignId: 'C2', date: '2025-03-03', amount: 12, category: 'gift' },
      ],
    };
    const r = datasetReport(miniDataset(input), { from: '2025-03-01', to: '2025-03-10' });
    // gift costs in P: 30 (C1) + 12 (C2) = 42 over 4 orders = 10.5; P': 0 over 1 order (o4) = 0, so no delta.
    assert.deepEqual(r.kpis.giftCostPerOrder, { value: 10.5, previous: 0, delta: null, change: 10.5 });
    // C1: 30 / 3 = 10, P' has no C1 order: no-data, previous null. C2: 12 / 1 vs 0 / 1. C3: no orders.
    assert.deepEqual(r.byCampaign.C1!.giftCostPerOrder, { value: 10, previous: null, delta: null, change: null });
    assert.deepEqual(r.byCampaign.C2!.giftCostPerOrder, { value: 12, previous: 0, delta: null, change: 12 });
    assert.deepEqual(r.byCampaign.C3!.giftCostPerOrder, {
      value: null,
      previous: null,
      delta: null,
      change: null,
      reason: 'no-data',
    });
    // web revenue in A: o1 100 + o3 200 = 300 of 390; P': o4 (web) 80 / 80 = 1. C1: o1 100 of 190.
    const w = r.kpis.webShare!;
    assert.ok(Math.abs(w.value! - 300 / 390) < 1e-12);
    assert.equal(w.previous, 1);
    assert.ok(Math.abs(r.byCampaign.C1!.webShare!.value! - 100 / 190) < 1e-12);
  } finally {
    unregisterKpi('giftCostPerOrder');
    unregisterKpi('webShare');
  }
});

test('a batch larger than LARGE_BATCH of the orders (and LARGE_BATCH_MIN) is aggregated by a full pass', () => {
  const ds = miniDataset(base);
  datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  const orders: MiniInput['orders'] = [];
  // 5000 orders of 1 each on 03-05 for C1: > 4096 and > 7 / 16.
  for (let i = 0; i < 5000; i++)
    orders.push({
      id: `big${i}`,
      customerId: `big${i % 100}`,
      time: '2025-03-05T10:00:00Z',
      revenue: 1,
      campaignId: 'C1',
    });
  ds.append({ orders });
  const r = datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  assert.equal(aggregateMode(ds), 'full');
  // 390 + 5000 x 1 = 5390.
  assert.equal(r.kpis.revenue!.value, 5390);
});
