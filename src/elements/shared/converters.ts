/**
 * One reader per kind of value, shared by every element of the kit. Each is a Lit attribute
 * converter (`limit: { converter: numberValue }` in an element's static `properties`) and
 * also reads what a host sets as the property: frameworks (React 19, Vue 3, Svelte 5) set a
 * property when the element has one, often with the very string an attribute would hold, so
 * `tile.value = '1284500000'` and `board.kpis = 'revenue,roi'` are read exactly as the
 * attributes are.
 *
 * `read(value)` answers `{ ok: true, value }` or `{ ok: false }`: the element then keeps its
 * documented default and reports the value (see `PromoElement`). `null` and `undefined` never
 * reach `read`: they mean "the default". DOM-free.
 */
import type { ComplexAttributeConverter } from 'lit';
import {
  EXPECTED_ATTRIBUTE_NAME,
  EXPECTED_BOOLEAN,
  EXPECTED_BOUNDS,
  EXPECTED_DATE,
  EXPECTED_FUNCTION,
  EXPECTED_JSON,
  EXPECTED_LIST,
  EXPECTED_NUMBER,
  EXPECTED_OBJECT,
  EXPECTED_ONE_OF,
  EXPECTED_TEXT,
  EXPECTED_TIME_ZONE,
  type EXPECTED_WORDS,
} from '../../i18n/strings.js';

export type ReadResult<T> = { ok: true; value: T } | { ok: false };

/** What a value of this kind must look like, for messages: a key of the `config.expected.*` strings. */
export type ExpectedKind = keyof typeof EXPECTED_WORDS;

export interface ValueKind<T> extends ComplexAttributeConverter<T | null> {
  /** The kind, for messages (`config.expected.<kind>`). */
  readonly expected: ExpectedKind;
  /** The values allowed, for `oneOf` kinds. */
  readonly values?: readonly string[];
  /** The words of `config.expected.<kind>` in English (the kind carries them, so a bundle keeps only those of the kinds it reads; the Vietnamese ones are loaded with the shared strings). */
  readonly words?: string;
  /** Reads a property value of any type (the string form included). */
  read(value: unknown): ReadResult<T>;
}

const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value });
const FAIL = { ok: false } as const;

/**
 * Builds a kind whose attribute form is read exactly like a string set as the property. Pure:
 * each call is marked so, and a bundle keeps only the kinds its elements use.
 */
function kind<T>(
  expected: ExpectedKind,
  words: string | undefined,
  read: (value: unknown) => ReadResult<T>,
  toAttribute: (value: T) => string | null,
  values?: readonly string[],
): ValueKind<T> {
  return {
    expected,
    values,
    words,
    read,
    // An attribute the element can't read is handed to the property as the raw string, so the
    // property's setter reports it and keeps the default (one place for both paths).
    fromAttribute(value: string | null): T | null {
      if (value === null) return null;
      const r = read(value);
      return r.ok ? r.value : (value as unknown as T);
    },
    toAttribute(value: T | null): unknown {
      return value === null || value === undefined ? null : toAttribute(value);
    },
  };
}

/** A finite number; the string form is a JavaScript numeric literal (`1284500000`, `1.5e9`, `-0.25`). */
export const numberValue: ValueKind<number> = /* @__PURE__ */ kind(
  'number',
  EXPECTED_NUMBER,
  (v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : FAIL;
    if (typeof v === 'bigint') return ok(Number(v));
    if (typeof v === 'string') {
      const s = v.trim();
      if (!s) return FAIL;
      const n = Number(s);
      return Number.isFinite(n) ? ok(n) : FAIL;
    }
    return FAIL;
  },
  (v) => String(v),
);

/**
 * A boolean; its attribute is present or absent. As a string (`compact="true"` in a Vue
 * template, or the attribute's value): `""`, `"true"` and the attribute's own name are true,
 * `"false"` is false; anything else is reported.
 */
export function booleanValue(attribute: string): ValueKind<boolean> {
  return kind(
    'boolean',
    EXPECTED_BOOLEAN,
    (v) => {
      if (typeof v === 'boolean') return ok(v);
      if (typeof v === 'string') {
        const s = v.trim().toLowerCase();
        if (s === '' || s === 'true' || s === attribute) return ok(true);
        if (s === 'false') return ok(false);
      }
      return FAIL;
    },
    // Present means true, absent false; `="false"` is false, as the property reads it.
    (v) => (v ? '' : null),
  );
}

/** Ids separated by commas (`revenue, roi`); as a property also an array of strings. */
export const listValue: ValueKind<string[]> = /* @__PURE__ */ kind(
  'list',
  EXPECTED_LIST,
  (v) => {
    if (typeof v === 'string')
      return ok(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? ok(v.map((x: string) => x.trim())) : FAIL;
    return FAIL;
  },
  (v) => (v.length ? v.join(',') : null),
);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Reads a value with `check`; a string is read as the JSON it holds. */
function viaJson<T>(check: (v: unknown) => ReadResult<T>): (v: unknown) => ReadResult<T> {
  return (v) => {
    if (typeof v !== 'string') return check(v);
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      return FAIL;
    }
    return check(parsed);
  };
}

/**
 * A JSON object (`{"revenue": 5000000000}`); as a property also the object itself. With
 * `numbers`, every value must be a finite number (targets).
 */
export function objectValue<T extends Record<string, unknown>>(options: { numbers?: boolean } = {}): ValueKind<T> {
  const check = (o: unknown): ReadResult<T> => {
    if (!isPlainObject(o)) return FAIL;
    if (options.numbers && !Object.values(o).every((x) => typeof x === 'number' && Number.isFinite(x))) return FAIL;
    return ok(o as T);
  };
  return kind<T>('object', EXPECTED_OBJECT, viaJson(check), (v) => JSON.stringify(v));
}

/**
 * Any JSON value given as a string, or an object or array as it is (a report, campaigns, the
 * board's data). `accept` narrows what is read (e.g. arrays only).
 */
export function jsonValue<T>(accept: (v: object) => boolean = () => true): ValueKind<T> {
  const check = (v: unknown): ReadResult<T> => (typeof v === 'object' && v !== null && accept(v) ? ok(v as T) : FAIL);
  return kind<T>('json', EXPECTED_JSON, viaJson(check), (v) => JSON.stringify(v));
}

/** A local day `YYYY-MM-DD` that exists in the calendar; a `Date` is read as its UTC day. */
export const dateValue: ValueKind<string> = /* @__PURE__ */ kind(
  'date',
  EXPECTED_DATE,
  (v) => {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? FAIL : ok(v.toISOString().slice(0, 10));
    if (typeof v !== 'string') return FAIL;
    const s = v.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return FAIL;
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? ok(s) : FAIL;
  },
  (v) => v || null,
);

/** One of a fixed set of words (`period`, `layout`, `theme`...). */
export function oneOf<const V extends string>(values: readonly V[]): ValueKind<V> {
  return kind<V>(
    'oneOf',
    EXPECTED_ONE_OF,
    (v) => {
      const s = typeof v === 'string' ? v.trim() : v;
      return typeof s === 'string' && (values as readonly string[]).includes(s) ? ok(s as V) : FAIL;
    },
    (v) => v,
    values,
  );
}

/** The words of the kinds of text `checkedText` checks. */
const CHECKED_WORDS: Partial<Record<ExpectedKind, string>> = {
  timeZone: EXPECTED_TIME_ZONE,
  attributeName: EXPECTED_ATTRIBUTE_NAME,
};

/** A string checked by a predicate (an IANA time zone, an attribute name). */
export function checkedText(expected: ExpectedKind, accept: (v: string) => boolean): ValueKind<string> {
  return checkedTextWith(expected, CHECKED_WORDS[expected], accept);
}

/**
 * A string checked by a predicate, with the words of its kind given: a bundle then keeps
 * those words alone, not those of every kind `checkedText` knows.
 */
export function checkedTextWith(
  expected: ExpectedKind,
  words: string | undefined,
  accept: (v: string) => boolean,
): ValueKind<string> {
  return kind<string>(
    expected,
    words,
    (v) => (typeof v === 'string' && accept(v.trim()) ? ok(v.trim()) : FAIL),
    (v) => v,
  );
}

/**
 * Segment bounds in days (`7,14,28`): strictly increasing positive whole numbers; as a
 * property also an array of numbers or of their strings. An empty string or list reads as
 * `[]` (the element's default bounds).
 */
export const boundsValue: ValueKind<number[]> = /* @__PURE__ */ kind(
  'bounds',
  EXPECTED_BOUNDS,
  (v) => {
    let parts: unknown[];
    if (typeof v === 'string') parts = v.trim() ? v.split(',').map((s) => s.trim()) : [];
    else if (Array.isArray(v)) parts = v;
    else return FAIL;
    const out: number[] = [];
    for (const p of parts) {
      const n = typeof p === 'number' ? p : typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : NaN;
      if (!Number.isSafeInteger(n) || n <= 0 || (out.length && n <= out[out.length - 1]!)) return FAIL;
      out.push(n);
    }
    return ok(out);
  },
  (v) => (v.length ? v.join(',') : null),
);

/** A function (a callback a host hands over); it has no string form. */
export const functionValue: ValueKind<(...args: never[]) => unknown> = /* @__PURE__ */ kind(
  'function',
  EXPECTED_FUNCTION,
  (v) => (typeof v === 'function' ? ok(v as (...args: never[]) => unknown) : FAIL),
  () => null,
);

/** Any text; numbers given by a host are read as their decimal form. */
export const textValue: ValueKind<string> = /* @__PURE__ */ kind(
  'text',
  EXPECTED_TEXT,
  (v) => (typeof v === 'string' ? ok(v) : typeof v === 'number' && Number.isFinite(v) ? ok(String(v)) : FAIL),
  // An empty text (the default of most text properties) is no attribute at all.
  (v) => v || null,
);

/** The value as it was given, shortened for a message. */
export function describeValue(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'function') s = 'function';
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
