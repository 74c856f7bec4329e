/**
 * The one thing the server helper needs from a database client: run a statement with
 * positional parameters and return its rows as plain objects. The kit imports no driver;
 * wrap your own client with one of the small adapters below, or write one.
 */

/** A database connection as the pushdown sees it. */
export interface SqlDriver {
  /**
   * Runs `sql` with `params` bound to its placeholders (`$1`, `$2` ...; ClickHouse: the n-th
   * value to `{p<n>:Type}`) and returns the rows.
   */
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** The part of a `pg` Client or Pool the adapter uses. */
export interface PgLikeClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Wraps a `pg` Client or Pool (node-postgres).
 *
 * ```ts
 * import pg from 'pg';
 * import { pgDriver } from 'promo-kpi-kit/server';
 * const driver = pgDriver(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 * ```
 */
export function pgDriver(client: PgLikeClient): SqlDriver {
  return {
    async query(sql, params) {
      const r = await client.query(sql, [...params]);
      return r.rows;
    },
  };
}

/** The part of a `@duckdb/node-api` DuckDBConnection the adapter uses. */
export interface DuckDBLikeConnection {
  runAndReadAll(sql: string, values?: never[]): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
}

/**
 * Wraps a `@duckdb/node-api` connection.
 *
 * ```ts
 * import { DuckDBInstance } from '@duckdb/node-api';
 * import { duckdbDriver } from 'promo-kpi-kit/server';
 * const db = await DuckDBInstance.create('sales.duckdb');
 * const driver = duckdbDriver(await db.connect());
 * ```
 */
export function duckdbDriver(connection: DuckDBLikeConnection): SqlDriver {
  return {
    async query(sql, params) {
      const reader = await connection.runAndReadAll(sql, [...params] as never[]);
      return reader.getRowObjectsJS();
    },
  };
}

/**
 * The part of an `@clickhouse/client` client (`createClient(...)`) the adapter uses. Typed
 * here so the kit neither imports nor requires the package; the client satisfies it.
 */
export interface ClickHouseLikeClient {
  query(params: {
    query: string;
    format: 'JSONEachRow';
    query_params?: Record<string, unknown>;
    clickhouse_settings?: Record<string, string | number | boolean>;
  }): Promise<{ json(): Promise<unknown> }>;
}

/** Options of {@link clickhouseDriver}. */
export interface ClickHouseDriverOptions {
  /**
   * Extra settings for every query (a `max_execution_time`, a `session_timezone` ...).
   * The settings the pushdown's SQL relies on are part of each statement's own text and
   * win over these.
   */
  settings?: Record<string, string | number | boolean>;
}

/**
 * Wraps an `@clickhouse/client` client (an optional peer dependency) for the `clickhouse`
 * dialect: the n-th value of a statement is bound, server side, to the query parameter
 * `p<n>` the dialect writes as `{p<n>:Type}`.
 *
 * ```ts
 * import { createClient } from '@clickhouse/client';
 * import { clickhouse, clickhouseDriver } from 'promo-kpi-kit/server';
 * const driver = clickhouseDriver(createClient({ url: process.env.CLICKHOUSE_URL }));
 * // warehouseReport({ driver, dialect: clickhouse, mapping }, options)
 * ```
 */
export function clickhouseDriver(client: ClickHouseLikeClient, options: ClickHouseDriverOptions = {}): SqlDriver {
  return {
    async query(sql, params) {
      const query_params: Record<string, unknown> = {};
      params.forEach((v, i) => {
        query_params[`p${i + 1}`] = v;
      });
      const rs = await client.query({
        query: sql,
        format: 'JSONEachRow',
        query_params,
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0, ...options.settings },
      });
      return (await rs.json()) as Record<string, unknown>[];
    },
  };
}
