/**
 * A locale changed at run time (`locale`, the board's): English to Vietnamese waits for the
 * Vietnamese strings (loaded on demand, `src/i18n/translate.ts`) and renders once, in
 * Vietnamese; Vietnamese to English renders at once. The board and the widgets inside it hold
 * their updates alike (the hold is the shared element base's).
 *
 * A page of its own (this file): nothing is loaded in Vietnamese before the switch.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiTile } from '../../../src/elements/kpi-tile/kpi-tile.js';
import { BOARD_MESSAGES } from '../../../src/i18n/board-strings.js';
import { TILE_MESSAGES } from '../../../src/i18n/kpi-tile.js';
import { CAMPAIGN_MESSAGES, KPI_COLUMN_MESSAGES, KPI_SERIES_MESSAGES, MESSAGES } from '../../../src/i18n/strings.js';
import { REPORT } from '../../fixtures/report.js';
import { $, appendTilesBoard, text } from './helpers.js';
import { englishIn, englishPieces, logRenders, shownText } from './render-log.js';

// Every request of the page is counted (the dev server serves each source file: more than the 250 kept by default).
performance.setResourceTimingBufferSize(100_000);

const DATA = await (await fetch(new URL('../kpi-board/fixtures/week.json', import.meta.url).href)).json();

const ENGLISH = englishPieces(
  MESSAGES,
  BOARD_MESSAGES,
  TILE_MESSAGES,
  KPI_COLUMN_MESSAGES,
  KPI_SERIES_MESSAGES,
  CAMPAIGN_MESSAGES,
);

const viRequested = () => performance.getEntriesByType('resource').some((e) => e.name.includes('/src/i18n/vi/'));

describe('a locale changed at run time', () => {
  it('en -> vi waits for the Vietnamese strings, vi -> en is immediate: a tile, and a board and its tiles', async () => {
    const renders = logRenders('promo-kpi-board', 'promo-kpi-tile');
    const wrap = await fixture<HTMLDivElement>(html`
      <div style="width: 900px">
        <promo-kpi-tile kpi="orders" locale="en" .report=${REPORT}></promo-kpi-tile>
      </div>
    `);
    const tile = wrap.querySelector<PromoKpiTile>('promo-kpi-tile')!;
    const board = await appendTilesBoard(wrap, 'en', DATA);
    const tiles = () => [tile, ...board.shadowRoot!.querySelectorAll<PromoKpiTile>('promo-kpi-tile')];
    await waitUntil(() => tiles().length === 3, 'the board drew its tiles');
    await Promise.all(tiles().map((t) => t.updateComplete));
    expect(text($(tile, '[part~="label"]'))).to.equal('Orders');
    expect(viRequested(), 'English loads no Vietnamese').to.equal(false);

    // en -> vi: each element renders when the strings are in, in Vietnamese only.
    const before = renders.length;
    tile.locale = 'vi';
    board.locale = 'vi';
    await Promise.all([tile.updateComplete, board.updateComplete]);
    await Promise.all(tiles().map((t) => t.updateComplete));
    expect(text($(tile, '[part~="label"]'))).to.equal('Đơn hàng');
    expect(board.shadowRoot!.querySelector('[part~="filters"]')!.getAttribute('aria-label')).to.equal('Bộ lọc');
    for (const t of tiles()) expect(t.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('vi');
    const switched = renders.slice(before);
    expect(switched.filter((r) => r.el === board)).to.not.deep.equal([]);
    for (const t of tiles())
      expect(
        switched.filter((r) => r.el === t),
        t.outerHTML,
      ).to.not.deep.equal([]);
    for (const r of switched) {
      // Nothing rendered after the switch in the old locale or in English words.
      expect(r.locale).to.equal('vi');
      expect(englishIn(r.shown, ENGLISH), `${r.el.localName}: ${r.shown}`).to.deep.equal([]);
    }
    expect(viRequested()).to.equal(true);

    // vi -> en: at once, with nothing to load.
    tile.locale = 'en';
    board.locale = 'en';
    await Promise.all([tile.updateComplete, board.updateComplete]);
    await Promise.all(tiles().map((t) => t.updateComplete));
    expect(text($(tile, '[part~="label"]'))).to.equal('Orders');
    expect(board.shadowRoot!.querySelector('[part~="filters"]')!.getAttribute('aria-label')).to.equal('Filters');
    for (const t of tiles()) expect(shownText(t.shadowRoot)).to.not.contain('Đơn hàng');
  });
});
