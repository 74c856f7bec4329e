/**
 * `registerLocale(code, strings)`: adds a language to every element of the kit. The table is
 * typed against the English strings (the widgets' and the board's), so a missing or misspelt
 * key is a type error; numbers, dates and currencies already follow the tag through Intl.
 */
import { addLocaleStrings, MESSAGES, type MessageKey } from '../../i18n/strings.js';
import { BOARD_MESSAGES, type BoardMessageKey } from '../../i18n/board-strings.js';

/** Every string a user reads, by key, as the English table has them. */
export type LocaleStrings = Record<MessageKey | BoardMessageKey, string>;

/**
 * Adds the strings of a language (`fr`, `th-TH`): elements whose locale (their `locale`, the
 * board's, or the nearest `lang`) is that tag, or a tag of that language, use them; the page's
 * elements re-render at once. Registering a code again replaces its strings.
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
  return { ...MESSAGES.en, ...BOARD_MESSAGES.en };
}
