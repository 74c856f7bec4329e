/**
 * The page of scripts/bench/heap-snapshot.mjs (bundled by esbuild): `window.heapCycles(kind, n)`
 * runs n cycles of one scenario of test/reliability/leaks-heap.heap.ts.
 */
import '../../src/elements/kpi-board/define.js';
import '../../src/elements/campaign-chart/define.js';
import '../../src/elements/cohort-heatmap/define.js';
import type { PromoKpiBoard } from '../../src/elements/kpi-board/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';

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
  b.setAttribute('from', '2026-11-01');
  b.setAttribute('to', '2026-11-07');
  b.setAttribute('time-zone', 'UTC');
  b.setAttribute('worker', 'never');
  return b;
}

const input = data(0);
let seed = 0;
let streamed = 0;
let fixed: PromoKpiBoard | null = null;
const adapter: Adapter = {
  load: async () => data(0),
  subscribe(onUpdate, ctx) {
    const t = setInterval(
      () =>
        onUpdate({
          type: 'append',
          records: {
            orders: [
              { id: `l${streamed++}`, customerId: 'L', time: '2026-11-03T00:00:00Z', revenue: 1, campaignId: 'C1' },
            ],
          },
        }),
      2,
    );
    ctx.signal.addEventListener('abort', () => clearInterval(t), { once: true });
  },
};

async function heapCycles(kind: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (kind === 'replace') {
      if (!fixed) document.body.append((fixed = newBoard()));
      fixed.data = data(seed++);
      if (i % 30 === 0) await fixed.reportComplete();
      else await fixed.updateComplete;
      continue;
    }
    const b = newBoard();
    if (kind === 'stream') b.adapter = adapter;
    else b.data = input;
    document.body.append(b);
    if (kind === 'stream' || i % 30 === 0) await b.reportComplete();
    else await b.updateComplete;
    if (kind === 'stream') await new Promise((r) => setTimeout(r, 10));
    b.remove();
  }
  if (fixed) await fixed.reportComplete();
  await new Promise((r) => setTimeout(r, 100));
}

(window as unknown as { heapCycles: typeof heapCycles }).heapCycles = heapCycles;
