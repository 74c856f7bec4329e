/**
 * Compiles KPI-SPEC sections 2, 3 and 5 into SQL: the aggregates the engine needs (sums
 * and counts per scope and period, per day, per channel, cohort and recency counts,
 * pacing sums), never the KPI formulas themselves, which run unchanged on the result.
 *
 * Each statement reads the user's tables through normalising CTEs (canonical column
 * names, instants as epoch ms, local day numbers in the report's zone), so the queries
 * below are written once for every mapping and dialect. Every request value is a
 * placeholder; only validated identifiers and the server's own custom-measure SQL are
 * part of the text.
 */
import type { CohortGrain } from '../engine/types.js';
import type { ResolvedMapping, ResolvedTable } from './mapping.js';
import { SqlBuilder, type Statement } from './sql.js';
import type { Dialect } from './dialects/dialect.js';

/** The report options, resolved to day numbers (days since 1970-01-01 on the local calendar). */
export interface CompiledQuery {
  timeZone: string;
  from: number;
  to: number;
  prevFrom: number;
  prevTo: number;
  asOf: number;
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
}

/** A custom measure as SQL: an expression over the normalised columns of its collection. */
export interface CustomSql {
  /** Output column (`m0`, `m1` ...). */
  key: string;
  collection: 'orders' | 'costs' | 'exposures' | 'loyalty';
  sql: string;
}

/**
 * The columns a custom measure's `sql` expression can use, per collection (normalised
 * names, whatever the user's own columns are called).
 */
export const CUSTOM_SQL_COLUMNS = {
  orders: ['id', 'customer_id', 'time_ms', 'day', 'revenue', 'discount', 'cogs', 'campaign_id', 'channel'],
  costs: ['campaign_id', 'day', 'amount', 'category'],
  exposures: ['campaign_id', 'day', 'impressions', 'reach', 'clicks', 'engagements', 'channel'],
  loyalty: ['customer_id', 'time_ms', 'day', 'earned', 'redeemed', 'channel'],
} as const;

const MS_PER_DAY = 86_400_000;

/** GROUPING(...) bitmasks of the order aggregate's grouping sets (see {@link ordersStatement}). */
export const ORDER_SETS = { scope: 3, total: 7, dayCampaign: 9, day: 13, channel: 6 } as const;
/** GROUPING(p, campaign_id, day) bitmasks of the costs statement. */
export const COST_SETS = { scope: 1, total: 3, day: 6 } as const;

class Compiler {
  constructor(
    readonly d: Dialect,
    readonly map: ResolvedMapping,
    readonly q: CompiledQuery,
  ) {}

  col(b: SqlBuilder, t: ResolvedTable, field: string): string | null {
    const c = t.columns[field];
    return c === null || c === undefined ? null : b.ident([c]);
  }

  /** The instant of a timed table as a timestamptz expression, and as epoch ms. */
  instant(b: SqlBuilder, t: ResolvedTable): { ts: string; ms: string } {
    const raw = this.col(b, t, 'time')!;
    switch (t.timeKind) {
      case 'epoch_ms':
        return { ts: this.d.fromEpochMs(raw), ms: this.d.double(raw) };
      case 'utc_timestamp': {
        const ts = this.d.fromUtcTimestamp(raw);
        return { ts, ms: this.d.epochMs(ts) };
      }
      default:
        return { ts: raw, ms: this.d.epochMs(raw) };
    }
  }

  text(b: SqlBuilder, t: ResolvedTable, field: string): string {
    const c = this.col(b, t, field);
    return c ? this.d.text(c) : this.d.text('NULL');
  }

  num(b: SqlBuilder, t: ResolvedTable, field: string, fallback: string | null): string {
    const c = this.col(b, t, field);
    if (!c) return fallback === null ? this.d.double('NULL') : this.d.double(fallback);
    return fallback === null ? this.d.double(c) : `COALESCE(${this.d.double(c)}, ${this.d.double(fallback)})`;
  }

  /** `day` of a date column. */
  dayOf(b: SqlBuilder, t: ResolvedTable, field: string): string {
    return this.d.dayNumber(this.d.date(this.col(b, t, field)!));
  }

  campaignsCte(b: SqlBuilder): string {
    const t = this.map.campaigns;
    return `campaigns_n AS (SELECT ${this.text(b, t, 'id')} AS id, ${this.text(b, t, 'name')} AS name, ${this.dayOf(
      b,
      t,
      'start',
    )} AS start_day, ${this.dayOf(b, t, 'end')} AS end_day, ${this.num(b, t, 'budget', null)} AS budget, ${this.text(
      b,
      t,
      'type',
    )} AS type FROM ${b.ident(t.table)} WHERE ${this.col(b, t, 'id')} IS NOT NULL)`;
  }

  ordersCte(b: SqlBuilder, zone: string): string {
    const t = this.map.orders;
    const { ts, ms } = this.instant(b, t);
    const localDate = this.d.localDate(ts, zone);
    const required = ['id', 'customerId', 'time', 'revenue'].map((f) => `${this.col(b, t, f)} IS NOT NULL`);
    return `orders_n AS (SELECT ${this.text(b, t, 'id')} AS id, ${this.text(b, t, 'customerId')} AS customer_id, ${ms} AS time_ms, ${this.d.dayNumber(
      localDate,
    )} AS day, ${localDate} AS local_date, ${this.num(b, t, 'revenue', null)} AS revenue, ${this.num(
      b,
      t,
      'discount',
      '0',
    )} AS discount, ${this.num(b, t, 'cogs', null)} AS cogs, ${this.text(b, t, 'campaignId')} AS campaign_id, ${this.text(
      b,
      t,
      'channel',
    )} AS channel FROM ${b.ident(t.table)} WHERE ${required.join(' AND ')})`;
  }

  costsCte(b: SqlBuilder): string {
    const t = this.map.costs;
    if (!t)
      return `costs_n AS (SELECT ${this.d.text('NULL')} AS campaign_id, CAST(0 AS BIGINT) AS day, ${this.d.double('0')} AS amount, ${this.d.text('NULL')} AS category WHERE 1 = 0)`;
    const required = ['campaignId', 'date', 'amount'].map((f) => `${this.col(b, t, f)} IS NOT NULL`);
    return `costs_n AS (SELECT ${this.text(b, t, 'campaignId')} AS campaign_id, ${this.dayOf(b, t, 'date')} AS day, ${this.num(
      b,
      t,
      'amount',
      null,
    )} AS amount, ${this.text(b, t, 'category')} AS category FROM ${b.ident(t.table)} WHERE ${required.join(' AND ')})`;
  }

  exposuresCte(b: SqlBuilder): string {
    const t = this.map.exposures;
    const nums = ['impressions', 'reach', 'clicks', 'engagements'];
    if (!t)
      return `exposures_n AS (SELECT ${this.d.text('NULL')} AS campaign_id, CAST(0 AS BIGINT) AS day, ${nums
        .map((n) => `${this.d.double('0')} AS ${n}`)
        .join(', ')}, ${this.d.text('NULL')} AS channel WHERE 1 = 0)`;
    const required = ['campaignId', 'date'].map((f) => `${this.col(b, t, f)} IS NOT NULL`);
    return `exposures_n AS (SELECT ${this.text(b, t, 'campaignId')} AS campaign_id, ${this.dayOf(b, t, 'date')} AS day, ${nums
      .map((n) => `${this.num(b, t, n, '0')} AS ${n}`)
      .join(', ')}, ${this.text(b, t, 'channel')} AS channel FROM ${b.ident(t.table)} WHERE ${required.join(' AND ')})`;
  }

  loyaltyCte(b: SqlBuilder, zone: string): string {
    const t = this.map.loyalty;
    if (!t)
      return `loyalty_n AS (SELECT ${this.d.text('NULL')} AS customer_id, ${this.d.double('0')} AS time_ms, CAST(0 AS BIGINT) AS day, ${this.d.double('0')} AS earned, ${this.d.double('0')} AS redeemed, ${this.d.text(
        'NULL',
      )} AS channel WHERE 1 = 0)`;
    const { ts, ms } = this.instant(b, t);
    const required = ['customerId', 'time'].map((f) => `${this.col(b, t, f)} IS NOT NULL`);
    return `loyalty_n AS (SELECT ${this.text(b, t, 'customerId')} AS customer_id, ${ms} AS time_ms, ${this.d.dayNumber(
      this.d.localDate(ts, zone),
    )} AS day, ${this.num(b, t, 'earned', '0')} AS earned, ${this.num(b, t, 'redeemed', '0')} AS redeemed, ${this.text(
      b,
      t,
      'channel',
    )} AS channel FROM ${b.ident(t.table)} WHERE ${required.join(' AND ')})`;
  }

  /** The campaign selection predicate on `expr`. */
  campaignPred(b: SqlBuilder, expr: string): string {
    if (this.q.campaignIds === null) return `${expr} IN (SELECT id FROM campaigns_n)`;
    return b.inList(expr, this.q.campaignIds);
  }

  /** The channel filter on `expr` (a NULL channel fails any filter). */
  channelPred(b: SqlBuilder, expr: string): string {
    if (this.q.channels === null) return '(1 = 1)';
    return b.inList(expr, this.q.channels);
  }

  /** `p` (0 = the period P, 1 = the previous period) for a `day` column, and the window predicate. */
  periods(b: SqlBuilder, day: string): { p: string; window: string } {
    return {
      p: `CASE WHEN ${day} >= ${b.p(this.q.from, 'int')} THEN 0 ELSE 1 END`,
      window: `${day} BETWEEN ${b.p(this.q.prevFrom, 'int')} AND ${b.p(this.q.to, 'int')}`,
    };
  }

  customSums(collection: CustomSql['collection']): string {
    return this.q.custom
      .filter((c) => c.collection === collection)
      .map((c) => `, SUM(${this.d.double(`(${c.sql})`)}) AS ${c.key}`)
      .join('');
  }

  /** The attributed orders A of both periods, with `p`. */
  attributedCte(b: SqlBuilder): string {
    const { p, window } = this.periods(b, 'day');
    return `a AS (SELECT orders_n.*, ${p} AS p FROM orders_n WHERE ${window} AND ${this.campaignPred(
      b,
      'campaign_id',
    )} AND ${this.channelPred(b, 'channel')})`;
  }

  /** Each customer's first order over the whole data set (earliest time, ties: smaller id). */
  firstOrdersCte(): string {
    return `f AS (SELECT * FROM (SELECT orders_n.*, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY time_ms, ${this.d.binaryText(
      'id',
    )}) AS rn FROM orders_n) ranked WHERE rn = 1)`;
  }

  withOrders(b: SqlBuilder, ...more: string[]): string {
    const zone = b.p(this.q.timeZone, 'text');
    return `WITH ${[this.campaignsCte(b), this.ordersCte(b, zone), ...more].join(',\n')}`;
  }
}

/** Every row of the campaigns table (small: read whole). */
export function campaignsStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  return b.done(
    `WITH ${c.campaignsCte(b)} SELECT id, name, start_day, end_day, budget, type FROM campaigns_n ORDER BY ${d.binaryText(
      'id',
    )}`,
  );
}

/**
 * Sums over A: per scope (campaign and total) and period, per day (and campaign), per
 * channel. One scan, GROUPING SETS told apart by GROUPING(p, campaign_id, day, channel).
 */
export function ordersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  const head = c.withOrders(b);
  return b.done(`${head},
${c.attributedCte(b)}
SELECT GROUPING(p, campaign_id, day, channel) AS g, p, campaign_id, day, channel,
  SUM(revenue) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT customer_id) AS buyers, SUM(discount) AS discount,
  SUM(cogs) AS cogs, COUNT(*) - COUNT(cogs) AS missing_cogs${c.customSums('orders')}
FROM a
GROUP BY GROUPING SETS ((p, campaign_id), (p), (day, campaign_id), (day), (p, channel))`);
}

/**
 * Per-customer measures over A per scope and period: buyers with 2+ orders, buyers with
 * another order (any) in (t, t + window], t their first order time in A; and new customers
 * (first order over the whole data set, ties: smaller id, is in A).
 */
export function customersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  const head = c.withOrders(b);
  const windowMs = b.p(q.returnWindowDays * MS_PER_DAY, 'double');
  const attributed = c.attributedCte(b);
  const first = c.firstOrdersCte();
  const fp = c.periods(b, 'day');
  return b.done(`${head},
${attributed},
pc AS (SELECT p, campaign_id, customer_id, COUNT(*) AS n, MIN(time_ms) AS t FROM a
  GROUP BY GROUPING SETS ((p, campaign_id, customer_id), (p, customer_id))),
kept AS (SELECT pc.p, pc.campaign_id, pc.n, CASE WHEN EXISTS (SELECT 1 FROM orders_n o2
  WHERE o2.customer_id = pc.customer_id AND o2.time_ms > pc.t AND o2.time_ms <= pc.t + ${windowMs}) THEN 1 ELSE 0 END AS kept
  FROM pc),
${first},
fa AS (SELECT ${fp.p} AS p, campaign_id FROM f WHERE ${fp.window} AND ${c.campaignPred(b, 'campaign_id')} AND ${c.channelPred(
    b,
    'channel',
  )})
SELECT 0 AS kind, p, campaign_id, SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END) AS repeat_buyers, SUM(kept) AS retained
  FROM kept GROUP BY p, campaign_id
UNION ALL
SELECT 1 AS kind, p, campaign_id, COUNT(*) AS repeat_buyers, 0 AS retained
  FROM fa GROUP BY GROUPING SETS ((p, campaign_id), (p))`);
}

/**
 * Revenue of O (every order passing the channel filter) per period and per day; costs per
 * scope, period and day; exposures and loyalty per scope and period. One statement, the
 * parts told apart by `src` and GROUPING(...).
 */
export function othersStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  const zone = b.p(q.timeZone, 'text');
  const ctes = [c.campaignsCte(b), c.ordersCte(b, zone), c.costsCte(b), c.exposuresCte(b), c.loyaltyCte(b, zone)];
  const o = c.periods(b, 'day');
  const oChan = c.channelPred(b, 'channel');
  const k = c.periods(b, 'day');
  const kCamp = c.campaignPred(b, 'campaign_id');
  const e = c.periods(b, 'day');
  const eCamp = c.campaignPred(b, 'campaign_id');
  const eChan = c.channelPred(b, 'channel');
  const l = c.periods(b, 'day');
  const lChan = c.channelPred(b, 'channel');
  const dn = d.double('NULL');
  const tn = d.text('NULL');
  const inull = 'CAST(NULL AS BIGINT)';
  const customCols = (coll: CustomSql['collection'] | null) =>
    q.custom
      .map((m) => (m.collection === coll ? `, SUM(${d.double(`(${m.sql})`)}) AS ${m.key}` : `, ${dn} AS ${m.key}`))
      .join('');
  return b.done(`WITH ${ctes.join(',\n')}
SELECT 'all' AS src, GROUPING(p, day) AS g, p, ${tn} AS campaign_id, day, SUM(revenue) AS v1, ${dn} AS v2, ${dn} AS v3, ${dn} AS v4, COUNT(*) AS n${customCols(null)}
  FROM (SELECT ${o.p} AS p, day, revenue FROM orders_n WHERE ${o.window} AND ${oChan}) x
  GROUP BY GROUPING SETS ((p), (day))
UNION ALL
SELECT 'costs', GROUPING(p, campaign_id, day), p, campaign_id, day, SUM(amount), ${dn}, ${dn}, ${dn}, COUNT(*)${customCols('costs')}
  FROM (SELECT costs_n.*, ${k.p} AS p FROM costs_n WHERE ${k.window} AND ${kCamp}) x
  GROUP BY GROUPING SETS ((p, campaign_id), (p), (day))
UNION ALL
SELECT 'exposures', GROUPING(p, campaign_id), p, campaign_id, ${inull}, SUM(impressions), SUM(reach), SUM(clicks), SUM(engagements), COUNT(*)${customCols('exposures')}
  FROM (SELECT exposures_n.*, ${e.p} AS p FROM exposures_n WHERE ${e.window} AND ${eCamp} AND ${eChan}) x
  GROUP BY GROUPING SETS ((p, campaign_id), (p))
UNION ALL
SELECT 'loyalty', 0, p, ${tn}, ${inull}, SUM(earned), SUM(redeemed), ${dn}, ${dn}, COUNT(*)${customCols('loyalty')}
  FROM (SELECT loyalty_n.*, ${l.p} AS p FROM loyalty_n WHERE ${l.window} AND ${lChan}) x
  GROUP BY p`);
}

/**
 * Cohorts: customers by the bucket of their first order (from bucket(from) to bucket(to);
 * with a campaign filter, first order attributed to a selected campaign), and per later
 * bucket up to bucket(to) the members who ordered and their revenue. Channel filters do
 * not apply.
 */
export function cohortsStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  const head = c.withOrders(b);
  const bucket = (alias: string) =>
    q.cohortGrain === 'week'
      ? `(${alias}.day - MOD(MOD(${alias}.day + 3, 7) + 7, 7))`
      : d.monthIndex(`${alias}.local_date`);
  const bf = b.p(q.bucketFrom, 'int');
  const bt = b.p(q.bucketTo, 'int');
  const camp = q.campaignFilter ? ` AND ${c.campaignPred(b, 'f.campaign_id')}` : '';
  const bt2 = b.p(q.bucketTo, 'int');
  return b.done(`${head},
${c.firstOrdersCte()},
m AS (SELECT f.customer_id, ${bucket('f')} AS cb FROM f WHERE ${bucket('f')} BETWEEN ${bf} AND ${bt}${camp}),
ob AS (SELECT m.cb, ${bucket('o')} AS b, o.customer_id, o.revenue FROM orders_n o JOIN m ON o.customer_id = m.customer_id)
SELECT cb, b, COUNT(DISTINCT customer_id) AS members, SUM(revenue) AS revenue FROM ob WHERE b <= ${bt2} GROUP BY cb, b`);
}

/**
 * Recency: every customer with an order on or before `asOf`, by days from their last such
 * order to `asOf` (segments 0-7, 8-14, 15-28, 29+ as 0..3), with their revenue in P.
 * Filters do not apply.
 */
export function recencyStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  const head = c.withOrders(b);
  const asOf1 = b.p(q.asOf, 'int');
  const from = b.p(q.from, 'int');
  const to = b.p(q.to, 'int');
  const asOf2 = b.p(q.asOf, 'int');
  return b.done(`${head},
lastd AS (SELECT customer_id, MAX(day) AS ld FROM orders_n WHERE day <= ${asOf1} GROUP BY customer_id),
rev AS (SELECT customer_id, SUM(revenue) AS r FROM orders_n WHERE day BETWEEN ${from} AND ${to} GROUP BY customer_id),
seg AS (SELECT CASE WHEN ${asOf2} - lastd.ld <= 7 THEN 0 WHEN ${asOf2} - lastd.ld <= 14 THEN 1
  WHEN ${asOf2} - lastd.ld <= 28 THEN 2 ELSE 3 END AS segment, COALESCE(rev.r, 0) AS r
  FROM lastd LEFT JOIN rev ON rev.customer_id = lastd.customer_id)
SELECT segment, COUNT(*) AS customers, SUM(r) AS revenue FROM seg GROUP BY segment`);
}

/**
 * Pacing sums per selected campaign with a budget: costs, discounts and revenue of the
 * campaign from its start to min(asOf, end). Filters do not apply.
 */
export function pacingStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  const head = c.withOrders(b, c.costsCte(b));
  const asOf = b.p(q.asOf, 'int');
  const camp = c.campaignPred(b, 'id');
  return b.done(`${head},
cw AS (SELECT id, start_day AS s, CASE WHEN end_day < ${asOf} THEN end_day ELSE ${asOf} END AS e
  FROM campaigns_n WHERE budget IS NOT NULL AND ${camp})
SELECT 'costs' AS src, cw.id, SUM(k.amount) AS v1, ${d.double('0')} AS v2
  FROM costs_n k JOIN cw ON k.campaign_id = cw.id AND k.day BETWEEN cw.s AND cw.e GROUP BY cw.id
UNION ALL
SELECT 'orders', cw.id, SUM(o.discount), SUM(o.revenue)
  FROM orders_n o JOIN cw ON o.campaign_id = cw.id AND o.day BETWEEN cw.s AND cw.e GROUP BY cw.id`);
}

/** Orders, costs and exposures naming a campaign the campaigns table does not hold, per campaign id. */
export function unknownCampaignsStatement(d: Dialect, map: ResolvedMapping, q: CompiledQuery): Statement {
  const c = new Compiler(d, map, q);
  const b = new SqlBuilder(d);
  const head = c.withOrders(b, c.costsCte(b), c.exposuresCte(b));
  const part = (src: string, table: string) =>
    `SELECT '${src}' AS src, campaign_id, COUNT(*) AS n FROM ${table} x WHERE campaign_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM campaigns_n k WHERE k.id = x.campaign_id) GROUP BY campaign_id`;
  return b.done(`${head}
${part('orders', 'orders_n')}
UNION ALL
${part('costs', 'costs_n')}
UNION ALL
${part('exposures', 'exposures_n')}`);
}
