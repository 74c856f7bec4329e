/**
 * Warehouse pushdown on DuckDB: the report of one month over 1M and 10M orders, generated
 * inside DuckDB with range() and hash-based pseudo-random values.
 * Run: `npm run bench warehouse`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdb, duckdbDriver, warehouseReport, type SqlDriver } from '../../src/server/index.js';
import { fmtMs, median, report } from './util.js';

const SIZES = (process.env.WAREHOUSE_BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const OPTIONS = { from: '2025-06-01', to: '2025-06-30', timeZone: 'Asia/Ho_Chi_Minh' };

/** Uniform integer in [0, n) from the hash of the row number and a salt. */
const h = (salt: number, n: number) => `CAST(hash(i, ${salt}) % ${n} AS INTEGER)`;

async function generate(driver: SqlDriver, orders: number): Promise<void> {
  const customers = Math.max(1000, Math.floor(orders / 10));
  const year = 365 * 86_400;
  const statements = [
    `CREATE OR REPLACE TABLE campaigns AS SELECT 'C' || i AS id, 'Campaign ' || i AS name,
       DATE '2025-01-01' + ${h(1, 300)} AS start, DATE '2025-01-01' + ${h(1, 300)} + 14 + ${h(2, 60)} AS "end",
       CASE WHEN i % 3 = 0 THEN NULL ELSE 5000 + ${h(3, 50000)} END AS budget, 'discount' AS type
     FROM range(50) t(i)`,
    `CREATE OR REPLACE TABLE orders AS SELECT 'o' || i AS id, 'u' || ${h(11, customers)} AS customer_id,
       to_timestamp(1735689600 + ${h(12, year)}) AS time,
       CAST(${h(13, 50000)} AS DOUBLE) / 100 AS revenue,
       CASE WHEN ${h(14, 10)} = 0 THEN NULL ELSE CAST(${h(15, 3000)} AS DOUBLE) / 100 END AS discount,
       CASE WHEN ${h(16, 100)} < 3 THEN NULL ELSE CAST(${h(13, 50000)} AS DOUBLE) / 200 END AS cogs,
       CASE WHEN ${h(17, 100)} < 60 THEN 'C' || ${h(18, 50)} ELSE NULL END AS campaign_id,
       CASE WHEN ${h(19, 10)} = 0 THEN NULL ELSE ['store', 'web', 'app', 'marketplace', 'social'][1 + ${h(20, 5)}] END AS channel
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
       to_timestamp(1735689600 + ${h(42, year)}) AS time, CAST(${h(43, 100)} AS DOUBLE) AS earned,
       CAST(${h(44, 50)} AS DOUBLE) AS redeemed, ['store', 'web', 'app'][1 + ${h(45, 3)}] AS channel
     FROM range(${Math.floor(orders / 20)}) t(i)`,
  ];
  for (const s of statements) await driver.query(s, []);
}

const dir = mkdtempSync(join(tmpdir(), 'promo-wh-bench-'));
try {
  const instance = await DuckDBInstance.create(join(dir, 'bench.duckdb'), { threads: '2', memory_limit: '4GB' });
  const connection = await instance.connect();
  const driver = duckdbDriver(connection);
  console.log(
    `DuckDB, 2 threads; report ${OPTIONS.from} .. ${OPTIONS.to} (${OPTIONS.timeZone}), previous period, cohorts, recency, pacing`,
  );
  for (const n of SIZES) {
    const t0 = performance.now();
    await generate(driver, n);
    console.log(`generated ${n.toLocaleString('en')} orders in ${fmtMs(performance.now() - t0)}`);
    // One run with the time of each statement, then the median of three.
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
        dialect: duckdb,
        onStatement: (n) => {
          name = n;
        },
      },
      OPTIONS,
    );
    console.log(`  statements: ${per.join(', ')}`);
    console.log(
      `  check: revenue ${r.kpis.revenue!.value!.toFixed(2)}, orders ${r.kpis.orders!.value}, buyers ${r.kpis.buyers!.value}, retention ${r.kpis.retentionRate!.value!.toFixed(4)}`,
    );
    // Wall time depends on what else the machine runs; CPU time of the process (DuckDB's
    // threads included) much less so: both are printed.
    const cpu: number[] = [];
    const ms = await median(
      async () => {
        const c0 = process.cpuUsage();
        await warehouseReport({ driver, dialect: duckdb }, OPTIONS);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      },
      3,
      0,
    );
    cpu.sort((a, b) => a - b);
    report(`warehouse report, ${(n / 1e6).toString()}M orders (DuckDB)`, ms, undefined, `CPU ${fmtMs(cpu[1]!)}`);
  }
  connection.closeSync();
  instance.closeSync();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
