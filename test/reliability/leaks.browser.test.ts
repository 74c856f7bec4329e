/**
 * Leaks: the board mounted and unmounted 1 000 times, its data replaced 1 000 times, live
 * streams subscribed and unsubscribed, the worker started and stopped. Listeners,
 * ResizeObserver targets, Workers, intervals and timeouts are counted by wrapping those
 * APIs (resource-ledger.ts) and must come back to where they were. The heap is measured in
 * leaks-heap.test.ts, on a page without the ledger (its bookkeeping would weigh in).
 */
import { installLedger, snapshot, describeListeners, type ResourceCounts } from './resource-ledger.js';
installLedger();

import { expect } from '@open-wc/testing';
import type { PromoKpiBoard } from '../../src/elements/kpi-board/define.js';
import type { Adapter, AdapterUpdate, SubscribeContext } from '../../src/adapters/adapter.js';

// Import the kit after the ledger wraps the APIs.
await import('../../src/elements/kpi-board/define.js');
await import('../../src/elements/campaign-chart/define.js');
await import('../../src/elements/cohort-heatmap/define.js');

function data(seed: number) {
  return {
    campaigns: [
      { id: 'C1', name: 'Tết', start: '2026-11-01', end: '2026-11-30', budget: 1000 },
      { id: 'C2', name: 'Flash', start: '2026-11-01', end: '2026-11-30', budget: 500 },
    ],
    orders: Array.from({ length: 40 }, (_, i) => ({
      id: `o${seed}-${i}`,
      customerId: `K${i % 9}`,
      time: `2026-11-0${1 + (i % 7)}T10:00:00Z`,
      revenue: 100 + seed + i,
      cogs: 30,
      campaignId: i % 3 === 2 ? null : `C${1 + (i % 2)}`,
      channel: i % 2 ? 'web' : 'store',
    })),
    costs: [{ campaignId: 'C1', date: '2026-11-02', amount: 50 }],
  };
}

function newBoard(): PromoKpiBoard {
  const b = document.createElement('promo-kpi-board') as PromoKpiBoard;
  b.setAttribute('from', '2026-11-01');
  b.setAttribute('to', '2026-11-07');
  b.setAttribute('time-zone', 'UTC');
  b.setAttribute('worker', 'never');
  b.style.width = '900px';
  return b;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const settleTimers = () => new Promise((r) => setTimeout(r, 50));

/** Waits until every element under `root` (shadow trees included) has finished updating. */
async function settleTree(root: Element): Promise<void> {
  for (let pass = 0; pass < 5; pass++) {
    const pending: Promise<unknown>[] = [];
    const walk = (node: Element | ShadowRoot) => {
      for (const el of node.querySelectorAll('*')) {
        if ('updateComplete' in el)
          pending.push((el as unknown as { updateComplete: Promise<unknown> }).updateComplete);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if ('updateComplete' in root)
      pending.push((root as unknown as { updateComplete: Promise<unknown> }).updateComplete);
    if (root.shadowRoot) walk(root.shadowRoot);
    await Promise.all(pending);
    await frame();
    await settleTimers();
  }
}

function diff(a: ResourceCounts, b: ResourceCounts): Partial<ResourceCounts> {
  const out: Partial<ResourceCounts> = {};
  for (const k of Object.keys(a) as (keyof ResourceCounts)[]) if (b[k] !== a[k]) out[k] = b[k] - a[k];
  return out;
}

describe('leaks', function () {
  this.timeout(120_000);

  it('mounting and unmounting the board 1 000 times releases everything', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const input = data(0);
    // Warm up (module-level caches, first styles), then take the baseline.
    for (let i = 0; i < 5; i++) {
      const b = newBoard();
      b.data = input;
      host.append(b);
      await b.reportComplete();
      b.remove();
    }
    await settleTimers();
    const base = snapshot();
    let rendered = 0;
    for (let i = 0; i < 1000; i++) {
      const b = newBoard();
      b.data = input;
      host.append(b);
      // Every 50th board renders fully (report, every widget); the others unmount mid-way.
      if (i % 50 === 0) {
        await b.reportComplete();
        await frame();
        rendered += b.shadowRoot!.querySelectorAll('promo-kpi-tile').length > 0 ? 1 : 0;
      } else await b.updateComplete;
      b.remove();
    }
    await settleTimers();
    await frame();
    const end = snapshot();
    host.remove();
    expect(rendered).to.equal(20);
    expect(diff(base, end), 'live resources after 1 000 mounts').to.deep.equal({});
  });

  it('replacing the data 1 000 times keeps one set of resources', async () => {
    const b = newBoard();
    b.data = data(0);
    document.body.append(b);
    // The board in its steady state first: a few replacements, every widget rendered and its
    // on-demand parts loaded, so what is counted against is one full set of resources and a
    // leak shows as growth with the replacements.
    for (let i = 1; i <= 3; i++) {
      b.data = data(-i);
      await b.reportComplete();
    }
    await settleTree(b);
    const base = snapshot();
    let last = 0;
    for (let i = 1; i <= 1000; i++) {
      b.data = data(i);
      if (i % 25 === 0) {
        const r = await b.reportComplete();
        last = r!.kpis.orders!.value!;
      } else await b.updateComplete;
    }
    const r = await b.reportComplete();
    await settleTree(b);
    const end = snapshot();
    const live = describeListeners();
    // The last data is the one shown: 40 orders, 27 attributed in the period... computed from data(1000).
    const expected = data(1000)
      .orders.filter((o) => o.campaignId)
      .reduce((s, o) => s + o.revenue, 0);
    expect(r!.kpis.revenue!.value).to.equal(expected);
    expect(last).to.equal(r!.kpis.orders!.value);
    b.remove();
    expect(diff(base, end), `live resources after 1 000 replacements (listeners: ${live.join(', ')})`).to.deep.equal(
      {},
    );
  });

  it('live streams: 300 subscribe/unsubscribe cycles abort every subscription and release its timers', async () => {
    const started: AbortSignal[] = [];
    let pushed = 0;
    const adapter: Adapter = {
      load: async () => data(0),
      subscribe(onUpdate: (u: AdapterUpdate) => void, ctx: SubscribeContext) {
        started.push(ctx.signal);
        ctx.onStatus?.('open');
        const t = setInterval(() => {
          pushed++;
          onUpdate({
            type: 'append',
            records: {
              orders: [
                { id: `live-${pushed}`, customerId: 'L', time: '2026-11-03T00:00:00Z', revenue: 1, campaignId: 'C1' },
              ],
            },
          });
        }, 5);
        ctx.signal.addEventListener(
          'abort',
          () => {
            clearInterval(t);
            ctx.onStatus?.('closed');
          },
          { once: true },
        );
      },
    };
    const host = document.createElement('div');
    document.body.append(host);
    await settleTimers();
    const base = snapshot();
    for (let i = 0; i < 300; i++) {
      const b = newBoard();
      b.adapter = adapter;
      host.append(b);
      if (i % 30 === 0) {
        await b.reportComplete();
        await new Promise((r) => setTimeout(r, 30)); // a few live appends
      } else await b.updateComplete;
      // Also re-subscribing on the same board: a new source aborts the previous stream.
      if (i % 10 === 0) {
        b.adapter = { ...adapter };
        await b.updateComplete;
      }
      b.remove();
    }
    await new Promise((r) => setTimeout(r, 100));
    const end = snapshot();
    host.remove();
    expect(started.length).to.be.greaterThan(0);
    expect(started.filter((s) => !s.aborted).length, 'subscriptions still open').to.equal(0);
    expect(pushed).to.be.greaterThan(0);
    expect(diff(base, end), `live resources after the streams: ${describeListeners().join(', ')}`).to.deep.equal({});
  });

  it('the report worker: 20 boards computing in a worker, every worker terminated', async () => {
    const base = snapshot();
    let made = 0;
    const RealWorker = window.Worker;
    const counting = class extends RealWorker {
      constructor(url: string | URL, o?: WorkerOptions) {
        super(url, o);
        made++;
      }
    };
    window.Worker = counting;
    try {
      for (let i = 0; i < 20; i++) {
        const b = newBoard();
        b.setAttribute('worker', 'always');
        b.data = data(i);
        document.body.append(b);
        const r = await b.reportComplete();
        expect(r?.kpis.orders?.value).to.be.greaterThan(0);
        b.remove();
      }
    } finally {
      window.Worker = RealWorker;
    }
    await settleTimers();
    expect(made, 'the worker was used').to.equal(20);
    expect(diff(base, snapshot())).to.deep.equal({});
  });
});
