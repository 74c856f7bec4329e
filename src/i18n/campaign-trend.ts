/**
 * Strings of the campaign chart's trend view, in English (loaded with that
 * view, not with the chart; the Vietnamese ones, in `vi/campaign-trend.ts`, on demand). DOM-free.
 */
import { translator, viStrings } from './translate.js';

const en = {
  'trend.total': 'All sales (store)',
  'trend.summary': '{from} to {to}: store sales {total}; {campaigns}.',
  'trend.days': '{days} of 7 days in the period',
  'trend.axis': 'Revenue',
  'trend.run': '{name} runs {from} to {to}',
  'trend.starts': '{name} starts',
  'trend.ends': '{name} ends',
  'trend.oneDay': '{name} starts and ends here',
  weekOf: 'Week of {date}',
  'chart.selected': 'selected',
};

/** The trend view's own strings, in English (the Vietnamese ones are in `vi/`). */
export const TREND_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/campaign-trend.js'));

/** One of the trend view's strings in the nearest locale, with `{name}` placeholders filled. */
export const trendText = translator(TREND_MESSAGES);

/** The keys `trendText` reads. */
export type TrendMessageKey = Parameters<typeof trendText>[1];
