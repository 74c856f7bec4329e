import { PromoKpiTile } from './kpi-tile.js';

export { PromoKpiTile };

if (!customElements.get('promo-kpi-tile')) customElements.define('promo-kpi-tile', PromoKpiTile);

declare global {
  interface HTMLElementTagNameMap {
    'promo-kpi-tile': PromoKpiTile;
  }
}
