/**
 * Record-by-record validation (KPI-SPEC section 4).
 *
 * Two paths give one answer, both derived from the declaration of records.ts:
 *  - the fast path ({@link readRecord}): reads a record into a reused, normalized object
 *    without allocating, for millions of records;
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
  TIME_MAX,
  TIME_MIN,
  RECORDS,
  fieldsOf,
  isAttributeValue,
  type CampaignType,
  type CollectionName,
  type FieldType,
  type Records,
} from './records.js';
import { isPlainObject } from './explain.js';

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
  return t >= TIME_MIN && t < TIME_MAX ? t : NaN;
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

// Type codes of the fast path, in FIELD_TYPES order.
const ID = 0;
const LABEL = 1;
const TEXT = 2;
const AMOUNT = 3;
const COUNT = 4;
const TIME = 5;
const DATE = 6;
const CAMPAIGN_TYPE = 7;
const TARGETS = 8;
const ATTRIBUTES = 9;
const CODES: Record<FieldType, number> = {
  id: ID,
  label: LABEL,
  text: TEXT,
  amount: AMOUNT,
  count: COUNT,
  time: TIME,
  date: DATE,
  campaignType: CAMPAIGN_TYPE,
  targets: TARGETS,
  attributes: ATTRIBUTES,
};

/** How the fast path reads a collection: its declaration as flat arrays. */
interface Plan {
  readonly keys: readonly string[];
  readonly types: Uint8Array;
  /** 1 a required field, 2 an optional one read from strings (`""` is absent too), 0 another optional one. */
  readonly presence: Uint8Array;
  /** What each absent optional field reads as. */
  readonly absent: readonly unknown[];
  /** Pairs of field indexes [i, j]: the date in i may not precede the date in j. */
  readonly ordered: readonly number[];
}

function planOf(collection: CollectionName): Plan {
  const fields = fieldsOf(collection);
  const keys = fields.map(([k]) => k);
  return {
    keys,
    types: Uint8Array.from(fields, ([, f]) => CODES[f.type]),
    presence: Uint8Array.from(fields, ([, f]) =>
      f.required ? 1 : f.type === 'id' || f.type === 'label' || f.type === 'text' || f.type === 'campaignType' ? 2 : 0,
    ),
    absent: fields.map(([, f]) => (f.absent === 0 ? 0 : f.absent === 'missing' ? NaN : undefined)),
    ordered: fields.flatMap(([, f], i) => (f.notBefore === undefined ? [] : [i, keys.indexOf(f.notBefore)])),
  };
}

const PLANS = Object.fromEntries(COLLECTIONS.map((c) => [c, planOf(c)])) as Record<CollectionName, Plan>;

const TYPES = new Set<unknown>(CAMPAIGN_TYPES);

/**
 * The fast path: reads `record` of `collection` into `out` (every field written, in
 * declaration order) and returns true, or returns false for a record the schema rejects
 * (`out` is then partly written). `zone` reads local times.
 */
export function readRecord<C extends CollectionName>(
  collection: C,
  record: unknown,
  zone: Zone,
  out: FieldsOf<C>,
): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  if (collection === 'orders') return readOrder(record as Record<string, unknown>, zone, out as OrderFields);
  const plan = PLANS[collection];
  const r = record as Record<string, unknown>;
  const o = out as Record<string, unknown>;
  const keys = plan.keys;
  for (let i = 0; i < keys.length; i++) {
    const x = readField(plan, i, r[keys[i]!], zone);
    if (x === BAD) return false;
    o[keys[i]!] = x;
  }
  return inOrder(plan, o);
}

/** Field `i` of a plan read from value `v`: what the fast path hands on, or BAD. */
function readField(plan: Plan, i: number, v: unknown, zone: Zone): unknown {
  const type = plan.types[i]!;
  const presence = plan.presence[i]!;
  if (v === undefined || v === null || (v === '' && presence !== 0)) {
    // Absent: a required field fails, except a required text, which may be "".
    if (presence === 1) return v === '' && type === TEXT ? '' : BAD;
    return plan.absent[i];
  }
  let x: unknown;
  switch (type) {
    case ID:
      return idOf(v) ?? BAD;
    case LABEL:
    case TEXT:
      return typeof v === 'string' ? v : BAD;
    case AMOUNT:
      return typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT ? v : BAD;
    case COUNT:
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_AMOUNT ? v : BAD;
    case TIME:
      x = timeOf(v, zone);
      return x === x ? x : BAD;
    case DATE:
      return parseLocalDate(v) ?? BAD;
    case CAMPAIGN_TYPE:
      return TYPES.has(v) ? v : BAD;
    case TARGETS:
      return readTargets(v);
    default:
      return readAttributes(v);
  }
}

/** Whether the dates of a read record come in their declared order. */
function inOrder(plan: Plan, o: Record<string, unknown>): boolean {
  const { keys, ordered } = plan;
  for (let i = 0; i < ordered.length; i += 2)
    if ((o[keys[ordered[i]!]!] as number) < (o[keys[ordered[i + 1]!]!] as number)) return false;
  return true;
}

// Orders are millions: the fields the dataset holds are read by hand, with property reads
// the engine can keep monomorphic (`npm run bench data`, JSON objects -> dataset: the
// table-driven loop above took twice as long). Any other declared order field is read by
// the loop (`ORDER_REST`); property tests hold this reader to the zod schemas.
const ORDERS = RECORDS.orders;
const HAND_READ = ['id', 'customerId', 'time', 'revenue', 'discount', 'cogs', 'campaignId', 'channel', 'attributes'];
const NO_DISCOUNT = PLANS.orders.absent[PLANS.orders.keys.indexOf('discount')] as number;
const NO_COGS = PLANS.orders.absent[PLANS.orders.keys.indexOf('cogs')] as number;
/** Indexes of the declared order fields not read by hand. */
const ORDER_REST = PLANS.orders.keys.flatMap((k, i) => (HAND_READ.includes(k) ? [] : [i]));
if (
  ORDERS.id.type !== 'id' ||
  ORDERS.revenue.type !== 'amount' ||
  ORDERS.discount.type !== 'amount' ||
  ORDERS.cogs.type !== 'amount'
)
  throw new Error('validate.ts: the hand-read order fields differ from their declaration');

function optId(v: unknown): string | undefined | typeof BAD {
  if (v === undefined || v === null || v === '') return undefined;
  return idOf(v) ?? BAD;
}

function optText(v: unknown): string | undefined | typeof BAD {
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : BAD;
}

/** An optional amount: the value, `absent` when absent, or -1 when bad. */
function optAmount(v: unknown, absent: number): number {
  if (v === undefined || v === null) return absent;
  return typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT ? v : -1;
}

function readOrder(r: Record<string, unknown>, zone: Zone, out: OrderFields): boolean {
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
  out.id = id;
  out.customerId = customerId;
  out.time = time;
  out.revenue = revenue;
  out.discount = discount;
  out.cogs = cogs;
  out.campaignId = campaignId;
  out.channel = channel;
  out.attributes = attributes;
  if (ORDER_REST.length > 0) {
    const o = out as Record<string, unknown>;
    const plan = PLANS.orders;
    for (const i of ORDER_REST) {
      const x = readField(plan, i, r[plan.keys[i]!], zone);
      if (x === BAD) return false;
      o[plan.keys[i]!] = x;
    }
    return inOrder(plan, o);
  }
  return true;
}

/** A new object of a collection's fields, for {@link readRecord} to fill (one shape per collection). */
export function newFields<C extends CollectionName>(collection: C): FieldsOf<C> {
  const { keys, absent, presence } = PLANS[collection];
  const o: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) o[keys[i]!] = presence[i] === 1 ? undefined : absent[i];
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
