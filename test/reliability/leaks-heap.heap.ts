/**
 * A memory benchmark, run by `npm run bench heap` (not by `npm test`: heap figures drift by
 * megabytes with the load of a shared machine). The deterministic leak checks (listeners,
 * observers, workers, timers back to baseline) are in leaks.test.ts and run in every test run.
 *
 * Heap after a full GC (Chromium: performance.memory with --enable-precise-memory-info, gc()
 * from --js-flags=--expose-gc, both in web-test-runner.config.mjs): mounting the board,
 * replacing its data and streaming into it must not grow the heap with the number of cycles.
 * Five equal batches; the heap after the last ones must not exceed the heap after the first
 * ones by more than a small allowance (keeping one board's data per cycle would add
 * megabytes: 200 orders, their dataset and report).
 */
import { expect } from '@open-wc/testing';
import '../../src/elements/kpi-board/define.js';
import '../../src/elements/campaign-chart/define.js';
import '../../src/elements/cohort-heatmap/define.js';
import type { PromoKpiBoard } from '../../src/elements/kpi-board/define.js';
import type { Adapter, AdapterUpdate, SubscribeContext } from '../../src/adapters/adapter.js';
import { heapAfterGc } from './resource-ledger.js';

const MB = 1024 * 1024;

function data(seed: number) {
  return {
    campaigns: [
      { id: 'C1', name: 'Tết', start: '2026-11-01', end: '2026-11-30', budget: 1000 },
      { id: 'C2', name: 'Flash', start: '2026-11-01', end: '2026-11-30', budget: 500 },
    ],
    orders: Array.from({ length: 200 }, (_, i) => ({
      id: `o${seed}-${i}`,
      customerId: `K${seed}-${i % 50}`,
      time: `2026-11-0${1 + (i % 7)}T10:00:00Z`,
      revenue: 100 + seed + i,
      cogs: 30,
      campaignId: i % 3 === 2 ? null : `C${1 + (i % 2)}`,
      channel: i % 2 ? 'web' : 'store',
    })),
  };
}

function newBoard(): PromoKpiBoard {
  const b = document.createElement('promo-kpi-board') as PromoKpiBoard;
  for (const [k, v] of [
    ['from', '2026-11-01'],
    ['to', '2026-11-07'],
    ['time-zone', 'UTC'],
    ['worker', 'never'],
  ])
    b.setAttribute(k, v!);
  return b;
}

/**
 * Runs `batch` five times with the heap measured after each (after a full GC), and returns
 * how much the lowest of the last two measures exceeds the lowest of the first two, in MB.
 * The heap after a GC still wanders by a few MB between batches (compiled code, caches);
 * the minimum of two filters that out, while a leak adds up batch after batch.
 */
async function growth(batch: () => Promise<void>): Promise<number | null> {
  const h: number[] = [];
  for (let i = 0; i < 5; i++) {
    await batch();
    const m = await heapAfterGc();
    if (m === null) return null;
    h.push(m);
  }
  console.info(`heap after each batch, MB: ${h.map((x) => (x / MB).toFixed(1)).join(' ')}`);
  return (Math.min(h[3]!, h[4]!) - Math.min(h[0]!, h[1]!)) / MB;
}

describe('heap', function () {
  this.timeout(120_000);

  before(function () {
    if (!(globalThis as { gc?: unknown }).gc) this.skip();
  });

  it('mounting and unmounting the board: flat heap', async () => {
    const input = data(0);
    const g = await growth(async () => {
      for (let i = 0; i < 120; i++) {
        const b = newBoard();
        b.data = input;
        document.body.append(b);
        if (i % 30 === 0) await b.reportComplete();
        else await b.updateComplete;
        b.remove();
      }
    });
    expect(g, 'MB added by 360 more mounts').to.be.below(2);
  });

  it('replacing the data: flat heap', async () => {
    const b = newBoard();
    document.body.append(b);
    let seed = 0;
    const g = await growth(async () => {
      for (let i = 0; i < 120; i++) {
        b.data = data(seed++);
        if (i % 30 === 0) await b.reportComplete();
        else await b.updateComplete;
      }
      await b.reportComplete();
    });
    b.remove();
    // Each data set is ~200 orders: keeping them would add several MB per batch.
    expect(g, 'MB added by 360 more replacements').to.be.below(2);
  });

  it('streams subscribed and unsubscribed: flat heap', async () => {
    let n = 0;
    const adapter: Adapter = {
      load: async () => data(0),
      subscribe(onUpdate: (u: AdapterUpdate) => void, ctx: SubscribeContext) {
        const t = setInterval(
          () =>
            onUpdate({
              type: 'append',
              records: {
                orders: [
                  { id: `l${n++}`, customerId: 'L', time: '2026-11-03T00:00:00Z', revenue: 1, campaignId: 'C1' },
                ],
              },
            }),
          2,
        );
        ctx.signal.addEventListener('abort', () => clearInterval(t), { once: true });
      },
    };
    const g = await growth(async () => {
      for (let i = 0; i < 40; i++) {
        const b = newBoard();
        b.adapter = adapter;
        document.body.append(b);
        await b.reportComplete();
        await new Promise((r) => setTimeout(r, 10));
        b.remove();
      }
    });
    expect(n).to.be.greaterThan(0);
    expect(g, 'MB added by 120 more streams').to.be.below(2);
  });
});
