/**
 * Hand-computed edge cases shared by the DuckDB, PostgreSQL and ClickHouse tests, each on a small data
 * set loaded under its own table prefix.
 */
import assert from 'node:assert/strict';
import { computeReport } from '../../src/engine/report.js';
import type { ReportOptions } from '../../src/engine/report-types.js';
import type { WarehouseMapping } from '../../src/server/table-mapping.js';
import { warehouseReport } from '../../src/server/warehouse.js';
import { reportDifferences } from './compare.js';
import { returnWindowEdges, type Input } from './fixtures.js';
import type { Warehouse } from './warehouses.js';

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

/** What the edge cases need of a warehouse. */
export type EdgeWarehouse = Pick<Warehouse, 'kind' | 'driver' | 'dialect' | 'load'>;

/**
 * The return window's end is inclusive: a customer whose only later order is exactly at
 * t + returnWindowDays x 24 h is retained, one whose later order is 1 ms after it is not.
 * Two buyers, one retained: retentionRate 0.5 (hand-computed), in three zones.
 */
export async function checkReturnWindowEdges({ kind: name, driver, dialect, load }: EdgeWarehouse) {
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
  await load(input, { prefix: 'edge_' });
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
      assert.equal(actual.kpis.retentionRate!.value, 0.5, `${name}, ${timeZone}, ${returnWindowDays} days`);
      assert.deepEqual(reportDifferences(actual, expected), []);
    }
}

/**
 * newCustomers under an attribute filter (KPI-SPEC 7.2: filters apply to A): a customer
 * is new only when their first order is in A, so a first order without the filtered
 * attribute, or with another value, makes no new customer even if a later order passes.
 * Hand-computed: buyers 2 (a, b), new customers 1 (a); without the filter 3.
 */
export async function checkFilteredNewCustomers({ kind: name, driver, dialect, load }: EdgeWarehouse) {
  const t = Date.UTC(2025, 1, 10, 3);
  const H = 3_600_000;
  const input: Input = {
    campaigns: [{ id: 'C1', name: 'Tết', start: '2025-02-01', end: '2025-02-28' }],
    orders: [
      { id: 'a1', customerId: 'a', time: t, revenue: 10, campaignId: 'C1', attributes: { store: 'Q1-01' } },
      { id: 'b1', customerId: 'b', time: t + H, revenue: 20, campaignId: 'C1' },
      { id: 'b2', customerId: 'b', time: t + 24 * H, revenue: 30, campaignId: 'C1', attributes: { store: 'Q1-01' } },
      { id: 'c1', customerId: 'c', time: t + 48 * H, revenue: 40, campaignId: 'C1', attributes: { store: 'HK-01' } },
    ],
    costs: [],
    exposures: [],
    loyalty: [],
  };
  await load(input, { prefix: 'newc_' });
  const mapping = {
    ...prefixed('newc_'),
    orders: { table: 'newc_orders', attributes: { columns: { store: 'store' } } },
  };
  const base: ReportOptions = { from: '2025-02-10', to: '2025-02-12', timeZone: 'Asia/Ho_Chi_Minh', compare: 'none' };
  const cases: [ReportOptions, number, number][] = [
    [{ ...base, filters: { store: ['Q1-01'] } }, 2, 1],
    [base, 3, 3],
  ];
  for (const [options, buyers, fresh] of cases) {
    const expected = computeReport(input, options);
    assert.equal(expected.kpis.buyers!.value, buyers, 'engine buyers');
    assert.equal(expected.kpis.newCustomers!.value, fresh, 'engine newCustomers');
    const actual = await warehouseReport({ driver, dialect, mapping }, options);
    assert.equal(actual.kpis.newCustomers!.value, fresh, `${name} newCustomers`);
    assert.deepEqual(reportDifferences(actual, expected), []);
  }
}
