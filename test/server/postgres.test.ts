import { test } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import { computeReport } from '../../src/engine/report.js';
import { postgres, warehouseReport, type SqlDriver } from '../../src/server/index.js';
import { reportDifferences } from './compare.js';
import { JSON_ATTRIBUTES, paritySuite, RENAMED_ORDER_COLUMNS, renamedOrders } from './parity.js';
import { POSTGRES, type Warehouse } from './warehouses.js';

let warehouse: Warehouse & { client: pg.Client };
let driver: SqlDriver;
// Attributes from the jsonb column.
const input = paritySuite(POSTGRES, { seed: 11, orders: 2500, mappings: [JSON_ATTRIBUTES] }, (w) => {
  warehouse = w;
  driver = w.driver;
});

test('PostgreSQL: a mapping onto views with other names, a schema and epoch-ms times', async () => {
  await warehouse.load(input, { prefix: 'raw_', timeAs: 'epoch_ms' });
  await warehouse.client.query(`DROP SCHEMA IF EXISTS sales CASCADE; CREATE SCHEMA sales;
    CREATE VIEW sales."Orders" AS ${renamedOrders('raw_orders')};
    CREATE VIEW sales.promos AS SELECT id AS code, name AS title, start AS first_day, "end" AS last_day, budget AS cap FROM raw_campaigns;`);
  const options = { from: '2025-02-10', to: '2025-03-20', timeZone: 'Asia/Ho_Chi_Minh', channels: ['web', 'store'] };
  const actual = await warehouseReport(
    {
      driver,
      dialect: postgres,
      mapping: {
        campaigns: {
          table: 'sales.promos',
          columns: { id: 'code', name: 'title', start: 'first_day', end: 'last_day', budget: 'cap', type: null },
        },
        orders: { table: 'sales.Orders', timeKind: 'epoch_ms', columns: RENAMED_ORDER_COLUMNS },
        costs: { table: 'raw_costs' },
        exposures: { table: 'raw_exposures' },
        loyalty: { table: 'raw_loyalty', timeKind: 'epoch_ms' },
      },
    },
    options,
  );
  // Campaign types are not read by the report, so dropping the column changes nothing.
  const expected = computeReport(input, options);
  assert.deepEqual(reportDifferences(actual, expected), []);
  assert.ok(actual.kpis.orders!.value! > 50);
});
