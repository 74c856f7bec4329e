import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { computeReport } from '../../src/engine/report.js';
import {
  createPushdownHandler,
  pgDriver,
  postgres,
  warehouseReport,
  type SqlDriver,
  type Statement,
} from '../../src/server/index.js';
import { checkInjection } from './injection.js';
import { CASES, registerCustomKpis } from './cases.js';
import { reportDifferences } from './compare.js';
import { checkFilteredNewCustomers, checkReturnWindowEdges } from './edges.js';
import { checkSegmentLists, checkSegmentOrder } from './segments.js';
import { ATTRIBUTE_JSON, generate, load, startPostgres, type PgCluster } from './fixtures.js';

let cluster: PgCluster;
let client: pg.Client;
let driver: SqlDriver;
let cleanup: () => void;
const input = generate(11, 2500);

before(async () => {
  cluster = await startPostgres();
  client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'postgres' });
  await client.connect();
  // A session zone far from every report zone: results must not depend on it.
  await client.query(`SET TimeZone = 'Pacific/Chatham'`);
  driver = pgDriver(client);
  await load(driver, 'postgres', input);
  cleanup = registerCustomKpis();
});

after(async () => {
  cleanup?.();
  await client?.end();
  cluster?.stop();
});

for (const c of CASES) {
  test(`PostgreSQL pushdown equals computeReport: ${c.name}`, async () => {
    const expected = computeReport(input, c.options);
    // Attributes from the jsonb column.
    const actual = await warehouseReport(
      { driver, dialect: postgres, mapping: { orders: { attributes: ATTRIBUTE_JSON } } },
      c.options,
    );
    assert.deepEqual(reportDifferences(actual, expected), []);
  });
}

test('PostgreSQL: a mapping onto views with other names, a schema and epoch-ms times', async () => {
  await load(driver, 'postgres', input, { prefix: 'raw_', timeAs: 'epoch_ms' });
  await client.query(`DROP SCHEMA IF EXISTS sales CASCADE; CREATE SCHEMA sales;
    CREATE VIEW sales."Orders" AS SELECT id AS order_no, customer_id AS buyer, time AS placed_ms, revenue AS net,
      discount AS promo_discount, cogs AS cost_of_goods, campaign_id AS promo, channel AS sold_via FROM raw_orders;
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

test('PostgreSQL: injection attempts never reach the SQL text', async () => {
  const statements: Statement[] = [];
  const handler = createPushdownHandler({ driver, dialect: postgres, onStatement: (_, st) => statements.push(st) });
  await checkInjection(handler, driver, statements);
});

test('PostgreSQL: the return window ends exactly at t + returnWindowDays x 24 h (inclusive), 1 ms later is out', async () => {
  await checkReturnWindowEdges(driver, postgres, 'postgres');
});

test('PostgreSQL: under an attribute filter, a customer is new only when their first order passes it', async () => {
  await checkFilteredNewCustomers(driver, postgres, 'postgres');
});

test("PostgreSQL: segment lists (recency, re-activation, returned) equal the engine's segmentCustomers", async () => {
  await checkSegmentLists(driver, postgres, { orders: { attributes: ATTRIBUTE_JSON } }, input);
});

test('PostgreSQL: segment lists are sorted by code point', async () => {
  await checkSegmentOrder(driver, postgres, 'postgres');
});
