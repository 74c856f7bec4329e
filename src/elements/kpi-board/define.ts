import { PromoKpiBoard } from './kpi-board.js';

export { PromoKpiBoard };
export { BOARD_LAYOUTS, DEFAULT_BOARD_KPIS } from './kpi-board.js';
export type { BoardLayout } from './kpi-board.js';
export { WORKER_MODES, WORKER_THRESHOLD } from './board-engine.js';
export type { WorkerMode, DataSummary } from './board-engine.js';
export { PERIOD_PRESETS, queryToParams, queryFromParams, presetPeriod } from './query.js';
export type { PeriodPreset, QueryChangeDetail } from './query.js';

if (!customElements.get('promo-kpi-board')) customElements.define('promo-kpi-board', PromoKpiBoard);

declare global {
  interface HTMLElementTagNameMap {
    'promo-kpi-board': PromoKpiBoard;
  }
  interface HTMLElementEventMap {
    'promo-query-change': CustomEvent<import('./query.js').QueryChangeDetail>;
  }
}
