/**
 * Warehouse pushdown on DuckDB and ClickHouse: the report of one month over 1M and 10M
 * orders, and the data summary a board asks once per load, generated inside each engine with
 * hash-based pseudo-random values (the same shapes: 50 campaigns, a customer per 10 orders, a
 * year of orders, two attribute columns and a JSON column of attributes). ClickHouse is the
 * embedded engine (chdb) behind the official @clickhouse/client, tables partitioned by
 * month and sorted by customer, as the README advises for a cluster's shards.
 * Run: `npm run bench warehouse` (WAREHOUSE_BENCH_SIZES=1000000 for one size,
 * WAREHOUSE_BENCH_ENGINES=clickhouse for one engine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import {
  clickhouse,
  clickhouseDriver,
  duckdb,
  duckdbDriver,
  warehouseDataSummary,
  warehouseReport,
  type Dialect,
  type SqlDriver,
} from '../../src/server/index.js';
import { fmtMs, median, report } from './util.js';

const SIZES = (process.env.WAREHOUSE_BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const ENGINES = (process.env.WAREHOUSE_BENCH_ENGINES ?? 'duckdb,clickhouse').split(',');
const OPTIONS = { from: '2025-06-01', to: '2025-06-30', timeZone: 'Asia/Ho_Chi_Minh' };
const THREADS = 2;
const YEAR_S = 365 * 86_400;

/** Uniform integer in [0, n) from the hash of the row number and a salt (DuckDB). */
const h = (salt: number, n: number) => `CAST(hash(i, ${salt}) % ${n} AS INTEGER)`;

async function generateDuckDB(driver: SqlDriver, orders: number): Promise<void> {
  const customers = Math.max(1000, Math.floor(orders / 10));
  const statements = [
    `CREATE OR REPLACE TABLE campaigns AS SELECT 'C' || i AS id, 'Campaign ' || i AS name,
       DATE '2025-01-01' + ${h(1, 300)} AS start, DATE '2025-01-01' + ${h(1, 300)} + 14 + ${h(2, 60)} AS "end",
       CASE WHEN i % 3 = 0 THEN NULL ELSE 5000 + ${h(3, 50000)} END AS budget, 'discount' AS type
     FROM range(50) t(i)`,
    `CREATE OR REPLACE TABLE orders AS SELECT 'o' || i AS id, 'u' || ${h(11, customers)} AS customer_id,
       to_timestamp(1735689600 + ${h(12, YEAR_S)}) AS time,
       CAST(${h(13, 50000)} AS DOUBLE) / 100 AS revenue,
       CASE WHEN ${h(14, 10)} = 0 THEN NULL ELSE CAST(${h(15, 3000)} AS DOUBLE) / 100 END AS discount,
       CASE WHEN ${h(16, 100)} < 3 THEN NULL ELSE CAST(${h(13, 50000)} AS DOUBLE) / 200 END AS cogs,
       CASE WHEN ${h(17, 100)} < 60 THEN 'C' || ${h(18, 50)} ELSE NULL END AS campaign_id,
       CASE WHEN ${h(19, 10)} = 0 THEN NULL ELSE ['store', 'web', 'app', 'marketplace', 'social'][1 + ${h(20, 5)}] END AS channel,
       'S' || ${h(25, 40)} AS store, ['north', 'centre', 'south'][1 + ${h(26, 3)}] AS region,
       '{"category": "K' || ${h(27, 30)} || '", "tier": "' || ['gold', 'silver', 'basic'][1 + ${h(28, 3)}] ||
         '", "n' || ${h(29, 5000)} || '": "1"}' AS attrs
     FROM range(${orders}) t(i)`,
    `CREATE OR REPLACE TABLE costs AS SELECT 'C' || ${h(21, 50)} AS campaign_id, DATE '2025-01-01' + ${h(22, 365)} AS date,
       CAST(${h(23, 100000)} AS DOUBLE) / 100 AS amount, ['media', 'gift', 'staff'][1 + ${h(24, 3)}] AS category
     FROM range(${Math.floor(orders / 200)}) t(i)`,
    `CREATE OR REPLACE TABLE exposures AS SELECT 'C' || ${h(31, 50)} AS campaign_id, DATE '2025-01-01' + ${h(32, 365)} AS date,
       CAST(${h(33, 10000)} AS DOUBLE) AS impressions, CAST(${h(34, 5000)} AS DOUBLE) AS reach,
       CAST(${h(35, 500)} AS DOUBLE) AS clicks, CAST(${h(36, 800)} AS DOUBLE) AS engagements,
       ['store', 'web', 'app', 'marketplace', 'social'][1 + ${h(37, 5)}] AS channel
     FROM range(${Math.floor(orders / 200)}) t(i)`,
    `CREATE OR REPLACE TABLE loyalty AS SELECT 'u' || ${h(41, customers)} AS customer_id,
       to_timestamp(1735689600 + ${h(42, YEAR_S)}) AS time, CAST(${h(43, 100)} AS DOUBLE) AS earned,
       CAST(${h(44, 50)} AS DOUBLE) AS redeemed, ['store', 'web', 'app'][1 + ${h(45, 3)}] AS channel
     FROM range(${Math.floor(orders / 20)}) t(i)`,
  ];
  for (const s of statements) await driver.query(s, []);
}

/** The same shapes in ClickHouse: `numbers()` and cityHash64. */
const ch = (salt: number, n: number) => `toInt64(cityHash64(number, ${salt}) % ${n})`;

async function generateClickHouse(driver: SqlDriver, orders: number): Promise<void> {
  const customers = Math.max(1000, Math.floor(orders / 10));
  const day = (salt: number, n: number) => `addDays(toDate32('2025-01-01'), ${ch(salt, n)})`;
  const create = (name: string, columns: string, order: string, select: string, partition = '') => [
    `DROP TABLE IF EXISTS ${name}`,
    `CREATE TABLE ${name} (${columns}) ENGINE = MergeTree ${partition}ORDER BY ${order}`,
    `INSERT INTO ${name} ${select}`,
  ];
  const statements = [
    ...create(
      'campaigns',
      'id String, name String, start Date32, `end` Date32, budget Nullable(Float64), type String',
      'id',
      `SELECT concat('C', toString(number)), concat('Campaign ', toString(number)), ${day(1, 300)},
         addDays(${day(1, 300)}, 14 + ${ch(2, 60)}), if(number % 3 = 0, NULL, toFloat64(5000 + ${ch(3, 50000)})), 'discount'
       FROM numbers(50)`,
    ),
    ...create(
      'orders',
      `id String, customer_id String, time DateTime64(3, 'UTC'), revenue Float64, discount Nullable(Float64),
       cogs Nullable(Float64), campaign_id Nullable(String), channel Nullable(String), store String, region String,
       attrs String`,
      '(customer_id, time)',
      `SELECT concat('o', toString(number)), concat('u', toString(${ch(11, customers)})),
         toDateTime64(1735689600 + ${ch(12, YEAR_S)}, 3, 'UTC'), ${ch(13, 50000)} / 100,
         if(${ch(14, 10)} = 0, NULL, ${ch(15, 3000)} / 100), if(${ch(16, 100)} < 3, NULL, ${ch(13, 50000)} / 200),
         if(${ch(17, 100)} < 60, concat('C', toString(${ch(18, 50)})), NULL),
         if(${ch(19, 10)} = 0, NULL, ['store', 'web', 'app', 'marketplace', 'social'][1 + ${ch(20, 5)}]),
         concat('S', toString(${ch(25, 40)})), ['north', 'centre', 'south'][1 + ${ch(26, 3)}],
         concat('{"category": "K', toString(${ch(27, 30)}), '", "tier": "', ['gold', 'silver', 'basic'][1 + ${ch(28, 3)}],
           '", "n', toString(${ch(29, 5000)}), '": "1"}')
       FROM numbers(${orders})`,
      'PARTITION BY toYYYYMM(time) ',
    ),
    ...create(
      'costs',
      'campaign_id String, date Date32, amount Float64, category Nullable(String)',
      '(campaign_id, date)',
      `SELECT concat('C', toString(${ch(21, 50)})), ${day(22, 365)}, ${ch(23, 100000)} / 100,
         ['media', 'gift', 'staff'][1 + ${ch(24, 3)}] FROM numbers(${Math.floor(orders / 200)})`,
    ),
    ...create(
      'exposures',
      `campaign_id String, date Date32, impressions Float64, reach Float64, clicks Float64, engagements Float64,
       channel Nullable(String)`,
      '(campaign_id, date)',
      `SELECT concat('C', toString(${ch(31, 50)})), ${day(32, 365)}, ${ch(33, 10000)}, ${ch(34, 5000)}, ${ch(35, 500)},
         ${ch(36, 800)}, ['store', 'web', 'app', 'marketplace', 'social'][1 + ${ch(37, 5)}]
       FROM numbers(${Math.floor(orders / 200)})`,
    ),
    ...create(
      'loyalty',
      `customer_id String, time DateTime64(3, 'UTC'), earned Float64, redeemed Float64, channel Nullable(String)`,
      '(customer_id, time)',
      `SELECT concat('u', toString(${ch(41, customers)})), toDateTime64(1735689600 + ${ch(42, YEAR_S)}, 3, 'UTC'),
         ${ch(43, 100)}, ${ch(44, 50)}, ['store', 'web', 'app'][1 + ${ch(45, 3)}] FROM numbers(${Math.floor(orders / 20)})`,
    ),
    'OPTIMIZE TABLE orders FINAL',
  ];
  for (const s of statements) await driver.query(s, []);
}

/** One report with each statement's time, then the median of three with the process's CPU time. */
async function measure(engine: string, n: number, driver: SqlDriver, dialect: Dialect): Promise<void> {
  const per: string[] = [];
  let name = '';
  const r = await warehouseReport(
    {
      driver: {
        async query(sql, params) {
          const t = performance.now();
          const rows = await driver.query(sql, params);
          per.push(`${name} ${fmtMs(performance.now() - t)}`);
          return rows;
        },
      },
      dialect,
      onStatement: (s) => {
        name = s;
      },
    },
    OPTIONS,
  );
  console.log(`  statements: ${per.join(', ')}`);
  console.log(
    `  check: revenue ${r.kpis.revenue!.value!.toFixed(2)}, orders ${r.kpis.orders!.value}, buyers ${r.kpis.buyers!.value}, retention ${r.kpis.retentionRate!.value!.toFixed(4)}`,
  );
  // Wall time depends on what else the machine runs; CPU time of the process (the engine's
  // threads included: both run in-process) much less so: both are printed.
  const cpu: number[] = [];
  const ms = await median(
    async () => {
      const c0 = process.cpuUsage();
      await warehouseReport({ driver, dialect }, OPTIONS);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    },
    3,
    0,
  );
  cpu.sort((a, b) => a - b);
  report(`warehouse report, ${(n / 1e6).toString()}M orders (${engine})`, ms, undefined, `CPU ${fmtMs(cpu[1]!)}`);
  // The data summary a board asks once per load: two attributes of their own column and, in
  // the JSON column, two keys with a few values and 5,000 keys of one value each (a column of
  // unbounded keys). Against the same summary with the names chosen on the server (a dialect
  // without `matches`: every key read back), and as a share of the report.
  const config = { driver, dialect, mapping: SUMMARY_MAPPING };
  const read: number[] = [];
  const counting = (base: Dialect) => ({
    driver: {
      async query(sql: string, params: readonly unknown[]) {
        const rows = await driver.query(sql, params);
        read.push(rows.length);
        return rows;
      },
    },
    dialect: base,
    mapping: SUMMARY_MAPPING,
  });
  const timeZone = OPTIONS.timeZone;
  const inWarehouse = await median(() => warehouseDataSummary(config, { timeZone }), 3, 0);
  const onServer = await median(
    () => warehouseDataSummary({ ...config, dialect: { ...dialect, matches: undefined } }, { timeZone }),
    3,
    0,
  );
  read.length = 0;
  const s = await warehouseDataSummary(counting(dialect), { timeZone });
  const rowsIn = read.reduce((a, b) => a + b, 0);
  read.length = 0;
  await warehouseDataSummary(counting({ ...dialect, matches: undefined }), { timeZone });
  const rowsOn = read.reduce((a, b) => a + b, 0);
  report(
    `data summary, ${(n / 1e6).toString()}M orders (${engine})`,
    inWarehouse,
    undefined,
    `${(inWarehouse / ms).toFixed(2)}x the report; ${rowsIn.toLocaleString('en')} rows read back (${Object.keys(s.attributes).length} attributes, names cut: ${String(s.truncatedAttributeNames)}); names chosen on the server: ${fmtMs(onServer)}, ${rowsOn.toLocaleString('en')} rows`,
  );
}

/** The bench tables' order attributes: two columns of their own and a JSON column. */
const SUMMARY_MAPPING = { orders: { attributes: { columns: { store: 'store', region: 'region' }, json: 'attrs' } } };

console.log(
  `report ${OPTIONS.from} .. ${OPTIONS.to} (${OPTIONS.timeZone}), previous period, cohorts, recency, pacing; ${THREADS} threads each`,
);

if (ENGINES.includes('duckdb')) {
  const dir = mkdtempSync(join(tmpdir(), 'promo-wh-bench-'));
  try {
    const instance = await DuckDBInstance.create(join(dir, 'bench.duckdb'), {
      threads: String(THREADS),
      memory_limit: '4GB',
    });
    const connection = await instance.connect();
    const driver = duckdbDriver(connection);
    console.log('\nDuckDB');
    for (const n of SIZES) {
      const t0 = performance.now();
      await generateDuckDB(driver, n);
      console.log(`generated ${n.toLocaleString('en')} orders in ${fmtMs(performance.now() - t0)}`);
      await measure('DuckDB', n, driver, duckdb);
    }
    connection.closeSync();
    instance.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (ENGINES.includes('clickhouse')) {
  const client = createClient({ connection: createChdbConnection({ path: ':memory:' }) as never });
  try {
    const driver = clickhouseDriver(client, { settings: { max_threads: THREADS } });
    const [v] = await driver.query('SELECT version() AS v', []);
    console.log(`\nClickHouse ${String(v!.v)} (embedded, chdb)`);
    for (const n of SIZES) {
      const t0 = performance.now();
      await generateClickHouse(driver, n);
      console.log(`generated ${n.toLocaleString('en')} orders in ${fmtMs(performance.now() - t0)}`);
      await measure('ClickHouse', n, driver, clickhouse);
    }
  } finally {
    await client.close();
  }
}
