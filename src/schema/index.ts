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
  fieldsOf,
  inTimeSpan,
  type CollectionName,
  type FieldType,
  type Records,
} from '../data/records.js';
import { attributeProblems, endBeforeStart, expected, makeIssue, recordId } from '../data/explain.js';

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
} from '../data/records.js';

const msg = (what: string) => ({ error: (iss: { input?: unknown }) => expected(what, iss.input) });
const absentIfEmpty = (v: unknown) => (v === null || v === '' ? undefined : v);
const idFromNumber = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v);
const UTC = zoneFor('UTC');
/** Normalises a value before a schema checks it (zod's preprocess, in the small build). */
const pre = <T extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: T) => z.pipe(z.transform(fn), schema);
const nullAbsent = (v: unknown) => (v === null ? undefined : v);

/** A required id: a non-empty string (an integer is read as its decimal string). */
export const idSchema = pre(idFromNumber, z.string(msg(EXPECT.id)).check(z.minLength(1, msg(EXPECT.id))));
/** A finite number from 0 to {@link MAX_AMOUNT} (z.number() already refuses NaN and Infinity). */
export const amountSchema = z
  .number(msg(EXPECT.amount))
  .check(z.minimum(0, msg(EXPECT.amount)), z.maximum(MAX_AMOUNT, msg(EXPECT.amountMax)));
/** Epoch milliseconds, or an ISO-8601 string with or without an offset, from 1970-01-02 to 2149-06-04. */
export const timeSchema = z.custom<string | number>((v) => {
  const t = parseInstant(v, UTC);
  return t !== null && inTimeSpan(t);
}, msg(EXPECT.time));
/** A real calendar date `YYYY-MM-DD`. */
export const localDateSchema = z.custom<string>((v) => parseLocalDate(v) !== null, msg(EXPECT.date));

/**
 * Order attributes (KPI-SPEC 7.2): an object of at most 8 names (`^[A-Za-z][A-Za-z0-9_]{0,31}$`)
 * to non-empty strings of at most 200 characters. (The limit of 8 distinct names over a
 * whole dataset is checked when records are added to one.)
 */
const attributesValue = z
  .custom<Record<string, string>>((v) => typeof v === 'object' && v !== null, msg(EXPECT.attributes))
  .check(
    z.superRefine((v, ctx) => {
      for (const [path, message] of attributeProblems(v))
        ctx.issues.push({ code: 'custom', path: path ? [path] : [], input: v, message });
    }),
  );

const nonEmptyString = z.string(msg(EXPECT.id)).check(z.minLength(1, msg(EXPECT.id)));

/** The schema of a present value of each field type (RECORDS in records.ts). */
const PRESENT = {
  id: z.string(msg(EXPECT.id)),
  label: nonEmptyString,
  text: z.string(msg(EXPECT.text)),
  amount: amountSchema,
  count: z.int(msg(EXPECT.count)).check(z.minimum(0, msg(EXPECT.count)), z.maximum(MAX_AMOUNT, msg(EXPECT.countMax))),
  time: timeSchema,
  date: localDateSchema,
  campaignType: z.enum(CAMPAIGN_TYPES, msg(EXPECT.type)),
  targets: z.record(z.string(), z.number(msg(EXPECT.number)), msg(EXPECT.targets)),
  attributes: attributesValue,
} satisfies Record<FieldType, z.ZodMiniType>;
type Present = typeof PRESENT;

/** The schema of a required field of each type (ids read integers; the rest as present). */
const REQUIRED = { ...PRESENT, id: idSchema } satisfies Record<FieldType, z.ZodMiniType>;
type Required = typeof REQUIRED;

/** What absent means for an optional field of each type: `null`, and `""` for the types read from strings. */
const ABSENT: Record<FieldType, (v: unknown) => unknown> = {
  id: (v) => idFromNumber(absentIfEmpty(v)),
  label: absentIfEmpty,
  text: absentIfEmpty,
  amount: nullAbsent,
  count: nullAbsent,
  time: nullAbsent,
  date: nullAbsent,
  campaignType: absentIfEmpty,
  targets: nullAbsent,
  attributes: nullAbsent,
};

type Optional<T extends FieldType> = z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, z.ZodMiniOptional<Present[T]>>;
type TypeOf<F> = F extends { type: infer T extends FieldType } ? T : never;
type SchemaOf<F> = F extends { required: true } ? Required[TypeOf<F>] : Optional<TypeOf<F>>;
/** The zod shape of a collection, derived from its declaration. */
type ShapeOf<C extends CollectionName> = { -readonly [K in keyof Records[C]]: SchemaOf<Records[C][K]> };

function fieldSchema(type: FieldType, required: boolean): z.ZodMiniType {
  return required ? REQUIRED[type] : pre(ABSENT[type], z.optional(PRESENT[type]));
}

/** The schema of a collection's records: every field of RECORDS, then its date-order checks. */
function recordSchema<C extends CollectionName>(collection: C): z.ZodMiniObject<ShapeOf<C>> {
  const fields = fieldsOf(collection);
  const shape = Object.fromEntries(fields.map(([key, f]) => [key, fieldSchema(f.type, f.required)])) as ShapeOf<C>;
  const schema = z.object(shape, msg(EXPECT.object));
  const ordered = fields.filter(([, f]) => f.notBefore !== undefined);
  if (ordered.length === 0) return schema;
  return schema.check(
    z.superRefine((r: Record<string, unknown>, ctx) => {
      for (const [key, f] of ordered) {
        const a = parseLocalDate(r[f.notBefore!]);
        const b = parseLocalDate(r[key]);
        if (a !== null && b !== null && b < a)
          ctx.issues.push({
            code: 'custom',
            path: [key],
            input: r[key],
            message: endBeforeStart(r[f.notBefore!], r[key], f.notBefore),
          });
      }
    }),
  );
}

/** Optional order attributes (see above): `null` and a missing key mean absent. */
export const attributesSchema = pre(nullAbsent, z.optional(attributesValue));

export const campaignSchema = recordSchema('campaigns');
export const orderSchema = recordSchema('orders');
export const costSchema = recordSchema('costs');
export const exposureSchema = recordSchema('exposures');
/** Loyalty points activity; `channel` is optional (the channel filter applies to loyalty). */
export const loyaltySchema = recordSchema('loyalty');

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
