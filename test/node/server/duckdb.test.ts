import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { computeReport } from '../../../src/engine/report.js';
import { duckdb, duckdbDriver, warehouseReport, type SqlDriver } from '../../../src/server/index.js';
import { CASES, registerCustomKpis } from './cases.js';
import { reportDifferences } from './compare.js';
import { generate, load } from './fixtures.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let driver: SqlDriver;
let cleanup: () => void;
const input = generate(7, 3000);

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
    const actual = await warehouseReport({ driver, dialect: duckdb }, c.options);
    assert.deepEqual(reportDifferences(actual, expected), []);
    // The comparison is not vacuous: the data set has orders in most periods.
    if (c.options.from === '2025-02-01' && c.options.campaignIds === undefined) {
      assert.ok(actual.kpis.orders!.value! > 100);
      assert.ok(actual.kpis.retentionRate!.value! > 0);
      assert.ok(Object.keys(actual.byChannel).length >= 4);
      assert.ok(actual.kpis.giftCostPerOrder!.value! > 0);
    }
  });
}
