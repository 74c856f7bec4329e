/**
 * The data summary of a warehouse (campaigns, channels, attribute values, last day, orders)
 * against the engine's `summarizeDataset` over the same rows. Shared by the DuckDB,
 * PostgreSQL and ClickHouse tests.
 */
import assert from 'node:assert/strict';
import type { DatasetSummary } from '../../src/engine/worker-protocol.js';
import { createDataset, summarizeDataset } from '../../src/engine/page-engine.js';
import { compareCodePoints } from '../../src/engine/segments.js';
import type { SqlDriver } from '../../src/server/driver.js';
import type { Statement } from '../../src/server/sql.js';
import type { WarehouseMapping } from '../../src/server/table-mapping.js';
import { warehouseDataSummary } from '../../src/server/warehouse.js';
import { ATTRIBUTE_COLUMNS, ATTRIBUTE_JSON, type Input } from './fixtures.js';
import type { Warehouse } from './warehouses.js';

/** The engine's summary of `input` in `timeZone`, every list in code-point order (a table has no row order). */
export function engineSummary(input: Input, timeZone: string): DatasetSummary {
  const s = summarizeDataset(createDataset(input as never, { timeZone }));
  const attributes: Record<string, string[]> = {};
  for (const name of Object.keys(s.attributes).sort(compareCodePoints))
    attributes[name] = [...s.attributes[name]!].sort(compareCodePoints);
  return {
    ...s,
    campaigns: [...s.campaigns].sort((a, b) => compareCodePoints(a.id, b.id)),
    channels: [...s.channels].sort(compareCodePoints),
    attributes,
  };
}

/** Zones whose local days of the same instants differ most (UTC+14, UTC-11), and the board's market. */
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Ho_Chi_Minh'];

/**
 * Attribute mappings the default test tables answer: a column each, the JSON column, and
 * both (the column wins over the JSON key of the same name).
 */
const MAPPINGS: WarehouseMapping[] = [
  { orders: { attributes: ATTRIBUTE_COLUMNS } },
  { orders: { attributes: ATTRIBUTE_JSON } },
  { orders: { attributes: { columns: { store: 'store' }, json: 'attrs' } } },
];

/**
 * Over the default tables holding `input`: the summary equals the engine's in several zones
 * under every attribute mapping, and the cap on attribute values keeps the first values in
 * code-point order and names the attributes it cut.
 */
export async function checkSummaryParity(w: Warehouse, input: Input): Promise<void> {
  const lastDays = new Set<number | null>();
  for (const mapping of MAPPINGS)
    for (const timeZone of ZONES) {
      const { truncatedAttributes, truncatedAttributeNames, ...actual } = await warehouseDataSummary(
        { driver: w.driver, dialect: w.dialect, mapping },
        { timeZone },
      );
      const expected = engineSummary(input, timeZone);
      assert.deepEqual(actual, expected, `${timeZone} ${JSON.stringify(mapping.orders)}`);
      assert.deepEqual(truncatedAttributes, []);
      assert.equal(truncatedAttributeNames, false);
      lastDays.add(actual.lastDay);
    }
  // Not vacuous: every part is filled, and the zone moves the last day.
  const e = engineSummary(input, 'UTC');
  assert.ok(e.campaigns.length >= 6 && e.channels.length >= 5 && e.orders > 1000);
  assert.deepEqual(Object.keys(e.attributes), ['category', 'region', 'store']);
  assert.ok(lastDays.size >= 2, 'the last day is taken in the zone asked for');

  // The cap: 3 values each.
  const statements: Statement[] = [];
  const capped = await warehouseDataSummary(
    { driver: w.driver, dialect: w.dialect, mapping: MAPPINGS[0], onStatement: (_, st) => statements.push(st) },
    { timeZone: 'UTC', maxAttributeValues: 3 },
  );
  const cut: string[] = [];
  for (const [name, values] of Object.entries(e.attributes)) {
    assert.deepEqual(capped.attributes[name], values.slice(0, 3), name);
    if (values.length > 3) cut.push(name);
  }
  assert.deepEqual(capped.truncatedAttributes, cut);
  assert.deepEqual(cut, ['category', 'store']);
  // The limit is a bound parameter, as every value.
  assert.ok(statements.some((st) => st.params.includes(3)));

  /** A view `name` of the orders whose JSON attributes are `json[id]` for the orders named there. */
  const ordersWithJson = async (name: string, json: Record<string, string>) => {
    const cases = Object.entries(json)
      .map(([id, text]) => `WHEN id = '${id}' THEN '${text}'`)
      .join(' ');
    await w.exec(`DROP VIEW IF EXISTS ${name}`);
    await w.exec(`CREATE VIEW ${name} AS SELECT id, customer_id, time, revenue, discount, cogs, campaign_id,
    channel, store, CASE ${cases} ELSE attrs END AS attrs FROM orders`);
  };

  // JSON edges: a key that is an attribute of its own column is read from the column, a key
  // that is no attribute name is left out, a number is read as its JSON text (as a filter
  // reads it), a JSON array or string has no attributes.
  const edges: Record<string, string> = {
    o1: '{"store": "ELSEWHERE", "9lives": "x", "floor": 3}',
    o2: '[1, 2]',
    o3: '"text"',
  };
  await ordersWithJson('summary_edge_orders', edges);
  const edged = await warehouseDataSummary(
    {
      driver: w.driver,
      dialect: w.dialect,
      mapping: { orders: { table: 'summary_edge_orders', attributes: { columns: { store: 'store' }, json: 'attrs' } } },
    },
    { timeZone: 'UTC' },
  );
  const expectedEdges = engineSummary(
    {
      ...input,
      orders: input.orders.map((o) => {
        if (!(o.id in edges)) return o;
        const store = o.attributes?.store;
        const attributes = { ...(store ? { store } : {}), ...(o.id === 'o1' ? { floor: '3' } : {}) };
        return { ...o, attributes };
      }),
    },
    'UTC',
  );
  assert.deepEqual(edged, { ...expectedEdges, truncatedAttributes: [], truncatedAttributeNames: false });
  assert.deepEqual(edged.attributes.floor, ['3']);

  // The cap on attribute names: the own column (store) counts first, then the JSON keys in
  // code-point order ("Zone" before "category"); a key that is no attribute name takes no place.
  const long = `k${'x'.repeat(32)}`;
  const keyed = {
    ...edges,
    o1: `{"9lives": "x", "k-x": "y", "${long}": "w", "Zone": "z", "k1": "a", "k2": "b", "k3": "c", "k4": "d"}`,
  };
  await ordersWithJson('summary_key_orders', keyed);
  // The names the summary statement read back, to see what the warehouse sends.
  const sent: Set<string>[] = [];
  const driver: SqlDriver = {
    async query(sql, params, options) {
      const rows = await w.driver.query(sql, params, options);
      if (/\bar AS \(/.test(sql))
        sent.push(new Set(rows.filter((r) => Number(r.kind) === 2).map((r) => String(r.name))));
      return rows;
    },
  };
  const mapping = {
    orders: { table: 'summary_key_orders', attributes: { columns: { store: 'store' }, json: 'attrs' } },
  };
  const allNames = ['Zone', 'category', 'k1', 'k2', 'k3', 'k4', 'region', 'store'];
  // With the dialect's `matches` (in the warehouse) and without it (in the server): the same answers.
  for (const dialect of [w.dialect, { ...w.dialect, matches: undefined }]) {
    const inWarehouse = dialect.matches !== undefined;
    const keyConfig = { driver, dialect, mapping };
    sent.length = 0;
    const all = await warehouseDataSummary(keyConfig, { timeZone: 'UTC' });
    assert.deepEqual(Object.keys(all.attributes), allNames);
    assert.equal(all.truncatedAttributeNames, false);
    // Keys that are no attribute names (a digit first, a hyphen, 33 characters) are not even sent.
    assert.equal(sent[0]!.has(long) || sent[0]!.has('k-x'), !inWarehouse);
    // At the cap: every name, nothing cut.
    const atCap = await warehouseDataSummary(keyConfig, { timeZone: 'UTC', maxAttributes: allNames.length });
    assert.deepEqual(atCap, all);
    sent.length = 0;
    const named = await warehouseDataSummary(keyConfig, { timeZone: 'UTC', maxAttributes: 3, maxAttributeValues: 2 });
    assert.deepEqual(Object.keys(named.attributes), ['Zone', 'category', 'store']);
    assert.equal(named.truncatedAttributeNames, true);
    // The cap is made in the warehouse: one name more than the cap comes back (to tell names were cut).
    assert.deepEqual(
      [...sent[0]!].sort(compareCodePoints),
      inWarehouse ? ['Zone', 'category', 'k1', 'store'] : [...allNames, '9lives', 'k-x', long].sort(compareCodePoints),
    );
    for (const name of Object.keys(named.attributes))
      assert.deepEqual(named.attributes[name], all.attributes[name]!.slice(0, 2), name);
    // Only attributes listed are named as cut (region and k1..k4 are left out altogether).
    assert.deepEqual(named.truncatedAttributes, ['category', 'store']);
    assert.deepEqual(all.attributes.k1, ['a']);
  }
}
