/**
 * The parity cases every warehouse passes, one table run against each: over the same rows,
 * the pushdown report equals the engine's, hostile input never reaches SQL, the hand-computed
 * edges hold, and segment lists equal the engine's.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport } from '../../src/engine/report.js';
import { registerKpi, unregisterKpi } from '../../src/engine/kpis/registry.js';
import type { CustomMeasure } from '../../src/engine/kpis.js';
import { createPushdownHandler } from '../../src/server/handler.js';
import type { Statement } from '../../src/server/sql.js';
import type { WarehouseMapping } from '../../src/server/table-mapping.js';
import { warehouseReport } from '../../src/server/warehouse.js';
import { CASES, registerCustomKpis } from './cases.js';
import { dailyCoverageGaps, reportDifferences } from './compare.js';
import { checkFilteredNewCustomers, checkReturnWindowEdges } from './edges.js';
import { ATTRIBUTE_COLUMNS, ATTRIBUTE_JSON, generate, type Input } from './fixtures.js';
import { checkInjection } from './injection.js';
import { checkSegmentLists, checkSegmentOrder } from './segments.js';
import { checkSummaryParity } from './summary.js';
import type { Warehouse, WarehouseSpec } from './warehouses.js';

/** Order attributes from their own columns. */
export const COLUMNS: WarehouseMapping = { orders: { attributes: ATTRIBUTE_COLUMNS } };
/** Order attributes from the JSON column. */
export const JSON_ATTRIBUTES: WarehouseMapping = { orders: { attributes: ATTRIBUTE_JSON } };

/**
 * Columns of the orders under other names (the canonical field -> the view's column), for
 * the tests that map the report onto a view of another shape.
 */
export const RENAMED_ORDER_COLUMNS = {
  id: 'order_no',
  customerId: 'buyer',
  time: 'placed_ms',
  revenue: 'net',
  discount: 'promo_discount',
  cogs: 'cost_of_goods',
  campaignId: 'promo',
  channel: 'sold_via',
};

/** The select list of a view of `table` (the default orders columns) under {@link RENAMED_ORDER_COLUMNS}. */
export const renamedOrders = (table: string) =>
  `SELECT ${Object.entries(RENAMED_ORDER_COLUMNS)
    .map(([field, column]) => `${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} AS ${column}`)
    .join(', ')} FROM ${table}`;

/** What a warehouse's parity run needs. */
export interface ParitySetup {
  /** Seed and order count of the generated rows. */
  seed: number;
  orders: number;
  /** The attribute mappings every case is compared under: the first one also for segment lists. */
  mappings: [WarehouseMapping, ...WarehouseMapping[]];
}

/** One parity case: its title after the warehouse's name, and its check. */
interface ParityCase {
  title: string;
  run(w: Warehouse, input: Input, mapping: WarehouseMapping): Promise<void>;
}

/**
 * Custom KPIs whose one measure cannot run in a warehouse, and why the pushdown says so: no
 * SQL, or SQL that is not a single expression (a statement after it, a ClickHouse SETTINGS
 * clause, a comment).
 */
const UNRUNNABLE: { id: string; en: string; vi: string; measure: string; def: CustomMeasure; why: string }[] = [
  {
    id: 'jsOnly',
    en: 'JS only',
    vi: 'Chỉ JS',
    measure: 'jsMeasure',
    def: { collection: 'orders', value: (o) => o.revenue * 2 },
    why: 'custom measure has no "sql" expression, so it cannot run in the warehouse',
  },
  {
    id: 'badSql',
    en: 'Bad SQL',
    vi: 'SQL sai',
    measure: 'sneaky',
    def: { collection: 'orders', value: () => 1, sql: '1); DROP TABLE orders; --' },
    why: '"sql" must be a single expression (no ";" or comments)',
  },
  {
    id: 'badSettings',
    en: 'Bad settings',
    vi: 'Thiết lập sai',
    measure: 'settings',
    def: { collection: 'orders', value: () => 1, sql: '1) SETTINGS readonly = 0; DROP TABLE orders --' },
    why: '"sql" must be a single expression (no ";" or comments)',
  },
];

const PARITY: ParityCase[] = [
  {
    title: 'a custom measure without SQL or with unsafe SQL is reported, its KPI has no value, the rest is computed',
    async run(w, input) {
      for (const k of UNRUNNABLE)
        registerKpi({
          id: k.id,
          label: { en: k.en, vi: k.vi },
          unit: 'number',
          polarity: 'neutral',
          measures: { [k.measure]: k.def },
          compute: (m, f) => f.div(m.custom[k.measure]!, m.orders),
        });
      try {
        const options = { from: '2025-02-01', to: '2025-02-28' };
        const r = await warehouseReport({ driver: w.driver, dialect: w.dialect }, options);
        for (const k of UNRUNNABLE)
          assert.deepEqual(r.kpis[k.id], { value: null, previous: null, delta: null, change: null, reason: 'no-data' });
        const issues = r.issues.filter((i) => i.path.startsWith('kpis.'));
        assert.deepEqual(
          issues.map((i) => i.path),
          UNRUNNABLE.map((k) => `kpis.${k.id}.measures.${k.measure}`),
        );
        assert.deepEqual(
          issues.map((i) => i.message),
          UNRUNNABLE.map((k) => `kpis.${k.id}.measures.${k.measure}: ${k.why}; KPI "${k.id}" has no value`),
        );
        const engine = computeReport(input, options);
        assert.ok(engine.kpis.jsOnly!.value! > 0, 'the in-browser engine computes it');
        assert.ok(Math.abs(r.kpis.revenue!.value! - engine.kpis.revenue!.value!) < 1e-6);
        assert.ok(Math.abs(r.kpis.webShare!.value! - engine.kpis.webShare!.value!) < 1e-12);
      } finally {
        for (const k of UNRUNNABLE) unregisterKpi(k.id);
      }
    },
  },
  {
    title: 'the portable first-order SQL (a dialect without the firstOrderRows hook) gives the same report',
    async run(w, input) {
      const portable = { ...w.dialect, firstOrderRows: undefined };
      for (const c of CASES.filter((_, i) => i < 3 || i === 8)) {
        const actual = await warehouseReport({ driver: w.driver, dialect: portable, mapping: COLUMNS }, c.options);
        assert.deepEqual(reportDifferences(actual, computeReport(input, c.options)), [], c.name);
      }
    },
  },
  {
    title: 'injection attempts never reach the SQL text',
    async run(w) {
      const statements: Statement[] = [];
      const handler = createPushdownHandler({
        driver: w.driver,
        dialect: w.dialect,
        onStatement: (_, st) => statements.push(st),
      });
      await checkInjection(handler, w.driver, statements);
    },
  },
  {
    title: 'called directly, a hostile time zone never reaches SQL (it falls back to UTC, reported)',
    async run(w, input) {
      const statements: string[] = [];
      const hostile = "UTC'; DROP TABLE orders; --";
      const r = await warehouseReport(
        {
          driver: w.driver,
          dialect: w.dialect,
          onStatement: (_, st) => statements.push(st.sql, JSON.stringify(st.params)),
        },
        { from: '2025-02-01', to: '2025-02-28', timeZone: hostile },
      );
      assert.ok(statements.length > 0);
      assert.ok(statements.every((s) => !s.includes('DROP')));
      assert.ok(r.issues.some((i) => i.path === 'timeZone'));
      const utc = computeReport(input, { from: '2025-02-01', to: '2025-02-28', timeZone: 'UTC' });
      assert.ok(Math.abs(r.kpis.revenue!.value! - utc.kpis.revenue!.value!) < 1e-6);
      assert.deepEqual(reportDifferences({ ...r, issues: [] }, { ...utc, issues: [] }), []);
      const rows = await w.driver.query('SELECT COUNT(*) AS n FROM orders', []);
      assert.equal(Number(rows[0]!.n), input.orders.length);
    },
  },
  {
    title: 'the return window ends exactly at t + returnWindowDays x 24 h (inclusive), 1 ms later is out',
    run: (w) => checkReturnWindowEdges(w),
  },
  {
    title: 'under an attribute filter, a customer is new only when their first order passes it',
    run: (w) => checkFilteredNewCustomers(w),
  },
  {
    title: "segment lists (recency, re-activation, returned) equal the engine's segmentCustomers",
    run: (w, input, mapping) => checkSegmentLists(w.driver, w.dialect, mapping, input),
  },
  {
    title: 'segment lists are sorted by code point',
    run: (w) => checkSegmentOrder(w),
  },
  {
    title: "the data summary equals the engine's summarizeDataset; the cap on attribute values keeps the first values",
    run: (w, input) => checkSummaryParity(w, input),
  },
];

/**
 * Registers the parity tests of a warehouse: before them it is opened, `setup`'s rows loaded
 * into the default tables and the custom KPIs registered; then every case of {@link CASES}
 * under each of `setup.mappings` equals computeReport, and every {@link PARITY} case holds.
 * `opened` is handed the open warehouse, and the rows are returned, for the warehouse's own
 * tests.
 */
export function paritySuite<W extends Warehouse>(
  spec: WarehouseSpec<W>,
  setup: ParitySetup,
  opened: (warehouse: W) => void = () => {},
): Input {
  const input = generate(setup.seed, setup.orders);
  let warehouse: W | undefined;
  let cleanup: (() => void) | undefined;
  before(async () => {
    warehouse = await spec.open();
    opened(warehouse);
    await warehouse.load(input);
    cleanup = registerCustomKpis();
  });
  after(async () => {
    cleanup?.();
    await warehouse?.close();
  });

  for (const c of CASES) {
    test(`${spec.name} pushdown equals computeReport: ${c.name}`, async () => {
      const expected = computeReport(input, c.options);
      const [first, ...others] = setup.mappings;
      const actual = await warehouseReport(
        { driver: warehouse!.driver, dialect: spec.dialect, mapping: first },
        c.options,
      );
      assert.deepEqual(reportDifferences(actual, expected), []);
      // Attributes from elsewhere (their own columns, or a JSON column): the same report.
      for (const mapping of others) {
        const other = await warehouseReport({ driver: warehouse!.driver, dialect: spec.dialect, mapping }, c.options);
        assert.deepEqual(reportDifferences(other, expected), [], `attributes ${JSON.stringify(mapping.orders)}`);
      }
      // The comparison is not vacuous: the data set has orders in most periods.
      if (c === CASES[0]) {
        assert.ok(actual.kpis.orders!.value! > 100);
        assert.ok(actual.kpis.retentionRate!.value! > 0);
        assert.ok(Object.keys(actual.byChannel).length >= 4);
        assert.ok(actual.kpis.giftCostPerOrder!.value! > 0);
        // The daily points are compared too, and every daily value varies.
        assert.deepEqual(dailyCoverageGaps(actual), []);
      }
    });
  }
  for (const p of PARITY)
    test(`${spec.name}: ${p.title}`, async () => {
      await p.run(warehouse!, input, setup.mappings[0]);
    });
  return input;
}
