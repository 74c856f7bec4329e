/**
 * Two tenants in one warehouse, with colliding ids: both data sets come from the same
 * generator, so customer ids (u0 ...), order ids (o0 ...) and campaign ids (C1 ... C6)
 * repeat across tenants. Shared by the DuckDB and PostgreSQL tests.
 */
import assert from 'node:assert/strict';
import type { SqlDriver } from '../../../src/server/driver.js';
import type { WarehouseMapping } from '../../../src/server/mapping.js';
import type { Statement } from '../../../src/server/sql.js';
import { generate, load, TABLES, type Input } from './fixtures.js';

export const TENANT_A = 'acme';
export const TENANT_B = 'bee';
export const TENANT_COLUMN = 'retailer';

/** Tenant A's rows, tenant B's rows (the same ids, other values). */
export const tenantInputs = (): { a: Input; b: Input } => ({ a: generate(21, 1500), b: generate(22, 1800) });

/** Table of each collection in the shared tables (names no other test uses). */
export const SHARED_TABLES: Record<keyof Input, string> = {
  campaigns: 'mt_campaigns',
  orders: 'mt_orders',
  costs: 'mt_costs',
  exposures: 'mt_exposures',
  loyalty: 'mt_loyalty',
};

/** The mapping onto the shared tables, every table with its tenant column. */
export const TENANT_MAPPING: WarehouseMapping = {
  tenant: TENANT_COLUMN,
  campaigns: { table: SHARED_TABLES.campaigns },
  orders: { table: SHARED_TABLES.orders },
  costs: { table: SHARED_TABLES.costs },
  exposures: { table: SHARED_TABLES.exposures },
  loyalty: { table: SHARED_TABLES.loyalty },
};

/** Loads both tenants' rows into the shared tables (one table per collection, a tenant column). */
export async function loadTenants(
  driver: SqlDriver,
  dialect: 'duckdb' | 'postgres',
  a: Input,
  b: Input,
): Promise<void> {
  await load(driver, dialect, a, { prefix: 'mta_' });
  await load(driver, dialect, b, { prefix: 'mtb_' });
  for (const key of Object.keys(TABLES) as (keyof Input)[]) {
    const name = TABLES[key].name;
    const shared = SHARED_TABLES[key];
    await driver.query(`DROP TABLE IF EXISTS ${shared}`, []);
    await driver.query(
      `CREATE TABLE ${shared} AS SELECT CAST('${TENANT_A}' AS TEXT) AS ${TENANT_COLUMN}, * FROM "mta_${name}"
       UNION ALL SELECT CAST('${TENANT_B}' AS TEXT), * FROM "mtb_${name}"`,
      [],
    );
  }
}

function escape(re: string): string {
  return re.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every read of a shared table in `st` is immediately followed by the tenant predicate,
 * bound to exactly `tenants`; returns the number of table reads checked. Fails the test
 * on a read without it.
 */
export function assertScoped(name: string, st: Statement, tenants: readonly string[]): number {
  let reads = 0;
  for (const table of Object.values(SHARED_TABLES)) {
    const ident = `"${table}"`;
    const all = st.sql.split(ident).length - 1;
    const re = new RegExp(
      `${escape(ident)} WHERE "${TENANT_COLUMN}" IN \\(((?:CAST\\(\\$\\d+ AS [A-Za-z ]+\\)(?:, )?)+)\\) AND `,
      'g',
    );
    let scoped = 0;
    for (const m of st.sql.matchAll(re)) {
      const bound = [...m[1]!.matchAll(/\$(\d+)/g)].map((p) => st.params[Number(p[1]) - 1]);
      assert.deepEqual(bound, [...tenants], `${name}: ${table} scoped to ${JSON.stringify(bound)}`);
      scoped++;
    }
    assert.equal(scoped, all, `${name}: ${all - scoped} read(s) of ${table} without the tenant predicate:\n${st.sql}`);
    reads += all;
  }
  // Nothing else is read: no statement names one tenant's own tables or the unscoped defaults.
  assert.doesNotMatch(st.sql, /"mt[ab]_|FROM "(orders|campaigns|costs|exposures|loyalty)"/, name);
  return reads;
}
