/**
 * The board's page: the tile grid never leaves a hole, tiles of a row have one height.
 * Geometry measured in Chromium at the four widths the demo is checked at.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';
import { tileGrid } from '../../../src/elements/kpi-board/tile-grid.js';

const DATA = await (await fetch(new URL('./fixtures/week.json', import.meta.url).href)).json();
const KPIS = ['revenue', 'grossProfit', 'roi', 'aov', 'conversionRate', 'newCustomers', 'cac', 'retentionRate'];

/**
 * A board `width` px wide with these attributes (besides UTC, VND and the light theme), given
 * the week's data; resolves once its report is computed.
 */
async function mountBoard(width: number, attributes: Record<string, string>): Promise<PromoKpiBoard> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  const board = document.createElement('promo-kpi-board');
  for (const [name, value] of Object.entries({ 'time-zone': 'UTC', currency: 'VND', theme: 'light', ...attributes }))
    board.setAttribute(name, value);
  wrap.append(board);
  board.data = DATA;
  await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 5000 });
  await board.reportComplete();
  return board;
}

/** A tile board of the first `count` KPIs at `width` px, its grid measured. */
async function boardAt(width: number, count: number): Promise<PromoKpiBoard> {
  const board = await mountBoard(width, {
    layout: 'tiles',
    from: '2026-11-01',
    to: '2026-11-07',
    locale: 'vi',
    kpis: KPIS.slice(0, count).join(','),
  });
  await waitUntil(() => board.shadowRoot!.querySelector('.tiles')?.getAttribute('data-columns'), 'tile grid measured');
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return board;
}

/** The tiles' boxes grouped into rows by their top edge. */
function rows(board: PromoKpiBoard): DOMRect[][] {
  const boxes = [...board.shadowRoot!.querySelectorAll('promo-kpi-tile')].map((t) => t.getBoundingClientRect());
  const out: DOMRect[][] = [];
  for (const b of boxes) {
    const row = out.find((r) => Math.abs(r[0]!.top - b.top) < 1);
    if (row) row.push(b);
    else out.push([b]);
  }
  return out;
}

describe('the tile grid of the board', () => {
  it('chooses full rows, or balanced rows, from the width and the count', () => {
    // 8 tiles where 3 fit: 2 a row (4 full rows), never 3 + 3 + 2.
    expect(tileGrid(8, 736, 230, 12).columns).to.equal(2);
    expect(tileGrid(8, 1416, 230, 12).columns).to.equal(4);
    expect(tileGrid(6, 1000, 230, 12).columns).to.equal(3);
    // 7 (prime) where 4 fit: 4 + 3, the last row's tiles wider.
    const seven = tileGrid(7, 1000, 230, 12);
    expect([seven.columns, seven.lastRow, seven.tracks]).to.deep.equal([4, 3, 12]);
    expect([seven.span, seven.lastSpan]).to.deep.equal([3, 4]);
    expect(tileGrid(5, 300, 230, 12).columns).to.equal(1);
  });

  for (const width of [375, 768, 1024, 1440])
    for (const count of [6, 7, 8])
      it(`leaves no hole and keeps one height a row: ${count} tiles at ${width} px`, async () => {
        const board = await boardAt(width, count);
        const section = board.shadowRoot!.querySelector('.tiles')!.getBoundingClientRect();
        const r = rows(board);
        const full = r[0]!.length;
        // Every row but the last is full; the last is full too unless the count is prime.
        for (const row of r.slice(0, -1)) expect(row.length, `row sizes ${r.map((x) => x.length)}`).to.equal(full);
        const prime = count === 7;
        if (!prime || full === 1) expect(r.at(-1)!.length, `row sizes ${r.map((x) => x.length)}`).to.equal(full);
        for (const row of r) {
          // No hole: the row's tiles reach both edges of the grid.
          expect(Math.abs(row[0]!.left - section.left)).to.be.below(1.5);
          expect(
            Math.abs(row.at(-1)!.right - section.right),
            `row ends ${row.at(-1)!.right} of ${section.right}`,
          ).to.be.below(1.5);
          // One height a row: the tiles of a row share its rows (label, value, change, trend), so a
          // row whose label or change takes a second line is that much taller than the others.
          for (const b of row) expect(Math.abs(b.height - row[0]!.height)).to.be.below(1);
        }
        board.parentElement!.remove();
      });
});

describe('the default layout of the board', () => {
  it('shows the campaigns’ sales over time against the store total, with their start and end marked', async () => {
    const board = await mountBoard(1024, { from: '2026-10-20', to: '2026-11-10', locale: 'en' });
    const trend = board.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'promo-campaign-chart[view="trend"]',
    );
    expect(trend, 'a trend view in the default layout').to.not.equal(null);
    // The board's page engine and the chart's trend view are both loaded on demand: give the
    // two requests time on a loaded test machine.
    await waitUntil(() => trend!.shadowRoot!.querySelector('svg[part~="chart"]'), 'trend drawn', { timeout: 10_000 });
    const root = trend!.shadowRoot!;
    // The store total and a line per campaign; both campaigns start on Nov 1, inside the period.
    expect(root.querySelectorAll('.marks path').length).to.be.at.least(2);
    expect(trend!.getBoundingClientRect().width).to.be.above(900);
    // It comes before the campaign comparison.
    const charts = [...board.shadowRoot!.querySelectorAll('promo-campaign-chart')];
    expect(charts.map((c) => c.getAttribute('view') ?? 'bars')).to.deep.equal(['trend', 'bars']);
    board.parentElement!.remove();
  });

  it('sizes the cohort heatmap’s card to its grid', async () => {
    const board = await boardAt(1440, 8);
    board.layout = 'full';
    await waitUntil(() => board.shadowRoot!.querySelector('promo-cohort-heatmap'), 'heatmap');
    const heat = board.shadowRoot!.querySelector('promo-cohort-heatmap')!;
    await waitUntil(() => heat.shadowRoot!.querySelector('svg[part~="chart"]'), 'heatmap drawn');
    await new Promise((r) => setTimeout(r, 100));
    const card = heat.shadowRoot!.querySelector('.promo-root')!.getBoundingClientRect();
    const grid = heat.shadowRoot!.querySelector('svg[part~="chart"]')!.getBoundingClientRect();
    // One week of data: a narrow grid, and a card around it, not a band across the board.
    expect(card.width, `card ${card.width}, grid ${grid.width}`).to.be.below(grid.width + 80);
    expect(card.width).to.be.below(heat.getBoundingClientRect().width / 2);
    board.parentElement!.remove();
  });
});

describe('empty states on the board', () => {
  it('say in plain words what is missing and offer the next step', async () => {
    const board = await mountBoard(1024, { from: '2026-12-01', to: '2026-12-07', channels: 'web', locale: 'vi' });
    const widgets = () =>
      [...board.shadowRoot!.querySelectorAll('[part~="widgets"] *')].filter((w) =>
        w.shadowRoot?.querySelector('[part~="empty"]'),
      );
    await waitUntil(() => widgets().length > 0, 'an empty widget');
    const messageOf = (w: Element) => w.shadowRoot!.querySelector('[part~="empty"]')!.textContent!.trim();
    for (const w of widgets()) {
      expect(w.shadowRoot!.textContent).to.not.match(/mẫu số|denominator/i);
      // Every empty widget offers the next step.
      expect(w.shadowRoot!.querySelectorAll('[part~="empty-actions"] button').length, w.localName).to.equal(2);
    }
    // Each says what is missing in this period, in plain words.
    for (const w of widgets()) expect(messageOf(w)).to.match(/^(Không|Chưa) .* (kỳ này|khoảng thời gian này)\.$/);
    const empty = widgets()[0]! as HTMLElement & { updateComplete: Promise<unknown> };
    const sr = empty.shadowRoot!;
    const buttons = [...sr.querySelectorAll<HTMLButtonElement>('[part~="empty-actions"] button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Đổi khoảng thời gian', 'Bỏ bộ lọc']);
    // "Change the period" takes the reader to the period controls.
    buttons[0]!.click();
    await board.updateComplete;
    expect(board.shadowRoot!.activeElement?.closest('[part~="period"]')).to.not.equal(null);
    // "Clear the filters" clears them.
    buttons[1]!.click();
    await board.updateComplete;
    expect(board.channels).to.deep.equal([]);
    await board.reportComplete();
    await empty.updateComplete;
    // Without filters, only the period is offered.
    expect(
      [...sr.querySelectorAll('[part~="empty-actions"] button')].map((b) => b.getAttribute('data-action')),
    ).to.deep.equal(['change-period']);
    board.parentElement!.remove();
  });
});

describe('the board’s report task', () => {
  it('drops a report that a newer query overtook', async () => {
    const board = await boardAt(1024, 8);
    type Engine = { compute(q: { from: string }): Promise<unknown> };
    const engine = (board as unknown as { tasks: { engine: Engine } }).tasks.engine;
    const compute = engine.compute.bind(engine);
    // The first query's report arrives late, after the second one's.
    engine.compute = async (q) => {
      const report = await compute(q);
      if (q.from === '2026-11-02') await new Promise((r) => setTimeout(r, 300));
      return report;
    };
    board.from = '2026-11-02';
    await board.updateComplete;
    board.from = '2026-11-03';
    await board.updateComplete;
    await new Promise((r) => setTimeout(r, 500));
    await board.reportComplete();
    expect(board.currentReport!.period.from).to.equal('2026-11-03');
    board.parentElement!.remove();
  });
});
