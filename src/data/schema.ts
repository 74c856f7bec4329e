/**
 * The canonical input shape (KPI-SPEC section 1): collection names, limits, the
 * plain-language messages (`expected a number >= 0, got "12,5"`) and the record types.
 *
 * The types are inferred from the zod schemas of `src/schema/` (the `promo-kpi-kit/schema`
 * entry). This module only imports them as types, so the kit itself carries no zod: records
 * are checked by the hand-written fast path of validate.ts and a rejected one is explained
 * by explain.ts, which gives the same issues as the schemas (property tests keep the three
 * in step).
 *
 * Lenient on purpose, and documented: integer numbers are accepted where an id string is
 * expected (JSON APIs often send numeric ids) and read as their decimal string; `null`
 * and `""` on an optional field mean "absent".
 *
 * DOM-free.
 */
import type * as z from 'zod/mini';
import type { campaignSchema, costSchema, exposureSchema, loyaltySchema, orderSchema } from '../schema/index.js';

/** Campaign types (KPI-SPEC section 1). */
export const CAMPAIGN_TYPES = ['discount', 'gift', 'bundle', 'points', 'voucher', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export { COLLECTIONS, type CollectionName } from '../core/collections.js';

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

/** What each kind of field expects, shared by the schemas and the fast path. */
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

/** Order attributes (KPI-SPEC 7.2): at most this many names in a record, and in a dataset. */
export const MAX_ATTRIBUTES = 8;
/** Longest attribute value, in characters (code points). */
export const MAX_ATTRIBUTE_LENGTH = 200;
/** Attribute names: a letter, then up to 31 letters, digits or `_`. */
export const ATTRIBUTE_NAME_RE = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

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

/** The message for a campaign whose end is before its start. */
export function endBeforeStart(start: unknown, end: unknown): string {
  return expected(`a date on or after start ${show(start)}`, end);
}

/** A valid campaign, as the schema outputs it. */
export type Campaign = z.output<typeof campaignSchema>;
export type Order = z.output<typeof orderSchema>;
export type Cost = z.output<typeof costSchema>;
export type Exposure = z.output<typeof exposureSchema>;
export type LoyaltyEvent = z.output<typeof loyaltySchema>;

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
