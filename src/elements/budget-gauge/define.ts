import { PromoBudgetGauge } from './budget-gauge.js';

export { PromoBudgetGauge };
/** From this many campaigns, one gauge lists them all (one row each under one legend). */
export { LIST_FROM } from './layout.js';

if (!customElements.get('promo-budget-gauge')) customElements.define('promo-budget-gauge', PromoBudgetGauge);

declare global {
  interface HTMLElementTagNameMap {
    'promo-budget-gauge': PromoBudgetGauge;
  }
}
