/**
 * The strings every widget shows, in English: the loading, empty, error and unavailable
 * states, the data and export menu, configuration problems; and, as tables of their own that
 * only the widgets showing them load, why a value is missing, the filter note, what a readable
 * value of each kind looks like, the column heads several widgets share (of KPIs, of
 * campaigns), a change in points and the comparison in words. DOM-free.
 *
 * Each widget's own strings are in its file beside this one (`kpi-tile.ts`,
 * `campaign-chart.ts`, ...), so a page bundles only the strings of the widgets it loads;
 * channel and attribute names are in `labels.ts`, the selection line's in `selection.ts`,
 * the board's in `board-strings.ts`. The Vietnamese strings of each of these modules are in
 * `vi/` beside it, loaded on demand (the first time an element on the page speaks
 * Vietnamese). How strings are looked up and loaded, and languages added at run time, is
 * `translate.ts`.
 *
 * `t(locale, key, params)` picks the shipped locale nearest to `locale` (`vi-VN` -> `vi`,
 * any other tag -> `en`; a language added with `registerLocale` first) and fills `{name}`
 * placeholders.
 */
import { translator, viStrings } from './translate.js';
import type { KpiReason } from '../core/vocabulary.js';

export { translator, addLocaleStrings, onLocaleStrings } from './translate.js';

const en = {
  // states
  loading: 'Loading…',
  empty: 'Nothing to show for this period.',
  emptyFiltered: 'Nothing in this period matches the filters.',
  'emptyAction.period': 'Change the period',
  'emptyAction.filters': 'Clear the filters',
  error: 'This widget could not be shown.',
  unavailable: 'Nothing to show until the data loads.',
  noReport: 'No data yet: place this widget inside a promo-kpi-board, or give it a report.',
  // data and export actions
  actions: 'Data and export',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  exportCsv: 'Export CSV',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  // configuration problems (a property or attribute the element can't read); what a readable
  // value looks like is said by the kind of value (EXPECTED_WORDS below)
  'config.invalid': '{name}="{value}" ignored: expected {expected}. Using {fallback}.',
  'config.default': 'the default',
};

export type MessageKey = keyof typeof en;

/** The shared messages, in English. */
export const MESSAGES: Record<MessageKey, string> = en;

/*
 * The Vietnamese strings of this module (every table here), loaded the first time an element
 * on the page speaks Vietnamese (`translate.ts`).
 */
viStrings<
  | MessageKey
  | keyof typeof KPI_COLUMN_MESSAGES
  | keyof typeof KPI_SERIES_MESSAGES
  | keyof typeof CAMPAIGN_MESSAGES
  | keyof typeof POINTS_MESSAGES
  | keyof typeof COMPARE_MESSAGES
  | keyof typeof REASON_MESSAGES
  | keyof typeof PARTIAL_MESSAGES
  | keyof typeof FILTER_NOTE_MESSAGES
  | `config.expected.${keyof typeof EXPECTED_WORDS}`
>(() => import('./vi/strings.js'));

/** A shared UI string in the locale nearest to `locale`, with `{name}` placeholders filled. */
export const t = translator(MESSAGES);

/**
 * Column heads of the widgets that show a KPI's values over periods (tile, campaign chart,
 * loyalty panel): a table of its own, which those widgets' translators list, so the others
 * do not load it.
 */
const kpiColumnEn = {
  previous: 'Previous period',
  change: 'Change',
  kpi: 'KPI',
  value: 'Value',
};

export const KPI_COLUMN_MESSAGES: Record<keyof typeof kpiColumnEn, string> = kpiColumnEn;

/**
 * The date column head and the lookup failure of the widgets given a KPI by id that show its
 * daily values (tile, campaign chart): a table of its own, apart from the KPI columns, which
 * the loyalty panel shows without these two.
 */
export const KPI_SERIES_MESSAGES: Record<'date' | 'unknownKpi', string> = {
  date: 'Date',
  unknownKpi: 'Unknown KPI "{id}"',
};

/**
 * The campaign column head and the lookup failure of the widgets that name campaigns (budget
 * gauge, campaign chart, tile): a table of its own, apart from the KPI columns, which the
 * gauge does not show.
 */
export const CAMPAIGN_MESSAGES: Record<'campaign' | 'unknownCampaign', string> = {
  campaign: 'Campaign',
  unknownCampaign: 'Unknown campaign "{id}"',
};

/** A change in percentage points, short and spoken (`shared/change.ts`). */
const pointsEn = { 'delta.points': '{value} pts', 'delta.pointsLong': '{value} percentage points' };

export const POINTS_MESSAGES: Record<keyof typeof pointsEn, string> = pointsEn;

/** What a report is compared with, in words (`shared/compare.ts`). */
const compareEn = {
  'compare.vsPrevious': 'vs previous period',
  'compare.vsYear': 'vs same period last year',
  'compare.none': 'no comparison',
};

export const COMPARE_MESSAGES: Record<keyof typeof compareEn, string> = compareEn;

/**
 * Why values are missing: the reason each KPI has no value. A table of its own, so only the
 * widgets that say why load it.
 */
const reasonEn = {
  'reason.no-data': 'not enough orders or customers in this period to work it out',
  'reason.missing-cogs': 'cost of goods missing on some orders',
  'reason.no-exposures': 'no reach or impression data',
  'reason.no-budget': 'no budget set',
};

export const REASON_MESSAGES: Record<keyof typeof reasonEn, string> = reasonEn;

const reasonT = /* @__PURE__ */ translator(REASON_MESSAGES);

/** The reason a KPI has no value, in words. */
export const reasonText = (locale: string | undefined, reason: KpiReason): string =>
  reasonT(locale, `reason.${reason}`);

/**
 * The sentence before a list of the reasons some values are missing (`shared/notes.ts`): a
 * table of its own, apart from the reasons, which the widgets saying why one value is missing
 * (tile, gauge, loyalty panel) show without it.
 */
export const PARTIAL_MESSAGES: Record<'partial', string> = { partial: 'Some values could not be computed.' };

/** The sentence before the reasons some values are missing ("Some values could not be computed."). */
export const partialText = (locale: string | undefined): string => translator(PARTIAL_MESSAGES)(locale, 'partial');

/** The note of panels the board's channel and attribute filters do not reach. A table of its own: two widgets show it. */
export const FILTER_NOTE_MESSAGES: Record<'filterNotApplied', string> = {
  filterNotApplied: 'The channel and attribute filters do not apply to this panel.',
};

/** The filter note in the locale nearest to `locale`. */
export const filterNoteText = (locale: string | undefined): string =>
  translator(FILTER_NOTE_MESSAGES)(locale, 'filterNotApplied');

/**
 * What a readable value of one kind looks like (the `config.expected.<kind>` strings), in
 * English (the Vietnamese words are in `vi/strings.ts`, under those keys). One constant per
 * kind, held by its converter (`converters.ts`), so a bundle carries the words of the kinds
 * its elements read and no others.
 */
export const EXPECTED_NUMBER = 'a number';
export const EXPECTED_BOOLEAN = 'true or false';
export const EXPECTED_LIST = 'ids separated by commas';
export const EXPECTED_OBJECT = 'a JSON object of numbers, such as {"revenue": 5000000}';
export const EXPECTED_JSON = 'JSON data (an object or a list)';
export const EXPECTED_DATE = 'a date YYYY-MM-DD';
export const EXPECTED_ONE_OF = 'one of {values}';
export const EXPECTED_TIME_ZONE = 'an IANA time zone such as Asia/Ho_Chi_Minh';
export const EXPECTED_TEXT = 'text';
export const EXPECTED_BOUNDS = 'increasing whole numbers of days, such as 7,14,28';
export const EXPECTED_ATTRIBUTE_NAME = 'channel or an attribute name (letters, digits and _, starting with a letter)';
export const EXPECTED_FUNCTION = 'a function';

/** The words of every kind of value, by kind (for `englishStrings`, and languages added at run time). */
export const EXPECTED_WORDS = {
  number: EXPECTED_NUMBER,
  boolean: EXPECTED_BOOLEAN,
  list: EXPECTED_LIST,
  object: EXPECTED_OBJECT,
  json: EXPECTED_JSON,
  date: EXPECTED_DATE,
  oneOf: EXPECTED_ONE_OF,
  timeZone: EXPECTED_TIME_ZONE,
  text: EXPECTED_TEXT,
  bounds: EXPECTED_BOUNDS,
  attributeName: EXPECTED_ATTRIBUTE_NAME,
  function: EXPECTED_FUNCTION,
} as const;
