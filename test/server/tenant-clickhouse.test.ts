import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ClickHouseClient } from '@clickhouse/client';
import { computeReport } from '../../src/engine/report.js';
import type { Report } from '../../src/engine/report-types.js';
import {
  clickhouse,
  clickhouseDriver,
  createPushdownHandler,
  requestHeader,
  type SqlDriver,
  type Statement,
} from '../../src/server/index.js';
import { registerCustomKpis } from './cases.js';
import { reportDifferences } from './compare.js';
import { loadClickHouse, startClickHouse } from './clickhouse-fixtures.js';
import {
  assertScoped,
  checkTenantCases,
  checkTenantSegments,
  loadTenants,
  ownTablesReport,
  TENANT_A,
  TENANT_B,
  TENANT_MAPPING,
  tenantInputs,
} from './tenancy.js';

let client: ClickHouseClient;
let driver: SqlDriver;
let cleanup: () => void;
const { a, b } = tenantInputs();

before(async () => {
  client = startClickHouse();
  driver = clickhouseDriver(client, { settings: { session_timezone: 'Pacific/Chatham' } });
  await loadTenants(
    {
      load: (input, prefix) => loadClickHouse(client, input, { prefix }),
      exec: (query) => client.command({ query }),
      createAs: (name, select) => `CREATE TABLE ${name} ENGINE = MergeTree ORDER BY tuple() AS ${select}`,
    },
    a,
    b,
  );
  cleanup = registerCustomKpis();
});

after(async () => {
  cleanup?.();
  await client?.close();
});

for (const [tenant, own] of [
  [TENANT_A, a],
  [TENANT_B, b],
] as const) {
  test(`ClickHouse, two tenants with colliding ids: ${tenant} gets the in-browser report of its own rows`, async () => {
    await checkTenantCases({ driver, dialect: clickhouse }, tenant, (o) => computeReport(own, o));
  });
  test(`ClickHouse, two tenants with colliding ids: ${tenant}'s segment lists are the engine's over its own rows`, async () => {
    const compared = await checkTenantSegments({ driver, dialect: clickhouse }, tenant, own);
    assert.ok(compared > 50, `${compared} ids compared`);
  });
  test(`ClickHouse, two tenants with colliding ids: ${tenant} gets the report of a warehouse holding its rows alone`, async () => {
    await checkTenantCases(
      { driver, dialect: clickhouse },
      tenant,
      ownTablesReport({ driver, dialect: clickhouse }, tenant),
    );
  });
}

test('ClickHouse: a scoped handler answers each caller from its own rows only', async () => {
  const statements: Statement[] = [];
  const handler = createPushdownHandler({
    driver,
    dialect: clickhouse,
    mapping: TENANT_MAPPING,
    onStatement: (_, st) => statements.push(st),
    scope: (request) => {
      const tenant = requestHeader(request, 'x-test-tenant');
      return tenant === null ? null : { tenant, channels: ['web', 'app'] };
    },
  });
  const query = { from: '2025-03-01', to: '2025-03-31', timeZone: 'Asia/Ho_Chi_Minh', channels: ['web'] };
  for (const tenant of [TENANT_B, TENANT_A]) {
    statements.length = 0;
    const res = await handler.fetch(
      new Request('http://example.test/kpi', {
        method: 'POST',
        body: JSON.stringify(query),
        headers: { 'x-test-tenant': tenant },
      }),
    );
    assert.equal(res.status, 200);
    const alone = await ownTablesReport({ driver, dialect: clickhouse }, tenant)(query);
    assert.deepEqual(reportDifferences((await res.json()) as Report, alone), []);
    for (const st of statements) assert.ok(assertScoped('statement', st, [tenant], clickhouse) > 0);
  }
  const wide = await handler.query({ ...query, channels: ['store'] }, { headers: { 'x-test-tenant': TENANT_A } });
  assert.equal(wide.status, 403);
});
