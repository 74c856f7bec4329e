/**
 * Record-by-record validation (KPI-SPEC section 4).
 *
 * Two paths give one answer, both derived from the declaration of records.ts:
 *  - the fast path ({@link readRecord}): reads a record into a reused, normalized object
 *    without allocating, for millions of records; each collection's reader is compiled
 *    once from the declaration into one step per field (the order fields the dataset
 *    keeps in columns are read by name, see `readOrder`);
 *  - the explaining path (`explainRecord`, explain.ts): checks a record the fast path
 *    rejected field by field and reports every problem as a {@link DataIssue}.
 * Both follow the zod schemas of `src/schema/` (`promo-kpi-kit/schema`), derived from the
 * same declaration, which the kit does not load: property tests check that the fast path
 * accepts and rejects the same records as the schemas, and that the explaining path
 * reports the same issues.
 *
 * Messages read `orders[17].revenue: expected a number >= 0, got "12,5"`: collection,
 * index, field path, what was expected and what came.
 *
 * DOM-free.
 */
import { parseLocalDate, readInstant, type Zone } from '../core/time.js';
import {
  ATTRIBUTE_NAME_RE,
  CAMPAIGN_TYPES,
  COLLECTIONS,
  MAX_AMOUNT,
  MAX_ATTRIBUTES,
  RECORDS,
  absentValue,
  fieldsOf,
  inTimeSpan,
  isAttributeValue,
  type CampaignType,
  type CollectionName,
  type FieldSpec,
  type FieldType,
  type Records,
} from './records.js';
import { STRING_TYPES, isPlainObject } from './explain.js';

export type { DataIssue } from '../core/issues.js';
export { explainRecord, issueMessage, makeIssue, recordId, show } from './explain.js';

// ---------------------------------------------------------------------------------------
// Fast path. Each reader fills `out` and returns true, or returns false for a record the
// schema rejects. Normalization: absent discount, earned, redeemed and exposure counts are
// 0; absent cogs is NaN; absent optional strings are undefined.

/** An id: a non-empty string, or a safe integer read as its decimal string. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/** Marks a field the schema rejects (distinct from undefined, which means absent). */
const BAD = Symbol('bad');

/** Epoch ms of a time value in `zone`, or NaN (also outside the span the dataset holds). */
export function timeOf(v: unknown, zone: Zone): number {
  let t: number;
  if (typeof v === 'number') t = v;
  else if (typeof v === 'string') t = readInstant(v, zone);
  else return NaN;
  return inTimeSpan(t) ? t : NaN;
}

/** What the fast path hands on for a valid value of each type. */
export interface ReadValueOfType {
  id: string;
  label: string;
  text: string;
  amount: number;
  count: number;
  /** Epoch ms. */
  time: number;
  /** Local day number. */
  date: number;
  campaignType: CampaignType;
  targets: Record<string, number>;
  attributes: Record<string, string>;
}

type TypeOf<F> = F extends { type: infer T extends FieldType } ? T : never;
type FieldRead<F> = F extends { required: true }
  ? ReadValueOfType[TypeOf<F>]
  : F extends { absent: 0 | 'missing' }
    ? number
    : ReadValueOfType[TypeOf<F>] | undefined;

/**
 * A record of a collection as the fast path hands it on: required fields as read, absent
 * optional numbers as declared (0, or NaN when missing), other absent fields undefined.
 */
export type FieldsOf<C extends CollectionName> = { -readonly [K in keyof Records[C]]: FieldRead<Records[C][K]> };
export type CampaignFields = FieldsOf<'campaigns'>;
export type OrderFields = FieldsOf<'orders'>;
export type CostFields = FieldsOf<'costs'>;
export type ExposureFields = FieldsOf<'exposures'>;
export type LoyaltyFields = FieldsOf<'loyalty'>;

/**
 * Reads the value of one field of a record into `out`: true, or false when the schema
 * rejects it. One is made per declared field when the module loads ({@link stepOf}),
 * bound to the field's name, its type's check, its presence and absent value: reading a
 * record looks nothing up.
 */
type FieldStep = (value: unknown, zone: Zone, out: Record<string, unknown>) => boolean;

/** Reads a whole record (already known to be an object, not a list) into `out`. */
type RecordStep = (r: Record<string, unknown>, zone: Zone, out: Record<string, unknown>) => boolean;

const TYPES = new Set<unknown>(CAMPAIGN_TYPES);

/** Whether a value stands for an absent optional field of a type read from strings (`""` too). */
function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

function isNullish(v: unknown): boolean {
  return v === undefined || v === null;
}

/** A present value of each type: what the fast path hands on, or BAD. */
const VALUE_OF: { readonly [T in FieldType]: (v: unknown, zone: Zone) => unknown } = {
  id: (v) => idOf(v) ?? BAD,
  label: (v) => (typeof v === 'string' && v !== '' ? v : BAD),
  text: (v) => (typeof v === 'string' ? v : BAD),
  amount: (v) => (typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT ? v : BAD),
  count: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_AMOUNT ? v : BAD),
  time: (v, zone) => {
    const t = timeOf(v, zone);
    return t === t ? t : BAD;
  },
  date: (v) => parseLocalDate(v) ?? BAD,
  campaignType: (v) => (TYPES.has(v) ? v : BAD),
  targets: (v) => readTargets(v),
  attributes: (v) => readAttributes(v),
};

/**
 * The reader of one declared field. Absent (undefined or null, and `""` for the types read
 * from strings) is refused for a required field, except a required text, which may be
 * `""`; an absent optional field reads as declared (0, NaN when missing, else undefined).
 */
function stepOf(key: string, f: FieldSpec): FieldStep {
  const required = f.required;
  const absent = absentValue(f);
  const isAbsent = STRING_TYPES.has(f.type) && !(required && f.type === 'text') ? isBlank : isNullish;
  const valueOf = VALUE_OF[f.type];
  return (v, zone, o) => {
    if (isAbsent(v)) {
      o[key] = absent;
      return !required;
    }
    const x = valueOf(v, zone);
    if (x === BAD) return false;
    o[key] = x;
    return true;
  };
}

/**
 * A collection's reader, made once from its declaration: the steps of its fields in
 * order, then the date-order checks (`notBefore`).
 */
function compile(collection: CollectionName): RecordStep {
  const fields = fieldsOf(collection);
  const keys = fields.map(([key]) => key);
  const steps = fields.map(([key, f]) => stepOf(key, f));
  const n = steps.length;
  const ordered = fields.flatMap(([key, f]) => (f.notBefore === undefined ? [] : [[key, f.notBefore] as const]));
  return (r, zone, o) => {
    for (let i = 0; i < n; i++) if (!steps[i]!(r[keys[i]!], zone, o)) return false;
    for (let i = 0; i < ordered.length; i++) {
      const [later, earlier] = ordered[i]!;
      if ((o[later] as number) < (o[earlier] as number)) return false;
    }
    return true;
  };
}

/** Compiled from the declaration, except the order fields of {@link readOrder}. */
const COMPILED = Object.fromEntries(COLLECTIONS.map((c) => [c, compile(c)])) as Record<CollectionName, RecordStep>;

// Orders are millions. A reader compiled from the table reads each field with a keyed
// property read whose site serves every field of every collection, so no engine can
// specialise it, and writes `out` the same way: it takes two to three times as long as the
// same checks written field by field (`npm run bench record-readers`). Code generated per
// collection would read by name, but the kit runs under a Content-Security-Policy without
// 'unsafe-eval'. So the order fields the dataset keeps in columns are read by name below,
// with the same checks as their compiled steps, and any other declared order field by its
// compiled step. The declaration stays the one source: `readOrder` is used only while these
// fields are declared as it reads them (checked here); otherwise orders are read by the
// compiled reader, and a test fails until `readOrder` follows the declaration again.
const ORDERS = RECORDS.orders as Record<string, FieldSpec | undefined>;
/** The order fields read by name, as [type, required] of their declaration. */
const READ_BY_NAME: Record<string, readonly [FieldType, boolean]> = {
  id: ['id', true],
  customerId: ['id', true],
  time: ['time', true],
  revenue: ['amount', true],
  discount: ['amount', false],
  cogs: ['amount', false],
  campaignId: ['id', false],
  channel: ['text', false],
  attributes: ['attributes', false],
};
/** Whether orders are read by {@link readOrder} (the declaration is what it reads). */
export const ORDERS_READ_BY_NAME =
  Object.entries(READ_BY_NAME).every(
    ([key, [type, required]]) => ORDERS[key]?.type === type && ORDERS[key].required === required,
  ) && fieldsOf('orders').every(([, f]) => f.notBefore === undefined);
const NO_DISCOUNT = absentValue(RECORDS.orders.discount) ?? NaN;
const NO_COGS = absentValue(RECORDS.orders.cogs) ?? NaN;
/** The other declared order fields, read by their compiled steps. */
const ORDER_REST = fieldsOf('orders').filter(([key]) => !(key in READ_BY_NAME));
const ORDER_REST_KEYS = ORDER_REST.map(([key]) => key);
const ORDER_REST_STEPS = ORDER_REST.map(([key, f]) => stepOf(key, f));

function readOrder(r: Record<string, unknown>, zone: Zone, o: Record<string, unknown>): boolean {
  const id = idOf(r.id);
  const customerId = idOf(r.customerId);
  const revenue = r.revenue;
  const discount = optAmount(r.discount, NO_DISCOUNT);
  const cogs = optAmount(r.cogs, NO_COGS);
  const campaignId = optId(r.campaignId);
  const channel = optText(r.channel);
  const attributes = r.attributes === undefined || r.attributes === null ? undefined : readAttributes(r.attributes);
  const time = timeOf(r.time, zone);
  if (
    id === undefined ||
    customerId === undefined ||
    typeof revenue !== 'number' ||
    !(revenue >= 0 && revenue <= MAX_AMOUNT) ||
    discount < 0 ||
    cogs < 0 ||
    campaignId === BAD ||
    channel === BAD ||
    attributes === BAD ||
    time !== time
  )
    return false;
  const out = o as OrderFields;
  out.id = id;
  out.customerId = customerId;
  out.time = time;
  out.revenue = revenue;
  out.discount = discount;
  out.cogs = cogs;
  out.campaignId = campaignId;
  out.channel = channel;
  out.attributes = attributes;
  for (let i = 0; i < ORDER_REST_STEPS.length; i++)
    if (!ORDER_REST_STEPS[i]!(r[ORDER_REST_KEYS[i]!], zone, o)) return false;
  return true;
}

function optId(v: unknown): string | undefined | typeof BAD {
  if (isBlank(v)) return undefined;
  return idOf(v) ?? BAD;
}

function optText(v: unknown): string | undefined | typeof BAD {
  if (isBlank(v)) return undefined;
  return typeof v === 'string' ? v : BAD;
}

/** An optional amount: the value, `absent` when absent, or -1 when bad. */
function optAmount(v: unknown, absent: number): number {
  if (v === undefined || v === null) return absent;
  return typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT ? v : -1;
}

/** What reads orders: by name while the declaration is what `readOrder` reads. */
const READ_ORDERS = ORDERS_READ_BY_NAME ? readOrder : COMPILED.orders;

const READERS: Record<CollectionName, RecordStep> = { ...COMPILED, orders: READ_ORDERS };

/** A fast path over `readers`: a record that is not an object, or is a list, is refused. */
function readerOver(readers: Record<CollectionName, RecordStep>) {
  return <C extends CollectionName>(collection: C, record: unknown, zone: Zone, out: FieldsOf<C>): boolean => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
    return readers[collection](record as Record<string, unknown>, zone, out as Record<string, unknown>);
  };
}

/**
 * The fast path: reads `record` of `collection` into `out` (every field written, in
 * declaration order) and returns true, or returns false for a record the schema rejects
 * (`out` is then partly written). `zone` reads local times.
 */
export const readRecord = readerOver(READERS);

/**
 * {@link readRecord} of an order, for order ingest (millions of records): the reader is
 * not looked up by collection per record.
 */
export function readOrderRecord(record: unknown, zone: Zone, out: OrderFields): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  return READ_ORDERS(record as Record<string, unknown>, zone, out as Record<string, unknown>);
}

/**
 * The reader compiled from the declaration alone, orders included (what reads orders when
 * their declaration is not what `readOrder` reads): for tests and the record-reader benchmark.
 */
export const readCompiled = /* @__PURE__ */ readerOver(COMPILED);

/** A new object of a collection's fields, for {@link readRecord} to fill (one shape per collection). */
export function newFields<C extends CollectionName>(collection: C): FieldsOf<C> {
  const o: Record<string, unknown> = {};
  for (const [key, f] of fieldsOf(collection)) o[key] = f.required ? undefined : absentValue(f);
  return o as FieldsOf<C>;
}

/**
 * Campaign targets as the schema reads them: a plain object (not a list, Date or Map), no
 * enumerable symbol keys, an own `__proto__` key skipped, every other value a finite number.
 */
function readTargets(t: unknown): Record<string, number> | typeof BAD {
  if (typeof t !== 'object' || t === null || !isPlainObject(t)) return BAD;
  for (const s of Object.getOwnPropertySymbols(t)) if (Object.prototype.propertyIsEnumerable.call(t, s)) return BAD;
  const targets: Record<string, number> = {};
  for (const k of Object.keys(t)) {
    if (k === '__proto__') continue;
    const v = (t as Record<string, unknown>)[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) return BAD;
    targets[k] = v;
  }
  return targets;
}

/**
 * Order attributes: undefined when empty, the object when valid, BAD otherwise (as the
 * schema: a plain object without symbol keys, at most 8 names matching
 * `ATTRIBUTE_NAME_RE`, values non-empty strings of at most 200 characters).
 */
function readAttributes(v: unknown): Record<string, string> | undefined | typeof BAD {
  if (typeof v !== 'object' || v === null || !isPlainObject(v)) return BAD;
  let n = 0;
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    if (++n > MAX_ATTRIBUTES || !ATTRIBUTE_NAME_RE.test(key)) return BAD;
    if (!isAttributeValue((v as Record<string, unknown>)[key])) return BAD;
  }
  for (const s of Object.getOwnPropertySymbols(v)) if (Object.prototype.propertyIsEnumerable.call(v, s)) return BAD;
  return n > 0 ? (v as Record<string, string>) : undefined;
}
