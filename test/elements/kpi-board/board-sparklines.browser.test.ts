import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';

/**
 * A week with orders, costs and exposure records every day but one (11-04 has no exposure
 * record), and new customers on several days: every default tile with a daily series
 * draws its sparkline.
 */
const days = ['01', '02', '03', '04', '05', '06', '07'];
const DATA = {
  campaigns: [
    { id: 'C1', name: 'Tết Sale', start: '2026-11-01', end: '2026-11-30', budget: 1000 },
    { id: 'C2', name: 'Flash 11.11', start: '2026-11-01', end: '2026-11-30' },
  ],
  orders: days.flatMap((d, i) => [
    {
      id: `a${d}`,
      customerId: `n${i}`,
      time: `2026-11-${d}T09:00:00Z`,
      revenue: 100 + 10 * i,
      discount: 5,
      cogs: 40,
      campaignId: 'C1',
      channel: 'web',
    },
    {
      id: `b${d}`,
      customerId: i % 2 ? 'r1' : `m${i}`,
      time: `2026-11-${d}T15:00:00Z`,
      revenue: 200 - 15 * i,
      discount: 10,
      cogs: 90,
      campaignId: 'C2',
      channel: 'store',
    },
  ]),
  costs: days.map((d, i) => ({ campaignId: i % 2 ? 'C1' : 'C2', date: `2026-11-${d}`, amount: 20 + i })),
  exposures: days
    .filter((d) => d !== '04')
    .map((d, i) => ({ campaignId: 'C1', date: `2026-11-${d}`, reach: 100 + 25 * i, impressions: 400, clicks: 9 })),
};

const sr = (el: Element) => el.shadowRoot!;

describe('<promo-kpi-board> sparklines', () => {
  it('draws a sparkline on every default tile with a daily series, and none for retention', async () => {
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07" locale="en"></promo-kpi-board>`,
    );
    board.data = DATA;
    await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 5000 });
    await board.reportComplete();
    const tiles = [...sr(board).querySelectorAll('promo-kpi-tile')];
    await Promise.all(tiles.map((t) => (t as LitElement).updateComplete));
    const drawn = Object.fromEntries(
      tiles.map((t) => [t.getAttribute('kpi'), sr(t).querySelector('svg[part~="sparkline"] path') !== null]),
    );
    expect(drawn).to.deep.equal({
      revenue: true,
      grossProfit: true,
      roi: true,
      aov: true,
      conversionRate: true,
      newCustomers: true,
      cac: true,
      retentionRate: false,
    });
    // The conversion line has a gap on the day without exposure records: two pieces.
    const conversion = tiles.find((t) => t.getAttribute('kpi') === 'conversionRate')!;
    const d = sr(conversion).querySelector('svg[part~="sparkline"] path')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length).to.equal(2);
  });
});
