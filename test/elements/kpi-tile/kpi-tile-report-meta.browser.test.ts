/**
 * Widgets show KPIs from the report's own metadata: a custom KPI registered only inside the
 * report worker renders on this page, which never registered it, in a tile and in the
 * campaign chart; and a KPI the page did register is unknown to a widget whose report does
 * not carry it (widgets never read the engine's registry).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/kpi-tile/define.js';
import '../../../src/elements/campaign-chart/define.js';
import type { PromoKpiTile } from '../../../src/elements/kpi-tile/kpi-tile.js';
import type { PromoCampaignChart } from '../../../src/elements/campaign-chart/campaign-chart.js';
import { computeReportInWorker } from '../../../src/engine/report-worker.js';
import { getKpi, registerKpi, unregisterKpi } from '../../../src/engine/kpis/registry.js';
import type { DataInput } from '../../../src/data/records.js';
import { makeReport } from '../../fixtures/report.js';
import { $, settle, text } from '../shared/helpers.js';

const workerUrl = new URL('../../../src/engine/worker.ts', import.meta.url);
const kpiModule = new URL('../../engine/fixtures/gift-kpi.ts', import.meta.url);

const input = {
  campaigns: [
    { id: 'C1', name: 'Tết', start: '2025-03-01', end: '2025-03-10' },
    { id: 'C2', name: 'Gift', start: '2025-03-01', end: '2025-03-31' },
  ],
  orders: [
    { id: 'o1', customerId: 'a', time: '2025-03-01T10:00:00', revenue: 100, campaignId: 'C1', channel: 'web' },
    { id: 'o2', customerId: 'a', time: '2025-03-03T09:00:00', revenue: 50, campaignId: 'C1', channel: 'store' },
    { id: 'o3', customerId: 'b', time: '2025-03-02T12:00:00', revenue: 200, campaignId: 'C2', channel: 'web' },
  ],
  costs: [
    { campaignId: 'C1', date: '2025-03-01', amount: 100, category: 'media' },
    { campaignId: 'C2', date: '2025-03-02', amount: 30_000, category: 'gift' },
  ],
} as unknown as DataInput;

describe('widgets read KPI facts from the report', () => {
  it('a custom KPI computed in the worker renders on a page that never registered it', async () => {
    expect(getKpi('giftCostPerOrder'), 'the page never registered it').to.equal(undefined);
    const report = await computeReportInWorker(
      input,
      { from: '2025-03-01', to: '2025-03-10', timeZone: 'Asia/Ho_Chi_Minh' },
      { url: workerUrl, kpiModules: [kpiModule] },
    );
    // Gift costs 30,000 over 3 orders.
    expect(report.kpis.giftCostPerOrder!.value).to.equal(10_000);
    expect(report.kpiMeta!.giftCostPerOrder).to.deep.equal({
      id: 'giftCostPerOrder',
      label: { en: 'Gift cost per order', vi: 'Chi phí quà tặng mỗi đơn' },
      unit: 'currency',
      polarity: 'lower-is-better',
      additive: false,
    });

    const tile = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="giftCostPerOrder" locale="vi" currency="VND" .report=${report}></promo-kpi-tile>`,
    );
    expect(text($(tile, '[part~="label"]'))).to.equal('Chi phí quà tặng mỗi đơn');
    expect(text($(tile, '[part~="value"]'))).to.match(/^10\.000\s₫$/);
    expect(tile.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);

    const chart = await fixture<PromoCampaignChart>(
      html`<promo-campaign-chart metric="giftCostPerOrder" .report=${report}></promo-campaign-chart>`,
    );
    await settle(chart);
    expect(text($(chart, '[part~="title"]'))).to.equal('Gift cost per order by campaign');
  });

  it('a KPI registered on the page but absent from the report is unknown to the tile', async () => {
    registerKpi({
      id: 'pageOnly',
      label: { en: 'Page only', vi: 'Chỉ trên trang' },
      unit: 'currency',
      polarity: 'neutral',
      compute: (m) => m.revenue,
    });
    try {
      // A report made before the KPI was registered: it carries neither its value nor its metadata.
      const report = makeReport();
      delete report.kpis.pageOnly;
      delete report.kpiMeta!.pageOnly;
      const tile = await fixture<PromoKpiTile>(
        html`<promo-kpi-tile kpi="pageOnly" .report=${report}></promo-kpi-tile>`,
      );
      expect(text($(tile, '[part~="error"]'))).to.equal('Unknown KPI "pageOnly"');
      // Its metadata in the report is enough.
      const withMeta = makeReport();
      const kv = { value: 5, previous: null, delta: null, change: null };
      withMeta.kpis.pageOnly = kv;
      const t2 = await fixture<PromoKpiTile>(
        html`<promo-kpi-tile kpi="pageOnly" .report=${withMeta}></promo-kpi-tile>`,
      );
      expect(text($(t2, '[part~="label"]'))).to.equal('Page only');
    } finally {
      unregisterKpi('pageOnly');
    }
  });

  it('a report without metadata shows the KPI id and a plain number, and never throws', async () => {
    const report = makeReport();
    delete report.kpiMeta;
    const tile = await fixture<PromoKpiTile>(html`<promo-kpi-tile kpi="orders" .report=${report}></promo-kpi-tile>`);
    expect(text($(tile, '[part~="label"]'))).to.equal('orders');
    expect(text($(tile, '[part~="value"]'))).to.equal('66');
    const broken = { ...makeReport(), kpiMeta: { orders: { id: 'orders', label: 'x', unit: 'bad' } } };
    const t2 = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="orders" .report=${broken as unknown as typeof report}></promo-kpi-tile>`,
    );
    expect(text($(t2, '[part~="label"]'))).to.equal('orders');
  });
});
