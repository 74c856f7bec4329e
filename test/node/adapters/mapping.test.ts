/**
 * Column mappings of the CSV and JSON adapters: one `columns` option, read the same from an
 * object, a nested object, JSON text and the `collection.field=column` string form; order
 * attributes and the loyalty channel reach the records.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { posLoyalty, posOrders, startTestServer, type TestServer } from '../../server/server.mjs';
import { AdapterError, createAdapter, jsonAdapter, parseColumns, mapRecords } from '../../../src/adapters/index.js';
import type { DataInput } from '../../../src/data/schema.js';

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
    campaignId: 'Chiến dịch',
    channel: 'Kênh',
    'attributes.store': 'Cửa hàng',
    'attributes.region': 'Khu vực',
    'attributes.category': 'Ngành hàng',
  },
  loyalty: { customerId: 'Mã KH', earned: 'Điểm cộng', redeemed: 'Điểm đổi', channel: 'Kênh' },
};

test('parseColumns: an object, a nested object, JSON text and the pair string give one mapping', () => {
  const nested = {
    orders: {
      id: 'Số HĐ',
      customerId: 'Mã KH',
      campaignId: 'Chiến dịch',
      channel: 'Kênh',
      attributes: { store: 'Cửa hàng', region: 'Khu vực', category: 'Ngành hàng' },
    },
    loyalty: FLAT.loyalty,
  };
  const pairs = [
    'orders.id=Số HĐ; orders.customerId=Mã KH; orders.campaignId=Chiến dịch; orders.channel=Kênh',
    'orders.attributes.store = Cửa hàng;orders.attributes.region=Khu vực',
    'orders.attributes.category=Ngành hàng',
    'loyalty.customerId=Mã KH; loyalty.earned=Điểm cộng; loyalty.redeemed=Điểm đổi; loyalty.channel=Kênh',
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
