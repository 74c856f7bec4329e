import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyMeasures, evaluateKpi, type Measures } from '../../src/engine/kpis.js';
import {
  BUILT_IN_KPIS,
  DEFAULT_BOARD_KPIS,
  getKpi,
  listKpis,
  registerKpi,
  unregisterKpi,
} from '../../src/engine/kpis/registry.js';

const SPEC_IDS = [
  'revenue',
  'orders',
  'buyers',
  'aov',
  'discountCost',
  'spend',
  'promoCost',
  'cogs',
  'grossProfit',
  'roi',
  'promoShare',
  'impressions',
  'reach',
  'clicks',
  'engagements',
  'ctr',
  'engagementRate',
  'conversionRate',
  'newCustomers',
  'cac',
  'repeatRate',
  'retentionRate',
  'cltv',
  'costPerReach',
  'costPerConversion',
  'pointsEarned',
  'pointsRedeemed',
  'redemptionRate',
  'budget',
  'budgetUsed',
  // Section 7.4.
  'members',
  'activeMembers',
  'memberRevenueShare',
  'memberAov',
  'nonMemberAov',
  'pointsOutstanding',
];

function measures(over: Partial<Measures>): Measures {
  return { ...emptyMeasures(10, 365), ...over };
}

test('the registry holds every KPI of the spec, in spec order, with en and vi labels', () => {
  assert.deepEqual(
    BUILT_IN_KPIS.map((d) => d.id),
    SPEC_IDS,
  );
  for (const d of BUILT_IN_KPIS) {
    assert.ok(d.label.en && d.label.vi && d.label.en !== '', d.id);
    assert.ok(d.description?.en && d.description.vi, d.id);
  }
  assert.equal(getKpi('cac')!.polarity, 'lower-is-better');
  assert.equal(getKpi('roi')!.unit, 'ratio');
});

test("the board's default tiles are distinct built-in KPIs", () => {
  assert.ok(DEFAULT_BOARD_KPIS.length > 0);
  assert.equal(new Set(DEFAULT_BOARD_KPIS).size, DEFAULT_BOARD_KPIS.length);
  for (const id of DEFAULT_BOARD_KPIS) assert.equal(getKpi(id)?.builtIn, true, id);
});

test('formulas over hand-computed measures', () => {
  const m = measures({
    revenue: 1000,
    orders: 4,
    buyers: 2,
    discountCost: 100,
    spend: 300,
    cogs: 400,
    allRevenue: 4000,
    impressions: 1000,
    reach: 500,
    clicks: 50,
    engagements: 25,
    exposureRecords: 3,
    newCustomers: 1,
    repeatBuyers: 1,
    retainedBuyers: 1,
    pointsEarned: 200,
    pointsRedeemed: 50,
    budget: 1000,
    budgetSpent: 250,
  });
  const v = (id: string) => evaluateKpi(getKpi(id)!, m);
  assert.equal(v('aov'), 250);
  assert.equal(v('promoCost'), 400);
  assert.equal(v('grossProfit'), 300); // 1000 - 400 - 300
  assert.equal(v('roi'), 0.75); // 300 / 400
  assert.equal(v('promoShare'), 0.25);
  assert.equal(v('ctr'), 0.05);
  assert.equal(v('engagementRate'), 0.05);
  assert.equal(v('conversionRate'), 0.004);
  assert.equal(v('cac'), 400);
  assert.equal(v('repeatRate'), 0.5);
  assert.equal(v('cltv'), 300 * 36.5); // ((1000-400)/2) * (365/10)
  assert.equal(v('costPerReach'), 0.8);
  assert.equal(v('costPerConversion'), 200);
  assert.equal(v('redemptionRate'), 0.25);
  assert.equal(v('budget'), 1000);
  assert.equal(v('budgetUsed'), 0.25);
});

test('loyalty formulas (KPI-SPEC 7.4) over hand-computed measures', () => {
  const m = measures({
    allRevenue: 4000,
    allOrders: 10,
    members: 7,
    activeMembers: 3,
    memberRevenue: 1000,
    memberOrders: 2,
    pointsOutstanding: 150,
  });
  const v = (id: string) => evaluateKpi(getKpi(id)!, m);
  assert.equal(v('members'), 7);
  assert.equal(v('activeMembers'), 3);
  assert.equal(v('memberRevenueShare'), 0.25); // 1000 / 4000
  assert.equal(v('memberAov'), 500); // 1000 / 2
  assert.equal(v('nonMemberAov'), 375); // (4000 - 1000) / (10 - 2)
  assert.equal(v('pointsOutstanding'), 150);
  // No orders of members, or only members: the other AOV has no data.
  assert.deepEqual(v('memberAov') && evaluateKpi(getKpi('memberAov')!, measures({ allRevenue: 5, allOrders: 1 })), {
    reason: 'no-data',
  });
  assert.deepEqual(
    evaluateKpi(getKpi('nonMemberAov')!, measures({ allRevenue: 5, allOrders: 1, memberRevenue: 5, memberOrders: 1 })),
    { reason: 'no-data' },
  );
  assert.deepEqual(evaluateKpi(getKpi('memberRevenueShare')!, measures({})), { reason: 'no-data' });
  for (const id of [
    'members',
    'activeMembers',
    'memberRevenueShare',
    'memberAov',
    'nonMemberAov',
    'pointsOutstanding',
  ]) {
    const d = getKpi(id)!;
    assert.ok(d.label.en && d.label.vi && d.description?.en && d.description.vi, id);
  }
  assert.equal(getKpi('memberRevenueShare')!.unit, 'ratio');
  assert.equal(getKpi('memberAov')!.unit, 'currency');
  assert.equal(getKpi('pointsOutstanding')!.unit, 'count');
});

test('reasons instead of NaN, Infinity or made-up zeros', () => {
  const empty = measures({});
  assert.deepEqual(evaluateKpi(getKpi('aov')!, empty), { reason: 'no-data' });
  assert.deepEqual(evaluateKpi(getKpi('ctr')!, empty), { reason: 'no-exposures' });
  assert.deepEqual(evaluateKpi(getKpi('reach')!, empty), { reason: 'no-exposures' });
  assert.deepEqual(evaluateKpi(getKpi('budget')!, empty), { reason: 'no-budget' });
  assert.deepEqual(evaluateKpi(getKpi('roi')!, measures({ revenue: 10, orders: 1, missingCogs: 1 })), {
    reason: 'missing-cogs',
  });
  assert.deepEqual(evaluateKpi(getKpi('ctr')!, measures({ exposureRecords: 1 })), { reason: 'no-data' });
  assert.equal(evaluateKpi(getKpi('revenue')!, empty), 0);
});

test('custom KPIs register, validate, evaluate and unregister', () => {
  registerKpi({
    id: 'giftCostPerOrder',
    label: { en: 'Gift cost per order', vi: 'Chi phí quà tặng mỗi đơn' },
    unit: 'currency',
    polarity: 'lower-is-better',
    measures: { giftCost: { collection: 'costs', value: (c) => (c.category === 'gift' ? c.amount : 0) } },
    compute: (m, f) => f.div(m.custom.giftCost ?? 0, m.orders),
  });
  assert.equal(listKpis().at(-1)!.id, 'giftCostPerOrder');
  assert.equal(evaluateKpi(getKpi('giftCostPerOrder')!, measures({ orders: 4, custom: { giftCost: 100 } })), 25);
  assert.throws(() => registerKpi({ ...getKpi('giftCostPerOrder')!, id: 'roi' }), /built-in/);
  assert.throws(() => registerKpi({ ...getKpi('giftCostPerOrder')!, id: '1bad' }), /id must match/);
  registerKpi({
    ...getKpi('giftCostPerOrder')!,
    id: 'throws',
    compute: () => {
      throw new Error('x');
    },
  });
  assert.deepEqual(evaluateKpi(getKpi('throws')!, measures({})), { reason: 'no-data' });
  assert.ok(unregisterKpi('giftCostPerOrder'));
  assert.ok(unregisterKpi('throws'));
  assert.equal(unregisterKpi('roi'), false);
  assert.equal(getKpi('giftCostPerOrder'), undefined);
});
