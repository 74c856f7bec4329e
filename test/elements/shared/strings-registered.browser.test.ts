/**
 * A language registered from `englishStrings()` (`registerLocale`): every key means one thing,
 * so each widget's empty state shows the widgets' words and the board's no-data state the
 * board's (`board.empty`), whichever words the table changes. A table naming the board's words
 * with the keys they had before (`loading`, `empty`, `error`, `compare.none`) still shows them
 * on the board (deprecated).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import { englishStrings, registerLocale, type LocaleStrings } from '../../../src/index.js';
import { MESSAGES } from '../../../src/i18n/strings.js';
import { BOARD_MESSAGES } from '../../../src/i18n/board-strings.js';
import { $, text } from './helpers.js';

const WIDGETS = [
  'promo-kpi-tile',
  'promo-campaign-chart',
  'promo-budget-gauge',
  'promo-cohort-heatmap',
  'promo-breakdown',
  'promo-reactivation',
  'promo-loyalty-panel',
];

type Board = HTMLElement & { data: unknown; currentReport: unknown; updateComplete: Promise<boolean> };

/** Every widget in its empty state, and a board given data without orders, in `locale`. */
async function page(locale: string): Promise<{ widgets: Element[]; board: Board }> {
  const root = await fixture<HTMLDivElement>(
    html`<div
      style="width: 640px"
      .innerHTML=${
        WIDGETS.map((tag) => `<${tag} locale="${locale}" state="empty"></${tag}>`).join('') +
        `<promo-kpi-board locale="${locale}" time-zone="UTC"></promo-kpi-board>`
      }
    ></div>`,
  );
  const board = root.querySelector<Board>('promo-kpi-board')!;
  board.data = { orders: [] };
  await waitUntil(() => board.currentReport, 'report');
  const widgets = WIDGETS.map((tag) => root.querySelector(tag)!);
  await Promise.all([board, ...widgets].map((el) => (el as Board).updateComplete));
  await board.updateComplete;
  return { widgets, board };
}

const emptyOf = (el: Element) => text($(el, '[part~="empty"]'));
const boardMessage = (board: Board) => text($(board, '[part~="message"]'));
const noComparison = (board: Board) => text($(board, 'select[part~="compare"] option[value="none"]'));

describe('a language registered from englishStrings()', () => {
  it('keeps the widgets’ empty words and the board’s no-data words apart, changed or not', async () => {
    registerLocale('de', englishStrings());
    const de = await page('de');
    for (const el of de.widgets) expect(emptyOf(el), el.localName).to.equal(MESSAGES.empty);
    expect(boardMessage(de.board)).to.equal(BOARD_MESSAGES['board.empty']);
    expect(noComparison(de.board)).to.equal(BOARD_MESSAGES['board.compare.none']);

    registerLocale('th', {
      ...englishStrings(),
      empty: 'ไม่มีข้อมูลในช่วงเวลานี้',
      'board.empty': 'ยังไม่มีคำสั่งซื้อในข้อมูล',
      'board.compare.none': 'ไม่เปรียบเทียบ',
    });
    const th = await page('th-TH');
    for (const el of th.widgets) expect(emptyOf(el), el.localName).to.equal('ไม่มีข้อมูลในช่วงเวลานี้');
    expect(boardMessage(th.board)).to.equal('ยังไม่มีคำสั่งซื้อในข้อมูล');
    expect(noComparison(th.board)).to.equal('ไม่เปรียบเทียบ');
  });

  it('a table naming the board’s words with their former keys still shows them on the board', async () => {
    const strings: Partial<LocaleStrings> = englishStrings();
    for (const key of ['board.loading', 'board.empty', 'board.error', 'board.compare.none'] as const)
      delete strings[key];
    registerLocale('fr', {
      ...strings,
      empty: 'Aucune commande dans les données.',
      'compare.none': 'Sans comparaison',
    } as LocaleStrings);
    const fr = await page('fr');
    expect(boardMessage(fr.board)).to.equal('Aucune commande dans les données.');
    expect(noComparison(fr.board)).to.equal('Sans comparaison');
    // The widgets read the key as theirs.
    for (const el of fr.widgets) expect(emptyOf(el), el.localName).to.equal('Aucune commande dans les données.');
  });
});
