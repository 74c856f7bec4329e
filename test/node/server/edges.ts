/**
 * Hand-computed edge cases shared by the DuckDB and PostgreSQL tests, each on a small data
 * set loaded under its own table prefix.
 */
import assert from 'node:assert/strict';
import { computeReport } from '../../../src/engine/report.js';
import type { ReportOptions } from '../../../src/engine/types.js';
import type { Dialect } from '../../../src/server/dialects/dialect.js';
import type { SqlDriver } from '../../../src/server/driver.js';
import type { WarehouseMapping } from '../../../src/server/mapping.js';
import { warehouseReport } from '../../../src/server/warehouse.js';
import { reportDifferences } from './compare.js';
import { load, returnWindowEdges, type Input } from './fixtures.js';

/** The default tables under a prefix. */
export function prefixed(prefix: string): WarehouseMapping {
  return {
    campaigns: { table: `${prefix}campaigns` },
    orders: { table: `${prefix}orders` },
    costs: { table: `${prefix}costs` },
    exposures: { table: `${prefix}exposures` },
    loyalty: { table: `${prefix}loyalty` },
  };
}

/**
 * The return window's end is inclusive: a customer whose only later order is exactly at
 * t + returnWindowDays x 24 h is retained, one whose later order is 1 ms after it is not.
 * Two buyers, one retained: retentionRate 0.5 (hand-computed), in three zones.
 */
export async function checkReturnWindowEdges(driver: SqlDriver, dialect: Dialect, kind: 'duckdb' | 'postgres') {
  const t = Date.UTC(2025, 1, 10, 5);
  const input: Input = {
    campaigns: [{ id: 'C1', name: 'Tết', start: '2025-02-01', end: '2025-02-28' }],
    orders: [
      ...returnWindowEdges('w30', t, 30, 'C1', 'web'),
      ...returnWindowEdges('w7', t + 3_600_000, 7, 'C1', 'app'),
    ],
    costs: [],
    exposures: [],
    loyalty: [],
  };
  await load(driver, kind, input, { prefix: 'edge_' });
  const mapping = prefixed('edge_');
  for (const timeZone of ['Asia/Ho_Chi_Minh', 'America/New_York', 'UTC'])
    for (const [returnWindowDays, channels] of [
      [30, ['web']],
      [7, ['app']],
    ] as const) {
      const options: ReportOptions = {
        from: '2025-02-10',
        to: '2025-02-10',
        timeZone,
        returnWindowDays,
        channels: [...channels],
      };
      const expected = computeReport(input, options);
      assert.equal(expected.kpis.buyers!.value, 2);
      assert.equal(expected.kpis.retentionRate!.value, 0.5, `engine, ${timeZone}, ${returnWindowDays} days`);
      const actual = await warehouseReport({ driver, dialect, mapping }, options);
      assert.equal(actual.kpis.retentionRate!.value, 0.5, `${kind}, ${timeZone}, ${returnWindowDays} days`);
      assert.deepEqual(reportDifferences(actual, expected), []);
    }
}
