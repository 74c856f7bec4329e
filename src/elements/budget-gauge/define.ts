import { PromoBudgetGauge } from './budget-gauge.js';

export { PromoBudgetGauge };

if (!customElements.get('promo-budget-gauge')) customElements.define('promo-budget-gauge', PromoBudgetGauge);

declare global {
  interface HTMLElementTagNameMap {
    'promo-budget-gauge': PromoBudgetGauge;
  }
}
