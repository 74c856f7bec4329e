/**
 * Report assembly: {@link Aggregates} + resolved options -> the report of KPI-SPEC
 * section 6. Pure and shared by every producer of aggregates (the in-browser engine and
 * the warehouse pushdown), so both give the same report for the same data.
 *
 * DOM-free.
 */
import type {
  Aggregates,
  DailyAggregate,
  GroupAggregate,
  PacingInput,
  ReactivationAggregate,
  ResolvedOptions,
  ScopeMeasures,
} from './aggregates-contract.js';
import { evaluateKpi, isMissing, type KpiDefinition, type Measures } from './kpis.js';
import { BUILT_IN_KPIS, describeKpi, listKpis } from './kpis/registry.js';
import { DAILY_MEASURE_NAMES, emptyMeasures, type DailyMeasureName } from './measures.js';
import { parseLocalDate } from '../core/time.js';
import type {
  ChannelSummary,
  CohortRow,
  DailyPoint,
  KpiValue,
  Pacing,
  ReactivationRow,
  Report,
} from './report-types.js';
import { DAILY_MEASURES, type DailyMeasure, type PacingStatus } from '../core/vocabulary.js';

/**
 * `(value - previous) / previous` when `previous > 0`; null when either is null or
 * `previous <= 0` (KPI-SPEC section 3).
 */
export function kpiDelta(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || !(previous > 0)) return null;
  const d = (value - previous) / previous;
  return Number.isFinite(d) ? d : null;
}

/** `value - previous`, or null when either is null. */
export function kpiChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null) return null;
  const c = value - previous;
  return Number.isFinite(c) ? c : null;
}

/**
 * One KPI of one scope: value, previous, delta, change and the reason of a missing value.
 * `previous` null (no comparison, `compare: 'none'`) leaves previous, delta and change null.
 */
export function kpiValue(def: KpiDefinition, current: Measures, previous: Measures | null): KpiValue {
  const v = evaluateKpi(def, current);
  const value = isMissing(v) ? null : v;
  let prev: number | null = null;
  if (!def.noPrevious && previous !== null) {
    const p = evaluateKpi(def, previous);
    prev = isMissing(p) ? null : p;
  }
  const out: KpiValue = { value, previous: prev, delta: kpiDelta(value, prev), change: kpiChange(value, prev) };
  if (isMissing(v)) out.reason = v.reason;
  return out;
}

/** Sets the option- and budget-dependent fields of a scope's measures (copies, never mutates). */
function complete(
  s: ScopeMeasures,
  o: ResolvedOptions,
  budgets: PacingInput[],
): { current: Measures; previous: Measures } {
  let budget: number | null = null;
  let spent: number | null = null;
  for (const b of budgets) {
    budget = (budget ?? 0) + b.budget;
    spent = (spent ?? 0) + b.spent;
  }
  const extra = { lifetimeDays: o.lifetimeDays, budget, budgetSpent: spent };
  return {
    current: { ...s.current, ...extra, days: o.days },
    previous: { ...s.previous, ...extra, days: o.previousDays },
  };
}

function scopeKpis(
  defs: KpiDefinition[],
  m: { current: Measures; previous: Measures },
  compare: boolean,
): Record<string, KpiValue> {
  const out: Record<string, KpiValue> = {};
  for (const def of defs) out[def.id] = kpiValue(def, m.current, compare ? m.previous : null);
  return out;
}

/** Sums of a group (channel, attribute value) with its AOV. */
function summary(c: GroupAggregate): ChannelSummary {
  return { revenue: c.revenue, orders: c.orders, buyers: c.buyers, aov: c.orders > 0 ? c.revenue / c.orders : null };
}

/** A map keyed by data, built from entries (a key such as `__proto__` stays an own key). */
function mapOf<A, B>(src: Record<string, A>, fn: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(src).map(([k, v]) => [k, fn(v)]));
}

/** A re-activation row: the rate, or null with `no-data` for an empty segment. */
export function reactivationRow(r: ReactivationAggregate): ReactivationRow {
  const row: ReactivationRow = {
    segment: r.segment,
    customers: r.customers,
    returned: r.returned,
    rate: r.customers > 0 ? r.returned / r.customers : null,
    orders: r.orders,
    revenue: r.revenue,
  };
  if (row.rate === null) row.reason = 'no-data';
  return row;
}

/**
 * A day's sums by campaign, copied. A loop rather than {@link mapOf}: it runs for every day
 * of the period and is about twice as fast (a year of 50 campaigns: some 4 ms a report).
 */
function copyByCampaign(
  src: Record<string, { revenue: number; orders: number }>,
): Record<string, { revenue: number; orders: number }> {
  const out: Record<string, { revenue: number; orders: number }> = {};
  for (const k in src) {
    const v = src[k]!;
    const copy = { revenue: v.revenue, orders: v.orders };
    // A campaign id `__proto__` must stay an own key (plain assignment would set the prototype).
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[k] = copy;
  }
  return out;
}

// The values of a daily point are the daily measures of the vocabulary, and only those.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const dailyKeysMatch: Same<Exclude<keyof DailyPoint, 'date' | 'byCampaign'>, DailyMeasure> = true;
void dailyKeysMatch;

/**
 * Where each value of a daily point comes from: the built-in KPI of the same name
 * (evaluated over the day's measures, so a day has its own `missing-cogs` or
 * `no-exposures`), else the daily measure of that name (`allRevenue`; that each value is one
 * or the other is a test of test/engine/daily-series.test.ts).
 */
const DAILY_SOURCES = DAILY_MEASURES.map((name) => ({ name, kpi: BUILT_IN_KPIS.find((d) => d.id === name) }));

/**
 * The report's point of one day: each daily value of the vocabulary over that day's
 * measures alone (null where the KPI of that name has no value that day).
 */
export function dailyPoint(d: DailyAggregate, lifetimeDays: number): DailyPoint {
  const m = emptyMeasures(1, lifetimeDays);
  for (const name of DAILY_MEASURE_NAMES) m[name] = d[name];
  const point: Record<string, unknown> = { date: d.date };
  for (const { name, kpi } of DAILY_SOURCES) {
    if (!kpi) point[name] = m[name as DailyMeasureName];
    else {
      const v = evaluateKpi(kpi, m);
      point[name] = isMissing(v) ? null : v;
    }
  }
  point.byCampaign = copyByCampaign(d.byCampaign);
  return point as unknown as DailyPoint;
}

/** Pacing of one campaign with a budget B > 0 (KPI-SPEC section 5), as of `asOfDay`. */
export function pacingOf(p: PacingInput, asOfDay: number): Pacing | null {
  const start = parseLocalDate(p.start);
  const end = parseLocalDate(p.end);
  if (start === null || end === null || !(p.budget > 0)) return null;
  const daysTotal = end - start + 1;
  const daysElapsed = asOfDay < start ? 0 : Math.min(asOfDay, end) - start + 1;
  const expected = (p.budget * daysElapsed) / daysTotal;
  // A tiny budget can make the ratio overflow: no pace rather than Infinity.
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const pace = expected > 0 ? finite(p.spent / expected) : null;
  const projected = daysElapsed > 0 ? finite((p.spent / daysElapsed) * daysTotal) : null;
  const projectedRevenue = daysElapsed > 0 ? finite((p.revenue / daysElapsed) * daysTotal) : null;
  let status: PacingStatus;
  if (asOfDay < start) status = 'scheduled';
  else if (p.spent > p.budget) status = 'over-budget';
  else if (projected !== null && projected > p.budget) status = 'at-risk';
  else status = 'on-track';
  return {
    budget: p.budget,
    spent: p.spent,
    expected,
    pace,
    projected,
    projectedRevenue,
    remaining: p.budget - p.spent,
    daysElapsed,
    daysTotal,
    status,
    ended: asOfDay > end,
  };
}

/**
 * Assembles the report from aggregates. KPIs are evaluated with the registry's current
 * definitions (built-in and custom, in registry order), and the report carries their
 * metadata (`kpiMeta`) so widgets need no registry; cohorts without members are left out
 * (their ratios would divide by zero).
 */
export function finishReport(agg: Aggregates, o: ResolvedOptions): Report {
  const defs = listKpis();
  const pacingInputs = Object.values(agg.pacing);
  const compare = o.compare !== 'none';
  const kpis = scopeKpis(defs, complete(agg.total, o, pacingInputs), compare);

  // Maps keyed by data are built from entries (an id such as `__proto__` stays an own key),
  // and read with Object.hasOwn (an id such as `constructor` must not find Object's).
  const byCampaign: Report['byCampaign'] = Object.fromEntries(
    Object.entries(agg.byCampaign).map(([id, s]) => {
      const own = Object.hasOwn(agg.pacing, id) ? agg.pacing[id] : undefined;
      return [id, scopeKpis(defs, complete(s, o, own ? [own] : []), compare)];
    }),
  );

  const byChannel: Record<string, ChannelSummary> = mapOf(agg.byChannel, summary);

  const daily = agg.daily.map((d) => dailyPoint(d, o.lifetimeDays));

  const rows: CohortRow[] = [];
  for (const c of agg.cohorts.rows) {
    if (!(c.size > 0)) continue;
    rows.push({
      cohort: c.cohort,
      size: c.size,
      retention: c.active.map((a) => a / c.size),
      revenue: c.revenue.slice(),
    });
  }

  const pacingEntries: [string, Pacing][] = [];
  for (const [id, p] of Object.entries(agg.pacing)) {
    const v = pacingOf(p, o.asOfDay);
    if (v) pacingEntries.push([id, v]);
  }
  const pacing: Record<string, Pacing> = Object.fromEntries(pacingEntries);

  const report: Report = {
    period: { from: o.from, to: o.to, days: o.days },
    previous: o.previousFrom !== null && o.previousTo !== null ? { from: o.previousFrom, to: o.previousTo } : null,
    kpis,
    byCampaign,
    byChannel,
    daily,
    cohorts: { grain: agg.cohorts.grain, rows },
    recency: agg.recency.map((r) => ({ segment: r.segment, customers: r.customers, revenue: r.revenue })),
    reactivation: agg.reactivation.map(reactivationRow),
    loyaltyByChannel: mapOf(agg.loyaltyByChannel, (c) => ({ earned: c.earned, redeemed: c.redeemed })),
    pacing,
    issues: [...agg.issues, ...o.issues],
    kpiMeta: Object.fromEntries(defs.map((d) => [d.id, describeKpi(d)])),
  };
  if (o.breakdowns.length > 0) {
    const src = agg.byAttribute ?? {};
    report.byAttribute = Object.fromEntries(
      o.breakdowns.map((name) => [name, Object.hasOwn(src, name) ? mapOf(src[name]!, summary) : {}]),
    );
  }
  return report;
}
