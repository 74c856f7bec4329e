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
  type ResolvedOptions,
  type ScopeMeasures,
} from '../engine/aggregates-contract.js';
import { finishReport } from '../engine/finish.js';
import { listKpis, type CustomMeasure } from '../engine/kpis.js';
import { emptyMeasures, measureColumn as col, type MeasureName, type Measures } from '../engine/measures.js';
import { resolveOptions } from '../engine/options.js';
import {
  formatDay,
  formatMonth,
  monthIndex,
  monthStart,
  MS_PER_DAY,
  weekStart,
  zoneFor,
  type Zone,
} from '../core/time.js';
import { SEGMENT_OF } from '../core/vocabulary.js';
import type { DataIssue } from '../core/issues.js';
import type { Report, ReportOptions, SegmentQuery } from '../engine/report-types.js';
import {
  assertTenantScoped,
  campaignsStatement,
  COHORT_COLUMNS,
  COST_SETS,
  CUSTOMER_ROWS,
  customersStatement,
  orderSets,
  ordersStatement,
  othersStatement,
  pacingStatement,
  segmentCustomersStatement,
  segmentsStatement,
  unknownCampaignsStatement,
  type CompiledAttribute,
  type CompiledPeriod,
  type CompiledQuery,
  type CustomSql,
  type DayRange,
  type OffsetSpan,
  type TenantKey,
} from './compiler.js';
import type { Dialect } from './dialects/dialect.js';
import type { SqlDriver } from './driver.js';
import { resolveMapping, type ResolvedMapping, type WarehouseMapping } from './table-mapping.js';
import type { Statement } from './sql.js';

/** A configured warehouse: driver, dialect and table mapping. */
export interface WarehouseConfig {
  driver: SqlDriver;
  dialect: Dialect;
  mapping?: WarehouseMapping;
  /** Called with each statement before it runs (logging, EXPLAIN). */
  onStatement?: (name: string, statement: Statement) => void;
  /**
   * Longest a statement may run, ms. The driver is asked to cancel it (`pgDriver` sets
   * PostgreSQL's `statement_timeout`, `duckdbDriver` interrupts the connection); whatever
   * the driver does, the report then rejects with a {@link StatementTimeoutError}.
   * Default: none (the handler sets 30 s).
   */
  statementTimeoutMs?: number;
}

/** A statement ran longer than the configured `statementTimeoutMs`. */
export class StatementTimeoutError extends Error {
  constructor(
    readonly statement: string,
    readonly timeoutMs: number,
  ) {
    super(`the ${statement} statement ran longer than ${timeoutMs} ms`);
    this.name = 'StatementTimeoutError';
  }
}

/** What one request may read: the tenants whose rows every statement is restricted to. */
export interface WarehouseAccess {
  /** Tenant keys (see {@link WarehouseMapping.tenant}); absent: every row of the tables. */
  tenants?: readonly TenantKey[];
}

type Row = Record<string, unknown>;

/**
 * A driver's own timeout error: PostgreSQL's query_canceled (57014), DuckDB's interrupt,
 * ClickHouse's TIMEOUT_EXCEEDED (159).
 */
function isTimeout(error: unknown): boolean {
  if (error instanceof StatementTimeoutError) return true;
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === '57014' ||
    e?.code === '159' ||
    (typeof e?.message === 'string' && /\binterrupted\b|\btimeout exceeded\b/i.test(e.message))
  );
}

function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : 0;
}

/** Sets measures from the columns named after them (`measureColumn`). */
function read(m: Measures, r: Row, names: readonly MeasureName[]): void {
  for (const name of names) m[name] = num(r[col(name)]);
}

/** Revenue, orders and distinct customers of a group (a channel, an attribute value). */
function group(r: Row): { revenue: number; orders: number; buyers: number } {
  return { revenue: num(r[col('revenue')]), orders: num(r[col('orders')]), buyers: num(r[col('buyers')]) };
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Custom measure SQL must be one expression: no statement separators or comments. */
const UNSAFE_SQL = /;|--|\/\*|\*\//;

interface CustomPlan {
  compiled: CustomSql[];
  /** Measure name -> output column. */
  keys: Map<string, { key: string; collection: CustomMeasure['collection'] }>;
  issues: DataIssue[];
}

/** The custom measures of the registry (first declaration of a name wins, as in the engine). */
function planCustomMeasures(): CustomPlan {
  const compiled: CustomSql[] = [];
  const keys = new Map<string, { key: string; collection: CustomMeasure['collection'] }>();
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  for (const def of listKpis()) {
    for (const [name, measure] of Object.entries(def.measures ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      const sql = measure.sql;
      const path = `kpis.${def.id}.measures.${name}`;
      if (typeof sql !== 'string' || sql.trim() === '') {
        issues.push({
          collection: 'options',
          index: 0,
          path,
          message: `${path}: custom measure has no "sql" expression, so it cannot run in the warehouse; KPI "${def.id}" has no value`,
        });
        continue;
      }
      if (UNSAFE_SQL.test(sql)) {
        issues.push({
          collection: 'options',
          index: 0,
          path,
          message: `${path}: "sql" must be a single expression (no ";" or comments); KPI "${def.id}" has no value`,
        });
        continue;
      }
      const key = `m${compiled.length}`;
      compiled.push({ key, collection: measure.collection, sql });
      keys.set(name, { key, collection: measure.collection });
    }
  }
  return { compiled, keys, issues };
}

function bucketOf(grain: 'month' | 'week', day: number): number {
  return grain === 'month' ? monthIndex(day) : weekStart(day);
}

/** The first local day of a bucket. */
function bucketStart(grain: 'month' | 'week', bucket: number): number {
  return grain === 'month' ? monthStart(bucket) : bucket;
}

const BUCKET_MS = 900_000;
/** Step of the transition scan: zones change offset at most a few times a year. */
const SCAN_BUCKETS = 48;

/**
 * The zone's offsets over `[loMs, hiMs)`, as the engine sees them (`Zone.offset`, which
 * takes the offset of each 15-minute bucket): the first span, then one per transition.
 */
export function offsetsIn(zone: Zone, loMs: number, hiMs: number): OffsetSpan[] {
  let b = Math.floor(loMs / BUCKET_MS);
  const end = Math.floor(hiMs / BUCKET_MS);
  let cur = zone.offset(b * BUCKET_MS);
  const spans: OffsetSpan[] = [{ fromMs: loMs, offsetMs: cur }];
  while (b < end) {
    const next = Math.min(b + SCAN_BUCKETS, end);
    if (zone.offset(next * BUCKET_MS) === cur) {
      b = next;
      continue;
    }
    // The first bucket in (b, next] with another offset.
    let lo = b;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid * BUCKET_MS) === cur) lo = mid;
      else hi = mid;
    }
    cur = zone.offset(hi * BUCKET_MS);
    spans.push({ fromMs: hi * BUCKET_MS, offsetMs: cur });
    b = hi;
  }
  return spans;
}

interface CampaignRow {
  id: string;
  start: number;
  end: number;
  budget: number | null;
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

/** A segment's customer list as the warehouse streams it. */
export interface SegmentCustomerList {
  /** How many ids the list holds (known with the first rows, before any id is read). */
  size: number;
  /**
   * The ids in batches, sorted by code point. Read it to the end, or end the iteration
   * early (`break`, `return()`) to cancel the query and free its connection.
   */
  batches: AsyncIterable<string[]>;
}

/**
 * The customer ids of one segment (KPI-SPEC section 7.3, the engine's `segmentCustomers`)
 * computed by the warehouse: the same list, sorted by code point, read in batches as the
 * database produces them (with a driver that has `stream`; else in one batch). Resolves
 * once the first rows are in, with the list's size. Rejects with a RangeError, before any
 * statement runs, for a segment the options' bounds do not define or an unknown `of`;
 * with a {@link StatementTimeoutError} when the first rows take longer than
 * `statementTimeoutMs`; with the driver's error when a statement fails.
 */
export async function warehouseSegmentCustomers(
  config: WarehouseConfig,
  options: Partial<ReportOptions>,
  query: SegmentQuery,
  access: WarehouseAccess = {},
): Promise<SegmentCustomerList> {
  const map = resolveMapping(config.mapping);
  const o = resolveOptions(options);
  const labels = o.recencySegments;
  const index = labels.indexOf(query?.segment as never);
  if (index < 0)
    throw new RangeError(
      `segment: ${JSON.stringify(query?.segment)} is not a segment of recencyBounds ${JSON.stringify(o.recencyBounds)} (${labels.join(', ')})`,
    );
  if (!SEGMENT_OF.includes(query.of))
    throw new RangeError(`of: expected ${SEGMENT_OF.join(', ')}, got ${JSON.stringify(query.of)}`);
  const { driver, dialect } = config;
  const run = statementRunner(config, map, access);
  let q: CompiledQuery = compileQuery(o, [], access);
  // A's campaign selection holds known campaigns only, as in the report.
  if (query.of === 'returned') q = (await selectCampaigns(q, o, (st) => run('campaigns', st), dialect, map, [])).q;
  const st = segmentCustomersStatement(dialect, map, q, query.of, index);
  if (access.tenants !== undefined) assertTenantScoped(dialect, map, 'segmentCustomers', st.sql);
  config.onStatement?.('segmentCustomers', st);
  const rows: AsyncIterator<Record<string, unknown>[]> = driver.stream
    ? driver.stream(st.sql, st.params)[Symbol.asyncIterator]()
    : (async function* () {
        yield await driver.query(st.sql, st.params);
      })();
  const timeoutMs = config.statementTimeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first: IteratorResult<Record<string, unknown>[]>;
  try {
    first = await (timeoutMs === undefined
      ? rows.next()
      : Promise.race([
          rows.next(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new StatementTimeoutError('segmentCustomers', timeoutMs)), timeoutMs);
          }),
        ]));
  } catch (error) {
    // Cancel what is still running (a late statement, an open cursor) in the background.
    rows.return?.().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const ids = (batch: Record<string, unknown>[]) => batch.map((r) => String(r.id));
  return {
    // Every row carries the list's size (COUNT(*) OVER ()).
    size: first.done || first.value.length === 0 ? 0 : num(first.value[0]!.n),
    batches: cancellable(
      (async function* () {
        let done = false;
        try {
          if (first.done) return;
          yield ids(first.value);
          for (;;) {
            const next = await rows.next();
            if (next.done) break;
            yield ids(next.value);
          }
          done = true;
        } finally {
          if (!done && !first.done) await rows.return?.();
        }
      })(),
      // Ended before the first read (a list over the limit): the generator's finally never ran.
      async () => {
        if (!first.done) await rows.return?.();
      },
    ),
  };
}

/**
 * `gen` as an iterable whose `return()` before the first `next()` still runs `cancel` (an
 * async generator that never started skips its own `finally`).
 */
function cancellable<T>(gen: AsyncGenerator<T>, cancel: () => Promise<void>): AsyncIterable<T> {
  let started = false;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        started = true;
        return gen.next();
      },
      return: async (value?: unknown) => {
        if (!started) {
          started = true;
          await cancel();
        }
        return gen.return(value as never);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    }),
  };
}

/** All ids of {@link warehouseSegmentCustomers}, as one array (for lists known to be short). */
export async function warehouseSegmentCustomerList(
  config: WarehouseConfig,
  options: Partial<ReportOptions>,
  query: SegmentQuery,
  access: WarehouseAccess = {},
): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of (await warehouseSegmentCustomers(config, options, query, access)).batches)
    for (const id of batch) out.push(id);
  return out;
}

/**
 * Runs named statements through the driver, reporting each to `onStatement`, and with
 * `statementTimeoutMs` rejecting a late one with a {@link StatementTimeoutError}.
 */
function statementRunner(
  config: WarehouseConfig,
  map: ResolvedMapping,
  access: WarehouseAccess,
): (name: string, st: Statement) => Promise<Row[]> {
  const { driver } = config;
  const timeoutMs = config.statementTimeoutMs;
  return async (name, st) => {
    if (access.tenants !== undefined) assertTenantScoped(config.dialect, map, name, st.sql);
    config.onStatement?.(name, st);
    if (timeoutMs === undefined) return driver.query(st.sql, st.params);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StatementTimeoutError(name, timeoutMs)), timeoutMs);
    });
    try {
      return await Promise.race([driver.query(st.sql, st.params, { timeoutMs }), late]);
    } catch (error) {
      throw isTimeout(error) ? new StatementTimeoutError(name, timeoutMs) : error;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Local days of the report's zone, as the compiler needs them. */
function dayRanges(timeZone: string): (lo: number, hi: number) => DayRange {
  const zone = zoneFor(timeZone);
  return (lo, hi) => {
    const loMs = zone.startOfDay(lo) - MS_PER_DAY;
    const hiMs = zone.startOfDay(hi + 1) + MS_PER_DAY;
    return { lo, hi, loMs, hiMs, offsets: offsetsIn(zone, loMs, hiMs) };
  };
}

/** The compiled query of resolved options (every campaign selected: see {@link selectCampaigns}). */
function compileQuery(
  o: ResolvedOptions,
  custom: readonly CustomSql[],
  access: WarehouseAccess,
): CompiledQuery & { range: (lo: number, hi: number) => DayRange } {
  const range = dayRanges(o.timeZone);
  const grain = o.cohortGrain;
  const bucketFrom = bucketOf(grain, o.fromDay);
  const bucketTo = bucketOf(grain, o.toDay);
  const nextBucket = grain === 'month' ? bucketTo + 1 : bucketTo + 7;
  const period = range(o.fromDay, o.toDay);
  const periods: CompiledPeriod[] = [{ p: 0, lo: o.fromDay, hi: o.toDay, days: period }];
  if (o.compare !== 'none')
    periods.push({ p: 1, lo: o.previousFromDay, hi: o.previousToDay, days: range(o.previousFromDay, o.previousToDay) });
  const lo = Math.min(...periods.map((x) => x.lo));
  const hi = Math.max(...periods.map((x) => x.hi));
  const bounds = o.recencyBounds;
  const reach = bounds[bounds.length - 1]! + 1;
  // Attributes named by a filter or a breakdown, each once, as columns a0, a1 ...
  const names = [...new Set([...Object.keys(o.filters ?? {}), ...o.breakdowns])];
  const attributes: CompiledAttribute[] = names.map((name, k) => ({ key: `a${k}`, name }));
  const keyOf = new Map(attributes.map((a) => [a.name, a.key]));
  const base = o.fromDay - 1;
  return {
    range,
    from: o.fromDay,
    to: o.toDay,
    asOf: o.asOfDay,
    periods,
    window: range(lo, hi),
    period,
    recentDays: range(o.asOfDay - reach, o.asOfDay),
    base,
    baseDays: range(base - reach, base),
    bounds,
    attributes,
    filters: Object.entries(o.filters ?? {}).map(([name, values]) => ({ key: keyOf.get(name)!, values })),
    breakdowns: o.breakdowns.map((name) => keyOf.get(name)!),
    cohortDays: range(bucketStart(grain, bucketFrom), bucketStart(grain, nextBucket) - 1),
    campaignIds: null,
    campaignFilter: o.campaignIds !== null,
    channels: o.channels,
    returnWindowDays: o.returnWindowDays,
    cohortGrain: grain,
    bucketFrom,
    bucketTo,
    custom,
    tenants: access.tenants ?? null,
  };
}

/**
 * Reads the campaigns table: every campaign, the selected ones (known ids only, in
 * campaign order; an unknown selected id is reported) and the query restricted to them.
 */
async function selectCampaigns<Q extends CompiledQuery>(
  base: Q,
  o: ResolvedOptions,
  run: (st: Statement) => Promise<Row[]>,
  dialect: Dialect,
  map: ResolvedMapping,
  issues: DataIssue[],
): Promise<{ selected: CampaignRow[]; q: Q }> {
  const campaigns: CampaignRow[] = (await run(campaignsStatement(dialect, map, base))).map((r) => ({
    id: String(r.id),
    start: num(r.start_day),
    end: num(r.end_day),
    budget: r.budget === null || r.budget === undefined ? null : num(r.budget),
  }));
  let selected = campaigns;
  if (o.campaignIds !== null) {
    const known = new Set(campaigns.map((c) => c.id));
    o.campaignIds.forEach((id, i) => {
      if (!known.has(id))
        issues.push({
          collection: 'options',
          index: 0,
          path: `campaignIds[${i}]`,
          message: `campaignIds[${i}]: no campaign has id ${JSON.stringify(id)}`,
        });
    });
    const wanted = new Set(o.campaignIds);
    selected = campaigns.filter((c) => wanted.has(c.id));
  }
  return { selected, q: { ...base, campaignIds: o.campaignIds === null ? null : selected.map((c) => c.id) } };
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
  const daily = Array.from({ length: o.days }, (_, d) => ({
    date: formatDay(o.fromDay + d),
    revenue: 0,
    orders: 0,
    buyers: 0,
    discountCost: 0,
    spend: 0,
    allRevenue: 0,
    byCampaign: Object.fromEntries(ids.map((id) => [id, { revenue: 0, orders: 0 }])) as Record<
      string,
      { revenue: number; orders: number }
    >,
  }));
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
      d.revenue = num(r[col('revenue')]);
      d.orders = num(r[col('orders')]);
      d.buyers = num(r[col('buyers')]);
      d.discountCost = num(r[col('discountCost')]);
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
        if (d) d.allRevenue = num(r[col('allRevenue')]);
      }
    } else if (src === 'costs') {
      if (g === COST_SETS.day) {
        const d = p === 0 ? dayAt(r.day) : undefined;
        if (d) d.spend = num(r[col('spend')]);
      } else {
        const m = at(g === COST_SETS.total ? null : r.k, p);
        if (!m) continue;
        read(m, r, ['spend']);
        addCustom(m, r, 'costs');
      }
    } else if (src === 'exposures') {
      const m = at(g === 1 ? null : r.k, p);
      if (!m) continue;
      read(m, r, ['impressions', 'reach', 'clicks', 'engagements', 'exposureRecords']);
      addCustom(m, r, 'exposures');
    } else if (src === 'loyalty') {
      if (g === 0) {
        const ch = str(r.k);
        if (ch !== null && p === 0)
          loyaltyByChannel.set(ch, { earned: num(r[col('pointsEarned')]), redeemed: num(r[col('pointsRedeemed')]) });
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
