/**
 * Compiles KPI-SPEC sections 2, 3 and 5 into SQL: the aggregates the engine needs (sums
 * and counts per scope and period, per day, per channel, cohort and recency counts,
 * pacing sums), never the KPI formulas themselves, which run unchanged on the result.
 *
 * Each statement reads the user's tables through normalising CTEs (canonical column
 * names, instants as epoch ms, dates as day numbers), so the queries below are written
 * once for every mapping and dialect.
 *
 * Tenants. Every read of a base table goes through {@link Compiler.scan}, which adds the
 * tenant predicate (`tenant_column IN (<bound keys>)`) when the query is scoped to
 * tenants: a statement never names a table any other way, so a part added later cannot
 * forget the predicate (test/server/tenant.test.ts checks every emitted statement). Every request value is a placeholder; only
 * validated identifiers and the server's own custom-measure SQL are part of the text.
 *
 * Periods. P has `p = 0`, the comparison period P' (previous days or the same dates a
 * year earlier; none with `compare: 'none'`) `p = 1`. A row is given its period by its
 * local day (the two never overlap).
 *
 * Order attributes (store, region ...) are the normalised columns `a0`, `a1` ... of
 * `orders_n`, one per attribute a filter or a breakdown names, read from the attribute's
 * own column or from the JSON column with the name as a bound key (table-mapping.ts).
 *
 * Local dates of instants. The engine takes the local date of an instant with the
 * offsets of `Intl` (core/time.ts). Rather than asking the warehouse's own time-zone
 * database (`AT TIME ZONE`), which may disagree with the browser's in edge cases and
 * costs a zone lookup per row, the server computes the zone's offsets over the few
 * date ranges a report needs, with the very same code, and passes them as parameters:
 * a local day is then `floor((time_ms + offset) / 86400000)` with the offset picked by a
 * CASE over the transitions in the range (none, or two a year for zones with daylight
 * saving time). Every statement first filters on the stored instant, so only rows near
 * the report's dates are converted, and the days are the engine's days by construction.
 */
import type { CohortGrain } from '../core/vocabulary.js';
import { fieldsOf, type CollectionName, type FieldSpec } from '../data/records.js';
import { mappedTables, type ResolvedMapping, type ResolvedTable } from './table-mapping.js';
import { SqlBuilder } from './sql.js';
import type { Dialect } from './dialects/dialect.js';

/** From `fromMs` on (until the next span), local time is UTC + `offsetMs`. */
export interface OffsetSpan {
  fromMs: number;
  offsetMs: number;
}

/**
 * A range of local days `lo .. hi` with the instants bounding it (`loMs`, `hiMs`: the
 * instants starting `lo` and `hi + 1`, each widened by a day) and the zone's offsets
 * over those instants, first span open to the past.
 */
export interface DayRange {
  lo: number;
  hi: number;
  loMs: number;
  hiMs: number;
  offsets: OffsetSpan[];
}

/** The report options, resolved to day numbers (days since 1970-01-01 on the local calendar). */
export interface CompiledQuery {
  from: number;
  to: number;
  asOf: number;
  /** P (`p` 0), then the comparison period (`p` 1) unless there is none. */
  periods: readonly CompiledPeriod[];
  /** Days spanning every period (offsets for their local days), P alone, the cohort buckets' days. */
  window: DayRange;
  period: DayRange;
  cohortDays: DayRange;
  /** `asOf - last bound - 1 .. asOf`: the days that tell recency segments apart. */
  recentDays: DayRange;
  /** The base day of re-activation (the day before `from`). */
  base: number;
  /** `base - last bound - 1 .. base`: the days that tell re-activation segments apart. */
  baseDays: DayRange;
  /** Recency bounds (`[7, 14, 28]`): segment k holds gaps up to `bounds[k]`, the last one the rest. */
  bounds: readonly number[];
  /** Attributes read from the orders (those a filter or a breakdown names), as columns `a<k>`. */
  attributes: readonly CompiledAttribute[];
  /** Attribute filters: an order passes when its value of each is in the list. */
  filters: readonly { key: string; values: readonly string[] }[];
  /** Attributes broken down over A (their keys). */
  breakdowns: readonly string[];
  /** Selected campaign ids (known ones), or null for every campaign of the campaigns table. */
  campaignIds: readonly string[] | null;
  /** Whether the user gave a campaign filter (cohorts then keep only customers acquired by it). */
  campaignFilter: boolean;
  /** Selected channels, or null for all. */
  channels: readonly string[] | null;
  returnWindowDays: number;
  cohortGrain: CohortGrain;
  /** Buckets (month index, or Monday day number) of `from` and `to`. */
  bucketFrom: number;
  bucketTo: number;
  /** Custom per-record measures with SQL, as `m<i>` columns. */
  custom: readonly CustomSql[];
  /**
   * Tenant keys every table scan is restricted to (bound parameters), or null/absent for
   * a warehouse that serves one tenant. An empty list matches no row.
   */
  tenants?: readonly TenantKey[] | null;
}

/** One period of a report: `p` (0: P, 1: the comparison period) and its local days. */
export interface CompiledPeriod {
  p: 0 | 1;
  lo: number;
  hi: number;
  days: DayRange;
}

/** An order attribute as a normalised column. */
export interface CompiledAttribute {
  /** Column of `orders_n` (`a0`, `a1` ...). */
  key: string;
  /** Attribute name (validated: letters, digits, `_`). */
  name: string;
}

/** A tenant key as stored in the tenant columns: text, or an integer for numeric columns. */
export type TenantKey = string | number;

/** A custom measure as SQL: an expression over the normalised columns of its collection. */
export interface CustomSql {
  /** Output column (`m0`, `m1` ...). */
  key: string;
  collection: 'orders' | 'costs' | 'exposures' | 'loyalty';
  sql: string;
}

/**
 * The columns a custom measure's `sql` expression can use, per collection (normalised
 * names, whatever the user's own columns are called). `day` is the local day number
 * (days since 1970-01-01), `time_ms` the instant in epoch milliseconds.
 */
export const CUSTOM_SQL_COLUMNS = Object.fromEntries(
  (['orders', 'costs', 'exposures', 'loyalty'] as const).map((c) => [
    c,
    sqlFields(c).flatMap(([, f]) => (f.type === 'time' ? [f.sql, 'day'] : [f.sql])),
  ]),
) as unknown as Record<CustomSql['collection'], readonly string[]>;

/** The fields of a collection read from its table, with their normalised columns (data/records.ts). */
function sqlFields(collection: CollectionName): [string, FieldSpec & { sql: string }][] {
  return fieldsOf(collection).filter((e): e is [string, FieldSpec & { sql: string }] => e[1].sql !== null);
}

export const MS_PER_DAY = 86_400_000;

export class Compiler {
  constructor(
    readonly d: Dialect,
    readonly map: ResolvedMapping,
    readonly q: CompiledQuery,
    readonly b: SqlBuilder,
  ) {}

  col(t: ResolvedTable, field: string): string | null {
    const c = t.columns[field];
    return c === null || c === undefined ? null : this.b.ident([c]);
  }

  /** The instant of a timed table's field as epoch ms. */
  instantMs(t: ResolvedTable, field = 'time'): string {
    const raw = this.col(t, field)!;
    switch (t.timeKind) {
      case 'epoch_ms':
        return this.d.double(raw);
      case 'utc_timestamp':
        return this.d.epochMs(this.d.fromUtcTimestamp(raw));
      default:
        return this.d.epochMs(raw);
    }
  }

  text(t: ResolvedTable, field: string): string {
    const c = this.col(t, field);
    return this.d.text(c ?? 'NULL');
  }

  num(t: ResolvedTable, field: string, fallback: string | null): string {
    const c = this.col(t, field);
    if (!c) return this.d.double(fallback ?? 'NULL');
    return fallback === null ? this.d.double(c) : `COALESCE(${this.d.double(c)}, ${this.d.double(fallback)})`;
  }

  /** Day number of a date column. */
  dateDay(t: ResolvedTable, field: string): string {
    return this.d.dayNumber(this.d.date(this.col(t, field)!));
  }

  required(t: ResolvedTable, fields: string[]): string {
    return fields.map((f) => `${this.col(t, f)} IS NOT NULL`).join(' AND ');
  }

  /**
   * The one way a statement reads a base table: `FROM <table> WHERE <tenant> AND <where>`.
   * When the query is scoped to tenants, the table's tenant column must be mapped (else
   * this throws) and only the tenants' rows are read.
   */
  scan(t: ResolvedTable, where: string): string {
    const pred = this.tenantPred(t);
    return `FROM ${this.b.ident(t.table)} WHERE ${pred === null ? '' : `${pred} AND `}(${where})`;
  }

  /** `tenant_column IN (...)` over bound keys, or null when the query is not scoped. */
  tenantPred(t: ResolvedTable): string | null {
    const keys = this.q.tenants;
    if (keys === null || keys === undefined) return null;
    if (t.tenant === null)
      throw new TypeError(
        `warehouse mapping: ${t.collection} has no tenant column, but the query is scoped to tenants`,
      );
    if (keys.length === 0) return '(1 = 0)';
    const col = this.b.ident([t.tenant]);
    const vals = keys.map((k) =>
      typeof k === 'number' ? this.b.p(k, Number.isInteger(k) ? 'int' : 'double') : this.b.p(k, 'text'),
    );
    return `${col} IN (${vals.join(', ')})`;
  }

  cte(name: string, select: string): string {
    return `${name} AS ${this.d.inlineCte}(${select})`;
  }

  /**
   * The normalised columns of a collection's table, one per declared field (data/records.ts):
   * ids and text as text, amounts and counts as doubles (an absent optional one as declared:
   * 0, or NULL when missing), times as epoch ms, dates as day numbers. Rows with a NULL
   * required field are left out.
   */
  normalised(collection: CollectionName, t: ResolvedTable, extra = ''): string {
    const fields = sqlFields(collection);
    const cols = fields.map(([key, f]) => {
      switch (f.type) {
        case 'amount':
        case 'count':
          return `${this.num(t, key, f.required || f.absent !== 0 ? null : '0')} AS ${f.sql}`;
        case 'time':
          return `${this.instantMs(t, key)} AS ${f.sql}`;
        case 'date':
          return `${this.dateDay(t, key)} AS ${f.sql}`;
        default:
          return `${this.text(t, key)} AS ${f.sql}`;
      }
    });
    const required = fields.filter(([, f]) => f.required).map(([key]) => key);
    return `SELECT ${cols.join(', ')}${extra} ${this.scan(t, this.required(t, required))}`;
  }

  /** The normalised columns of a collection the warehouse lacks: no rows, columns typed as {@link normalised}'s. */
  noRows(collection: CollectionName): string {
    const d = this.d;
    const cols = sqlFields(collection).map(([, f]) => {
      switch (f.type) {
        case 'amount':
        case 'count':
        case 'time':
          return `${d.double('0')} AS ${f.sql}`;
        case 'date':
          return `CAST(0 AS BIGINT) AS ${f.sql}`;
        default:
          return `${d.text('NULL')} AS ${f.sql}`;
      }
    });
    return `SELECT ${cols.join(', ')} WHERE 1 = 0`;
  }

  campaigns(): string {
    return this.cte('campaigns_n', this.normalised('campaigns', this.map.campaigns));
  }

  /** The orders, with the attributes the query names (and `extra` columns: `, <expr> AS <name>`). */
  orders(extra = ''): string {
    return this.cte('orders_n', this.normalised('orders', this.map.orders, this.attributeColumns() + extra));
  }

  /** `, <expr> AS a0, ...`: the attributes the query names, as text (NULL: the order lacks it). */
  attributeColumns(): string {
    const m = this.map.orders.attributes;
    return this.q.attributes
      .map(({ key, name }) => {
        const own = m?.columns.get(name);
        let expr: string;
        if (own !== undefined) expr = this.d.text(this.b.ident([own]));
        else if (m?.json) expr = this.d.jsonText(this.b.ident([m.json]), this.b.p(name, 'text'));
        else expr = this.d.text('NULL');
        return `, ${expr} AS ${key}`;
      })
      .join('');
  }

  costs(): string {
    const t = this.map.costs;
    return this.cte('costs_n', t ? this.normalised('costs', t) : this.noRows('costs'));
  }

  exposures(): string {
    const t = this.map.exposures;
    return this.cte('exposures_n', t ? this.normalised('exposures', t) : this.noRows('exposures'));
  }

  loyalty(): string {
    const t = this.map.loyalty;
    return this.cte('loyalty_n', t ? this.normalised('loyalty', t) : this.noRows('loyalty'));
  }

  /** The local day number of an epoch-ms expression whose value lies within `r`'s instants. */
  day(r: DayRange, ms: string): string {
    const b = this.b;
    const spans = r.offsets;
    let offset: string;
    if (spans.length === 1) offset = b.p(spans[0]!.offsetMs, 'double');
    else {
      const whens = spans
        .slice(0, -1)
        .map((s, i) => `WHEN ${ms} < ${b.p(spans[i + 1]!.fromMs, 'double')} THEN ${b.p(s.offsetMs, 'double')}`);
      offset = `CASE ${whens.join(' ')} ELSE ${b.p(spans.at(-1)!.offsetMs, 'double')} END`;
    }
    return `CAST(FLOOR((${ms} + ${offset}) / ${MS_PER_DAY}) AS BIGINT)`;
  }

  /**
   * Whether an epoch-ms expression falls on a local day of `r`: a comparison of numbers
   * that can use the warehouse's pruning, then the exact local day.
   */
  inDays(r: DayRange, ms: string): string {
    const b = this.b;
    return `(${ms} >= ${b.p(r.loMs, 'double')} AND ${ms} < ${b.p(r.hiMs, 'double')} AND ${this.day(r, ms)} BETWEEN ${b.p(
      r.lo,
      'int',
    )} AND ${b.p(r.hi, 'int')})`;
  }

  /** The campaign selection predicate on `expr`. */
  campaignPred(expr: string): string {
    if (this.q.campaignIds === null) return `${expr} IN (SELECT id FROM campaigns_n)`;
    return this.b.inList(expr, this.q.campaignIds);
  }

  /** The channel filter on `expr` (a NULL channel fails any filter). */
  channelPred(expr: string): string {
    if (this.q.channels === null) return '(1 = 1)';
    return this.b.inList(expr, this.q.channels);
  }

  /** The attribute filters on the attribute columns of `alias` (`''` or `f.`): a NULL fails. */
  filterPred(alias = ''): string {
    if (this.q.filters.length === 0) return '(1 = 1)';
    return this.q.filters.map((f) => this.b.inList(`${alias}${f.key}`, f.values)).join(' AND ');
  }

  /**
   * Whether an epoch-ms expression lies within the instants of any of `ranges` (merged
   * when they touch): the cheap test before the exact local day.
   */
  instantsIn(ranges: readonly DayRange[], ms: string): string {
    const spans = ranges.map((r) => [r.loMs, r.hiMs] as [number, number]).sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const s of spans) {
      const last = merged.at(-1);
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    const parts = merged.map(
      ([lo, hi]) => `(${ms} >= ${this.b.p(lo, 'double')} AND ${ms} < ${this.b.p(hi, 'double')})`,
    );
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }

  /** The instants of every period of the query. */
  periodInstants(ms: string, periods: readonly CompiledPeriod[] = this.q.periods): string {
    return this.instantsIn(
      periods.map((p) => p.days),
      ms,
    );
  }

  /**
   * The rows of `sub` (a query with a `day` column) with their period `p` added, rows in
   * no period left out. Periods never overlap: the options fall back to `previous` when
   * the year before would overlap P.
   */
  withPeriod(sub: string, periods: readonly CompiledPeriod[] = this.q.periods): string {
    const b = this.b;
    const whens = periods
      .map((pr) => `WHEN x.day BETWEEN ${b.p(pr.lo, 'int')} AND ${b.p(pr.hi, 'int')} THEN ${pr.p}`)
      .join(' ');
    return `SELECT y.* FROM (SELECT x.*, CASE ${whens} END AS p FROM (${sub}) x) y WHERE y.p IS NOT NULL`;
  }

  /** Whether an epoch-ms expression is timed on or before the end of local day `day` (a day of `r`). */
  onOrBefore(r: DayRange, ms: string, day: number): string {
    const b = this.b;
    return `(${ms} < ${b.p(r.loMs, 'double')} OR (${ms} < ${b.p(r.hiMs, 'double')} AND ${this.day(r, ms)} <= ${b.p(
      day,
      'int',
    )}))`;
  }

  /**
   * The segment (0 .. bounds.length) of the days from the local date of an epoch-ms
   * expression (on or before `day0`, a day of `r`) to `day0`: segment k holds the gaps up
   * to `bounds[k]`, the last one the longer gaps. NULL for a NULL instant. Instants before
   * `r` are in the last segment whatever the zone (`r` starts a day before the last bound).
   */
  segmentOf(r: DayRange, day0: number, ms: string): string {
    const b = this.b;
    const last = this.q.bounds.length;
    const gap = `(${b.p(day0, 'int')} - ${this.day(r, ms)})`;
    const whens = this.q.bounds.map((bound, k) => `WHEN ${gap} <= ${b.p(bound, 'int')} THEN ${k}`).join(' ');
    return `CASE WHEN ${ms} IS NULL THEN NULL WHEN ${ms} < ${b.p(r.loMs, 'double')} THEN ${last} ELSE CASE ${whens} ELSE ${last} END END`;
  }

  customSums(collection: CustomSql['collection']): string {
    return this.q.custom
      .map((c) =>
        c.collection === collection
          ? `, SUM(${this.d.double(`(${c.sql})`)}) AS ${c.key}`
          : `, ${this.d.double('NULL')} AS ${c.key}`,
      )
      .join('');
  }

  /** The attributed orders A of `periods` (default: every period), with their local `day` and `p`. */
  attributed(periods: readonly CompiledPeriod[] = this.q.periods): string {
    const w = this.q.window;
    return `a0 AS (SELECT orders_n.*, ${this.day(w, 'time_ms')} AS day FROM orders_n
  WHERE ${this.periodInstants('time_ms', periods)} AND ${this.campaignPred('campaign_id')} AND ${this.channelPred(
    'channel',
  )} AND ${this.filterPred()}),
a AS (${this.withPeriod('SELECT * FROM a0', periods)})`;
  }

  /**
   * Each customer's first order over the whole data set (earliest time, ties: smaller id),
   * with its campaign, channel and filtered attributes: grouped minimums and joins, which
   * every warehouse runs fast (a window function sorts), unless the dialect has its own.
   */
  firstOrders(): string {
    const extra = ['campaign_id', 'channel', ...this.q.filters.map((f) => f.key)];
    if (this.d.firstOrderRows) return `f AS (${this.d.firstOrderRows(extra)})`;
    const id = this.d.binaryText('o.id');
    return `ft AS (SELECT customer_id, MIN(time_ms) AS t FROM orders_n GROUP BY customer_id),
fi AS (SELECT o.customer_id, MIN(${id}) AS id FROM orders_n o JOIN ft ON o.customer_id = ft.customer_id AND o.time_ms = ft.t
  GROUP BY o.customer_id),
f AS (SELECT o.customer_id, ${extra.map((c) => `o.${c}`).join(', ')}, o.time_ms FROM orders_n o
  JOIN fi ON o.customer_id = fi.customer_id AND ${id} = fi.id)`;
  }

  /** The cohort bucket of a day-number expression. */
  bucket(day: string): string {
    return this.q.cohortGrain === 'week'
      ? `(${day} - MOD(MOD(${day} + 3, 7) + 7, 7))`
      : this.d.monthIndex(this.d.dateFromDay(day));
  }

  with(...parts: string[]): string {
    return `WITH ${parts.join(',\n')}`;
  }
}

/**
 * Checks a statement of a query scoped to tenants before it runs: every mention of a mapped
 * table must be a {@link Compiler.scan} (`<table> WHERE <tenant column> IN (`). Throws
 * rather than run a statement that would read other tenants' rows (a part written without
 * `scan`); a column sharing a table's quoted name is refused too, which fails closed.
 */
export function assertTenantScoped(d: Dialect, map: ResolvedMapping, name: string, sql: string): void {
  for (const t of mappedTables(map)) {
    const table = t.table.map((p) => d.quoteIdent(p)).join('.');
    const all = sql.split(table).length - 1;
    const scoped = t.tenant === null ? 0 : sql.split(`${table} WHERE ${d.quoteIdent(t.tenant)} IN (`).length - 1;
    if (scoped !== all)
      throw new Error(
        `the ${name} statement reads ${t.collection} (${table}) without the tenant predicate; it was not run`,
      );
  }
}

export function compiler(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Compiler {
  return new Compiler(d, map, q, new SqlBuilder(d));
}
