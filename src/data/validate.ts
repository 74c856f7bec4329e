/**
 * Record-by-record validation (KPI-SPEC section 4).
 *
 * Two paths give one answer:
 *  - the fast path (`readOrder`, `readCost`, ...): hand-written checks that read a record
 *    into a reused, normalized object without allocating, for millions of records;
 *  - the explaining path (`explainRecord`, explain.ts): checks a record the fast path
 *    rejected field by field and reports every problem as a {@link DataIssue}.
 * Both follow the zod schemas of `src/schema/` (`promo-kpi-kit/schema`), which the kit
 * does not load: property tests check that the fast path accepts and rejects the same
 * records as the schemas, and that the explaining path reports the same issues.
 *
 * Messages read `orders[17].revenue: expected a number >= 0, got "12,5"`: collection,
 * index, field path, what was expected and what came.
 *
 * DOM-free.
 */
import { daysFromCivil, daysInMonth, MS_PER_DAY, parseInstant, parseLocalDate, type Zone } from '../core/time.js';
import {
  ATTRIBUTE_NAME_RE,
  CAMPAIGN_TYPES,
  MAX_AMOUNT,
  MAX_ATTRIBUTES,
  isAttributeValue,
  show,
  TIME_MAX,
  TIME_MIN,
} from './schema.js';
import { isPlainObject } from './explain.js';

export { explainRecord, issueMessage, makeIssue, recordId } from './explain.js';

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

function optId(v: unknown): string | undefined | typeof BAD {
  if (v === undefined || v === null || v === '') return undefined;
  return idOf(v) ?? BAD;
}

function optText(v: unknown): string | undefined | typeof BAD {
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : BAD;
}

function isAmount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT;
}

/** An optional amount: the value, `dflt` when absent, or -1 when bad. */
function optAmount(v: unknown, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  return isAmount(v) ? v : -1;
}

function optCount(v: unknown): number {
  if (v === undefined || v === null) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_AMOUNT ? v : -1;
}

/** Epoch ms of a time value in `zone`, or NaN (also outside the span the dataset holds). */
export function timeOf(v: unknown, zone: Zone): number {
  let t: number;
  if (typeof v === 'number') t = v;
  else if (typeof v === 'string') {
    t = fastIso(v, zone);
    if (t !== t) t = parseInstant(v, zone) ?? NaN;
  } else return NaN;
  return t >= TIME_MIN && t < TIME_MAX ? t : NaN;
}

/** First year of {@link MONTH_STARTS}. */
const TABLE_YEAR = 1900;
/**
 * Day number of the first of each month, 13 a year (the 13th is the next year's January),
 * for the years 1900 .. 2299: one look-up instead of the calendar arithmetic per time.
 */
const MONTH_STARTS = (() => {
  const t = new Int32Array(400 * 13);
  for (let y = 0; y < 400; y++)
    for (let m = 0; m < 13; m++) t[y * 13 + m] = daysFromCivil(TABLE_YEAR + y + (m === 12 ? 1 : 0), (m % 12) + 1, 1);
  return t;
})();

/** The digit at `i` of `s`, or -1000 when it is not a digit or `i` is at or past `end`. */
function digit(s: string, i: number, end: number): number {
  const c = i < end ? s.charCodeAt(i) - 48 : -1;
  return c >= 0 && c <= 9 ? c : -1000;
}

function two(s: string, i: number, end: number): number {
  return digit(s, i, end) * 10 + digit(s, i + 1, end);
}

/** The two digits at `i` and `i + 1` as a number, or -1 when either is not a digit (no bounds check). */
function pair(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >>> 0 <= 9 && b >>> 0 <= 9 ? a * 10 + b : -1;
}

/**
 * The commonest export shape, `YYYY-MM-DDTHH:MM:SS` (or a space for the `T`) then `Z` (20
 * characters) or `±HH:MM` (25), read at fixed positions: each character is read once and
 * without bounds checks. NaN for anything else (the general reader then decides), so the
 * result is always the one the general reader gives.
 */
export function fixedIso(s: string, o: number, length: number): number {
  const z = s.charCodeAt(o + 19);
  let offset = 0;
  if (length === 25) {
    if ((z !== 43 && z !== 45) || s.charCodeAt(o + 22) !== 58) return NaN;
    const oh = pair(s, o + 20);
    const om = pair(s, o + 23);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
    offset = (oh * 60 + om) * 60_000;
    if (z === 45) offset = -offset;
  } else if (z !== 90) return NaN;
  const t = s.charCodeAt(o + 10);
  if (
    s.charCodeAt(o + 4) !== 45 ||
    s.charCodeAt(o + 7) !== 45 ||
    (t !== 84 && t !== 32) ||
    s.charCodeAt(o + 13) !== 58 ||
    s.charCodeAt(o + 16) !== 58
  )
    return NaN;
  const hour = pair(s, o + 11);
  const minute = pair(s, o + 14);
  const second = pair(s, o + 17);
  const hi = pair(s, o);
  const lo = pair(s, o + 2);
  const month = pair(s, o + 5);
  const day = pair(s, o + 8);
  if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 60) return NaN;
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const y = hi * 100 + lo - TABLE_YEAR;
  if (y < 0 || y >= 400) return NaN;
  const at = y * 13 + month - 1;
  const first = MONTH_STARTS[at]!;
  if (day > MONTH_STARTS[at + 1]! - first) return NaN;
  return (first + day - 1) * MS_PER_DAY + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 - offset;
}

/**
 * The common ISO-8601 shapes (`2025-03-01T10:15:00+07:00`, `...Z`, `...`, with or without
 * seconds and a fraction) read without a regular expression: the same result as
 * `parseInstant`, or NaN for anything else, which then goes to `parseInstant`.
 */
export function fastIso(s: string, zone: Zone): number {
  return fastIsoAt(s, 0, s.length, zone);
}

/** {@link fastIso} of `text.slice(start, end)`, read in place (a CSV cell). */
export function fastIsoAt(s: string, start: number, end: number, zone: Zone): number {
  const n = end;
  const o = start;
  if (n - o === 25 || n - o === 20) {
    const t = fixedIso(s, o, n - o);
    if (t === t) return t;
  }
  if (n - o < 16 || s.charCodeAt(o + 4) !== 45 || s.charCodeAt(o + 7) !== 45) return NaN;
  const sep = s.charCodeAt(o + 10);
  if ((sep !== 84 && sep !== 32) || s.charCodeAt(o + 13) !== 58) return NaN;
  const century = two(s, o, n);
  const yy = two(s, o + 2, n);
  const year = century * 100 + yy;
  const month = two(s, o + 5, n);
  const day = two(s, o + 8, n);
  const hour = two(s, o + 11, n);
  const minute = two(s, o + 14, n);
  // Each pair is negative when not two digits; the year only when both its pairs are digits.
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return NaN;
  let dayNumber: number;
  const y = year - TABLE_YEAR;
  if (y >= 0 && y < 400) {
    const at = y * 13 + month - 1;
    const first = MONTH_STARTS[at]!;
    if (day > MONTH_STARTS[at + 1]! - first) return NaN;
    dayNumber = first + day - 1;
  } else {
    if (year < 0 || day > daysInMonth(year, month)) return NaN;
    dayNumber = daysFromCivil(year, month, day);
  }
  let i = o + 16;
  let second = 0;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = two(s, i + 1, n);
    i += 3;
    if (i < n && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
      let j = i + 1;
      while (j < n && digit(s, j, n) >= 0) j++;
      if (j === i + 1 || j - i - 1 > 9) return NaN;
      ms = Math.floor(Number(`0.${s.slice(i + 1, j)}`) * 1000);
      i = j;
    }
  }
  if (hour < 0 || minute < 0 || second < 0 || hour > 24 || minute > 59 || second > 60) return NaN;
  if (hour === 24 && (minute || second || ms)) return NaN;
  if (i >= n) return zone.wallClockToEpoch(year, month, day, hour, minute, Math.min(second, 59), ms);
  const c = s.charCodeAt(i);
  let offsetMin: number;
  if ((c === 90 || c === 122) && i === n - 1) offsetMin = 0;
  else if (c === 43 || c === 45) {
    const oh = two(s, i + 1, n);
    let om = 0;
    const rest = n - i - 3;
    if (rest === 3 && s.charCodeAt(i + 3) === 58) om = two(s, i + 4, n);
    else if (rest === 2) om = two(s, i + 3, n);
    else if (rest !== 0) return NaN;
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
    offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else return NaN;
  return dayNumber * MS_PER_DAY + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 + ms - offsetMin * 60_000;
}

export interface OrderFields {
  id: string;
  customerId: string;
  time: number;
  revenue: number;
  discount: number;
  cogs: number;
  campaignId: string | undefined;
  channel: string | undefined;
  /** The record's attributes object (checked, at least one name), or undefined when absent or empty. */
  attributes: Record<string, string> | undefined;
}

/**
 * Order attributes: undefined when absent or empty, the object when valid, BAD otherwise
 * (as the schema: a plain object without symbol keys, at most 8 names matching
 * `ATTRIBUTE_NAME_RE`, values non-empty strings of at most 200 characters).
 */
function optAttributes(v: unknown): Record<string, string> | undefined | typeof BAD {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || !isPlainObject(v)) return BAD;
  let n = 0;
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    if (++n > MAX_ATTRIBUTES || !ATTRIBUTE_NAME_RE.test(key)) return BAD;
    if (!isAttributeValue((v as Record<string, unknown>)[key])) return BAD;
  }
  for (const s of Object.getOwnPropertySymbols(v)) if (Object.prototype.propertyIsEnumerable.call(v, s)) return BAD;
  return n > 0 ? (v as Record<string, string>) : undefined;
}

export function newOrderFields(): OrderFields {
  return {
    id: '',
    customerId: '',
    time: 0,
    revenue: 0,
    discount: 0,
    cogs: NaN,
    campaignId: undefined,
    channel: undefined,
    attributes: undefined,
  };
}

export function readOrder(record: unknown, zone: Zone, out: OrderFields): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  const id = idOf(r.id);
  const customerId = idOf(r.customerId);
  const revenue = r.revenue;
  const discount = optAmount(r.discount, 0);
  const cogs = optAmount(r.cogs, NaN);
  const campaignId = optId(r.campaignId);
  const channel = optText(r.channel);
  const attributes = optAttributes(r.attributes);
  const time = timeOf(r.time, zone);
  if (
    id === undefined ||
    customerId === undefined ||
    !isAmount(revenue) ||
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
  return true;
}

export interface CampaignFields {
  id: string;
  name: string;
  start: number;
  end: number;
  budget: number | null;
  type: string | null;
  targets: Record<string, number>;
}

const TYPES = new Set<string>(CAMPAIGN_TYPES);

/** Reads a campaign; returns a new object (campaigns are few), or null when invalid. */
export function readCampaign(record: unknown): CampaignFields | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
  const r = record as Record<string, unknown>;
  const id = idOf(r.id);
  const name = typeof r.name === 'string' && r.name.length > 0 ? r.name : undefined;
  const start = parseLocalDate(r.start);
  const end = parseLocalDate(r.end);
  const budget = optAmount(r.budget, NaN);
  const type = optText(r.type);
  const targets: Record<string, number> = {};
  if (r.targets !== undefined && r.targets !== null) {
    // As the schema: a plain object (not a list, Date or Map), no enumerable symbol keys,
    // an own `__proto__` key skipped, every other value a finite number.
    const t = r.targets;
    if (typeof t !== 'object' || !isPlainObject(t)) return null;
    for (const s of Object.getOwnPropertySymbols(t)) if (Object.prototype.propertyIsEnumerable.call(t, s)) return null;
    for (const k of Object.keys(t)) {
      if (k === '__proto__') continue;
      const v = (t as Record<string, unknown>)[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      targets[k] = v;
    }
  }
  if (id === undefined || name === undefined || start === null || end === null || end < start || budget < 0)
    return null;
  if (type === BAD || (type !== undefined && !TYPES.has(type))) return null;
  return { id, name, start, end, budget: budget === budget ? budget : null, type: type ?? null, targets };
}

export interface CostFields {
  campaignId: string;
  day: number;
  amount: number;
  category: string | undefined;
}

export function readCost(record: unknown, out: CostFields): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  const campaignId = idOf(r.campaignId);
  const day = parseLocalDate(r.date);
  const category = optText(r.category);
  if (campaignId === undefined || day === null || !isAmount(r.amount) || category === BAD) return false;
  out.campaignId = campaignId;
  out.day = day;
  out.amount = r.amount;
  out.category = category;
  return true;
}

export interface ExposureFields {
  campaignId: string;
  day: number;
  impressions: number;
  reach: number;
  clicks: number;
  engagements: number;
  channel: string | undefined;
}

export function readExposure(record: unknown, out: ExposureFields): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  const campaignId = idOf(r.campaignId);
  const day = parseLocalDate(r.date);
  const impressions = optCount(r.impressions);
  const reach = optCount(r.reach);
  const clicks = optCount(r.clicks);
  const engagements = optCount(r.engagements);
  const channel = optText(r.channel);
  if (
    campaignId === undefined ||
    day === null ||
    impressions < 0 ||
    reach < 0 ||
    clicks < 0 ||
    engagements < 0 ||
    channel === BAD
  )
    return false;
  out.campaignId = campaignId;
  out.day = day;
  out.impressions = impressions;
  out.reach = reach;
  out.clicks = clicks;
  out.engagements = engagements;
  out.channel = channel;
  return true;
}

export interface LoyaltyFields {
  customerId: string;
  time: number;
  earned: number;
  redeemed: number;
  channel: string | undefined;
}

export function readLoyalty(record: unknown, zone: Zone, out: LoyaltyFields): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  const customerId = idOf(r.customerId);
  const time = timeOf(r.time, zone);
  const earned = optAmount(r.earned, 0);
  const redeemed = optAmount(r.redeemed, 0);
  const channel = optText(r.channel);
  if (customerId === undefined || time !== time || earned < 0 || redeemed < 0 || channel === BAD) return false;
  out.customerId = customerId;
  out.time = time;
  out.earned = earned;
  out.redeemed = redeemed;
  out.channel = channel;
  return true;
}

export { show };
