/**
 * How the kit's strings are looked up. DOM-free.
 *
 * Strings are declared in tables, one per module of the kit (`strings.ts` holds those every
 * widget shows; each widget has its own file here), each in English and Vietnamese. A module
 * looks its strings up with a {@link translator} over its own tables, so a page that loads
 * one widget loads that widget's strings and the shared ones, nothing else.
 *
 * Languages added at run time (`registerLocale`) are kept here, one table per tag holding
 * any module's keys: key names are unique across the kit's tables.
 */
import { baseLocale } from '../format/format.js';
import type { Locale } from '../core/vocabulary.js';

/** One module's strings: a table per shipped locale, each with every key of the English one. */
export type StringTables<K extends string = string> = Record<Locale, Record<K, string>>;

/** The keys of any of the tables in `T`. */
export type KeysOf<T extends readonly StringTables[]> = T[number] extends infer U
  ? U extends StringTables<infer K>
    ? K
    : never
  : never;

/** Strings added with `registerLocale`, by lower-case tag (`fr`, `fr-ca`). */
const registered = new Map<string, Record<string, string>>();
const listeners = new Set<() => void>();

/**
 * Adds (or replaces) the strings of a language; `code` is a BCP 47 tag (`fr`, `th-TH`). A
 * locale `fr-FR` uses the table of `fr-FR`, else of `fr`. Keys missing from the table fall
 * back to English. Elements on the page re-render in the new strings.
 */
export function addLocaleStrings(code: string, strings: Record<string, string>): void {
  const tag = code.trim().toLowerCase();
  if (!tag) throw new TypeError('registerLocale: a language code is required');
  registered.set(tag, { ...(registered.get(tag) ?? {}), ...strings });
  for (const fn of listeners) fn();
}

/** Calls `fn` when a language is registered; returns the unsubscribe function. */
export function onLocaleStrings(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The registered table for a locale (exact tag first, then its language), if any. */
function registeredTable(locale: string | undefined): Record<string, string> | undefined {
  if (!locale || !registered.size) return undefined;
  const tag = locale.toLowerCase();
  return registered.get(tag) ?? registered.get(tag.split('-')[0]!);
}

/** Named placeholders of a string: `{name}` -> `params.name`. */
export type StringParams = Record<string, string | number>;

/**
 * The string `key` in the locale nearest to `locale`: a registered language first, else
 * `words` in the shipped locale (English when that one is missing), else the key itself; with
 * `{name}` placeholders filled.
 */
export function phrase(
  locale: string | undefined,
  key: string,
  words: Partial<Record<Locale, string>> | undefined,
  params?: StringParams,
): string {
  const extra = registeredTable(locale);
  const s =
    (extra && Object.hasOwn(extra, key) ? extra[key] : undefined) ??
    (words ? (words[baseLocale(locale)] ?? words.en) : key) ??
    key;
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

/**
 * A lookup over the tables of one or more modules, searched in order: the string in the
 * locale nearest to `locale` (a registered language first, English when a key is missing),
 * with `{name}` placeholders filled.
 */
export function translator<T extends readonly StringTables[]>(...tables: T) {
  return (locale: string | undefined, key: KeysOf<T>, params?: StringParams): string => {
    const table = tables.find((t) => Object.hasOwn(t.en, key)) as Record<Locale, Record<string, string>> | undefined;
    return phrase(locale, key, table && { en: table.en[key], vi: table.vi[key] }, params);
  };
}
