/**
 * promo-kpi-kit/schema: the canonical input (KPI-SPEC section 1) as zod schemas, the types
 * inferred from them, and {@link validateCollection}, which checks records with zod alone.
 *
 * Every schema carries the plain-language messages of the kit (`expected a number >= 0, got
 * "12,5"`). The kit itself does not load this entry: it checks records with the hand-written
 * fast path of data/validate.ts and explains a rejected one with data/explain.ts, and
 * property tests hold both to these schemas (same records accepted, same issues, in the same
 * order, with the same messages). Import it to validate in your own code, on a server, or
 * to build on the schemas; it brings zod with it.
 *
 * Lenient on purpose, and documented: integer numbers are accepted where an id string is
 * expected (JSON APIs often send numeric ids) and read as their decimal string; `null`
 * and `""` on an optional field mean "absent".
 *
 * DOM-free.
 */
import * as z from 'zod/mini';
import type { DataIssue } from '../core/issues.js';
import { parseInstant, parseLocalDate, zoneFor } from '../core/time.js';
import {
  CAMPAIGN_TYPES,
  EXPECT,
  MAX_AMOUNT,
  endBeforeStart,
  expected,
  inTimeSpan,
  type CollectionName,
} from '../data/schema.js';
import { attributeProblems, makeIssue, recordId } from '../data/explain.js';

export type {
  Campaign,
  CampaignType,
  CollectionName,
  Cost,
  DataInput,
  Exposure,
  LoyaltyEvent,
  Order,
  RawRecord,
} from '../data/schema.js';

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

/**
 * Order attributes (KPI-SPEC 7.2): an object of at most 8 names (`^[A-Za-z][A-Za-z0-9_]{0,31}$`)
 * to non-empty strings of at most 200 characters. (The limit of 8 distinct names over a
 * whole dataset is checked when records are added to one.)
 */
export const attributesSchema = pre(
  nullAbsent,
  z.optional(
    z
      .custom<Record<string, string>>((v) => typeof v === 'object' && v !== null, msg(EXPECT.attributes))
      .check(
        z.superRefine((v, ctx) => {
          for (const [path, message] of attributeProblems(v))
            ctx.issues.push({ code: 'custom', path: path ? [path] : [], input: v, message });
        }),
      ),
  ),
);

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
    attributes: attributesSchema,
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

/**
 * Validates a whole collection with zod alone: the records the schema outputs, and one
 * issue per zod issue of every rejected record (the issues the kit reports for it).
 */
export function validateCollection<C extends CollectionName>(
  collection: C,
  records: readonly unknown[],
): { valid: unknown[]; issues: DataIssue[] } {
  const valid: unknown[] = [];
  const issues: DataIssue[] = [];
  const schema = schemas[collection];
  records.forEach((record, index) => {
    const r = schema.safeParse(record);
    if (r.success) {
      valid.push(r.data);
      return;
    }
    const id = recordId(collection, record);
    for (const iss of r.error.issues)
      issues.push(makeIssue(collection, index, iss.path.map(String).join('.'), iss.message, id));
  });
  return { valid, issues };
}
