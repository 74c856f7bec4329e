/**
 * Order attributes (KPI-SPEC 7.2): validation messages, the limit of 8 names per dataset
 * counted in input order over kept records, and the columnar storage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDataset } from '../../src/data/dataset.js';
import { validateCollection } from '../../src/schema/index.js';

const order = (id: string, attributes?: unknown, extra: Record<string, unknown> = {}) => ({
  id,
  customerId: `c-${id}`,
  time: '2025-03-01T10:00:00Z',
  revenue: 10,
  ...(attributes === undefined ? {} : { attributes }),
  ...extra,
});

test('attributes: each bad name or value has its own message at its path; the record is left out', () => {
  const ds = createDataset({
    orders: [
      order('o0', { store: 'Q1-01', region: 'HCM' }),
      order('o1', { '1store': 'x', region: '' }),
      order('o2', { store: 'x'.repeat(201) }),
      order('o3', ['store']),
      order('o4', { a: '1', b: '1', c: '1', d: '1', e: '1', f: '1', g: '1', h: '1', i: '1' }),
      order('o5', { category: 5 }),
      order('o6', null),
      order('o7', {}),
    ],
  });
  assert.deepEqual(
    ds.issues.map((i) => i.message),
    [
      'orders[1].attributes.1store: expected an attribute name (a letter, then up to 31 letters, digits or _), got "1store"',
      'orders[1].attributes.region: expected a non-empty string of at most 200 characters, got ""',
      `orders[2].attributes.store: expected a non-empty string of at most 200 characters, got "${'x'.repeat(57)}..."`,
      'orders[3].attributes: expected an object of attribute name to text, got a list',
      'orders[4].attributes: expected at most 8 attribute names, got 9',
      'orders[5].attributes.category: expected a non-empty string of at most 200 characters, got 5',
    ],
  );
  assert.deepEqual(
    ds.issues.map((i) => [i.path, i.id]),
    [
      ['attributes.1store', 'o1'],
      ['attributes.region', 'o1'],
      ['attributes.store', 'o2'],
      ['attributes', 'o3'],
      ['attributes', 'o4'],
      ['attributes.category', 'o5'],
    ],
  );
  // o0, o6 (null: absent) and o7 (empty: no attributes) are kept.
  assert.equal(ds.orders.length, 3);
  assert.deepEqual(ds.attributes!.names, ['store', 'region']);
  // The zod schema reports the same issues.
  const z = validateCollection('orders', [
    order('o0', { store: 'Q1-01', region: 'HCM' }),
    order('o1', { '1store': 'x', region: '' }),
  ]);
  assert.deepEqual(
    z.issues.map((i) => i.message),
    ds.issues.slice(0, 2).map((i) => i.message),
  );
});

test('attributes: 200 characters are counted as code points', () => {
  const ds = createDataset({
    orders: [order('o0', { store: '😀'.repeat(200) }), order('o1', { store: '😀'.repeat(201) })],
  });
  assert.equal(ds.orders.length, 1);
  assert.deepEqual(
    ds.issues.map((i) => i.path),
    ['attributes.store'],
  );
});

test('attributes: the ninth distinct name of the dataset is refused; names of rejected records do not count', () => {
  const seven = { a: '1', b: '1', c: '1', d: '1', e: '1', f: '1', g: '1' };
  const ds = createDataset({
    orders: [
      order('o0', seven),
      // Rejected for its revenue: its name x does not count.
      order('o1', { x: 'v' }, { revenue: -1 }),
      // A repeat of o0's id: left out as a duplicate, its name y does not count.
      order('o0', { y: 'v' }),
      // The eighth name: h.
      order('o2', { h: 'v' }),
      // The ninth (x, named by a rejected record before) is refused, the record left out.
      order('o3', { a: '2', x: 'v' }),
      // Known names only: kept.
      order('o4', { a: '3', h: 'w' }),
    ],
  });
  assert.deepEqual(ds.attributes!.names, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  assert.equal(ds.orders.length, 3);
  const nine = ds.issues.find((i) => i.index === 4)!;
  assert.equal(nine.path, 'attributes.x');
  assert.equal(nine.id, 'o3');
  assert.equal(
    nine.message,
    'orders[4].attributes.x: expected at most 8 attribute names in the data set (a, b, c, d, e, f, g, h), got one more: "x"; this order is left out',
  );
  // Each kept row's values, dictionary-encoded (code + 1; 0 when absent).
  const a = ds.attributes!;
  const valueOf = (name: string, row: number): string | null => {
    const k = a.names.indexOf(name);
    const code = row < a.codes[k]!.length ? a.codes[k]![row]! : 0;
    return code === 0 ? null : a.values[k]!.value(code - 1);
  };
  assert.deepEqual([valueOf('a', 0), valueOf('a', 1), valueOf('a', 2)], ['1', null, '3']);
  assert.deepEqual([valueOf('h', 0), valueOf('h', 1), valueOf('h', 2)], [null, 'v', 'w']);
  // An append that brings a ninth name is refused too; the issue is in the append's result.
  const r = ds.append({ orders: [order('o5', { z: 'v' }), order('o6', { b: '2' })] });
  assert.equal(r.added.orders, 1);
  assert.deepEqual(
    r.issues.map((i) => i.path),
    ['attributes.z'],
  );
  assert.equal(valueOf('b', 3), '2');
});
