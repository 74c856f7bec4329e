/**
 * A SQL dialect: the few spots where warehouses disagree. Everything else the compiler
 * writes is plain SQL (CTEs, GROUPING SETS, window functions, CASE) that DuckDB,
 * PostgreSQL, ClickHouse and BigQuery all accept, so a new warehouse is one file
 * implementing this interface.
 *
 * Every method returns SQL text built only from its arguments, which are themselves SQL
 * text produced by the compiler (quoted identifiers, placeholders, expressions); a
 * request value never reaches one of them except as a placeholder. Time zones need no
 * dialect support: the compiler turns instants into local days with offsets it computes
 * itself (see compiler.ts).
 */
export interface Dialect {
  /** Short name, for messages (`duckdb`, `postgres`, `clickhouse`). */
  readonly name: string;
  /** Quotes one identifier part that has already been validated (letters, digits, `_`, `$`). */
  quoteIdent(part: string): string;
  /** The placeholder of the n-th parameter (1-based), cast to the given type. */
  param(n: number, type: SqlType): string;
  /** A timestamp-with-time-zone expression as epoch milliseconds (double). */
  epochMs(ts: string): string;
  /** A timestamp-without-zone expression holding UTC wall-clock time, as timestamp with time zone. */
  fromUtcTimestamp(ts: string): string;
  /** Days since 1970-01-01 of a date expression, as an integer. */
  dayNumber(date: string): string;
  /** The date of a day-number expression (days since 1970-01-01). */
  dateFromDay(day: string): string;
  /** `year * 12 + month - 1` of a date expression, as an integer. */
  monthIndex(date: string): string;
  /** A text expression ordered by code points (binary collation) for tie-breaks on ids. */
  binaryText(text: string): string;
  /** Casts an expression to the dialect's double type. */
  double(expr: string): string;
  /** Casts an expression to text. */
  text(expr: string): string;
  /** Casts an expression to a date. */
  date(expr: string): string;
  /**
   * Written between `name AS` and the parenthesised query of a CTE: asks the engine to
   * inline a CTE referenced several times rather than materialise it, so filters reach
   * the table scan (`NOT MATERIALIZED ` where supported, else empty).
   */
  readonly inlineCte: string;
  /**
   * The text value under the key `key` (a placeholder holding an attribute name) of the
   * JSON object in `json` (a column of JSON, or of text holding JSON); NULL when the
   * key is missing or its value is JSON null. Non-string values as their JSON text.
   */
  jsonText(json: string, key: string): string;
  /**
   * A select-list expression that expands to one row per key of the JSON object in `json`
   * (each row: the key, as text); no row when `json` is NULL or not an object.
   */
  jsonKeys(json: string): string;
  /**
   * Optional: whether the text expression `text` matches `pattern`, a placeholder holding a
   * regular expression anchored with `^` and `$` and written in the syntax POSIX, RE2 and
   * JavaScript share (ASCII classes, `{m,n}`). With it, a data summary keeps only the JSON
   * keys that are attribute names and caps the names in the warehouse, so its answer stays
   * small however many keys the JSON column holds; without it, every key is read back and
   * the names are chosen after.
   */
  matches?(text: string, pattern: string): string;
  /**
   * Optional, for speed: a SELECT over the relation `orders_n` (columns id, customer_id,
   * time_ms and those in `columns`) giving each customer's first order, columns
   * `customer_id`, then `columns` (already valid identifiers: campaign_id, channel,
   * attribute columns), then `time_ms`: earliest `time_ms`, ties broken by the smaller id
   * in binary order. Without it the compiler uses grouped minimums and joins.
   */
  firstOrderRows?(columns: readonly string[]): string;
  /**
   * Optional: the complete text of a statement, given the text the compiler wrote (for
   * per-query settings the compiler's standard SQL relies on, as ClickHouse's SETTINGS).
   */
  finish?(sql: string): string;
}

export type SqlType = 'text' | 'double' | 'int';

/** Quotes with double quotes, doubling any inside (SQL standard). */
export function quoteDouble(part: string): string {
  return `"${part.replace(/"/g, '""')}"`;
}
