import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';

/** Two orders of one campaign on one day: revenue 300. */
const DATA = {
  campaigns: [{ id: 'C1', name: 'Tết Sale', start: '2026-11-01', end: '2026-11-30' }],
  orders: [
    { id: 'o1', customerId: 'a', time: '2026-11-05T10:00:00Z', revenue: 100, campaignId: 'C1' },
    { id: 'o2', customerId: 'b', time: '2026-11-05T11:00:00Z', revenue: 200, campaignId: 'C1' },
  ],
};

const note = (board: PromoKpiBoard) => board.shadowRoot!.querySelector('.computed-in');

async function board(workerUrl: string, locale = 'en'): Promise<PromoKpiBoard> {
  const el = await fixture<PromoKpiBoard>(
    html`<promo-kpi-board
      worker="always"
      worker-url=${workerUrl}
      locale=${locale}
      time-zone="UTC"
      from="2026-11-01"
      to="2026-11-07"
    ></promo-kpi-board>`,
  );
  el.data = DATA;
  await waitUntil(() => el.currentReport !== null, 'report computed', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

describe('<promo-kpi-board> worker fallback', () => {
  it('computes on the page when the worker script cannot start, and says so', async () => {
    const el = await board(new URL('./no-such-worker.js', import.meta.url).href);
    expect(el.computedIn).to.equal('page');
    expect(el.currentReport!.kpis.revenue!.value).to.equal(300);
    const text = note(el)?.textContent ?? '';
    expect(text).to.contain('Computed on this page');
    expect(text).to.contain('report worker failed');
  });

  it('says it in the board language', async () => {
    const el = await board(new URL('./no-such-worker.js', import.meta.url).href, 'vi');
    expect(note(el)?.textContent).to.contain('Đang tính trên trang này');
  });

  it('shows no note when the worker runs', async () => {
    const el = await board(new URL('../../../src/engine/worker.ts', import.meta.url).href);
    expect(el.computedIn).to.equal('worker');
    expect(el.currentReport!.kpis.revenue!.value).to.equal(300);
    expect(note(el)).to.equal(null);
  });

  it('has no value before data is loaded', async () => {
    const el = await fixture<PromoKpiBoard>(html`<promo-kpi-board></promo-kpi-board>`);
    expect(el.computedIn).to.equal(null);
  });
});
