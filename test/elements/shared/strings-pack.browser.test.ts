/**
 * The Vietnamese pack (`import 'promo-kpi-kit/vi'`), imported here before the elements (the
 * Node test imports it after string modules): a Vietnamese tile and board render Vietnamese
 * from their first render, with nothing left to load on demand, and no Vietnamese module is
 * requested once the pack is in. (The dev server serves the pack's modules at the URLs the
 * on-demand loads would ask for; that an app's bundle then requests no Vietnamese chunk at all
 * is checked on a real bundle by `npm run check:package`.)
 *
 * A page of its own (this file).
 */
import '../../../src/vi.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiTile } from '../../../src/elements/kpi-tile/kpi-tile.js';
import { loadStrings } from '../../../src/i18n/translate.js';
import { REPORT } from '../../fixtures/report.js';
import { $, appendTilesBoard, text } from './helpers.js';
import { TILES_BOARD_ENGLISH, WEEK } from './tiles-board.js';
import { englishIn, logRenders, viRequests } from './render-log.js';

describe('the Vietnamese pack', () => {
  it('a Vietnamese tile and board render Vietnamese from their first render, nothing loaded on demand', async () => {
    // Every table is in: an element speaking Vietnamese waits for nothing.
    expect(loadStrings('vi') === undefined, 'a Vietnamese element waits for nothing').to.equal(true);
    expect(loadStrings('vi-VN', true) === undefined, 'nothing to try again').to.equal(true);
    const requested = viRequests();
    const renders = logRenders('promo-kpi-board', 'promo-kpi-tile');
    const wrap = await fixture<HTMLDivElement>(html`
      <div style="width: 900px">
        <promo-kpi-tile kpi="orders" locale="vi" .report=${REPORT}></promo-kpi-tile>
        <promo-kpi-tile locale="vi" state="loading"></promo-kpi-tile>
      </div>
    `);
    const [tile, loading] = wrap.querySelectorAll<PromoKpiTile>('promo-kpi-tile');
    const board = await appendTilesBoard(wrap, 'vi', WEEK);
    const tiles = () => [tile!, loading!, ...board.shadowRoot!.querySelectorAll<PromoKpiTile>('promo-kpi-tile')];
    await waitUntil(() => tiles().length === 4, 'the board drew its tiles');
    await Promise.all(tiles().map((t) => t.updateComplete));

    expect(text($(tile!, '[part~="label"]'))).to.equal('Đơn hàng');
    expect(text($(loading!, '[role="status"]'))).to.equal('Đang tải…');
    expect(board.shadowRoot!.querySelector('[part~="filters"]')!.getAttribute('aria-label')).to.equal('Bộ lọc');
    for (const t of tiles()) expect($(t, '[part~="base"]').getAttribute('lang')).to.equal('vi');
    // Every render, from the first, in Vietnamese.
    for (const el of [board, ...tiles()]) {
      const own = renders.filter((r) => r.el === el);
      expect(own.length, el.outerHTML).to.be.greaterThan(0);
      for (const r of own) expect(englishIn(r.shown, TILES_BOARD_ENGLISH), r.shown).to.deep.equal([]);
    }
    // No Vietnamese module requested since the pack came in.
    expect(Object.keys(requested).length).to.be.greaterThan(10);
    expect(viRequests()).to.deep.equal(requested);
  });
});
