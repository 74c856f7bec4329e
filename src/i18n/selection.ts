/**
 * Strings of the selection line of the bar charts (campaign chart, breakdown): what is
 * selected and the one explicit step from it, in English; the Vietnamese ones, in `vi/selection.ts`, are loaded on demand. DOM-free.
 */
import { viStrings } from './translate.js';

const en = {
  'selection.current': 'Selected: {name}',
  'selection.filterBy': 'Filter by {name}',
  'selection.filtered': 'Filtered by {name}',
  'selection.clearFilter': 'Remove filter',
};

/** The selection line's strings, in English (the Vietnamese ones are in `vi/`). */
export const SELECTION_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/selection.js'));

/** The keys of the selection line. */
export type SelectionMessageKey = keyof typeof en;
