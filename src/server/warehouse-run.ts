/**
 * Running the pushdown's statements: the warehouse configuration, the compiled query of
 * resolved options (local day ranges with the zone's offsets), the campaign selection,
 * the custom measures' SQL, and the runner that reports each statement and enforces the
 * statement timeout.
 */
import type { ResolvedOptions } from '../engine/aggregates-contract.js';
import type { CustomMeasure } from '../engine/kpis.js';
import { listKpis } from '../engine/kpis/registry.js';
import { monthIndex, monthStart, MS_PER_DAY, weekStart, zoneFor, type Zone } from '../core/time.js';
import type { DataIssue } from '../core/issues.js';
import {
  assertTenantScoped,
  type CompiledAttribute,
  type CompiledPeriod,
  type CompiledQuery,
  type CustomSql,
  type DayRange,
  type OffsetSpan,
  type TenantKey,
} from './compiler.js';
import { campaignsStatement } from './statements.js';
import type { Dialect } from './dialects/dialect.js';
import type { SqlDriver } from './driver.js';
import type { ResolvedMapping, WarehouseMapping } from './table-mapping.js';
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

export type Row = Record<string, unknown>;

/**
 * A driver's own timeout error: PostgreSQL's query_canceled (57014), DuckDB's interrupt,
 * ClickHouse's TIMEOUT_EXCEEDED (159).
 */
export function isTimeout(error: unknown): boolean {
  if (error instanceof StatementTimeoutError) return true;
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === '57014' ||
    e?.code === '159' ||
    (typeof e?.message === 'string' && /\binterrupted\b|\btimeout exceeded\b/i.test(e.message))
  );
}

export function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : 0;
}

export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Custom measure SQL must be one expression: no statement separators or comments. */
const UNSAFE_SQL = /;|--|\/\*|\*\//;

export interface CustomPlan {
  compiled: CustomSql[];
  /** Measure name -> output column. */
  keys: Map<string, { key: string; collection: CustomMeasure['collection'] }>;
  issues: DataIssue[];
}

/** The custom measures of the registry (first declaration of a name wins, as in the engine). */
export function planCustomMeasures(): CustomPlan {
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

export function bucketOf(grain: 'month' | 'week', day: number): number {
  return grain === 'month' ? monthIndex(day) : weekStart(day);
}

/** The first local day of a bucket. */
export function bucketStart(grain: 'month' | 'week', bucket: number): number {
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

export interface CampaignRow {
  id: string;
  start: number;
  end: number;
  budget: number | null;
}

/**
 * Runs named statements through the driver, reporting each to `onStatement`, and with
 * `statementTimeoutMs` rejecting a late one with a {@link StatementTimeoutError}.
 */
export function statementRunner(
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
export function dayRanges(timeZone: string): (lo: number, hi: number) => DayRange {
  const zone = zoneFor(timeZone);
  return (lo, hi) => {
    const loMs = zone.startOfDay(lo) - MS_PER_DAY;
    const hiMs = zone.startOfDay(hi + 1) + MS_PER_DAY;
    return { lo, hi, loMs, hiMs, offsets: offsetsIn(zone, loMs, hiMs) };
  };
}

/** The compiled query of resolved options (every campaign selected: see {@link selectCampaigns}). */
export function compileQuery(
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
export async function selectCampaigns<Q extends CompiledQuery>(
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
