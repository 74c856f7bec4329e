/**
 * The warehouses the pushdown tests run against, each opened the one way its tests need:
 * an in-memory DuckDB, a throwaway PostgreSQL cluster, an embedded ClickHouse. The session
 * zone of PostgreSQL and ClickHouse is far from every report zone: results must not depend
 * on it.
 */
import pg from 'pg';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  clickhouse,
  clickhouseDriver,
  duckdb,
  duckdbDriver,
  pgDriver,
  postgres,
  type Dialect,
  type SqlDriver,
} from '../../src/server/index.js';
import { load, startPostgres, type Input, type PgCluster } from './fixtures.js';

/** The session zone of the warehouses that have one. */
export const SESSION_ZONE = 'Pacific/Chatham';

/** A warehouse the tests can open. */
export interface WarehouseSpec<W extends Warehouse = Warehouse> {
  /** Its name in test titles: DuckDB, PostgreSQL, ClickHouse. */
  readonly name: string;
  /** Its name in messages and the shared loader's words. */
  readonly kind: 'duckdb' | 'postgres' | 'clickhouse';
  readonly dialect: Dialect;
  open(): Promise<W>;
}

/** An open warehouse. */
export interface Warehouse extends Omit<WarehouseSpec, 'open'> {
  readonly driver: SqlDriver;
  /**
   * Creates the five tables (default names, or `prefix` + name) and loads `input`; times in
   * the warehouse's time type, or as epoch ms.
   */
  load(input: Input, opts?: { prefix?: string; timeAs?: 'epoch_ms' }): Promise<void>;
  /** Runs a statement without parameters. */
  exec(sql: string): Promise<unknown>;
  /** `CREATE TABLE name AS select` in the warehouse's words, when not the standard ones. */
  createAs?(name: string, select: string): string;
  close(): Promise<void>;
}

const about = ({ name, kind, dialect }: Omit<WarehouseSpec, 'open'>) => ({ name, kind, dialect });

/** An in-memory DuckDB. */
export const DUCKDB: WarehouseSpec<Warehouse & { connection: DuckDBConnection }> = {
  name: 'DuckDB',
  kind: 'duckdb',
  dialect: duckdb,
  async open() {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const driver = duckdbDriver(connection);
    return {
      ...about(DUCKDB),
      driver,
      connection,
      load: (input, opts) => load(driver, 'duckdb', input, opts),
      exec: (sql) => driver.query(sql, []),
      async close() {
        connection.closeSync();
        instance.closeSync();
      },
    };
  },
};

/** A throwaway PostgreSQL cluster and a client connected to it. */
export const POSTGRES: WarehouseSpec<Warehouse & { client: pg.Client; cluster: PgCluster }> = {
  name: 'PostgreSQL',
  kind: 'postgres',
  dialect: postgres,
  async open() {
    const cluster = await startPostgres();
    try {
      const client = new pg.Client({
        host: cluster.host,
        port: cluster.port,
        user: cluster.user,
        database: 'postgres',
      });
      await client.connect();
      await client.query(`SET TimeZone = '${SESSION_ZONE}'`);
      const driver = pgDriver(client);
      return {
        ...about(POSTGRES),
        driver,
        client,
        cluster,
        load: (input, opts) => load(driver, 'postgres', input, opts),
        exec: (sql) => driver.query(sql, []),
        async close() {
          try {
            await client.end();
          } finally {
            cluster.stop();
          }
        },
      };
    } catch (e) {
      cluster.stop();
      throw e;
    }
  },
};

/**
 * An embedded ClickHouse behind the official client. Its module is loaded here, so a test
 * of another warehouse runs without it; a ClickHouse test fails when it is not installed.
 */
export const CLICKHOUSE: WarehouseSpec<Warehouse & { client: ClickHouseClient }> = {
  name: 'ClickHouse',
  kind: 'clickhouse',
  dialect: clickhouse,
  async open() {
    const { loadClickHouse, startClickHouse } = await import('./clickhouse-fixtures.js');
    const client = startClickHouse();
    return {
      ...about(CLICKHOUSE),
      driver: clickhouseDriver(client, { settings: { session_timezone: SESSION_ZONE } }),
      client,
      load: (input, opts) => loadClickHouse(client, input, opts),
      exec: (query) => client.command({ query }),
      createAs: (name, select) => `CREATE TABLE ${name} ENGINE = MergeTree ORDER BY tuple() AS ${select}`,
      close: () => client.close(),
    };
  },
};
