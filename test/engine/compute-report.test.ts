/**
 * computeReport from the plain input of KPI-SPEC section 1 and from `createDataset`
 * datasets (validation issues, zones, live append).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDataset } from '../../src/data/dataset.js';
import { aggregateMode } from '../../src/engine/aggregation/internal.js';
import { computeReport } from '../../src/engine/report.js';
import { datasetReport } from '../../src/engine/compute.js';
import { base } from './fixtures.js';
import { miniDataset } from './mini-dataset.js';

const P = { from: '2025-03-01', to: '2025-03-10' };
const named = {
  ...base,
  campaigns: base.campaigns!.map((c) => ({ ...c, name: `Campaign ${c.id}` })),
};

test('plain input: same numbers as the dataset contract, plus validation issues', () => {
  const r = computeReport(named as never, P);
  const expected = datasetReport(miniDataset(base), P);
  assert.deepEqual(r.kpis, expected.kpis);
  assert.deepEqual(r.byCampaign, expected.byCampaign);
  assert.deepEqual(r.daily, expected.daily);
  assert.deepEqual(r.cohorts, expected.cohorts);
  assert.deepEqual(r.recency, expected.recency);
  assert.deepEqual(r.pacing, expected.pacing);
  // o7 names campaign ZZ: it stays in O (promoShare 390 / 490) and is reported.
  assert.ok(
    r.issues.some((i) => i.collection === 'orders' && /ZZ/.test(i.message)),
    JSON.stringify(r.issues),
  );
});

test('plain input: a bad record is left out and reported; the rest is computed', () => {
  const r = computeReport(
    {
      ...named,
      orders: [
        ...named.orders!,
        { id: 'bad', customerId: 'z', time: '2025-03-02T10:00:00Z', revenue: '12,5', campaignId: 'C1' },
      ],
    } as never,
    P,
  );
  assert.equal(r.kpis.revenue!.value, 390);
  assert.ok(r.issues.some((i) => i.collection === 'orders' && i.path.includes('revenue')));
});

test('plain input is read in options.timeZone', () => {
  // o5 at 2025-03-04T00:00:00Z is 03-04 07:00 in Ho Chi Minh City; o4 02-25 12:00Z is 19:00 local: same days.
  // o1 at 03-01 10:00Z = 17:00 local. Build a case where the zone moves an order across midnight:
  const input = {
    campaigns: [{ id: 'C', name: 'C', start: '2025-03-01', end: '2025-03-02' }],
    orders: [{ id: 'x', customerId: 'u', time: '2025-03-01T20:00:00Z', revenue: 10, campaignId: 'C' }],
  };
  // 20:00Z on 03-01 is 03-02 03:00 at +07:00.
  const vn = computeReport(input as never, { from: '2025-03-01', to: '2025-03-02', timeZone: 'Asia/Ho_Chi_Minh' });
  assert.deepEqual(
    vn.daily.map((d) => d.revenue),
    [0, 10],
  );
  const utc = computeReport(input as never, { from: '2025-03-01', to: '2025-03-02' });
  assert.deepEqual(
    utc.daily.map((d) => d.revenue),
    [10, 0],
  );
});

test('createDataset + append: the next report is incremental and equal to a full recompute', () => {
  const ds = createDataset(named as never, { timeZone: 'UTC' });
  const first = computeReport(ds, P);
  assert.equal(first.kpis.revenue!.value, 390);
  ds.append({
    orders: [
      // A repeat id is reported, not counted.
      { id: 'o1', customerId: 'a', time: '2025-03-01T10:00:00Z', revenue: 100, campaignId: 'C1' },
      // c returns on 03-08 (C2, store): +25 revenue, c is now retained and a C2 buyer.
      {
        id: 'o8',
        customerId: 'c',
        time: '2025-03-08T10:00:00Z',
        revenue: 25,
        cogs: 5,
        campaignId: 'C2',
        channel: 'store',
      },
    ],
  } as never);
  const next = computeReport(ds, P);
  assert.equal(aggregateMode(ds), 'incremental');
  // 390 + 25 = 415; buyers still {a, b, c}; retention: a and c now return: 2 / 3.
  assert.equal(next.kpis.revenue!.value, 415);
  assert.equal(next.kpis.buyers!.value, 3);
  assert.equal(next.kpis.retentionRate!.value, 2 / 3);
  assert.ok(next.issues.some((i) => /o1|duplicate|repeat/i.test(`${i.id} ${i.message}`)));
  assert.deepEqual(next, computeReport(ds, { ...P, cache: false }));
});

test('a dataset built in another zone keeps its zone; an options issue says so', () => {
  const ds = createDataset(named as never, { timeZone: 'Asia/Ho_Chi_Minh' });
  const r = computeReport(ds, { ...P, timeZone: 'UTC' });
  const tz = r.issues.filter((i) => i.collection === 'options');
  assert.equal(tz.length, 1);
  assert.equal(tz[0]!.path, 'timeZone');
});

test('never throws: garbage in, issues out', () => {
  const r = computeReport(42 as never, null as never);
  assert.ok(r.issues.length > 0);
  assert.ok(Array.isArray(r.daily));
});

test('createDataset ties in first orders: the smaller id is the first order', () => {
  const at = '2025-03-02T08:00:00Z';
  const make = (attributed: string, other: string) =>
    computeReport(
      {
        campaigns: [{ id: 'C1', name: 'C1', start: '2025-03-01', end: '2025-03-10' }],
        orders: [
          { id: other, customerId: 'x', time: at, revenue: 10 },
          { id: attributed, customerId: 'x', time: at, revenue: 20, campaignId: 'C1' },
        ],
      } as never,
      P,
    );
  // 'a' < 'b': the attributed order is first -> 1 new customer, cac (0 + 0) / 1 = 0.
  assert.equal(make('a', 'b').kpis.newCustomers!.value, 1);
  // 'b' > 'a': the unattributed order is first -> 0 new customers, cac no-data.
  const r = make('b', 'a');
  assert.equal(r.kpis.newCustomers!.value, 0);
  assert.equal(r.kpis.cac!.reason, 'no-data');
});
