import { PromoBreakdown } from './breakdown.js';

export { PromoBreakdown };
export { BREAKDOWN_KPIS } from './breakdown.js';
export type { BreakdownKpi, PromoBreakdownSelectDetail } from './breakdown.js';

if (!customElements.get('promo-breakdown')) customElements.define('promo-breakdown', PromoBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    'promo-breakdown': PromoBreakdown;
  }
  interface HTMLElementEventMap {
    'promo-breakdown-select': CustomEvent<import('./breakdown.js').PromoBreakdownSelectDetail>;
    'promo-breakdown-selection-change': CustomEvent<import('./breakdown.js').PromoBreakdownSelectDetail>;
  }
}
