/**
 * ClickHouse dialect (23.8 and later; tested on 26.x), for a single server or a cluster.
 *
 * Placeholders are ClickHouse's typed query parameters `{p1:String}`, `{p2:Float64}`,
 * `{p3:Int64}`: the n-th value of a statement's `params` is bound to the name `p<n>` by
 * {@link clickhouseDriver} (or any driver doing the same), server side, so no value is
 * ever spliced into the text.
 *
 * Every statement ends with a SETTINGS clause giving the standard SQL semantics the
 * compiler's text assumes, whatever the server's or user's profile says:
 * - `group_by_use_nulls`: columns outside a grouping set are NULL (not 0 or '');
 * - `join_use_nulls`: the missing side of an outer join is NULL;
 * - `aggregate_functions_null_for_empty`: SUM of no rows is NULL;
 * - `cast_keep_nullable`: a CAST of a NULL or of a Nullable column stays NULL-able
 *   (`CAST(NULL AS BIGINT)` is NULL instead of an error);
 * - `prefer_column_name_to_alias`: `SUM(cogs) AS cogs, COUNT(cogs)` counts the column,
 *   not the alias;
 * - `count_distinct_implementation = 'uniqExact'`: `COUNT(DISTINCT ...)` is exact;
 * - `join_algorithm = 'hash,grace_hash'`: the first of these the join allows (a hash join
 *   for every join the compiler writes), whatever algorithm a profile names.
 * Divisions in the compiler's SQL are floating point on every warehouse (`/` in
 * ClickHouse, FLOOR then CAST to an integer), and days are computed from epoch
 * milliseconds with offsets the server passes, so ClickHouse's own time-zone handling
 * (`toTimeZone`, the column's zone, `session_timezone`) never changes a number.
 */
import type { Dialect } from './dialect.js';

const TYPES = { text: 'String', double: 'Float64', int: 'Int64' } as const;

/** Settings appended to every statement (see the module comment). */
export const CLICKHOUSE_SETTINGS: Readonly<Record<string, string | number>> = {
  group_by_use_nulls: 1,
  join_use_nulls: 1,
  aggregate_functions_null_for_empty: 1,
  cast_keep_nullable: 1,
  prefer_column_name_to_alias: 1,
  count_distinct_implementation: 'uniqExact',
  join_algorithm: 'hash,grace_hash',
};

const SETTINGS = Object.entries(CLICKHOUSE_SETTINGS)
  .map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`)
  .join(', ');

export const clickhouse: Dialect = {
  name: 'clickhouse',
  quoteIdent: (part) => `\`${part.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  param: (n, type) => `{p${n}:${TYPES[type]}}`,
  // Any DateTime or DateTime64, whatever its zone: the instant, in milliseconds.
  epochMs: (ts) => `toFloat64(toUnixTimestamp64Milli(toDateTime64(${ts}, 3)))`,
  // A DateTime whose wall-clock time in its own zone (declared, else the server's) is UTC:
  // shift the stored instant by that zone's offset at it.
  fromUtcTimestamp: (ts) => `addSeconds(toDateTime64(${ts}, 3), timeZoneOffset(${ts}))`,
  dayNumber: (date) => `toInt64(dateDiff('day', toDate32('1970-01-01'), ${date}))`,
  dateFromDay: (day) => `addDays(toDate32('1970-01-01'), toInt64(${day}))`,
  monthIndex: (date) => `toInt64(toYear(${date}) * 12 + toMonth(${date}) - 1)`,
  // Strings compare byte by byte, which for UTF-8 is code point order.
  binaryText: (text) => text,
  double: (expr) => `CAST(${expr} AS Float64)`,
  text: (expr) => `CAST(${expr} AS String)`,
  date: (expr) => `CAST(${expr} AS Date32)`,
  // ClickHouse inlines CTEs (a CTE is a named subquery).
  inlineCte: '',
  // NULL for a missing key or a JSON null (a Nullable(String) result); the key is a bound parameter.
  jsonText: (json, key) => `JSONExtract(CAST(${json} AS String), ${key}, 'Nullable(String)')`,
  // An array cannot be Nullable: a NULL column reads as '' (no keys, as a non-object).
  jsonKeys: (json) => `arrayJoin(JSONExtractKeys(ifNull(CAST(${json} AS String), '')))`,
  // RE2, as the pattern's syntax allows; the pattern is a bound parameter (a constant to the server).
  matches: (text, pattern) => `match(${text}, ${pattern})`,
  // A tuple keeps NULL campaigns, channels and attributes (argMin skips a NULL argument).
  firstOrderRows: (columns) =>
    `SELECT customer_id, ${columns.map((c, i) => `fo.${i + 1} AS ${c}`).join(', ')}, t AS time_ms FROM (SELECT customer_id,
  argMin((${columns.join(', ')}), (time_ms, id)) AS fo, MIN(time_ms) AS t FROM orders_n GROUP BY customer_id)`,
  finish: (sql) => `${sql}\nSETTINGS ${SETTINGS}`,
};
