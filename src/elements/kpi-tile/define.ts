import { PromoKpiTile } from './kpi-tile.js';

export { PromoKpiTile };
export { TILE_ROWS } from './kpi-tile.styles.js';

if (!customElements.get('promo-kpi-tile')) customElements.define('promo-kpi-tile', PromoKpiTile);

declare global {
  interface HTMLElementTagNameMap {
    'promo-kpi-tile': PromoKpiTile;
  }
}
