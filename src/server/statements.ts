/**
 * The pushdown's statements, written once over the normalised tables of compiler.ts: the
 * campaigns, the sums over attributed orders, the per-customer counts, the other
 * collections, segments, segment lists, pacing and unknown campaigns. Their value columns
 * are named after the measures they carry (`measureColumn`).
 */
import { ATTRIBUTE_NAME_RE, type SegmentOf } from '../core/vocabulary.js';
import { measureColumn as col, type MeasureName } from '../engine/measures.js';
import { compiler, MS_PER_DAY, type CompiledQuery, type DayRange } from './compiler.js';
import type { ResolvedMapping } from './table-mapping.js';
import type { Statement } from './sql.js';
import type { Dialect } from './dialects/dialect.js';

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

/** GROUPING(p, campaign_id, day) bitmasks of the costs and exposures parts of the others statement. */
export const COST_SETS = {
  scope: groupingMask(['p', 'campaign_id', 'day'], ['p', 'campaign_id']),
  total: groupingMask(['p', 'campaign_id', 'day'], ['p']),
  day: groupingMask(['p', 'campaign_id', 'day'], ['p', 'day']),
} as const;
/** GROUPING(p, channel, day) bitmasks of the loyalty part of the others statement. */
export const LOYALTY_SETS = {
  total: groupingMask(['p', 'channel', 'day'], ['p']),
  channel: groupingMask(['p', 'channel', 'day'], ['p', 'channel']),
  day: groupingMask(['p', 'channel', 'day'], ['p', 'day']),
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
 * - kind 1, per scope and period, and per day (`day` set, campaign NULL): new customers
 *   (first order over the whole data set, ties: smaller id, is in A; on that day)
 *   (`new_customers`);
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
  const fa = `fa AS (SELECT z.p, z.campaign_id, z.day FROM (${c.withPeriod(fSub)}) z)`;
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
SELECT ${CUSTOMER_ROWS.buyers} AS kind, p, campaign_id, ${inull} AS day, ${inull} AS cb, ${inull} AS b,
  ${d.double('SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END)')} AS ${col('repeatBuyers')}, ${d.double('SUM(kept)')} AS ${col(
    'retainedBuyers',
  )},
  ${dn} AS ${col('newCustomers')}, ${dn} AS ${COHORT_COLUMNS.active}, ${dn} AS ${COHORT_COLUMNS.revenue}
  FROM kept GROUP BY p, campaign_id
UNION ALL
SELECT ${CUSTOMER_ROWS.newCustomers}, p, campaign_id, day, ${inull}, ${inull}, ${dn} AS ${col('repeatBuyers')}, ${dn} AS ${col(
    'retainedBuyers',
  )},
  ${d.double('COUNT(*)')} AS ${col('newCustomers')}, ${dn} AS ${COHORT_COLUMNS.active}, ${dn} AS ${COHORT_COLUMNS.revenue}
  FROM fa GROUP BY GROUPING SETS ((p, campaign_id), (p), (p, day))
UNION ALL
SELECT ${CUSTOMER_ROWS.cohort}, ${inull}, ${tn}, ${inull}, cb, b, ${dn} AS ${col('repeatBuyers')}, ${dn} AS ${col('retainedBuyers')},
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
 * - `exposures`: per scope, period and day (see {@link COST_SETS}): `impressions`, `reach`,
 *   `clicks`, `engagements`, `exposure_records`;
 * - `loyalty`: events of the period passing the channel filter, per period, channel and
 *   day (see {@link LOYALTY_SETS}): `points_earned`, `points_redeemed`, `active_members`;
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
SELECT 'exposures', GROUPING(p, campaign_id, day), p, campaign_id, day, ${values({
    impressions: d.double('SUM(impressions)'),
    reach: d.double('SUM(reach)'),
    clicks: d.double('SUM(clicks)'),
    engagements: d.double('SUM(engagements)'),
    exposureRecords: d.double('COUNT(*)'),
  })}${c.customSums('exposures')}
  FROM (${c.withPeriod(`SELECT * FROM exposures_n WHERE ${c.campaignPred('campaign_id')} AND ${c.channelPred('channel')}`)}) x
  GROUP BY GROUPING SETS ((p, campaign_id), (p), (p, day))
UNION ALL
SELECT 'loyalty', GROUPING(p, channel, day), p, channel, day, ${values({
    pointsEarned: d.double('SUM(earned)'),
    pointsRedeemed: d.double('SUM(redeemed)'),
    activeMembers: d.double('COUNT(DISTINCT customer_id)'),
  })}${c.customSums('loyalty')}
  FROM (${c.withPeriod(lSub)}) x
  GROUP BY GROUPING SETS ((p), (p, channel), (p, day))
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

/** Row kinds of the summary statement. */
export const SUMMARY_ROWS = { orders: 0, channel: 1, attribute: 2 } as const;

/** Where a summary starts: the first local day a caller may see, and the instant starting it. */
export interface SummarySince {
  day: number;
  ms: number;
}

/**
 * What a data summary needs besides the campaigns, over the orders of the selected
 * campaigns (all orders without a campaign selection) that pass the channel and attribute
 * filters, from `since` on:
 * - kind 0: their number (`n`) and latest instant (`t`);
 * - kind 1: each channel (`value`) of those orders, of the exposures (of the selected
 *   campaigns) and of the loyalty events, passing the channel filter;
 * - kind 2: each attribute's (`name`) distinct non-empty values (`value`), the first
 *   `maxValues` in code-point order, with `n` the number of its values. Attributes of
 *   their own column (every one the mapping names), and the keys of the JSON column's
 *   objects that are not among them. With the dialect's `matches`, only the keys that are
 *   attribute names, and only the first `maxNames + 1` attributes (own columns first, then
 *   the keys, each in code-point order), their rank in `t`: the answer stays small however
 *   many keys the JSON column holds, and a rank above `maxNames` says names were cut.
 * `q.attributes` must hold every attribute of its own column.
 */
export function summaryStatement(
  d: Dialect,
  map: ResolvedMapping,
  q: CompiledQuery,
  since: SummarySince | null,
  maxValues: number,
  maxNames: number,
): Statement {
  const c = compiler(d, map, q);
  const b = c.b;
  const m = map.orders.attributes;
  const own = [...(m?.columns.keys() ?? [])];
  const json = m?.json ? `, ${b.ident([m.json])} AS attributes_json` : '';
  const camp = (expr: string) => (q.campaignIds === null ? '(1 = 1)' : c.campaignPred(expr));
  const from = (ms: string) => (since === null ? '(1 = 1)' : `${ms} >= ${b.p(since.ms, 'double')}`);
  const exposuresFrom = since === null ? '(1 = 1)' : `day >= ${b.p(since.day, 'int')}`;
  const keyOf = new Map(q.attributes.map((a) => [a.name, a.key]));
  // Own columns rank first (src 0), then the JSON keys (src 1).
  const values = own.map(
    (name) => `SELECT 0 AS src, ${b.p(name, 'text')} AS name, ${keyOf.get(name)!} AS value FROM os`,
  );
  if (json)
    values.push(`SELECT 1 AS src, k AS name, ${d.jsonText('attributes_json', 'k')} AS value
  FROM (SELECT attributes_json, ${d.jsonKeys('attributes_json')} AS k FROM os) j
  WHERE ${own.length === 0 ? '(1 = 1)' : `NOT (${b.inList('k', own)})`}${
    d.matches ? ` AND ${d.matches('k', b.p(ATTRIBUTE_NAME_RE.source, 'text'))}` : ''
  }`);
  const tn = d.text('NULL');
  const dn = d.double('NULL');
  const attributes =
    values.length === 0
      ? ''
      : `,
av AS (${values.join('\nUNION ALL\n')}),
ad AS (SELECT DISTINCT src, name, value FROM av WHERE value IS NOT NULL AND LENGTH(value) > 0),
ar AS (SELECT name, value, ROW_NUMBER() OVER (PARTITION BY name ORDER BY ${d.binaryText('value')}) AS rn,
  COUNT(*) OVER (PARTITION BY name) AS n, DENSE_RANK() OVER (ORDER BY src, ${d.binaryText('name')}) AS nr FROM ad)`;
  // Without `matches`, keys that are no attribute names would take ranks: every name is read back.
  const attributeRows =
    values.length === 0
      ? ''
      : `
UNION ALL
SELECT ${SUMMARY_ROWS.attribute}, name, value, ${d.double('n')}, ${d.matches ? d.double('nr') : dn} FROM ar
  WHERE rn <= ${b.p(maxValues, 'int')}${d.matches ? ` AND nr <= ${b.p(maxNames + 1, 'int')}` : ''}`;
  return b.done(`${c.with(c.campaigns(), c.orders(json), c.exposures(), c.loyalty())},
os AS (SELECT * FROM orders_n WHERE ${camp('campaign_id')} AND ${c.channelPred('channel')} AND ${c.filterPred()} AND ${from(
    'time_ms',
  )})${attributes}
SELECT ${SUMMARY_ROWS.orders} AS kind, ${tn} AS name, ${tn} AS value, ${d.double('COUNT(*)')} AS n, MAX(time_ms) AS t FROM os
UNION ALL
SELECT ${SUMMARY_ROWS.channel}, ${tn}, ch.channel, ${dn}, ${dn} FROM (SELECT channel FROM os
  UNION ALL SELECT channel FROM exposures_n WHERE ${camp('campaign_id')} AND ${exposuresFrom}
  UNION ALL SELECT channel FROM loyalty_n WHERE ${from('time_ms')}) ch
  WHERE ch.channel IS NOT NULL AND ${c.channelPred('ch.channel')} GROUP BY ch.channel${attributeRows}`);
}
