/**
 * DuckDB dialect (1.x, with the bundled ICU extension for time zones).
 */
import { quoteDouble, type Dialect } from './dialect.js';

const TYPES = { text: 'VARCHAR', double: 'DOUBLE', int: 'BIGINT' } as const;

export const duckdb: Dialect = {
  name: 'duckdb',
  quoteIdent: quoteDouble,
  param: (n, type) => `CAST($${n} AS ${TYPES[type]})`,
  epochMs: (ts) => `CAST(epoch_ms(${ts}) AS DOUBLE)`,
  fromEpochMs: (ms) => `to_timestamp(CAST(${ms} AS DOUBLE) / 1000.0)`,
  fromUtcTimestamp: (ts) => `timezone('UTC', CAST(${ts} AS TIMESTAMP))`,
  localDate: (ts, zone) => `CAST(timezone(${zone}, ${ts}) AS DATE)`,
  dayNumber: (date) => `CAST(date_diff('day', DATE '1970-01-01', ${date}) AS BIGINT)`,
  monthIndex: (date) => `CAST(year(${date}) * 12 + month(${date}) - 1 AS BIGINT)`,
  binaryText: (text) => text,
  double: (expr) => `CAST(${expr} AS DOUBLE)`,
  text: (expr) => `CAST(${expr} AS VARCHAR)`,
  date: (expr) => `CAST(${expr} AS DATE)`,
};
