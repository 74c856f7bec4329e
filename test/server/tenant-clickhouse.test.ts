import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../../src/engine/report-types.js';
import {
  clickhouse,
  createPushdownHandler,
  requestHeader,
  type SqlDriver,
  type Statement,
} from '../../src/server/index.js';
import { reportDifferences } from './compare.js';
import { assertScoped, ownTablesReport, TENANT_A, TENANT_B, TENANT_MAPPING, tenantSuite } from './tenancy.js';
import { CLICKHOUSE } from './warehouses.js';

let driver: SqlDriver;
tenantSuite(CLICKHOUSE, (w) => {
  driver = w.driver;
});

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
