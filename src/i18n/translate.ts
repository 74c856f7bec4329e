/**
 * How the kit's strings are looked up. DOM-free.
 *
 * Strings are declared in tables, one per module of the kit (`strings.ts` holds those every
 * widget shows; each widget has its own file here). A module looks its strings up with a
 * {@link translator} over its own tables, so a page that loads one widget loads that widget's
 * strings and the shared ones, nothing else.
 *
 * English, the source locale, is in the tables themselves, loaded with the module. The
 * Vietnamese table of each module is a module of its own in `vi/` (plain data, importing
 * nothing), which the string module names with {@link viStrings}: a dynamic `import()`, so a
 * bundler emits it as a chunk of its own, loaded on demand. The elements call
 * {@link loadStrings} before each update: the first time an element on the page speaks
 * Vietnamese, the Vietnamese tables of the string modules the page has loaded come in (one
 * small request each, once for the page), and the element renders when they are in, never in
 * English first. A lookup made before then, or after a load that failed, gives English.
 * An app whose users speak Vietnamese can import the pack `promo-kpi-kit/vi` (`src/vi.ts`)
 * instead: it imports every module of `vi/` statically and hands the tables to
 * {@link addViStrings}, so they are in the app's bundle and nothing is loaded on demand.
 *
 * Languages added at run time (`registerLocale`) are kept here, one table per tag holding
 * any module's keys: key names are unique across the kit's tables.
 */
import { baseLocale } from '../format/format.js';

/** The keys of any of the tables in `T`. */
export type KeysOf<T extends readonly object[]> = T[number] extends infer U
  ? U extends object
    ? keyof U & string
    : never
  : never;

/** Strings added with `registerLocale`, by lower-case tag (`fr`, `fr-ca`): tables without a prototype, read by key. */
const registered = new Map<string, Record<string, string>>();
const listeners = new Set<() => void>();

/** The Vietnamese strings loaded so far, by key (key names are unique across the kit's tables). */
const vi = Object.create(null) as Record<string, string>;

/** Whether every Vietnamese table is in the store (the pack `promo-kpi-kit/vi` was imported): none is loaded on demand. */
let packed: true | undefined;

/** Loads a string module's Vietnamese table (a dynamic `import()` of its module in `vi/`), with the keys `K`. */
export type StringsLoader<K extends string = string> = () => Promise<{ default: Record<K, string> }>;

/**
 * The Vietnamese tables not loaded yet, each by its load into its store: the load under way,
 * `false` once one has failed (tried again by the next element that asks), or `undefined`
 * before the first.
 */
const pending = new Map<() => Promise<unknown>, Promise<unknown> | false | undefined>();

/**
 * Names where a string module's Vietnamese table is: called once by each string module, as it
 * loads, with `() => import('./vi/<module>.js')`; `K`, the keys of the module's English tables, checks that the Vietnamese module
 * has every one. Nothing is fetched until an element asks ({@link loadStrings}).
 */
export function viStrings<K extends string>(load: StringsLoader<K>): void {
  pending.set(() => load().then((m) => Object.assign(vi, m.default)), undefined);
}

/**
 * Puts the Vietnamese tables of every string module into the store at once (the pack
 * `promo-kpi-kit/vi`, `src/vi.ts`, which imports each module of `vi/` statically and hands its
 * table here): from then on no table is loaded on demand, whichever string modules load
 * before or after, so an element speaking Vietnamese renders at once, with no request.
 */
export function addViStrings(...tables: readonly Record<string, string>[]): void {
  Object.assign(vi, ...tables);
  packed = true;
}

/**
 * What an element waits for before it renders in `locale`: for a Vietnamese locale, the
 * Vietnamese tables of the string modules loaded so far that are not in yet (each fetched once
 * for the page, whichever element asks first). Resolves, never rejects, with the errors of
 * the tables that could not be loaded (those read English); `retry` also tries again those
 * that failed before. Undefined when there is nothing to wait for, so an English element, or
 * one whose tables are in, updates at once.
 */
export function loadStrings(locale: string | undefined, retry?: boolean): Promise<unknown[]> | undefined {
  if (packed || !pending.size || baseLocale(locale) !== 'vi') return undefined;
  const loads: Promise<unknown>[] = [];
  for (const [load, state] of pending) {
    if (state === false && !retry) continue;
    let p = state;
    if (!p)
      pending.set(
        load,
        // A dynamic import() never throws: it returns a promise, rejected when the module cannot be loaded.
        (p = load().then(
          () => {
            pending.delete(load);
          },
          (error: unknown) => {
            pending.set(load, false);
            return error || new Error('strings not loaded');
          },
        )),
      );
    loads.push(p);
  }
  return loads.length ? Promise.all(loads).then((r) => r.filter((e) => e)) : undefined;
}

/**
 * Adds (or replaces) the strings of a language; `code` is a BCP 47 tag (`fr`, `th-TH`). A
 * locale `fr-FR` uses the table of `fr-FR`, else of `fr`. Keys missing from the table fall
 * back to English. Elements on the page re-render in the new strings.
 */
export function addLocaleStrings(code: string, strings: Record<string, string>): void {
  const tag = code.trim().toLowerCase();
  if (!tag) throw new TypeError('registerLocale: a language code is required');
  registered.set(tag, Object.assign(Object.create(null) as Record<string, string>, registered.get(tag), strings));
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
 * The string `key` in the locale nearest to `locale`: a registered language first (under
 * `key`, else under `old`, the key's former name, when the table has not got `key`), else the
 * shipped Vietnamese for a Vietnamese locale (once loaded), else `english`, else the key
 * itself; with `{name}` placeholders filled.
 */
export function phrase(
  locale: string | undefined,
  key: string,
  english: string | undefined,
  params?: StringParams,
  old = key,
): string {
  const extra = registeredTable(locale);
  const s = extra?.[key] ?? extra?.[old] ?? (baseLocale(locale) === 'vi' ? vi[key] : undefined) ?? english ?? key;
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

/**
 * A lookup over the English tables of one or more modules, searched in order: the string in
 * the locale nearest to `locale` (a registered language first, English when a key is
 * missing), with `{name}` placeholders filled.
 */
export function translator<T extends readonly Record<string, string>[]>(...tables: T) {
  return (locale: string | undefined, key: KeysOf<T>, params?: StringParams): string =>
    phrase(locale, key, tables.find((t) => Object.hasOwn(t, key))?.[key], params);
}
