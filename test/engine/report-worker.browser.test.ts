/**
 * Reports computed in a Web Worker (Chromium): same report as in the page, live appends,
 * custom KPIs registered by module URL, and a page that keeps running while it works.
 */
import { expect } from '@open-wc/testing';
import { createReportWorker, computeReportInWorker } from '../../src/engine/report-worker.js';
import { computeReport } from '../../src/engine/report.js';
import type { DataInput } from '../../src/data/records.js';

const workerUrl = new URL('../../src/engine/worker.ts', import.meta.url);
const kpiModule = new URL('./fixtures/gift-kpi.ts', import.meta.url);

const input = {
  campaigns: [
    { id: 'C1', name: 'Tết', start: '2025-03-01', end: '2025-03-10', budget: 1000 },
    { id: 'C2', name: 'Gift', start: '2025-03-01', end: '2025-03-31' },
  ],
  orders: [
    {
      id: 'o1',
      customerId: 'a',
      time: '2025-03-01T10:00:00',
      revenue: 100,
      discount: 10,
      cogs: 60,
      campaignId: 'C1',
      channel: 'web',
    },
    {
      id: 'o2',
      customerId: 'a',
      time: '2025-03-03T09:00:00',
      revenue: 50,
      discount: 5,
      cogs: 30,
      campaignId: 'C1',
      channel: 'store',
    },
    {
      id: 'o3',
      customerId: 'b',
      time: '2025-03-02T12:00:00',
      revenue: 200,
      discount: 20,
      cogs: 120,
      campaignId: 'C2',
      channel: 'web',
    },
  ],
  costs: [
    { campaignId: 'C1', date: '2025-03-01', amount: 100, category: 'media' },
    { campaignId: 'C2', date: '2025-03-02', amount: 30, category: 'gift' },
  ],
} as unknown as DataInput;
const options = { from: '2025-03-01', to: '2025-03-10', timeZone: 'Asia/Ho_Chi_Minh' };

describe('report worker', () => {
  it('gives the same report as the page, then updates after an append', async () => {
    const w = createReportWorker({ url: workerUrl });
    try {
      const loaded = await w.load(input, { timeZone: options.timeZone });
      expect(loaded.orders).to.equal(3);
      const r = await w.report(options);
      expect(r).to.deep.equal(computeReport(input as never, options));
      // 100 + 50 + 200 = 350.
      expect(r.kpis.revenue!.value).to.equal(350);
      await w.append({
        orders: [
          {
            id: 'o4',
            customerId: 'c',
            time: '2025-03-05T08:00:00',
            revenue: 40,
            cogs: 20,
            campaignId: 'C1',
            channel: 'app',
          },
        ],
      } as never);
      const r2 = await w.report(options);
      // 350 + 40 = 390; buyers a, b, c.
      expect(r2.kpis.revenue!.value).to.equal(390);
      expect(r2.kpis.buyers!.value).to.equal(3);
    } finally {
      w.terminate();
    }
  });

  it("answers a segment's customer ids over its dataset, as segmentCustomers in the page", async () => {
    const w = createReportWorker({ url: workerUrl });
    try {
      // Orders before the period: b on 02-25 (3 days before the base day 02-28), c on 02-10 (18 days).
      const before = [
        { id: 'p1', customerId: 'b', time: '2025-02-25T09:00:00', revenue: 5, channel: 'web' },
        { id: 'p2', customerId: 'c', time: '2025-02-10T09:00:00', revenue: 5, channel: 'web' },
      ];
      const data = { ...input, orders: [...(input.orders as unknown[]), ...before] } as unknown as DataInput;
      await w.load(data, { timeZone: options.timeZone });
      const ask = (segment: string, of: 'recency' | 'reactivation' | 'returned') =>
        w.segmentCustomers(options, { segment, of });
      // b returned in P (o3); c did not order in P.
      expect(await ask('0-7', 'reactivation')).to.deep.equal(['b']);
      expect(await ask('0-7', 'returned')).to.deep.equal(['b']);
      expect(await ask('15-28', 'reactivation')).to.deep.equal(['c']);
      expect(await ask('15-28', 'returned')).to.deep.equal([]);
      // As of 03-10: a (03-03, 7 days) in 0-7, b (03-02, 8 days) in 8-14; c (02-10) 28 days.
      expect(await ask('0-7', 'recency')).to.deep.equal(['a']);
      expect(await ask('8-14', 'recency')).to.deep.equal(['b']);
      expect(await ask('15-28', 'recency')).to.deep.equal(['c']);
      const { segmentCustomers } = await import('../../src/engine/segments.js');
      expect(await ask('0-7', 'recency')).to.deep.equal(
        segmentCustomers(data as never, options, { segment: '0-7', of: 'recency' }),
      );
      // An unknown segment rejects with the valid ones.
      let error: unknown = null;
      await ask('9-9', 'recency').catch((e: unknown) => (error = e));
      expect(String(error)).to.match(/0-7, 8-14, 15-28, 29\+/);
      // The report API is unchanged alongside.
      expect((await w.report(options)).kpis.revenue!.value).to.equal(350);
    } finally {
      w.terminate();
    }
  });

  it('computes custom KPIs registered by a module URL', async () => {
    const r = await computeReportInWorker(input, options, { url: workerUrl, kpiModules: [kpiModule] });
    // gift costs 30 over 3 orders = 10; C2: 30 / 1 = 30; C1: 0 / 2 = 0.
    // P' (02-19 .. 02-28) has no order: 0 / 0 is no-data, so previous is null.
    expect(r.kpis.giftCostPerOrder).to.deep.equal({ value: 10, previous: null, delta: null, change: null });
    expect(r.kpis.giftCostPerOrder!.value).to.equal(10);
    expect(r.byCampaign.C2!.giftCostPerOrder!.value).to.equal(30);
    expect(r.byCampaign.C1!.giftCostPerOrder!.value).to.equal(0);
  });

  it('keeps the page responsive while a large report is computed', async () => {
    const orders = [];
    for (let i = 0; i < 200_000; i++)
      orders.push({
        id: `x${i}`,
        customerId: `u${i % 40_000}`,
        time: 1_740_787_200_000 + (i % 30) * 86_400_000 + i,
        revenue: 100,
        campaignId: i % 2 ? 'C1' : 'C2',
      });
    const w = createReportWorker({ url: workerUrl });
    try {
      await w.load({ ...input, orders } as never, { timeZone: 'UTC' });
      let ticks = 0;
      let longest = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        ticks++;
      }, 5);
      const r = await w.report({ from: '2025-03-01', to: '2025-03-30', timeZone: 'UTC', cohortGrain: 'week' });
      clearInterval(timer);
      expect(r.kpis.orders!.value).to.equal(200_000);
      // The page's timers kept firing while the worker aggregated.
      expect(ticks).to.be.greaterThan(0);
      expect(longest).to.be.lessThan(250);
    } finally {
      w.terminate();
    }
  });

  it('rejects pending requests when the worker script cannot start', async () => {
    const w = createReportWorker({ url: new URL('./no-such-worker.js', import.meta.url) });
    let error: unknown = null;
    try {
      await w.report(options);
    } catch (e) {
      error = e;
    }
    w.terminate();
    expect(String(error)).to.match(/worker/);
  });
});
