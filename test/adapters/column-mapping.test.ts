/**
 * Column mappings of the CSV and JSON adapters: one `columns` option, read the same from an
 * object, a nested object, JSON text and the `collection.field=column` string form; order
 * attributes and the loyalty channel reach the records.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { campaigns, posLoyalty, posOrders, startTestServer, type TestServer } from './test-server.mjs';
import {
  AdapterError,
  createAdapter,
  csvAdapter,
  csvToDataset,
  jsonAdapter,
  parseColumns,
  mapRecords,
} from '../../src/adapters/index.js';
import { createDataset } from '../../src/data/dataset.js';
import type { DataInput } from '../../src/data/records.js';
import type { Dataset } from '../../src/data/columns.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.close();
});

const FLAT = {
  orders: {
    id: 'Số HĐ',
    customerId: 'Mã KH',
    time: 'Thời gian',
    revenue: 'Doanh thu',
    campaignId: 'Chiến dịch',
    channel: 'Kênh',
    'attributes.store': 'Cửa hàng',
    'attributes.region': 'Khu vực',
    'attributes.category': 'Ngành hàng',
  },
  loyalty: { customerId: 'Mã KH', time: 'Thời gian', earned: 'Điểm cộng', redeemed: 'Điểm đổi', channel: 'Kênh' },
};

test('parseColumns: an object, a nested object, JSON text and the pair string give one mapping', () => {
  const nested = {
    orders: {
      id: 'Số HĐ',
      customerId: 'Mã KH',
      time: 'Thời gian',
      revenue: 'Doanh thu',
      campaignId: 'Chiến dịch',
      channel: 'Kênh',
      attributes: { store: 'Cửa hàng', region: 'Khu vực', category: 'Ngành hàng' },
    },
    loyalty: FLAT.loyalty,
  };
  const pairs = [
    'orders.id=Số HĐ; orders.customerId=Mã KH; orders.time=Thời gian; orders.revenue=Doanh thu',
    'orders.campaignId=Chiến dịch; orders.channel=Kênh',
    'orders.attributes.store = Cửa hàng;orders.attributes.region=Khu vực',
    'orders.attributes.category=Ngành hàng',
    'loyalty.customerId=Mã KH; loyalty.time=Thời gian; loyalty.earned=Điểm cộng; loyalty.redeemed=Điểm đổi',
    'loyalty.channel=Kênh',
  ].join('\n');
  assert.deepEqual(parseColumns(FLAT), FLAT);
  assert.deepEqual(parseColumns(nested), FLAT);
  assert.deepEqual(parseColumns(JSON.stringify(nested)), FLAT);
  assert.deepEqual(parseColumns(pairs), FLAT);
  assert.deepEqual(parseColumns(undefined), {});
  assert.deepEqual(parseColumns(''), {});
});

test('parseColumns: each mistake is a config error that names it', () => {
  const fails = (value: unknown, message: RegExp) =>
    assert.throws(
      () => parseColumns(value),
      (e: unknown) => e instanceof AdapterError && e.kind === 'config' && message.test(e.message),
      String(JSON.stringify(value)),
    );
  fails({ order: { id: 'x' } }, /"order" is not a collection; use campaigns, orders/);
  fails(
    { orders: { customer: 'x' } },
    /orders has no field "customer"; its fields are id, customerId.*attributes\.<name>/,
  );
  fails({ loyalty: { 'attributes.store': 'x' } }, /loyalty has no field "attributes\.store"/);
  fails({ orders: { 'attributes.cửa hàng': 'x' } }, /attributes\.cửa hàng: an attribute name is a letter/);
  fails({ orders: { attributes: { '1st': 'x' } } }, /attributes\.1st: an attribute name/);
  fails({ orders: { channel: '' } }, /orders\.channel should name a column, got ""/);
  fails({ orders: { channel: 3 } }, /orders\.channel should name a column, got 3/);
  fails({ orders: ['id'] }, /orders should be an object of field to column, got a list/);
  fails('{"orders": ', /not valid JSON/);
  fails('orders.store', /"orders\.store" is not collection\.field=column/);
  fails([], /expected an object of collection to \{ field: column \}, got a list/);
  const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`attributes.a${i}`, `A${i}`]));
  fails({ orders: nine }, /9 order attributes mapped; a dataset holds at most 8/);
  // The registry reports a bad mapping when the adapter is made.
  assert.throws(() => createAdapter('csv', { src: '/x.csv', columns: 'orders.nope=X' }), /orders has no field "nope"/);
  assert.throws(() => createAdapter('json', { src: '/x.json', columns: { orders: { nope: 'X' } } }), /no field "nope"/);
});

test('mapRecords: mapped properties and dotted paths, attributes merged, empty values left out', () => {
  const out = mapRecords(
    [
      { so: 'A1', k: { ma: 'K1' }, shop: 'Q1-01', area: '', attributes: { category: 'FMCG' } },
      { so: 'A2', k: null, shop: null, area: 'HN' },
      { so: 'A3', shop: 'Q3-02', attributes: 'oops' },
      'not a record',
    ],
    parseColumns({ orders: { id: 'so', customerId: 'k.ma', attributes: { store: 'shop', region: 'area' } } }).orders,
  );
  assert.deepEqual(out, [
    {
      so: 'A1',
      k: { ma: 'K1' },
      shop: 'Q1-01',
      area: '',
      id: 'A1',
      customerId: 'K1',
      attributes: { category: 'FMCG', store: 'Q1-01' },
    },
    { so: 'A2', k: null, shop: null, area: 'HN', id: 'A2', customerId: undefined, attributes: { region: 'HN' } },
    // A record's own attributes that are not an object stay, for validation to report.
    { so: 'A3', shop: 'Q3-02', attributes: 'oops', id: 'A3', customerId: undefined },
    'not a record',
  ]);
});

/** The canonical fields of records (absent and null optional fields left out). */
function canonical(records: readonly unknown[] | undefined, fields: string[]): Record<string, unknown>[] {
  return (records ?? []).map((r) => {
    const o = r as Record<string, unknown>;
    return Object.fromEntries(fields.filter((f) => o[f] !== undefined && o[f] !== null).map((f) => [f, o[f]]));
  });
}
const ORDER_FIELDS = ['id', 'customerId', 'time', 'revenue', 'campaignId', 'channel', 'attributes'];
const LOYALTY_FIELDS = ['customerId', 'time', 'earned', 'redeemed', 'channel'];

test('json: the POS export mapped by columns gives the canonical orders (attributes) and loyalty (channel)', async () => {
  const columns = {
    orders: {
      id: 'so_hd',
      customerId: 'khach.ma',
      time: 'thoi_gian',
      revenue: 'doanh_thu',
      campaignId: 'chien_dich',
      channel: 'kenh',
      attributes: { store: 'cua_hang', region: 'khu_vuc', category: 'nganh_hang' },
    },
    loyalty: { customerId: 'khach.ma', channel: 'kenh' },
  };
  const pairs =
    'orders.id=so_hd; orders.customerId=khach.ma; orders.time=thoi_gian; orders.revenue=doanh_thu; ' +
    'orders.campaignId=chien_dich; orders.channel=kenh; orders.attributes.store=cua_hang; ' +
    'orders.attributes.region=khu_vuc; orders.attributes.category=nganh_hang; loyalty.customerId=khach.ma; loyalty.channel=kenh';
  const src = `${server.url}/pos-export.json`;
  const results = [
    (await jsonAdapter({ src, columns }).load({}, {})) as DataInput,
    (await createAdapter('json', { src, columns: pairs }).load({}, {})) as DataInput,
    (await createAdapter('json', { src, columns: JSON.stringify(columns) }).load({}, {})) as DataInput,
  ];
  for (const input of results) {
    assert.deepEqual(canonical(input.orders, ORDER_FIELDS), posOrders);
    assert.deepEqual(canonical(input.loyalty, LOYALTY_FIELDS), posLoyalty);
  }
});

/** Each order row's attributes as an object (absent names left out), from the dataset's columns. */
function attributesOf(ds: Dataset): (Record<string, string> | undefined)[] {
  const a = ds.attributes;
  return Array.from({ length: ds.orders.length }, (_, row) => {
    let out: Record<string, string> | undefined;
    a?.names.forEach((name, k) => {
      const code = a.codes[k]![row] ?? 0;
      if (code > 0) (out ??= {})[name] = a.values[k]!.value(code - 1);
    });
    return out;
  });
}

const revenues = (ds: Dataset) => [...ds.orders.revenue.subarray(0, ds.orders.length)];
const loyaltyChannels = (ds: Dataset) =>
  Array.from({ length: ds.loyalty.length }, (_, r) => {
    const c = ds.loyalty.channel[r]!;
    return c < 0 ? undefined : ds.channels.value(c);
  });

test('csv: POS files with Cửa hàng / Khu vực / Ngành hàng and a loyalty Kênh, mapped as an object, pairs or JSON', async () => {
  const sources = {
    campaigns: `${server.url}/campaigns.csv`,
    orders: `${server.url}/pos-orders.csv`,
    loyalty: `${server.url}/pos-loyalty.csv`,
  };
  const pairs =
    'orders.id=Số HĐ; orders.customerId=Mã KH; orders.time=Thời gian; orders.revenue=Doanh thu\n' +
    'orders.campaignId=Chiến dịch; orders.channel=Kênh\n' +
    'orders.attributes.store=Cửa hàng; orders.attributes.region=Khu vực; orders.attributes.category=Ngành hàng\n' +
    'loyalty.customerId=Mã KH; loyalty.time=Thời gian; loyalty.earned=Điểm cộng; loyalty.redeemed=Điểm đổi; loyalty.channel=Kênh';
  const query = { timeZone: 'Asia/Ho_Chi_Minh' };
  const made = [
    csvAdapter({ sources, columns: FLAT }),
    createAdapter('csv', { sources: JSON.stringify(sources), columns: pairs }),
    createAdapter('csv', { sources, columns: JSON.stringify(FLAT) }),
    // The record path for every row gives the same dataset as the in-place reader.
    csvAdapter({ sources, columns: FLAT, inPlace: false }),
  ];
  const expected = createDataset({ campaigns, orders: posOrders, loyalty: posLoyalty }, query);
  assert.deepEqual(expected.issues, []);
  for (const adapter of made) {
    const ds = (await adapter.load(query, {})) as Dataset;
    assert.deepEqual(ds.issues, []);
    assert.deepEqual(attributesOf(ds), [
      { store: 'Q1-01', region: 'HCM', category: 'FMCG' },
      { region: 'HN', category: 'Fresh' },
      { store: 'HN-02', region: 'HN', category: 'Beauty; Care' },
      undefined,
    ]);
    assert.deepEqual(attributesOf(ds), attributesOf(expected));
    assert.deepEqual(revenues(ds), revenues(expected));
    assert.deepEqual(loyaltyChannels(ds), ['store', 'zalo', undefined]);
    assert.deepEqual([...ds.loyalty.redeemed.subarray(0, 3)], [0, 50, 0]);
  }
});

test('csv: attributes.<name> headers need no mapping; a bad name in a header is a parse error naming it', () => {
  const text = [
    'id,customerId,time,revenue,attributes.store,Attribute: region',
    'O1,K1,2025-01-01T10:00:00Z,10,Q1-01,HCM',
    'O2,K2,2025-01-01T11:00:00Z,20,,',
    'O3,K2,2025-01-01T12:00:00Z,30,,DN',
  ].join('\n');
  for (const inPlace of [true, false]) {
    const ds = csvToDataset({ orders: text }, 'UTC', { inPlace });
    assert.deepEqual(attributesOf(ds), [{ store: 'Q1-01', region: 'HCM' }, undefined, { region: 'DN' }]);
  }
  // A mapped name wins over a header of the same name.
  const mapped = csvToDataset({ orders: text.replace('Attribute: region', 'Vùng') }, 'UTC', {
    columns: 'orders.attributes.region=Vùng',
  });
  assert.deepEqual(attributesOf(mapped)[0], { store: 'Q1-01', region: 'HCM' });
  assert.throws(
    () => csvToDataset({ orders: text.replace('attributes.store', 'attributes.cửa hàng') }, 'UTC'),
    (e: unknown) =>
      e instanceof AdapterError &&
      e.kind === 'parse' &&
      /the column "attributes\.cửa hàng" names an attribute "cửa hàng"/.test(e.message),
  );
  assert.throws(
    () => csvToDataset({ orders: text }, 'UTC', { columns: { orders: { 'attributes.area': 'Khu vực' } } }),
    /has no column for attributes\.area \(mapped to "Khu vực"\)/,
  );
});

test('csv: a value breaking the attribute rules is reported for its row (either path), the rest kept', () => {
  const long = 'x'.repeat(201);
  const text = [
    'id,customerId,time,revenue,Cửa hàng',
    `O1,K1,2025-01-01T10:00:00Z,10,${long}`,
    'O2,K1,2025-01-02T10:00:00Z,5,Q1-01',
  ].join('\n');
  for (const inPlace of [true, false]) {
    const ds = csvToDataset({ orders: text }, 'UTC', { inPlace, columns: 'orders.attributes.store=Cửa hàng' });
    assert.equal(ds.orders.length, 1);
    assert.deepEqual(attributesOf(ds), [{ store: 'Q1-01' }]);
    assert.equal(ds.issues.length, 1);
    assert.match(ds.issues[0]!.message, /^orders\[0\]\.attributes\.store: expected a non-empty string of at most 200/);
  }
});
