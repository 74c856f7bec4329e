/**
 * Strings of `<promo-reactivation>`, in English; the Vietnamese ones, in `vi/reactivation.ts`, are loaded on demand. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { MESSAGES } from './strings.js';
import { translator, viStrings } from './translate.js';

const en = {
  // re-activation
  'reactivation.title': 'Re-activation by days since last order',
  'reactivation.segment': 'Days since last order',
  'reactivation.segmentDays': '{segment} days',
  'reactivation.customers': 'Customers',
  'reactivation.returned': 'Returned',
  'reactivation.rate': 'Return rate',
  'reactivation.orders': 'Orders',
  'reactivation.revenue': 'Revenue',
  'reactivation.list': 'Customer list',
  'reactivation.of.reactivation': 'Everyone in the segment',
  'reactivation.of.returned': 'Those who returned',
  'reactivation.row':
    '{segment} days since last order: {customers} customers, {returned} returned ({rate}), {orders} orders, revenue {revenue}',
  'reactivation.base': 'Days counted to {date}, the day before the period.',
  'reactivation.hint': 'Choose a segment (Enter or Space) to get its customer list.',
  'reactivation.exportList': 'Export customer list (CSV)',
  'reactivation.exportAll': 'Export customer list (CSV), every segment',
  'reactivation.noList': 'Customer lists are not available: the data source cannot list customers.',
  'reactivation.listError': 'The customer list could not be loaded: {message}',
  'reactivation.customerId': 'Customer ID',
  'reactivation.mismatch': 'The report has the segments {report}, not those of the bounds {bounds}.',
  'reactivation.noCustomers': 'No customer had ordered before this period.',
  'reactivation.chosen': 'Chosen: {segment} days, {of}: {count} customers.',
};

/** The re-activation panel's own strings, in English (the Vietnamese ones are in `vi/`). */
export const REACTIVATION_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/reactivation.js'));

/** One of the re-activation panel's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const reactivationText = translator(REACTIVATION_MESSAGES, MESSAGES);

/** The keys `reactivationText` reads. */
export type ReactivationMessageKey = Parameters<typeof reactivationText>[1];
