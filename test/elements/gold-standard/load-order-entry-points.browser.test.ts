/**
 * Any load order (2/3): per-element entry points imported in any order: the tile's module and
 * markup first, the board's module later (a lazy-loaded route).
 */
import { expect } from '@open-wc/testing';
import { STATIC_BOARD, WEEK, tileValue } from './load-order-data.js';

describe('load order: the widget entry point, the markup, then the board entry point', () => {
  it('the already-upgraded tile gets the board context when the board is defined', async () => {
    await import('../../../src/elements/kpi-tile/define.js');
    document.body.insertAdjacentHTML('beforeend', STATIC_BOARD);
    const tile = document.querySelector('promo-kpi-tile')!;
    await (tile as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(customElements.get('promo-kpi-board')).to.equal(undefined);
    await new Promise((r) => setTimeout(r, 50));
    await import('../../../src/elements/kpi-board/define.js');
    const board = document.querySelector('promo-kpi-board') as HTMLElement & { data: unknown };
    board.data = WEEK;
    expect(await tileValue(tile)).to.match(/150/);
  });

  it('a chart imported after the board, inside an existing board, gets its context too', async () => {
    const board = document.querySelector('promo-kpi-board')!;
    board.insertAdjacentHTML('beforeend', '<promo-budget-gauge campaign="C1"></promo-budget-gauge>');
    const gauge = board.querySelector('promo-budget-gauge')!;
    await import('../../../src/elements/budget-gauge/define.js');
    const start = performance.now();
    while (!/Tết Sale/.test(gauge.shadowRoot?.textContent ?? '') && performance.now() - start < 5000)
      await new Promise((r) => setTimeout(r, 20));
    expect(gauge.shadowRoot!.textContent).to.include('Tết Sale');
  });
});
