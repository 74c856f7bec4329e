/**
 * Any load order (1/3): children written in the page before any script; the board's module
 * defines the widgets before the board itself, so the tile upgrades first and asks for the
 * board's context before there is a provider.
 */
import { expect } from '@open-wc/testing';
import { STATIC_BOARD, WEEK, tileValue } from './load-order-data.js';

document.body.insertAdjacentHTML('beforeend', STATIC_BOARD);

describe('load order: static children, then the script', () => {
  it('the static tile gets the board context and shows the number in the board locale', async () => {
    expect(customElements.get('promo-kpi-tile')).to.equal(undefined);
    await import('../../../src/elements/kpi-board/define.js');
    const board = document.querySelector('promo-kpi-board') as HTMLElement & { data: unknown };
    const tile = board.querySelector('promo-kpi-tile')!;
    board.data = WEEK;
    expect(await tileValue(tile)).to.match(/150/);
    // The board's locale (vi) reaches the tile through the context.
    expect(tile.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('Doanh thu khuyến mãi');
  });
});
