/**
 * PostgreSQL dialect (12 and later).
 */
import { quoteDouble, type Dialect } from './dialect.js';

const TYPES = { text: 'text', double: 'double precision', int: 'bigint' } as const;

export const postgres: Dialect = {
  name: 'postgres',
  quoteIdent: quoteDouble,
  param: (n, type) => `CAST($${n} AS ${TYPES[type]})`,
  epochMs: (ts) => `CAST(EXTRACT(EPOCH FROM ${ts}) * 1000 AS double precision)`,
  fromEpochMs: (ms) => `to_timestamp(CAST(${ms} AS double precision) / 1000.0)`,
  fromUtcTimestamp: (ts) => `(CAST(${ts} AS timestamp) AT TIME ZONE 'UTC')`,
  localDate: (ts, zone) => `CAST(timezone(${zone}, ${ts}) AS date)`,
  dayNumber: (date) => `CAST(${date} - DATE '1970-01-01' AS bigint)`,
  monthIndex: (date) => `CAST(EXTRACT(YEAR FROM ${date}) * 12 + EXTRACT(MONTH FROM ${date}) - 1 AS bigint)`,
  binaryText: (text) => `(${text} COLLATE "C")`,
  double: (expr) => `CAST(${expr} AS double precision)`,
  text: (expr) => `CAST(${expr} AS text)`,
  date: (expr) => `CAST(${expr} AS date)`,
};
