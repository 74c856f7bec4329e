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
 * forget the predicate (test/node/server/tenant.test.ts checks every emitted statement). Every request value is a placeholder; only
 * validated identifiers and the server's own custom-measure SQL are part of the text.
 *
 * Local dates of instants. The engine takes the local date of an instant with the
 * offsets of `Intl` (engine/time.ts). Rather than asking the warehouse's own time-zone
 * database (`AT TIME ZONE`), which may disagree with the browser's in edge cases and
 * costs a zone lookup per row, the server computes the zone's offsets over the few
 * date ranges a report needs, with the very same code, and passes them as parameters:
 * a local day is then `floor((time_ms + offset) / 86400000)` with the offset picked by a
 * CASE over the transitions in the range (none, or two a year for zones with daylight
 * saving time). Every statement first filters on the stored instant, so only rows near
 * the report's dates are converted, and the days are the engine's days by construction.
 */
import type { CohortGrain } from '../engine/types.js';
import type { ResolvedMapping, ResolvedTable } from './mapping.js';
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
  prevFrom: number;
  prevTo: number;
  asOf: number;
  /** P' and P together, P alone, the cohort buckets' days, the recency segments' days. */
  window: DayRange;
  period: DayRange;
  cohortDays: DayRange;
  /** `asOf - 29 .. asOf`: the days that tell recency segments apart. */
  recentDays: DayRange;
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
export const CUSTOM_SQL_COLUMNS = {
  orders: ['id', 'customer_id', 'time_ms', 'day', 'revenue', 'discount', 'cogs', 'campaign_id', 'channel'],
  costs: ['campaign_id', 'day', 'amount', 'category'],
  exposures: ['campaign_id', 'day', 'impressions', 'reach', 'clicks', 'engagements', 'channel'],
  loyalty: ['customer_id', 'time_ms', 'day', 'earned', 'redeemed', 'channel'],
} as const;

const MS_PER_DAY = 86_400_000;

/** GROUPING(p, campaign_id, day, channel) bitmasks of the orders statement's grouping sets. */
export const ORDER_SETS = { scope: 3, total: 7, dayCampaign: 9, day: 13, channel: 6 } as const;
/** GROUPING(p, campaign_id, day) bitmasks of the costs part of the others statement. */
export const COST_SETS = { scope: 1, total: 3, day: 6 } as const;
/** Row kinds of the customers statement. */
export const CUSTOMER_ROWS = { buyers: 0, newCustomers: 1, cohort: 2 } as const;

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

  /** The instant of a timed table as epoch ms. */
  instantMs(t: ResolvedTable): string {
    const raw = this.col(t, 'time')!;
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

  campaigns(): string {
    const t = this.map.campaigns;
    return this.cte(
      'campaigns_n',
      `SELECT ${this.text(t, 'id')} AS id, ${this.text(t, 'name')} AS name, ${this.dateDay(t, 'start')} AS start_day, ${this.dateDay(
        t,
        'end',
      )} AS end_day, ${this.num(t, 'budget', null)} AS budget, ${this.text(t, 'type')} AS type ${this.scan(t, this.required(t, ['id']))}`,
    );
  }

  orders(): string {
    const t = this.map.orders;
    return this.cte(
      'orders_n',
      `SELECT ${this.text(t, 'id')} AS id, ${this.text(t, 'customerId')} AS customer_id, ${this.instantMs(t)} AS time_ms, ${this.num(
        t,
        'revenue',
        null,
      )} AS revenue, ${this.num(t, 'discount', '0')} AS discount, ${this.num(t, 'cogs', null)} AS cogs, ${this.text(
        t,
        'campaignId',
      )} AS campaign_id, ${this.text(t, 'channel')} AS channel ${this.scan(
        t,
        this.required(t, ['id', 'customerId', 'time', 'revenue']),
      )}`,
    );
  }

  costs(): string {
    const t = this.map.costs;
    const d = this.d;
    if (!t)
      return this.cte(
        'costs_n',
        `SELECT ${d.text('NULL')} AS campaign_id, CAST(0 AS BIGINT) AS day, ${d.double('0')} AS amount, ${d.text('NULL')} AS category WHERE 1 = 0`,
      );
    return this.cte(
      'costs_n',
      `SELECT ${this.text(t, 'campaignId')} AS campaign_id, ${this.dateDay(t, 'date')} AS day, ${this.num(
        t,
        'amount',
        null,
      )} AS amount, ${this.text(t, 'category')} AS category ${this.scan(
        t,
        this.required(t, ['campaignId', 'date', 'amount']),
      )}`,
    );
  }

  exposures(): string {
    const t = this.map.exposures;
    const d = this.d;
    const nums = ['impressions', 'reach', 'clicks', 'engagements'];
    if (!t)
      return this.cte(
        'exposures_n',
        `SELECT ${d.text('NULL')} AS campaign_id, CAST(0 AS BIGINT) AS day, ${nums
          .map((n) => `${d.double('0')} AS ${n}`)
          .join(', ')}, ${d.text('NULL')} AS channel WHERE 1 = 0`,
      );
    return this.cte(
      'exposures_n',
      `SELECT ${this.text(t, 'campaignId')} AS campaign_id, ${this.dateDay(t, 'date')} AS day, ${nums
        .map((n) => `${this.num(t, n, '0')} AS ${n}`)
        .join(', ')}, ${this.text(t, 'channel')} AS channel ${this.scan(t, this.required(t, ['campaignId', 'date']))}`,
    );
  }

  loyalty(): string {
    const t = this.map.loyalty;
    const d = this.d;
    if (!t)
      return this.cte(
        'loyalty_n',
        `SELECT ${d.text('NULL')} AS customer_id, ${d.double('0')} AS time_ms, ${d.double('0')} AS earned, ${d.double(
          '0',
        )} AS redeemed, ${d.text('NULL')} AS channel WHERE 1 = 0`,
      );
    return this.cte(
      'loyalty_n',
      `SELECT ${this.text(t, 'customerId')} AS customer_id, ${this.instantMs(t)} AS time_ms, ${this.num(
        t,
        'earned',
        '0',
      )} AS earned, ${this.num(t, 'redeemed', '0')} AS redeemed, ${this.text(t, 'channel')} AS channel ${this.scan(t, this.required(t, ['customerId', 'time']))}`,
    );
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

  /** `p` (0: the period P, 1: the previous period) of a `day` expression. */
  period(day: string): string {
    return `CASE WHEN ${day} >= ${this.b.p(this.q.from, 'int')} THEN 0 ELSE 1 END`;
  }

  /** `day BETWEEN prevFrom AND to`. */
  inWindow(day: string): string {
    return `${day} BETWEEN ${this.b.p(this.q.prevFrom, 'int')} AND ${this.b.p(this.q.to, 'int')}`;
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

  /** The attributed orders A of both periods, with their local `day` and `p`. */
  attributed(): string {
    const w = this.q.window;
    return `a0 AS (SELECT orders_n.*, ${this.day(w, 'time_ms')} AS day FROM orders_n
  WHERE time_ms >= ${this.b.p(w.loMs, 'double')} AND time_ms < ${this.b.p(w.hiMs, 'double')} AND ${this.campaignPred(
    'campaign_id',
  )} AND ${this.channelPred('channel')}),
a AS (SELECT a0.*, ${this.period('day')} AS p FROM a0 WHERE ${this.inWindow('day')})`;
  }

  /**
   * Each customer's first order over the whole data set (earliest time, ties: smaller id):
   * grouped minimums and joins, which every warehouse runs fast (a window function sorts).
   */
  firstOrders(): string {
    if (this.d.firstOrders) return `f AS (${this.d.firstOrders()})`;
    const id = this.d.binaryText('o.id');
    return `ft AS (SELECT customer_id, MIN(time_ms) AS t FROM orders_n GROUP BY customer_id),
fi AS (SELECT o.customer_id, MIN(${id}) AS id FROM orders_n o JOIN ft ON o.customer_id = ft.customer_id AND o.time_ms = ft.t
  GROUP BY o.customer_id),
f AS (SELECT o.customer_id, o.campaign_id, o.channel, o.time_ms FROM orders_n o
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
 * Sums over A: per scope (campaign and total) and period, per day (and campaign), per
 * channel. One scan, GROUPING SETS told apart by GROUPING(p, campaign_id, day, channel).
 */
export function ordersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const head = c.with(c.campaigns(), c.orders(), c.attributed());
  return c.b.done(`${head}
SELECT GROUPING(p, campaign_id, day, channel) AS g, p, campaign_id, day, channel,
  SUM(revenue) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS buyers, SUM(discount) AS discount,
  SUM(cogs) AS cogs, COUNT(*) - COUNT(cogs) AS missing_cogs${c.customSums('orders')}
FROM a
GROUP BY GROUPING SETS ((p, campaign_id), (p), (day, campaign_id), (day), (p, channel))`);
}

/**
 * Everything that needs a customer's other orders or their first order:
 * - kind 0, per scope and period: buyers with 2+ orders in A (`v1`), buyers with another
 *   order (any) in (t, t + window], t their first order time in A (`v2`);
 * - kind 1, per scope and period: new customers (first order over the whole data set,
 *   ties: smaller id, is in A) (`v1`);
 * - kind 2, per cohort bucket `cb` and order bucket `b`: members with an order (`v1`) and
 *   their revenue (`v2`). Members: first order in bucket(from) .. bucket(to) (with a
 *   campaign filter: attributed to a selected campaign); channel filters do not apply.
 */
export function customersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const b = c.b;
  const head = c.with(c.campaigns(), c.orders(), c.attributed());
  const windowMs = b.p(q.returnWindowDays * MS_PER_DAY, 'double');
  // Later orders can only matter inside the window's instants plus the return window.
  const laterFrom = b.p(q.window.loMs, 'double');
  const laterTo = b.p(q.window.hiMs + q.returnWindowDays * MS_PER_DAY, 'double');
  const first = c.firstOrders();
  const w = q.window;
  const fDay = c.day(w, 'f.time_ms');
  const fa = `fa AS (SELECT ${c.period('day')} AS p, campaign_id FROM (SELECT f.campaign_id, ${fDay} AS day FROM f
  WHERE f.time_ms >= ${b.p(w.loMs, 'double')} AND f.time_ms < ${b.p(w.hiMs, 'double')} AND ${c.campaignPred(
    'f.campaign_id',
  )} AND ${c.channelPred('f.channel')}) x WHERE ${c.inWindow('day')})`;
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
  ${d.double('SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END)')} AS v1, ${d.double('SUM(kept)')} AS v2
  FROM kept GROUP BY p, campaign_id
UNION ALL
SELECT ${CUSTOMER_ROWS.newCustomers}, p, campaign_id, ${inull}, ${inull}, ${d.double('COUNT(*)')}, ${dn}
  FROM fa GROUP BY GROUPING SETS ((p, campaign_id), (p))
UNION ALL
SELECT ${CUSTOMER_ROWS.cohort}, ${inull}, ${tn}, cb, b, ${d.double('COUNT(DISTINCT customer_id)')}, ${d.double('SUM(revenue)')}
  FROM ob WHERE b >= cb GROUP BY cb, b`);
}

/**
 * Revenue of O (every order passing the channel filter) per period and per day; costs per
 * scope, period and day; exposures and loyalty per scope and period. One statement, the
 * parts told apart by `src` and GROUPING(...).
 */
export function othersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const b = c.b;
  const w = q.window;
  const head = c.with(c.campaigns(), c.orders(), c.costs(), c.exposures(), c.loyalty());
  const oDay = c.day(w, 'time_ms');
  const oSel = `time_ms >= ${b.p(w.loMs, 'double')} AND time_ms < ${b.p(w.hiMs, 'double')} AND ${c.channelPred('channel')}`;
  const oP = c.period('day');
  const oWin = c.inWindow('day');
  const kP = c.period('day');
  const kSel = `${c.inWindow('day')} AND ${c.campaignPred('campaign_id')}`;
  const eP = c.period('day');
  const eSel = `${c.inWindow('day')} AND ${c.campaignPred('campaign_id')} AND ${c.channelPred('channel')}`;
  const lDay = c.day(w, 'time_ms');
  const lSel = `time_ms >= ${b.p(w.loMs, 'double')} AND time_ms < ${b.p(w.hiMs, 'double')} AND ${c.channelPred('channel')}`;
  const lP = c.period('day');
  const lWin = c.inWindow('day');
  const dn = d.double('NULL');
  const tn = d.text('NULL');
  const inull = 'CAST(NULL AS BIGINT)';
  const none = q.custom.map((m) => `, ${dn} AS ${m.key}`).join('');
  return b.done(`${head}
SELECT 'all' AS src, GROUPING(p, day) AS g, p, ${tn} AS campaign_id, day, SUM(revenue) AS v1, ${dn} AS v2, ${dn} AS v3, ${dn} AS v4, COUNT(*) AS n${none}
  FROM (SELECT ${oP} AS p, day, revenue FROM (SELECT ${oDay} AS day, revenue FROM orders_n WHERE ${oSel}) x0 WHERE ${oWin}) x
  GROUP BY GROUPING SETS ((p), (day))
UNION ALL
SELECT 'costs', GROUPING(p, campaign_id, day), p, campaign_id, day, SUM(amount), ${dn}, ${dn}, ${dn}, COUNT(*)${c.customSums('costs')}
  FROM (SELECT costs_n.*, ${kP} AS p FROM costs_n WHERE ${kSel}) x
  GROUP BY GROUPING SETS ((p, campaign_id), (p), (day))
UNION ALL
SELECT 'exposures', GROUPING(p, campaign_id), p, campaign_id, ${inull}, SUM(impressions), SUM(reach), SUM(clicks), SUM(engagements), COUNT(*)${c.customSums('exposures')}
  FROM (SELECT exposures_n.*, ${eP} AS p FROM exposures_n WHERE ${eSel}) x
  GROUP BY GROUPING SETS ((p, campaign_id), (p))
UNION ALL
SELECT 'loyalty', 0, p, ${tn}, ${inull}, SUM(earned), SUM(redeemed), ${dn}, ${dn}, COUNT(*)${c.customSums('loyalty')}
  FROM (SELECT x0.*, ${lP} AS p FROM (SELECT loyalty_n.*, ${lDay} AS day FROM loyalty_n WHERE ${lSel}) x0 WHERE ${lWin}) x
  GROUP BY p`);
}

/**
 * Recency: every customer with an order on or before `asOf`, by days from their last such
 * order to `asOf` (segments 0-7, 8-14, 15-28, 29+ as 0..3), with their revenue in P.
 * Filters do not apply. Only orders near `asOf` need their local day: an order more than
 * a day before `asOf - 29` is in the last segment whatever the zone.
 */
export function recencyStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const b = c.b;
  const r = q.recentDays;
  const head = c.with(c.orders());
  const upTo = `(time_ms < ${b.p(r.loMs, 'double')} OR (time_ms < ${b.p(r.hiMs, 'double')} AND ${c.day(r, 'time_ms')} <= ${b.p(
    q.asOf,
    'int',
  )}))`;
  const gap = `${b.p(q.asOf, 'int')} - ${c.day(r, 'lt')}`;
  const old = b.p(r.loMs, 'double');
  const inP = c.inDays(q.period, 'time_ms');
  return b.done(`${head},
lastt AS (SELECT customer_id, MAX(time_ms) AS lt FROM orders_n WHERE ${upTo} GROUP BY customer_id),
lastd AS (SELECT customer_id, CASE WHEN lt < ${old} THEN 3 ELSE
  CASE WHEN ${gap} <= 7 THEN 0 WHEN ${gap} <= 14 THEN 1 WHEN ${gap} <= 28 THEN 2 ELSE 3 END END AS segment FROM lastt),
rev AS (SELECT customer_id, SUM(revenue) AS r FROM orders_n WHERE ${inP} GROUP BY customer_id),
seg AS (SELECT lastd.segment, COALESCE(rev.r, 0) AS r FROM lastd LEFT JOIN rev ON rev.customer_id = lastd.customer_id)
SELECT segment, COUNT(*) AS customers, SUM(r) AS revenue FROM seg GROUP BY segment`);
}

/**
 * Pacing sums per selected campaign with a budget: costs, discounts and revenue of the
 * campaign from its start to min(asOf, end). Filters do not apply. `days` spans every
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
SELECT 'costs' AS src, cw.id, SUM(k.amount) AS v1, ${d.double('0')} AS v2
  FROM costs_n k JOIN cw ON k.campaign_id = cw.id AND k.day BETWEEN cw.s AND cw.e GROUP BY cw.id
UNION ALL
SELECT 'orders', cw.id, SUM(po.discount), SUM(po.revenue)
  FROM po JOIN cw ON po.campaign_id = cw.id AND po.day BETWEEN cw.s AND cw.e GROUP BY cw.id`);
}

/** Orders, costs and exposures naming a campaign the campaigns table does not hold, per campaign id. */
export function unknownCampaignsStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = compiler(d, map, q);
  const head = c.with(c.campaigns(), c.orders(), c.costs(), c.exposures());
  const part = (src: string, table: string) =>
    `SELECT '${src}' AS src, campaign_id, COUNT(*) AS n FROM ${table} x WHERE campaign_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM campaigns_n k WHERE k.id = x.campaign_id) GROUP BY campaign_id`;
  return c.b.done(`${head}
${part('orders', 'orders_n')}
UNION ALL
${part('costs', 'costs_n')}
UNION ALL
${part('exposures', 'exposures_n')}`);
}
