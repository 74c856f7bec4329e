import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duckdb, postgres, resolveMapping } from '../../../src/server/index.js';
import { campaignsStatement, type CompiledQuery } from '../../../src/server/compiler.js';

const r = { lo: 0, hi: 0, loMs: 0, hiMs: 86_400_000, offsets: [{ fromMs: 0, offsetMs: 0 }] };
const q: CompiledQuery = {
  window: r,
  period: r,
  recentDays: r,
  cohortDays: r,
  from: 0,
  to: 0,
  prevFrom: -1,
  prevTo: -1,
  asOf: 0,
  campaignIds: null,
  campaignFilter: false,
  channels: null,
  returnWindowDays: 30,
  cohortGrain: 'month',
  bucketFrom: 0,
  bucketTo: 0,
  custom: [],
};

test('mapping: defaults are the collection names and snake_case fields', () => {
  const m = resolveMapping();
  assert.deepEqual(m.orders.table, ['orders']);
  assert.equal(m.orders.columns.customerId, 'customer_id');
  assert.equal(m.orders.timeKind, 'timestamptz');
  assert.equal(m.campaigns.columns.end, 'end');
  assert.equal(campaignsStatement(postgres, m, q).sql.includes('"end"'), true, 'keywords are quoted');
});

test('mapping: schema-qualified tables, renamed and absent columns, quoted by the dialect', () => {
  const m = resolveMapping({
    campaigns: { table: 'mart.Promos', columns: { id: 'Code', budget: null } },
    costs: null,
  });
  assert.equal(m.costs, null);
  const st = campaignsStatement(duckdb, m, q);
  assert.match(st.sql, /FROM "mart"\."Promos"/);
  assert.match(st.sql, /CAST\("Code" AS VARCHAR\) AS id/);
  assert.match(st.sql, /CAST\(NULL AS DOUBLE\) AS budget/);
  assert.deepEqual(st.params, []);
});

test('mapping: identifiers that are not plain names are refused', () => {
  for (const bad of [
    { orders: { table: 'orders; DROP TABLE orders' } },
    { orders: { table: 'a.b.c.d' } },
    { orders: { columns: { revenue: 'revenue"--' } } },
    { orders: { columns: { revenue: 'net amount' } } },
    { orders: { columns: { id: null } } },
    { orders: { columns: { nope: 'x' } } },
    { orders: { timeKind: 'local' } },
  ]) {
    assert.throws(() => resolveMapping(bad as never), TypeError, JSON.stringify(bad));
  }
});
