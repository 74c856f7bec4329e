/**
 * promo-kpi-kit: registers every element and exports the public API.
 */
export * from './engine/index.js';
export { PromoKpiTile } from './elements/kpi-tile/define.js';
