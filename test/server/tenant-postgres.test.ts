import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { Report } from '../../src/engine/report-types.js';
import {
  createPushdownHandler,
  pgDriver,
  postgres,
  requestHeader,
  type SqlDriver,
  type Statement,
} from '../../src/server/index.js';
import { reportDifferences } from './compare.js';
import { assertScoped, ownTablesReport, TENANT_A, TENANT_B, TENANT_MAPPING, tenantSuite } from './tenancy.js';
import type { PgCluster } from './fixtures.js';
import { POSTGRES } from './warehouses.js';

let driver: SqlDriver;
let cluster: PgCluster;
tenantSuite(POSTGRES, (w) => {
  ({ driver, cluster } = w);
});
const POOL = 3;

const newPool = () =>
  new pg.Pool({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'postgres', max: POOL });

test(`PostgreSQL: 50 concurrent requests through a pool of ${POOL}: never more than ${POOL} connections, every one answered`, async () => {
  const pool = newPool();
  let out = 0;
  let most = 0;
  pool.on('acquire', () => {
    out++;
    most = Math.max(most, out);
  });
  pool.on('release', () => {
    out--;
  });
  const statements: Statement[] = [];
  try {
    const handler = createPushdownHandler({
      driver: pgDriver(pool),
      dialect: postgres,
      mapping: TENANT_MAPPING,
      // More queries at once than the pool has connections: the pool is the bound.
      limits: { maxConcurrentQueries: 10 },
      onStatement: (_, st) => statements.push(st),
      scope: (request) => {
        const tenant = requestHeader(request, 'x-test-tenant');
        return tenant === null ? null : { tenant };
      },
    });
    const feb = { from: '2025-02-01', to: '2025-02-28', timeZone: 'Asia/Ho_Chi_Minh' };
    const alone = {
      [TENANT_A]: await ownTablesReport({ driver, dialect: postgres }, TENANT_A)(feb),
      [TENANT_B]: await ownTablesReport({ driver, dialect: postgres }, TENANT_B)(feb),
    };
    const tenants = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? TENANT_B : TENANT_A));
    const results = await Promise.all(
      tenants.map(async (tenant) => {
        const res = await handler.fetch(
          new Request('http://example.test/kpi', {
            method: 'POST',
            body: JSON.stringify(feb),
            headers: { 'x-test-tenant': tenant },
          }),
        );
        return { status: res.status, body: (await res.json()) as Report };
      }),
    );
    results.forEach((r, i) => {
      assert.equal(r.status, 200, `request ${i}`);
      assert.deepEqual(reportDifferences(r.body, alone[tenants[i]!]!), [], `request ${i}`);
    });
    assert.ok(most <= POOL, `at most ${POOL} connections checked out at once, saw ${most}`);
    assert.ok(most >= 2, `the requests did overlap (saw ${most} at once)`);
    assert.equal(out, 0, 'every connection went back');
    assert.ok(statements.length >= 50 * 6);
    for (const st of statements)
      assertScoped('statement', st, [st.params.includes(TENANT_B) ? TENANT_B : TENANT_A], postgres);
  } finally {
    await pool.end();
  }
});

test('PostgreSQL: a statement over the timeout is cancelled by the server; the pooled connection is not left with the timeout', async () => {
  const pool = newPool();
  try {
    const pd = pgDriver(pool);
    const started = Date.now();
    await assert.rejects(pd.query('SELECT pg_sleep(5)', [], { timeoutMs: 150 }), (e: { code?: string }) => {
      assert.equal(e.code, '57014');
      return true;
    });
    assert.ok(Date.now() - started < 3000);
    const within = await pd.query('SELECT current_setting($1) AS t', ['statement_timeout'], { timeoutMs: 2000 });
    assert.equal(within[0]!.t, '2s');
    // Every connection the pool hands out afterwards runs without the timeout.
    const settings = await Promise.all(
      Array.from({ length: POOL }, () =>
        pd.query('SELECT current_setting($1) AS t, pg_sleep(0.05)', ['statement_timeout']),
      ),
    );
    assert.deepEqual(
      settings.map((r) => r[0]!.t),
      new Array(POOL).fill('0'),
    );
    // Through the handler: 422 naming the limit.
    const handler = createPushdownHandler({
      driver: { query: (_sql, _params, o) => pd.query('SELECT pg_sleep(5)', [], o) },
      dialect: postgres,
      limits: { statementTimeoutMs: 200 },
    });
    const r = await handler.query({ from: '2025-02-01', to: '2025-02-28' });
    assert.equal(r.status, 422);
    assert.deepEqual(r.body, {
      error: 'the query ran longer than 200 ms (statementTimeoutMs); ask for a shorter period or fewer campaigns',
      limit: 'statementTimeoutMs',
    });
  } finally {
    await pool.end();
  }
});
