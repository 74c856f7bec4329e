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
import type { CohortGrain, SegmentOf } from '../core/vocabulary.js';
import { fieldsOf, type CollectionName, type FieldSpec } from '../data/records.js';
import { measureColumn as col, type MeasureName } from '../engine/measures.js';
import { mappedTables, type ResolvedMapping, type ResolvedTable } from './table-mapping.js';
import { SqlBuilder, type Statement } from './sql.js';
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

const MS_PER_DAY = 86_400_000;

/**
 * The value `GROUPING(columns...)` takes for the grouping set `set`: bit i (counting from
 * the last column) is set when column i is not in the set.
 */
export function groupingMask(columns: readonly string[], set: readonly string[]): number {
  let mask = 0;
  columns.forEach((c, i) => {
    if (!set.includes(c)) mask |= 1 << (columns.length - 1 - i);
  });
  return mask;
}

/** Grouping columns and sets of the orders statement (`b` plus a breakdown key: one per breakdown). */
export function orderSets(breakdowns: readonly string[]) {
  const columns = ['p', 'campaign_id', 'day', 'channel', ...breakdowns];
  const sets = {
    scope: ['p', 'campaign_id'],
    total: ['p'],
    dayCampaign: ['p', 'day', 'campaign_id'],
    day: ['p', 'day'],
    channel: ['p', 'channel'],
  };
  const masks = Object.fromEntries(Object.entries(sets).map(([k, set]) => [k, groupingMask(columns, set)])) as Record<
    keyof typeof sets,
    number
  >;
  const byAttribute = new Map(breakdowns.map((key) => [groupingMask(columns, ['p', key]), key]));
  return { columns, sets: [...Object.values(sets), ...breakdowns.map((k) => ['p', k])], masks, byAttribute };
}

/** GROUPING(p, campaign_id, day) bitmasks of the costs part of the others statement. */
export const COST_SETS = {
  scope: groupingMask(['p', 'campaign_id', 'day'], ['p', 'campaign_id']),
  total: groupingMask(['p', 'campaign_id', 'day'], ['p']),
  day: groupingMask(['p', 'campaign_id', 'day'], ['p', 'day']),
} as const;
/** Row kinds of the customers statement. */
export const CUSTOMER_ROWS = { buyers: 0, newCustomers: 1, cohort: 2 } as const;

/**
 * Value columns of the others statement, in order, each named after the measure it
 * carries (`all_revenue`, `points_outstanding` ...: `measureColumn`).
 */
export const OTHER_MEASURES = [
  'allRevenue',
  'memberRevenue',
  'memberOrders',
  'allOrders',
  'spend',
  'impressions',
  'reach',
  'clicks',
  'engagements',
  'exposureRecords',
  'pointsEarned',
  'pointsRedeemed',
  'activeMembers',
  'members',
  'pointsOutstanding',
] as const satisfies readonly MeasureName[];

/** Columns of a cohort row of the customers statement: members with an order, and their revenue, in a bucket. */
export const COHORT_COLUMNS = { active: 'cohort_active', revenue: 'cohort_revenue' } as const;

class Compiler {
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

  orders(): string {
    return this.cte('orders_n', this.normalised('orders', this.map.orders, this.attributeColumns()));
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

function compiler(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Compiler {
  return new Compiler(d, map, q, new SqlBuilder(d));
}

/** Every row of the campaigns table (small: read whole). */
export function campaignsStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  return c.b.done(
    `${c.with(c.campaigns())} SELECT id, name, start_day, end_day, budget, type FROM campaigns_n ORDER BY ${d.binaryText('id')}`,
  );
}

/**
 * Sums over A: per scope (campaign and total) and period, per day of each period (and
 * campaign), per channel and per value of each broken-down attribute. One scan, the
 * grouping sets of {@link orderSets} told apart by GROUPING(...).
 */
export function ordersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const sets = orderSets(q.breakdowns);
  const cols = sets.columns.join(', ');
  const head = c.with(c.campaigns(), c.orders(), c.attributed());
  return c.b.done(`${head}
SELECT GROUPING(${cols}) AS g, ${cols},
  SUM(revenue) AS ${col('revenue')}, COUNT(*) AS ${col('orders')}, COUNT(DISTINCT customer_id) AS ${col('buyers')},
  SUM(discount) AS ${col('discountCost')}, SUM(cogs) AS ${col('cogs')}, COUNT(*) - COUNT(cogs) AS ${col('missingCogs')}${c.customSums('orders')}
FROM a
GROUP BY GROUPING SETS (${sets.sets.map((s) => `(${s.join(', ')})`).join(', ')})`);
}

/**
 * Everything that needs a customer's other orders or their first order:
 * - kind 0, per scope and period: buyers with 2+ orders in A (`repeat_buyers`), buyers
 *   with another order (any) in (t, t + window], t their first order time in A
 *   (`retained_buyers`);
 * - kind 1, per scope and period: new customers (first order over the whole data set,
 *   ties: smaller id, is in A) (`new_customers`);
 * - kind 2, per cohort bucket `cb` and order bucket `b`: members with an order
 *   (`cohort_active`) and their revenue (`cohort_revenue`). Members: first order in bucket(from) .. bucket(to) (with a
 *   campaign filter: attributed to a selected campaign); channel and attribute filters
 *   do not apply.
 */
export function customersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const b = c.b;
  const head = c.with(c.campaigns(), c.orders(), c.attributed());
  const windowMs = b.p(q.returnWindowDays * MS_PER_DAY, 'double');
  // Later orders can only matter inside the periods' instants plus the return window.
  const laterFrom = b.p(q.window.loMs, 'double');
  const laterTo = b.p(q.window.hiMs + q.returnWindowDays * MS_PER_DAY, 'double');
  const first = c.firstOrders();
  const fDay = c.day(q.window, 'f.time_ms');
  const fSub = `SELECT f.campaign_id, ${fDay} AS day FROM f WHERE ${c.periodInstants('f.time_ms')} AND ${c.campaignPred(
    'f.campaign_id',
  )} AND ${c.channelPred('f.channel')} AND ${c.filterPred('f.')}`;
  const fa = `fa AS (SELECT z.p, z.campaign_id FROM (${c.withPeriod(fSub)}) z)`;
  const cd = q.cohortDays;
  const mCamp = q.campaignFilter ? ` AND ${c.campaignPred('f.campaign_id')}` : '';
  const m = `m AS (SELECT f.customer_id, ${c.bucket(c.day(cd, 'f.time_ms'))} AS cb FROM f WHERE ${c.inDays(cd, 'f.time_ms')}${mCamp})`;
  const oc = `oc AS (SELECT o.customer_id, o.revenue, ${c.bucket(c.day(cd, 'o.time_ms'))} AS b FROM orders_n o
  WHERE ${c.inDays(cd, 'o.time_ms')})`;
  const dn = d.double('NULL');
  const inull = 'CAST(NULL AS BIGINT)';
  const tn = d.text('NULL');
  return b.done(`${head},
pc AS (SELECT p, campaign_id, customer_id, COUNT(*) AS n, MIN(time_ms) AS t FROM a
  GROUP BY GROUPING SETS ((p, campaign_id, customer_id), (p, customer_id))),
later AS (SELECT customer_id, time_ms FROM orders_n WHERE time_ms > ${laterFrom} AND time_ms <= ${laterTo}),
kept AS (SELECT pc.p, pc.campaign_id, pc.n,
  MAX(CASE WHEN later.time_ms > pc.t AND later.time_ms <= pc.t + ${windowMs} THEN 1 ELSE 0 END) AS kept
  FROM pc LEFT JOIN later ON later.customer_id = pc.customer_id GROUP BY pc.p, pc.campaign_id, pc.customer_id, pc.n),
${first},
${fa},
${m},
${oc},
ob AS (SELECT m.cb, oc.b, oc.customer_id, oc.revenue FROM oc JOIN m ON oc.customer_id = m.customer_id)
SELECT ${CUSTOMER_ROWS.buyers} AS kind, p, campaign_id, ${inull} AS cb, ${inull} AS b,
  ${d.double('SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END)')} AS ${col('repeatBuyers')}, ${d.double('SUM(kept)')} AS ${col(
    'retainedBuyers',
  )},
  ${dn} AS ${col('newCustomers')}, ${dn} AS ${COHORT_COLUMNS.active}, ${dn} AS ${COHORT_COLUMNS.revenue}
  FROM kept GROUP BY p, campaign_id
UNION ALL
SELECT ${CUSTOMER_ROWS.newCustomers}, p, campaign_id, ${inull}, ${inull}, ${dn} AS ${col('repeatBuyers')}, ${dn} AS ${col(
    'retainedBuyers',
  )},
  ${d.double('COUNT(*)')} AS ${col('newCustomers')}, ${dn} AS ${COHORT_COLUMNS.active}, ${dn} AS ${COHORT_COLUMNS.revenue}
  FROM fa GROUP BY GROUPING SETS ((p, campaign_id), (p))
UNION ALL
SELECT ${CUSTOMER_ROWS.cohort}, ${inull}, ${tn}, cb, b, ${dn} AS ${col('repeatBuyers')}, ${dn} AS ${col('retainedBuyers')},
  ${dn} AS ${col('newCustomers')}, ${d.double('COUNT(DISTINCT customer_id)')} AS ${COHORT_COLUMNS.active},
  ${d.double('SUM(revenue)')} AS ${COHORT_COLUMNS.revenue}
  FROM ob WHERE b >= cb GROUP BY cb, b`);
}

/**
 * Sources of the others statement. Columns: `src`, `g` (GROUPING of the part's sets),
 * `p`, `k` (a campaign id or a channel), `day`, one column per measure of
 * {@link OTHER_MEASURES} named after it (NULL in the parts that do not carry it), the
 * custom sums.
 * - `all`: O (every order passing the channel and attribute filters) per period (g 1) and
 *   per day (g 0): `all_revenue`, `member_revenue`, `member_orders`, `all_orders`
 *   (members: customers with a loyalty event on or before the end of the period);
 * - `costs`: `spend` per scope, period and day (see {@link COST_SETS});
 * - `exposures`: per scope (g 0) and period (g 1): `impressions`, `reach`, `clicks`,
 *   `engagements`, `exposure_records`;
 * - `loyalty`: events of the period passing the channel filter, per period (g 1) and per
 *   channel (g 0): `points_earned`, `points_redeemed`, `active_members`;
 * - `members`, `outstanding`: per period, `members` at its end, and `points_outstanding`
 *   (earned - redeemed over every event up to its end; no filter applies).
 */
export function othersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const w = q.window;
  const head = c.with(c.campaigns(), c.orders(), c.costs(), c.exposures(), c.loyalty());
  const dn = d.double('NULL');
  const tn = d.text('NULL');
  const inull = 'CAST(NULL AS BIGINT)';
  const none = q.custom.map((m) => `, ${dn} AS ${m.key}`).join('');
  const memberAt = q.periods
    .map((pr) => `WHEN o.p = ${pr.p} AND ${c.onOrBefore(pr.days, 'lm.t0', pr.hi)} THEN 1`)
    .join(' ');
  const oSub = `SELECT customer_id, revenue, ${c.day(w, 'time_ms')} AS day FROM orders_n
    WHERE ${c.periodInstants('time_ms')} AND ${c.channelPred('channel')} AND ${c.filterPred()}`;
  const lSub = `SELECT loyalty_n.*, ${c.day(w, 'time_ms')} AS day FROM loyalty_n
    WHERE ${c.periodInstants('time_ms')} AND ${c.channelPred('channel')}`;
  // The measure columns of one part: those it carries, NULL for the others.
  const values = (carried: Partial<Record<(typeof OTHER_MEASURES)[number], string>>): string =>
    OTHER_MEASURES.map((m) => `${carried[m] ?? dn} AS ${col(m)}`).join(', ');
  const upTo = q.periods.flatMap((pr) => [
    `SELECT 'members', 0, ${pr.p}, ${tn}, ${inull}, ${values({ members: d.double('COUNT(*)') })}${none}
  FROM lm WHERE ${c.onOrBefore(pr.days, 't0', pr.hi)}`,
    `SELECT 'outstanding', 0, ${pr.p}, ${tn}, ${inull}, ${values({ pointsOutstanding: d.double('SUM(earned - redeemed)') })}${none}
  FROM loyalty_n WHERE ${c.onOrBefore(pr.days, 'time_ms', pr.hi)}`,
  ]);
  return c.b.done(`${head},
lm AS (SELECT customer_id, MIN(time_ms) AS t0 FROM loyalty_n GROUP BY customer_id),
o AS (${c.withPeriod(oSub)}),
om AS (SELECT o.p, o.day, o.revenue, CASE WHEN lm.t0 IS NULL THEN 0 ${memberAt} ELSE 0 END AS member
  FROM o LEFT JOIN lm ON lm.customer_id = o.customer_id)
SELECT 'all' AS src, GROUPING(p, day) AS g, p, ${tn} AS k, day, ${values({
    allRevenue: d.double('SUM(revenue)'),
    memberRevenue: d.double('SUM(CASE WHEN member = 1 THEN revenue ELSE 0 END)'),
    memberOrders: d.double('SUM(member)'),
    allOrders: d.double('COUNT(*)'),
  })}${none}
  FROM om GROUP BY GROUPING SETS ((p), (p, day))
UNION ALL
SELECT 'costs', GROUPING(p, campaign_id, day), p, campaign_id, day, ${values({ spend: d.double('SUM(amount)') })}${c.customSums('costs')}
  FROM (${c.withPeriod(`SELECT * FROM costs_n WHERE ${c.campaignPred('campaign_id')}`)}) x
  GROUP BY GROUPING SETS ((p, campaign_id), (p), (p, day))
UNION ALL
SELECT 'exposures', GROUPING(p, campaign_id), p, campaign_id, ${inull}, ${values({
    impressions: d.double('SUM(impressions)'),
    reach: d.double('SUM(reach)'),
    clicks: d.double('SUM(clicks)'),
    engagements: d.double('SUM(engagements)'),
    exposureRecords: d.double('COUNT(*)'),
  })}${c.customSums('exposures')}
  FROM (${c.withPeriod(`SELECT * FROM exposures_n WHERE ${c.campaignPred('campaign_id')} AND ${c.channelPred('channel')}`)}) x
  GROUP BY GROUPING SETS ((p, campaign_id), (p))
UNION ALL
SELECT 'loyalty', GROUPING(p, channel), p, channel, ${inull}, ${values({
    pointsEarned: d.double('SUM(earned)'),
    pointsRedeemed: d.double('SUM(redeemed)'),
    activeMembers: d.double('COUNT(DISTINCT customer_id)'),
  })}${c.customSums('loyalty')}
  FROM (${c.withPeriod(lSub)}) x
  GROUP BY GROUPING SETS ((p), (p, channel))
UNION ALL
${upTo.join('\nUNION ALL\n')}`);
}

/**
 * Recency and re-activation segments (KPI-SPEC sections 5 and 7.3), one row per kind and
 * segment (0 .. bounds.length):
 * - `recency`: customers with an order on or before `asOf`, by days from their last such
 *   order to `asOf`; `revenue`: their revenue in P (no filter applies);
 * - `reactivation`: customers with an order on or before the base day, by days from their
 *   last such order to it (no filter applies); `returned`, `orders`, `revenue`: those with
 *   an order in A (P), and their orders and revenue in A.
 */
export function segmentsStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const r = q.recentDays;
  const bd = q.baseDays;
  const head = c.with(c.campaigns(), c.orders(), c.attributed(q.periods.slice(0, 1)));
  const zero = d.double('0');
  return c.b.done(`${head},
lt AS (SELECT customer_id, MAX(CASE WHEN ${c.onOrBefore(r, 'time_ms', q.asOf)} THEN time_ms END) AS tr,
  MAX(CASE WHEN ${c.onOrBefore(bd, 'time_ms', q.base)} THEN time_ms END) AS tb FROM orders_n GROUP BY customer_id),
sg AS (SELECT customer_id, ${c.segmentOf(r, q.asOf, 'tr')} AS sr, ${c.segmentOf(bd, q.base, 'tb')} AS sb FROM lt),
rev AS (SELECT customer_id, SUM(revenue) AS r FROM orders_n WHERE ${c.inDays(q.period, 'time_ms')} GROUP BY customer_id),
ra AS (SELECT customer_id, COUNT(*) AS n, SUM(revenue) AS r FROM a GROUP BY customer_id)
SELECT 'recency' AS kind, sg.sr AS segment, ${d.double('COUNT(*)')} AS customers, ${zero} AS returned, ${zero} AS orders,
  ${d.double('SUM(COALESCE(rev.r, 0))')} AS revenue
  FROM sg LEFT JOIN rev ON rev.customer_id = sg.customer_id WHERE sg.sr IS NOT NULL GROUP BY sg.sr
UNION ALL
SELECT 'reactivation', sg.sb, ${d.double('COUNT(*)')}, ${d.double('COUNT(ra.customer_id)')}, ${d.double(
    'SUM(COALESCE(ra.n, 0))',
  )}, ${d.double('SUM(COALESCE(ra.r, 0))')}
  FROM sg LEFT JOIN ra ON ra.customer_id = sg.customer_id WHERE sg.sb IS NOT NULL GROUP BY sg.sb`);
}

/**
 * The customer ids of one segment (index 0 .. bounds.length), sorted by code point
 * (binary order of their UTF-8 text), each row with `n`, the number of ids: `recency` as
 * of `asOf`, `reactivation` as of the base day, `returned` those of the re-activation
 * segment with an order in A.
 */
export function segmentCustomersStatement(
  d: Dialect,
  map: ResolvedMapping,
  q: CompiledQuery,
  of: SegmentOf,
  segment: number,
): Statement {
  const c = compiler(d, map, q);
  const recency = of === 'recency';
  const r = recency ? q.recentDays : q.baseDays;
  const day0 = recency ? q.asOf : q.base;
  const parts = [c.orders()];
  if (of === 'returned') parts.unshift(c.campaigns());
  if (of === 'returned') parts.push(c.attributed(q.periods.slice(0, 1)));
  const returned = of === 'returned' ? ' AND sg.customer_id IN (SELECT customer_id FROM a)' : '';
  return c.b.done(`${c.with(...parts)},
lt AS (SELECT customer_id, MAX(time_ms) AS t FROM orders_n WHERE ${c.onOrBefore(r, 'time_ms', day0)} GROUP BY customer_id),
sg AS (SELECT customer_id, ${c.segmentOf(r, day0, 't')} AS s FROM lt)
SELECT sg.customer_id AS id, COUNT(*) OVER () AS n FROM sg WHERE sg.s = ${c.b.p(segment, 'int')}${returned}
ORDER BY ${d.binaryText('sg.customer_id')}`);
}

/**
 * Pacing sums per selected campaign with a budget: costs, discounts (`spent`) and revenue
 * (`revenue`) of the campaign from its start to min(asOf, end). Filters do not apply. `days` spans every
 * such campaign's days.
 */
export function pacingStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery, days: DayRange): Statement {
  const c = compiler(d, map, q);
  const b = c.b;
  const head = c.with(c.campaigns(), c.orders(), c.costs());
  const asOf = b.p(q.asOf, 'int');
  const camp = c.campaignPred('id');
  const oDay = c.day(days, 'time_ms');
  const oSel = `time_ms >= ${b.p(days.loMs, 'double')} AND time_ms < ${b.p(days.hiMs, 'double')}`;
  return b.done(`${head},
cw AS (SELECT id, start_day AS s, CASE WHEN end_day < ${asOf} THEN end_day ELSE ${asOf} END AS e
  FROM campaigns_n WHERE budget IS NOT NULL AND ${camp}),
po AS (SELECT campaign_id, discount, revenue, ${oDay} AS day FROM orders_n
  WHERE campaign_id IN (SELECT id FROM cw) AND ${oSel})
SELECT 'costs' AS src, cw.id, SUM(k.amount) AS spent, ${d.double('0')} AS revenue
  FROM costs_n k JOIN cw ON k.campaign_id = cw.id AND k.day BETWEEN cw.s AND cw.e GROUP BY cw.id
UNION ALL
SELECT 'orders', cw.id, SUM(po.discount), SUM(po.revenue)
  FROM po JOIN cw ON po.campaign_id = cw.id AND po.day BETWEEN cw.s AND cw.e GROUP BY cw.id`);
}

/**
 * Orders, costs and exposures naming a campaign the campaigns table does not hold, per
 * campaign id. NOT IN over the (small, never NULL) campaign ids: one set, where ClickHouse
 * ran a correlated NOT EXISTS per row.
 */
export function unknownCampaignsStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const head = c.with(c.campaigns(), c.orders(), c.costs(), c.exposures());
  const part = (src: string, table: string) =>
    `SELECT '${src}' AS src, campaign_id, COUNT(*) AS n FROM ${table} x WHERE campaign_id IS NOT NULL
  AND campaign_id NOT IN (SELECT id FROM campaigns_n) GROUP BY campaign_id`;
  return c.b.done(`${head}
${part('orders', 'orders_n')}
UNION ALL
${part('costs', 'costs_n')}
UNION ALL
${part('exposures', 'exposures_n')}`);
}
