import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/breakdown/define.js';
import type { PromoBreakdown } from '../../../src/elements/breakdown/breakdown.js';
import { rankBreakdown, breakdownLayout, OTHERS_KEY } from '../../../src/elements/breakdown/layout.js';
import { makeReportV2, type ReportV2 } from '../../fixtures/report-v2.js';
import { $, $$, boardState, captureExport, settle, text, TestBoard } from '../shared/helpers.js';

async function breakdown(
  attrs: Record<string, string> = {},
  report: ReportV2 | null = makeReportV2(),
  width = 640,
): Promise<PromoBreakdown> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  const el = document.createElement('promo-breakdown');
  el.setAttribute('currency', 'VND');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (report) el.report = report;
  wrap.append(el);
  await settle(el);
  return el;
}

const options = (el: Element) => $$<SVGGElement>(el, 'svg [role="button"]');
const labels = (el: Element) => $$(el, '.row-text .label').map(text);
const values = (el: Element) => $$(el, '.row-text .value').map(text);
const comparisons = (el: Element) => $$(el, '.row-text .comparison').map(text);
const barWidth = (el: Element, i: number) => Number(options(el)[i]!.querySelector('.bar')?.getAttribute('width') ?? 0);

describe('<promo-breakdown>', () => {
  it('ranks revenue by channel, highest first, with each channel’s share of the total', async () => {
    const el = await breakdown();
    expect(text($(el, '[part~="title"]'))).to.equal('Promotion revenue by channel');
    expect(labels(el)).to.deep.equal(['Store', 'Web']);
    expect(values(el)).to.deep.equal(['₫11,000,000', '₫7,500,000']);
    // 11,000,000 / 18,500,000 = 59.5 %; 7,500,000 / 18,500,000 = 40.5 %.
    expect(comparisons(el)).to.deep.equal(['59.5%', '40.5%']);
    expect(text($(el, '[part~="comparison-head"]'))).to.equal('Share of total');
    // Bars in proportion: web / store = 7.5 / 11.
    expect(barWidth(el, 1) / barWidth(el, 0)).to.be.closeTo(7.5 / 11, 0.01);
    expect(options(el)[0]!.getAttribute('aria-label')).to.equal('Store: ₫11,000,000; 59.5% of total; rank 1 of 2');
    // Every order has a channel in this report: no remainder note.
    expect($(el, '[part~="note"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('by an attribute: the stores, and the revenue of orders without a store', async () => {
    const el = await breakdown({ by: 'store' });
    expect(text($(el, '[part~="title"]'))).to.equal('Promotion revenue by store');
    expect(labels(el)).to.deep.equal(['Q1-01', 'HN-01', 'Q3-02']);
    expect(comparisons(el)).to.deep.equal(['32.4%', '27.0%', '24.3%']);
    expect(text($(el, '[part~="note"]'))).to.equal('Without a store: ₫3,000,000.');
  });

  it('orders, buyers (overlap note) and aov (against the average basket)', async () => {
    const el = await breakdown({ by: 'store', kpi: 'orders' });
    expect(labels(el)).to.deep.equal(['Q1-01', 'Q3-02', 'HN-01']);
    expect(values(el)).to.deep.equal(['20', '18', '16']);
    expect(text($(el, '[part~="note"]'))).to.equal('Without a store: 12.');
    el.kpi = 'buyers';
    await settle(el);
    expect(values(el)).to.deep.equal(['16', '15', '14']);
    expect(text($(el, '[part~="note"]'))).to.contain('can add up to more than 100%');
    // `metric` is the same as `kpi`; `kpi` wins when both are set.
    el.kpi = '';
    el.metric = 'aov';
    await settle(el);
    expect(text($(el, '[part~="comparison-head"]'))).to.equal('vs average');
    // HN-01: 312,500 against 18,500,000 / 66 = 280,303: +11.5 %.
    expect(labels(el)[0]).to.equal('HN-01');
    expect(comparisons(el)[0]).to.equal('+11.5%');
  });

  it('folds values beyond the limit into "Others" for revenue; the table keeps every value', async () => {
    const report = makeReportV2();
    report.byAttribute!.store = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `S${String(i + 1).padStart(2, '0')}`,
        { revenue: (12 - i) * 100_000, orders: 12 - i, buyers: 12 - i, aov: 100_000 },
      ]),
    );
    const el = await breakdown({ by: 'store', limit: '5' }, report);
    expect(labels(el)).to.deep.equal(['S01', 'S02', 'S03', 'S04', 'S05', 'Others (7)']);
    // 7 + 6 + ... + 1 = 28 x 100,000.
    expect(values(el)[5]).to.equal('₫2,800,000');
    expect(options(el)[5]!.getAttribute('aria-disabled')).to.equal('true');
    // The scale runs to S01 (1,200,000): the "others" bar (2,800,000) is cut at the end of the track.
    expect(barWidth(el, 5)).to.be.closeTo(barWidth(el, 0), 0.5);
    expect(barWidth(el, 1) / barWidth(el, 0)).to.be.closeTo(11 / 12, 0.01);
    el.toggleTable();
    await settle(el);
    expect($$(el, '[part~="table"] tbody tr').length).to.equal(12);
    // aov does not add up: every value is listed.
    el.kpi = 'aov';
    await settle(el);
    expect(options(el).length).to.equal(12);
    // The limit as a property, in its string form (frameworks set properties).
    el.kpi = 'revenue';
    (el as unknown as { limit: string }).limit = '3';
    await settle(el);
    expect(labels(el)).to.deep.equal(['S01', 'S02', 'S03', 'Others (9)']);
  });

  it('keyboard: arrows move, Enter selects and fires promo-breakdown-selection-change; again unselects', async () => {
    const el = await breakdown({ by: 'store' });
    const seen: unknown[] = [];
    const filters: unknown[] = [];
    el.addEventListener('promo-breakdown-selection-change', (e) => seen.push((e as CustomEvent).detail));
    el.addEventListener('promo-breakdown-select', (e) => filters.push((e as CustomEvent).detail));
    const first = options(el)[0]!;
    expect(first.getAttribute('tabindex')).to.equal('0');
    first.focus();
    const key = (k: string) =>
      el.shadowRoot!.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }),
      );
    key('ArrowDown');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(options(el)[1]);
    key('Enter');
    await settle(el);
    expect(seen).to.deep.equal([{ by: 'store', value: 'HN-01' }]);
    expect(options(el)[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(options(el)[0]!.getAttribute('aria-pressed')).to.equal('false');
    // Selecting is not filtering; the "Filter by" button is the one step that does.
    expect(filters).to.deep.equal([]);
    const action = $<HTMLButtonElement>(el, '[part~="filter-action"]');
    expect(action.textContent!.trim()).to.equal('Filter by HN-01');
    action.click();
    expect(filters).to.deep.equal([{ by: 'store', value: 'HN-01' }]);
    // Another value is picked directly.
    options(el)[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    expect(options(el)[0]!.getAttribute('aria-pressed')).to.equal('true');
    expect(options(el)[1]!.getAttribute('aria-pressed')).to.equal('false');
    expect(Number(getComputedStyle(options(el)[1]!.querySelector('.bar')!).opacity)).to.be.lessThan(0.5);
    options(el)[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    key('ArrowDown');
    await settle(el);
    key(' ');
    await settle(el);
    key(' ');
    await settle(el);
    expect(seen.slice(1)).to.deep.equal([
      { by: 'store', value: 'Q1-01' },
      { by: 'store', value: null },
      { by: 'store', value: 'HN-01' },
      { by: 'store', value: null },
    ]);
    expect(el.shadowRoot!.querySelector('[part~="filter-action"]')).to.equal(null);
    key('End');
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(options(el)[2]);
  });

  it('narrow cards put the labels above the bars', async () => {
    const el = await breakdown({}, makeReportV2(), 300);
    const label = $$<SVGTextElement>(el, '.row-text .label')[0]!;
    const bar = options(el)[0]!.querySelector('.bar')!;
    expect(label.getAttribute('text-anchor')).to.equal('start');
    expect(Number(label.getAttribute('y'))).to.be.lessThan(Number(bar.getAttribute('y')));
    const svg = $<SVGSVGElement>(el, 'svg[part~="chart"]');
    expect(svg.getBoundingClientRect().width).to.be.at.most(300);
  });

  it('empty, missing breakdown, bad kpi or by: said in words, the rest still shown', async () => {
    const report = makeReportV2();
    report.byChannel = {};
    let el = await breakdown({}, report);
    expect(text($(el, '[part~="empty"]'))).to.equal('No channel in this period.');
    el = await breakdown({ by: 'category' });
    expect(text($(el, '[part~="empty"]'))).to.contain('no breakdown by “category”');
    // A value the widget can't read: named, the default used, and a promo-config-error.
    el = await breakdown({ kpi: 'roi' });
    expect(text($(el, '[part~="config-error"]'))).to.equal(
      'kpi="roi" ignored: expected one of revenue, orders, buyers, aov. Using the default.',
    );
    expect(labels(el)).to.deep.equal(['Store', 'Web']);
    const errors: { property: string }[] = [];
    el.addEventListener('promo-config-error', (e) => errors.push((e as CustomEvent).detail));
    el.setAttribute('by', 'bad name');
    await settle(el);
    expect(errors.map((e) => e.property)).to.deep.equal(['by']);
    expect(text($(el, '[part~="config-error"]'))).to.contain(
      'by="bad name" ignored: expected channel or an attribute name (letters, digits and _, starting with a letter).',
    );
    expect(text($(el, '[part~="title"]'))).to.equal('Promotion revenue by channel');
  });

  it('states: loading, error, and the board’s report and filter', async () => {
    const board = await fixture<TestBoard>(
      html`<test-board><promo-breakdown by="region"></promo-breakdown></test-board>`,
    );
    const el = board.querySelector('promo-breakdown')!;
    board.state = boardState({ status: 'loading' });
    await settle(el);
    expect($(el, '[part~="skeleton"]')).to.not.equal(null);
    board.state = boardState({
      report: makeReportV2(),
      query: { from: '2026-11-01', to: '2026-11-07', filters: { region: ['HN'] } } as never,
    });
    await settle(el);
    expect(labels(el)).to.deep.equal(['HCM', '✓ HN']);
    el.state = 'error';
    el.errorMessage = 'Lost';
    await settle(el);
    expect(text($(el, '[part~="error"]'))).to.equal('Lost');
  });

  it('Vietnamese, and CSV export with raw numbers', async () => {
    const el = await breakdown({ locale: 'vi', by: 'store' });
    expect(text($(el, '[part~="title"]'))).to.equal('Doanh thu khuyến mãi theo cửa hàng');
    expect(text($(el, '[part~="comparison-head"]'))).to.equal('Tỷ trọng');
    const csv = await (await captureExport(el, 'csv')).blob.text();
    expect(csv).to.contain('Cửa hàng,');
    expect(csv).to.contain('Q1-01,6000000,');
    const svg = await captureExport(el, 'svg');
    expect(svg.filename).to.match(/\.svg$/);
  });
});

/**
 * A report with the demo's sizes of amounts: channel revenue in hundreds of millions of VND,
 * stores in tens of millions, and over a billion from orders without a store.
 */
function bigReport(): ReportV2 {
  const report = makeReportV2();
  const channels: Record<string, number> = {
    web: 373_898_000,
    social: 372_191_000,
    app: 335_960_000,
    marketplace: 329_654_000,
    store: 136_000_000,
  };
  report.byChannel = Object.fromEntries(
    Object.entries(channels).map(([k, revenue]) => [k, { revenue, orders: 100, buyers: 90, aov: revenue / 100 }]),
  ) as typeof report.byChannel;
  const stores = [29_944_000, 28_240_000, 25_146_000, 21_698_000, 19_259_000, 19_070_000, 18_563_000, 18_111_000];
  report.byAttribute.store = Object.fromEntries(
    [...stores, 14_000_000, 13_000_000, 12_527_000].map((revenue, i) => [
      `S${String(i + 1).padStart(2, '0')}`,
      { revenue, orders: 10, buyers: 9, aov: revenue / 10 },
    ]),
  );
  report.kpis.revenue = { ...report.kpis.revenue!, value: 1_547_703_000 };
  return report;
}

/** A full amount has at least two group separators (millions); a compact one has none. */
const isFull = (s: string) => /\d([.,\u202f]\d{3}){2,}/.test(s);
const box = (e: Element) => e.getBoundingClientRect();

describe('<promo-breakdown> value column', () => {
  // Card widths of the demo board at 375, 768 and 1,440 px (one and two columns), and a full row.
  for (const width of [351, 452, 720, 1400])
    for (const locale of ['vi', 'en'])
      for (const by of ['channel', 'store'])
        it(`at ${width} px (${locale}, by ${by}) no value touches its track, label or comparison; every row in one form`, async () => {
          const el = await breakdown({ locale, by }, bigReport(), width);
          const svg = $<SVGSVGElement>(el, 'svg[part~="chart"]');
          expect(box(svg).width).to.be.at.most(width);
          const vs = $$<SVGTextElement>(el, '.row-text .value');
          const cs = $$<SVGTextElement>(el, '.row-text .comparison');
          const ls = $$<SVGTextElement>(el, '.row-text .label');
          const tracks = options(el).map((o) => o.querySelector('.track')!);
          const side = ls[0]!.getAttribute('text-anchor') === 'end';
          expect(side).to.equal(width >= 452);
          vs.forEach((v, i) => {
            const t = box(v);
            if (side) expect(t.left - box(tracks[i]!).right, `${v.textContent} after its track`).to.be.at.least(4);
            else expect(t.left - box(ls[i]!).right, `${v.textContent} after its label`).to.be.at.least(4);
            expect(box(cs[i]!).left - t.right, `${v.textContent} before its comparison`).to.be.at.least(4);
            expect(t.right).to.be.at.most(box(svg).right + 0.5);
          });
          // One form for every row, the note on orders without a value included.
          const forms = vs.map((v) => isFull(text(v)));
          const note = $(el, '[part~="note"]');
          if (note) forms.push(isFull(text(note)));
          expect(new Set(forms).size, forms.join()).to.equal(1);
          // Full values wherever they fit: from a phone's card width up.
          expect(forms[0]).to.equal(true);
          // The accessible name and the tooltip always carry the full value.
          for (const o of options(el).slice(0, 3)) {
            expect(isFull(o.getAttribute('aria-label')!)).to.equal(true);
            expect(o.querySelector('title')!.textContent).to.equal(o.getAttribute('aria-label'));
          }
        });

  it('measures again when the page’s fonts finish loading', async () => {
    const el = await breakdown({ locale: 'vi' }, bigReport(), 720);
    expect(el.isUpdatePending).to.equal(false);
    document.fonts.dispatchEvent(new Event('loadingdone'));
    expect(el.isUpdatePending).to.equal(true);
    await settle(el);
  });

  it('turns every value compact, note included, only when the measured room is short', async () => {
    const report = bigReport();
    // Long store names leave the values too little room on a narrow card.
    report.byAttribute.store = Object.fromEntries(
      Object.entries(report.byAttribute.store).map(([k, v]) => [`Cửa hàng trung tâm ${k}`, v]),
    );
    const el = await breakdown({ locale: 'vi', by: 'store' }, report, 240);
    const vs = $$(el, '.row-text .value').map(text);
    expect(
      vs.every((v) => !isFull(v)),
      vs.join(),
    ).to.equal(true);
    expect(isFull(text($(el, '[part~="note"]')))).to.equal(false);
    // The table keeps the full values.
    expect(isFull(options(el)[0]!.getAttribute('aria-label')!)).to.equal(true);
    const wide = await breakdown({ locale: 'vi', by: 'store' }, report, 720);
    expect($$(wide, '.row-text .value').map(text).every(isFull)).to.equal(true);
    expect(isFull(text($(wide, '[part~="note"]')))).to.equal(true);
  });
});

describe('breakdown layout', () => {
  it('ranks by value, missing values last, ties by key', () => {
    const r = rankBreakdown(
      [
        { key: 'b', value: 5 },
        { key: 'a', value: 5 },
        { key: 'z', value: null },
        { key: 'c', value: 9 },
      ],
      10,
      true,
    );
    expect(r.map((x) => [x.key, x.rank])).to.deep.equal([
      ['c', 1],
      ['a', 2],
      ['b', 3],
      ['z', null],
    ]);
    // One row over the limit is shown, not folded into an "others" of one.
    expect(rankBreakdown(r, 3, true).map((x) => x.key)).to.deep.equal(['c', 'a', 'b', 'z']);
    expect(rankBreakdown(r, 2, true).map((x) => x.key)).to.deep.equal(['c', 'a', OTHERS_KEY]);
  });

  it('bars run from 0 to the largest value inside the width', () => {
    const l = breakdownLayout([10, 5, null], {
      width: 600,
      fontSize: 14,
      labels: ['a', 'b', 'c'],
      valueLabels: ['10', '5', '—'],
      comparisonLabels: ['66%', '33%', '—'],
    });
    expect(l.arrangement).to.equal('side');
    expect(l.rows[0]!.barWidth).to.be.closeTo(l.x1 - l.x0, 0.001);
    expect(l.rows[1]!.barWidth).to.be.closeTo((l.x1 - l.x0) / 2, 0.001);
    expect(l.rows[2]!.barWidth).to.equal(0);
    expect(l.valueX).to.be.lessThan(l.comparisonX);
    expect(l.x1).to.be.lessThan(l.valueX);
  });
});
