/**
 * `registerLocale(code, strings)`: adds a language to every element of the kit. The table is
 * typed against the English strings (the widgets' and the board's), so a missing or misspelt
 * key is a type error; numbers, dates and currencies already follow the tag through Intl.
 *
 * The shipped languages: English is in every bundle; the Vietnamese strings are modules of
 * their own (`i18n/vi/`), loaded with a dynamic `import()` the first time an element on the
 * page speaks Vietnamese, each once for the page (`i18n/translate.ts`); elements hold their
 * render until they are in.
 */
import { addLocaleStrings, type KeysOf } from '../../i18n/translate.js';
import {
  CAMPAIGN_MESSAGES,
  COMPARE_MESSAGES,
  EXPECTED_WORDS,
  FILTER_NOTE_MESSAGES,
  KPI_COLUMN_MESSAGES,
  KPI_SERIES_MESSAGES,
  MESSAGES,
  POINTS_MESSAGES,
  REASON_MESSAGES,
  PARTIAL_MESSAGES,
} from '../../i18n/strings.js';
import { ATTRIBUTE_LABEL_MESSAGES, CHANNEL_LABEL_MESSAGES } from '../../i18n/labels.js';
import { SELECTION_MESSAGES } from '../../i18n/selection.js';
import { TILE_MESSAGES } from '../../i18n/kpi-tile.js';
import { GAUGE_MESSAGES } from '../../i18n/budget-gauge.js';
import { CHART_MESSAGES } from '../../i18n/campaign-chart.js';
import { TREND_MESSAGES } from '../../i18n/campaign-trend.js';
import { COHORT_MESSAGES } from '../../i18n/cohort-heatmap.js';
import { BREAKDOWN_MESSAGES } from '../../i18n/breakdown.js';
import { REACTIVATION_MESSAGES } from '../../i18n/reactivation.js';
import { LOYALTY_MESSAGES } from '../../i18n/loyalty-panel.js';
import { BOARD_MESSAGES } from '../../i18n/board-strings.js';

type ExpectedKey = `config.expected.${keyof typeof EXPECTED_WORDS}`;

/** The words of each kind of value (`config.expected.<kind>`) as a table. */
const EXPECTED_MESSAGES = Object.fromEntries(
  Object.entries(EXPECTED_WORDS).map(([kind, words]) => [`config.expected.${kind}`, words]),
) as Record<ExpectedKey, string>;

/** The string tables of every module of the kit (key names are unique across them). */
const TABLES = [
  MESSAGES,
  EXPECTED_MESSAGES,
  REASON_MESSAGES,
  PARTIAL_MESSAGES,
  FILTER_NOTE_MESSAGES,
  KPI_COLUMN_MESSAGES,
  KPI_SERIES_MESSAGES,
  CAMPAIGN_MESSAGES,
  POINTS_MESSAGES,
  COMPARE_MESSAGES,
  CHANNEL_LABEL_MESSAGES,
  ATTRIBUTE_LABEL_MESSAGES,
  SELECTION_MESSAGES,
  TILE_MESSAGES,
  GAUGE_MESSAGES,
  CHART_MESSAGES,
  TREND_MESSAGES,
  COHORT_MESSAGES,
  BREAKDOWN_MESSAGES,
  REACTIVATION_MESSAGES,
  LOYALTY_MESSAGES,
  BOARD_MESSAGES,
] as const;

/**
 * Every string a user reads, by key, as the English tables have them. Each key means one
 * thing: the board's loading, no-data and load-failure messages and its "No comparison" are
 * `board.loading`, `board.empty`, `board.error` and `board.compare.none`; `loading`, `empty`,
 * `error` and `compare.none` are the widgets' words.
 *
 * Deprecated: the board's words under `loading`, `empty`, `error` or `compare.none` (the keys
 * they had before). A table that has one of those and not its `board.*` key still shows it on
 * the board (and the widgets show it as theirs); name the board's words `board.*`.
 */
export type LocaleStrings = Record<KeysOf<typeof TABLES>, string>;

/**
 * Adds the strings of a language (`fr`, `th-TH`): elements whose locale (their `locale`, the
 * board's, or the nearest `lang`) is that tag, or a tag of that language, use them; the page's
 * elements re-render at once. Registering a code again replaces its strings. Keys missing from
 * the table fall back to English; registering `vi` overrides the shipped Vietnamese strings of
 * the keys it has (the others are still loaded on demand).
 *
 * ```ts
 * import { registerLocale, englishStrings } from 'promo-kpi-kit';
 * registerLocale('fr', { ...englishStrings(), loading: 'Chargement…', empty: 'Aucune donnée pour cette période.' });
 * ```
 */
export function registerLocale(code: string, strings: LocaleStrings): void {
  addLocaleStrings(code, strings);
}

/** A copy of the English strings: the keys a language table must have, and a start for one. */
export function englishStrings(): LocaleStrings {
  return Object.assign({}, ...TABLES) as LocaleStrings;
}
