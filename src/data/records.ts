/**
 * The record shape of the canonical input (KPI-SPEC section 1), declared once in
 * {@link RECORDS}: per collection, each field's name, type, whether it is required, what an
 * absent number reads as, its constraints and its normalised SQL column. Everything else
 * about a record is derived from this table:
 *  - the record types below (`Order`, `Campaign` ...);
 *  - the fast readers (validate.ts) and the explaining path (explain.ts);
 *  - the zod schemas of `promo-kpi-kit/schema` (src/schema/);
 *  - the CSV adapter's columns and how each cell is read (adapters/column-mapping.ts, csv.ts);
 *  - the warehouse's columns and normalised SQL (server/table-mapping.ts, server/compiler.ts).
 * A new field is one line here (and its tests).
 *
 * Lenient on purpose, and documented: integer numbers are accepted where an id string is
 * expected (JSON APIs often send numeric ids) and read as their decimal string; `null`
 * and `""` on an optional field mean "absent" (`null` alone for numbers and objects).
 *
 * DOM-free, and free of zod (the kit itself carries none).
 */
import type { CollectionName } from '../core/collections.js';

export { COLLECTIONS, type CollectionName } from '../core/collections.js';

/** Campaign types (KPI-SPEC section 1). */
export const CAMPAIGN_TYPES = ['discount', 'gift', 'bundle', 'points', 'voucher', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/**
 * Largest amount or count a record may hold: 2^53 - 1. Larger values are not exact in a
 * double and a few of them would sum to Infinity, so they are reported instead.
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/**
 * Times the dataset can hold: its local day columns are unsigned 16-bit day numbers
 * (1970-01-01 .. 2149-06-06), so an instant must fall a day inside that span whatever the
 * zone. A time outside it is almost always a unit mistake (seconds for milliseconds).
 */
export const TIME_MIN = Date.UTC(1970, 0, 2);
export const TIME_MAX = Date.UTC(2149, 5, 5);

/** Whether an instant (epoch ms) is in the span the dataset holds. */
export function inTimeSpan(t: number): boolean {
  return t >= TIME_MIN && t < TIME_MAX;
}

/** Order attributes (KPI-SPEC 7.2): at most this many names in a record, and in a dataset. */
export const MAX_ATTRIBUTES = 8;
/** Longest attribute value, in characters (code points). */
export const MAX_ATTRIBUTE_LENGTH = 200;
/** Attribute names: a letter, then up to 31 letters, digits or `_` (declared with the report's words, which name them in filters and breakdowns). */
export { ATTRIBUTE_NAME_RE } from '../core/vocabulary.js';

/** Whether a value is a valid attribute value: a non-empty string of at most 200 characters. */
export function isAttributeValue(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0) return false;
  if (v.length <= MAX_ATTRIBUTE_LENGTH) return true;
  // Longer in UTF-16 units: count code points (a surrogate pair is one character).
  if (v.length > 2 * MAX_ATTRIBUTE_LENGTH) return false;
  let n = 0;
  for (const _ of v) if (++n > MAX_ATTRIBUTE_LENGTH) return false;
  return true;
}

/** What each kind of value expects, in the messages of every check (`expected <what>, got ...`). */
export const EXPECT = {
  object: 'an object',
  id: 'a non-empty string',
  text: 'a string',
  amount: 'a number >= 0',
  amountMax: 'a number >= 0 and at most 9007199254740991 (sums of larger amounts would overflow)',
  count: 'an integer >= 0',
  countMax: 'an integer >= 0 and at most 9007199254740991 (sums of larger counts would overflow)',
  number: 'a number',
  time: 'an ISO-8601 time (2025-03-01T10:15:00+07:00, or without offset for local time) or epoch milliseconds, between 1970-01-02 and 2149-06-04',
  date: 'a local date YYYY-MM-DD',
  type: `one of ${CAMPAIGN_TYPES.join(', ')}`,
  targets: 'an object of KPI id to number',
  attributes: 'an object of attribute name to text',
  attributeCount: 'at most 8 attribute names',
  attributeName: 'an attribute name (a letter, then up to 31 letters, digits or _)',
  attributeValue: 'a non-empty string of at most 200 characters',
} as const;

/**
 * The types a field can have, with what a valid value is (as it arrives -> as the fast
 * readers hand it on):
 *  - `id`: a non-empty string, or a safe integer read as its decimal string;
 *  - `label`: a non-empty string; `text`: a string;
 *  - `amount`: a number from 0 to {@link MAX_AMOUNT}; `count`: an integer in that range;
 *  - `time`: epoch ms or ISO-8601 (with an offset, or local time in the dataset's zone),
 *    in the span the dataset holds -> epoch ms;
 *  - `date`: a local date `YYYY-MM-DD` -> its day number;
 *  - `campaignType`: one of {@link CAMPAIGN_TYPES};
 *  - `targets`: an object of KPI id to finite number (campaign targets);
 *  - `attributes`: order attributes (KPI-SPEC 7.2), see {@link ATTRIBUTE_NAME_RE}.
 */
export const FIELD_TYPES = [
  'id',
  'label',
  'text',
  'amount',
  'count',
  'time',
  'date',
  'campaignType',
  'targets',
  'attributes',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of a collection. */
export interface FieldSpec {
  readonly type: FieldType;
  readonly required: boolean;
  /** An optional number: what an absent value reads as, 0 or missing (NaN in columns, NULL in SQL). */
  readonly absent?: 0 | 'missing';
  /** A date that may not come before the date in this other field (the record is rejected). */
  readonly notBefore?: string;
  /**
   * The normalised SQL column of the warehouse statements (`customer_id`), or null for a
   * field the warehouse reads another way (campaign targets, order attributes). A
   * warehouse table's own column defaults to the field name in snake_case.
   */
  readonly sql: string | null;
}

/** The canonical record shape: per collection, its fields in the order they are checked. */
export const RECORDS = {
  campaigns: {
    id: { type: 'id', required: true, sql: 'id' },
    name: { type: 'label', required: true, sql: 'name' },
    start: { type: 'date', required: true, sql: 'start_day' },
    end: { type: 'date', required: true, notBefore: 'start', sql: 'end_day' },
    budget: { type: 'amount', required: false, absent: 'missing', sql: 'budget' },
    type: { type: 'campaignType', required: false, sql: 'type' },
    targets: { type: 'targets', required: false, sql: null },
  },
  orders: {
    id: { type: 'id', required: true, sql: 'id' },
    customerId: { type: 'id', required: true, sql: 'customer_id' },
    time: { type: 'time', required: true, sql: 'time_ms' },
    revenue: { type: 'amount', required: true, sql: 'revenue' },
    discount: { type: 'amount', required: false, absent: 0, sql: 'discount' },
    cogs: { type: 'amount', required: false, absent: 'missing', sql: 'cogs' },
    campaignId: { type: 'id', required: false, sql: 'campaign_id' },
    channel: { type: 'text', required: false, sql: 'channel' },
    attributes: { type: 'attributes', required: false, sql: null },
  },
  costs: {
    campaignId: { type: 'id', required: true, sql: 'campaign_id' },
    date: { type: 'date', required: true, sql: 'day' },
    amount: { type: 'amount', required: true, sql: 'amount' },
    category: { type: 'text', required: false, sql: 'category' },
  },
  exposures: {
    campaignId: { type: 'id', required: true, sql: 'campaign_id' },
    date: { type: 'date', required: true, sql: 'day' },
    impressions: { type: 'count', required: false, absent: 0, sql: 'impressions' },
    reach: { type: 'count', required: false, absent: 0, sql: 'reach' },
    clicks: { type: 'count', required: false, absent: 0, sql: 'clicks' },
    engagements: { type: 'count', required: false, absent: 0, sql: 'engagements' },
    channel: { type: 'text', required: false, sql: 'channel' },
  },
  /** Loyalty points activity; `channel` is optional (the channel filter applies to loyalty). */
  loyalty: {
    customerId: { type: 'id', required: true, sql: 'customer_id' },
    time: { type: 'time', required: true, sql: 'time_ms' },
    earned: { type: 'amount', required: false, absent: 0, sql: 'earned' },
    redeemed: { type: 'amount', required: false, absent: 0, sql: 'redeemed' },
    channel: { type: 'text', required: false, sql: 'channel' },
  },
} as const satisfies Record<CollectionName, Record<string, FieldSpec>>;

export type Records = typeof RECORDS;
/** The field names of a collection. */
export type FieldName<C extends CollectionName> = keyof Records[C] & string;

/** The fields of a collection, in order, as [name, spec] pairs. */
export function fieldsOf(collection: CollectionName): readonly (readonly [string, FieldSpec])[] {
  return Object.entries(RECORDS[collection]) as [string, FieldSpec][];
}

/**
 * What an absent optional field reads as on the fast paths: 0 or NaN (missing) for a number
 * that declares it, undefined otherwise.
 */
export function absentValue(f: FieldSpec): number | undefined {
  return f.absent === 0 ? 0 : f.absent === 'missing' ? NaN : undefined;
}

/** The value a valid record holds in a field of each type (as it arrives, or as the zod schemas output it). */
export interface ValueOfType {
  id: string;
  label: string;
  text: string;
  amount: number;
  count: number;
  time: string | number;
  date: string;
  campaignType: CampaignType;
  targets: Record<string, number>;
  attributes: Record<string, string>;
}

type Flat<T> = { [K in keyof T]: T[K] };
type RequiredKeys<S> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
type TypeOf<F> = F extends { type: infer T extends FieldType } ? T : never;

/** A valid record of a collection: required fields, then optional ones (`?: T | undefined`). */
export type RecordOf<C extends CollectionName> = Flat<
  { -readonly [K in RequiredKeys<Records[C]>]: ValueOfType[TypeOf<Records[C][K]>] } & {
    -readonly [K in Exclude<keyof Records[C], RequiredKeys<Records[C]>>]?:
      ValueOfType[TypeOf<Records[C][K]>] | undefined;
  }
>;

/** A valid campaign, as the schema outputs it. */
export type Campaign = RecordOf<'campaigns'>;
export type Order = RecordOf<'orders'>;
export type Cost = RecordOf<'costs'>;
export type Exposure = RecordOf<'exposures'>;
export type LoyaltyEvent = RecordOf<'loyalty'>;

/** One record of a collection as it may arrive (anything: it is validated). */
export type RawRecord<T> = T | Record<string, unknown>;

/**
 * The canonical input: any subset of the five collections. Records are checked one by
 * one; bad ones are left out and reported.
 */
export interface DataInput {
  campaigns?: readonly RawRecord<Campaign>[];
  orders?: readonly RawRecord<Order>[];
  costs?: readonly RawRecord<Cost>[];
  exposures?: readonly RawRecord<Exposure>[];
  loyalty?: readonly RawRecord<LoyaltyEvent>[];
}
