/**
 * Strings of the board and its filter bar, in English; the Vietnamese ones, in `vi/board-strings.ts`, are loaded on demand. DOM-free.
 */
import { phrase, viStrings, type StringParams } from './translate.js';

const en = {
  board: 'Promotion KPIs',
  filters: 'Filters',
  period: 'Period',
  from: 'From',
  to: 'To',
  'preset.last-7': 'Last 7 days',
  'preset.last-14': 'Last 14 days',
  'preset.last-28': 'Last 28 days',
  'preset.last-90': 'Last 90 days',
  'preset.this-month': 'This month',
  'preset.custom': 'Custom dates',
  campaignRuns: 'A campaign’s run',
  campaigns: 'Campaigns',
  channels: 'Channels',
  compare: 'Compare with',
  'compare.previous': 'Previous period',
  'compare.year': 'Same period last year',
  'board.compare.none': 'No comparison',
  all: 'All',
  allCount: 'All ({count})',
  someCount: '{count} of {total}',
  selectAll: 'Select all',
  lastTicked: 'At least one stays ticked. Tick another first, or choose Select all.',
  valuesCut: 'The data holds more values than are listed here.',
  clear: 'Reset filters',
  activeFilters: 'Filters in force',
  removeFilter: 'Remove filter {filter}',
  tiles: 'Key figures',
  'board.loading': 'Loading data…',
  computing: 'Updating…',
  'board.empty': 'No orders in the data yet.',
  'board.error': 'The data could not be loaded: {message}',
  staleError: 'Showing the last numbers that loaded. {message}',
  retry: 'Try again',
  updated: 'Updated {time}',
  live: 'Live',
  issues: 'Records left out of the numbers (data problems): {count}',
  workerFallback: 'Computed on this page: the background worker could not start ({reason}).',
  badDates: 'The period is not valid: “from” must be a date on or before “to”.',
  problems: 'Problems to check: {count}',
  problemsList: 'Configuration and data problems',
  'problem.notList': '“{name}” in the data is not a list: {value}',
  'problem.notData':
    'The data is not readable: expected an object with lists (orders, campaigns, costs, exposures, loyalty).',
  'problem.unknownKpi': 'Unknown KPI “{id}” in {name}.',
  'problem.record': '{collection} no. {index}{id}, {path}: {message}',
  'problem.more': '…and {count} more.',
  'collection.campaigns': 'Campaign',
  'collection.orders': 'Order',
  'collection.costs': 'Cost',
  'collection.exposures': 'Exposure',
  'collection.loyalty': 'Loyalty record',
  'collection.options': 'Option',
};

export type BoardMessageKey = keyof typeof en;

/** The board's strings, in English (the Vietnamese ones are in `vi/`). */
export const BOARD_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<BoardMessageKey>(() => import('./vi/board-strings.js'));

/**
 * A board string in the nearest shipped locale, with `{name}` placeholders filled. The four
 * `board.*` keys were named `loading`, `empty`, `error` and `compare.none` before (keys the
 * widgets' strings use too, with other words): a language registered with the board's words
 * under those old names still shows them on the board (deprecated: name them `board.*`).
 */
export const bt = (locale: string | undefined, key: BoardMessageKey, params?: StringParams): string =>
  phrase(locale, key, en[key], params, key.replace(/^board\./, ''));

/** A channel's display name (declared with the widgets' strings). */
export { channelLabel } from './labels.js';
