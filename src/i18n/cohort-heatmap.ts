/**
 * Strings of `<promo-cohort-heatmap>`, in English; the Vietnamese ones, in `vi/cohort-heatmap.ts`, are loaded on demand. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { MESSAGES } from './strings.js';
import { translator, viStrings } from './translate.js';

const en = {
  // cohort heatmap
  'cohort.title.retention': 'Retention by cohort',
  'cohort.title.revenue': 'Revenue by cohort',
  'cohort.title.recency': 'Customers by days since last order',
  'cohort.cohort': 'Cohort',
  'cohort.size': 'Customers',
  'cohort.period.month': 'Month {k}',
  'cohort.period.week': 'Week {k}',
  'cohort.cell': '{cohort} ({size} customers), {period}: {value}',
  'cohort.legend': 'Colour scale from {min} to {max}',
  'cohort.summary': '{count} cohorts, {customers} customers; {period}: {value} on average.',
  'cohort.noCohorts': 'No cohorts in this period.',
  'cohort.noRecency': 'No customer has ordered yet.',
  'recency.segment': '{segment} days',
  'recency.revenue': 'Revenue in period',
  'recency.row': '{segment} days since last order: {customers} customers, {revenue}',
};

/** The cohort heatmap's own strings, in English (the Vietnamese ones are in `vi/`). */
export const COHORT_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/cohort-heatmap.js'));

/** One of the cohort heatmap's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const cohortText = translator(COHORT_MESSAGES, MESSAGES);

/** The keys `cohortText` reads. */
export type CohortMessageKey = Parameters<typeof cohortText>[1];
