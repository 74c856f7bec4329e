/**
 * Tiles side by side: the values of a row line up whatever the length of the labels, and the
 * "previous period" phrase never breaks inside. Geometry measured in Chromium.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-tile/define.js';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiTile } from '../../../src/elements/kpi-tile/kpi-tile.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';
import { TILE_ROWS } from '../../../src/elements/kpi-tile/kpi-tile.styles.js';
import { REPORT } from '../../fixtures/report.js';
import { $, settle, text } from '../shared/helpers.js';

const DATA = await (await fetch(new URL('../kpi-board/fixtures/week.json', import.meta.url).href)).json();

const top = (el: Element) => el.getBoundingClientRect().top;
const lines = (el: HTMLElement) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight);
/** Lines of text in `el` (its box may be taller: a row's track is as tall as its tallest label). */
const textLines = (el: HTMLElement) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
};

/** The tiles grouped into rows by the top edge of their frame. */
function rowsOf(tiles: PromoKpiTile[]): PromoKpiTile[][] {
  const out: PromoKpiTile[][] = [];
  for (const t of tiles) {
    const row = out.find((r) => Math.abs(top(r[0]!) - top(t)) < 1);
    if (row) row.push(t);
    else out.push([t]);
  }
  return out;
}

/** Values of a row: top edges within 1 px of each other; returns how many labels wrapped. */
function expectValuesAligned(row: PromoKpiTile[]): number {
  const tops = row.map((t) => top($(t, '[part~="value"]')));
  expect(Math.max(...tops) - Math.min(...tops), `value tops ${tops.map(Math.round)}`).to.be.at.most(1);
  return row.filter((t) => textLines($(t, '[part~="label"]')) > 1).length;
}

/** The phrase "previous: <value>" is on one line and, with `whole`, shown whole (not cut). */
function expectPhraseOnOneLine(tile: PromoKpiTile, where: string, whole = true): HTMLElement {
  const vs = $(tile, '[part~="delta"] .vs');
  expect(text(vs), where).to.match(/^(kỳ trước|trước|previous period|prev\.): \S/);
  expect(lines(vs), `${where}: ${text(vs)}`).to.be.below(1.5);
  if (whole) expect(vs.scrollWidth, `${where}: ${text(vs)} cut`).to.be.at.most(vs.clientWidth + 1);
  return vs;
}

describe('<promo-kpi-tile> in a row of tiles', () => {
  it('lines up the values of a row on a 1024 px page in the board, a label on two lines or not', async () => {
    // The demo's board on a 1024 px page: 976 px between the page margins.
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 976px">
        <promo-kpi-board
          layout="tiles"
          time-zone="UTC"
          from="2026-11-01"
          to="2026-11-07"
          currency="VND"
          locale="vi"
          theme="light"
        ></promo-kpi-board>
      </div>`,
    );
    const board = wrap.querySelector<PromoKpiBoard>('promo-kpi-board')!;
    board.data = DATA;
    await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 5000 });
    await board.reportComplete();
    await waitUntil(
      () => board.shadowRoot!.querySelector('.tiles')?.getAttribute('data-columns'),
      'tile grid measured',
    );
    const tiles = [...board.shadowRoot!.querySelectorAll<PromoKpiTile>('promo-kpi-tile')];
    for (const t of tiles) await settle(t);
    const rows = rowsOf(tiles);
    expect(rows[0]!.length, 'tiles a row at 1024 px').to.equal(4);
    let wrapped = 0;
    for (const row of rows) wrapped += expectValuesAligned(row);
    // "Chi phí thu hút khách (CAC)" takes two lines in a tile of about 240 px.
    expect(wrapped, 'labels on two lines').to.be.at.least(1);
    for (const t of tiles) if (t.shadowRoot!.querySelector('[data-trend]')) expectPhraseOnOneLine(t, t.kpi);
  });

  it(`lines up the values in a grid of your own whose tiles span ${TILE_ROWS} subgrid rows`, async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 1024px; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 16px">
        <style>
          .mine promo-kpi-tile {
            display: grid;
            grid-row: span ${TILE_ROWS};
            grid-template-rows: subgrid;
            row-gap: 0;
          }
        </style>
      </div>`,
    );
    wrap.className = 'mine';
    const labels = ['Revenue', 'Orders', 'A KPI whose label is long enough to take three lines in a tile', 'ROI'];
    const kpis = ['revenue', 'orders', 'aov', 'roi'];
    const tiles = kpis.map((kpi, i) => {
      const el = document.createElement('promo-kpi-tile') as PromoKpiTile;
      el.kpi = kpi;
      el.label = labels[i]!;
      el.currency = 'VND';
      el.locale = 'en';
      el.report = REPORT;
      wrap.append(el);
      return el;
    });
    for (const t of tiles) await settle(t);
    expect(expectValuesAligned(tiles)).to.equal(1);
    // The changes and the sparklines line up too.
    for (const sel of ['[part~="delta"]', '[part~="sparkline"]']) {
      const tops = tiles
        .map((t) => $(t, sel))
        .filter(Boolean)
        .map(top);
      expect(tops.length, sel).to.be.at.least(2);
      expect(Math.max(...tops) - Math.min(...tops), `${sel} tops ${tops.map(Math.round)}`).to.be.at.most(1);
    }
    // The tile with the long label is as tall as its neighbours, not taller.
    const heights = tiles.map((t) => t.getBoundingClientRect().height);
    expect(Math.max(...heights) - Math.min(...heights)).to.be.at.most(1);
  });

  it('keeps "kỳ trước: <value>" on one line at every width: beside the change, on its own line, or shorter', async () => {
    const seen = new Set<string>();
    for (const kpi of ['revenue', 'aov', 'cac'])
      for (let width = 100; width <= 420; width += 20) {
        const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
        const el = document.createElement('promo-kpi-tile') as PromoKpiTile;
        el.setAttribute('kpi', kpi);
        el.setAttribute('currency', 'VND');
        el.setAttribute('locale', 'vi');
        el.report = REPORT;
        wrap.append(el);
        await settle(el);
        await settle(el);
        // Whole from 140 px (a tile narrower than any grid gives); cut with an ellipsis below.
        const vs = expectPhraseOnOneLine(el, `${kpi} at ${width} px`, width >= 140);
        expect(vs.title, 'the whole phrase in the title').to.match(/^kỳ trước: [\d.]+\s₫$/);
        seen.add(text(vs).split(':')[0]!);
        wrap.remove();
      }
    // The narrow tiles used the short phrase.
    expect([...seen].sort()).to.deep.equal(['kỳ trước', 'trước']);
  });
});
