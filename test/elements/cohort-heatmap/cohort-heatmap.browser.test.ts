import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/cohort-heatmap/define.js';
import type { PromoCohortHeatmap } from '../../../src/elements/cohort-heatmap/cohort-heatmap.js';
import { luminance } from '../../../src/elements/cohort-heatmap/layout.js';
import { makeReport, REPORT } from '../../fixtures/report.js';
import { $, $$, captureExport, rgb, settle, text } from '../shared/helpers.js';
import { emulateMedia, executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { MONTH_ROWS, monthCohortReport } from './fixtures.js';

const vnd = (n: number, tag = 'en-US') =>
  new Intl.NumberFormat(tag, { style: 'currency', currency: 'VND' }).format(n).replace(/\s+/g, ' ');

async function heatmap(
  attrs: Record<string, string> = {},
  width = 640,
  report = monthCohortReport(),
): Promise<PromoCohortHeatmap> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  const el = document.createElement('promo-cohort-heatmap');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('currency', 'VND');
  el.report = report;
  wrap.append(el);
  await settle(el);
  return el;
}

const cells = (el: Element) => $$<SVGGElement>(el, '[role="gridcell"]');
/** The value printed on a cell (drawn over it, hidden from assistive technology: the cell's name has it). */
const printed = (el: Element, r: number, c: number) => text(el.shadowRoot!.querySelector(`[data-cell="${r}-${c}"]`));
const cellAt = (el: Element, r: number, c: number) =>
  $<SVGGElement>(el, `[role="gridcell"][data-row="${r}"][data-col="${c}"]`);
/** The cell's fill as rgb channels (Chromium resolves color-mix to a color() or rgb() value). */
function fillLuminance(g: Element): number {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = getComputedStyle(g.querySelector('rect')!).fill;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g2, b] = ctx.getImageData(0, 0, 1, 1).data;
  return luminance(`rgb(${r}, ${g2}, ${b})`)!;
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('<promo-cohort-heatmap>', () => {
  it('draws monthly cohorts by month since first order, values in the cells', async () => {
    const el = await heatmap();
    expect(text($(el, '[part~="title"]'))).to.equal('Retention by cohort');
    // A triangle: 5 + 4 + 3 + 2 + 1 cells.
    expect(cells(el).length).to.equal(15);
    expect($$(el, '[role="columnheader"]').slice(1).map(text)).to.deep.equal([
      'Month 0',
      'Month 1',
      'Month 2',
      'Month 3',
      'Month 4',
    ]);
    expect($$(el, '[role="rowheader"]').map(text)).to.deep.equal([
      'Jul 2026 · 120',
      'Aug 2026 · 95',
      'Sep 2026 · 80',
      'Oct 2026 · 64',
      'Nov 2026 · 40',
    ]);
    expect(printed(el, 0, 1)).to.equal('42.0%');
    expect(printed(el, 1, 3)).to.equal('21.0%');
    expect(cellAt(el, 0, 1).getAttribute('aria-label')).to.equal('Jul 2026 (120 customers), Month 1: 42.0% (50/120)');
    // Geometry: columns left to right, rows top to bottom, all cells the same size.
    const x = (g: Element) => Number(g.querySelector('rect')!.getAttribute('x'));
    const y = (g: Element) => Number(g.querySelector('rect')!.getAttribute('y'));
    expect(x(cellAt(el, 0, 2))).to.be.greaterThan(x(cellAt(el, 0, 1)));
    expect(y(cellAt(el, 1, 0))).to.be.greaterThan(y(cellAt(el, 0, 0)));
    // Legend: 0 % to the largest later-month retention (45 %).
    expect(text($(el, '[part~="legend"]'))).to.equal('0% 45%+');
    expect(text($(el, '.sr-only'))).to.contain('5 cohorts, 399 customers; Month 1: 41.3% on average.');
    await expect(el).to.be.accessible();
  });

  it('colours follow the value (darker is higher in the light theme) and cell text stays readable', async () => {
    const el = await heatmap({ theme: 'light' });
    const l45 = fillLuminance(cellAt(el, 2, 1));
    const l30 = fillLuminance(cellAt(el, 0, 2));
    const l20 = fillLuminance(cellAt(el, 0, 4));
    expect(l45).to.be.lessThan(l30);
    expect(l30).to.be.lessThan(l20);
    for (const g of cells(el)) {
      const t = el.shadowRoot!.querySelector(`[data-cell="${g.dataset.row}-${g.dataset.col}"]`);
      if (!t) continue;
      const fg = luminance(getComputedStyle(t).fill)!;
      expect(contrast(fg, fillLuminance(g)), g.getAttribute('aria-label')!).to.be.at.least(4.5);
    }
  });

  it('in the dark theme the scale runs the other way, text still readable', async () => {
    const el = await heatmap({ theme: 'dark' });
    expect(fillLuminance(cellAt(el, 2, 1))).to.be.greaterThan(fillLuminance(cellAt(el, 0, 4)));
    for (const g of cells(el)) {
      const t = el.shadowRoot!.querySelector(`[data-cell="${g.dataset.row}-${g.dataset.col}"]`);
      if (!t) continue;
      expect(contrast(luminance(getComputedStyle(t).fill)!, fillLuminance(g))).to.be.at.least(4.5);
    }
    expect(getComputedStyle($(el, '[part="base"]')).backgroundColor).to.equal(rgb('#161b22'));
    await expect(el).to.be.accessible();
  });

  it('theme auto: a change of the system colour scheme re-picks the cell text colours', async () => {
    const el = await heatmap();
    /** Whether every printed value contrasts at least 4.5:1 with its cell. */
    const readable = () =>
      cells(el).every((g) => {
        const t = el.shadowRoot!.querySelector(`[data-cell="${g.dataset.row}-${g.dataset.col}"]`);
        return !t || contrast(luminance(getComputedStyle(t).fill)!, fillLuminance(g)) >= 4.5;
      });
    const light = fillLuminance(cellAt(el, 2, 1));
    expect(readable()).to.equal(true);
    try {
      await emulateMedia({ colorScheme: 'dark' });
      // The dark scale runs the other way: the highest value is now the lightest cell.
      await waitUntil(() => fillLuminance(cellAt(el, 2, 1)) > light, 'the dark palette', { timeout: 3000 });
      await waitUntil(readable, 'cell text re-picked for the dark palette', { timeout: 3000 });
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('forced colors: the cell text is still picked against the heat colours (the cells keep them)', async () => {
    await executeServerCommand('promo-forced-colors', { active: true });
    try {
      const el = await heatmap({ theme: 'light' });
      for (const g of cells(el)) {
        const t = el.shadowRoot!.querySelector(`[data-cell="${g.dataset.row}-${g.dataset.col}"]`);
        if (!t) continue;
        const fg = luminance(getComputedStyle(t).fill)!;
        expect(contrast(fg, fillLuminance(g)), g.getAttribute('aria-label')!).to.be.at.least(4.5);
      }
    } finally {
      await executeServerCommand('promo-forced-colors', { active: false });
    }
  });

  it('revenue mode: the cohort revenue per month, in VND', async () => {
    const el = await heatmap({ mode: 'revenue' });
    expect(text($(el, '[part~="title"]'))).to.equal('Revenue by cohort');
    // Jul cohort, month 0: 120 members x 250,000.
    expect(cellAt(el, 0, 0).dataset.value).to.equal(String(MONTH_ROWS[0].revenue[0]));
    expect(cellAt(el, 0, 0).getAttribute('aria-label')).to.equal(
      `Jul 2026 (120 customers), Month 0: ${vnd(30_000_000)}`,
    );
    expect(printed(el, 0, 0)).to.equal('₫30M');
    expect(text($(el, '[part~="legend"]'))).to.equal('₫0 ₫30M');
  });

  it('weekly cohorts as the report gives them (fixture: ISO weeks)', async () => {
    const el = await heatmap({}, 640, REPORT);
    expect($$(el, '[role="rowheader"]').map(text)).to.deep.equal(['Oct 26, 2026 · 20', 'Nov 2, 2026 · 14']);
    expect($$(el, '[role="columnheader"]').slice(1).map(text)).to.deep.equal(['Week 0', 'Week 1']);
    expect(printed(el, 0, 1)).to.equal('35.0%');
    expect(cellAt(el, 0, 1).getAttribute('aria-label')).to.equal('Oct 26, 2026 (20 customers), Week 1: 35.0% (7/20)');
  });

  it('arrow keys move between cells, inside the triangle; focus shows a tooltip', async () => {
    const el = await heatmap();
    const tabbable = cells(el).filter((c) => c.getAttribute('tabindex') === '0');
    expect(tabbable.length).to.equal(1);
    tabbable[0].focus();
    await el.updateComplete;
    const key = async (k: string, ctrlKey = false) => {
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey, bubbles: true }));
      await el.updateComplete;
      await el.updateComplete;
    };
    const at = () => {
      const a = el.shadowRoot!.activeElement as HTMLElement;
      return [Number(a.dataset.row), Number(a.dataset.col)];
    };
    expect(at()).to.deep.equal([0, 0]);
    await key('End');
    expect(at()).to.deep.equal([0, 4]);
    await key('ArrowDown');
    expect(at()).to.deep.equal([1, 3]);
    expect(text($(el, '[part~="tooltip"]'))).to.equal('Aug 2026 (95 customers), Month 3: 21.0% (20/95)');
    await key('End', true);
    expect(at()).to.deep.equal([4, 0]);
    await key('ArrowRight');
    expect(at()).to.deep.equal([4, 0]);
    await key('Home', true);
    expect(at()).to.deep.equal([0, 0]);
  });

  it('hovering a cell shows its tooltip, a click puts the cursor on it; leaving the grid hides the tooltip', async () => {
    const el = await heatmap();
    const box = cellAt(el, 1, 2).querySelector('rect')!.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await el.updateComplete;
    expect(text($(el, '[part~="tooltip"]'))).to.equal('Aug 2026 (95 customers), Month 2: 27.0% (26/95)');
    // Just below the cell, from its left edge.
    const tip = rectOf($(el, '[part~="tooltip"]'));
    expect(tip.left).to.be.closeTo(box.left, 1);
    expect(tip.top).to.be.closeTo(box.bottom + 4 + 1, 2);
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await el.updateComplete;
    expect(
      cells(el)
        .filter((c) => c.getAttribute('tabindex') === '0')
        .map((c) => c.getAttribute('aria-label')),
    ).to.deep.equal(['Aug 2026 (95 customers), Month 2: 27.0% (26/95)']);
    const svg = $(el, 'svg[part~="chart"]').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(svg.right + 40), Math.round(svg.bottom + 40)] });
    (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
    await el.updateComplete;
    expect($(el, '[part~="tooltip"]')).to.equal(null);
  });

  it('recency mode: customers and revenue per segment', async () => {
    const el = await heatmap({ mode: 'recency' }, 640, REPORT);
    expect(text($(el, '[part~="title"]'))).to.equal('Customers by days since last order');
    expect($$(el, '.rec-label').map(text)).to.deep.equal(['0-7 days', '8-14 days', '15-28 days', '29+ days']);
    expect($$(el, '.rec-value').map(text)).to.deep.equal(['58', '25', '30', '120']);
    const widths = $$(el, '.rec-bar').map((r) => Number(r.getAttribute('width')));
    expect(widths[0] / widths[3]).to.be.closeTo(58 / 120, 0.01);
    expect($(el, 'svg[part~="chart"]').getAttribute('aria-label')).to.contain(
      `0-7 days since last order: 58 customers, ${vnd(35_000_000)}`,
    );
    await expect(el).to.be.accessible();
  });

  it('shows recency beside the heatmap on a wide card, below it on a narrow one', async () => {
    const wide = await heatmap({ 'show-recency': '' }, 1000);
    expect($(wide, '.panels').classList.contains('side')).to.equal(true);
    expect($(wide, '[part~="recency"]')).to.not.equal(null);
    await expect(wide).to.be.accessible();
    const narrow = await heatmap({ 'show-recency': '' }, 280);
    expect($(narrow, '.panels').classList.contains('side')).to.equal(false);
  });

  it('says so when the recency panel has no customer to show', async () => {
    const report = { ...monthCohortReport(), recency: [] };
    const el = await heatmap({ 'show-recency': '' }, 1000, report);
    expect(text($(el, '.panels .note'))).to.equal('No customer has ordered yet.');
    expect($(el, '[part~="recency"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('on a phone every cell shows its value, rows keep their size, the header stays in its column', async () => {
    for (const locale of ['en', 'vi']) {
      const el = await heatmap({ locale }, 280);
      const scroller = $(el, '.scroll-x');
      expect(scroller.clientWidth).to.be.at.most(256);
      // A value in every cell, inside the cell.
      const values = $$(el, '.cell-value');
      expect(values.length).to.equal(cells(el).length);
      for (const v of values) {
        const [row, col] = v.dataset.cell!.split('-').map(Number);
        const box = cellAt(el, row, col).querySelector('rect')!.getBoundingClientRect();
        const t = v.getBoundingClientRect();
        expect(t.left, v.textContent!).to.be.at.least(box.left - 0.5);
        expect(t.right, v.textContent!).to.be.at.most(box.right + 0.5);
      }
      // Row labels keep the cohort size, after the date or below it (no ellipsis eats it).
      for (const head of $$(el, '[role="rowheader"]')) {
        const shown = [...head.querySelectorAll('text')].map(text).join(' ');
        expect(shown).to.match(/^\S+( ·)? [\d.,]+$/);
        expect(shown).not.to.contain('…');
      }
      // The header above the row labels ends before the first column starts.
      const head = $(el, '[role="columnheader"] text').getBoundingClientRect();
      const firstCol = cellAt(el, 0, 0).querySelector('rect')!.getBoundingClientRect();
      expect(head.right).to.be.at.most(firstCol.left);
      await expect(el).to.be.accessible();
    }
  });

  it('draws a focus ring that shows on the darkest cell', async () => {
    const el = await heatmap();
    const dark = cellAt(el, 0, 0);
    dark.focus();
    await el.updateComplete;
    // Focused by keyboard: a ring in the focus colour, and a surface-coloured ring between it and the cell.
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    const focused = cellAt(el, 0, 0);
    expect(el.shadowRoot!.activeElement).to.equal(focused);
    const ring = getComputedStyle(focused.querySelector('.ring')!);
    const inner = getComputedStyle(focused.querySelector('.cell')!);
    expect(ring.stroke).to.not.equal('none');
    expect(inner.stroke).to.equal(getComputedStyle($(el, '[part~="base"]')).backgroundColor);
  });

  it('in Vietnamese', async () => {
    const el = await heatmap({ locale: 'vi', mode: 'revenue' });
    expect(text($(el, '[part~="title"]'))).to.equal('Doanh thu theo nhóm khách');
    expect($$(el, '[role="columnheader"]').slice(1).map(text)).to.deep.equal([
      'Tháng 0',
      'Tháng 1',
      'Tháng 2',
      'Tháng 3',
      'Tháng 4',
    ]);
    expect(cellAt(el, 0, 0).getAttribute('aria-label')).to.equal(
      `${new Intl.DateTimeFormat('vi-VN', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 6, 1))} (120 khách), Tháng 0: ${new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' }).format(30_000_000)}`,
    );
    await expect(el).to.be.accessible();
  });

  it('shows the numbers as a table and exports them as CSV and the grid as SVG', async () => {
    const el = await heatmap();
    el.toggleTable();
    await el.updateComplete;
    expect($$(el, '[part~="table"] thead th').map(text)).to.deep.equal([
      'Cohort',
      'Customers',
      'Month 0',
      'Month 1',
      'Month 2',
      'Month 3',
      'Month 4',
    ]);
    await expect(el).to.be.accessible();
    const csv = (await (await captureExport(el, 'csv')).blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[1]).to.equal('2026-07,120,1,0.42,0.3,0.25,0.2');
    expect(csv[5]).to.equal('2026-11,40,1,,,,');
    const svgText = await (await captureExport(el, 'svg')).blob.text();
    expect(svgText).to.match(/^<svg/);
    expect(svgText).to.contain('42.0%');
  });

  it('has loading, empty and error states', async () => {
    const loading = await heatmap({ state: 'loading' });
    expect($(loading, '[part~="skeleton"]')).to.not.equal(null);
    await expect(loading).to.be.accessible();
    const report = makeReport();
    report.cohorts = { grain: 'month', rows: [] };
    const empty = await heatmap({}, 640, report);
    expect(text($(empty, '[part~="empty"]'))).to.equal('No cohorts in this period.');
    const error = await heatmap({ state: 'error', 'error-message': 'Could not load' });
    expect(text($(error, '[part~="error"]'))).to.equal('Could not load');
  });
});

/** Twelve monthly cohorts of a year, each with its months since first order up to December. */
function yearReport() {
  const report = monthCohortReport();
  report.cohorts = {
    grain: 'month',
    rows: Array.from({ length: 12 }, (_, i) => {
      const n = 12 - i;
      const retention = Array.from({ length: n }, (_, k) => (k === 0 ? 1 : Math.round((0.5 / (k + 1)) * 1000) / 1000));
      const size = 1000 + i * 37;
      return {
        cohort: `2025-${String(i + 1).padStart(2, '0')}`,
        size,
        retention,
        revenue: retention.map((r) => Math.round(r * size) * 250_000),
      };
    }),
  };
  return report;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const rectOf = (e: Element) => e.getBoundingClientRect();

describe('<promo-cohort-heatmap> on a phone', () => {
  // The demo's card at 375 px is 351 px wide: five weekly periods fit, every value shown.
  for (const locale of ['vi', 'en'])
    it(`(${locale}) the grid fits a 351 px card, every value in its cell, the corner header whole`, async () => {
      const report = monthCohortReport();
      report.cohorts = {
        grain: 'week',
        rows: [
          ['2025-12-01', 421, [1, 0.333, 0.166, 0.116, 0.05]],
          ['2025-12-08', 1116, [1, 0.208, 0.224, 0.068]],
          ['2025-12-15', 473, [1, 0.23, 0.125]],
          ['2025-12-22', 643, [1, 0.086]],
          ['2025-12-29', 223, [1]],
        ].map(([cohort, size, retention]) => ({
          cohort: cohort as string,
          size: size as number,
          retention: retention as number[],
          revenue: (retention as number[]).map(() => 0),
        })),
      };
      const el = await heatmap({ locale }, 351, report);
      const scroller = $(el, '.scroll-x');
      expect(scroller.scrollWidth, 'no sideways scroll').to.be.at.most(scroller.clientWidth);
      const box = rectOf(scroller);
      for (const v of $$(el, '.cell-value')) {
        const [row, col] = v.dataset.cell!.split('-').map(Number);
        const cell = rectOf(cellAt(el, row!, col!).querySelector('rect')!);
        const t = rectOf(v);
        expect(t.left, v.textContent!).to.be.at.least(cell.left);
        expect(t.right, v.textContent!).to.be.at.most(cell.right);
        expect(t.right, `${v.textContent} inside the card`).to.be.at.most(box.right);
      }
      // The corner header: whole words (no ellipsis), left of the first column.
      const corner = $$(el, '[role="columnheader"]')[0]!;
      expect(text(corner)).not.to.contain('…');
      const lines = [...corner.querySelectorAll('text')].map(text).join(' ');
      expect(lines.replace(' · ', ' ')).to.equal(corner.getAttribute('aria-label')!.replace(' · ', ' '));
      for (const t of corner.querySelectorAll('text'))
        expect(rectOf(t).right).to.be.at.most(rectOf(cellAt(el, 0, 0).querySelector('rect')!).left);
      // The last period's header in view.
      const heads = $$(el, '[role="columnheader"] text');
      expect(rectOf(heads[heads.length - 1]!).right).to.be.at.most(box.right);
      await expect(el).to.be.accessible();
    });

  it('measures again when the page’s fonts finish loading', async () => {
    const el = await heatmap({ locale: 'vi' }, 351);
    expect(el.isUpdatePending).to.equal(false);
    document.fonts.dispatchEvent(new Event('loadingdone'));
    expect(el.isUpdatePending).to.equal(true);
    await settle(el);
  });

  it('a grid wider than the card scrolls, shows that it does, and keeps the row headers in view', async () => {
    const el = await heatmap({ locale: 'vi' }, 351, yearReport());
    const scroller = $(el, '.scroll-x');
    const wrap = scroller.parentElement!;
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth + 100);
    // More to the right: the frame says so (a fade at the edge) until the end is reached.
    expect(wrap.hasAttribute('data-more')).to.equal(true);
    expect(getComputedStyle(wrap, '::after').content).to.not.equal('none');
    const heads = () => $$(el, '.sticky-col .row-label');
    expect(heads().length).to.equal(12);
    const left0 = rectOf(heads()[0]!).left;
    scroller.scrollLeft = scroller.scrollWidth;
    scroller.dispatchEvent(new Event('scroll'));
    await frame();
    expect(scroller.scrollLeft).to.be.greaterThan(100);
    expect(wrap.hasAttribute('data-more')).to.equal(false);
    expect(wrap.hasAttribute('data-scrolled')).to.equal(true);
    // The row headers stayed where they were, over an opaque band; the last cell is in view.
    expect(rectOf(heads()[0]!).left).to.be.closeTo(left0, 1);
    expect(getComputedStyle($(el, '.sticky-bg')).fill).to.equal(
      getComputedStyle($(el, '[part~="base"]')).backgroundColor,
    );
    const last = rectOf(cellAt(el, 0, 11).querySelector('rect')!);
    expect(last.right).to.be.at.most(rectOf(scroller).right + 0.5);
    expect(last.left).to.be.at.least(rectOf($(el, '.sticky-bg')).right);
    // Every value still inside its cell.
    for (const v of $$(el, '.cell-value')) {
      const [row, col] = v.dataset.cell!.split('-').map(Number);
      const cell = rectOf(cellAt(el, row!, col!).querySelector('rect')!);
      expect(rectOf(v).width, v.textContent!).to.be.at.most(cell.width);
    }
    // Keyboard: Home brings the first cell back from under the row headers.
    cellAt(el, 0, 11).focus();
    el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await settle(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(rectOf(cellAt(el, 0, 0).querySelector('rect')!).left).to.be.at.least(rectOf($(el, '.sticky-bg')).right - 1);
    // Cells scrolled into view stop beside the row headers, not under them.
    expect(parseFloat(getComputedStyle(scroller).scrollPaddingInlineStart)).to.be.closeTo(
      rectOf($(el, '.sticky-bg')).width + 2,
      0.5,
    );
    await expect(el).to.be.accessible();
  });
});
