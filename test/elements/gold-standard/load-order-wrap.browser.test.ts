/**
 * Any load order (3/3): widgets already on the page, a board added later around them; and a
 * board built by script with its children and data before it is attached.
 */
import { expect } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import { WEEK, tileValue } from './load-order-data.js';

describe('load order: a board added later around existing widgets', () => {
  it('tiles already rendered alone get the board context once wrapped', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div id="host"><promo-kpi-tile kpi="revenue"></promo-kpi-tile><promo-kpi-tile kpi="orders"></promo-kpi-tile></div>',
    );
    const host = document.getElementById('host')!;
    const tiles = [...host.querySelectorAll('promo-kpi-tile')];
    await Promise.all(tiles.map((t) => (t as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    expect(tiles[0]!.shadowRoot!.textContent).to.include('No data yet: place this widget inside a promo-kpi-board');
    const board = document.createElement('promo-kpi-board') as HTMLElement & { data: unknown };
    board.setAttribute('layout', 'custom');
    board.setAttribute('time-zone', 'UTC');
    board.setAttribute('from', '2026-11-01');
    board.setAttribute('to', '2026-11-07');
    host.append(board);
    board.append(...tiles);
    board.data = WEEK;
    expect(await tileValue(tiles[0]!)).to.match(/150/);
    expect(await tileValue(tiles[1]!)).to.equal('2');
  });

  it('a board made by script with children and data before it is attached', async () => {
    const board = document.createElement('promo-kpi-board') as HTMLElement & { data: unknown };
    board.innerHTML = '<promo-kpi-tile kpi="revenue"></promo-kpi-tile>';
    board.setAttribute('layout', 'custom');
    board.setAttribute('time-zone', 'UTC');
    board.setAttribute('from', '2026-11-01');
    board.setAttribute('to', '2026-11-07');
    board.data = WEEK;
    document.body.append(board);
    expect(await tileValue(board.querySelector('promo-kpi-tile')!)).to.match(/150/);
  });
});
