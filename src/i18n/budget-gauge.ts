/**
 * Strings of `<promo-budget-gauge>`, in English; the Vietnamese ones, in `vi/budget-gauge.ts`, are loaded on demand. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { CAMPAIGN_MESSAGES, MESSAGES } from './strings.js';
import { translator, viStrings } from './translate.js';

const en = {
  // budget status
  'status.scheduled': 'Scheduled',
  'status.on-track': 'On track',
  'status.at-risk': 'At risk',
  'status.over-budget': 'Over budget',
  'status.ended': 'Ended',
  'status.under-pace': 'Under-spending',
  'outcome.on-track': 'On budget',
  'outcome.under-pace': 'Under budget',
  'outcome.over-budget': 'Over budget',
  gaugeMore: '{count} campaigns with a budget',
  // budget gauge
  budgetPacing: 'Budget pacing',
  budget: 'Budget',
  spent: 'Spent',
  expected: 'Expected by today',
  projected: 'Projected at end',
  remaining: 'Remaining',
  projectedRevenue: 'Projected revenue',
  revenue: 'Revenue',
  pace: 'Pace',
  status: 'Status',
  days: 'Day {elapsed} of {total}',
  daysElapsed: 'Days elapsed',
  noBudgets: 'No campaign with a budget in this report.',
  gaugeSummary:
    '{name}: {status}. Spent {spent} of {budget} ({percent}); expected by today {expected}; projected at end {projected}; remaining {remaining}; projected revenue {revenue}.',
  overBy: 'over by {value}',
};

/** The gauge's own strings, in English (the Vietnamese ones are in `vi/`). */
export const GAUGE_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/budget-gauge.js'));

/** One of the gauge's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const gaugeText = translator(GAUGE_MESSAGES, CAMPAIGN_MESSAGES, MESSAGES);

/** The keys `gaugeText` reads. */
export type GaugeMessageKey = Parameters<typeof gaugeText>[1];
