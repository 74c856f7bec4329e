import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { computeReport } from '../../src/engine/report.js';
import { registerKpi, unregisterKpi } from '../../src/engine/kpis/registry.js';
import { duckdb, duckdbDriver, warehouseReport, type SqlDriver } from '../../src/server/index.js';
import { CASES, registerCustomKpis } from './cases.js';
import { reportDifferences } from './compare.js';
import { checkFilteredNewCustomers, checkReturnWindowEdges } from './edges.js';
import { checkSegmentLists, checkSegmentOrder } from './segments.js';
import { ATTRIBUTE_COLUMNS, ATTRIBUTE_JSON, generate, load } from './fixtures.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let driver: SqlDriver;
let cleanup: () => void;
const input = generate(7, 3000);
const COLUMNS = { orders: { attributes: ATTRIBUTE_COLUMNS } };
const JSON_ATTRIBUTES = { orders: { attributes: ATTRIBUTE_JSON } };

before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  driver = duckdbDriver(connection);
  await load(driver, 'duckdb', input);
  cleanup = registerCustomKpis();
});

after(() => {
  cleanup?.();
  connection?.closeSync();
  instance?.closeSync();
});

for (const c of CASES) {
  test(`DuckDB pushdown equals computeReport: ${c.name}`, async () => {
    const expected = computeReport(input, c.options);
    const actual = await warehouseReport({ driver, dialect: duckdb, mapping: COLUMNS }, c.options);
    assert.deepEqual(reportDifferences(actual, expected), []);
    // Attributes from the JSON column instead of their own columns: the same report.
    const json = await warehouseReport({ driver, dialect: duckdb, mapping: JSON_ATTRIBUTES }, c.options);
    assert.deepEqual(reportDifferences(json, expected), [], 'attributes from a JSON column');
    // The comparison is not vacuous: the data set has orders in most periods.
    if (c === CASES[0]) {
      assert.ok(actual.kpis.orders!.value! > 100);
      assert.ok(actual.kpis.retentionRate!.value! > 0);
      assert.ok(Object.keys(actual.byChannel).length >= 4);
      assert.ok(actual.kpis.giftCostPerOrder!.value! > 0);
    }
  });
}

test('DuckDB: a custom measure without SQL is reported, its KPI has no value, the rest is computed', async () => {
  registerKpi({
    id: 'jsOnly',
    label: { en: 'JS only', vi: 'Chỉ JS' },
    unit: 'number',
    polarity: 'neutral',
    measures: { jsMeasure: { collection: 'orders', value: (o) => o.revenue * 2 } },
    compute: (m, f) => f.div(m.custom.jsMeasure!, m.orders),
  });
  registerKpi({
    id: 'badSql',
    label: { en: 'Bad SQL', vi: 'SQL sai' },
    unit: 'number',
    polarity: 'neutral',
    measures: { sneaky: { collection: 'orders', value: () => 1, sql: '1); DROP TABLE orders; --' } },
    compute: (m) => m.custom.sneaky!,
  });
  try {
    const options = { from: '2025-02-01', to: '2025-02-28' };
    const r = await warehouseReport({ driver, dialect: duckdb }, options);
    assert.deepEqual(r.kpis.jsOnly, { value: null, previous: null, delta: null, change: null, reason: 'no-data' });
    assert.deepEqual(r.kpis.badSql, { value: null, previous: null, delta: null, change: null, reason: 'no-data' });
    const messages = r.issues.filter((i) => i.path.startsWith('kpis.')).map((i) => i.message);
    assert.deepEqual(messages, [
      'kpis.jsOnly.measures.jsMeasure: custom measure has no "sql" expression, so it cannot run in the warehouse; KPI "jsOnly" has no value',
      'kpis.badSql.measures.sneaky: "sql" must be a single expression (no ";" or comments); KPI "badSql" has no value',
    ]);
    const engine = computeReport(input, options);
    assert.ok(engine.kpis.jsOnly!.value! > 0, 'the in-browser engine computes it');
    assert.ok(Math.abs(r.kpis.revenue!.value! - engine.kpis.revenue!.value!) < 1e-6);
    assert.ok(Math.abs(r.kpis.webShare!.value! - engine.kpis.webShare!.value!) < 1e-12);
  } finally {
    unregisterKpi('jsOnly');
    unregisterKpi('badSql');
  }
});

test('DuckDB: times stored as UTC timestamps without zone (timeKind utc_timestamp), custom table names', async () => {
  await connection.run(`CREATE OR REPLACE VIEW utc_orders AS
    SELECT id AS ref, customer_id, CAST(timezone('UTC', time) AS TIMESTAMP) AS placed_at_utc, revenue, discount, cogs, campaign_id, channel FROM orders;
    CREATE OR REPLACE VIEW utc_loyalty AS
    SELECT customer_id, CAST(timezone('UTC', time) AS TIMESTAMP) AS at_utc, earned, redeemed, channel FROM loyalty;`);
  const options = { from: '2025-03-01', to: '2025-03-31', timeZone: 'America/New_York', cohortGrain: 'week' as const };
  const actual = await warehouseReport(
    {
      driver,
      dialect: duckdb,
      mapping: {
        orders: { table: 'utc_orders', timeKind: 'utc_timestamp', columns: { id: 'ref', time: 'placed_at_utc' } },
        loyalty: { table: 'utc_loyalty', timeKind: 'utc_timestamp', columns: { time: 'at_utc' } },
      },
    },
    options,
  );
  assert.deepEqual(reportDifferences(actual, computeReport(input, options)), []);
  assert.ok(actual.kpis.pointsEarned!.value! > 0);
});

test('DuckDB: the portable first-order SQL (a dialect without the firstOrderRows hook) gives the same report', async () => {
  const portable = { ...duckdb, firstOrderRows: undefined };
  for (const c of CASES.filter((_, i) => i < 3 || i === 8)) {
    const actual = await warehouseReport({ driver, dialect: portable, mapping: COLUMNS }, c.options);
    assert.deepEqual(reportDifferences(actual, computeReport(input, c.options)), [], c.name);
  }
});

test('DuckDB: called directly, a hostile time zone never reaches SQL (it falls back to UTC, reported)', async () => {
  const statements: string[] = [];
  const hostile = "UTC'; DROP TABLE orders; --";
  const r = await warehouseReport(
    { driver, dialect: duckdb, onStatement: (_, st) => statements.push(st.sql, JSON.stringify(st.params)) },
    { from: '2025-02-01', to: '2025-02-28', timeZone: hostile },
  );
  assert.ok(statements.length > 0);
  assert.ok(statements.every((s) => !s.includes('DROP')));
  assert.ok(r.issues.some((i) => i.path === 'timeZone'));
  const utc = computeReport(input, { from: '2025-02-01', to: '2025-02-28', timeZone: 'UTC' });
  assert.ok(Math.abs(r.kpis.revenue!.value! - utc.kpis.revenue!.value!) < 1e-6);
  const rows = await driver.query('SELECT COUNT(*) AS n FROM orders', []);
  assert.equal(Number(rows[0]!.n), input.orders.length);
});

test('DuckDB: the return window ends exactly at t + returnWindowDays x 24 h (inclusive), 1 ms later is out', async () => {
  await checkReturnWindowEdges(driver, duckdb, 'duckdb');
});

test('DuckDB: under an attribute filter, a customer is new only when their first order passes it', async () => {
  await checkFilteredNewCustomers(driver, duckdb, 'duckdb');
});

test("DuckDB: segment lists (recency, re-activation, returned) equal the engine's segmentCustomers", async () => {
  await checkSegmentLists(driver, duckdb, COLUMNS, input);
});

test('DuckDB: segment lists are sorted by code point', async () => {
  await checkSegmentOrder(driver, duckdb, 'duckdb');
});
