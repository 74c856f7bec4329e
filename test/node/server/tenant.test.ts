import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { computeReport } from '../../../src/engine/report.js';
import { duckdb, duckdbDriver, warehouseReport, type SqlDriver, type Statement } from '../../../src/server/index.js';
import { CASES, registerCustomKpis } from './cases.js';
import { reportDifferences } from './compare.js';
import { assertScoped, loadTenants, TENANT_A, TENANT_B, TENANT_MAPPING, tenantInputs } from './tenancy.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let driver: SqlDriver;
let cleanup: () => void;
const { a, b } = tenantInputs();

before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  driver = duckdbDriver(connection);
  await loadTenants(driver, 'duckdb', a, b);
  cleanup = registerCustomKpis();
});

after(() => {
  cleanup?.();
  connection?.closeSync();
  instance?.closeSync();
});

for (const [tenant, own] of [
  [TENANT_A, a],
  [TENANT_B, b],
] as const) {
  test(`DuckDB, two tenants with colliding ids: ${tenant} gets the report of its own rows, every statement scoped`, async () => {
    for (const c of CASES) {
      const statements: [string, Statement][] = [];
      const config = {
        driver,
        dialect: duckdb,
        mapping: TENANT_MAPPING,
        onStatement: (n: string, st: Statement) => statements.push([n, st]),
      };
      const actual = await warehouseReport(config, c.options, { tenants: [tenant] });
      assert.deepEqual(reportDifferences(actual, computeReport(own, c.options)), [], c.name);
      assert.ok(statements.length >= 6);
      for (const [n, st] of statements) assert.ok(assertScoped(n, st, [tenant]) > 0, n);
    }
  });
}

test('DuckDB, two tenants: the data really collide (an unscoped read mixes them)', async () => {
  const options = CASES[0]!.options;
  const both = await warehouseReport({ driver, dialect: duckdb, mapping: TENANT_MAPPING }, options);
  const own = computeReport(a, options);
  assert.notDeepEqual(reportDifferences(both, own), []);
  assert.ok(own.kpis.orders!.value! > 50);
  assert.equal(both.kpis.orders!.value, own.kpis.orders!.value! + computeReport(b, options).kpis.orders!.value!);
});
