/**
 * Two tenants in one warehouse, with colliding ids: both data sets come from the same
 * generator, so customer ids (u0 ...), order ids (o0 ...) and campaign ids (C1 ... C6)
 * repeat across tenants. Shared by the DuckDB, PostgreSQL and ClickHouse tests.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport } from '../../src/engine/report.js';
import { resolveOptions } from '../../src/engine/options.js';
import { segmentCustomers } from '../../src/engine/segments.js';
import { SEGMENT_OF } from '../../src/core/vocabulary.js';
import type { Report, ReportOptions } from '../../src/engine/report-types.js';
import { createPushdownHandler } from '../../src/server/handler.js';
import type { Dialect } from '../../src/server/dialects/dialect.js';
import { warehouseReport, type WarehouseConfig } from '../../src/server/warehouse.js';
import { CASES, registerCustomKpis } from './cases.js';
import { reportDifferences } from './compare.js';
import type { WarehouseMapping } from '../../src/server/table-mapping.js';
import type { Statement } from '../../src/server/sql.js';
import { ATTRIBUTE_COLUMNS, generate, TABLES, type Input } from './fixtures.js';
import { engineSummary } from './summary.js';
import { parseLocalDate, zoneFor } from '../../src/core/time.js';
import type { DatasetSummary } from '../../src/engine/worker-protocol.js';
import type { Warehouse, WarehouseSpec } from './warehouses.js';

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
  orders: { table: SHARED_TABLES.orders, attributes: ATTRIBUTE_COLUMNS },
  costs: { table: SHARED_TABLES.costs },
  exposures: { table: SHARED_TABLES.exposures },
  loyalty: { table: SHARED_TABLES.loyalty },
};

/** How a test creates tables in its warehouse (`createAs` defaults to the standard words). */
export type TenantLoader = Pick<Warehouse, 'load' | 'exec' | 'createAs'>;

/** Loads both tenants' rows into the shared tables (one table per collection, a tenant column). */
export async function loadTenants(loader: TenantLoader, a: Input, b: Input): Promise<void> {
  await loader.load(a, { prefix: 'mta_' });
  await loader.load(b, { prefix: 'mtb_' });
  const createAs = loader.createAs ?? ((name: string, select: string) => `CREATE TABLE ${name} AS ${select}`);
  for (const key of Object.keys(TABLES) as (keyof Input)[]) {
    const name = TABLES[key].name;
    const shared = SHARED_TABLES[key];
    await loader.exec(`DROP TABLE IF EXISTS ${shared}`);
    await loader.exec(
      createAs(
        shared,
        `SELECT '${TENANT_A}' AS ${TENANT_COLUMN}, * FROM mta_${name} UNION ALL SELECT '${TENANT_B}' AS ${TENANT_COLUMN}, * FROM mtb_${name}`,
      ),
    );
  }
}

/** The mapping onto one tenant's own tables (`mta_` or `mtb_`), for an unscoped report to compare with. */
export function ownTablesMapping(tenant: string): WarehouseMapping {
  const prefix = tenant === TENANT_A ? 'mta_' : 'mtb_';
  return {
    campaigns: { table: `${prefix}campaigns` },
    orders: { table: `${prefix}orders`, attributes: ATTRIBUTE_COLUMNS },
    costs: { table: `${prefix}costs` },
    exposures: { table: `${prefix}exposures` },
    loyalty: { table: `${prefix}loyalty` },
  };
}

function escape(re: string): string {
  return re.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every read of a shared table in `st` is immediately followed by the tenant predicate,
 * bound to exactly `tenants`; returns the number of table reads checked. Fails the test
 * on a read without it.
 */
export function assertScoped(name: string, st: Statement, tenants: readonly string[], dialect: Dialect): number {
  const SENTINEL = 987_654_321;
  const placeholder = escape(dialect.param(SENTINEL, 'text')).replace(String(SENTINEL), '(\\d+)');
  const col = escape(dialect.quoteIdent(TENANT_COLUMN));
  let reads = 0;
  for (const table of Object.values(SHARED_TABLES)) {
    const ident = dialect.quoteIdent(table);
    const all = st.sql.split(ident).length - 1;
    const re = new RegExp(`${escape(ident)} WHERE ${col} IN \\(((?:${placeholder}(?:, )?)+)\\) AND `, 'g');
    let scoped = 0;
    for (const m of st.sql.matchAll(re)) {
      const numbers = [...m[1]!.matchAll(new RegExp(placeholder, 'g'))].map((p) => Number(p[1]));
      assert.deepEqual(
        numbers.map((n) => st.params[n - 1]),
        [...tenants],
        `${name}: ${table} scoped to other keys`,
      );
      scoped++;
    }
    assert.equal(scoped, all, `${name}: ${all - scoped} read(s) of ${table} without the tenant predicate:\n${st.sql}`);
    reads += all;
  }
  // Nothing else is read: no statement names one tenant's own tables or the unscoped defaults.
  assert.doesNotMatch(st.sql, /mt[ab]_|FROM ["`]?(orders|campaigns|costs|exposures|loyalty)\b/, name);
  return reads;
}

/**
 * For every case: tenant `tenant`'s scoped report over the shared tables, with every
 * statement checked for the predicate, compared with `expected(options)`.
 */
export async function checkTenantCases(
  config: WarehouseConfig,
  tenant: string,
  expected: (options: ReportOptions) => Report | Promise<Report>,
): Promise<void> {
  for (const c of CASES) {
    const statements: [string, Statement][] = [];
    const actual = await warehouseReport(
      { ...config, mapping: TENANT_MAPPING, onStatement: (n, st) => statements.push([n, st]) },
      c.options,
      { tenants: [tenant] },
    );
    assert.deepEqual(reportDifferences(actual, await expected(c.options)), [], c.name);
    assert.ok(statements.length >= 6, c.name);
    for (const [n, st] of statements) assert.ok(assertScoped(n, st, [tenant], config.dialect) > 0, n);
  }
}

/** The unscoped report over one tenant's own tables. */
export function ownTablesReport(config: WarehouseConfig, tenant: string) {
  return (options: ReportOptions) => warehouseReport({ ...config, mapping: ownTablesMapping(tenant) }, options);
}

/** Report options whose segment lists the two-tenant tests compare. */
export const SEGMENT_CASES: ReportOptions[] = [
  { from: '2025-03-01', to: '2025-03-31', timeZone: 'Asia/Ho_Chi_Minh', asOf: '2025-04-10' },
  {
    from: '2025-02-10',
    to: '2025-03-09',
    timeZone: 'America/New_York',
    recencyBounds: [3, 10, 45],
    channels: ['web', 'store', 'app'],
    campaignIds: ['C1', 'C2', 'C4'],
  },
];

/**
 * For every segment of every `of` in {@link SEGMENT_CASES}: the ids a scoped handler answers
 * `tenant` equal the engine's `segmentCustomers` over `own` (its rows alone), and every
 * statement reads every table through the predicate. Returns how many ids were compared.
 */
export async function checkTenantSegments(config: WarehouseConfig, tenant: string, own: Input): Promise<number> {
  const statements: [string, Statement][] = [];
  const handler = createPushdownHandler({
    ...config,
    mapping: TENANT_MAPPING,
    onStatement: (n, st) => statements.push([n, st]),
    scope: (request) => ({ tenant: String((request as { tenant: string }).tenant) }),
  });
  let compared = 0;
  for (const options of SEGMENT_CASES) {
    for (const of of SEGMENT_OF) {
      for (const segment of resolveOptions(options).recencySegments) {
        statements.length = 0;
        const r = await handler.query({ ...options, segment: { segment, of } }, { tenant });
        assert.equal(r.status, 200, `${of} ${segment}`);
        const expected = segmentCustomers(own as never, options, { segment, of });
        assert.deepEqual(r.body, expected, `${tenant} ${of} ${segment}`);
        compared += expected.length;
        assert.ok(statements.some(([n]) => n === 'segmentCustomers'));
        for (const [n, st] of statements) assert.ok(assertScoped(n, st, [tenant], config.dialect) > 0, n);
      }
    }
  }
  return compared;
}

/** A tenant's rows that a caller limited to `limits` may see, for the engine to summarise. */
function visible(
  own: Input,
  limits: { campaignIds: string[]; channels: string[]; region: string[]; earliestDate: string },
  timeZone: string,
): Input {
  const startMs = zoneFor(timeZone).startOfDay(parseLocalDate(limits.earliestDate)!);
  const campaigns = new Set(limits.campaignIds);
  const channels = new Set(limits.channels);
  return {
    campaigns: own.campaigns.filter((c) => campaigns.has(c.id) && c.end >= limits.earliestDate),
    orders: own.orders.filter(
      (o) =>
        campaigns.has(o.campaignId ?? '') &&
        channels.has(o.channel ?? '') &&
        limits.region.includes(o.attributes?.region ?? '') &&
        o.time >= startMs,
    ),
    costs: [],
    exposures: own.exposures.filter(
      (x) => campaigns.has(x.campaignId) && channels.has(x.channel ?? '') && x.date >= limits.earliestDate,
    ),
    loyalty: own.loyalty.filter((l) => channels.has(l.channel ?? '') && l.time >= startMs),
  };
}

/**
 * Two tenants in one warehouse: a scoped handler's summary for `tenant` equals the engine's
 * over its own rows (every statement reads every table through the tenant predicate); a
 * caller with limits gets the summary of what it may see, and a request naming more is
 * refused with 403.
 */
export async function checkTenantSummary(config: WarehouseConfig, tenant: string, own: Input): Promise<void> {
  const statements: [string, Statement][] = [];
  // Each tenant has a campaign among these that ends before earliestDate (left out).
  const limits = {
    campaignIds: ['C1', 'C2', 'C6'],
    channels: ['web', 'app'],
    region: ['HCM'],
    earliestDate: '2025-02-15',
  };
  const handler = createPushdownHandler({
    ...config,
    mapping: TENANT_MAPPING,
    onStatement: (n, st) => statements.push([n, st]),
    scope: (request) => {
      const r = request as { tenant: string; limited?: boolean };
      return r.limited
        ? {
            tenant: r.tenant,
            campaignIds: limits.campaignIds,
            channels: limits.channels,
            attributes: { region: limits.region },
            earliestDate: limits.earliestDate,
          }
        : { tenant: r.tenant };
    },
  });
  const timeZone = 'Asia/Ho_Chi_Minh';
  const whole = await handler.query({ summary: true, timeZone }, { tenant });
  assert.equal(whole.status, 200);
  assert.deepEqual(whole.body, {
    ...engineSummary(own, timeZone),
    truncatedAttributes: [],
    truncatedAttributeNames: false,
  });
  assert.deepEqual(
    statements.map(([n]) => n),
    ['campaigns', 'summary'],
  );
  for (const [n, st] of statements) assert.ok(assertScoped(n, st, [tenant], config.dialect) > 0, n);

  statements.length = 0;
  const limited = await handler.query({ summary: true, timeZone }, { tenant, limited: true });
  assert.equal(limited.status, 200);
  const expected = engineSummary(visible(own, limits, timeZone), timeZone);
  assert.deepEqual(limited.body, { ...expected, truncatedAttributes: [], truncatedAttributeNames: false });
  assert.deepEqual(expected.attributes.region, ['HCM']);
  assert.ok(expected.orders > 10 && expected.channels.length === 2);
  assert.equal(expected.campaigns.length, 2);
  for (const [n, st] of statements) assert.ok(assertScoped(n, st, [tenant], config.dialect) > 0, n);
  // Narrower than the limits: fine; wider: 403, naming what is outside.
  const narrower = await handler.query({ summary: true, timeZone, channels: ['web'] }, { tenant, limited: true });
  assert.equal(narrower.status, 200);
  assert.deepEqual((narrower.body as DatasetSummary).channels, ['web']);
  for (const [wider, named] of [
    [{ campaignIds: ['C1', 'C4'] }, '"C4"'],
    [{ channels: ['store'] }, '"store"'],
    [{ filters: { region: ['HN'] } }, '"HN"'],
  ] as const) {
    const r = await handler.query({ summary: true, timeZone, ...wider }, { tenant, limited: true });
    assert.equal(r.status, 403, JSON.stringify(wider));
    assert.ok((r.body as { error: string }).error.includes(named), (r.body as { error: string }).error);
  }
}

/**
 * The two-tenant tests of a warehouse: before them it is opened, both tenants' rows are
 * loaded into the shared tables and the custom KPIs registered; for each tenant, its scoped
 * report equals the engine's over its rows and the report of a warehouse holding its rows
 * alone, and its segment lists equal the engine's. `opened` is handed the open warehouse, and
 * the tenants' rows are returned, for the warehouse's own tests.
 */
export function tenantSuite<W extends Warehouse>(
  spec: WarehouseSpec<W>,
  opened: (warehouse: W) => void = () => {},
): { a: Input; b: Input } {
  const { a, b } = tenantInputs();
  let warehouse: W | undefined;
  let cleanup: (() => void) | undefined;
  before(async () => {
    warehouse = await spec.open();
    opened(warehouse);
    await loadTenants(warehouse, a, b);
    cleanup = registerCustomKpis();
  });
  after(async () => {
    cleanup?.();
    await warehouse?.close();
  });
  const config = (): WarehouseConfig => ({ driver: warehouse!.driver, dialect: spec.dialect });
  const title = `${spec.name}, two tenants with colliding ids`;
  for (const [tenant, own] of [
    [TENANT_A, a],
    [TENANT_B, b],
  ] as const) {
    test(`${title}: ${tenant} gets the in-browser report of its own rows`, async () => {
      await checkTenantCases(config(), tenant, (o) => computeReport(own, o));
    });
    test(`${title}: ${tenant}'s segment lists are the engine's over its own rows`, async () => {
      const compared = await checkTenantSegments(config(), tenant, own);
      assert.ok(compared > 50, `${compared} ids compared`);
    });
    test(`${title}: ${tenant} gets the report of a warehouse holding its rows alone`, async () => {
      await checkTenantCases(config(), tenant, ownTablesReport(config(), tenant));
    });
    test(`${title}: ${tenant}'s data summary is the engine's over its own rows, within the caller's limits`, async () => {
      await checkTenantSummary(config(), tenant, own);
    });
  }
  return { a, b };
}
