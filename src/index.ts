/**
 * promo-kpi-kit: registers every element and exports the public API.
 */
export * from './engine/index.js';
export * from './data/index.js';
export * from './adapters/index.js';
export { formatValue, formatDelta, localeTag, baseLocale } from './format/format.js';
export type { FormatOptions } from './format/format.js';
export { PromoKpiTile } from './elements/kpi-tile/define.js';
export { PromoBudgetGauge } from './elements/budget-gauge/define.js';
export { PromoCampaignChart } from './elements/campaign-chart/define.js';
export type { PromoCampaignSelectDetail, CampaignChartView } from './elements/campaign-chart/define.js';
export { PromoCohortHeatmap } from './elements/cohort-heatmap/define.js';
export type { HeatmapMode } from './elements/cohort-heatmap/define.js';
export { PromoBreakdown, BREAKDOWN_KPIS } from './elements/breakdown/define.js';
export type { BreakdownKpi, PromoBreakdownSelectDetail } from './elements/breakdown/define.js';
export { PromoReactivation, REACTIVATION_LISTS } from './elements/reactivation/define.js';
export type { ReactivationList, PromoSegmentSelectDetail } from './elements/reactivation/define.js';
export { PromoLoyaltyPanel, LOYALTY_KPIS } from './elements/loyalty-panel/define.js';
export type { LoyaltyKpi } from './elements/loyalty-panel/define.js';
export * from './elements/kpi-board/define.js';
export { boardContext, BOARD_STATUSES, THEMES } from './context/context.js';
export type { BoardState, BoardStatus, BoardCampaign, ThemeName } from './context/context.js';
export { registerLocale, englishStrings } from './elements/shared/locale.js';
export type { LocaleStrings } from './elements/shared/locale.js';
export { PromoElement } from './elements/shared/element.js';
export type { PromoConfigErrorDetail, ConfigProblem } from './elements/shared/element.js';
