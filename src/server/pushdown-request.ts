/**
 * The pushdown's request: the query schema (zod), the query from search parameters, the
 * caller's scope and limits, and the refusals of a query reaching outside its scope.
 */
import { z } from 'zod';
import { isValidTimeZone, parseLocalDate } from '../core/time.js';
import { COHORT_GRAINS, COMPARE_MODES, SEGMENT_OF } from '../core/vocabulary.js';
import { ATTRIBUTE_NAME_RE } from '../data/records.js';
import type { TenantKey } from './compiler.js';
import { DEFAULT_MAX_ATTRIBUTE_VALUES, DEFAULT_MAX_ATTRIBUTES, positiveCount } from './summary.js';

const localDate = z
  .string()
  .max(10)
  .refine((v) => parseLocalDate(v) !== null, { message: 'expected a local date YYYY-MM-DD' });

const attributeName = z
  .string()
  .max(32)
  .regex(ATTRIBUTE_NAME_RE, { message: 'expected an attribute name: a letter, then letters, digits or "_"' });

/** The query the board sends (KPI-SPEC sections 2 and 7). Unknown keys are refused. */
export const pushdownQuerySchema = z.strictObject({
  from: localDate,
  to: localDate,
  timeZone: z
    .string()
    .max(64)
    .refine((v) => isValidTimeZone(v), { message: 'expected an IANA time zone such as Asia/Ho_Chi_Minh' })
    .optional(),
  campaignIds: z.array(z.string().min(1).max(256)).max(10_000).optional(),
  channels: z.array(z.string().min(1).max(256)).max(1_000).optional(),
  returnWindowDays: z.number().positive().max(3_650).optional(),
  lifetimeDays: z.number().positive().max(36_525).optional(),
  cohortGrain: z.enum(COHORT_GRAINS).optional(),
  asOf: localDate.optional(),
  /** Comparison period (KPI-SPEC 7.1). */
  compare: z.enum(COMPARE_MODES).optional(),
  /** Attribute filters (KPI-SPEC 7.2): name -> accepted values. */
  filters: z
    // Every own key checked first (a record schema would silently drop `__proto__`).
    .custom<Record<string, unknown>>(
      (v) =>
        v !== null &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.keys(v).every((k) => ATTRIBUTE_NAME_RE.test(k)),
      { message: 'expected an object of attribute names (a letter, then letters, digits or "_") to lists of values' },
    )
    .pipe(z.record(attributeName, z.array(z.string().min(1).max(200)).max(1_000)))
    .refine((f) => Object.keys(f).length <= 8, { message: 'at most 8 attributes' })
    .optional(),
  /** Attributes to break A down by (KPI-SPEC 7.2). */
  breakdowns: z.array(attributeName).max(8).optional(),
  /** Recency and re-activation segment bounds (KPI-SPEC 7.3): strictly increasing positive integers. */
  recencyBounds: z
    .array(z.number().int().positive().max(36_525))
    .min(1)
    .max(12)
    .refine((b) => b.every((x, i) => i === 0 || x > b[i - 1]!), { message: 'expected strictly increasing numbers' })
    .optional(),
  /** Answer the customer ids of one segment instead of a report (see the module comment). */
  segment: z.strictObject({ segment: z.string().min(1).max(32), of: z.enum(SEGMENT_OF) }).optional(),
  /**
   * `report` (default): the report of KPI-SPEC section 6. `aggregates`: the engine's
   * aggregates, for a board that assembles the report itself (the browser pushdown adapter).
   */
  shape: z.enum(['report', 'aggregates']).optional(),
});

export type PushdownQuery = z.infer<typeof pushdownQuerySchema>;

/**
 * A summary request: `{ summary: true }` (GET `?summary=1`), with the zone of the last day
 * and, optionally, the campaigns, channels and attribute values to narrow it to, as in a
 * query. Unknown keys are refused.
 */
export const pushdownSummarySchema = pushdownQuerySchema
  .pick({ timeZone: true, campaignIds: true, channels: true, filters: true })
  .extend({ summary: z.literal(true) });

export type PushdownSummaryRequest = z.infer<typeof pushdownSummarySchema>;

/**
 * What one caller may see, as the host's `scope` hook decides from the request. Only
 * `tenant` is required; each limit left out is no limit.
 */
export interface PushdownScope {
  /** The tenant key, or keys, whose rows this caller reads (text, or integers for numeric tenant columns). */
  tenant: TenantKey | readonly TenantKey[];
  /** Campaign ids the caller may select; a query must then name its campaigns, all among these. */
  campaignIds?: readonly string[];
  /** Channels the caller may see; a query must then name its channels, all among these. */
  channels?: readonly string[];
  /**
   * Order attribute values the caller may see, per attribute name (`{ store: ['Q1-01'] }`);
   * a query must then filter on each such attribute with values among these.
   */
  attributes?: Readonly<Record<string, readonly string[]>>;
  /** The earliest local date (YYYY-MM-DD) the caller may ask about, comparison period included. */
  earliestDate?: string;
}

/** Cost limits of the handler. Every one has a safe default; a query over one gets a 422 naming it. */
export interface PushdownLimits {
  /** Longest period (`from` .. `to`), days. Default 366. */
  maxPeriodDays?: number;
  /** Most campaign ids in one query. Default 200. */
  maxCampaignIds?: number;
  /** Largest customer list one segment request may return. Default 100 000. */
  maxSegmentCustomers?: number;
  /** Longest a statement may run, ms (the driver cancels it where it can). Default 30 000. */
  statementTimeoutMs?: number;
  /** Queries computed at once; more wait their turn. Default 4. */
  maxConcurrentQueries?: number;
  /** Queries allowed to wait; beyond that the handler answers 503. Default 200. */
  maxQueuedQueries?: number;
  /** Most values a summary lists per order attribute (the first in code-point order; the answer names those cut). Default 1 000. */
  maxAttributeValues?: number;
  /**
   * Most order attribute names a summary lists: those of their own column first, then the
   * keys of the JSON column, each group in code-point order (the answer says when names
   * were cut). Default 50.
   */
  maxAttributes?: number;
}

/** The limits in force when none are given. */
export const DEFAULT_LIMITS: Readonly<Required<PushdownLimits>> = Object.freeze({
  maxPeriodDays: 366,
  maxCampaignIds: 200,
  maxSegmentCustomers: 100_000,
  statementTimeoutMs: 30_000,
  maxConcurrentQueries: 4,
  maxQueuedQueries: 200,
  maxAttributeValues: DEFAULT_MAX_ATTRIBUTE_VALUES,
  maxAttributes: DEFAULT_MAX_ATTRIBUTES,
});

/**
 * The request a `scope` hook receives: the fetch `Request` (fetch door), Node's
 * `IncomingMessage` (node door, Express's `req` included), or what the host passed to
 * `query(input, request)`. {@link requestHeader} reads a header from the first two.
 */
export type ScopeRequest = unknown;

/** A header of a fetch `Request` or a Node `IncomingMessage` (first value), or null. */
export function requestHeader(request: unknown, name: string): string | null {
  if (!request || typeof request !== 'object') return null;
  const h = (request as { headers?: unknown }).headers;
  if (!h || typeof h !== 'object') return null;
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name);
  const v = (h as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

const LIST_KEYS = new Set(['campaignIds', 'channels', 'breakdowns']);
const NUMBER_KEYS = new Set(['returnWindowDays', 'lifetimeDays']);
const FILTER_PREFIX = 'filters.';

/**
 * Search parameters as a query object: list keys repeat (or are comma-separated), numbers
 * parse; `filters.<name>=v1,v2` gives `filters: { name: [v1, v2] }`, `recencyBounds=7,14,28`
 * numbers, `segment` with `of` the segment request, and `summary=1` (or `true`) a summary request.
 */
export function queryFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const filters: [string, string[]][] = [];
  const list = (values: string[]) => values.flatMap((v) => v.split(',')).filter((v) => v !== '');
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (LIST_KEYS.has(key)) out[key] = list(values);
    else if (NUMBER_KEYS.has(key)) out[key] = values[0] === '' ? undefined : Number(values[0]);
    else if (key === 'recencyBounds') out[key] = list(values).map(Number);
    else if (key.startsWith(FILTER_PREFIX)) filters.push([key.slice(FILTER_PREFIX.length), list(values)]);
    else if (key === 'segment' || key === 'of') out.segment = { ...(out.segment as object), [key]: values[0] };
    else if (key === 'summary') out.summary = values[0] === '1' || values[0] === 'true' || values[0];
    else out[key] = values[0];
  }
  // From entries: a name such as `__proto__` stays an own key (and is refused by the schema).
  if (filters.length > 0) out.filters = Object.fromEntries(filters);
  return out;
}

export type Refusal = { status: number; body: { error: string; limit?: string } };

export function refuse(status: number, error: string, limit?: string): Refusal {
  return { status, body: limit === undefined ? { error } : { error, limit } };
}

/** At most `n` names of a list, for messages. */
export function some(values: readonly string[], n = 10): string {
  const shown = values.slice(0, n).map((v) => JSON.stringify(v));
  return values.length > n ? `${shown.join(', ')} and ${values.length - n} more` : shown.join(', ');
}

/** A limit of the handler: `fallback` when undefined, else a positive integer or a TypeError naming it. */
export function positiveInt(name: string, v: number | undefined, fallback: number): number {
  return positiveCount(
    v,
    fallback,
    (got) => new TypeError(`createPushdownHandler: limits.${name} must be a positive integer (got ${got})`),
  );
}

/** The scope a hook returned, checked: a host mistake is a 500, never a wider read. */
export function checkScope(scope: PushdownScope): { tenants: TenantKey[]; earliestDay: number | null } {
  const keys = (Array.isArray(scope.tenant) ? scope.tenant : [scope.tenant]) as unknown[];
  if (keys.length === 0) throw new TypeError('scope: tenant is an empty list');
  for (const k of keys) {
    const ok = (typeof k === 'string' && k !== '') || (typeof k === 'number' && Number.isFinite(k));
    if (!ok)
      throw new TypeError(`scope: tenant keys must be non-empty strings or finite numbers (got ${JSON.stringify(k)})`);
  }
  for (const key of ['campaignIds', 'channels'] as const) {
    const list = scope[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((v) => typeof v !== 'string')))
      throw new TypeError(`scope: ${key} must be a list of strings`);
  }
  if (scope.attributes !== undefined) {
    if (!scope.attributes || typeof scope.attributes !== 'object')
      throw new TypeError('scope: attributes must be an object');
    for (const [name, list] of Object.entries(scope.attributes))
      if (!Array.isArray(list) || list.some((v) => typeof v !== 'string'))
        throw new TypeError(`scope: attributes.${name} must be a list of strings`);
  }
  let earliestDay: number | null = null;
  if (scope.earliestDate !== undefined) {
    earliestDay = parseLocalDate(scope.earliestDate);
    if (earliestDay === null) throw new TypeError('scope: earliestDate must be a local date YYYY-MM-DD');
  }
  return { tenants: keys as TenantKey[], earliestDay };
}

/**
 * Whether a query stays inside the caller's limits: 403 naming what it asked for that
 * the caller may not see, or null.
 */
export function outsideScope(query: Record<string, unknown>, scope: PushdownScope): Refusal | null {
  for (const [key, noun] of [
    ['campaignIds', 'campaigns'],
    ['channels', 'channels'],
  ] as const) {
    const allowed = scope[key];
    if (allowed === undefined) continue;
    const asked = query[key] as string[] | undefined;
    if (asked === undefined)
      return refuse(
        403,
        `this account may only see the ${noun} ${some(allowed)}: name them in ${key} (a query over all ${noun} is not allowed)`,
      );
    const ok = new Set(allowed);
    const outside = asked.filter((v) => !ok.has(v));
    if (outside.length > 0)
      return refuse(403, `this account may not see the ${noun} ${some(outside)} (${key}); it may see ${some(allowed)}`);
  }
  if (scope.attributes !== undefined) {
    const filters = (query.filters ?? {}) as Record<string, string[] | undefined>;
    for (const [name, allowed] of Object.entries(scope.attributes)) {
      const asked = filters[name];
      if (asked === undefined)
        return refuse(
          403,
          `this account may only see orders whose ${name} is ${some(allowed)}: name them in filters.${name}`,
        );
      const ok = new Set(allowed);
      const outside = asked.filter((v) => !ok.has(v));
      if (outside.length > 0)
        return refuse(403, `this account may not see orders whose ${name} is ${some(outside)} (filters.${name})`);
    }
  }
  return null;
}
