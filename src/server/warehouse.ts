/**
 * The pushdown: report options in, the same report `computeReport` gives out, with every
 * aggregation done by the warehouse.
 *
 * Steps: resolve the options (the engine's own `resolveOptions`), compile the statements
 * of compiler.ts for the dialect, run them through the user's driver, fill the engine's
 * {@link Aggregates} from their rows, and hand them to the engine's `finishReport`, so the
 * KPI formulas, previous values, deltas, pacing and cohort ratios are the very same code
 * the browser runs.
 */
import {
  AGGREGATES_VERSION,
  type Aggregates,
  type DailyAggregate,
  type ResolvedOptions,
  type ScopeMeasures,
} from '../engine/aggregates-contract.js';
import { finishReport } from '../engine/finish.js';
import type { CustomMeasure } from '../engine/kpis.js';
import {
  DAILY_MEASURE_NAMES,
  emptyMeasures,
  measureColumn as col,
  type DailyMeasureName,
  type MeasureName,
  type Measures,
} from '../engine/measures.js';
import { resolveOptions } from '../engine/options.js';
import { formatDay, formatMonth } from '../core/time.js';
import type { DataIssue } from '../core/issues.js';
import type { Report, ReportOptions } from '../engine/report-types.js';
import {
  COHORT_COLUMNS,
  COST_SETS,
  CUSTOMER_ROWS,
  LOYALTY_SETS,
  customersStatement,
  orderSets,
  ordersStatement,
  othersStatement,
  pacingStatement,
  segmentsStatement,
  unknownCampaignsStatement,
} from './statements.js';
import { resolveMapping, type ResolvedMapping } from './table-mapping.js';
import {
  type WarehouseConfig,
  type WarehouseAccess,
  type Row,
  num,
  str,
  planCustomMeasures,
  compileQuery,
  selectCampaigns,
  statementRunner,
} from './warehouse-run.js';

export { offsetsIn, StatementTimeoutError } from './warehouse-run.js';
export type { WarehouseAccess, WarehouseConfig } from './warehouse-run.js';
export { warehouseSegmentCustomerList, warehouseSegmentCustomers, type SegmentCustomerList } from './segment-lists.js';
export { warehouseDataSummary, type DataSummaryOptions } from './summary.js';

/** Sets measures from the columns named after them (`measureColumn`). */
function read(m: Measures, r: Row, names: readonly MeasureName[]): void {
  for (const name of names) m[name] = num(r[col(name)]);
}

/** Revenue, orders and distinct customers of a group (a channel, an attribute value). */
function group(r: Row): { revenue: number; orders: number; buyers: number } {
  return { revenue: num(r[col('revenue')]), orders: num(r[col('orders')]), buyers: num(r[col('buyers')]) };
}
/**
 * Computes the report of KPI-SPEC section 6 in the warehouse. Never throws for bad
 * options (they are reported in `issues`, as in the engine); a failing statement
 * (connection lost, a mapped column missing) rejects with the driver's error.
 */
export async function warehouseReport(
  config: WarehouseConfig,
  options: Partial<ReportOptions>,
  access: WarehouseAccess = {},
): Promise<Report> {
  const map = resolveMapping(config.mapping);
  const o = resolveOptions(options);
  const agg = await warehouseAggregates(config, map, o, access);
  return finishReport(agg, o);
}
/** The engine's {@link Aggregates}, computed by the warehouse for resolved options. */
export async function warehouseAggregates(
  config: WarehouseConfig,
  map: ResolvedMapping,
  o: ResolvedOptions,
  access: WarehouseAccess = {},
): Promise<Aggregates> {
  const { dialect } = config;
  const run = statementRunner(config, map, access);
  const custom = planCustomMeasures();
  const issues: DataIssue[] = [];

  const base = compileQuery(o, custom.compiled, access);
  const { range } = base;
  const grain = o.cohortGrain;
  const { bucketFrom, bucketTo } = base;

  // Campaigns first: the selection (known ids only, in campaign order) and the budgets.
  const { selected, q } = await selectCampaigns(base, o, (st) => run('campaigns', st), dialect, map, issues);
  const ids = selected.map((c) => c.id);

  const budgeted = selected.filter((c) => c.budget !== null);
  const pacingFrom = Math.min(...budgeted.map((c) => c.start));
  const orderRows = await run('orders', ordersStatement(dialect, map, q));
  const customerRows = await run('customers', customersStatement(dialect, map, q));
  const otherRows = await run('others', othersStatement(dialect, map, q));
  const segmentRows = await run('segments', segmentsStatement(dialect, map, q));
  const pacingRows =
    budgeted.length > 0 && pacingFrom <= o.asOfDay
      ? await run('pacing', pacingStatement(dialect, map, q, range(pacingFrom, o.asOfDay)))
      : [];
  const unknownRows = await run('unknownCampaigns', unknownCampaignsStatement(dialect, map, q));

  // Measures per scope (index 0: the total, 1 + k: campaign ids[k]) and period.
  const pos = new Map(ids.map((id, k) => [id, 1 + k]));
  const scopes: Measures[][] = [];
  for (let s = 0; s <= ids.length; s++)
    scopes.push([emptyMeasures(o.days, o.lifetimeDays), emptyMeasures(o.days, o.lifetimeDays)]);
  for (const m of scopes.flat()) for (const name of custom.keys.keys()) m.custom[name] = 0;
  const at = (campaign: unknown, p: unknown): Measures | undefined => {
    const s = campaign === null || campaign === undefined ? 0 : pos.get(String(campaign));
    return s === undefined ? undefined : scopes[s]?.[num(p)];
  };
  const addCustom = (m: Measures, r: Row, collection: CustomMeasure['collection']) => {
    for (const [name, c] of custom.keys) if (c.collection === collection) m.custom[name]! += num(r[c.key]);
  };

  const dayIndex = (d: unknown): number => num(d) - o.fromDay;
  const daily: DailyAggregate[] = Array.from({ length: o.days }, (_, d) => {
    const point = {
      date: formatDay(o.fromDay + d),
      byCampaign: Object.fromEntries(ids.map((id) => [id, { revenue: 0, orders: 0 }])),
    } as DailyAggregate;
    for (const name of DAILY_MEASURE_NAMES) point[name] = 0;
    return point;
  });
  /** Sets a day's measures from the columns named after them. */
  const readDay = (d: DailyAggregate, r: Row, names: readonly DailyMeasureName[]) => {
    for (const name of names) d[name] = num(r[col(name)]);
  };
  const dayAt = (d: unknown) => {
    const i = dayIndex(d);
    return i >= 0 && i < o.days ? daily[i] : undefined;
  };
  const byChannel: Aggregates['byChannel'] = {};
  const loyaltyByChannel = new Map<string, { earned: number; redeemed: number }>();

  const sets = orderSets(q.breakdowns);
  const ORDER_SETS = sets.masks;
  const byAttribute = new Map<string, Map<string, { revenue: number; orders: number; buyers: number }>>(
    o.breakdowns.map((name) => [name, new Map()]),
  );
  const nameOfKey = new Map(q.attributes.map((a) => [a.key, a.name]));
  for (const r of orderRows) {
    const g = num(r.g);
    const attributeKey = sets.byAttribute.get(g);
    if (attributeKey !== undefined) {
      const value = str(r[attributeKey]);
      if (value === null || num(r.p) !== 0 || !(num(r[col('orders')]) > 0)) continue;
      byAttribute.get(nameOfKey.get(attributeKey)!)!.set(value, group(r));
    } else if (g === ORDER_SETS.scope || g === ORDER_SETS.total) {
      const m = at(g === ORDER_SETS.total ? null : r.campaign_id, r.p);
      if (!m) continue;
      for (const name of ['revenue', 'orders', 'buyers', 'discountCost', 'cogs', 'missingCogs'] as const)
        m[name] = num(r[col(name)]);
      addCustom(m, r, 'orders');
    } else if (g === ORDER_SETS.day) {
      const d = num(r.p) === 0 ? dayAt(r.day) : undefined;
      if (!d) continue;
      readDay(d, r, ['revenue', 'orders', 'buyers', 'discountCost', 'cogs', 'missingCogs']);
    } else if (g === ORDER_SETS.dayCampaign) {
      const d = num(r.p) === 0 ? dayAt(r.day) : undefined;
      const c = d?.byCampaign[String(r.campaign_id)];
      if (!c) continue;
      c.revenue = num(r[col('revenue')]);
      c.orders = num(r[col('orders')]);
    } else if (g === ORDER_SETS.channel) {
      const ch = str(r.channel);
      if (ch === null || num(r.p) !== 0 || !(num(r[col('orders')]) > 0)) continue;
      byChannel[ch] = group(r);
    }
  }

  const step = grain === 'month' ? 1 : 7;
  const nb = (bucketTo - bucketFrom) / step + 1;
  const rows = Array.from({ length: nb }, (_, b) => {
    const bucket = bucketFrom + b * step;
    const len = nb - b;
    return {
      cohort: grain === 'month' ? formatMonth(bucket) : formatDay(bucket),
      size: 0,
      active: new Array<number>(len).fill(0),
      revenue: new Array<number>(len).fill(0),
    };
  });
  for (const r of customerRows) {
    const kind = num(r.kind);
    if (kind === CUSTOMER_ROWS.cohort) {
      const c = (num(r.cb) - bucketFrom) / step;
      const k = (num(r.b) - num(r.cb)) / step;
      const row = rows[c];
      if (!row || k < 0 || k >= row.active.length) continue;
      row.active[k] = num(r[COHORT_COLUMNS.active]);
      row.revenue[k] = num(r[COHORT_COLUMNS.revenue]);
      if (k === 0) row.size = num(r[COHORT_COLUMNS.active]);
      continue;
    }
    if (kind === CUSTOMER_ROWS.newCustomers && r.day !== null && r.day !== undefined) {
      const d = num(r.p) === 0 ? dayAt(r.day) : undefined;
      if (d) readDay(d, r, ['newCustomers']);
      continue;
    }
    const m = at(r.campaign_id, r.p);
    if (!m) continue;
    if (kind === CUSTOMER_ROWS.buyers) {
      m.repeatBuyers = num(r[col('repeatBuyers')]);
      m.retainedBuyers = num(r[col('retainedBuyers')]);
    } else m.newCustomers = num(r[col('newCustomers')]);
  }

  for (const r of otherRows) {
    const src = String(r.src);
    const g = num(r.g);
    const p = num(r.p);
    if (src === 'all') {
      if (g === 1) {
        // O is not per campaign: every scope reports the selection's.
        for (const s of scopes) read(s[p]!, r, ['allRevenue', 'allOrders', 'memberRevenue', 'memberOrders']);
      } else {
        const d = p === 0 ? dayAt(r.day) : undefined;
        if (d) readDay(d, r, ['allRevenue']);
      }
    } else if (src === 'costs') {
      if (g === COST_SETS.day) {
        const d = p === 0 ? dayAt(r.day) : undefined;
        if (d) readDay(d, r, ['spend']);
      } else {
        const m = at(g === COST_SETS.total ? null : r.k, p);
        if (!m) continue;
        read(m, r, ['spend']);
        addCustom(m, r, 'costs');
      }
    } else if (src === 'exposures') {
      const names = ['impressions', 'reach', 'clicks', 'engagements', 'exposureRecords'] as const;
      if (g === COST_SETS.day) {
        const d = p === 0 ? dayAt(r.day) : undefined;
        if (d) readDay(d, r, names);
        continue;
      }
      const m = at(g === COST_SETS.total ? null : r.k, p);
      if (!m) continue;
      read(m, r, names);
      addCustom(m, r, 'exposures');
    } else if (src === 'loyalty') {
      if (g === LOYALTY_SETS.channel) {
        const ch = str(r.k);
        if (ch !== null && p === 0)
          loyaltyByChannel.set(ch, { earned: num(r[col('pointsEarned')]), redeemed: num(r[col('pointsRedeemed')]) });
        continue;
      }
      if (g === LOYALTY_SETS.day) {
        const d = p === 0 ? dayAt(r.day) : undefined;
        if (d) readDay(d, r, ['pointsEarned', 'pointsRedeemed']);
        continue;
      }
      // Loyalty events belong to no campaign: every scope reports the selection's sums.
      for (const s of scopes) {
        read(s[p]!, r, ['pointsEarned', 'pointsRedeemed', 'activeMembers']);
        addCustom(s[p]!, r, 'loyalty');
      }
    } else if (src === 'members') {
      for (const s of scopes) read(s[p]!, r, ['members']);
    } else if (src === 'outstanding') {
      for (const s of scopes) read(s[p]!, r, ['pointsOutstanding']);
    }
  }

  const scope = (s: number): ScopeMeasures => ({ current: scopes[s]![0]!, previous: scopes[s]![1]! });
  const byCampaign: Record<string, ScopeMeasures> = {};
  ids.forEach((id, k) => {
    byCampaign[id] = scope(1 + k);
  });

  const labels = o.recencySegments;
  const recency = labels.map((segment) => ({ segment, customers: 0, revenue: 0 }));
  const reactivation = labels.map((segment) => ({ segment, customers: 0, returned: 0, orders: 0, revenue: 0 }));
  for (const r of segmentRows) {
    const k = num(r.segment);
    if (String(r.kind) === 'recency') {
      const seg = recency[k];
      if (!seg) continue;
      seg.customers = num(r.customers);
      seg.revenue = num(r.revenue);
    } else {
      const seg = reactivation[k];
      if (!seg) continue;
      seg.customers = num(r.customers);
      seg.returned = num(r.returned);
      seg.orders = num(r.orders);
      seg.revenue = num(r.revenue);
    }
  }

  const pacing: Aggregates['pacing'] = {};
  for (const c of selected) {
    if (c.budget === null) continue;
    pacing[c.id] = { budget: c.budget, start: formatDay(c.start), end: formatDay(c.end), spent: 0, revenue: 0 };
  }
  for (const r of pacingRows) {
    const p = pacing[String(r.id)];
    if (!p) continue;
    p.spent += num(r.spent);
    if (String(r.src) === 'orders') p.revenue += num(r.revenue);
  }

  const nouns: Record<string, [string, string]> = {
    orders: ['order', 'orders'],
    costs: ['cost', 'costs'],
    exposures: ['exposure', 'exposures'],
  };
  const unknown = unknownRows
    .map((r) => ({ src: String(r.src), id: String(r.campaign_id), n: num(r.n) }))
    .sort((a, b) => (a.src === b.src ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.src < b.src ? 1 : -1));
  for (const u of unknown) {
    const [one, many] = nouns[u.src] ?? ['record', 'records'];
    issues.push({
      collection: u.src as DataIssue['collection'],
      // A warehouse table has no row order: the index of the first such record is unknown.
      index: -1,
      path: 'campaignId',
      message: u.n === 1 ? `1 ${one} names unknown campaign ${u.id}` : `${u.n} ${many} name unknown campaign ${u.id}`,
    });
  }

  return {
    version: AGGREGATES_VERSION,
    total: scope(0),
    byCampaign,
    byChannel,
    daily,
    cohorts: { grain, rows },
    recency,
    reactivation,
    ...(o.breakdowns.length > 0
      ? {
          byAttribute: Object.fromEntries([...byAttribute].map(([name, values]) => [name, Object.fromEntries(values)])),
        }
      : {}),
    loyaltyByChannel: Object.fromEntries(loyaltyByChannel),
    pacing,
    issues: [...issues, ...custom.issues],
  };
}
