/**
 * DuckDB dialect (1.x).
 */
import { quoteDouble, type Dialect } from './dialect.js';

const TYPES = { text: 'VARCHAR', double: 'DOUBLE', int: 'BIGINT' } as const;

export const duckdb: Dialect = {
  name: 'duckdb',
  quoteIdent: quoteDouble,
  param: (n, type) => `CAST($${n} AS ${TYPES[type]})`,
  epochMs: (ts) => `CAST(epoch_ms(${ts}) AS DOUBLE)`,
  fromUtcTimestamp: (ts) => `timezone('UTC', CAST(${ts} AS TIMESTAMP))`,
  dayNumber: (date) => `CAST(date_diff('day', DATE '1970-01-01', ${date}) AS BIGINT)`,
  dateFromDay: (day) => `CAST(DATE '1970-01-01' + CAST(${day} AS INTEGER) AS DATE)`,
  monthIndex: (date) => `CAST(year(${date}) * 12 + month(${date}) - 1 AS BIGINT)`,
  binaryText: (text) => text,
  double: (expr) => `CAST(${expr} AS DOUBLE)`,
  text: (expr) => `CAST(${expr} AS VARCHAR)`,
  date: (expr) => `CAST(${expr} AS DATE)`,
  inlineCte: 'NOT MATERIALIZED ',
  // A key that starts with neither `$` nor `/` is read as a plain key (attribute names start with a letter).
  jsonText: (json, key) => `json_extract_string(CAST(${json} AS JSON), ${key})`,
  // json_keys gives an empty list for a JSON array or scalar.
  jsonKeys: (json) => `unnest(json_keys(CAST(${json} AS JSON)))`,
  matches: (text, pattern) => `regexp_matches(${text}, ${pattern})`,
  firstOrderRows: (columns) =>
    `SELECT customer_id, ${columns.map((c) => `arg_min_null(${c}, (time_ms, id)) AS ${c}`).join(', ')},
  MIN(time_ms) AS time_ms FROM orders_n GROUP BY customer_id`,
};
