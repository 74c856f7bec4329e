/** Segment lists (KPI-SPEC 7.3) from the warehouse against the engine's, shared by the warehouse tests. */
import assert from 'node:assert/strict';
import { segmentCustomers } from '../../src/engine/segments.js';
import { resolveOptions } from '../../src/engine/options.js';
import { SEGMENT_OF } from '../../src/core/vocabulary.js';
import type { ReportOptions } from '../../src/engine/report-types.js';
import type { Dialect } from '../../src/server/dialects/dialect.js';
import type { SqlDriver } from '../../src/server/driver.js';
import type { WarehouseMapping } from '../../src/server/table-mapping.js';
import { warehouseSegmentCustomerList, warehouseSegmentCustomers } from '../../src/server/warehouse.js';
import { prefixed } from './edges.js';
import type { Input } from './fixtures.js';
import type { Warehouse } from './warehouses.js';

/** Options whose segments the tests list: default and custom bounds, filters, zones. */
export const SEGMENT_CASES: ReportOptions[] = [
  { from: '2025-02-01', to: '2025-02-28', timeZone: 'Asia/Ho_Chi_Minh' },
  {
    from: '2025-03-10',
    to: '2025-03-31',
    timeZone: 'America/New_York',
    recencyBounds: [3, 10, 45],
    campaignIds: ['C1', 'C2', 'C4'],
    channels: ['web', 'app', 'store'],
    filters: { region: ['HCM', 'HN'] },
    asOf: '2025-04-20',
  },
  { from: '2025-04-01', to: '2025-04-12', timeZone: 'America/Santiago', recencyBounds: [30] },
];

/**
 * Every segment of every case, of each kind: the warehouse's list equals the engine's (same
 * ids, same order), and its size is told before the first id. Not vacuous: most lists are
 * long.
 */
export async function checkSegmentLists(
  driver: SqlDriver,
  dialect: Dialect,
  mapping: WarehouseMapping,
  input: Input,
): Promise<void> {
  let long = 0;
  for (const options of SEGMENT_CASES) {
    for (const segment of resolveOptions(options).recencySegments)
      for (const of of SEGMENT_OF) {
        const expected = segmentCustomers(input as never, options, { segment, of });
        const list = await warehouseSegmentCustomers({ driver, dialect, mapping }, options, { segment, of });
        assert.equal(list.size, expected.length, `${JSON.stringify(options)} ${segment} ${of}: size`);
        const actual: string[] = [];
        for await (const batch of list.batches) actual.push(...batch);
        assert.deepEqual(actual, expected, `${JSON.stringify(options)} ${segment} ${of}`);
        if (expected.length >= 20) long++;
      }
  }
  assert.ok(long >= 12, `only ${long} long lists`);
  await assert.rejects(
    warehouseSegmentCustomers({ driver, dialect, mapping }, SEGMENT_CASES[0]!, { segment: '8-15', of: 'recency' }),
    (e: Error) => e instanceof RangeError && /8-15.*0-7, 8-14, 15-28, 29\+/.test(e.message),
  );
}

/**
 * Ids are sorted by code point, as the engine sorts them (not by UTF-16 unit: U+1F600 comes
 * after U+FF5E), whatever the warehouse's collation. Hand-written order.
 */
export async function checkSegmentOrder({
  kind,
  driver,
  dialect,
  load,
}: Pick<Warehouse, 'kind' | 'driver' | 'dialect' | 'load'>) {
  const ids = ['😀', '～', 'é', 'z', 'a', 'Zoë', 'Z'];
  const t = Date.UTC(2025, 1, 5, 5);
  const input: Input = {
    campaigns: [{ id: 'C1', name: 'Tết', start: '2025-02-01', end: '2025-02-28' }],
    orders: ids.map((customerId, i) => ({ id: `o${i}`, customerId, time: t, revenue: 1, campaignId: 'C1' })),
    costs: [],
    exposures: [],
    loyalty: [],
  };
  await load(input, { prefix: 'cp_' });
  // A column in Vietnamese collation, where `ORDER BY` alone puts '～' and '😀' before 'a'.
  if (kind === 'postgres')
    await driver.query('ALTER TABLE "cp_orders" ALTER COLUMN customer_id TYPE text COLLATE "vi-x-icu"', []);
  const options: ReportOptions = { from: '2025-02-10', to: '2025-02-12', timeZone: 'UTC' };
  const expected = ['Z', 'Zoë', 'a', 'z', 'é', '～', '😀'];
  assert.deepEqual(segmentCustomers(input as never, options, { segment: '0-7', of: 'reactivation' }), expected);
  assert.deepEqual(
    await warehouseSegmentCustomerList({ driver, dialect, mapping: prefixed('cp_') }, options, {
      segment: '0-7',
      of: 'reactivation',
    }),
    expected,
  );
}
