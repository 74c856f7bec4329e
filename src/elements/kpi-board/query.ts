/**
 * The board's query: period presets, validation and a URL form, so a host page can keep the
 * board's state in its address. Pure and DOM-free.
 */
import { formatDay, parseLocalDate, zoneFor, civilFromDays, daysFromCivil } from '../../core/time.js';
import { COMPARE_MODES, type CompareMode } from '../../core/vocabulary.js';
import type { ReportOptions } from '../../engine/report-types.js';
import { boundsValue, listValue } from '../shared/converters.js';

/** Period presets of the filter bar; `campaign` is "the selected campaign's own run". */
export const PERIOD_PRESETS = ['last-7', 'last-14', 'last-28', 'last-90', 'this-month', 'campaign', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Detail of `promo-query-change`: the whole query the board now shows. */
export interface QueryChangeDetail {
  query: ReportOptions;
  /** The preset the period came from (`custom` for typed dates). */
  preset: PeriodPreset;
}

/** Today's local day number in a zone. */
export function today(timeZone: string, now = Date.now()): number {
  return zoneFor(timeZone).day(now);
}

/**
 * The `{ from, to }` of a preset ending on `anchor` (a day number: the last day with data, or
 * today). `this-month` runs from the 1st of the anchor's month to the anchor.
 */
export function presetPeriod(preset: PeriodPreset, anchor: number): { from: string; to: string } | null {
  const n = { 'last-7': 7, 'last-14': 14, 'last-28': 28, 'last-90': 90 }[preset as 'last-7'];
  if (n) return { from: formatDay(anchor - n + 1), to: formatDay(anchor) };
  if (preset === 'this-month') {
    const { year, month } = civilFromDays(anchor);
    return { from: formatDay(daysFromCivil(year, month, 1)), to: formatDay(anchor) };
  }
  return null;
}

/** The preset a period matches (for a period set from outside), or `custom`. */
export function matchPreset(from: string, to: string, anchor: number): PeriodPreset {
  for (const p of ['last-7', 'last-14', 'last-28', 'last-90', 'this-month'] as const) {
    const period = presetPeriod(p, anchor);
    if (period && period.from === from && period.to === to) return p;
  }
  return 'custom';
}

/** Whether `from` and `to` are real dates with `from <= to`. */
export function validPeriod(from: string, to: string): boolean {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return a !== null && b !== null && a <= b;
}

/** An attribute name (KPI-SPEC 7.2). */
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/** Whether a value is a comparison mode. */
export const isCompareMode = (v: unknown): v is CompareMode => (COMPARE_MODES as readonly unknown[]).includes(v);

/**
 * Attribute filters from a property or attribute: an object `{ store: ['Q1-01'] }` or its
 * JSON text. Names must be attribute names, values lists of non-empty strings (a single
 * string counts as a list of one). Empty lists are dropped. `null` when it is not valid.
 */
export function parseFilters(value: unknown): Record<string, string[]> | null {
  let v = value;
  if (v === undefined || v === null || v === '') return {};
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const out: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(v as Record<string, unknown>)) {
    if (!ATTRIBUTE_NAME.test(name)) return null;
    const values = typeof list === 'string' ? [list] : list;
    if (!Array.isArray(values) || values.some((x) => typeof x !== 'string' || !x)) return null;
    if (values.length) out[name] = [...new Set(values as string[])];
  }
  return out;
}

/** A comma-separated list parameter, read as the list attributes are (missing: empty). */
function listParam(params: URLSearchParams, name: string): string[] {
  const r = listValue.read(params.get(name) ?? '');
  return r.ok ? r.value : [];
}

/**
 * The query as URL search parameters, for a host page that keeps the board's state in its
 * address: `from`, `to`, `tz`, `campaigns`, `channels` (comma-separated), `compare` (when not
 * the default `previous`), `recency` (bounds, when set), and one `f.<attribute>` parameter
 * per filtered value (repeated: values may hold commas).
 */
export function queryToParams(query: ReportOptions): URLSearchParams {
  const params = new URLSearchParams();
  params.set('from', query.from);
  params.set('to', query.to);
  if (query.timeZone) params.set('tz', query.timeZone);
  if (query.campaignIds?.length) params.set('campaigns', query.campaignIds.join(','));
  if (query.channels?.length) params.set('channels', query.channels.join(','));
  if (query.compare && query.compare !== 'previous') params.set('compare', query.compare);
  if (query.recencyBounds?.length) params.set('recency', query.recencyBounds.join(','));
  for (const [name, values] of Object.entries(query.filters ?? {}))
    for (const v of values) params.append(`f.${name}`, v);
  return params;
}

/** Reads what {@link queryToParams} wrote; invalid or missing values are left out. */
export function queryFromParams(params: URLSearchParams): Partial<ReportOptions> {
  const out: Partial<ReportOptions> = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && validPeriod(from, to)) {
    out.from = from;
    out.to = to;
  }
  const tz = params.get('tz');
  if (tz) out.timeZone = tz;
  const campaigns = listParam(params, 'campaigns');
  if (campaigns.length) out.campaignIds = campaigns;
  const channels = listParam(params, 'channels');
  if (channels.length) out.channels = channels;
  const compare = params.get('compare');
  if (isCompareMode(compare)) out.compare = compare;
  const recency = params.get('recency');
  const bounds = recency ? boundsValue.read(recency) : null;
  if (bounds?.ok && bounds.value.length) out.recencyBounds = bounds.value;
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    const name = key.startsWith('f.') ? key.slice(2) : '';
    if (!ATTRIBUTE_NAME.test(name) || !value) continue;
    const list = (filters[name] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  if (Object.keys(filters).length) out.filters = filters;
  return out;
}
