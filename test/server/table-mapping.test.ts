import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duckdb, postgres, requireTenantColumns, resolveMapping } from '../../src/server/index.js';
import { mappedTables } from '../../src/server/table-mapping.js';
import type { CompiledQuery } from '../../src/server/compiler.js';
import { campaignsStatement } from '../../src/server/statements.js';

const r = { lo: 0, hi: 0, loMs: 0, hiMs: 86_400_000, offsets: [{ fromMs: 0, offsetMs: 0 }] };
const q: CompiledQuery = {
  window: r,
  period: r,
  recentDays: r,
  cohortDays: r,
  from: 0,
  to: 0,
  asOf: 0,
  periods: [
    { p: 0, lo: 0, hi: 0, days: r },
    { p: 1, lo: -1, hi: -1, days: r },
  ],
  base: -1,
  baseDays: r,
  bounds: [7, 14, 28],
  attributes: [],
  filters: [],
  breakdowns: [],
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

test('mapping: tenant columns, one for every table or per table, validated like every identifier', () => {
  const m = resolveMapping({ tenant: 'retailer_id', orders: { tenant: 'shop' }, loyalty: null });
  assert.deepEqual(
    mappedTables(m).map((t) => [t.collection, t.tenant]),
    [
      ['campaigns', 'retailer_id'],
      ['orders', 'shop'],
      ['costs', 'retailer_id'],
      ['exposures', 'retailer_id'],
    ],
  );
  assert.doesNotThrow(() => requireTenantColumns(m));
  assert.throws(() => resolveMapping({ tenant: 'x; --' }), /tenant must be an identifier/);
  assert.throws(() => resolveMapping({ costs: { tenant: 'a b' } }), /costs\.tenant must be an identifier/);
  assert.throws(
    () => requireTenantColumns(resolveMapping({ orders: { tenant: 'shop' }, costs: null })),
    /every table needs a tenant column; campaigns, exposures, loyalty have none/,
  );
});

test('mapping: a query scoped to tenants reads a table only through the tenant predicate, bound', () => {
  const m = resolveMapping({ tenant: 'retailer_id' });
  const st = campaignsStatement(postgres, m, { ...q, tenants: ['acme', 42] });
  assert.match(st.sql, /FROM "campaigns" WHERE "retailer_id" IN \(CAST\(\$1 AS text\), CAST\(\$2 AS bigint\)\) AND /);
  assert.deepEqual(st.params, ['acme', 42]);
  assert.match(campaignsStatement(postgres, m, { ...q, tenants: [] }).sql, /WHERE \(1 = 0\) AND/);
  assert.throws(
    () => campaignsStatement(postgres, resolveMapping({}), { ...q, tenants: ['acme'] }),
    /no tenant column/,
  );
});
