/** Injection attempts shared by the DuckDB and PostgreSQL handler tests. */
import assert from 'node:assert/strict';
import type { Report } from '../../src/engine/report-types.js';
import { queryFromSearchParams, type PushdownHandler } from '../../src/server/handler.js';
import type { Statement } from '../../src/server/sql.js';
import type { SqlDriver } from '../../src/server/driver.js';

export const HOSTILE = [
  "C1' OR '1'='1",
  "C1'); DROP TABLE orders; --",
  'C1" OR "1"="1',
  "web' UNION SELECT 1, 2, 3 --",
  '$1',
  "\\'; DELETE FROM orders; --",
  "'/*",
];

async function orderCount(driver: SqlDriver): Promise<number> {
  const rows = await driver.query('SELECT COUNT(*) AS n FROM orders', []);
  return Number(rows[0]!.n);
}

/**
 * Hostile campaign ids and channels are bound values (unknown ids, no matching channel);
 * hostile dates and time zones are refused with 400; no statement text ever holds a
 * request value; the tables are intact afterwards.
 */
export async function checkInjection(
  handler: PushdownHandler,
  driver: SqlDriver,
  statements: Statement[],
): Promise<void> {
  const before = await orderCount(driver);
  statements.length = 0;
  const r = await handler.query({ from: '2025-02-01', to: '2025-02-28', campaignIds: HOSTILE, channels: HOSTILE });
  assert.equal(r.status, 200);
  const report = r.body as Report;
  assert.equal(report.kpis.orders!.value, 0, 'no campaign or channel matches a hostile value');
  assert.equal(report.kpis.revenue!.value, 0);
  assert.deepEqual(
    report.issues.filter((i) => i.path.startsWith('campaignIds')).map((i) => i.path),
    HOSTILE.map((_, i) => `campaignIds[${i}]`),
  );
  assert.ok(statements.length >= 5);
  for (const st of statements) {
    for (const h of HOSTILE) {
      if (h === '$1') continue; // placeholders legitimately contain "$1"
      assert.ok(!st.sql.includes(h), `statement text holds a request value: ${h}`);
    }
    assert.ok(!/DROP|DELETE|UNION SELECT 1|OR '1'/i.test(st.sql), 'statement text holds injected SQL');
  }
  assert.ok(
    statements.some((st) => HOSTILE.every((h) => st.params.includes(h))),
    'values are bound as parameters',
  );

  for (const bad of [
    { from: "2025-01-01'; DROP TABLE orders; --", to: '2025-01-31' },
    { from: '2025-01-01', to: '2025-01-31', asOf: "2025-01-31' OR 1=1" },
    { from: '2025-01-01', to: '2025-01-31', timeZone: "UTC'; DROP TABLE orders; --" },
    { from: '2025-01-01', to: '2025-01-31', timeZone: "Asia/Ho_Chi_Minh' --" },
    { from: '2025-01-01', to: '2025-01-31', cohortGrain: "month'; --" },
    { from: '2025-01-01', to: '2025-01-31', returnWindowDays: '30; DROP TABLE orders' },
    { from: '2025-01-01', to: '2025-01-31', orderBy: 'id; DROP TABLE orders' },
    { from: '2025-01-01', to: '2025-01-31', campaignIds: 'C1' },
  ]) {
    statements.length = 0;
    const res = await handler.query(bad);
    assert.equal(res.status, 400, JSON.stringify(bad));
    assert.equal(statements.length, 0, 'nothing reaches the warehouse');
    assert.ok('issues' in res.body && res.body.issues!.length > 0);
  }

  // KPI-SPEC section 7 fields: values are bound (they match nothing), names and labels are
  // checked against their grammar (400), nothing reaches the statement text.
  statements.length = 0;
  const v2 = await handler.query({
    from: '2025-02-01',
    to: '2025-02-28',
    compare: 'year',
    filters: { store: HOSTILE, region: HOSTILE },
    breakdowns: ['store', 'region'],
    recencyBounds: [3, 10],
  });
  assert.equal(v2.status, 200);
  assert.equal((v2.body as Report).kpis.orders!.value, 0, 'no order has a hostile attribute value');
  const list = await handler.query({
    from: '2025-02-01',
    to: '2025-02-28',
    filters: { store: HOSTILE },
    segment: { segment: '0-7', of: 'returned' },
  });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body, []);
  assert.ok(statements.length >= 6);
  for (const st of statements) {
    for (const h of HOSTILE) if (h !== '$1') assert.ok(!st.sql.includes(h), `statement text holds ${h}`);
    assert.ok(!/DROP|DELETE|UNION SELECT 1|OR '1'/i.test(st.sql), 'statement text holds injected SQL');
  }
  assert.ok(
    statements.some((st) => HOSTILE.every((h) => st.params.includes(h))),
    'filter values are bound',
  );
  for (const bad of [
    { filters: { "store'; DROP TABLE orders; --": ['Q1-01'] } },
    { filters: { 'store") OR 1=1 --': ['x'] } },
    { filters: JSON.parse('{"__proto__": ["x"]}') as unknown },
    { filters: { store: "Q1-01' OR '1'='1" } },
    { filters: { store: [1] } },
    { breakdowns: ["store'; DROP TABLE orders; --"] },
    { breakdowns: ['$.store'] },
    { breakdowns: 'store' },
    { recencyBounds: ['7; DROP TABLE orders'] },
    { recencyBounds: [7, 7] },
    { recencyBounds: [14, 7] },
    { recencyBounds: [0.5] },
    { compare: "year'; DROP TABLE orders; --" },
    { segment: { segment: "0-7'; DROP TABLE orders; --", of: 'recency' } },
    { segment: { segment: '0-7', of: "recency' OR '1'='1" } },
    { segment: { segment: '0-7', of: 'recency', sql: 'DROP TABLE orders' } },
  ]) {
    statements.length = 0;
    const res = await handler.query({ from: '2025-01-01', to: '2025-01-31', ...bad });
    assert.equal(res.status, 400, JSON.stringify(bad));
    assert.equal(statements.length, 0, `nothing reaches the warehouse: ${JSON.stringify(bad)}`);
  }
  // GET: a filter name in the search parameters is checked the same way.
  statements.length = 0;
  const fromSearch = await handler.query(
    queryFromSearchParams(new URLSearchParams("from=2025-01-01&to=2025-01-31&filters.x'%3B--=1")),
  );
  assert.equal(fromSearch.status, 400);
  assert.equal(statements.length, 0);
  assert.equal(await orderCount(driver), before, 'orders table intact');
}
