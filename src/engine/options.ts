/**
 * Report options: defaults, periods and validation (KPI-SPEC section 2).
 *
 * `resolveOptions` never throws: a bad option is reported as an issue
 * (`collection: 'options'`) and replaced by a sensible value, so a report still comes out.
 *
 * DOM-free.
 */
import type { ResolvedOptions } from './aggregates.js';
import { formatDay, isValidTimeZone, MS_PER_DAY, parseLocalDate, zoneFor } from './time.js';
import { COHORT_GRAINS, type CohortGrain, type DataIssue, type ReportOptions } from './types.js';

export const DEFAULT_RETURN_WINDOW_DAYS = 30;
export const DEFAULT_LIFETIME_DAYS = 365;
export const DEFAULT_TIME_ZONE = 'UTC';

/** Longest period accepted, in days (about 100 years); longer periods are cut to it. */
export const MAX_PERIOD_DAYS = 36_525;

function issue(path: string, message: string): DataIssue {
  return { collection: 'options', index: 0, path, message };
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function positiveNumber(v: unknown, fallback: number, path: string, issues: DataIssue[]): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  issues.push(issue(path, `${path}: expected a number > 0, got ${show(v)}; using ${fallback}`));
  return fallback;
}

function stringList(v: unknown, path: string, issues: DataIssue[]): string[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) {
    issues.push(issue(path, `${path}: expected an array of strings, got ${show(v)}; using all`));
    return null;
  }
  const out: string[] = [];
  v.forEach((x, i) => {
    if (typeof x === 'string') {
      if (!out.includes(x)) out.push(x);
    } else issues.push(issue(`${path}[${i}]`, `${path}[${i}]: expected a string, got ${show(x)}; ignored`));
  });
  return out;
}

/**
 * Applies defaults and validates report options. Dates that are not real `YYYY-MM-DD`
 * dates fall back (a bad `from` takes `to`, a bad `to` takes `from`, both bad take
 * today in the zone); `from > to` is swapped; an unknown zone falls back to UTC. Each
 * fallback is reported in `issues`.
 */
export function resolveOptions(options: Partial<ReportOptions> | null | undefined): ResolvedOptions {
  const issues: DataIssue[] = [];
  const o = (options && typeof options === 'object' ? options : {}) as Partial<ReportOptions>;
  if (!options || typeof options !== 'object') issues.push(issue('', 'options: expected an object'));

  let timeZone = DEFAULT_TIME_ZONE;
  if (o.timeZone !== undefined && o.timeZone !== null) {
    if (isValidTimeZone(o.timeZone)) timeZone = o.timeZone;
    else issues.push(issue('timeZone', `timeZone: unknown time zone ${show(o.timeZone)}; using UTC`));
  }

  let fromDay = parseLocalDate(o.from);
  let toDay = parseLocalDate(o.to);
  if (fromDay === null) issues.push(issue('from', `from: expected a local date YYYY-MM-DD, got ${show(o.from)}`));
  if (toDay === null) issues.push(issue('to', `to: expected a local date YYYY-MM-DD, got ${show(o.to)}`));
  if (fromDay === null && toDay === null) {
    fromDay = toDay = zoneFor(timeZone).day(Date.now());
    issues[issues.length - 1]!.message += `; using today (${formatDay(fromDay)})`;
  } else if (fromDay === null) fromDay = toDay;
  else if (toDay === null) toDay = fromDay;
  let from = fromDay!;
  let to = toDay!;
  if (from > to) {
    issues.push(issue('from', `from: ${formatDay(from)} is after to ${formatDay(to)}; the two were swapped`));
    [from, to] = [to, from];
  }
  if (to - from + 1 > MAX_PERIOD_DAYS) {
    issues.push(
      issue('from', `from: the period is longer than ${MAX_PERIOD_DAYS} days; cut to its last ${MAX_PERIOD_DAYS}`),
    );
    from = to - MAX_PERIOD_DAYS + 1;
  }
  const days = to - from + 1;

  let cohortGrain: CohortGrain = 'month';
  if (o.cohortGrain !== undefined && o.cohortGrain !== null) {
    if ((COHORT_GRAINS as readonly unknown[]).includes(o.cohortGrain)) cohortGrain = o.cohortGrain;
    else
      issues.push(
        issue('cohortGrain', `cohortGrain: expected "month" or "week", got ${show(o.cohortGrain)}; using month`),
      );
  }

  let asOfDay = to;
  if (o.asOf !== undefined && o.asOf !== null) {
    const a = parseLocalDate(o.asOf);
    if (a === null) issues.push(issue('asOf', `asOf: expected a local date YYYY-MM-DD, got ${show(o.asOf)}; using to`));
    else asOfDay = a;
  }

  return {
    from: formatDay(from),
    to: formatDay(to),
    fromDay: from,
    toDay: to,
    days,
    previousFrom: formatDay(from - days),
    previousTo: formatDay(from - 1),
    previousFromDay: from - days,
    previousToDay: from - 1,
    timeZone,
    campaignIds: stringList(o.campaignIds, 'campaignIds', issues),
    channels: stringList(o.channels, 'channels', issues),
    returnWindowDays: positiveNumber(o.returnWindowDays, DEFAULT_RETURN_WINDOW_DAYS, 'returnWindowDays', issues),
    lifetimeDays: positiveNumber(o.lifetimeDays, DEFAULT_LIFETIME_DAYS, 'lifetimeDays', issues),
    cohortGrain,
    asOf: formatDay(asOfDay),
    asOfDay,
    issues,
  };
}

/** The return window in milliseconds. */
export function returnWindowMs(o: ResolvedOptions): number {
  return o.returnWindowDays * MS_PER_DAY;
}
