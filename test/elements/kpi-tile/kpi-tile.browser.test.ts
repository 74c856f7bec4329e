import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/kpi-tile/define.js';
import type { PromoKpiTile } from '../../../src/elements/kpi-tile/kpi-tile.js';
import { dailySeries, sparkline, targetProgress } from '../../../src/elements/kpi-tile/layout.js';
import { toneOf, trendOf } from '../../../src/elements/shared/tone.js';
import { registerKpi, unregisterKpi } from '../../../src/engine/kpis/registry.js';
import { CAMPAIGN_INFO, makeReport, REPORT } from '../../fixtures/report.js';
import { $, captureExport, rgb, settle, text } from '../shared/helpers.js';

const vnd = (n: number, tag = 'en-US') =>
  new Intl.NumberFormat(tag, { style: 'currency', currency: 'VND' }).format(n).replace(/\s+/g, ' ');

describe('kpi-tile layout', () => {
  it('draws the sparkline across the box, lowest value at the bottom, highest at the top', () => {
    const g = sparkline([2, 5, 3], 106, 36, 3)!;
    expect(g.path).to.equal('M3,33L53,3L103,23');
    expect(g.last).to.deep.equal({ x: 103, y: 23 });
    expect(sparkline([1], 100, 36)).to.equal(null);
    // A flat series sits mid-height.
    expect(sparkline([4, 4], 100, 36)!.path).to.equal('M3,18L97,18');
  });

  it('reads a change through the polarity', () => {
    expect(toneOf(trendOf(0.2), 'higher-is-better')).to.equal('good');
    expect(toneOf(trendOf(0.2), 'lower-is-better')).to.equal('bad');
    expect(toneOf(trendOf(-0.2), 'lower-is-better')).to.equal('good');
    expect(toneOf(trendOf(0), 'higher-is-better')).to.equal('neutral');
    expect(toneOf(trendOf(0.2), 'neutral')).to.equal('neutral');
    expect(trendOf(null)).to.equal(null);
  });

  it('measures progress to a target', () => {
    expect(targetProgress(12, 20, 'higher-is-better')).to.deep.equal({ ratio: 0.6, fill: 0.6, met: false });
    expect(targetProgress(40, 20, 'higher-is-better')).to.deep.equal({ ratio: 2, fill: 1, met: true });
    expect(targetProgress(250, 300, 'lower-is-better')!.met).to.equal(true);
    expect(targetProgress(null, 300, 'lower-is-better')).to.equal(null);
  });
});

describe('<promo-kpi-tile> value fits its space', () => {
  const tileAt = async (width: number) => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
    const el = document.createElement('promo-kpi-tile');
    el.setAttribute('label', 'Doanh thu');
    el.setAttribute('value', '2369475000');
    el.setAttribute('unit', 'currency');
    el.setAttribute('currency', 'VND');
    el.setAttribute('locale', 'vi');
    wrap.append(el);
    await settle(el);
    return { wrap, el: el as PromoKpiTile };
  };
  const valueOf = (el: PromoKpiTile) => $(el, '[part~="value"]');
  const oneLine = (v: HTMLElement) => {
    const line = parseFloat(getComputedStyle(v).lineHeight);
    expect(v.getBoundingClientRect().height).to.be.lessThan(line * 1.5);
    expect(v.scrollWidth).to.be.at.most(v.clientWidth + 1);
  };

  it('never wraps: the full value where it fits, compact where it does not (by measure, not breakpoint)', async () => {
    const wide = await tileAt(420);
    oneLine(valueOf(wide.el));
    expect(text(valueOf(wide.el))).to.equal(vnd(2_369_475_000, 'vi-VN'));
    // 1024 px boards give tiles of about 240 px: the 13-character amount turns compact.
    const narrow = await tileAt(240);
    oneLine(valueOf(narrow.el));
    expect(text(valueOf(narrow.el))).to.equal('2,4 tỷ ₫');
    // The full amount stays in the tooltip.
    expect(valueOf(narrow.el).title.replace(/\s+/g, ' ')).to.equal(vnd(2_369_475_000, 'vi-VN'));
    // Given room again, the full value comes back.
    narrow.wrap.style.width = '420px';
    await settle(narrow.el);
    await settle(narrow.el);
    expect(text(valueOf(narrow.el))).to.equal(vnd(2_369_475_000, 'vi-VN'));
    oneLine(valueOf(narrow.el));
  });
});

describe('<promo-kpi-tile> changes (KPI-SPEC section 3)', () => {
  const withKpi = (id: string, value: number | null, previous: number | null) => {
    const delta = value !== null && previous !== null && previous > 0 ? (value - previous) / previous : null;
    return { ...REPORT, kpis: { ...REPORT.kpis, [id]: { value, previous, delta } } };
  };
  const shown = async (id: string, value: number, previous: number, locale = 'en') => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile
        kpi=${id}
        currency="VND"
        locale=${locale}
        .report=${withKpi(id, value, previous)}
      ></promo-kpi-tile>`,
    );
    const delta = $(el, '[part~="delta"]');
    return {
      el,
      delta,
      text: text(delta.querySelector('.change')),
      spoken: text(delta.querySelector('.sr-only')),
    };
  };

  it('from a negative base: the absolute change, never a percent', async () => {
    const d = await shown('grossProfit', 2_000_000, -44_719_000);
    expect(d.delta.dataset.kind).to.equal('absolute');
    expect(d.text).to.equal('▲ +₫46,719,000');
    expect(d.text).not.to.contain('%');
    expect(d.delta.dataset.tone).to.equal('good');
  });

  it('a ratio KPI changes in percentage points', async () => {
    const d = await shown('roi', 0.5, -0.041);
    expect(d.delta.dataset.kind).to.equal('points');
    expect(d.text).to.equal('▲ +54.1 pts');
    expect(d.spoken).to.equal('up 54.1 percentage points vs previous period, better');
    const vi = await shown('roi', 0.03, 0.05, 'vi');
    expect(vi.text).to.equal('▼ \u22122,0 điểm %');
  });

  it('a change that rounds to zero is neutral, not green', async () => {
    const d = await shown('revenue', 100_030_000, 100_000_000);
    expect(d.delta.dataset.trend).to.equal('flat');
    expect(d.delta.dataset.tone).to.equal('neutral');
    expect(d.text).to.equal('▬ 0.0%');
    expect(d.spoken).to.equal('unchanged vs previous period');
    await expect(d.el).to.be.accessible();
  });
});

describe('<promo-kpi-tile> with a report', () => {
  it('shows revenue: registry label, VND value, delta up and good, in words too', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="revenue" currency="VND" .report=${REPORT}></promo-kpi-tile>`,
    );
    expect(text($(el, '[part~="label"]'))).to.equal('Promotion revenue');
    expect(text($(el, '[part~="value"]'))).to.equal('₫18,500,000');
    const delta = $(el, '[part~="delta"]');
    expect(delta.dataset.trend).to.equal('up');
    expect(delta.dataset.tone).to.equal('good');
    // 18.5M vs 14M: +32.1 %.
    expect(text(delta.querySelector('[aria-hidden="true"]'))).to.equal('▲ +32.1%');
    expect(text(delta.querySelector('.sr-only'))).to.equal('up 32.1% vs previous period, better');
    expect(getComputedStyle(delta).color).to.equal(rgb('#1a7f37'));
    await expect(el).to.be.accessible();
  });

  it('colours a rise of CAC as bad (lower is better), and in the dark theme', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="cac" currency="VND" .report=${REPORT}></promo-kpi-tile>`,
    );
    const delta = $(el, '[part~="delta"]');
    // CAC 8,100,000 / 17 against 5,400,000 / 17: +50 %.
    expect(text(delta.querySelector('[aria-hidden="true"]'))).to.equal('▲ +50.0%');
    expect(delta.dataset.tone).to.equal('bad');
    expect(text(delta.querySelector('.sr-only'))).to.equal('up 50.0% vs previous period, worse');
    expect(getComputedStyle(delta).color).to.equal(rgb('#cf222e'));
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(delta).color).to.equal(rgb('#ff7b72'));
    expect(getComputedStyle($(el, '[part~="base"]')).backgroundColor).to.equal(rgb('#161b22'));
    await expect(el).to.be.accessible();
  });

  it('speaks Vietnamese for locale vi-VN', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="revenue" locale="vi-VN" currency="VND" .report=${REPORT}></promo-kpi-tile>`,
    );
    expect(text($(el, '[part~="label"]'))).to.equal('Doanh thu khuyến mãi');
    expect(text($(el, '[part~="value"]'))).to.equal(vnd(18_500_000, 'vi-VN'));
    expect(text($(el, '[part~="value"]'))).to.contain('18.500.000');
    expect(text($(el, '[part~="delta"] .sr-only'))).to.equal('tăng 32,1% so với kỳ trước, tốt hơn');
    expect($(el, '[part~="base"]').getAttribute('lang')).to.equal('vi');
    await expect(el).to.be.accessible();
  });

  it('shows "—" and the reason in words for a null value (partial data)', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="roi" campaign="C5" .report=${REPORT}></promo-kpi-tile>`,
    );
    expect(text($(el, '[part~="value"]'))).to.equal('—');
    expect(text($(el, '[part~="reason"]'))).to.equal('cost of goods missing on some orders');
    expect(text($(el, '[part~="delta"]'))).to.equal('no comparison with the previous period');
    const reach = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="reach" campaign="C5" locale="vi" .report=${REPORT}></promo-kpi-tile>`,
    );
    expect(text($(reach, '[part~="reason"]'))).to.equal('không có dữ liệu tiếp cận hay hiển thị');
    await expect(el).to.be.accessible();
  });

  it('formats a ratio as a percentage, per campaign', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="roi" campaign="C1" .report=${REPORT}></promo-kpi-tile>`,
    );
    // C1: gross profit 2,500,000 / promotion cost 4,000,000.
    expect(text($(el, '[part~="value"]'))).to.equal('62.5%');
    expect(text($(el, '[part~="label"]'))).to.equal('ROI · C1');
  });

  it('draws the sparkline of the daily series at the tile width', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 326px"><promo-kpi-tile kpi="revenue" .report=${REPORT}></promo-kpi-tile></div>`,
    );
    const el = wrap.querySelector('promo-kpi-tile')!;
    await settle(el);
    const path = $(el, 'svg[part~="sparkline"] path').getAttribute('d')!;
    // Daily revenue 2.1, 2.5, 2.6, 3.0, 2.7, 2.8, 2.8 M; width 326 -> x from 3 to 323.
    expect(path).to.equal(
      sparkline(
        REPORT.daily.map((d) => d.revenue),
        326,
        36,
      )!.path,
    );
    const pts = path
      .slice(1)
      .split('L')
      .map((p) => p.split(',').map(Number));
    expect(pts).to.have.length(7);
    expect(pts[0]).to.deep.equal([3, 33]);
    expect(pts[3][1]).to.equal(3);
    expect(pts[6][0]).to.equal(323);
    expect($(el, 'svg[part~="sparkline"]').getAttribute('aria-label')).to.equal(
      'Daily trend, 2026-11-01 to 2026-11-07',
    );
    // Per campaign: that campaign's daily revenue; KPIs without a daily series have none.
    el.campaign = 'C2';
    await el.updateComplete;
    expect($(el, 'svg[part~="sparkline"] path').getAttribute('d')).to.equal(
      sparkline([500_000, 400_000, 400_000, 400_000, 300_000, 0, 0], 326, 36)!.path,
    );
    el.kpi = 'roi';
    await el.updateComplete;
    expect($(el, 'svg[part~="sparkline"]')).to.equal(null);
  });

  it('draws a ratio KPI from the daily measures (AOV: revenue / orders a day), a day without orders as a gap', async () => {
    const daily = REPORT.daily.map((d, i) => (i === 3 ? { ...d, revenue: 0, orders: 0 } : d));
    const report = { ...REPORT, daily };
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 326px"><promo-kpi-tile kpi="aov" .report=${report}></promo-kpi-tile></div>`,
    );
    const el = wrap.querySelector('promo-kpi-tile')!;
    await settle(el);
    const perDay = daily.map((d) => (d.orders ? d.revenue / d.orders : null));
    expect(dailySeries(daily, { dailyField: 'revenue', dailyPer: 'orders' })).to.deep.equal(perDay);
    const path = $(el, 'svg[part~="sparkline"] path').getAttribute('d')!;
    expect(path).to.equal(sparkline(perDay, 326, 36)!.path);
    // Two pieces: days 1-3 and 5-7, nothing drawn for the day without orders.
    expect(path.match(/M/g)).to.have.length(2);
    // The table lists the same per-day values, "—" for the gap.
    el.toggleTable();
    await el.updateComplete;
    const cells = [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')].map((tr) => tr.textContent ?? '');
    expect(cells.some((c) => c.includes('—'))).to.equal(true);
    // The promotion share of sales too; ROI has no daily measure to draw from.
    el.kpi = 'promoShare';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('svg[part~="sparkline"]')).to.not.equal(null);
  });

  it('shows progress to the campaign target, or to a target attribute', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile
        kpi="revenue"
        campaign="C1"
        currency="VND"
        .campaigns=${CAMPAIGN_INFO}
        .report=${REPORT}
      ></promo-kpi-tile>`,
    );
    expect(text($(el, '[part~="label"]'))).to.equal('Promotion revenue · Tết sớm');
    // 12,000,000 of 20,000,000.
    expect(text($(el, '[part~="target"]'))).to.equal('60.0% of target ₫20,000,000');
    expect(($(el, '[part~="target"] .fill') as HTMLElement).style.width).to.equal('60%');
    // CAC target 300,000: C1's CAC is 400,000, lower is better, so not met.
    el.kpi = 'cac';
    await el.updateComplete;
    expect(text($(el, '[part~="target"]'))).to.equal('133.3% of target ₫300,000');
    expect($(el, '[part~="target"] .fill').classList.contains('met')).to.equal(false);
    const own = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="orders" target="50" .report=${REPORT}></promo-kpi-tile>`,
    );
    // 66 orders of 50: met.
    expect(text($(own, '[part~="target"]'))).to.equal('132.0% of target 50 ✓');
    expect(($(own, '[part~="target"] .fill') as HTMLElement).style.width).to.equal('100%');
    await expect(el).to.be.accessible();
  });

  it('works for a custom KPI from the registry', async () => {
    registerKpi({
      id: 'giftCostPerOrder',
      label: { en: 'Gift cost per order', vi: 'Chi phí quà tặng mỗi đơn' },
      unit: 'currency',
      polarity: 'lower-is-better',
      compute: (m, f) => f.div(m.spend, m.orders),
    });
    try {
      const report = makeReport();
      report.kpis.giftCostPerOrder = { value: 90_000, previous: 100_000, delta: -0.1, change: -10_000 };
      const el = await fixture<PromoKpiTile>(
        html`<promo-kpi-tile kpi="giftCostPerOrder" locale="vi" currency="VND" .report=${report}></promo-kpi-tile>`,
      );
      expect(text($(el, '[part~="label"]'))).to.equal('Chi phí quà tặng mỗi đơn');
      expect(text($(el, '[part~="value"]'))).to.equal(vnd(90_000, 'vi-VN'));
      expect($(el, '[part~="delta"]').dataset.tone).to.equal('good');
      expect(text($(el, '[part~="delta"] .sr-only'))).to.equal('giảm 10,0% so với kỳ trước, tốt hơn');
    } finally {
      unregisterKpi('giftCostPerOrder');
    }
  });

  it('shows an error in words for an unknown KPI or campaign', async () => {
    let fired = '';
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile
        kpi="nope"
        .report=${REPORT}
        @promo-error=${(e: CustomEvent) => (fired = e.detail.message)}
      ></promo-kpi-tile>`,
    );
    expect(text($(el, '[part~="error"]'))).to.equal('Unknown KPI "nope"');
    expect(fired).to.equal('Unknown KPI "nope"');
    el.kpi = 'revenue';
    el.campaign = 'C9';
    await el.updateComplete;
    expect(text($(el, '[part~="error"]'))).to.equal('Unknown campaign "C9"');
  });

  it('shows its table with every value whole at phone width, dates in the locale', async () => {
    // A 375 px screen: the tile is about 343 px wide; amounts of 13 digits in VND.
    const big = {
      ...REPORT,
      kpis: {
        ...REPORT.kpis,
        revenue: { ...REPORT.kpis.revenue!, value: 2_369_475_000_000, previous: 1_400_000_000_000 },
      },
      daily: REPORT.daily.map((d) => ({ ...d, revenue: d.revenue * 100_000 })),
    };
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 343px">
        <promo-kpi-tile kpi="revenue" locale="vi" currency="VND" target="3000000000000" .report=${big}></promo-kpi-tile>
      </div>`,
    );
    const el = wrap.querySelector('promo-kpi-tile')!;
    await settle(el);
    el.toggleTable();
    await el.updateComplete;
    const region = $(el, '.table-wrap');
    // Nothing to scroll sideways: the table fits its tile.
    expect(region.scrollWidth, 'table wider than its tile').to.be.at.most(region.clientWidth + 1);
    const box = region.getBoundingClientRect();
    const values = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="table"] td')];
    expect(values.length).to.be.above(8);
    for (const td of values) {
      const r = td.getBoundingClientRect();
      expect(r.right, `${td.textContent} cut`).to.be.at.most(box.right + 0.5);
      expect(td.scrollWidth, `${td.textContent} clipped`).to.be.at.most(td.clientWidth + 1);
    }
    expect(values[0]!.textContent).to.include('2.369.475.000.000');
    const labels = [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody th')].map((th) => th.textContent!.trim());
    // Periods and days in Vietnamese, never ISO dates.
    for (const l of labels) expect(l).to.not.match(/\d{4}-\d{2}-\d{2}/);
    expect(labels[0]).to.match(/^1\s*[–-]\s*7 thg 11, 2026$/);
    expect(labels.at(-1)).to.match(/^7 thg 11, 2026$/);
  });

  it('exports its numbers as CSV: period, previous, change, target, daily', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="revenue" target="20000000" .report=${REPORT}></promo-kpi-tile>`,
    );
    const csv = await captureExport(el, 'csv');
    expect(csv.filename).to.equal('promo-promotion-revenue.csv');
    const lines = (await csv.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 5)).to.deep.equal([
      'Date,Promotion revenue',
      '2026-11-01 – 2026-11-07,18500000',
      'Previous period (2026-10-25 – 2026-10-31),14000000',
      `Change,${(18_500_000 - 14_000_000) / 14_000_000}`,
      'Target,20000000',
    ]);
    expect(lines[5]).to.equal('2026-11-01,2100000');
    expect(lines).to.have.length(5 + 7 + 1);
  });

  it('shows a loading skeleton, an empty state, and is accessible in each', async () => {
    const el = await fixture<PromoKpiTile>(html`<promo-kpi-tile kpi="revenue" state="loading"></promo-kpi-tile>`);
    expect($(el, '[part~="skeleton"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    el.state = 'auto';
    await el.updateComplete;
    // A KPI id without a report, no value of its own and no board: it says where its data comes from.
    expect(text($(el, '[part~="empty"]'))).to.equal(
      'No data yet: place this widget inside a promo-kpi-board, or give it a report.',
    );
    await expect(el).to.be.accessible();
  });
});
