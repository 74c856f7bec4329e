import { PromoLoyaltyPanel } from './loyalty-panel.js';

export { PromoLoyaltyPanel };
export { LOYALTY_KPIS } from './loyalty-panel.js';
export type { LoyaltyKpi } from './loyalty-panel.js';

if (!customElements.get('promo-loyalty-panel')) customElements.define('promo-loyalty-panel', PromoLoyaltyPanel);

declare global {
  interface HTMLElementTagNameMap {
    'promo-loyalty-panel': PromoLoyaltyPanel;
  }
}
