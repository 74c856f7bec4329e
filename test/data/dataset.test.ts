import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDataset, createDatasetBuilder } from '../../src/data/index.js';
import { parseLocalDate } from '../../src/core/time.js';

/** 2025-01-01T00:00:00Z: small test times are offsets from it. */
const T0 = Date.UTC(2025, 0, 1);

const campaigns = [
  { id: 'C1', name: 'Tet', start: '2025-01-20', end: '2025-02-10', budget: 1000 },
  { id: 'C2', name: 'Women day', start: '2025-03-01', end: '2025-03-08' },
];

const rows = (ds: ReturnType<typeof createDataset>) =>
  Array.from({ length: ds.orders.length }, (_, r) => ({
    customer: ds.customers.value(ds.orders.customer[r]!),
    time: ds.orders.time[r],
    day: ds.orders.day[r],
    revenue: ds.orders.revenue[r],
    campaign: ds.orders.campaign[r],
    channel: ds.orders.channel[r] === -1 ? null : ds.channels.value(ds.orders.channel[r]!),
  }));

test('times: offset, no offset (wall clock in the zone), epoch ms; local days in the zone', () => {
  const ds = createDataset(
    {
      orders: [
        { id: 'a', customerId: 'K1', time: '2025-03-01T23:30:00+00:00', revenue: 1 },
        { id: 'b', customerId: 'K1', time: '2025-03-01T23:30:00', revenue: 2 },
        { id: 'c', customerId: 'K2', time: Date.UTC(2025, 2, 1, 16, 59, 59, 999), revenue: 3 },
        { id: 'd', customerId: 'K2', time: Date.UTC(2025, 2, 1, 17), revenue: 4 },
      ],
    },
    { timeZone: 'Asia/Ho_Chi_Minh' },
  );
  const r = rows(ds);
  const d1 = parseLocalDate('2025-03-01')!;
  assert.deepEqual(
    r.map((x) => [x.time, x.day]),
    [
      [Date.UTC(2025, 2, 1, 23, 30), d1 + 1], // 06:30 on 2 March in Ho Chi Minh City
      [Date.UTC(2025, 2, 1, 16, 30), d1], // wall clock 23:30 at +07:00
      [Date.UTC(2025, 2, 1, 16, 59, 59, 999), d1],
      [Date.UTC(2025, 2, 1, 17), d1 + 1],
    ],
  );
});

test('dictionaries: customers, channels and campaigns encoded once', () => {
  const ds = createDataset({
    campaigns,
    orders: [
      { id: 'a', customerId: 'Khách 1', time: T0 + 0, revenue: 1, campaignId: 'C2', channel: 'web' },
      { id: 'b', customerId: 'K2', time: T0 + 1, revenue: 2, channel: 'store' },
      { id: 'c', customerId: 'Khách 1', time: T0 + 2, revenue: 3, campaignId: 'C1', channel: 'web' },
    ],
  });
  assert.deepEqual(
    rows(ds).map((x) => [x.customer, x.campaign, x.channel]),
    [
      ['Khách 1', 1, 'web'],
      ['K2', -1, 'store'],
      ['Khách 1', 0, 'web'],
    ],
  );
  assert.equal(ds.customers.size, 2);
  assert.equal(ds.customers.code('K2'), 1);
  assert.equal(ds.customers.code('nobody'), -1);
  assert.equal(ds.channels.size, 2);
});

test('a repeated order id: the first stays, the repeat is reported and not counted', () => {
  const ds = createDataset({
    orders: [
      { id: 'O1', customerId: 'K1', time: T0 + 0, revenue: 100 },
      { id: 'O1', customerId: 'K2', time: T0 + 5, revenue: 999 },
    ],
  });
  assert.equal(ds.orders.length, 1);
  assert.equal(ds.orders.revenue[0], 100);
  assert.deepEqual(ds.issues, [
    {
      collection: 'orders',
      index: 1,
      id: 'O1',
      path: 'id',
      message: 'orders[1].id: duplicate order id "O1": the first one is kept',
    },
  ]);
});

test('orders naming an unknown campaign stay and are reported once per campaign with a count', () => {
  const ds = createDataset({
    campaigns,
    orders: [
      { id: 'a', customerId: 'K', time: T0 + 0, revenue: 1, campaignId: 'X' },
      { id: 'b', customerId: 'K', time: T0 + 1, revenue: 1, campaignId: 'X' },
      { id: 'c', customerId: 'K', time: T0 + 2, revenue: 1, campaignId: 'Y' },
      { id: 'd', customerId: 'K', time: T0 + 3, revenue: 1, campaignId: 'X' },
    ],
    costs: [{ campaignId: 'X', date: '2025-01-01', amount: 5 }],
  });
  assert.equal(ds.orders.length, 4);
  assert.deepEqual([...ds.orders.campaign.subarray(0, 4)], [-1, -1, -1, -1]);
  assert.deepEqual(
    ds.issues.map((i) => [i.collection, i.index, i.path, i.message]),
    [
      ['orders', 0, 'campaignId', '3 orders name unknown campaign X'],
      ['orders', 2, 'campaignId', '1 order names unknown campaign Y'],
      ['costs', 0, 'campaignId', '1 cost names unknown campaign X'],
    ],
  );
  // The campaign arrives later: its rows are attributed and the issue goes away.
  ds.append({ campaigns: [{ id: 'X', name: 'Late', start: '2025-01-01', end: '2025-01-31' }] });
  assert.deepEqual([...ds.orders.campaign.subarray(0, 4)], [2, 2, -1, 2]);
  assert.equal(ds.costs.campaign[0], 2);
  assert.deepEqual(
    ds.issues.map((i) => i.message),
    ['1 order names unknown campaign Y'],
  );
});

test('firstOrder: earliest time over the whole data set, ties broken by the smaller id', () => {
  const ds = createDataset({
    orders: [
      { id: 'O5', customerId: 'K1', time: T0 + 500, revenue: 1 },
      { id: 'O9', customerId: 'K1', time: T0 + 100, revenue: 1 },
      { id: 'O3', customerId: 'K1', time: T0 + 100, revenue: 1 },
      { id: 'O4', customerId: 'K1', time: T0 + 100, revenue: 1 },
      { id: 'Z', customerId: 'K2', time: T0 + 50, revenue: 1 },
    ],
  });
  assert.deepEqual([...ds.firstOrder], [2, 4]);
  // Append: an earlier order, then a tie with a smaller id, then a tie with a larger id.
  ds.append({ orders: [{ id: 'O8', customerId: 'K2', time: T0 + 10, revenue: 1 }] });
  assert.deepEqual([...ds.firstOrder], [2, 5]);
  ds.append({ orders: [{ id: 'O1', customerId: 'K1', time: T0 + 100, revenue: 1 }] });
  assert.deepEqual([...ds.firstOrder], [6, 5]);
  ds.append({
    orders: [
      { id: 'O2', customerId: 'K1', time: T0 + 100, revenue: 1 },
      { id: 'N', customerId: 'K3', time: T0 + 7, revenue: 1 },
    ],
  });
  assert.deepEqual([...ds.firstOrder], [6, 5, 8]);
  assert.equal(ds.firstOrder.length, ds.customers.size);
});

test('append: no rebuild, repeated ids reported not counted, version increases, issues indexed by arrival', () => {
  const ds = createDataset({
    campaigns,
    orders: [{ id: 'O1', customerId: 'K1', time: T0 + 0, revenue: 10, campaignId: 'C1' }],
  });
  const v0 = ds.version;
  const columnsBefore = ds.orders.revenue;
  const r = ds.append({
    orders: [
      { id: 'O1', customerId: 'K1', time: T0 + 0, revenue: 10, campaignId: 'C1' },
      { id: 'O2', customerId: 'K2', time: T0 + 1, revenue: 20, campaignId: 'C2', channel: 'app' },
      { id: 'O3', customerId: 'K2', time: T0 + 2, revenue: -20 },
    ],
    costs: [{ campaignId: 'C1', date: '2025-01-21', amount: 300 }],
  });
  assert.deepEqual(r.added, { campaigns: 0, orders: 1, costs: 1, exposures: 0, loyalty: 0 });
  assert.deepEqual(
    r.issues.map((i) => i.message),
    [
      'orders[1].id: duplicate order id "O1": the first one is kept',
      'orders[3].revenue: expected a number >= 0, got -20',
    ],
  );
  assert.equal(ds.version, v0 + 1);
  assert.equal(ds.orders.length, 2);
  assert.equal(ds.orders.revenue, columnsBefore, 'small appends write into the existing columns');
  assert.deepEqual([...ds.orders.revenue.subarray(0, 2)], [10, 20]);
  assert.equal(ds.costs.length, 1);
  assert.equal(ds.issues.length, 2);
  // Replaying the same batch (at-least-once delivery) changes nothing but the report.
  ds.append({ orders: [{ id: 'O2', customerId: 'K2', time: T0 + 1, revenue: 20 }] });
  assert.equal(ds.orders.length, 2);
});

test('append grows the columns when needed, keeping every row', () => {
  const ds = createDataset({ orders: [{ id: 'x', customerId: 'K', time: T0 + 0, revenue: 1 }] });
  for (let b = 0; b < 5; b++) {
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      id: `b${b}-${i}`,
      customerId: `K${i % 97}`,
      time: T0 + b * 1000 + i,
      revenue: i,
    }));
    ds.append({ orders: batch });
  }
  assert.equal(ds.orders.length, 5001);
  assert.equal(ds.orders.revenue[5000], 999);
  let sum = 0;
  for (let r = 0; r < ds.orders.length; r++) sum += ds.orders.revenue[r]!;
  assert.equal(sum, 1 + 5 * ((999 * 1000) / 2));
  assert.equal(ds.customers.size, 98);
});

test('builder: records added one at a time give the same dataset', () => {
  const b = createDatasetBuilder({ timeZone: 'UTC' });
  for (const c of campaigns) b.add('campaigns', c);
  b.add('orders', { id: 'a', customerId: 'K', time: T0 + 0, revenue: 1, campaignId: 'C2' });
  b.add('orders', { id: 'a', customerId: 'K', time: T0 + 0, revenue: 1 });
  const ds = b.finish();
  assert.equal(ds.orders.length, 1);
  assert.equal(ds.orders.campaign[0], 1);
  assert.equal(ds.issues.length, 1);
});

test('memory: held bytes per order stay under 60 for a realistic mix', () => {
  // 200k orders from 40k customers (5 orders each), ids of 11 characters.
  const n = 200_000;
  const orders = Array.from({ length: n }, (_, i) => ({
    id: `ORD-${1_000_000 + i}`,
    customerId: `CUS-${100_000 + (i % 40_000)}`,
    time: 1_735_689_600_000 + i * 60_000,
    revenue: 100 + (i % 50),
    channel: i % 2 ? 'web' : 'store',
  }));
  const ds = createDataset({ orders });
  assert.ok(ds.byteLength / n < 60, `${ds.byteLength / n} bytes per order`);
});
