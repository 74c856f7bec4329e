/**
 * computeReport on small hand-computed datasets (KPI-SPEC sections 2, 3, 5, 6).
 * Every expected number is worked out by hand in the comments next to it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetReport } from '../../src/engine/compute.js';
import type { KpiValue, Report } from '../../src/engine/report-types.js';
import { miniDataset, type MiniInput } from './mini-dataset.js';
import { base } from './fixtures.js';

const close = (a: number | null | undefined, b: number, msg?: string): void => {
  assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-9, `${msg ?? ''} expected ${b}, got ${a}`);
};
/** A KPI value; `change` is value - previous whenever both exist (KPI-SPEC section 3). */
const kv = (value: number | null, previous: number | null, delta: number | null, reason?: string): KpiValue => {
  const change = value === null || previous === null ? null : value - previous;
  return reason
    ? { value, previous, delta, change, reason: reason as KpiValue['reason'] }
    : { value, previous, delta, change };
};

const P = { from: '2025-03-01', to: '2025-03-10' };
const report = (opts: Record<string, unknown> = {}, input: MiniInput = base, tz = 'UTC'): Report =>
  datasetReport(miniDataset(input, tz), { ...P, timeZone: tz, ...opts });

test("periods: P, P' and days", () => {
  const r = report();
  assert.deepEqual(r.period, { from: '2025-03-01', to: '2025-03-10', days: 10 });
  // 10 days before 03-01: 02-19 .. 02-28 (2025 is not a leap year).
  assert.deepEqual(r.previous, { from: '2025-02-19', to: '2025-02-28' });
  assert.deepEqual(r.issues, []);
});

test('every KPI of the whole selection, with previous and delta', () => {
  const k = report().kpis;
  // A in P = o1, o2, o3, o5: 100 + 50 + 200 + 40 = 390. A in P' = o4: 80. delta (390 - 80) / 80 = 3.875.
  assert.deepEqual(k.revenue, kv(390, 80, 3.875));
  // 4 orders vs 1: (4 - 1) / 1 = 3.
  assert.deepEqual(k.orders, kv(4, 1, 3));
  // buyers {a, b, c} vs {b}: (3 - 1) / 1 = 2.
  assert.deepEqual(k.buyers, kv(3, 1, 2));
  // aov 390 / 4 = 97.5 vs 80 / 1 = 80: 17.5 / 80 = 0.21875.
  assert.deepEqual(k.aov, kv(97.5, 80, 0.21875));
  // discounts 10 + 5 + 20 + 0 = 35 vs 0: previous 0 gives no delta.
  assert.deepEqual(k.discountCost, kv(35, 0, null));
  // spend: C1 100 + C2 60 + C3 25 = 185 vs C1 40 (02-25): 145 / 40 = 3.625.
  assert.deepEqual(k.spend, kv(185, 40, 3.625));
  // promoCost 185 + 35 = 220 vs 40 + 0 = 40: 180 / 40 = 4.5.
  assert.deepEqual(k.promoCost, kv(220, 40, 4.5));
  // o5 has no cogs: cogs, grossProfit, roi, cltv are missing in P; P' has o4 cogs 50.
  assert.deepEqual(k.cogs, kv(null, 50, null, 'missing-cogs'));
  // previous grossProfit 80 - 50 - 40 = -10.
  assert.deepEqual(k.grossProfit, kv(null, -10, null, 'missing-cogs'));
  // previous roi -10 / 40 = -0.25.
  assert.deepEqual(k.roi, kv(null, -0.25, null, 'missing-cogs'));
  // previous cltv ((80 - 50) / 1) x (365 / 10) = 30 x 36.5 = 1095.
  assert.deepEqual(k.cltv, kv(null, 1095, null, 'missing-cogs'));
  // O in P = every order in P: 390 + 70 + 30 = 490; promoShare 390 / 490. P': 80 / 80 = 1.
  close(k.promoShare!.value, 390 / 490);
  assert.equal(k.promoShare!.previous, 1);
  close(k.promoShare!.delta, (390 / 490 - 1) / 1);
  // Exposures in P: 1000 + 500 impressions, 400 + 100 reach, 50 + 10 clicks, 80 + 20 engagements. None in P'.
  assert.deepEqual(k.impressions, kv(1500, null, null));
  assert.deepEqual(k.reach, kv(500, null, null));
  assert.deepEqual(k.clicks, kv(60, null, null));
  assert.deepEqual(k.engagements, kv(100, null, null));
  // ctr 60 / 1500 = 0.04; engagementRate 100 / 500 = 0.2; conversionRate 3 / 500 = 0.006.
  close(k.ctr!.value, 0.04);
  close(k.engagementRate!.value, 0.2);
  close(k.conversionRate!.value, 0.006);
  assert.equal(k.ctr!.previous, null);
  // first orders: a -> o1 (C1, P), b -> o4 (C2, P'), c -> o5 (C1, P), d -> o6 and e -> o7 (not attributed).
  assert.deepEqual(k.newCustomers, kv(2, 1, 1));
  // cac 220 / 2 = 110 vs 40 / 1 = 40: 70 / 40 = 1.75.
  assert.deepEqual(k.cac, kv(110, 40, 1.75));
  // repeat: a has o1 and o2 in A: 1 / 3. P': b has 1 order: 0 / 1 = 0.
  close(k.repeatRate!.value, 1 / 3);
  assert.equal(k.repeatRate!.previous, 0);
  assert.equal(k.repeatRate!.delta, null);
  // retention (30 days): a: o2 2 days after o1, yes; b: t = o3, no later order; c: no. 1 / 3.
  // P': b: t = o4 (02-25 12:00), o3 (03-02 12:00) is 5 days later: 1 / 1.
  close(k.retentionRate!.value, 1 / 3);
  assert.equal(k.retentionRate!.previous, 1);
  close(k.retentionRate!.delta, (1 / 3 - 1) / 1);
  // costPerReach 220 / 500 = 0.44; costPerConversion 220 / 3 vs 40 / 1.
  assert.deepEqual(k.costPerReach, kv(0.44, null, null));
  close(k.costPerConversion!.value, 220 / 3);
  assert.equal(k.costPerConversion!.previous, 40);
  // loyalty in P: a earned 100, redeemed 20; c redeemed 30 -> 100 and 50. P': b earned 50.
  assert.deepEqual(k.pointsEarned, kv(100, 50, 1));
  assert.deepEqual(k.pointsRedeemed, kv(50, 0, null));
  // 50 / 100 = 0.5 vs 0 / 50 = 0: previous 0 gives no delta.
  assert.deepEqual(k.redemptionRate, kv(0.5, 0, null));
  // budgets: C1 1000 + C3 500 = 1500 (C2 has none), no previous.
  assert.deepEqual(k.budget, kv(1500, null, null));
  // budgetUsed (C1 spent 115 + C3 spent 25) / 1500, see pacing.
  close(k.budgetUsed!.value, 140 / 1500);
  assert.equal(k.budgetUsed!.previous, null);
});

test('byCampaign: each selected campaign alone, campaigns without orders included', () => {
  const r = report();
  assert.deepEqual(Object.keys(r.byCampaign), ['C1', 'C2', 'C3']);
  const c1 = r.byCampaign.C1!;
  // A of C1 in P = o1, o2, o5: 190, 3 orders, buyers {a, c}; P': none.
  assert.deepEqual(c1.revenue, kv(190, 0, null));
  assert.deepEqual(c1.orders, kv(3, 0, null));
  assert.deepEqual(c1.buyers, kv(2, 0, null));
  // discounts 15, spend 100 (the 02-25 cost of 40 is in P'), promoCost 115.
  assert.deepEqual(c1.discountCost, kv(15, 0, null));
  assert.deepEqual(c1.spend, kv(100, 40, 1.5));
  assert.deepEqual(c1.promoCost, kv(115, 40, 1.875));
  assert.equal(c1.cogs!.reason, 'missing-cogs');
  // newCustomers: a (o1) and c (o5) have their first order in C1's A: 2; cac 115 / 2 = 57.5.
  assert.deepEqual(c1.newCustomers, kv(2, 0, null));
  assert.equal(c1.cac!.value, 57.5);
  // repeat a: 1 / 2; retention a yes, c no: 1 / 2.
  assert.equal(c1.repeatRate!.value, 0.5);
  assert.equal(c1.retentionRate!.value, 0.5);
  // exposures of C1 only: ctr 50 / 1000, conversion 2 / 400.
  close(c1.ctr!.value, 0.05);
  close(c1.conversionRate!.value, 0.005);
  // promoShare 190 / 490 (O is the same for every scope).
  close(c1.promoShare!.value, 190 / 490);
  assert.equal(c1.budget!.value, 1000);
  close(c1.budgetUsed!.value, 0.115);

  const c2 = r.byCampaign.C2!;
  // C2 in P: o3 only: revenue 200, cogs 120, spend 60, discount 20 -> promoCost 80.
  assert.deepEqual(c2.revenue, kv(200, 80, 1.5));
  // grossProfit 200 - 120 - 60 = 20 vs 80 - 50 - 0 = 30: (20 - 30) / 30.
  assert.equal(c2.grossProfit!.value, 20);
  assert.equal(c2.grossProfit!.previous, 30);
  close(c2.grossProfit!.delta, -1 / 3);
  // roi 20 / 80 = 0.25; previous promoCost 0: no-data, so previous null.
  assert.deepEqual(c2.roi, kv(0.25, null, null));
  // cltv ((200 - 120) / 1) x 36.5 = 2920; previous ((80 - 50) / 1) x 36.5 = 1095.
  close(c2.cltv!.value, 2920);
  close(c2.cltv!.previous, 1095);
  // b's first order o4 is C2's but in P': 0 new in P (cac no-data), 1 in P'.
  assert.deepEqual(c2.newCustomers, kv(0, 1, -1));
  assert.deepEqual(c2.cac, kv(null, 0, null, 'no-data'));
  assert.deepEqual(c2.budget, kv(null, null, null, 'no-budget'));
  assert.deepEqual(c2.budgetUsed, kv(null, null, null, 'no-budget'));

  const c3 = r.byCampaign.C3!;
  // No orders: sums are 0, ratios over orders/buyers are no-data, exposures no-exposures.
  assert.deepEqual(c3.revenue, kv(0, 0, null));
  assert.deepEqual(c3.aov, kv(null, null, null, 'no-data'));
  assert.deepEqual(c3.repeatRate, kv(null, null, null, 'no-data'));
  assert.deepEqual(c3.reach, kv(null, null, null, 'no-exposures'));
  // spend 25, grossProfit 0 - 0 - 25 = -25, roi -25 / 25 = -1.
  assert.equal(c3.spend!.value, 25);
  assert.equal(c3.grossProfit!.value, -25);
  assert.equal(c3.roi!.value, -1);
  close(c3.budgetUsed!.value, 25 / 500);
});

test('byChannel: revenue, orders, buyers, aov per channel present in A', () => {
  // web: o1 100 + o3 200 (2 buyers); store: o2 50. o5 has no channel.
  assert.deepEqual(report().byChannel, {
    web: { revenue: 300, orders: 2, buyers: 2, aov: 150 },
    store: { revenue: 50, orders: 1, buyers: 1, aov: 50 },
  });
});

test('daily: every local date of P, allRevenue and byCampaign', () => {
  const d = report().daily;
  assert.equal(d.length, 10);
  assert.deepEqual(
    d.map((x) => x.date),
    [
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-08',
      '2025-03-09',
      '2025-03-10',
    ],
  );
  const zero = { revenue: 0, orders: 0 };
  // 03-01: o1 (100, disc 10, cogs 60; a's first order: new), C1 cost 100, C1's exposure
  // record. promoCost 100 + 10; gross profit 100 - 60 - 100. No loyalty event that day.
  assert.deepEqual(d[0], {
    date: '2025-03-01',
    revenue: 100,
    orders: 1,
    buyers: 1,
    discountCost: 10,
    spend: 100,
    allRevenue: 100,
    promoCost: 110,
    cogs: 60,
    grossProfit: -60,
    impressions: 1000,
    reach: 400,
    clicks: 50,
    engagements: 80,
    newCustomers: 1,
    pointsEarned: 0,
    pointsRedeemed: 0,
    byCampaign: { C1: { revenue: 100, orders: 1 }, C2: zero, C3: zero },
  });
  // 03-02: o3 (200, disc 20, cogs 120; b ordered first in P': not new), costs C2 60 + C3
  // 25 = 85, C2's exposure record, a's loyalty event (earned 100, redeemed 20).
  assert.deepEqual(d[1], {
    date: '2025-03-02',
    revenue: 200,
    orders: 1,
    buyers: 1,
    discountCost: 20,
    spend: 85,
    allRevenue: 200,
    promoCost: 105,
    cogs: 120,
    grossProfit: 200 - 120 - 85,
    impressions: 500,
    reach: 100,
    clicks: 10,
    engagements: 20,
    newCustomers: 0,
    pointsEarned: 100,
    pointsRedeemed: 20,
    byCampaign: { C1: zero, C2: { revenue: 200, orders: 1 }, C3: zero },
  });
  // 03-04: o5 has no cogs: the day's cogs and gross profit are unknown; no exposure record
  // that day: the exposure sums are unknown (not 0); c's first order: new.
  assert.deepEqual(
    [d[3]!.cogs, d[3]!.grossProfit, d[3]!.reach, d[3]!.newCustomers, d[3]!.promoCost],
    [null, null, null, 1, 0],
  );
  // 03-04: o5 at 00:00 exactly belongs to 03-04.
  assert.equal(d[3]!.revenue, 40);
  assert.equal(d[2]!.revenue, 50);
  // 03-05: o6 unattributed: allRevenue 70 only; 03-06: o7 (unknown campaign) 30.
  assert.deepEqual([d[4]!.revenue, d[4]!.allRevenue, d[5]!.revenue, d[5]!.allRevenue], [0, 70, 0, 30]);
});

test('channel filter: orders without a channel fail it; costs ignore it', () => {
  const r = report({ channels: ['web'] });
  const k = r.kpis;
  // A = o1 (web), o3 (web); o2 store and o5 (no channel) fail. 300, 2 orders, 2 buyers.
  assert.deepEqual([k.revenue!.value, k.orders!.value, k.buyers!.value], [300, 2, 2]);
  // O = o1, o3, o6 (web); o7 has no channel: 370.
  close(k.promoShare!.value, 300 / 370);
  // spend is not filtered: 185; discounts 10 + 20 = 30.
  assert.equal(k.spend!.value, 185);
  assert.equal(k.promoCost!.value, 215);
  // a's first order o1 is web: new; c's first order o5 has no channel: not in A. 1.
  assert.equal(k.newCustomers!.value, 1);
  // retention: a returns with o2 (store: any order counts): 1 of 2 buyers.
  assert.equal(k.retentionRate!.value, 0.5);
  // exposures: only C1's web record: reach 400.
  assert.equal(k.reach!.value, 400);
  // loyalty events without channel, or 'app', fail: no points earned -> redemption no-data.
  assert.deepEqual(k.redemptionRate, kv(null, null, null, 'no-data'));
  // cogs known for o1, o3: 60 + 120 = 180.
  assert.equal(k.cogs!.value, 180);
  // byChannel only web.
  assert.deepEqual(Object.keys(r.byChannel), ['web']);
});

test('campaign filter: only selected campaigns; O is unchanged', () => {
  const r = report({ campaignIds: ['C2'] });
  assert.deepEqual(Object.keys(r.byCampaign), ['C2']);
  assert.equal(r.kpis.revenue!.value, 200);
  // spend: C2 only 60.
  assert.equal(r.kpis.spend!.value, 60);
  // no selected campaign has a budget.
  assert.deepEqual(r.kpis.budget, kv(null, null, null, 'no-budget'));
  assert.deepEqual(r.pacing, {});
  close(r.kpis.promoShare!.value, 200 / 490);
  assert.deepEqual(Object.keys(r.daily[0]!.byCampaign), ['C2']);
});

test('an unknown campaign in the filter is reported, not fatal', () => {
  const r = report({ campaignIds: ['C1', 'NOPE'] });
  assert.deepEqual(Object.keys(r.byCampaign), ['C1']);
  assert.equal(r.issues.length, 1);
  assert.equal(r.issues[0]!.collection, 'options');
  assert.equal(r.issues[0]!.path, 'campaignIds[1]');
});

test('empty previous period: zero sums, null ratios, no deltas', () => {
  const r = report({ from: '2025-03-06', to: '2025-03-10' });
  // P' = 03-01 .. 03-05 holds orders; choose a period whose P' is empty instead: 2025-02-24 .. 02-28 -> P' 02-19 .. 02-23.
  assert.equal(r.previous?.from, '2025-03-01');
  const e = report({ from: '2025-02-24', to: '2025-02-28' });
  assert.deepEqual(e.previous, { from: '2025-02-19', to: '2025-02-23' });
  // P: o4 only (80). P' empty: previous revenue 0 -> delta null; aov previous no-data -> null.
  assert.deepEqual(e.kpis.revenue, kv(80, 0, null));
  assert.deepEqual(e.kpis.aov, kv(80, null, null));
  assert.deepEqual(e.kpis.retentionRate, kv(1, null, null));
});

test('cohorts by month: members by first order; channel filters do not apply', () => {
  const r = report();
  // bucket(from) = bucket(to) = 2025-03. First orders in March: a (o1), c (o5), d (o6), e (o7); b's is in February.
  // revenue[0]: a 100 + 50, c 40, d 70, e 30 = 290.
  assert.deepEqual(r.cohorts, {
    grain: 'month',
    rows: [{ cohort: '2025-03', size: 4, retention: [1], revenue: [290] }],
  });
  assert.deepEqual(report({ channels: ['web'] }).cohorts, r.cohorts);
});

test('cohorts by ISO week, with and without a campaign filter', () => {
  const r = report({ cohortGrain: 'week' });
  // Weeks: 2025-02-24 (Mon; holds 03-01 Sat and 03-02 Sun), 2025-03-03, 2025-03-10.
  // Week 02-24: a (o1 03-01), b (o4 02-25). k0: a 100, b 80 + 200 -> 2 active, 380; k1: a o2 50; k2: none.
  // Week 03-03: c, d, e. k0: 40 + 70 + 30 = 140; k1: none. Week 03-10: no member, left out.
  assert.deepEqual(r.cohorts, {
    grain: 'week',
    rows: [
      { cohort: '2025-02-24', size: 2, retention: [1, 0.5, 0], revenue: [380, 50, 0] },
      { cohort: '2025-03-03', size: 3, retention: [1, 0], revenue: [140, 0] },
    ],
  });
  // With campaignIds [C1]: only customers whose first order is attributed to C1: a and c.
  assert.deepEqual(report({ cohortGrain: 'week', campaignIds: ['C1'] }).cohorts.rows, [
    { cohort: '2025-02-24', size: 1, retention: [1, 1, 0], revenue: [100, 50, 0] },
    { cohort: '2025-03-03', size: 1, retention: [1, 0], revenue: [40, 0] },
  ]);
});

test('recency: days from the last order on or before asOf; revenue in P; filters do not apply', () => {
  // asOf = to = 03-10. a last 03-03 (7 days) 0-7; b 03-02 (8) 8-14; c 03-04 (6), d 03-05 (5), e 03-06 (4): 0-7.
  // revenue in P: a 150 + c 40 + d 70 + e 30 = 290; b 200.
  const expected = [
    { segment: '0-7', customers: 4, revenue: 290 },
    { segment: '8-14', customers: 1, revenue: 200 },
    { segment: '15-28', customers: 0, revenue: 0 },
    { segment: '29+', customers: 0, revenue: 0 },
  ];
  assert.deepEqual(report().recency, expected);
  assert.deepEqual(report({ channels: ['store'], campaignIds: ['C3'] }).recency, expected);
  // asOf 03-02: only orders on or before 03-02: a (o1 03-01: 1 day), b (o3 03-02: 0 days). Revenue in P still counts all of P.
  assert.deepEqual(report({ asOf: '2025-03-02' }).recency[0], { segment: '0-7', customers: 2, revenue: 350 });
  // asOf 03-31: a 28 days (15-28), b 29 (29+), c 27, d 26, e 25 (15-28).
  assert.deepEqual(
    report({ asOf: '2025-03-31' }).recency.map((x) => x.customers),
    [0, 0, 4, 1],
  );
});

test('pacing: before, during and after a campaign; statuses', () => {
  // Before: asOf 02-25 < start 03-01.
  assert.deepEqual(report({ asOf: '2025-02-25' }).pacing.C1, {
    budget: 1000,
    spent: 0,
    expected: 0,
    pace: null,
    projected: null,
    projectedRevenue: null,
    remaining: 1000,
    daysElapsed: 0,
    daysTotal: 10,
    status: 'scheduled',
    ended: false,
  });
  // During: asOf 03-05: 5 of 10 days. spent = cost 100 (03-01) + discounts o1 10 + o2 5 + o5 0 = 115.
  // expected 1000 x 5 / 10 = 500; pace 115 / 500 = 0.23; projected 115 / 5 x 10 = 230; revenue 190 -> 380.
  assert.deepEqual(report({ asOf: '2025-03-05' }).pacing.C1, {
    budget: 1000,
    spent: 115,
    expected: 500,
    pace: 0.23,
    projected: 230,
    projectedRevenue: 380,
    remaining: 885,
    daysElapsed: 5,
    daysTotal: 10,
    status: 'on-track',
    ended: false,
  });
  // After: asOf 03-20 > end: 10 of 10 days, ended. The 02-25 cost (before start) never counts.
  const after = report({ asOf: '2025-03-20' }).pacing.C1!;
  assert.deepEqual(
    [after.daysElapsed, after.spent, after.expected, after.projected, after.status, after.ended],
    [10, 115, 1000, 115, 'on-track', true],
  );
  // C3 (31 days, budget 500) at asOf 03-10: 10 days, spent 25; expected 500 x 10 / 31; projected 25 / 10 x 31 = 77.5; no revenue.
  const c3 = report().pacing.C3!;
  close(c3.expected, 5000 / 31);
  close(c3.pace, 25 / (5000 / 31));
  close(c3.projected, 77.5);
  assert.equal(c3.projectedRevenue, 0);
  assert.equal(c3.status, 'on-track');
  // at-risk: budget 200, asOf 03-02: spent 100 + 10 = 110 <= 200 but projected 110 / 2 x 10 = 550 > 200.
  const tight = {
    ...base,
    campaigns: [
      { id: 'C1', start: '2025-03-01', end: '2025-03-10', budget: 200 },
      base.campaigns![1]!,
      base.campaigns![2]!,
    ],
  };
  assert.equal(report({ asOf: '2025-03-02' }, tight).pacing.C1!.status, 'at-risk');
  // over-budget: budget 100 < spent 110.
  const over = {
    ...base,
    campaigns: [
      { id: 'C1', start: '2025-03-01', end: '2025-03-10', budget: 100 },
      base.campaigns![1]!,
      base.campaigns![2]!,
    ],
  };
  const o = report({ asOf: '2025-03-02' }, over).pacing.C1!;
  assert.deepEqual([o.status, o.remaining], ['over-budget', -10]);
  // A budget of 0 counts in the budget KPI but has no pacing; budgetUsed divides by 0: no-budget.
  const zero = {
    ...base,
    campaigns: [{ id: 'C1', start: '2025-03-01', end: '2025-03-10', budget: 0 }, base.campaigns![1]!],
  };
  const z = report({}, zero);
  assert.deepEqual(z.pacing, {});
  assert.deepEqual(z.kpis.budget, kv(0, null, null));
  assert.deepEqual(z.kpis.budgetUsed, kv(null, null, null, 'no-budget'));
});

test('ties in first orders: the smaller id wins', () => {
  const t = '2025-03-02T08:00:00Z';
  const tie = (attributedId: string, otherId: string): number | null =>
    report(
      {},
      {
        campaigns: [{ id: 'C1', start: '2025-03-01', end: '2025-03-10' }],
        orders: [
          { id: attributedId, customerId: 'x', time: t, revenue: 10, cogs: 1, campaignId: 'C1' },
          { id: otherId, customerId: 'x', time: t, revenue: 10, cogs: 1, campaignId: null },
        ],
      },
    ).kpis.newCustomers!.value;
  // 'a1' < 'b1': the attributed order is first -> 1 new customer.
  assert.equal(tie('a1', 'b1'), 1);
  // 'b1' > 'a1': the unattributed one is first -> 0.
  assert.equal(tie('b1', 'a1'), 0);
});

test('zero denominators never give NaN or Infinity', () => {
  const r = report({}, { campaigns: [{ id: 'C1', start: '2025-03-01', end: '2025-03-10' }] });
  for (const [id, v] of Object.entries(r.kpis)) {
    assert.ok(v.value === null || Number.isFinite(v.value), id);
    assert.ok(v.previous === null || Number.isFinite(v.previous), id);
    if (v.value === null) assert.ok(v.reason, `${id} has a reason`);
  }
  assert.deepEqual(r.kpis.aov, kv(null, null, null, 'no-data'));
  assert.deepEqual(r.kpis.promoShare, kv(null, null, null, 'no-data'));
  assert.deepEqual(r.kpis.cogs, kv(0, 0, null));
  assert.deepEqual(r.kpis.roi, kv(null, null, null, 'no-data'));
  assert.deepEqual(r.cohorts.rows, []);
});

test('America/New_York: the days the clocks change', () => {
  const input: MiniInput = {
    campaigns: [{ id: 'C', start: '2025-03-01', end: '2025-11-30' }],
    orders: [
      // 2025-03-09 04:59:59Z = 23:59:59 EST on 03-08.
      { id: 'n1', customerId: 'p', time: Date.UTC(2025, 2, 9, 4, 59, 59), revenue: 1, campaignId: 'C' },
      // Wall-clock 00:00 on 03-09 (EST) -> 03-09.
      { id: 'n2', customerId: 'p', time: '2025-03-09T00:00:00', revenue: 2, campaignId: 'C' },
      // 2025-03-10 03:59:59Z = 23:59:59 EDT on 03-09 (the 23-hour day).
      { id: 'n3', customerId: 'q', time: Date.UTC(2025, 2, 10, 3, 59, 59), revenue: 4, campaignId: 'C' },
      // 2025-03-10 04:00:00Z = local midnight EDT: 03-10.
      { id: 'n4', customerId: 'q', time: Date.UTC(2025, 2, 10, 4, 0, 0), revenue: 8, campaignId: 'C' },
      // Fall back: 2025-11-02 05:30Z = 01:30 EDT, 06:30Z = 01:30 EST: both 11-02.
      { id: 'n5', customerId: 'r', time: Date.UTC(2025, 10, 2, 5, 30), revenue: 16, campaignId: 'C' },
      { id: 'n6', customerId: 'r', time: Date.UTC(2025, 10, 2, 6, 30), revenue: 32, campaignId: 'C' },
      // 2025-11-03 04:59:59Z = 23:59:59 EST on 11-02 (the 25-hour day); 05:00Z = 11-03.
      { id: 'n7', customerId: 's', time: Date.UTC(2025, 10, 3, 4, 59, 59), revenue: 64, campaignId: 'C' },
      { id: 'n8', customerId: 's', time: Date.UTC(2025, 10, 3, 5, 0, 0), revenue: 128, campaignId: 'C' },
    ],
  };
  const tz = 'America/New_York';
  const m = report({ from: '2025-03-08', to: '2025-03-10' }, input, tz).daily;
  // 03-08: n1 (1); 03-09: n2 + n3 (2 + 4); 03-10: n4 (8).
  assert.deepEqual(
    m.map((d) => [d.date, d.revenue, d.buyers]),
    [
      ['2025-03-08', 1, 1],
      ['2025-03-09', 6, 2],
      ['2025-03-10', 8, 1],
    ],
  );
  const n = report({ from: '2025-11-01', to: '2025-11-03' }, input, tz).daily;
  // 11-02: n5 + n6 + n7 = 16 + 32 + 64 = 112 (buyers r, s); 11-03: n8 128.
  assert.deepEqual(
    n.map((d) => [d.date, d.revenue, d.buyers]),
    [
      ['2025-11-01', 0, 0],
      ['2025-11-02', 112, 2],
      ['2025-11-03', 128, 1],
    ],
  );
});

test('retention window is 30 x 24 h of elapsed time, across a clock change', () => {
  const tz = 'America/New_York';
  // t = 2025-03-01 12:00 EST = 17:00Z. t + 720 h = 2025-03-31 17:00Z = 13:00 EDT (clocks moved on 03-09).
  const input: MiniInput = {
    campaigns: [{ id: 'C', start: '2025-03-01', end: '2025-03-01' }],
    orders: [
      { id: 'a1', customerId: 'in', time: '2025-03-01T12:00:00', revenue: 1, campaignId: 'C' },
      { id: 'a2', customerId: 'in', time: '2025-03-31T13:00:00', revenue: 1 },
      { id: 'b1', customerId: 'out', time: '2025-03-01T12:00:00', revenue: 1, campaignId: 'C' },
      { id: 'b2', customerId: 'out', time: '2025-03-31T13:00:01', revenue: 1 },
    ],
  };
  // 'in' returns exactly at t + 720 h (inclusive); 'out' one second later: 1 / 2.
  assert.equal(report({ from: '2025-03-01', to: '2025-03-01' }, input, tz).kpis.retentionRate!.value, 0.5);
});

test('Asia/Ho_Chi_Minh: local dates at +07:00', () => {
  const tz = 'Asia/Ho_Chi_Minh';
  const input: MiniInput = {
    campaigns: [{ id: 'C', start: '2025-02-28', end: '2025-03-01' }],
    orders: [
      // 2025-02-28 16:59:59Z = 23:59:59 on 02-28 local.
      { id: 'h1', customerId: 'u', time: Date.UTC(2025, 1, 28, 16, 59, 59), revenue: 3, campaignId: 'C' },
      // 00:30+07:00 on 03-01 = 02-28 17:30Z: local 03-01.
      { id: 'h2', customerId: 'u', time: '2025-03-01T00:30:00+07:00', revenue: 5, campaignId: 'C' },
      // Wall clock without offset is local: 03-01.
      { id: 'h3', customerId: 'v', time: '2025-03-01T00:00:00', revenue: 7, campaignId: 'C' },
    ],
  };
  const r = report({ from: '2025-02-28', to: '2025-03-01' }, input, tz);
  assert.deepEqual(
    r.daily.map((d) => [d.date, d.revenue, d.orders]),
    [
      ['2025-02-28', 3, 1],
      ['2025-03-01', 12, 2],
    ],
  );
  // UTC would put all three on 02-28.
  const u = report({ from: '2025-02-28', to: '2025-03-01' }, { ...input, orders: input.orders!.slice(0, 2) }, 'UTC');
  assert.deepEqual(
    u.daily.map((d) => d.revenue),
    [8, 0],
  );
});

test('a dataset built in another zone: its zone wins and an issue says so', () => {
  const ds = miniDataset(base, 'Asia/Ho_Chi_Minh');
  const r = datasetReport(ds, { ...P, timeZone: 'America/New_York' });
  assert.equal(r.issues.length, 1);
  assert.deepEqual([r.issues[0]!.collection, r.issues[0]!.path], ['options', 'timeZone']);
  assert.match(r.issues[0]!.message, /Asia\/Ho_Chi_Minh/);
  // Same numbers as asking in the dataset's zone.
  const same = datasetReport(ds, { ...P, timeZone: 'Asia/Ho_Chi_Minh' });
  assert.deepEqual(r.kpis, same.kpis);
  assert.deepEqual(same.issues, []);
});

test('bad options are reported, not thrown', () => {
  const r = datasetReport(miniDataset(base), {
    from: '2025-02-30',
    to: '2025-03-10',
    timeZone: 'Mars/Olympus',
    returnWindowDays: -1,
  } as never);
  // bad from takes to: a 1-day period 03-10.
  assert.deepEqual(r.period, { from: '2025-03-10', to: '2025-03-10', days: 1 });
  assert.deepEqual(r.issues.map((i) => i.path).sort(), ['from', 'returnWindowDays', 'timeZone']);
  const swapped = datasetReport(miniDataset(base), { from: '2025-03-10', to: '2025-03-01' });
  assert.equal(swapped.period.days, 10);
  assert.equal(swapped.kpis.revenue!.value, 390);
});
