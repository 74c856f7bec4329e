/**
 * Strings of `<promo-breakdown>`, in English; the Vietnamese ones, in `vi/breakdown.ts`, are loaded on demand. DOM-free. The strings every widget shows are
 * in `strings.ts`, those of the selection line in `selection.ts`.
 */
import { MESSAGES } from './strings.js';
import { SELECTION_MESSAGES } from './selection.js';
import { translator, viStrings } from './translate.js';

const en = {
  // breakdown
  'breakdown.title': '{kpi} by {by}',
  'breakdown.others': 'Others ({count})',
  'breakdown.share': 'Share of total',
  'breakdown.shareOf': '{value} of total',
  'breakdown.vsAverage': 'vs average',
  'breakdown.vsAverageOf': '{value} vs average',
  'breakdown.summary': '{count} values. Highest: {name}, {value}.',
  'breakdown.select':
    'Enter or Space selects a value to compare it with the rest; filtering the board by it is the button shown with the selection.',
  'breakdown.noValues': 'No {by} in this period.',
  'breakdown.notInReport': 'This report has no breakdown by “{by}” (the report was not asked for it).',
  'breakdown.overlap': 'A customer who bought in several counts in each, so the shares can add up to more than 100%.',
  'breakdown.unassigned': 'Without a {by}: {value}.',
  'breakdown.rank': 'Rank',
  'breakdown.rankOf': 'rank {rank} of {total}',
};

/** The breakdown's own strings, in English (the Vietnamese ones are in `vi/`). */
export const BREAKDOWN_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/breakdown.js'));

/** One of the breakdown's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const breakdownText = translator(BREAKDOWN_MESSAGES, SELECTION_MESSAGES, MESSAGES);

/** The keys `breakdownText` reads. */
export type BreakdownMessageKey = Parameters<typeof breakdownText>[1];
