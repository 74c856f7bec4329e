import { PromoCohortHeatmap } from './cohort-heatmap.js';

export { PromoCohortHeatmap };
export type { HeatmapMode } from './cohort-heatmap.js';

if (!customElements.get('promo-cohort-heatmap')) customElements.define('promo-cohort-heatmap', PromoCohortHeatmap);

declare global {
  interface HTMLElementTagNameMap {
    'promo-cohort-heatmap': PromoCohortHeatmap;
  }
}
