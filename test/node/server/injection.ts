/** Injection attempts shared by the DuckDB and PostgreSQL handler tests. */
import assert from 'node:assert/strict';
import type { Report } from '../../../src/engine/types.js';
import type { PushdownHandler } from '../../../src/server/handler.js';
import type { Statement } from '../../../src/server/sql.js';
import type { SqlDriver } from '../../../src/server/driver.js';

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
  assert.equal(await orderCount(driver), before, 'orders table intact');
}
