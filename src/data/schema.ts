/**
 * The canonical input shape (KPI-SPEC section 1) as zod schemas, with the TypeScript
 * types inferred from them.
 *
 * Every schema carries its own plain-language messages (`expected a number >= 0, got
 * "12,5"`), so a rejected record can be explained to the person who exported the file.
 * The dataset checks records with a hand-written fast path that accepts exactly what these
 * schemas accept (a property test keeps the two in step) and asks the schema only to
 * explain a record it rejected.
 *
 * Lenient on purpose, and documented: integer numbers are accepted where an id string is
 * expected (JSON APIs often send numeric ids) and read as their decimal string; `null`
 * and `""` on an optional field mean "absent".
 *
 * DOM-free.
 */
import * as z from 'zod/mini';
import { parseInstant, parseLocalDate, zoneFor } from '../engine/time.js';

/** Campaign types (KPI-SPEC section 1). */
export const CAMPAIGN_TYPES = ['discount', 'gift', 'bundle', 'points', 'voucher', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** The collections of the canonical input, in ingest order (campaigns first). */
export const COLLECTIONS = ['campaigns', 'orders', 'costs', 'exposures', 'loyalty'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

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
} as const;

const msg = (what: string) => ({ error: (iss: { input?: unknown }) => expected(what, iss.input) });
const absentIfEmpty = (v: unknown) => (v === null || v === '' ? undefined : v);
const idFromNumber = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v);
const UTC = zoneFor('UTC');
/** Normalises a value before a schema checks it (zod's preprocess, in the small build). */
const pre = <T extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: T) => z.pipe(z.transform(fn), schema);
const nullAbsent = (v: unknown) => (v === null ? undefined : v);

/** A required id: a non-empty string (an integer is read as its decimal string). */
export const idSchema = pre(idFromNumber, z.string(msg(EXPECT.id)).check(z.minLength(1, msg(EXPECT.id))));
/** An optional id or label: `null`, `""` and a missing key all mean absent. */
const optionalId = pre((v) => idFromNumber(absentIfEmpty(v)), z.optional(z.string(msg(EXPECT.id))));
const optionalText = pre(absentIfEmpty, z.optional(z.string(msg(EXPECT.text))));
/**
 * Largest amount or count a record may hold: 2^53 - 1. Larger values are not exact in a
 * double and a few of them would sum to Infinity, so they are reported instead.
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;
/** A finite number from 0 to {@link MAX_AMOUNT} (z.number() already refuses NaN and Infinity). */
export const amountSchema = z
  .number(msg(EXPECT.amount))
  .check(z.minimum(0, msg(EXPECT.amount)), z.maximum(MAX_AMOUNT, msg(EXPECT.amountMax)));
const optionalAmount = pre(nullAbsent, z.optional(amountSchema));
const optionalCount = pre(
  nullAbsent,
  z.optional(
    z.int(msg(EXPECT.count)).check(z.minimum(0, msg(EXPECT.count)), z.maximum(MAX_AMOUNT, msg(EXPECT.countMax))),
  ),
);
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

/** Epoch milliseconds, or an ISO-8601 string with or without an offset, from 1970-01-02 to 2149-06-04. */
export const timeSchema = z.custom<string | number>((v) => {
  const t = parseInstant(v, UTC);
  return t !== null && inTimeSpan(t);
}, msg(EXPECT.time));
/** A real calendar date `YYYY-MM-DD`. */
export const localDateSchema = z.custom<string>((v) => parseLocalDate(v) !== null, msg(EXPECT.date));

export const campaignSchema = z
  .object(
    {
      id: idSchema,
      name: z.string(msg(EXPECT.id)).check(z.minLength(1, msg(EXPECT.id))),
      start: localDateSchema,
      end: localDateSchema,
      budget: pre(nullAbsent, z.optional(amountSchema)),
      type: pre(absentIfEmpty, z.optional(z.enum(CAMPAIGN_TYPES, msg(EXPECT.type)))),
      targets: pre(nullAbsent, z.optional(z.record(z.string(), z.number(msg(EXPECT.number)), msg(EXPECT.targets)))),
    },
    msg(EXPECT.object),
  )
  .check(
    z.superRefine((c, ctx) => {
      const s = parseLocalDate(c.start);
      const e = parseLocalDate(c.end);
      if (s !== null && e !== null && e < s)
        ctx.issues.push({ code: 'custom', path: ['end'], input: c.end, message: endBeforeStart(c.start, c.end) });
    }),
  );

/** The message for a campaign whose end is before its start. */
export function endBeforeStart(start: unknown, end: unknown): string {
  return expected(`a date on or after start ${show(start)}`, end);
}

export const orderSchema = z.object(
  {
    id: idSchema,
    customerId: idSchema,
    time: timeSchema,
    revenue: amountSchema,
    discount: optionalAmount,
    cogs: optionalAmount,
    campaignId: optionalId,
    channel: optionalText,
  },
  msg(EXPECT.object),
);

export const costSchema = z.object(
  { campaignId: idSchema, date: localDateSchema, amount: amountSchema, category: optionalText },
  msg(EXPECT.object),
);

export const exposureSchema = z.object(
  {
    campaignId: idSchema,
    date: localDateSchema,
    impressions: optionalCount,
    reach: optionalCount,
    clicks: optionalCount,
    engagements: optionalCount,
    channel: optionalText,
  },
  msg(EXPECT.object),
);

/** Loyalty points activity; `channel` is optional (the channel filter applies to loyalty). */
export const loyaltySchema = z.object(
  {
    customerId: idSchema,
    time: timeSchema,
    earned: optionalAmount,
    redeemed: optionalAmount,
    channel: optionalText,
  },
  msg(EXPECT.object),
);

export const schemas = {
  campaigns: campaignSchema,
  orders: orderSchema,
  costs: costSchema,
  exposures: exposureSchema,
  loyalty: loyaltySchema,
} as const;

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
