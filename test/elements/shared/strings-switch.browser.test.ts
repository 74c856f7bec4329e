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
import { REPORT } from '../../fixtures/report.js';
import { $, appendTilesBoard, text } from './helpers.js';
import { TILES_BOARD_ENGLISH, WEEK } from './tiles-board.js';
import { englishIn, logRenders, shownText, viRequests } from './render-log.js';

describe('a locale changed at run time', () => {
  it('en -> vi waits for the Vietnamese strings, vi -> en is immediate: a tile, and a board and its tiles', async () => {
    const renders = logRenders('promo-kpi-board', 'promo-kpi-tile');
    const wrap = await fixture<HTMLDivElement>(html`
      <div style="width: 900px">
        <promo-kpi-tile kpi="orders" locale="en" .report=${REPORT}></promo-kpi-tile>
      </div>
    `);
    const tile = wrap.querySelector<PromoKpiTile>('promo-kpi-tile')!;
    const board = await appendTilesBoard(wrap, 'en', WEEK);
    const tiles = () => [tile, ...board.shadowRoot!.querySelectorAll<PromoKpiTile>('promo-kpi-tile')];
    await waitUntil(() => tiles().length === 3, 'the board drew its tiles');
    await Promise.all(tiles().map((t) => t.updateComplete));
    expect(text($(tile, '[part~="label"]'))).to.equal('Orders');
    expect(viRequests(), 'English loads no Vietnamese').to.deep.equal({});

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
      expect(englishIn(r.shown, TILES_BOARD_ENGLISH), `${r.el.localName}: ${r.shown}`).to.deep.equal([]);
    }
    expect(viRequests()).to.not.deep.equal({});

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
