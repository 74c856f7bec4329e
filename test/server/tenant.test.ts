import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport } from '../../src/engine/report.js';
import type { Report, ReportOptions } from '../../src/engine/report-types.js';
import {
  createPushdownHandler,
  DEFAULT_LIMITS,
  duckdb,
  requestHeader,
  warehouseReport,
  type PushdownHandler,
  type PushdownHandlerOptions,
  type PushdownScope,
  type SqlDriver,
  type Statement,
} from '../../src/server/index.js';
import { CASES } from './cases.js';
import { assertTenantScoped } from '../../src/server/compiler.js';
import { resolveMapping } from '../../src/server/table-mapping.js';
import { reportDifferences } from './compare.js';
import { assertScoped, ownTablesReport, TENANT_A, TENANT_B, TENANT_MAPPING, tenantSuite } from './tenancy.js';
import { DUCKDB } from './warehouses.js';

let driver: SqlDriver;
const { a, b } = tenantSuite(DUCKDB, (w) => {
  driver = w.driver;
});

test('DuckDB, two tenants: the data really collide (an unscoped read mixes them)', async () => {
  const options = CASES[0]!.options;
  const both = await warehouseReport({ driver, dialect: duckdb, mapping: TENANT_MAPPING }, options);
  const own = computeReport(a, options);
  assert.notDeepEqual(reportDifferences(both, own), []);
  assert.ok(own.kpis.orders!.value! > 50);
  assert.equal(both.kpis.orders!.value, own.kpis.orders!.value! + computeReport(b, options).kpis.orders!.value!);
});

/** A handler that takes the tenant from an `x-test-tenant` header and the limits given. */
function scoped(limits: Omit<PushdownScope, 'tenant'> = {}, extra: Partial<PushdownHandlerOptions> = {}) {
  const statements: [string, Statement][] = [];
  const errors: unknown[] = [];
  const handler = createPushdownHandler({
    driver,
    dialect: duckdb,
    mapping: TENANT_MAPPING,
    onStatement: (n, st) => statements.push([n, st]),
    onError: (e) => errors.push(e),
    scope: async (request) => {
      const tenant = requestHeader(request, 'x-test-tenant');
      return tenant === null ? null : { tenant, ...limits };
    },
    ...extra,
  });
  return { handler, statements, errors };
}

const post = (body: unknown, tenant: string | null = TENANT_A) =>
  new Request('http://example.test/kpi', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: tenant === null ? {} : { 'x-test-tenant': tenant },
  });

async function answer(
  handler: PushdownHandler,
  req: Request,
): Promise<{ status: number; body: Report & { error: string; limit?: string } }> {
  const res = await handler.fetch(req);
  return { status: res.status, body: (await res.json()) as Report & { error: string; limit?: string } };
}

/** The report of a warehouse holding `tenant`'s rows alone (its own tables, no scope). */
const alone = (tenant: string, options: ReportOptions) => ownTablesReport({ driver, dialect: duckdb }, tenant)(options);

const feb = { from: '2025-02-01', to: '2025-02-28', timeZone: 'Asia/Ho_Chi_Minh' };

test('handler with scope: a mapping without a tenant column on every table is refused at creation', () => {
  const scope = () => ({ tenant: 'acme' });
  assert.throws(
    () => createPushdownHandler({ driver, dialect: duckdb, scope }),
    /a scope hook is set, so every table needs a tenant column; campaigns, orders, costs, exposures, loyalty have none/,
  );
  assert.throws(
    () =>
      createPushdownHandler({
        driver,
        dialect: duckdb,
        scope,
        mapping: { ...TENANT_MAPPING, tenant: undefined, orders: { table: 'mt_orders', tenant: 'retailer' } },
      }),
    /campaigns, costs, exposures, loyalty have none/,
  );
  assert.doesNotThrow(() => createPushdownHandler({ driver, dialect: duckdb, scope, mapping: TENANT_MAPPING }));
});

test('handler with scope: each caller gets its own tenant report; every statement carries the predicate', async () => {
  const { handler, statements } = scoped();
  for (const tenant of [TENANT_A, TENANT_B]) {
    statements.length = 0;
    const r = await answer(handler, post(feb, tenant));
    assert.equal(r.status, 200);
    assert.deepEqual(reportDifferences(r.body as Report, await alone(tenant, feb)), []);
    assert.ok(statements.length >= 6);
    for (const [n, st] of statements) assert.ok(assertScoped(n, st, [tenant], duckdb) > 0, n);
  }
  // The browser adapter's shape is scoped the same way.
  statements.length = 0;
  const agg = await answer(handler, post({ ...feb, shape: 'aggregates' }, TENANT_B));
  assert.equal(agg.status, 200);
  for (const [n, st] of statements) assert.ok(assertScoped(n, st, [TENANT_B], duckdb) > 0, n);
});

test('handler with scope: a request cannot name its tenant, and no credentials is a 401', async () => {
  const { handler, statements } = scoped();
  for (const body of [
    { ...feb, tenant: TENANT_B },
    { ...feb, retailer: TENANT_B },
  ]) {
    const r = await answer(handler, post(body));
    assert.equal(r.status, 400);
  }
  const get = await handler.fetch(
    new Request('http://example.test/kpi?from=2025-02-01&to=2025-02-28&tenant=bee', {
      headers: { 'x-test-tenant': TENANT_A },
    }),
  );
  assert.equal(get.status, 400);
  const none = await answer(handler, post(feb, null));
  assert.deepEqual(none, { status: 401, body: { error: 'this request carries no valid credentials' } });
  // A summary request neither names a tenant nor goes without credentials.
  assert.equal((await answer(handler, post({ summary: true, tenant: TENANT_B }))).status, 400);
  assert.deepEqual(await answer(handler, post({ summary: true }, null)), none);
  assert.equal(statements.length, 0);
  const throwing = createPushdownHandler({
    driver,
    dialect: duckdb,
    mapping: TENANT_MAPPING,
    onError: () => {},
    scope: () => {
      throw new Error('token store down');
    },
  });
  assert.equal((await answer(throwing, post(feb))).status, 401);
  for (const bad of [
    { tenant: [] },
    { tenant: '' },
    { tenant: { id: 1 } },
    { tenant: 'acme', earliestDate: '2025-13-01' },
  ]) {
    const h = createPushdownHandler({
      driver,
      dialect: duckdb,
      mapping: TENANT_MAPPING,
      onError: () => {},
      scope: () => bad as never,
    });
    assert.equal((await answer(h, post(feb))).status, 500, JSON.stringify(bad));
  }
});

test('handler with scope: campaigns, channels, attributes and dates outside the limits get a 403 with the reason', async () => {
  const { handler, statements } = scoped({
    campaignIds: ['C1', 'C2'],
    channels: ['web', 'app'],
    earliestDate: '2025-02-01',
  });
  const base = { ...feb, from: '2025-03-01', to: '2025-03-28', campaignIds: ['C1'], channels: ['web'] };
  const cases: [unknown, RegExp][] = [
    [{ ...base, campaignIds: undefined }, /may only see the campaigns "C1", "C2": name them in campaignIds/],
    [{ ...base, campaignIds: ['C1', 'C3'] }, /may not see the campaigns "C3" \(campaignIds\)/],
    [{ ...base, channels: undefined }, /may only see the channels "web", "app": name them in channels/],
    [{ ...base, channels: ['web', 'store'] }, /may not see the channels "store"/],
    [{ ...base, from: '2025-01-20' }, /dates from 2025-02-01 on; the query reaches earlier \(it starts 2025-01-20\)/],
    [
      { ...base, from: '2025-02-01', to: '2025-02-28' },
      /dates from 2025-02-01 on; the query reaches earlier \(its comparison period starts 2025-01-04\)/,
    ],
    [{ ...base, asOf: '2025-01-31' }, /\(asOf is 2025-01-31\)/],
    [{ ...base, compare: 'year' }, /\(its comparison period starts 2024-03-01\)/],
    [{ ...base, segment: { segment: '0-7', of: 'recency' }, campaignIds: ['C9'] }, /"C9"/],
  ];
  for (const [body, message] of cases) {
    const r = await answer(handler, post(body));
    assert.equal(r.status, 403, JSON.stringify(body));
    assert.match(r.body.error, message);
  }
  assert.equal(statements.length, 0, 'a refused query runs nothing');
  // No comparison period: the period alone must be inside the limits.
  const none = await answer(handler, post({ ...base, from: '2025-02-01', to: '2025-02-28', compare: 'none' }));
  assert.equal(none.status, 200);
  const ok = await answer(handler, post(base));
  assert.equal(ok.status, 200);
  const expected = await alone(TENANT_A, base);
  assert.deepEqual(reportDifferences(ok.body as Report, expected), []);
  assert.deepEqual(Object.keys(ok.body.byCampaign), ['C1']);

  const byStore = scoped({ attributes: { store: ['Q1-01'] } });
  const r = await answer(byStore.handler, post(feb));
  assert.equal(r.status, 403);
  assert.match(r.body.error, /may only see orders whose store is "Q1-01": name them in filters\.store/);
  const outside = await answer(byStore.handler, post({ ...feb, filters: { store: ['Q1-01', 'CG-02'] } }));
  assert.equal(outside.status, 403);
  assert.match(outside.body.error, /may not see orders whose store is "CG-02" \(filters\.store\)/);
  const inside = { ...feb, filters: { store: ['Q1-01'] }, breakdowns: ['store'] };
  const own = await answer(byStore.handler, post(inside));
  assert.equal(own.status, 200);
  assert.deepEqual(reportDifferences(own.body as Report, await alone(TENANT_A, inside)), []);
  assert.deepEqual(Object.keys(own.body.byAttribute!.store!), ['Q1-01']);
});

test('cost limits: longest period and most campaign ids get a 422 naming the limit', async () => {
  const { handler } = scoped({}, { limits: { maxPeriodDays: 31, maxCampaignIds: 3, maxSegmentCustomers: 3 } });
  const list = await answer(handler, post({ ...feb, segment: { segment: '29+', of: 'recency' } }));
  assert.equal(list.status, 422);
  assert.equal(list.body.limit, 'maxSegmentCustomers');
  assert.match(list.body.error, /the segment holds \d+ customers; at most 3 are listed \(maxSegmentCustomers\)/);
  const small = await answer(handler, post({ ...feb, segment: { segment: '0-7', of: 'returned' } }));
  assert.ok(small.status === 200 || small.body.limit === 'maxSegmentCustomers');
  const long = await answer(handler, post({ ...feb, from: '2025-01-01', to: '2025-02-28' }));
  assert.equal(long.status, 422);
  assert.equal(long.body.limit, 'maxPeriodDays');
  assert.match(long.body.error, /the period is 59 days; the longest this server answers is 31 days \(maxPeriodDays\)/);
  const many = await answer(handler, post({ ...feb, campaignIds: ['C1', 'C2', 'C3', 'C4'] }));
  assert.equal(many.status, 422);
  assert.equal(many.body.limit, 'maxCampaignIds');
  assert.match(many.body.error, /names 4 campaigns; at most 3 are allowed/);
  assert.equal((await answer(handler, post({ ...feb, campaignIds: ['C1', 'C2', 'C3'] }))).status, 200);
  // The defaults are safe: a year is fine, two are not.
  const { handler: defaults } = scoped();
  assert.equal(DEFAULT_LIMITS.maxPeriodDays, 366);
  const year = await answer(defaults, post({ from: '2024-01-01', to: '2025-12-31' }));
  assert.equal(year.status, 422);
  assert.equal(year.body.limit, 'maxPeriodDays');
  assert.throws(
    () => createPushdownHandler({ driver, dialect: duckdb, limits: { maxPeriodDays: 0 } }),
    /maxPeriodDays/,
  );
});

test('cost limits: a statement over the timeout is a 422 naming statementTimeoutMs', async () => {
  const slow: SqlDriver = {
    query: (sql, params) => new Promise((resolve) => setTimeout(() => resolve(driver.query(sql, params)), 200)),
  };
  const { handler } = scoped({}, { driver: slow, limits: { statementTimeoutMs: 50 } });
  const r = await answer(handler, post(feb));
  assert.equal(r.status, 422);
  assert.equal(r.body.limit, 'statementTimeoutMs');
  assert.match(r.body.error, /ran longer than 50 ms \(statementTimeoutMs\)/);
  // DuckDB's own interrupt stops a long statement.
  const started = Date.now();
  await assert.rejects(
    driver.query('SELECT COUNT(*) AS n FROM range(100000000000) t(i) WHERE i % 7 = 3', [], { timeoutMs: 100 }),
    /interrupt/i,
  );
  assert.ok(Date.now() - started < 5000);
  assert.equal((await driver.query('SELECT 1 AS one', []))[0]!.one, 1, 'the connection still works');
});

test('concurrency: 50 requests at once, at most maxConcurrentQueries computed together, every one answered', async () => {
  let inFlight = 0;
  let most = 0;
  const counting: SqlDriver = {
    async query(sql, params, o) {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await driver.query(sql, params, o);
      } finally {
        inFlight--;
      }
    },
  };
  const { handler } = scoped({}, { driver: counting, limits: { maxConcurrentQueries: 3 } });
  const expected = { [TENANT_A]: await alone(TENANT_A, feb), [TENANT_B]: await alone(TENANT_B, feb) };
  const tenants = Array.from({ length: 50 }, (_, i) => (i % 2 ? TENANT_A : TENANT_B));
  const results = await Promise.all(tenants.map((t) => answer(handler, post(feb, t))));
  results.forEach((r, i) => {
    assert.equal(r.status, 200);
    assert.deepEqual(reportDifferences(r.body as Report, expected[tenants[i]!]!), []);
  });
  assert.ok(most <= 3, `at most 3 statements at once, saw ${most}`);
  // A full queue answers 503 at once rather than waiting without end.
  const { handler: tight } = scoped({}, { limits: { maxConcurrentQueries: 1, maxQueuedQueries: 2 } });
  const burst = await Promise.all(Array.from({ length: 6 }, () => answer(tight, post(feb))));
  const statuses = burst.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 200, 200, 503, 503, 503]);
  assert.equal(burst.find((r) => r.status === 503)!.body.limit, 'maxQueuedQueries');
});

test('a statement of a scoped query that reads a table without the predicate is refused before it runs', async () => {
  const map = resolveMapping(TENANT_MAPPING);
  const statements: Statement[] = [];
  await warehouseReport(
    { driver, dialect: duckdb, mapping: TENANT_MAPPING, onStatement: (_, st) => statements.push(st) },
    feb,
    {
      tenants: [TENANT_A],
    },
  );
  const good = statements[0]!;
  for (const st of statements) assert.doesNotThrow(() => assertTenantScoped(duckdb, map, 'any', st.sql));
  assert.doesNotThrow(() => assertTenantScoped(duckdb, map, 'campaigns', good.sql));
  assert.throws(
    () => assertTenantScoped(duckdb, map, 'segments', `${good.sql} UNION ALL SELECT id FROM "mt_orders"`),
    /the segments statement reads orders \("mt_orders"\) without the tenant predicate; it was not run/,
  );
});
