import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/campaign-chart/define.js';
import { PromoCampaignChart } from '../../../src/elements/campaign-chart/campaign-chart.js';
import { setViewport } from '@web/test-runner-commands';
import { registerKpi, unregisterKpi } from '../../../src/engine/kpis/registry.js';
import { CAMPAIGN_INFO, makeReport, REPORT } from '../../fixtures/report.js';
import { $, $$, captureExport, rgb, settle, text } from '../shared/helpers.js';
import { manyCampaignsReport } from './fixtures.js';

const vnd = (n: number, tag = 'en-US') =>
  new Intl.NumberFormat(tag, { style: 'currency', currency: 'VND' }).format(n).replace(/\s+/g, ' ');

async function chart(
  attrs: Partial<
    Record<'metric' | 'secondary-metric' | 'view' | 'grain' | 'locale' | 'theme' | 'state' | 'limit' | 'series', string>
  > = {},
  width = 640,
  report = REPORT,
  campaigns = CAMPAIGN_INFO,
): Promise<PromoCampaignChart> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  const el = document.createElement('promo-campaign-chart');
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  el.setAttribute('currency', 'VND');
  el.report = report;
  el.campaigns = campaigns;
  wrap.append(el);
  await settle(el);
  return el;
}

const options = (el: Element) => $$<SVGGElement>(el, '[role="button"]');
const names = (el: Element) => options(el).map((o) => o.getAttribute('aria-label')!.split('; ')[0]);
/** The visible texts of a row (drawn beside its option, hidden from assistive technology). */
const texts = (o: Element) => o.nextElementSibling!;
const barWidth = (o: Element) => Number(o.querySelector('.bar')?.getAttribute('width') ?? NaN);

describe('<promo-campaign-chart> bars', () => {
  it('ranks campaigns on revenue, winner first, bars proportional to the values, values by Intl', async () => {
    const el = await chart();
    expect(text($(el, '[part~="title"]'))).to.equal('Promotion revenue by campaign');
    expect(names(el)).to.deep.equal([
      'Tết sớm',
      '=HYPERLINK("x") voucher',
      'Quà tặng kèm',
      'Tích điểm x2',
      'Combo cuối năm',
    ]);
    const [c1, c5, c2, c3] = options(el);
    expect(barWidth(c1) / barWidth(c5)).to.be.closeTo(12 / 3, 0.02);
    expect(barWidth(c2) / barWidth(c3)).to.be.closeTo(2 / 1.5, 0.02);
    expect(options(el).map((o) => text(texts(o).querySelector('.value')))).to.deep.equal(
      [12_000_000, 3_000_000, 2_000_000, 1_500_000, 0].map((n) => vnd(n)),
    );
    // The ranks and the change vs the previous period are in each option's name.
    expect(c1.getAttribute('aria-label')).to.equal(
      'Tết sớm; Promotion revenue: ₫12,000,000; rank 1 of 5; +20.0% previous period',
    );
    // Bars start at the zero line; the axis is formatted as short currency.
    const zero = Number($(el, '.grid line.zero').getAttribute('x1'));
    expect(Number(c1.querySelector('.bar')!.getAttribute('x'))).to.equal(zero);
    expect($$(el, '.axis text').map(text)).to.include('₫0');
    await expect(el).to.be.accessible();
  });

  it('puts the lowest first for a lower-is-better KPI (CAC)', async () => {
    const el = await chart({ metric: 'cac' });
    // promoCost / newCustomers: C5 250k, C1 400k, C2 500k, C3 2.1M; C4 has no new customers.
    expect(names(el)).to.deep.equal([
      '=HYPERLINK("x") voucher',
      'Tết sớm',
      'Quà tặng kèm',
      'Tích điểm x2',
      'Combo cuối năm',
    ]);
    expect(text(texts(options(el)[0]).querySelector('.value'))).to.equal(vnd(250_000));
  });

  it('shows "—" and the reason, never a zero bar, for a KPI without a value; negatives go left', async () => {
    const el = await chart({ metric: 'roi' });
    // ROI: C1 62.5 %, C2 0 %, C3 -66.7 %, then C5 (cogs missing) and C4 (no promotion cost).
    expect(names(el)).to.deep.equal([
      'Tết sớm',
      'Quà tặng kèm',
      'Tích điểm x2',
      '=HYPERLINK("x") voucher',
      'Combo cuối năm',
    ]);
    const [c1, , c3, c5, c4] = options(el);
    expect(text(texts(c1).querySelector('.value'))).to.equal('62.5%');
    expect(c5.querySelector('.bar')).to.equal(null);
    expect(text(texts(c5).querySelector('.value'))).to.equal('—');
    expect(text(texts(c5).querySelector('.reason'))).to.contain('cost of goods missing');
    expect(text(texts(c4).querySelector('.reason'))).to.contain('not enough orders');
    const zero = Number($(el, '.grid line.zero').getAttribute('x1'));
    const neg = c3.querySelector('.bar')!;
    expect(neg.classList.contains('negative')).to.equal(true);
    expect(Number(neg.getAttribute('x')) + Number(neg.getAttribute('width'))).to.be.closeTo(zero, 0.2);
    expect(text($(el, '[part~="partial"]'))).to.contain('Cost of goods missing on some orders');
    await expect(el).to.be.accessible();
  });

  it('draws a second KPI of the same unit as a bar on the same axis (revenue and promoCost)', async () => {
    const el = await chart({ 'secondary-metric': 'promoCost' });
    expect(text($(el, '[part~="title"]'))).to.equal('Promotion revenue and Total promotion cost by campaign');
    const c1 = options(el)[0];
    // C1: promoCost = spend 2.5M + discount 1.5M = 4M against revenue 12M.
    expect(Number(c1.querySelector('.bar2')!.getAttribute('width')) / barWidth(c1)).to.be.closeTo(4 / 12, 0.02);
    expect(text(texts(c1).querySelector('.value.second'))).to.equal(vnd(4_000_000));
    expect($$(el, '[part~="legend"] li').map(text)).to.deep.equal(['Promotion revenue', 'Total promotion cost']);
  });

  it('draws a second KPI of another unit as dots on their own axis (ROI beside revenue)', async () => {
    const el = await chart({ 'secondary-metric': 'roi' });
    const dots = $$(el, '.dot');
    // Legend dot + C1, C2, C3 (C4 and C5 have no ROI).
    expect(dots.length).to.equal(4);
    expect($$(el, '.second-axis').map(text)).to.include('0%');
    const c1Dot = options(el)[0].querySelector('.dot')!;
    const c2Dot = options(el)[2].querySelector('.dot')!;
    expect(Number(c1Dot.getAttribute('cx'))).to.be.greaterThan(Number(c2Dot.getAttribute('cx')));
    await expect(el).to.be.accessible();
  });

  it('a click selects a bar (pressed, others dimmed) and fires promo-campaign-selection-change, never promo-campaign-select', async () => {
    const el = await chart();
    const filters: unknown[] = [];
    el.addEventListener('promo-campaign-select', (e) => filters.push((e as CustomEvent).detail));
    const c5 = options(el)[1];
    setTimeout(() => c5.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    const e = await oneEvent(document, 'promo-campaign-selection-change');
    expect(e.detail).to.deep.equal({ campaignId: 'C5' });
    expect(e.bubbles && e.composed).to.equal(true);
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('C5');
    expect(options(el).map((o) => o.getAttribute('aria-pressed'))).to.deep.equal([
      'false',
      'true',
      'false',
      'false',
      'false',
    ]);
    expect(text(texts(options(el)[1]).querySelector('.label'))).to.match(/^✓ /);
    // The chart keeps every campaign; the others step back.
    expect(options(el).length).to.equal(5);
    const opacity = (o: Element) => Number(getComputedStyle(o.querySelector('.bar')!).opacity);
    expect(opacity(options(el)[1])).to.equal(1);
    expect(opacity(options(el)[0])).to.be.lessThan(0.5);
    // Another bar is picked directly, without unpicking first.
    setTimeout(() => options(el)[0].dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect((await oneEvent(el, 'promo-campaign-selection-change')).detail).to.deep.equal({ campaignId: 'C1' });
    await el.updateComplete;
    expect(options(el)[0].getAttribute('aria-pressed')).to.equal('true');
    expect(options(el)[1].getAttribute('aria-pressed')).to.equal('false');
    // The same bar again unselects.
    setTimeout(() => options(el)[0].dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect((await oneEvent(el, 'promo-campaign-selection-change')).detail).to.deep.equal({ campaignId: null });
    await el.updateComplete;
    expect(options(el).every((o) => o.getAttribute('aria-pressed') === 'false')).to.equal(true);
    expect(opacity(options(el)[0])).to.equal(1);
    expect(filters).to.deep.equal([]);
  });

  it('filtering by the selection is one explicit step: the "Filter by" button fires promo-campaign-select', async () => {
    const el = await chart();
    expect(el.shadowRoot!.querySelector('[part~="filter-action"]')).to.equal(null);
    options(el)[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    const action = $<HTMLButtonElement>(el, '[part~="filter-action"]');
    expect(text(action)).to.equal('Filter by =HYPERLINK("x") voucher');
    expect(text($(el, '[part~="selection"]'))).to.contain('Selected: =HYPERLINK("x") voucher');
    setTimeout(() => action.click());
    const e = await oneEvent(document, 'promo-campaign-select');
    expect(e.detail).to.deep.equal({ campaignId: 'C5' });
    expect(e.bubbles && e.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is usable by keyboard: one tab stop, arrows move, Enter and Space select, focus shows a tooltip', async () => {
    const el = await chart();
    const tabbable = options(el).filter((o) => o.getAttribute('tabindex') === '0');
    expect(tabbable.length).to.equal(1);
    tabbable[0].focus();
    await el.updateComplete;
    expect(text($(el, '[part~="tooltip"]'))).to.contain('Tết sớm');
    const key = (k: string) =>
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).to.match(/^=HYPERLINK/);
    expect(options(el)[1].getAttribute('tabindex')).to.equal('0');
    expect(text($(el, '[part~="tooltip"]'))).to.contain('₫3,000,000');
    setTimeout(() => key('Enter'));
    expect((await oneEvent(el, 'promo-campaign-selection-change')).detail).to.deep.equal({ campaignId: 'C5' });
    key('End');
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).to.match(/^Combo/);
    setTimeout(() => key(' '));
    expect((await oneEvent(el, 'promo-campaign-selection-change')).detail).to.deep.equal({ campaignId: 'C4' });
    await el.updateComplete;
    expect(options(el)[4].getAttribute('aria-pressed')).to.equal('true');
  });

  it('100 campaigns on an additive KPI: top 9 and "Others (91)" adding up the rest', async () => {
    const { report, campaigns } = manyCampaignsReport(100);
    const el = await chart({}, 640, report, campaigns);
    const rows = options(el);
    expect(rows.length).to.equal(10);
    expect(names(el)[0]).to.equal('Campaign 100');
    expect(names(el)[9]).to.equal('Others (91)');
    expect(rows[9].getAttribute('aria-disabled')).to.equal('true');
    // Campaigns 1..91: 100,000 x (91 x 92 / 2).
    expect(text(texts(rows[9]).querySelector('.value'))).to.equal(vnd((100_000 * 91 * 92) / 2));
    // The table still lists every campaign.
    el.toggleTable();
    await el.updateComplete;
    expect($$(el, '[part~="table"] tbody tr').length).to.equal(100);
  });

  it('100 campaigns on a ratio: every campaign, in a scrolling list', async () => {
    const { report, campaigns } = manyCampaignsReport(100);
    const el = await chart({ metric: 'ctr' }, 640, report, campaigns);
    expect(options(el).length).to.equal(100);
    const scroll = $(el, '.scroll');
    expect(scroll.classList.contains('scrolling')).to.equal(true);
    expect(scroll.scrollHeight).to.be.greaterThan(scroll.clientHeight);
    await expect(el).to.be.accessible();
  });

  it('works for a custom KPI from the registry', async () => {
    registerKpi({
      id: 'discountPerOrder',
      label: { en: 'Discount per order', vi: 'Giảm giá mỗi đơn' },
      unit: 'currency',
      polarity: 'lower-is-better',
      compute: (m, f) => f.div(m.discountCost, m.orders),
    });
    try {
      const report = makeReport();
      // As the engine would compute it: discountCost / orders per campaign.
      const per: Record<string, number | null> = { C1: 37_500, C2: 25_000, C3: 100_000 / 6, C4: null, C5: 50_000 };
      for (const [id, v] of Object.entries(per))
        report.byCampaign[id].discountPerOrder =
          v === null
            ? { value: null, previous: null, delta: null, change: null, reason: 'no-data' }
            : { value: v, previous: null, delta: null, change: null };
      const el = await chart({ metric: 'discountPerOrder' }, 640, report);
      expect(text($(el, '[part~="title"]'))).to.equal('Discount per order by campaign');
      expect(names(el)).to.deep.equal([
        'Tích điểm x2',
        'Quà tặng kèm',
        'Tết sớm',
        '=HYPERLINK("x") voucher',
        'Combo cuối năm',
      ]);
    } finally {
      unregisterKpi('discountPerOrder');
    }
  });

  it('an unknown KPI is an error in words, not an exception', async () => {
    const el = await chart({ metric: 'nope' });
    expect(text($(el, '[part~="error"]'))).to.equal('Unknown KPI "nope"');
  });

  it('puts labels above the bars on a 280 px card', async () => {
    const el = await chart({ 'secondary-metric': 'roi' }, 280);
    const svgEl = $(el, 'svg[part~="chart"]');
    expect(Number(svgEl.getAttribute('width'))).to.be.at.most(256);
    const c1 = options(el)[0];
    const labelY = Number(texts(c1).querySelector('.label')!.getAttribute('y'));
    expect(labelY).to.be.lessThan(Number(c1.querySelector('.bar')!.getAttribute('y')));
    // Short numbers on a narrow card.
    expect(text(texts(c1).querySelector('.value'))).to.equal('₫12M');
    await expect(el).to.be.accessible();
  });

  it('in Vietnamese: strings, registry labels and Intl numbers', async () => {
    const el = await chart({ locale: 'vi', 'secondary-metric': 'promoCost' });
    expect(text($(el, '[part~="title"]'))).to.match(/theo chiến dịch$/);
    expect(text(texts(options(el)[0]).querySelector('.value'))).to.equal(vnd(12_000_000, 'vi-VN'));
    expect(options(el)[0].getAttribute('aria-label')).to.contain('hạng 1 trên 5');
    expect($(el, '[part="base"]').getAttribute('lang')).to.equal('vi');
    await expect(el).to.be.accessible();
  });

  it('follows the light and dark themes', async () => {
    const light = await chart({ theme: 'light' });
    expect(getComputedStyle(light.shadowRoot!.querySelector('.bar')!).fill).to.equal(rgb('#0b63ce'));
    const dark = await chart({ theme: 'dark' });
    expect(getComputedStyle(dark.shadowRoot!.querySelector('.bar')!).fill).to.equal(rgb('#58a6ff'));
    expect(getComputedStyle($(dark, '[part="base"]')).backgroundColor).to.equal(rgb('#161b22'));
    await expect(dark).to.be.accessible();
  });

  it('shows the numbers as a table and exports CSV with formulas neutralised, and SVG', async () => {
    const el = await chart({ 'secondary-metric': 'roi' });
    el.toggleTable();
    await el.updateComplete;
    const head = $$(el, '[part~="table"] thead th').map(text);
    expect(head).to.deep.equal(['Campaign', 'Rank', 'Promotion revenue', 'ROI', 'Change (Promotion revenue)']);
    const first = $$(el, '[part~="table"] tbody tr')[0];
    expect(text(first)).to.contain('Tết sớm');
    await expect(el).to.be.accessible();
    const csv = await (await captureExport(el, 'csv')).blob.text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).to.equal('Tết sớm,1,12000000,0.625,0.2');
    // C5 had no revenue before: its change is the absolute amount, not a percent of zero.
    expect(lines[2]).to.match(/^"'=HYPERLINK\(""x""\) voucher",2,3000000,,3000000$/);
    const svgText = await (await captureExport(el, 'svg')).blob.text();
    expect(svgText).to.match(/^<svg/);
    expect(svgText).to.contain('Tết sớm');
    const png = await captureExport(el, 'png');
    expect(png.blob.type).to.equal('image/png');
  });

  it('has loading, empty and error states', async () => {
    const loading = await chart({ state: 'loading' });
    expect($(loading, '[part~="skeleton"]')).to.not.equal(null);
    await expect(loading).to.be.accessible();
    const empty = await chart({}, 640, { ...makeReport(), byCampaign: {} });
    expect(text($(empty, '[part~="empty"]'))).to.equal('No campaign sold anything in this period.');
    const error = await chart({ state: 'error' });
    expect(text($(error, '[part~="error"]'))).to.equal('This widget could not be shown.');
  });
});

describe('<promo-campaign-chart view="trend">', () => {
  it('draws each campaign against the store total, with a legend', async () => {
    const el = await chart({ view: 'trend' });
    expect(text($(el, '[part~="title"]'))).to.equal('Sales over time: campaigns against the store total');
    // The four campaigns with sales, by revenue: C1, C5, C2, C3.
    expect($$(el, '[part~="legend"] li').map(text)).to.deep.equal([
      'All sales (store)',
      'Tết sớm',
      '=HYPERLINK("x") voucher',
      'Quà tặng kèm',
      'Tích điểm x2',
    ]);
    expect($$(el, 'path.series').length).to.equal(4);
    expect($(el, 'path.area').getAttribute('d')).to.match(/^M/);
    // Series differ by dash pattern as well as colour.
    const dashes = $$(el, 'path.series').map((p) => p.getAttribute('stroke-dasharray'));
    expect(new Set(dashes).size).to.equal(4);
    const xTicks = $$(el, '.axis text[text-anchor]').map(text);
    expect(xTicks).to.include('Nov 1');
    await expect(el).to.be.accessible();
  });

  it('arrow keys move a cursor across the days; the tooltip and a live region tell the values', async () => {
    const el = await chart({ view: 'trend' });
    const plot = $(el, 'svg[part~="chart"]');
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    // 2026-11-01: all revenue = 2.1M attributed + 2M unattributed; C1 1.2M.
    const tip = text($(el, '[part~="tooltip"]'));
    expect(tip).to.contain('Nov 1, 2026');
    expect(tip).to.contain(`All sales (store): ${vnd(4_100_000)}`);
    expect(tip).to.contain(`Tết sớm: ${vnd(1_200_000)} (29.3%)`);
    const live = text($(el, '[aria-live]'));
    expect(live).to.contain('Nov 1, 2026; ');
    expect(live).to.contain(`All sales (store): ${vnd(4_100_000)}; Tết sớm: ${vnd(1_200_000)} (29.3%)`);
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await el.updateComplete;
    expect(text($(el, '[aria-live]'))).to.contain('Nov 7, 2026');
    expect($(el, 'line.cursor')).to.not.equal(null);
  });

  it('by ISO week: the days of each week added up', async () => {
    const el = await chart({ view: 'trend', grain: 'week' });
    el.toggleTable();
    await el.updateComplete;
    const rows = $$(el, '[part~="table"] tbody tr').map((r) => [...r.children].map(text));
    expect(rows.length).to.equal(2);
    // Week of Mon 26 Oct holds Sun 1 Nov only; week of 2 Nov the other six days.
    expect(rows[0][0]).to.equal('Week of Oct 26, 2026');
    expect(rows[0][2]).to.equal(vnd(1_200_000));
    expect(rows[1][2]).to.equal(vnd(10_800_000));
    const all = REPORT.daily.reduce((s, d) => s + d.allRevenue, 0);
    expect(rows[1][1]).to.equal(vnd(all - REPORT.daily[0].allRevenue));
    // Both weeks are cut by the period (1 and 6 days): hollow points, and the tooltip says so.
    expect($$(el, 'circle.partial').length).to.equal(8);
    const plot = $(el, 'svg[part~="chart"]');
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(text($(el, '[part~="tooltip"] strong'))).to.equal('Week of Oct 26, 2026 (1 of 7 days in the period)');
  });

  it('the selected campaign is highlighted among the others, in Vietnamese and the dark theme, on a phone card', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 280px"></div>`);
    const el = document.createElement('promo-campaign-chart');
    Object.assign(el, { report: REPORT, campaigns: CAMPAIGN_INFO });
    el.setAttribute('view', 'trend');
    el.setAttribute('selected', 'C2');
    el.setAttribute('locale', 'vi');
    el.setAttribute('theme', 'dark');
    el.setAttribute('currency', 'VND');
    wrap.append(el);
    await settle(el);
    expect($$(el, '[part~="legend"] li').map(text)).to.deep.equal([
      'Tổng doanh số (cửa hàng)',
      'Tết sớm',
      '=HYPERLINK("x") voucher',
      'Quà tặng kèm (đang chọn)',
      'Tích điểm x2',
    ]);
    expect($$(el, 'g.line.selected').map((g) => g.dataset.series)).to.deep.equal(['C2']);
    expect(Number($(el, 'svg[part~="chart"]').getAttribute('width'))).to.be.at.most(256);
    await expect(el).to.be.accessible();
  });

  it('a bar selected in the bars view carries to the trend view: its line bold, the others dimmed', async () => {
    const el = await chart({}, 768);
    const row = options(el).find((o) => o.dataset.id === 'C2')!;
    const change = oneEvent(el, 'promo-campaign-selection-change');
    row.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await change).detail).to.deep.equal({ campaignId: 'C2' });
    await el.updateComplete;
    expect(row.getAttribute('aria-pressed')).to.equal('true');
    el.view = 'trend';
    await el.updateComplete;
    expect($(el, 'svg[part~="chart"]').classList.contains('picked')).to.equal(true);
    const lines = $$(el, 'g.line');
    expect(lines.length).to.equal(4);
    const opacity = (e: Element) => Number(getComputedStyle(e).opacity);
    for (const g of lines) {
      if (g.dataset.series === 'C2') {
        expect(opacity(g)).to.equal(1);
        expect(parseFloat(getComputedStyle(g.querySelector('path.series')!).strokeWidth)).to.be.greaterThan(
          parseFloat(getComputedStyle($(el, 'g.line:not(.selected) path.series')).strokeWidth),
        );
      } else expect(opacity(g), g.dataset.series).to.be.lessThan(0.5);
    }
    // Drawn last, over the others; the legend says which one is selected.
    expect(lines[lines.length - 1]!.dataset.series).to.equal('C2');
    expect(text($(el, '[part~="legend"] li.selected'))).to.equal('Quà tặng kèm (selected)');
    // Unselected: no line steps back.
    el.selected = '';
    await el.updateComplete;
    expect($$(el, 'g.line').every((g) => opacity(g) === 1)).to.equal(true);
  });
});

describe('<promo-campaign-chart> axes, ties and the trend story', () => {
  /** y coordinates of an SVG path of straight segments (`M x,y L x,y ...`). */
  const pathYs = (d: string) => [...d.matchAll(/[ML]\s*[-\d.]+[ ,]([-\d.]+)/g)].map((m) => Number(m[1]));
  const pathXs = (d: string) => [...d.matchAll(/[ML]\s*([-\d.]+)[ ,]/g)].map((m) => Number(m[1]));

  it('campaigns of equal value keep their order by name, whatever order the report lists them in', async () => {
    // C3 ("Tích điểm x2") listed before C2 ("Quà tặng kèm"), both at 2,000,000.
    const { C1, C2, C3, C4, C5 } = REPORT.byCampaign;
    const tied = { ...C3!, revenue: { ...C3!.revenue!, value: 2_000_000 } };
    const report = { ...REPORT, byCampaign: { C5: C5!, C3: tied, C1: C1!, C4: C4!, C2: C2! } };
    const el = await chart({}, 640, report);
    expect(names(el)).to.deep.equal([
      'Tết sớm',
      '=HYPERLINK("x") voucher',
      'Quà tặng kèm',
      'Tích điểm x2',
      'Combo cuối năm',
    ]);
    expect(options(el)[2].getAttribute('aria-label')).to.contain('rank 3 of 5');
    expect(options(el)[3].getAttribute('aria-label')).to.contain('rank 4 of 5');
  });

  it('two axes share their zero: 0 % of the ROI axis sits on the currency zero line', async () => {
    // C3 has a negative ROI (−66.7 %): the ROI axis runs below zero, so the currency axis does too.
    const el = await chart({ 'secondary-metric': 'roi' }, 900);
    const zeroX = Number($(el, '.grid line.zero').getAttribute('x1'));
    const zeroPct = $$(el, '.second-axis').find((t) => text(t) === '0%')!;
    expect(Number(zeroPct.getAttribute('x'))).to.be.closeTo(zeroX, 0.6);
    // The negative ROI's dot is left of the zero line, the positive one right of it.
    const dot = (i: number) => Number(options(el)[i].querySelector('.dot')!.getAttribute('cx'));
    expect(dot(0)).to.be.greaterThan(zeroX);
    expect(dot(3)).to.be.lessThan(zeroX);
    // Bars still start at the zero line.
    expect(Number(options(el)[0].querySelector('.bar')!.getAttribute('x'))).to.equal(zeroX);
  });

  it('at most six ticks per axis, however wide the card', async () => {
    for (const width of [1440, 768, 375]) {
      const bars = await chart({}, width);
      const ticks = $$(bars, '.axis text').map(text);
      expect(ticks.length, `bars at ${width}`).to.be.within(2, 6);
      const trend = await chart({ view: 'trend' }, width);
      expect($$(trend, '.axis text.left-axis:not(.axis-title)').length, `left at ${width}`).to.be.within(2, 6);
      const dates = $$(trend, '.axis text:not(.left-axis)');
      expect(dates.length, `dates at ${width}`).to.be.within(2, 6);
    }
  });

  it('trend: the store total and the campaigns share one revenue axis: no line rises above the total', async () => {
    const el = await chart({ view: 'trend' }, 768);
    const grid = $$(el, '.grid line').map((l) => Number(l.getAttribute('y1')));
    const [top, bottom] = [Math.min(...grid), Math.max(...grid)];
    // One axis, at the left, titled; no second scale.
    expect($$(el, '.axis text.total-axis').length).to.equal(0);
    expect(text($(el, '.axis-title'))).to.equal('Revenue');
    const ticks = $$(el, '.axis text.left-axis:not(.axis-title)');
    const zero = ticks.find((t) => /^₫0$/.test(text(t)))!;
    expect(Number(zero.getAttribute('y'))).to.equal(bottom);
    // The store total's best day (5,800,000) sets the scale: the top tick is the first above it.
    expect(text(ticks[ticks.length - 1])).to.equal('₫6M');
    // Day by day, each campaign's point is at or under the store total's (SVG y grows downwards).
    const total = pathYs($(el, 'path.total').getAttribute('d')!);
    for (const p of $$(el, 'path.series')) {
      const ys = pathYs(p.getAttribute('d')!);
      ys.forEach((y, i) => expect(y, `${p.dataset.series} day ${i}`).to.be.at.least(total[i]! - 0.01));
    }
    // C1's best day (2,000,000) is a third of the way up, as on the store's scale.
    const c1Top = Math.min(...pathYs($(el, 'path.series[data-series="C1"]').getAttribute('d')!));
    expect((bottom - c1Top) / (bottom - top)).to.be.closeTo(2 / 6, 0.01);
    expect($(el, 'svg[part~="chart"]').getAttribute('aria-label')).to.equal(
      'Sales over time: campaigns against the store total',
    );
  });

  it('trend: a campaign with known dates is marked where it starts and ends, and its line stops outside its run', async () => {
    const runs: Record<string, { start: string; end: string }> = {
      C1: { start: '2026-10-20', end: '2026-11-03' },
      C2: { start: '2026-11-01', end: '2026-11-05' },
    };
    const campaigns = CAMPAIGN_INFO.map((c) => ({ ...c, ...runs[c.id] }));
    const el = await chart({ view: 'trend', series: 'C1,C2' }, 768, REPORT, campaigns);
    const xs = $$(el, 'circle')
      .map((c) => Number(c.getAttribute('cx')))
      .filter((x, i, all) => all.indexOf(x) === i)
      .sort((a, b) => a - b);
    expect(xs.length).to.equal(7);
    // C1 started before the period: no start mark; it ends on Nov 3 (the third day).
    expect($$(el, '.mark[data-series="C1"]').map((m) => m.classList.contains('end'))).to.deep.equal([true]);
    expect(Number($(el, '.mark.end[data-series="C1"] line').getAttribute('x1'))).to.equal(xs[2]);
    // C2 runs Nov 1 to Nov 5: both marks; no sales on Nov 6 and 7, so its line stops at Nov 5
    // (a gap, not a line along zero).
    expect(Number($(el, '.mark.start[data-series="C2"] line').getAttribute('x1'))).to.equal(xs[0]);
    expect(Number($(el, '.mark.end[data-series="C2"] line').getAttribute('x1'))).to.equal(xs[4]);
    const c2 = $(el, 'path.series[data-series="C2"]').getAttribute('d')!;
    expect(Math.max(...pathXs(c2))).to.equal(xs[4]);
    // C1 sold after its end (late orders): those days stay drawn.
    expect(Math.max(...pathXs($(el, 'path.series[data-series="C1"]').getAttribute('d')!))).to.equal(xs[6]);
    // The description says the runs in words.
    expect(text($(el, '.sr-only[id$="-desc"]'))).to.contain('Quà tặng kèm runs Nov 1, 2026 to Nov 5, 2026');
    el.toggleTable();
    await el.updateComplete;
    const rows = $$(el, '[part~="table"] tbody tr').map((r) => [...r.children].map(text));
    expect(rows[6]![3]).to.equal('—');
  });
});

describe('<promo-campaign-chart> trend view loaded on demand', () => {
  /** A chart whose trend module comes when `open` is called, or never (`fail`). */
  function gatedChart(tag: string) {
    let open!: () => void;
    let fail!: (e: Error) => void;
    const gate = new Promise<void>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    class Gated extends PromoCampaignChart {
      protected static override loadTrendView = () =>
        gate.then(() => import('../../../src/elements/campaign-chart/trend-view.js'));
    }
    if (!customElements.get(tag)) customElements.define(tag, Gated);
    return { open: () => open(), fail: (e: Error) => fail(e) };
  }

  async function place(tag: string, view = 'trend'): Promise<PromoCampaignChart> {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
    const el = document.createElement(tag) as PromoCampaignChart;
    Object.assign(el, { report: REPORT, campaigns: CAMPAIGN_INFO });
    el.setAttribute('view', view);
    el.setAttribute('currency', 'VND');
    wrap.append(el);
    // The first renders only (not updateComplete, which waits for the module).
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    return el;
  }

  it('the bars view does not ask for it; view="trend" shows the loading placeholder until it comes', async () => {
    const gate = gatedChart('test-chart-gated');
    const bars = await place('test-chart-gated', 'bars');
    expect($$(bars, '[role="button"]').length).to.equal(5);
    const el = await place('test-chart-gated');
    expect($(el, '[part~="skeleton"]')).to.not.equal(null);
    expect($(el, 'svg[part~="chart"]')).to.equal(null);
    await expect(el).to.be.accessible();
    gate.open();
    await el.updateComplete;
    expect($(el, '[part~="skeleton"]')).to.equal(null);
    expect($$(el, 'path.series').length).to.equal(4);
    // The bars chart switched to trend uses the module already loaded.
    bars.view = 'trend';
    await bars.updateComplete;
    expect($$(bars, 'path.series').length).to.equal(4);
  });

  it('a failed load shows an error in words and fires promo-error; nothing throws, the bars still work', async () => {
    const gate = gatedChart('test-chart-failing');
    const el = await place('test-chart-failing');
    const error = oneEvent(el, 'promo-error');
    gate.fail(new Error('chunk not found'));
    await el.updateComplete;
    const { detail } = await error;
    expect(detail.message).to.equal('The chart over time could not be loaded. Reload the page to try again.');
    expect((detail.error as Error).cause).to.be.instanceOf(Error);
    expect(text($(el, '[part~="error"]'))).to.equal(detail.message);
    el.locale = 'vi';
    await el.updateComplete;
    expect(text($(el, '[part~="error"]'))).to.equal(
      'Không tải được biểu đồ theo thời gian. Hãy tải lại trang để thử lại.',
    );
    el.view = 'bars';
    await el.updateComplete;
    expect($$(el, '[role="button"]').length).to.equal(5);
  });
});

describe('<promo-campaign-chart> values beside the bars', () => {
  /** The fixture with every campaign's revenue 12,345 times larger: C1 148,140,000,000 ₫. */
  const BIG = structuredClone(REPORT);
  for (const k of Object.values(BIG.byCampaign)) if (k?.revenue?.value) k.revenue.value *= 12_345;

  /** A chart in a card as wide as the viewport (16 px padding), as on a phone or a tablet. */
  async function inCard(viewport: number, report = REPORT, locale = 'vi'): Promise<PromoCampaignChart> {
    await setViewport({ width: viewport, height: 900 });
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="box-sizing: border-box; padding: 16px; width: 100%"></div>`,
    );
    const el = document.createElement('promo-campaign-chart');
    el.setAttribute('currency', 'VND');
    el.setAttribute('locale', locale);
    el.report = report;
    el.campaigns = CAMPAIGN_INFO;
    wrap.append(el);
    await settle(el);
    return el;
  }

  /** Each value stays on one line inside the card, right of its bar's end. */
  function expectInside(el: PromoCampaignChart, label: string): void {
    const card = $(el, '[part="base"]').getBoundingClientRect();
    for (const o of options(el)) {
      const v = texts(o).querySelector('.value')!;
      const r = v.getBoundingClientRect();
      expect(r.right, `${label}: ${text(v)} right edge`).to.be.at.most(card.right - 1);
      expect(r.height, `${label}: ${text(v)} on one line`).to.be.below(30);
      const bar = o.querySelector('.bar');
      if (bar)
        expect(r.left, `${label}: ${text(v)} clear of its bar`).to.be.at.least(bar.getBoundingClientRect().right);
    }
  }

  after(() => setViewport({ width: 800, height: 600 }));

  it('at 375 px: large values turn compact, values that fit stay in full; the full value stays in the name, tooltip and table', async () => {
    const big = await inCard(375, BIG);
    const values = () => options(big).map((o) => text(texts(o).querySelector('.value')));
    expect(values().slice(0, 2)).to.deep.equal(['148,1 tỷ ₫', '37 tỷ ₫']);
    expectInside(big, '375 large');
    const c1 = options(big)[0]!;
    expect(c1.getAttribute('aria-label')!.replace(/\s+/g, ' ')).to.contain(
      `Doanh thu khuyến mãi: ${vnd(148_140_000_000, 'vi-VN')}`,
    );
    c1.focus();
    await big.updateComplete;
    expect(text($(big, '[part~="tooltip"]'))).to.contain(vnd(148_140_000_000, 'vi-VN'));
    big.toggleTable();
    await big.updateComplete;
    expect(text($$(big, '[part~="table"] tbody tr')[0])).to.contain(vnd(148_140_000_000, 'vi-VN'));

    // The fixture's values (12,000,000 ₫) fit a phone card in full.
    const small = await inCard(375);
    expect(text(texts(options(small)[0]).querySelector('.value'))).to.equal(vnd(12_000_000, 'vi-VN'));
    expectInside(small, '375 small');
    // So do short English ones.
    const en = await inCard(375, BIG, 'en');
    expect(text(texts(options(en)[0]).querySelector('.value'))).to.equal('₫148.1B');
    expectInside(en, '375 en');
  });

  it('at 768 px: the same large values are written in full, inside the card', async () => {
    const big = await inCard(768, BIG);
    expect(text(texts(options(big)[0]).querySelector('.value'))).to.equal(vnd(148_140_000_000, 'vi-VN'));
    expectInside(big, '768 large');
    const en = await inCard(768, BIG, 'en');
    expect(text(texts(options(en)[0]).querySelector('.value'))).to.equal(vnd(148_140_000_000));
    expectInside(en, '768 en');
  });
});
