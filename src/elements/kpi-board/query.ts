/**
 * The board's query: period presets, validation and a URL form, so a host page can keep the
 * board's state in its address. Pure and DOM-free.
 */
import { formatDay, parseLocalDate, zoneFor, civilFromDays, daysFromCivil } from '../../core/time.js';
import { ATTRIBUTE_NAME_RE, COMPARE_MODES, type CohortGrain, type CompareMode } from '../../core/vocabulary.js';
import type { ReportOptions } from '../../engine/report-types.js';
import { boundsValue, listValue } from '../shared/converters.js';

/** Period presets of the filter bar; `campaign` is "the selected campaign's own run". */
export const PERIOD_PRESETS = ['last-7', 'last-14', 'last-28', 'last-90', 'this-month', 'campaign', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
/** The presets that are a period of their own, ending on the anchor (all but `campaign` and `custom`). */
export const FIXED_PRESETS = PERIOD_PRESETS.slice(0, 5) as readonly Exclude<PeriodPreset, 'campaign' | 'custom'>[];

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
  for (const p of FIXED_PRESETS) {
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
    if (!ATTRIBUTE_NAME_RE.test(name)) return null;
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
    if (!ATTRIBUTE_NAME_RE.test(name) || !value) continue;
    const list = (filters[name] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  if (Object.keys(filters).length) out.filters = filters;
  return out;
}

/** A change the user made in the filter bar (or through a widget's request to the board). */
export interface UserChange {
  preset?: PeriodPreset;
  from?: string;
  to?: string;
  campaigns?: string[];
  channels?: string[];
  compare?: CompareMode;
  filters?: Record<string, string[]>;
}

/** The change that clears every filter (campaigns, channels, attributes). */
export const clearFilters = (): UserChange => ({ campaigns: [], channels: [], filters: {} });

/**
 * The period the board shows: `from`/`to` when both are set and make a valid period, else
 * the `preset` (`last-28` for `campaign` and `custom`) ending on `to` when it is a date,
 * else on `anchor` (the last day with orders, or today).
 */
export function boardPeriod(
  from: string,
  to: string,
  preset: PeriodPreset,
  anchor: number,
): { from: string; to: string } {
  if (from && to && validPeriod(from, to)) return { from, to };
  const end = to && parseLocalDate(to) !== null ? parseLocalDate(to)! : anchor;
  return presetPeriod(preset === 'campaign' || preset === 'custom' ? 'last-28' : preset, end)!;
}

/** The board's properties its query is made of. */
export interface BoardQueryProperties {
  readonly from: string;
  readonly to: string;
  readonly period: PeriodPreset;
  readonly cohortGrain: 'auto' | CohortGrain;
  readonly campaigns: readonly string[];
  readonly channels: readonly string[];
  readonly compare: CompareMode;
  readonly filters: unknown;
  readonly recencyBounds: readonly number[];
}

/**
 * The board's query (the report options) in `timeZone`, with its period resolved
 * ({@link boardPeriod}), the attribute filters in force, a breakdown by each of the data's
 * `attributes`, and only what differs from the engine's defaults: weekly cohorts for an
 * `auto` grain over a period of up to 92 days, monthly beyond.
 */
export function boardQuery(
  p: BoardQueryProperties,
  timeZone: string,
  anchor: number,
  attributes: string[],
): ReportOptions {
  const { from, to } = boardPeriod(p.from, p.to, p.period, anchor);
  const q: ReportOptions = { from, to, timeZone };
  const days = parseLocalDate(to)! - parseLocalDate(from)! + 1;
  const grain = p.cohortGrain === 'auto' ? (days <= 92 ? 'week' : 'month') : p.cohortGrain;
  if (grain === 'week') q.cohortGrain = 'week';
  if (p.campaigns.length) q.campaignIds = [...p.campaigns];
  if (p.channels.length) q.channels = [...p.channels];
  if (p.compare !== 'previous') q.compare = p.compare;
  const filters = parseFilters(p.filters) ?? {};
  if (Object.keys(filters).length) q.filters = filters;
  if (attributes.length) q.breakdowns = attributes;
  if (p.recencyBounds.length) q.recencyBounds = [...p.recencyBounds];
  return q;
}

/**
 * The preset a period set from outside shows as: `campaign` when one campaign is selected and
 * the period is its own run, else the preset the period matches (or `custom`).
 */
export function shownPreset(
  from: string,
  to: string,
  campaigns: readonly string[],
  campaignList: readonly { id: string; start: string; end: string }[],
  anchor: number,
): PeriodPreset {
  const run = campaigns.length === 1 ? campaignList.find((c) => c.id === campaigns[0]) : undefined;
  return run && run.start === from && run.end === to ? 'campaign' : matchPreset(from, to, anchor);
}

/** The board's properties a user's change sets, and the preset its period came from. */
export interface ChangedQuery {
  from?: string;
  to?: string;
  period?: PeriodPreset;
  preset?: PeriodPreset;
  campaigns?: string[];
  channels?: string[];
  compare?: CompareMode;
  filters?: Record<string, string[]>;
}

/**
 * What a user's change sets (`next`), given the board's `from`, `to` and `period` and the
 * anchor of its presets: a preset (but `custom` and `campaign`) sets its period; dates set the
 * period with their preset (default `custom`), and are left out with `badDates` when they
 * do not make a valid period (what came before them in the change still applies); attribute
 * filters keep their non-empty lists.
 */
export function changeQuery(
  change: UserChange,
  now: { from: string; to: string; period: PeriodPreset },
  anchor: number,
): { next: ChangedQuery; badDates: boolean } {
  const next: ChangedQuery = {};
  if (change.preset && change.preset !== 'custom' && change.preset !== 'campaign') {
    const p = presetPeriod(change.preset, anchor)!;
    Object.assign(next, { from: p.from, to: p.to, period: change.preset, preset: change.preset });
  }
  if (change.from !== undefined || change.to !== undefined) {
    const shown = boardPeriod(next.from ?? now.from, next.to ?? now.to, next.period ?? now.period, anchor);
    const from = change.from ?? shown.from;
    const to = change.to ?? shown.to;
    if (!validPeriod(from, to)) return { next, badDates: true };
    Object.assign(next, { from, to, preset: change.preset ?? 'custom' });
  }
  if (change.campaigns) next.campaigns = change.campaigns;
  if (change.channels) next.channels = change.channels;
  if (change.compare) next.compare = change.compare;
  if (change.filters) next.filters = Object.fromEntries(Object.entries(change.filters).filter(([, v]) => v.length));
  return { next, badDates: false };
}
