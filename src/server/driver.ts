/**
 * The one thing the server helper needs from a database client: run a statement with
 * positional parameters and return its rows as plain objects. The kit imports no driver;
 * wrap your own client with one of the small adapters below, or write one.
 */

/** A database connection as the pushdown sees it. */
export interface SqlDriver {
  /** Runs `sql` with `params` bound to its placeholders (`$1`, `$2` ...) and returns the rows. */
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
