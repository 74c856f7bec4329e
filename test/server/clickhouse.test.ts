import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClickHouseClient } from '@clickhouse/client';
import { computeReport } from '../../src/engine/report.js';
import { resolveOptions } from '../../src/engine/options.js';
import { segmentCustomers } from '../../src/engine/segments.js';
import { SEGMENT_OF } from '../../src/core/vocabulary.js';
import { warehouseSegmentCustomers } from '../../src/server/warehouse.js';
import { clickhouse, warehouseReport, type SqlDriver } from '../../src/server/index.js';
import { CASES } from './cases.js';
import { reportDifferences } from './compare.js';
import { loadClickHouse } from './clickhouse-fixtures.js';
import { JSON_ATTRIBUTES, paritySuite, RENAMED_ORDER_COLUMNS, renamedOrders } from './parity.js';
import { CLICKHOUSE, SESSION_ZONE, type Warehouse } from './warehouses.js';

let warehouse: Warehouse & { client: ClickHouseClient };
let driver: SqlDriver;
// Attributes from a JSON text column (String).
const input = paritySuite(CLICKHOUSE, { seed: 13, orders: 2500, mappings: [JSON_ATTRIBUTES] }, (w) => {
  warehouse = w;
  driver = w.driver;
});

test('ClickHouse: the engine is real and the SETTINGS of each statement apply', async () => {
  const rows = await driver.query('SELECT version() AS v, timezone() AS tz, COUNT(*) AS n FROM orders', []);
  assert.match(String(rows[0]!.v), /^\d+\.\d+/);
  assert.equal(rows[0]!.tz, SESSION_ZONE);
  assert.equal(Number(rows[0]!.n), input.orders.length);
});

test('ClickHouse: epoch-ms times, UTC wall-clock times, other table and column names', async () => {
  const { client } = warehouse;
  await loadClickHouse(client, input, { prefix: 'ms_', timeAs: 'epoch_ms' });
  await loadClickHouse(client, input, { prefix: 'wall_', timeAs: 'utc_wallclock' });
  await client.command({ query: 'CREATE DATABASE IF NOT EXISTS sales' });
  await client.command({ query: `CREATE OR REPLACE VIEW sales.\`Orders\` AS ${renamedOrders('ms_orders')}` });
  const options = { from: '2025-02-10', to: '2025-03-20', timeZone: 'Asia/Kolkata', channels: ['web', 'store'] };
  const expected = computeReport(input, options);
  const epoch = await warehouseReport(
    {
      driver,
      dialect: clickhouse,
      mapping: {
        orders: { table: 'sales.Orders', timeKind: 'epoch_ms', columns: RENAMED_ORDER_COLUMNS },
        campaigns: { table: 'ms_campaigns' },
        costs: { table: 'ms_costs' },
        exposures: { table: 'ms_exposures' },
        loyalty: { table: 'ms_loyalty', timeKind: 'epoch_ms' },
      },
    },
    options,
  );
  assert.deepEqual(reportDifferences(epoch, expected), []);
  const wall = await warehouseReport(
    {
      driver,
      dialect: clickhouse,
      mapping: {
        orders: { table: 'wall_orders', timeKind: 'utc_timestamp' },
        loyalty: { table: 'wall_loyalty', timeKind: 'utc_timestamp' },
      },
    },
    options,
  );
  assert.deepEqual(reportDifferences(wall, expected), []);
  assert.ok(epoch.kpis.orders!.value! > 50);
  assert.ok(wall.kpis.pointsEarned!.value! > 0);
});

test('ClickHouse: segment customer lists equal the engine lists, for every segment of every kind', async () => {
  let nonEmpty = 0;
  assert.ok(driver.stream, 'lists come through the streaming path of clickhouseDriver');
  for (const c of [CASES[0]!, CASES[2]!, ...CASES.filter((x) => x.options.recencyBounds !== undefined)]) {
    for (const segment of resolveOptions(c.options).recencySegments)
      for (const of of SEGMENT_OF) {
        const expected = segmentCustomers(input, c.options, { segment, of });
        const list = await warehouseSegmentCustomers(
          { driver, dialect: clickhouse, mapping: JSON_ATTRIBUTES },
          c.options,
          { segment, of },
        );
        const ids: string[] = [];
        for await (const batch of list.batches) ids.push(...batch);
        assert.deepEqual(ids, expected, `${c.name}: ${of} ${segment}`);
        assert.equal(list.size, expected.length);
        if (expected.length > 0) nonEmpty++;
      }
  }
  assert.ok(nonEmpty >= 6, 'most lists hold customers');
});
