import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ClickHouseClient } from '@clickhouse/client';
import { computeReport } from '../../src/engine/report.js';
import { resolveOptions } from '../../src/engine/options.js';
import { segmentCustomers } from '../../src/engine/segments.js';
import { SEGMENT_OF } from '../../src/core/vocabulary.js';
import { warehouseSegmentCustomers } from '../../src/server/warehouse.js';
import { registerKpi, unregisterKpi } from '../../src/engine/kpis/registry.js';
import {
  clickhouse,
  clickhouseDriver,
  createPushdownHandler,
  warehouseReport,
  type SqlDriver,
  type Statement,
} from '../../src/server/index.js';
import { CASES, registerCustomKpis } from './cases.js';
import { reportDifferences } from './compare.js';
import { ATTRIBUTE_COLUMNS, ATTRIBUTE_JSON, generate } from './fixtures.js';
import { loadClickHouse, startClickHouse } from './clickhouse-fixtures.js';
import { checkInjection } from './injection.js';
import { checkFilteredNewCustomers, checkReturnWindowEdges, type EdgeWarehouse } from './edges.js';

let client: ClickHouseClient;
let driver: SqlDriver;
let cleanup: () => void;
const input = generate(13, 2500);

before(async () => {
  client = startClickHouse();
  // A session zone far from every report zone: results must not depend on it.
  driver = clickhouseDriver(client, { settings: { session_timezone: 'Pacific/Chatham' } });
  await loadClickHouse(client, input);
  cleanup = registerCustomKpis();
});

after(async () => {
  cleanup?.();
  await client?.close();
});

test('ClickHouse: the engine is real and the SETTINGS of each statement apply', async () => {
  const rows = await driver.query('SELECT version() AS v, timezone() AS tz, COUNT(*) AS n FROM orders', []);
  assert.match(String(rows[0]!.v), /^\d+\.\d+/);
  assert.equal(rows[0]!.tz, 'Pacific/Chatham');
  assert.equal(Number(rows[0]!.n), input.orders.length);
});

for (const c of CASES) {
  test(`ClickHouse pushdown equals computeReport: ${c.name}`, async () => {
    const expected = computeReport(input, c.options);
    // Attributes from a JSON text column (String).
    const actual = await warehouseReport(
      { driver, dialect: clickhouse, mapping: { orders: { attributes: ATTRIBUTE_JSON } } },
      c.options,
    );
    assert.deepEqual(reportDifferences(actual, expected), []);
    if (c === CASES[0]) {
      assert.ok(actual.kpis.orders!.value! > 100);
      assert.ok(actual.kpis.retentionRate!.value! > 0);
      assert.ok(Object.keys(actual.byChannel).length >= 4);
      assert.ok(actual.kpis.giftCostPerOrder!.value! > 0);
    }
  });
}

test('ClickHouse: the portable first-order SQL (without the firstOrderRows hook) gives the same report', async () => {
  const portable = { ...clickhouse, firstOrderRows: undefined };
  for (const c of CASES.filter((_, i) => i < 3 || i === 8)) {
    const actual = await warehouseReport(
      { driver, dialect: portable, mapping: { orders: { attributes: ATTRIBUTE_COLUMNS } } },
      c.options,
    );
    assert.deepEqual(reportDifferences(actual, computeReport(input, c.options)), [], c.name);
  }
});

test('ClickHouse: epoch-ms times, UTC wall-clock times, other table and column names', async () => {
  await loadClickHouse(client, input, { prefix: 'ms_', timeAs: 'epoch_ms' });
  await loadClickHouse(client, input, { prefix: 'wall_', timeAs: 'utc_wallclock' });
  await client.command({ query: 'CREATE DATABASE IF NOT EXISTS sales' });
  await client.command({
    query: `CREATE OR REPLACE VIEW sales.\`Orders\` AS SELECT id AS order_no, customer_id AS buyer, time AS placed_ms,
      revenue AS net, discount AS promo_discount, cogs AS cost_of_goods, campaign_id AS promo, channel AS sold_via FROM ms_orders`,
  });
  const options = { from: '2025-02-10', to: '2025-03-20', timeZone: 'Asia/Kolkata', channels: ['web', 'store'] };
  const expected = computeReport(input, options);
  const epoch = await warehouseReport(
    {
      driver,
      dialect: clickhouse,
      mapping: {
        orders: {
          table: 'sales.Orders',
          timeKind: 'epoch_ms',
          columns: {
            id: 'order_no',
            customerId: 'buyer',
            time: 'placed_ms',
            revenue: 'net',
            discount: 'promo_discount',
            cogs: 'cost_of_goods',
            campaignId: 'promo',
            channel: 'sold_via',
          },
        },
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

test('ClickHouse: a custom measure without SQL or with unsafe SQL is reported, the rest is computed', async () => {
  registerKpi({
    id: 'badSql',
    label: { en: 'Bad SQL', vi: 'SQL sai' },
    unit: 'number',
    polarity: 'neutral',
    measures: {
      sneaky: { collection: 'orders', value: () => 1, sql: '1) SETTINGS readonly = 0; DROP TABLE orders --' },
    },
    compute: (m) => m.custom.sneaky!,
  });
  try {
    const options = { from: '2025-02-01', to: '2025-02-28' };
    const r = await warehouseReport({ driver, dialect: clickhouse }, options);
    assert.equal(r.kpis.badSql!.value, null);
    assert.equal(r.kpis.badSql!.reason, 'no-data');
    assert.ok(r.issues.some((i) => i.path === 'kpis.badSql.measures.sneaky'));
    const engine = computeReport(input, options);
    assert.ok(Math.abs(r.kpis.webShare!.value! - engine.kpis.webShare!.value!) < 1e-12);
  } finally {
    unregisterKpi('badSql');
  }
});

test('ClickHouse: injection attempts never reach the SQL text', async () => {
  const statements: Statement[] = [];
  const handler = createPushdownHandler({ driver, dialect: clickhouse, onStatement: (_, st) => statements.push(st) });
  await checkInjection(handler, driver, statements);
});

test('ClickHouse: called directly, a hostile time zone never reaches SQL (it falls back to UTC, reported)', async () => {
  const statements: string[] = [];
  const hostile = "UTC'; DROP TABLE orders; --";
  const r = await warehouseReport(
    { driver, dialect: clickhouse, onStatement: (_, st) => statements.push(st.sql, JSON.stringify(st.params)) },
    { from: '2025-02-01', to: '2025-02-28', timeZone: hostile },
  );
  assert.ok(statements.length > 0);
  assert.ok(statements.every((s) => !s.includes('DROP')));
  assert.ok(r.issues.some((i) => i.path === 'timeZone'));
  const utc = computeReport(input, { from: '2025-02-01', to: '2025-02-28', timeZone: 'UTC' });
  assert.deepEqual(reportDifferences({ ...r, issues: [] }, { ...utc, issues: [] }), []);
});

const edges: EdgeWarehouse = { name: 'clickhouse', load: (data, prefix) => loadClickHouse(client, data, { prefix }) };

test('ClickHouse: the return window ends exactly at t + returnWindowDays x 24 h (inclusive), 1 ms later is out', async () => {
  await checkReturnWindowEdges(driver, clickhouse, edges);
});

test('ClickHouse: an attribute filter keeps a customer new only when the first order passes it', async () => {
  await checkFilteredNewCustomers(driver, clickhouse, edges);
});

test('ClickHouse: segment customer lists equal the engine lists, for every segment of every kind', async () => {
  let nonEmpty = 0;
  assert.ok(driver.stream, 'lists come through the streaming path of clickhouseDriver');
  for (const c of [CASES[0]!, CASES[2]!, ...CASES.filter((x) => x.options.recencyBounds !== undefined)]) {
    for (const segment of resolveOptions(c.options).recencySegments)
      for (const of of SEGMENT_OF) {
        const expected = segmentCustomers(input, c.options, { segment, of });
        const list = await warehouseSegmentCustomers(
          { driver, dialect: clickhouse, mapping: { orders: { attributes: ATTRIBUTE_JSON } } },
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
