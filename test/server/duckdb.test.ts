import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeReport } from '../../src/engine/report.js';
import { registerKpi, unregisterKpi } from '../../src/engine/kpis/registry.js';
import { duckdb, warehouseReport, type SqlDriver } from '../../src/server/index.js';
import { reportDifferences } from './compare.js';
import { COLUMNS, JSON_ATTRIBUTES, paritySuite } from './parity.js';
import { DUCKDB } from './warehouses.js';

let connection: DuckDBConnection;
let driver: SqlDriver;
// Attributes from their own columns, and from the JSON column.
const input = paritySuite(DUCKDB, { seed: 7, orders: 3000, mappings: [COLUMNS, JSON_ATTRIBUTES] }, (w) => {
  ({ connection, driver } = w);
});

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
