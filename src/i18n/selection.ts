/**
 * Strings of the selection line of the bar charts (campaign chart, breakdown): what is
 * selected and the one explicit step from it, in English and Vietnamese. DOM-free.
 */
import type { StringTables } from './translate.js';

const en = {
  'selection.current': 'Selected: {name}',
  'selection.filterBy': 'Filter by {name}',
  'selection.filtered': 'Filtered by {name}',
  'selection.clearFilter': 'Remove filter',
};

const vi: Record<keyof typeof en, string> = {
  'selection.current': 'Đang chọn: {name}',
  'selection.filterBy': 'Lọc theo {name}',
  'selection.filtered': 'Đang lọc theo {name}',
  'selection.clearFilter': 'Bỏ lọc',
};

/** The selection line's strings in each shipped locale. */
export const SELECTION_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** The keys of the selection line. */
export type SelectionMessageKey = keyof typeof en;
