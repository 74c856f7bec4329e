/**
 * What the board loads on demand: the page's engine code (dataset builder, aggregation) only
 * when it computes on the page, the registered adapters only for an adapter given by name.
 * The test page imports nothing but the board. The worker's own module requests show in the
 * page's resource timeline too (it imports the engine's modules itself), so the page's engine
 * is told by its module of its own, `engine/page-engine`, which only the board imports.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';

// The test page loads hundreds of modules; the default buffer keeps the first 250 requests only.
performance.setResourceTimingBufferSize(10_000);
performance.clearResourceTimings();

const workerUrl = new URL('../../../src/engine/worker.ts', import.meta.url).href;

const data = {
  campaigns: [{ id: 'C1', name: 'Tết Sale', start: '2026-11-01', end: '2026-11-30' }],
  orders: [
    { id: 'o1', customerId: 'u1', time: '2026-11-02T10:00:00Z', revenue: 100, campaignId: 'C1', channel: 'web' },
    { id: 'o2', customerId: 'u2', time: '2026-11-03T10:00:00Z', revenue: 50, campaignId: 'C1', channel: 'store' },
  ],
};

/** Whether the page has requested a module whose path ends with `path` (without its extension). */
const requested = (path: string): boolean =>
  performance
    .getEntriesByType('resource')
    .some((e) => new URL(e.name).pathname.replace(/\.(ts|js)$/, '').endsWith(path));

async function board(worker: string): Promise<PromoKpiBoard> {
  const el = await fixture<PromoKpiBoard>(
    html`<promo-kpi-board
      worker=${worker}
      worker-url=${workerUrl}
      time-zone="UTC"
      from="2026-11-01"
      to="2026-11-07"
      layout="tiles"
    ></promo-kpi-board>`,
  );
  el.data = data;
  await waitUntil(() => el.currentReport !== null, 'report computed', { timeout: 20_000 });
  await el.reportComplete();
  return el;
}

describe('promo-kpi-board: code loaded on demand', () => {
  it('computing in the worker, the page never loads the engine code or the adapters', async () => {
    expect(requested('src/engine/page-engine')).to.equal(false);
    const el = await board('always');
    expect(el.computedIn).to.equal('worker');
    expect(el.currentReport!.kpis.revenue!.value).to.equal(150);
    expect(requested('src/engine/page-engine')).to.equal(false);
    expect(requested('src/adapters/registry')).to.equal(false);
    el.remove();
  });

  it('computing on the page, the engine code is loaded then, and the same numbers come out', async () => {
    const el = await board('never');
    expect(el.computedIn).to.equal('page');
    expect(el.currentReport!.kpis.revenue!.value).to.equal(150);
    expect(requested('src/engine/page-engine')).to.equal(true);
    expect(requested('src/adapters/registry')).to.equal(false);
    el.remove();
  });

  it('an adapter given by name loads the registered adapters', async () => {
    expect(requested('src/adapters/registry')).to.equal(false);
    // Listening before the board connects: the failed load may be told at once.
    const el = document.createElement('promo-kpi-board');
    el.setAttribute('time-zone', 'UTC');
    el.setAttribute('adapter', 'json');
    el.setAttribute('src', 'no-such-orders.json');
    const failed = oneEvent(el, 'promo-board-error');
    document.body.append(el);
    const { detail } = await failed;
    expect((detail as { message: string }).message)
      .to.be.a('string')
      .and.not.equal('');
    expect(requested('src/adapters/registry')).to.equal(true);
    el.remove();
  });
});
