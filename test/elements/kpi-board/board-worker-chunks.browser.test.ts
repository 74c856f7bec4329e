/**
 * Large plain input on the board (worker="auto"): it is posted to the engine worker in
 * chunks, the filters' summary comes back from the worker, and the numbers are the page's.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';
import { computeReport } from '../../../src/engine/report.js';
import { LOAD_CHUNK } from '../../../src/engine/report-worker.js';

const workerUrl = new URL('../../../src/engine/worker.ts', import.meta.url).href;
const DAY = 86_400_000;
const NOV1 = Date.UTC(2026, 10, 1);

/** 120 000 orders in the first week of November: revenue 1 or 2, channels store (first) and web. */
function bigData() {
  const orders = [];
  for (let i = 0; i < 120_000; i++)
    orders.push({
      id: `o${i}`,
      customerId: `u${i % 7_000}`,
      time: new Date(NOV1 + (i % 7) * DAY + 3_600_000 + (i % 500) * 1000).toISOString(),
      revenue: 1 + (i % 2),
      campaignId: i % 3 ? 'C1' : 'C2',
      channel: i % 4 ? 'web' : 'store',
    });
  return {
    campaigns: [
      { id: 'C1', name: 'Tết Sale', start: '2026-11-01', end: '2026-11-30', budget: 1000 },
      { id: 'C2', name: 'Flash 11.11', start: '2026-11-01', end: '2026-11-30', budget: 500 },
    ],
    orders,
  };
}

/** Counts what the page posts to workers: messages, and the longest list in one message. */
function countMessages(): { messages: string[]; largest: number; restore(): void } {
  const RealWorker = window.Worker;
  const seen = { messages: [] as string[], largest: 0, restore: () => (window.Worker = RealWorker) };
  const longest = (m: unknown): number => {
    let n = 0;
    const visit = (v: unknown) => {
      if (Array.isArray(v)) n = Math.max(n, v.length);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
    };
    visit(m);
    return n;
  };
  window.Worker = class extends RealWorker {
    override postMessage(m: unknown, t?: StructuredSerializeOptions | Transferable[]): void {
      seen.messages.push(String((m as { type?: unknown }).type));
      seen.largest = Math.max(seen.largest, longest(m));
      super.postMessage(m, t as StructuredSerializeOptions);
    }
  };
  return seen;
}

describe('promo-kpi-board: large input', () => {
  it('posts large input to the worker in chunks and gets the filter summary back', async () => {
    const data = bigData();
    const seen = countMessages();
    try {
      const board = await fixture<PromoKpiBoard>(
        html`<promo-kpi-board
          worker-url=${workerUrl}
          time-zone="UTC"
          from="2026-11-01"
          to="2026-11-07"
        ></promo-kpi-board>`,
      );
      board.data = data;
      await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 20_000 });
      await board.reportComplete();
      expect(board.dataSummary?.where).to.equal('worker');
      // 120 000 orders: 50 000 + 50 000 + 20 000.
      expect(seen.messages.filter((t) => t.startsWith('load'))).to.deep.equal([
        'load-begin',
        'load-chunk',
        'load-chunk',
        'load-chunk',
        'load-end',
      ]);
      expect(seen.largest).to.equal(LOAD_CHUNK);
      const page = computeReport(data as never, { from: '2026-11-01', to: '2026-11-07', timeZone: 'UTC' });
      // 60 000 orders of revenue 1 and 60 000 of revenue 2.
      expect(page.kpis.revenue!.value).to.equal(180_000);
      expect(board.currentReport!.kpis.revenue!.value).to.equal(180_000);
      expect(board.currentReport!.kpis.orders!.value).to.equal(120_000);
      expect(board.channelList).to.deep.equal(['store', 'web']);
      expect(board.campaignList.map((c) => [c.id, c.start, c.budget])).to.deep.equal([
        ['C1', '2026-11-01', 1000],
        ['C2', '2026-11-01', 500],
      ]);
      expect(board.dataSummary?.orders).to.equal(120_000);

      board.appendRecords({
        orders: [
          { id: 'live', customerId: 'z', time: '2026-11-07T20:00:00Z', revenue: 9, campaignId: 'C1', channel: 'app' },
        ],
      });
      await waitUntil(() => board.currentReport?.kpis.revenue?.value === 180_009, 'appended in the worker', {
        timeout: 10_000,
      });
      expect(board.channelList).to.deep.equal(['store', 'web', 'app']);
      expect(board.dataSummary?.orders).to.equal(120_001);
    } finally {
      seen.restore();
    }
  });
});
