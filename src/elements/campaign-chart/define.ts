import { PromoCampaignChart } from './campaign-chart.js';

export { PromoCampaignChart };
export type { PromoCampaignSelectDetail, CampaignChartView } from './campaign-chart.js';

if (!customElements.get('promo-campaign-chart')) customElements.define('promo-campaign-chart', PromoCampaignChart);

declare global {
  interface HTMLElementTagNameMap {
    'promo-campaign-chart': PromoCampaignChart;
  }
  interface HTMLElementEventMap {
    'promo-campaign-select': CustomEvent<import('./campaign-chart.js').PromoCampaignSelectDetail>;
    'promo-campaign-selection-change': CustomEvent<import('./campaign-chart.js').PromoCampaignSelectDetail>;
  }
}
