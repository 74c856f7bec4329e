/**
 * PostgreSQL dialect (12 and later).
 */
import { quoteDouble, type Dialect } from './dialect.js';

const TYPES = { text: 'text', double: 'double precision', int: 'bigint' } as const;

export const postgres: Dialect = {
  name: 'postgres',
  quoteIdent: quoteDouble,
  param: (n, type) => `CAST($${n} AS ${TYPES[type]})`,
  epochMs: (ts) => `CAST(FLOOR(EXTRACT(EPOCH FROM ${ts}) * 1000) AS double precision)`,
  fromUtcTimestamp: (ts) => `(CAST(${ts} AS timestamp) AT TIME ZONE 'UTC')`,
  dayNumber: (date) => `CAST(${date} - DATE '1970-01-01' AS bigint)`,
  dateFromDay: (day) => `(DATE '1970-01-01' + CAST(${day} AS integer))`,
  monthIndex: (date) => `CAST(EXTRACT(YEAR FROM ${date}) * 12 + EXTRACT(MONTH FROM ${date}) - 1 AS bigint)`,
  binaryText: (text) => `(${text} COLLATE "C")`,
  double: (expr) => `CAST(${expr} AS double precision)`,
  text: (expr) => `CAST(${expr} AS text)`,
  date: (expr) => `CAST(${expr} AS date)`,
  inlineCte: 'NOT MATERIALIZED ',
  jsonText: (json, key) => `(CAST(${json} AS jsonb) ->> ${key})`,
  // jsonb_object_keys refuses a non-object: it is given NULL (no row) instead.
  jsonKeys: (json) =>
    `jsonb_object_keys(CASE WHEN jsonb_typeof(CAST(${json} AS jsonb)) = 'object' THEN CAST(${json} AS jsonb) END)`,
  matches: (text, pattern) => `(${text} ~ ${pattern})`,
  firstOrderRows: (columns) =>
    `SELECT DISTINCT ON (customer_id) customer_id, ${columns.join(', ')}, time_ms FROM orders_n
  ORDER BY customer_id, time_ms, id COLLATE "C"`,
};
