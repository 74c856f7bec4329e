/** Test helpers shared by the widget tests. */
import { LitElement, html } from 'lit';
import { waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { boardContext, type BoardState } from '../../../src/context/context.js';
import type { PromoWidget, PromoExportDetail } from '../../../src/elements/shared/widget.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/kpi-board.js';

/** A minimal board: provides a BoardState through the context, like <promo-kpi-board>. */
export class TestBoard extends LitElement {
  provider = new ContextProvider(this, { context: boardContext });
  set state(v: BoardState) {
    this.provider.setValue(v);
  }
  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('test-board')) customElements.define('test-board', TestBoard);

export function boardState(partial: Partial<BoardState>): BoardState {
  return {
    report: null,
    query: { from: '2026-11-01', to: '2026-11-07' },
    locale: 'en',
    currency: 'VND',
    theme: 'light',
    status: 'ready',
    error: null,
    lastUpdated: null,
    ...partial,
  };
}

/** Shadow-root query. */
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string): T =>
  el.shadowRoot!.querySelector<T>(sel)!;
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(sel),
];
export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Runs an export and returns what would have been downloaded (the download itself is cancelled). */
export async function captureExport(el: PromoWidget, format: 'csv' | 'svg' | 'png'): Promise<PromoExportDetail> {
  let detail: PromoExportDetail | null = null;
  const on = (e: Event) => {
    e.preventDefault();
    detail = (e as CustomEvent<PromoExportDetail>).detail;
  };
  el.addEventListener('promo-export', on);
  await el.exportAs(format);
  el.removeEventListener('promo-export', on);
  if (!detail) throw new Error('no promo-export event');
  return detail;
}

/** Waits for ResizeObserver + the next frame + the Lit update. */
export async function settle(el: LitElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await el.updateComplete;
  }
}

/** `#rrggbb` -> `rgb(r, g, b)` as getComputedStyle reports it. */
export function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/**
 * Appends to `wrap` a board of two tiles (revenue, orders) over 2026-11-01 to 07, UTC, VND, in
 * `locale`, gives it `data` and waits for its report (the board's element must be defined).
 */
export async function appendTilesBoard(wrap: Element, locale: string, data: unknown): Promise<PromoKpiBoard> {
  const board = document.createElement('promo-kpi-board') as PromoKpiBoard;
  for (const [name, value] of Object.entries({
    'time-zone': 'UTC',
    currency: 'VND',
    layout: 'tiles',
    kpis: 'revenue,orders',
    from: '2026-11-01',
    to: '2026-11-07',
    locale,
  }))
    board.setAttribute(name, value);
  wrap.append(board);
  board.data = data;
  await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 5000 });
  await board.reportComplete();
  return board;
}
