/**
 * `import 'promo-kpi-kit/vi'`: the Vietnamese strings of every element of the kit, in the
 * app's own bundle. Without it, an element speaking Vietnamese loads its strings on demand
 * (one small chunk per string module, one extra round trip before its first render); with
 * it, every Vietnamese table is in the string store as this module runs, so no Vietnamese
 * chunk is requested and the first Vietnamese render waits for nothing. For an app whose
 * users are all or mostly Vietnamese. Import it before or after the elements, in any order.
 *
 * The one list of the Vietnamese modules: each module of `i18n/vi/`, imported here and handed
 * to `addViStrings` (test/i18n/vi-pack checks every module there is). The string modules do
 * not list them: each names its own table, to load on demand
 * (`viStrings(() => import('./vi/<module>.js'))`), which the pack makes needless at once.
 */
import { addViStrings } from './i18n/translate.js';
import boardStrings from './i18n/vi/board-strings.js';
import breakdown from './i18n/vi/breakdown.js';
import budgetGauge from './i18n/vi/budget-gauge.js';
import campaignChart from './i18n/vi/campaign-chart.js';
import campaignTrend from './i18n/vi/campaign-trend.js';
import cohortHeatmap from './i18n/vi/cohort-heatmap.js';
import kpiTile from './i18n/vi/kpi-tile.js';
import labels from './i18n/vi/labels.js';
import loyaltyPanel from './i18n/vi/loyalty-panel.js';
import reactivation from './i18n/vi/reactivation.js';
import selection from './i18n/vi/selection.js';
import strings from './i18n/vi/strings.js';

addViStrings(
  strings,
  labels,
  selection,
  kpiTile,
  budgetGauge,
  campaignChart,
  campaignTrend,
  cohortHeatmap,
  breakdown,
  reactivation,
  loyaltyPanel,
  boardStrings,
);
