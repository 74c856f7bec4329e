/**
 * The daily series of the report (`report.daily`) and of the KPIs (`dailyField`,
 * `dailyPer`): each day's values are that day's own, sums add up to the period's value,
 * a ratio's days use that day's numerator and denominator, and a KPI without a value
 * (missing cogs, no exposures) has days without one too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetReport } from '../../src/engine/compute.js';
import { formula, type Measures } from '../../src/engine/kpis.js';
import { BUILT_IN_KPIS, DEFAULT_BOARD_KPIS } from '../../src/engine/kpis/registry.js';
import { DAILY_MEASURE_NAMES, emptyMeasures, MEASURES } from '../../src/engine/measures.js';
import { DAILY_MEASURES } from '../../src/core/vocabulary.js';
import type { DailyMeasure, DailyPoint, Report } from '../../src/engine/report-types.js';
import { miniDataset, type MiniInput } from './mini-dataset.js';
import { base } from './fixtures.js';
import { seeded } from '../../demo/generate.js';

/** Random data over 2025-02-01 .. 2025-04-11: orders (some without cogs), costs, exposures, loyalty. */
function randomInput(seed: number, withoutCogs: number): MiniInput {
  const rand = seeded(seed);
  const day0 = Date.UTC(2025, 1, 1);
  const camps = ['C1', 'C2', 'C3', null, 'ZZ'];
  const chans = ['web', 'store', 'app', undefined];
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const date = (): string => new Date(day0 + Math.floor(rand() * 70) * 86_400_000).toISOString().slice(0, 10);
  return {
    campaigns: base.campaigns,
    orders: Array.from({ length: 400 }, (_, i) => ({
      id: `r${i}`,
      customerId: `k${Math.floor(rand() * 60)}`,
      time: day0 + Math.floor(rand() * 70 * 24 * 60) * 60_000,
      revenue: Math.floor(rand() * 200),
      discount: Math.floor(rand() * 20),
      cogs: rand() < withoutCogs ? undefined : Math.floor(rand() * 100),
      campaignId: pick(camps),
      channel: pick(chans),
    })),
    costs: Array.from({ length: 40 }, () => ({ campaignId: pick(['C1', 'C2', 'C3']), date: date(), amount: 5 })),
    exposures: Array.from({ length: 30 }, () => ({
      campaignId: pick(['C1', 'C2', 'C3']),
      date: date(),
      impressions: Math.floor(rand() * 1000),
      reach: Math.floor(rand() * 400),
      clicks: Math.floor(rand() * 50),
      engagements: Math.floor(rand() * 80),
      channel: pick(chans),
    })),
    loyalty: Array.from({ length: 50 }, () => ({
      customerId: `k${Math.floor(rand() * 60)}`,
      time: day0 + Math.floor(rand() * 70) * 86_400_000 + 3_600_000,
      earned: Math.floor(rand() * 50),
      redeemed: Math.floor(rand() * 20),
      channel: pick(chans),
    })),
  };
}

const optionSets = [
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-03-01', to: '2025-03-31', channels: ['web', 'app'] },
  { from: '2025-02-15', to: '2025-03-20', campaignIds: ['C1', 'C3'], compare: 'year' as const },
  { from: '2025-03-10', to: '2025-04-05', timeZone: 'Asia/Ho_Chi_Minh', campaignIds: ['C2'] },
];

const close = (a: number, b: number, msg: string): void =>
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)), `${msg}: ${a} != ${b}`);

const values = (r: Report, f: DailyMeasure): (number | null)[] => r.daily.map((d) => d[f] ?? null);
const sum = (v: (number | null)[]): number => v.reduce<number>((s, x) => s + (x ?? 0), 0);

/** Daily values that are sums over the day's records (every one but the distinct `buyers`). */
const ADDITIVE = DAILY_MEASURES.filter((f) => f !== 'buyers');

function checkReport(r: Report, label: string): void {
  // Each daily value that is a KPI adds up to the KPI; a KPI without a value has days without one.
  for (const f of ADDITIVE) {
    if (f === 'allRevenue') continue;
    const k = r.kpis[f]!;
    const v = values(r, f);
    if (k.value !== null) {
      close(sum(v), k.value, `${label} sum of daily ${f}`);
      if (k.reason === undefined && f !== 'reach' && f !== 'impressions' && f !== 'clicks' && f !== 'engagements')
        assert.ok(!v.includes(null), `${label} ${f}: a day without a value`);
    } else if (k.reason === 'missing-cogs') assert.ok(v.includes(null), `${label} ${f}: missing-cogs on no day`);
    else if (k.reason === 'no-exposures')
      assert.ok(
        v.every((x) => x === null),
        `${label} ${f}: exposures on a day`,
      );
  }
  // O's revenue: promoShare = revenue / allRevenue.
  const share = r.kpis.promoShare!.value;
  if (share !== null) close(sum(values(r, 'revenue')) / sum(values(r, 'allRevenue')), share, `${label} allRevenue`);
  // Distinct buyers: at most the period's on each day, at least the period's over all days.
  const buyers = values(r, 'buyers') as number[];
  assert.ok(
    buyers.every((b) => b <= r.kpis.buyers!.value!),
    label,
  );
  assert.ok(sum(buyers) >= r.kpis.buyers!.value!, label);
  // Each day's point is the day's own: the exposure sums are null exactly on days without a record.
  for (const d of r.daily) {
    const none = d.reach === null;
    assert.deepEqual(
      [d.impressions === null, d.clicks === null, d.engagements === null],
      [none, none, none],
      `${label} ${d.date}`,
    );
    assert.equal(d.promoCost, d.spend + d.discountCost, `${label} ${d.date} promoCost`);
    if (d.cogs === null) assert.equal(d.grossProfit, null, `${label} ${d.date} grossProfit`);
    else close(d.grossProfit!, d.revenue - d.cogs! - d.spend, `${label} ${d.date} grossProfit`);
  }
  // A ratio KPI of sums: the sums of its daily numerator and denominator give its value.
  for (const [id, meta] of Object.entries(r.kpiMeta ?? {})) {
    if (!meta.dailyField || !meta.dailyPer || meta.dailyField === 'buyers' || meta.dailyPer === 'buyers') continue;
    const k = r.kpis[id]!;
    if (k.value === null) continue;
    close(sum(values(r, meta.dailyField)) / sum(values(r, meta.dailyPer)), k.value, `${label} ${id}`);
  }
}

test('daily values add up to the period totals, ratios from sums of their daily parts', () => {
  for (const [seed, withoutCogs] of [
    [1, 0],
    [2, 0.05],
    [3, 0],
  ] as const) {
    const input = randomInput(seed, withoutCogs);
    for (const o of optionSets) {
      const r = datasetReport(miniDataset(input, o.timeZone ?? 'UTC'), o);
      const label = `seed ${seed} ${JSON.stringify(o)}`;
      assert.ok(r.kpis.revenue!.value! > 0, label);
      checkReport(r, label);
      if (withoutCogs === 0) assert.notEqual(r.kpis.grossProfit!.value, null, label);
      else assert.equal(r.kpis.grossProfit!.reason, 'missing-cogs', label);
    }
  }
});

test('daily new customers: customers whose first order ever is in A and falls that day', () => {
  const r = datasetReport(miniDataset(base, 'UTC'), { from: '2025-03-01', to: '2025-03-10' });
  // a: o1 on 03-01 (C1); c: o5 on 03-04 (C1, no channel); b's first order is in P'.
  assert.deepEqual(
    r.daily.map((d) => d.newCustomers),
    [1, 0, 0, 1, 0, 0, 0, 0, 0, 0],
  );
  // With the web channel only, c's first order (no channel) is not in A.
  const web = datasetReport(miniDataset(base, 'UTC'), { from: '2025-03-01', to: '2025-03-10', channels: ['web'] });
  assert.deepEqual(
    web.daily.map((d) => d.newCustomers),
    [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  );
  // An appended earlier order of a (in P', C2) moves a's first order out of P: the day loses them.
  const ds = miniDataset(base, 'UTC');
  datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  ds.append({
    orders: [{ id: 'o0', customerId: 'a', time: '2025-02-27T10:00:00Z', revenue: 5, campaignId: 'C2', channel: 'web' }],
  });
  const after = datasetReport(ds, { from: '2025-03-01', to: '2025-03-10' });
  assert.deepEqual(
    after.daily.map((d) => d.newCustomers),
    [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
  );
});

test('the daily values that are KPIs read only measures accumulated per day', () => {
  const daily = new Set<string>(DAILY_MEASURE_NAMES);
  const m = emptyMeasures(1, 365);
  for (const name of DAILY_MEASURE_NAMES) m[name] = 3;
  const strict = new Proxy(m, {
    get(target, key) {
      if (typeof key === 'string' && Object.hasOwn(MEASURES, key) && !daily.has(key))
        throw new Error(`reads ${key}, which is not a daily measure`);
      return Reflect.get(target, key) as unknown;
    },
  }) as Measures;
  for (const name of DAILY_MEASURES) {
    const def = BUILT_IN_KPIS.find((d) => d.id === name);
    if (!def) {
      assert.ok(daily.has(name), `${name} is neither a KPI nor a daily measure`);
      continue;
    }
    assert.doesNotThrow(() => def.compute(strict, formula), name);
  }
});

test("the board's default tiles have a daily series, except retention", () => {
  const withSeries = DEFAULT_BOARD_KPIS.filter((id) => BUILT_IN_KPIS.find((d) => d.id === id)!.dailyField);
  assert.deepEqual(
    withSeries,
    DEFAULT_BOARD_KPIS.filter((id) => id !== 'retentionRate'),
  );
  // Each daily series names values the daily points carry.
  const point: DailyPoint = datasetReport(miniDataset(base, 'UTC'), { from: '2025-03-01', to: '2025-03-01' }).daily[0]!;
  for (const d of BUILT_IN_KPIS) {
    for (const f of [d.dailyField, d.dailyPer]) if (f) assert.ok(Object.hasOwn(point, f), `${d.id}: ${f}`);
  }
});
