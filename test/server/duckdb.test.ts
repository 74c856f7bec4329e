import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeReport } from '../../src/engine/report.js';
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
