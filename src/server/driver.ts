/**
 * The one thing the server helper needs from a database client: run a statement with
 * positional parameters and return its rows as plain objects (and, optionally, stream
 * them). The kit imports no driver; wrap your own client with one of the small adapters
 * below, or write one.
 */

/** Per-statement settings a driver may honour. */
export interface QueryOptions {
  /** Cancel the statement after this many ms (the pushdown also stops waiting then). */
  timeoutMs?: number;
}

/** A database connection as the pushdown sees it. */
export interface SqlDriver {
  /**
   * Runs `sql` with `params` bound to its placeholders (`$1`, `$2` ...; ClickHouse: the n-th
   * value to `{p<n>:Type}`) and returns the rows. `options.timeoutMs`: cancel the statement
   * after that long, where the database allows it (a driver may ignore it; the pushdown
   * stops waiting anyway).
   */
  query(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Record<string, unknown>[]>;
  /**
   * Optional: runs `sql` and yields its rows in batches as the database produces them, so
   * a long result (a segment's customer ids) never sits whole in the server's memory.
   * Ending the iteration early (`break`, `return()`) cancels the rest. Without it, lists
   * come from `query` in one batch.
   */
  stream?(sql: string, params: readonly unknown[]): AsyncIterable<Record<string, unknown>[]>;
}

/** The part of a `pg` Client the adapter uses. */
export interface PgLikeClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The part of a `pg` Pool the adapter uses: a checked-out client is released when done. */
export interface PgLikePool extends PgLikeClient {
  connect(): Promise<PgLikeClient & { release(error?: Error | boolean): void }>;
  /** Present on a `pg.Pool` (tells it from a `pg.Client`, which has `connect()` too). */
  totalCount: number;
}

function isPool(c: PgLikeClient | PgLikePool): c is PgLikePool {
  return typeof (c as PgLikePool).connect === 'function' && typeof (c as PgLikePool).totalCount === 'number';
}

function timeoutSql(ms: number): string {
  // An integer the adapter formats itself: never a request value.
  return `SET statement_timeout = ${Math.max(1, Math.ceil(ms))}`;
}

/** Rows fetched from a PostgreSQL cursor at a time. */
const PG_FETCH_ROWS = 5_000;
let cursorSeq = 0;

/**
 * Wraps a `pg` Client or Pool (node-postgres). With a Pool, each statement checks out one
 * connection and gives it back, so the pushdown never holds more connections than the
 * pool's `max`. A statement timeout is PostgreSQL's own `statement_timeout`, set on the
 * connection for the statement (and reset before a pooled connection goes back).
 *
 * Streams run a read-only transaction with a cursor (`DECLARE ... CURSOR`, `FETCH 5000`):
 * on a Pool, on a connection checked out for the stream's duration; on a Client, on the
 * client itself (statements sent to it meanwhile run inside that transaction, so prefer a
 * Pool for a server that streams).
 *
 * ```ts
 * import pg from 'pg';
 * import { pgDriver } from 'promo-kpi-kit/server';
 * const driver = pgDriver(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }));
 * ```
 */
export function pgDriver(client: PgLikeClient | PgLikePool): SqlDriver {
  // A lone Client serves this driver only: its timeout is set once per value.
  let clientTimeout: number | undefined;
  return {
    async query(sql, params, options) {
      const ms = options?.timeoutMs;
      if (isPool(client)) {
        const conn = await client.connect();
        let broken: Error | undefined;
        try {
          if (ms !== undefined) await conn.query(timeoutSql(ms));
          const r = await conn.query(sql, [...params]);
          if (ms !== undefined) await conn.query('RESET statement_timeout');
          return r.rows;
        } catch (error) {
          // A cancelled statement leaves the connection usable, but its timeout set: drop it.
          broken = error instanceof Error ? error : new Error(String(error));
          throw error;
        } finally {
          conn.release(broken);
        }
      }
      if (ms !== undefined && ms !== clientTimeout) {
        await client.query(timeoutSql(ms));
        clientTimeout = ms;
      }
      const r = await client.query(sql, [...params]);
      return r.rows;
    },
    async *stream(sql, params) {
      const own = isPool(client) ? await client.connect() : null;
      const c = own ?? client;
      const cursor = `promo_kpi_cursor_${++cursorSeq}`;
      let failed: Error | undefined;
      try {
        await c.query('BEGIN READ ONLY');
        await c.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, [...params]);
        for (;;) {
          const r = await c.query(`FETCH ${PG_FETCH_ROWS} FROM ${cursor}`);
          if (r.rows.length > 0) yield r.rows;
          if (r.rows.length < PG_FETCH_ROWS) break;
        }
      } catch (e) {
        failed = e instanceof Error ? e : new Error(String(e));
        throw e;
      } finally {
        // Ends the transaction whether the rows ran out, the consumer stopped or a statement failed.
        try {
          await c.query(failed === undefined ? 'COMMIT' : 'ROLLBACK');
        } catch (e) {
          failed ??= e instanceof Error ? e : new Error(String(e));
        }
        own?.release(failed);
      }
    },
  };
}

/** The part of a `@duckdb/node-api` DuckDBConnection the adapter uses. */
export interface DuckDBLikeConnection {
  runAndReadAll(sql: string, values?: never[]): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
  /** Stops the statement running on the connection (used for the statement timeout). */
  interrupt?(): void;
  /** Runs a statement whose rows are read chunk by chunk (used to stream). */
  stream?(
    sql: string,
    values?: never[],
  ): Promise<{ yieldRowObjectJs(): AsyncIterableIterator<Record<string, unknown>[]> }>;
}

/** The part of a `@duckdb/node-api` DuckDBInstance the adapter uses. */
export interface DuckDBLikeInstance {
  connect(): Promise<DuckDBLikeConnection & { closeSync?(): void }>;
}

/**
 * Wraps a `@duckdb/node-api` connection, or an instance.
 *
 * ```ts
 * import { DuckDBInstance } from '@duckdb/node-api';
 * import { duckdbDriver } from 'promo-kpi-kit/server';
 * const db = await DuckDBInstance.create('sales.duckdb');
 * const driver = duckdbDriver(db);                 // or duckdbDriver(await db.connect())
 * ```
 *
 * Statements run one at a time on one connection. Streams (segment lists) read their
 * rows chunk by chunk: given an instance, each on a connection of its own, so a long list
 * going to a slow client never holds up reports; given a connection, in turn with the
 * statements (DuckDB keeps one pending result per connection), holding it until read.
 */
export function duckdbDriver(target: DuckDBLikeConnection | DuckDBLikeInstance): SqlDriver {
  const instance = 'connect' in target && typeof target.connect === 'function' ? target : null;
  let opened: Promise<DuckDBLikeConnection> | null = instance ? null : Promise.resolve(target as DuckDBLikeConnection);
  const shared = () => (opened ??= instance!.connect());
  // One statement at a time on the connection, so an interrupt stops the late one only.
  let tail: Promise<unknown> = Promise.resolve();
  /** Runs `job` after every statement queued before it; the next ones wait for it. */
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const result = tail.then(job, job);
    tail = result.catch(() => undefined);
    return result;
  };
  async function* chunks(c: DuckDBLikeConnection, sql: string, params: readonly unknown[]) {
    if (!c.stream) {
      yield (await c.runAndReadAll(sql, [...params] as never[])).getRowObjectsJS();
      return;
    }
    const result = await c.stream(sql, [...params] as never[]);
    for await (const rows of result.yieldRowObjectJs()) if (rows.length > 0) yield rows;
  }
  return {
    query(sql, params, options) {
      const ms = options?.timeoutMs;
      const run = async () => {
        const connection = await shared();
        const timer =
          ms !== undefined && connection.interrupt ? setTimeout(() => connection.interrupt!(), ms) : undefined;
        try {
          const reader = await connection.runAndReadAll(sql, [...params] as never[]);
          return reader.getRowObjectsJS();
        } finally {
          clearTimeout(timer);
        }
      };
      return enqueue(run);
    },
    async *stream(sql, params) {
      if (instance) {
        const own = await instance.connect();
        try {
          yield* chunks(own, sql, params);
        } finally {
          own.closeSync?.();
        }
        return;
      }
      // The shared connection: hold the queue until the rows are read (or the reader stops).
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await new Promise<void>((started) => void enqueue(() => (started(), held)));
      try {
        yield* chunks(await shared(), sql, params);
      } finally {
        release();
      }
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
  }): Promise<{
    json(): Promise<unknown>;
    /** The rows in chunks as the server sends them (each row read with its own `json()`). */
    stream?(): AsyncIterable<readonly { json(): unknown }[]>;
  }>;
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
  const run = (sql: string, params: readonly unknown[], timeoutMs?: number) => {
    const query_params: Record<string, unknown> = {};
    params.forEach((v, i) => {
      query_params[`p${i + 1}`] = v;
    });
    return client.query({
      query: sql,
      format: 'JSONEachRow',
      query_params,
      clickhouse_settings: {
        output_format_json_quote_64bit_integers: 0,
        ...options.settings,
        // ClickHouse's own limit, whole seconds: the pushdown stops waiting at the exact ms.
        ...(timeoutMs === undefined ? {} : { max_execution_time: Math.max(1, Math.ceil(timeoutMs / 1000)) }),
      },
    });
  };
  return {
    async query(sql, params, q) {
      const rs = await run(sql, params, q?.timeoutMs);
      return (await rs.json()) as Record<string, unknown>[];
    },
    // Segment lists in the chunks the server sends; ending the iteration early destroys the
    // response stream, which cancels the query.
    async *stream(sql, params) {
      const rs = await run(sql, params);
      if (!rs.stream) {
        yield (await rs.json()) as Record<string, unknown>[];
        return;
      }
      for await (const rows of rs.stream()) yield rows.map((r) => r.json() as Record<string, unknown>);
    },
  };
}
