/**
 * The explaining path (KPI-SPEC section 4): why a record the fast path of validate.ts
 * rejected is invalid, one {@link DataIssue} per problem, by hand and without zod.
 *
 * It reports exactly what the zod schemas of `src/schema/` (`promo-kpi-kit/schema`) report
 * for the same record: the same issues, with the same paths and messages, in the same
 * order (fields in schema order, then the campaign's end-before-start check). A property
 * test compares the two on random records of every collection. The schemas' finer points
 * are kept on purpose so that the two never disagree; each is noted where it is checked.
 *
 * Messages read `orders[17].revenue: expected a number >= 0, got "12,5"`: collection,
 * index, field path, what was expected and what came.
 *
 * DOM-free.
 */
import type { DataIssue } from '../core/issues.js';
import { parseInstant, parseLocalDate, zoneFor } from '../core/time.js';
import {
  ATTRIBUTE_NAME_RE,
  CAMPAIGN_TYPES,
  EXPECT,
  MAX_AMOUNT,
  MAX_ATTRIBUTES,
  RECORDS,
  fieldsOf,
  inTimeSpan,
  isAttributeValue,
  type CollectionName,
  type FieldType,
} from './records.js';

/** A value as it should appear in a message: strings quoted, missing values named. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** `expected <what>, got <value>`: the one message style of every check. */
export function expected(what: string, value: unknown): string {
  return `expected ${what}, got ${show(value)}`;
}

/** The message for a date (`end`) before the date it may not precede (`start`). */
export function endBeforeStart(start: unknown, end: unknown, startField = 'start'): string {
  return expected(`a date on or after ${startField} ${show(start)}`, end);
}

/** The full message of an issue: `orders[17].revenue: expected ...`. */
export function issueMessage(collection: string, index: number, path: string, text: string): string {
  return `${collection}[${index}]${path ? `.${path}` : ''}: ${text}`;
}

/** Builds a {@link DataIssue}. */
export function makeIssue(
  collection: CollectionName,
  index: number,
  path: string,
  text: string,
  id?: string,
): DataIssue {
  const issue: DataIssue = { collection, index, path, message: issueMessage(collection, index, path, text) };
  if (id !== undefined) issue.id = id;
  return issue;
}

/** An integer id is read as its decimal string, as the schemas do; anything else is left as it is. */
function idFromNumber(v: unknown): unknown {
  return typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
}

/** The id of a record when it has a readable one (for the `id` of an issue). */
export function recordId(collection: CollectionName, record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  if (!('id' in RECORDS[collection])) return undefined;
  const v = idFromNumber((record as Record<string, unknown>).id);
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The issues found in one record so far, as field path and text. */
interface Found {
  readonly issues: [path: string, text: string][];
  /**
   * Whether one of them ends the checks of the whole record: every issue does except a
   * string that is too short and a number out of range. Only the campaign's end-before-start
   * check depends on it.
   */
  stopped: boolean;
}

function add(f: Found, path: string, what: string, value: unknown, stops: boolean): void {
  f.issues.push([path, expected(what, value)]);
  if (stops) f.stopped = true;
}

/**
 * A required non-empty string. The schema checks the type, then the length of anything
 * that has one: a list of length 0 is reported twice (not a string, too short).
 */
function nonEmpty(f: Found, path: string, v: unknown): void {
  if (typeof v !== 'string') add(f, path, EXPECT.id, v, true);
  const length = v === null || v === undefined ? undefined : (v as { length?: unknown }).length;
  if (length !== undefined && !((length as number) >= 1)) add(f, path, EXPECT.id, v, false);
}

/** A present optional id (after an integer became its decimal string). */
function anId(f: Found, path: string, v: unknown): void {
  if (typeof v !== 'string') add(f, path, EXPECT.id, v, true);
}

function aText(f: Found, path: string, v: unknown): void {
  if (typeof v !== 'string') add(f, path, EXPECT.text, v, true);
}

/** A finite number from 0 to {@link MAX_AMOUNT}. */
function amount(f: Found, path: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) return add(f, path, EXPECT.amount, v, true);
  if (!(v >= 0)) add(f, path, EXPECT.amount, v, false);
  if (!(v <= MAX_AMOUNT)) add(f, path, EXPECT.amountMax, v, false);
}

/**
 * An integer from 0 to {@link MAX_AMOUNT}. An integer outside the safe range is reported as
 * such and then checked against 0 and the maximum as well, so 2^53 and larger get two
 * issues (as do -2^53 and smaller).
 */
function count(f: Found, path: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isInteger(v)) return add(f, path, EXPECT.count, v, true);
  if (!Number.isSafeInteger(v)) add(f, path, EXPECT.count, v, false);
  if (v < 0) add(f, path, EXPECT.count, v, false);
  if (v > MAX_AMOUNT) add(f, path, EXPECT.countMax, v, false);
}

const UTC = zoneFor('UTC');

/** Epoch milliseconds or an ISO-8601 string, in the span the dataset holds. */
function time(f: Found, path: string, v: unknown): void {
  const t = parseInstant(v, UTC);
  if (t === null || !inTimeSpan(t)) add(f, path, EXPECT.time, v, true);
}

function localDate(f: Found, path: string, v: unknown): void {
  if (parseLocalDate(v) === null) add(f, path, EXPECT.date, v, true);
}

const TYPES = new Set<unknown>(CAMPAIGN_TYPES);

function campaignType(f: Found, path: string, v: unknown): void {
  if (!TYPES.has(v)) add(f, path, EXPECT.type, v, true);
}

/** An object the schemas take as a record: not a list, and made by `{}` or `Object.create(null)`. */
export function isPlainObject(o: object): boolean {
  if (Array.isArray(o)) return false;
  const ctor = (o as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  if (proto === null || typeof proto !== 'object' || Array.isArray(proto)) return false;
  return Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/**
 * Campaign targets: an object of KPI id to finite number. Its own enumerable keys are
 * checked in order; a symbol key (never in JSON) is reported as a bad key.
 */
function targets(f: Found, path: string, v: unknown): void {
  if (typeof v !== 'object' || v === null || !isPlainObject(v)) return add(f, path, EXPECT.targets, v, true);
  for (const key of Reflect.ownKeys(v)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;
    if (typeof key === 'symbol') {
      add(f, `${path}.${String(key)}`, EXPECT.targets, key, true);
      continue;
    }
    const x = (v as Record<string, unknown>)[key];
    if (typeof x !== 'number' || !Number.isFinite(x)) add(f, `${path}.${key}`, EXPECT.number, x, true);
  }
}

/**
 * The problems of a present (not undefined or null) order `attributes` value, as [path
 * relative to it, text]: shared with the schema (its refinement calls this), so the two
 * report the same. Not an object: one problem. Else more than 8 names: one problem at the
 * object, then each name, in key order: a bad name, or else a bad value.
 */
export function attributeProblems(v: unknown): [string, string][] {
  if (typeof v !== 'object' || v === null || !isPlainObject(v)) return [['', expected(EXPECT.attributes, v)]];
  const out: [string, string][] = [];
  for (const s of Object.getOwnPropertySymbols(v))
    if (Object.prototype.propertyIsEnumerable.call(v, s)) out.push(['', expected(EXPECT.attributes, v)]);
  const keys = Object.keys(v);
  if (keys.length > MAX_ATTRIBUTES) out.push(['', expected(EXPECT.attributeCount, keys.length)]);
  for (const key of keys) {
    if (!ATTRIBUTE_NAME_RE.test(key)) out.push([key, expected(EXPECT.attributeName, key)]);
    else {
      const x = (v as Record<string, unknown>)[key];
      if (!isAttributeValue(x)) out.push([key, expected(EXPECT.attributeValue, x)]);
    }
  }
  return out;
}

function attributes(f: Found, path: string, v: unknown): void {
  for (const [p, text] of attributeProblems(v)) f.issues.push([p ? `${path}.${p}` : path, text]);
}

type Check = (f: Found, path: string, v: unknown) => void;

/**
 * The types read from strings: `null` and `""` mean absent for them, `null` alone for the
 * others (a required text may be `""`). Read by both paths (validate.ts too).
 */
export const STRING_TYPES: ReadonlySet<FieldType> = new Set(['id', 'label', 'text', 'campaignType']);

/**
 * Each type's check of a present value, as the zod schemas check it (a value of an optional
 * field that is not absent). A required field's value (absent included) is checked the same
 * way, but for an id, which must then be non-empty too.
 */
const CHECKS: Record<FieldType, Check> = {
  id: (f, p, v) => anId(f, p, idFromNumber(v)),
  label: nonEmpty,
  text: aText,
  amount,
  count,
  time,
  date: localDate,
  campaignType,
  targets,
  attributes,
};

/** The check of one field (derived from its declaration in RECORDS). */
function checkOf(type: FieldType, required: boolean): Check {
  const c = CHECKS[type];
  if (required) return type === 'id' ? (f, p, v) => nonEmpty(f, p, idFromNumber(v)) : c;
  const stringy = STRING_TYPES.has(type);
  return (f, p, v) => {
    if (v === undefined || v === null || (stringy && v === '')) return;
    c(f, p, v);
  };
}

/** The fields of each collection, in the order the schemas check them. */
const FIELDS = Object.fromEntries(
  Object.keys(RECORDS).map((c) => [
    c,
    fieldsOf(c as CollectionName).map(([key, spec]) => [key, checkOf(spec.type, spec.required)] as const),
  ]),
) as unknown as Record<CollectionName, readonly (readonly [string, Check])[]>;

/** The date pairs of each collection that must come in order: [field, the field it may not precede]. */
const ORDERED = Object.fromEntries(
  Object.keys(RECORDS).map((c) => [
    c,
    fieldsOf(c as CollectionName).flatMap(([key, spec]) =>
      spec.notBefore === undefined ? [] : [[key, spec.notBefore] as const],
    ),
  ]),
) as unknown as Record<CollectionName, readonly (readonly [string, string])[]>;

/**
 * Explains why a record is invalid: one issue per problem, as the schemas report them.
 * Returns an empty list when the record is valid.
 */
export function explainRecord(collection: CollectionName, record: unknown, index: number): DataIssue[] {
  const rid = recordId(collection, record);
  if (record === null || typeof record !== 'object' || Array.isArray(record))
    return [makeIssue(collection, index, '', expected(EXPECT.object, record), rid)];
  const r = record as Record<string, unknown>;
  const f: Found = { issues: [], stopped: false };
  for (const [key, check] of FIELDS[collection]) check(f, key, r[key]);
  // Dates are compared with the dates they may not precede only when no issue above ended the checks.
  if (!f.stopped)
    for (const [key, before] of ORDERED[collection]) {
      const a = parseLocalDate(r[before]);
      const b = parseLocalDate(r[key]);
      if (a !== null && b !== null && b < a) f.issues.push([key, endBeforeStart(r[before], r[key], before)]);
    }
  return f.issues.map(([path, text]) => makeIssue(collection, index, path, text, rid));
}
