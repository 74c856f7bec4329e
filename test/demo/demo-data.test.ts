/** The demo generator: deterministic, realistic in shape, valid per the spec, fast. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createOrderStream,
  generateDemoData,
  DEMO_CATEGORIES,
  DEMO_CHANNELS,
  DEMO_LOYALTY_CHANNELS,
  DEMO_REGIONS,
  DEMO_STORES,
  DEMO_TIME_ZONE,
  type DemoData,
} from '../../demo/generate.js';
import { createDataset } from '../../src/data/dataset.js';
import { computeReport } from '../../src/engine/report.js';

describe('demo data', () => {
  // CPU time, not wall time: the machine running the tests may be busy with other work.
  const cpu0 = process.cpuUsage();
  const data = generateDemoData();
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;

  it('is generated in under two seconds of CPU time', () => {
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });

  it('is the same for the same seed, and differs for another', () => {
    const again = generateDemoData();
    assert.equal(again.orders.length, data.orders.length);
    assert.deepEqual(again.orders.slice(-3), data.orders.slice(-3));
    assert.deepEqual(again.costs, data.costs);
    const other = generateDemoData({ seed: 7 });
    assert.notDeepEqual(other.orders.slice(0, 50), data.orders.slice(0, 50));
  });

  it('is valid input: the dataset reports no issue', () => {
    const ds = createDataset(data, { timeZone: DEMO_TIME_ZONE });
    assert.deepEqual(ds.issues, []);
    assert.equal(ds.orders.length, data.orders.length);
  });

  it('looks like a Vietnamese retailer: ~200k orders over 2024 and 2025, VND amounts, +07:00 times, five channels', () => {
    assert.ok(data.orders.length > 190_000 && data.orders.length < 215_000, String(data.orders.length));
    assert.ok(data.orders.every((o) => /^202[45]-/.test(o.time) && o.time.endsWith('+07:00')));
    const y2024 = data.orders.filter((o) => o.time.startsWith('2024-')).length;
    const y2025 = data.orders.length - y2024;
    // The business grows: last year a little smaller than this one.
    assert.ok(y2024 > 0.7 * y2025 && y2024 < 0.9 * y2025, `${y2024} orders in 2024, ${y2025} in 2025`);
    assert.ok(
      data.orders.every((o) => Number.isInteger(o.revenue / 1000)),
      'amounts in whole thousands of đồng',
    );
    assert.deepEqual([...new Set(data.orders.map((o) => o.channel))].sort(), [...DEMO_CHANNELS].sort());
    const unattributed = data.orders.filter((o) => o.campaignId === null).length;
    assert.ok(unattributed > data.orders.length * 0.5, 'most orders have no campaign');
    assert.ok(data.costs.length > 0 && data.exposures.length > 0 && data.loyalty.length > 0);
  });

  it('runs the Tết sale, 11.11 and 12.12 flash sales, buy-one-get-one and double points, with budgets, each year', () => {
    const byId = Object.fromEntries(data.campaigns.map((c) => [c.id, c]));
    assert.equal(byId['FLASH-1111']!.start, '2025-11-11');
    assert.equal(byId['FLASH-1111']!.end, '2025-11-11');
    assert.equal(byId['FLASH-1212']!.start, '2025-12-12');
    assert.equal(byId['FLASH-1111-2024']!.start, '2024-11-11');
    assert.match(byId['TET']!.name, /Tết Sale 2025/);
    assert.match(byId['TET-2024']!.name, /Tết Sale 2024/);
    assert.match(byId['BOGO-2024']!.name, /\(2024\)$/);
    // The Tết sale follows the lunar calendar: the three weeks before Tết (29 Jan 2025, 10 Feb 2024).
    assert.deepEqual([byId['TET']!.start, byId['TET']!.end], ['2025-01-06', '2025-01-27']);
    assert.deepEqual([byId['TET-2024']!.start, byId['TET-2024']!.end], ['2024-01-18', '2024-02-08']);
    assert.equal(byId['BOGO']!.type, 'bundle');
    assert.equal(byId['LOYALTY-X2']!.type, 'points');
    assert.equal(data.campaigns.length, 18);
    assert.ok(data.campaigns.every((c) => (c.budget ?? 0) > 0));
    // 11.11 sells several times an ordinary day.
    const day = (d: string) => data.orders.filter((o) => o.time.startsWith(d)).length;
    assert.ok(day('2025-11-11') > 3 * day('2025-11-04'));
    assert.ok(day('2024-11-11') > 3 * day('2024-11-04'));
  });

  it("the same dates a year earlier differ: this year's Tết sale against the start of last year's", () => {
    const revenue = (from: string, to: string, campaignId?: string) =>
      data.orders
        .filter((o) => o.time.slice(0, 10) >= from && o.time.slice(0, 10) <= to)
        .filter((o) => campaignId === undefined || o.campaignId === campaignId)
        .reduce((s, o) => s + o.revenue, 0);
    const now = revenue('2025-01-06', '2025-01-27');
    const before = revenue('2024-01-06', '2024-01-27');
    assert.ok(before > 0 && now > 1.4 * before, `${now} against ${before}`);
    // Last year's sale had begun by then: some of those dates' orders are its own.
    assert.ok(revenue('2024-01-06', '2024-01-27', 'TET-2024') > 0);
    assert.equal(revenue('2024-01-06', '2024-01-17', 'TET-2024'), 0);
  });

  it('orders name their region and category, and in-store orders their store; stores belong to one region', () => {
    const regionOf = new Map(DEMO_STORES.map((s) => [s.id, s.region]));
    const stores = new Map<string, number>();
    for (const o of data.orders) {
      const a = o.attributes;
      assert.ok((DEMO_REGIONS as readonly string[]).includes(a.region), a.region);
      assert.ok((DEMO_CATEGORIES as readonly string[]).includes(a.category), a.category);
      if (o.channel === 'store') assert.ok(a.store, `${o.id} in store without a store`);
      if (a.store) {
        assert.match(a.store, /^[A-Z][A-Z0-9]-\d\d$/);
        assert.equal(regionOf.get(a.store), a.region, `${o.id}: ${a.store} is not in ${a.region}`);
        assert.ok(o.channel === 'store' || o.channel === 'app', `${o.id}: a store on a ${o.channel} order`);
        stores.set(a.store, (stores.get(a.store) ?? 0) + 1);
      }
    }
    assert.deepEqual([...stores.keys()].sort(), DEMO_STORES.map((s) => s.id).sort());
    assert.ok(DEMO_STORES.filter((s) => s.region === 'HCM').length >= 5);
    // The store that opens in the year has no order before it opens.
    const opening = DEMO_STORES.find((s) => s.opens)!;
    const first = data.orders.find((o) => o.attributes.store === opening.id)!;
    assert.ok(first.time.slice(5, 10) >= opening.opens! && first.time.startsWith('2025-'), first.time);
    // Each customer lives in one region.
    const home = new Map<string, string>();
    for (const o of data.orders) {
      const h = home.get(o.customerId);
      if (h === undefined) home.set(o.customerId, o.attributes.region);
      else assert.equal(h, o.attributes.region);
    }
  });

  it("loyalty: members earn and redeem points across channels; members' baskets are larger; no balance below zero", () => {
    const channels = new Set(data.loyalty.map((l) => l.channel));
    assert.deepEqual([...channels].sort(), [...DEMO_LOYALTY_CHANNELS].sort());
    const members = new Set(data.loyalty.map((l) => l.customerId));
    const customers = new Set(data.orders.map((o) => o.customerId));
    const share = members.size / customers.size;
    assert.ok(share > 0.3 && share < 0.6, `members: ${(share * 100).toFixed(1)} % of customers`);
    assert.ok(data.loyalty.some((l) => l.redeemed > 0) && data.loyalty.some((l) => l.earned > 0));
    const balance = new Map<string, number>();
    for (const l of data.loyalty) balance.set(l.customerId, (balance.get(l.customerId) ?? 0) + l.earned - l.redeemed);
    assert.ok([...balance.values()].every((b) => b >= 0));
    const aov = (member: boolean) => {
      const list = data.orders.filter((o) => members.has(o.customerId) === member);
      return list.reduce((s, o) => s + o.revenue, 0) / list.length;
    };
    assert.ok(aov(true) > 1.05 * aov(false), `${aov(true)} against ${aov(false)}`);
    // Some members join during the double-points campaign, after their first order.
    const firstOrder = new Map<string, string>();
    for (const o of data.orders) if (!firstOrder.has(o.customerId)) firstOrder.set(o.customerId, o.time);
    const joined = new Map<string, string>();
    for (const l of data.loyalty) if (!joined.has(l.customerId)) joined.set(l.customerId, l.time);
    const late = [...joined].filter(([c, t]) => t > firstOrder.get(c)!);
    assert.ok(late.length > 500, `${late.length} members joined after their first order`);
    assert.ok(
      late.every(([, t]) => (t >= '2024-03-01' && t < '2024-05-01') || (t >= '2025-03-01' && t < '2025-05-01')),
    );
  });

  it('re-activation: every 7/14/28-day segment holds customers, the recent return most, campaigns bring lapsed ones back', () => {
    const rates = (d: DemoData, from: string, to: string) => {
      const base = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const last = new Map<string, string>();
      const back = new Set<string>();
      for (const o of d.orders) {
        const day = o.time.slice(0, 10);
        if (day <= base) {
          if ((last.get(o.customerId) ?? '') < day) last.set(o.customerId, day);
        } else if (day <= to) back.add(o.customerId);
      }
      const segments = [0, 0, 0, 0];
      const returned = [0, 0, 0, 0];
      for (const [c, day] of last) {
        const days = (Date.parse(base) - Date.parse(day)) / 86_400_000;
        const s = days <= 7 ? 0 : days <= 14 ? 1 : days <= 28 ? 2 : 3;
        segments[s]!++;
        if (back.has(c)) returned[s]!++;
      }
      return { segments, rates: returned.map((r, i) => r / segments[i]!) };
    };
    const tet = rates(data, '2025-01-06', '2025-01-27');
    const quiet = rates(data, '2025-07-01', '2025-07-21');
    for (const r of [tet, quiet]) {
      assert.ok(
        r.segments.every((n) => n >= 500),
        r.segments.join(','),
      );
      assert.ok(r.rates[0]! > r.rates[1]! && r.rates[1]! > r.rates[2]! && r.rates[2]! > r.rates[3]!, r.rates.join(','));
      assert.ok(r.rates[3]! > 0.01, 'lapsed customers come back too');
    }
    // The Tết sale brings back more of the lapsed (29+ days) than three quiet weeks of July.
    assert.ok(tet.rates[3]! > 2 * quiet.rates[3]!, `${tet.rates[3]} against ${quiet.rates[3]}`);
  });

  it("the engine over it: this Tết against last year's, a region's stores, every segment, the loyalty panel", () => {
    const ds = createDataset(data, { timeZone: DEMO_TIME_ZONE });
    const r = computeReport(ds, {
      from: '2025-01-06',
      to: '2025-01-27',
      timeZone: DEMO_TIME_ZONE,
      compare: 'year',
      breakdowns: ['store', 'category'],
      filters: { region: ['HCM'] },
    });
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.previous, { from: '2024-01-06', to: '2024-01-27' });
    const revenue = r.kpis.revenue!;
    assert.ok(revenue.previous! > 0 && revenue.change! > 0, JSON.stringify(revenue));
    const hcm = DEMO_STORES.filter((s) => s.region === 'HCM' && !s.opens).map((s) => s.id);
    assert.deepEqual(Object.keys(r.byAttribute!.store!).sort(), hcm.sort());
    assert.deepEqual(Object.keys(r.byAttribute!.category!).sort(), [...DEMO_CATEGORIES].sort());
    assert.deepEqual(
      r.reactivation.map((row) => row.segment),
      ['0-7', '8-14', '15-28', '29+'],
    );
    assert.ok(
      r.reactivation.every((row) => row.customers >= 500 && row.returned > 0),
      JSON.stringify(r.reactivation),
    );
    for (const kpi of [
      'members',
      'activeMembers',
      'memberRevenueShare',
      'memberAov',
      'nonMemberAov',
      'pointsOutstanding',
    ])
      assert.ok(r.kpis[kpi]!.value! > 0, `${kpi}: ${JSON.stringify(r.kpis[kpi])}`);
    assert.ok(r.kpis.memberAov!.value! > r.kpis.nonMemberAov!.value!);
    assert.deepEqual(Object.keys(r.loyaltyByChannel).sort(), [...DEMO_LOYALTY_CHANNELS].sort());
  });

  it('streams new orders that continue the ids and append cleanly', () => {
    const ds = createDataset(data, { timeZone: DEMO_TIME_ZONE });
    const stream = createOrderStream(data);
    const batch = stream.next(20);
    assert.equal(batch.orders[0]!.id, `DH${String(data.orders.length + 1).padStart(7, '0')}`);
    const r = ds.append(batch);
    assert.equal(r.added.orders, 20);
    assert.deepEqual(r.issues, []);
    assert.ok(batch.orders.every((o) => o.attributes.region && o.attributes.category));
    // The stream knows the members: their orders earn points, and nobody redeems more than they hold.
    const more = stream.next(400);
    const members = new Set(data.loyalty.map((l) => l.customerId));
    const known = more.loyalty.filter((l) => members.has(l.customerId));
    assert.ok(known.length > 20, `${known.length} events of earlier members`);
    // New members join with a welcome event first.
    for (const l of more.loyalty)
      if (!members.has(l.customerId)) {
        assert.equal(l.earned, 100);
        members.add(l.customerId);
      }
    const balance = new Map<string, number>();
    for (const l of [...data.loyalty, ...more.loyalty])
      balance.set(l.customerId, (balance.get(l.customerId) ?? 0) + l.earned - l.redeemed);
    assert.ok([...balance.values()].every((b) => b >= 0));
  });
});
