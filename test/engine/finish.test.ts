/**
 * The seam: resolveOptions and finishReport over hand-written aggregates (what a warehouse
 * pushdown produces), so both producers share one assembly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGGREGATES_VERSION, type Aggregates } from '../../src/engine/aggregates-contract.js';
import { finishReport, kpiChange, kpiDelta, pacingOf } from '../../src/engine/finish.js';
import { emptyMeasures } from '../../src/engine/kpis.js';
import { resolveOptions } from '../../src/engine/options.js';
import { parseLocalDate } from '../../src/core/time.js';

test('resolveOptions: defaults and the previous period', () => {
  const o = resolveOptions({ from: '2024-02-28', to: '2024-03-01' });
  // 2024 is a leap year: 02-28, 02-29, 03-01 = 3 days; P' = 02-25 .. 02-27.
  assert.equal(o.days, 3);
  assert.deepEqual([o.previousFrom, o.previousTo], ['2024-02-25', '2024-02-27']);
  assert.deepEqual(
    [o.timeZone, o.returnWindowDays, o.lifetimeDays, o.cohortGrain, o.asOf, o.campaignIds, o.channels],
    ['UTC', 30, 365, 'month', '2024-03-01', null, null],
  );
  assert.deepEqual(o.issues, []);
});

test('resolveOptions: every bad option is an issue with a fallback', () => {
  const o = resolveOptions({
    from: 'yesterday',
    to: '2025-13-01',
    cohortGrain: 'year',
    asOf: 5,
    lifetimeDays: 0,
    campaignIds: 'C1',
    channels: ['web', 3],
  } as never);
  assert.deepEqual(
    o.issues.map((i) => i.path),
    ['from', 'to', 'cohortGrain', 'asOf', 'campaignIds', 'channels[1]', 'lifetimeDays'],
  );
  assert.equal(o.days, 1);
  assert.deepEqual([o.cohortGrain, o.lifetimeDays, o.campaignIds, o.channels], ['month', 365, null, ['web']]);
});

test('kpiDelta: null when either side is null or previous <= 0; relative to a positive previous', () => {
  assert.equal(kpiDelta(5, null), null);
  assert.equal(kpiDelta(null, 5), null);
  assert.equal(kpiDelta(5, 0), null);
  // KPI-SPEC section 3: a percentage of a negative base misleads (the old rule gave (-5 - -10) / |-10| = 0.5).
  assert.equal(kpiDelta(-5, -10), null);
  assert.equal(kpiDelta(5, -10), null);
  // (15 - 10) / 10 = 0.5; (-5 - 10) / 10 = -1.5 (a positive base, a negative value).
  assert.equal(kpiDelta(15, 10), 0.5);
  assert.equal(kpiDelta(-5, 10), -1.5);
  // A tiny positive base still divides.
  assert.equal(kpiDelta(1, 1e-300), (1 - 1e-300) / 1e-300);
});

test('kpiChange: value - previous whenever both exist, whatever their sign', () => {
  assert.equal(kpiChange(5, null), null);
  assert.equal(kpiChange(null, 5), null);
  assert.equal(kpiChange(5, 0), 5);
  assert.equal(kpiChange(-5, -10), 5);
  assert.equal(kpiChange(0.034, 0.03), 0.034 - 0.03);
});

test('pacingOf: a one-day campaign, on its day and after', () => {
  const day = parseLocalDate('2025-05-05')!;
  const p = { budget: 100, start: '2025-05-05', end: '2025-05-05', spent: 100, revenue: 300 };
  // 1 of 1 day: expected 100, pace 1, projected 100 (not above budget): on-track.
  assert.deepEqual(pacingOf(p, day), {
    budget: 100,
    spent: 100,
    expected: 100,
    pace: 1,
    projected: 100,
    projectedRevenue: 300,
    remaining: 0,
    daysElapsed: 1,
    daysTotal: 1,
    status: 'on-track',
    ended: false,
  });
  assert.equal(pacingOf(p, day + 1)!.ended, true);
  assert.equal(pacingOf({ ...p, budget: 0 }, day), null);
});

test('finishReport over hand-written aggregates', () => {
  const o = resolveOptions({ from: '2025-05-01', to: '2025-05-02', asOf: '2025-05-02' });
  const cur = { ...emptyMeasures(0, 0), revenue: 120, orders: 3, buyers: 2, spend: 30, cogs: 60 };
  const prev = { ...emptyMeasures(0, 0), revenue: 100, orders: 2, buyers: 2, cogs: 50 };
  const agg: Aggregates = {
    version: AGGREGATES_VERSION,
    total: { current: cur, previous: prev },
    byCampaign: { K: { current: cur, previous: prev } },
    byChannel: { web: { revenue: 120, orders: 3, buyers: 2 } },
    daily: [],
    cohorts: {
      grain: 'month',
      rows: [
        { cohort: '2025-04', size: 0, active: [0, 0], revenue: [0, 0] },
        { cohort: '2025-05', size: 4, active: [4], revenue: [500] },
      ],
    },
    recency: [],
    reactivation: [],
    loyaltyByChannel: {},
    pacing: { K: { budget: 200, start: '2025-05-01', end: '2025-05-10', spent: 50, revenue: 120 } },
    issues: [],
  };
  const r = finishReport(agg, o);
  // aov 120 / 3 = 40 vs 100 / 2 = 50: delta -0.2.
  assert.deepEqual(r.kpis.aov, { value: 40, previous: 50, delta: -0.2, change: -10 });
  // cltv uses the options' days (2) and lifetimeDays (365): ((120 - 60) / 2) x 365 / 2 = 5475.
  assert.equal(r.kpis.cltv!.value, 5475);
  // budget from pacing inputs: 200; budgetUsed 50 / 200.
  assert.deepEqual(r.kpis.budget, { value: 200, previous: null, delta: null, change: null });
  assert.equal(r.byCampaign.K!.budgetUsed!.value, 0.25);
  // The empty cohort is left out; retention 4 / 4.
  assert.deepEqual(r.cohorts.rows, [{ cohort: '2025-05', size: 4, retention: [1], revenue: [500] }]);
  assert.deepEqual(r.byChannel.web, { revenue: 120, orders: 3, buyers: 2, aov: 40 });
  // Pacing: 2 of 10 days, expected 40, pace 1.25, projected 250 > 200: at-risk.
  assert.equal(r.pacing.K!.status, 'at-risk');
  assert.equal(r.pacing.K!.projected, 250);
});
