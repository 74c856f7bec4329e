/**
 * Strings of `<promo-campaign-chart>`, in English; the Vietnamese ones, in `vi/campaign-chart.ts`, are loaded on demand. DOM-free. Those of the
 * trend view alone are in `campaign-trend.ts` (loaded with that view), the strings every
 * widget shows in `strings.ts`, those of the selection line in `selection.ts`.
 */
import { CAMPAIGN_MESSAGES, KPI_COLUMN_MESSAGES, KPI_SERIES_MESSAGES, MESSAGES } from './strings.js';
import { SELECTION_MESSAGES } from './selection.js';
import { translator, viStrings } from './translate.js';

const en = {
  // campaign chart
  'chart.title': '{kpi} by campaign',
  'chart.titleVs': '{kpi} and {secondary} by campaign',
  'chart.others': 'Others ({count})',
  'chart.rank': 'Rank',
  'chart.rankOf': 'rank {rank} of {total}',
  'chart.summary': '{count} campaigns. Best: {name}, {value}.',
  'chart.noCampaigns': 'No campaign sold anything in this period.',
  'chart.select':
    'Enter or Space selects a campaign to compare it with the rest; filtering the board by it is the button shown with the selection.',
  'chart.topAxis': '{kpi} (top axis)',
  'trend.title': 'Sales over time: campaigns against the store total',
  'trend.loadFailed': 'The chart over time could not be loaded. Reload the page to try again.',
};

/** The campaign chart's own strings, in English (the Vietnamese ones are in `vi/`). */
export const CHART_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/campaign-chart.js'));

/** One of the campaign chart's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const chartText = translator(
  CHART_MESSAGES,
  SELECTION_MESSAGES,
  KPI_COLUMN_MESSAGES,
  KPI_SERIES_MESSAGES,
  CAMPAIGN_MESSAGES,
  MESSAGES,
);

/** The keys `chartText` reads. */
export type ChartMessageKey = Parameters<typeof chartText>[1];
