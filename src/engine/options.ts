/**
 * Report options: defaults, periods and validation (KPI-SPEC section 2).
 *
 * `resolveOptions` never throws: a bad option is reported as an issue
 * (`collection: 'options'`) and replaced by a sensible value, so a report still comes out.
 *
 * DOM-free.
 */
import { ATTRIBUTE_NAME_RE, EXPECT } from '../data/records.js';
import type { ResolvedOptions } from './aggregates-contract.js';
import {
  civilFromDays,
  daysFromCivil,
  formatDay,
  isValidTimeZone,
  MS_PER_DAY,
  parseLocalDate,
  zoneFor,
} from '../core/time.js';
import {
  COHORT_GRAINS,
  COMPARE_MODES,
  DEFAULT_RECENCY_BOUNDS,
  recencySegments,
  type CohortGrain,
  type CompareMode,
} from '../core/vocabulary.js';
import type { DataIssue } from '../core/issues.js';
import type { ReportOptions } from './report-types.js';

export const DEFAULT_RETURN_WINDOW_DAYS = 30;
export const DEFAULT_LIFETIME_DAYS = 365;
export const DEFAULT_TIME_ZONE = 'UTC';

/** Longest period accepted, in days (about 100 years); longer periods are cut to it. */
export const MAX_PERIOD_DAYS = 36_525;

/** An issue of the option at `path`: its message is `<path>: <text>` (`options: ...` for the whole). */
function issue(path: string, text: string): DataIssue {
  return { collection: 'options', index: 0, path, message: `${path || 'options'}: ${text}` };
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
  issues.push(issue(path, `expected a number > 0, got ${show(v)}; using ${fallback}`));
  return fallback;
}

function stringList(v: unknown, path: string, issues: DataIssue[]): string[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) {
    issues.push(issue(path, `expected an array of strings, got ${show(v)}; using all`));
    return null;
  }
  const out: string[] = [];
  v.forEach((x, i) => {
    if (typeof x === 'string') {
      if (!out.includes(x)) out.push(x);
    } else issues.push(issue(`${path}[${i}]`, `expected a string, got ${show(x)}; ignored`));
  });
  return out;
}

/** Largest recency bound accepted, in days (about 100 years). */
export const MAX_RECENCY_BOUND = 36_525;

/** The same calendar date one year earlier; 29 February becomes 28 February. */
export function oneYearEarlier(day: number): number {
  const { year, month, day: d } = civilFromDays(day);
  return daysFromCivil(year - 1, month, month === 2 && d === 29 ? 28 : d);
}

function compareMode(v: unknown, issues: DataIssue[]): CompareMode {
  if (v === undefined || v === null) return 'previous';
  if ((COMPARE_MODES as readonly unknown[]).includes(v)) return v as CompareMode;
  issues.push(issue('compare', `expected one of ${COMPARE_MODES.join(', ')}, got ${show(v)}; using previous`));
  return 'previous';
}

function filterMap(v: unknown, issues: DataIssue[]): Record<string, string[]> | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) {
    issues.push(issue('filters', `expected an object of attribute name to a list of values, got ${show(v)}; ignored`));
    return null;
  }
  const out: Record<string, string[]> = {};
  let any = false;
  for (const [name, values] of Object.entries(v as Record<string, unknown>)) {
    if (!ATTRIBUTE_NAME_RE.test(name)) {
      issues.push(issue(`filters.${name}`, `expected ${EXPECT.attributeName}; ignored`));
      continue;
    }
    if (!Array.isArray(values)) {
      issues.push(issue(`filters.${name}`, `expected an array of strings, got ${show(values)}; ignored`));
      continue;
    }
    const list = stringList(values, `filters.${name}`, issues)!;
    Object.defineProperty(out, name, { value: list, enumerable: true, writable: true, configurable: true });
    any = true;
  }
  return any ? out : null;
}

function breakdownList(v: unknown, issues: DataIssue[]): string[] {
  const list = stringList(v, 'breakdowns', issues);
  if (list === null) return [];
  return list.filter((name, i) => {
    if (ATTRIBUTE_NAME_RE.test(name)) return true;
    issues.push(issue(`breakdowns[${i}]`, `expected ${EXPECT.attributeName}, got ${show(name)}; ignored`));
    return false;
  });
}

function boundsOf(v: unknown, issues: DataIssue[]): number[] {
  const dflt = [...DEFAULT_RECENCY_BOUNDS];
  if (v === undefined || v === null) return dflt;
  const ok =
    Array.isArray(v) &&
    v.length > 0 &&
    v.every(
      (x, i) =>
        typeof x === 'number' &&
        Number.isInteger(x) &&
        x > 0 &&
        x <= MAX_RECENCY_BOUND &&
        (i === 0 || x > (v[i - 1] as number)),
    );
  if (ok) return (v as number[]).slice();
  issues.push(
    issue(
      'recencyBounds',
      `expected strictly increasing whole numbers of days from 1 to ${MAX_RECENCY_BOUND}, got ${show(v)}; using ${dflt.join(', ')}`,
    ),
  );
  return dflt;
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
  if (!options || typeof options !== 'object') issues.push(issue('', 'expected an object'));

  let timeZone = DEFAULT_TIME_ZONE;
  if (o.timeZone !== undefined && o.timeZone !== null) {
    if (isValidTimeZone(o.timeZone)) timeZone = o.timeZone;
    else issues.push(issue('timeZone', `unknown time zone ${show(o.timeZone)}; using UTC`));
  }

  let fromDay = parseLocalDate(o.from);
  let toDay = parseLocalDate(o.to);
  if (fromDay === null) issues.push(issue('from', `expected a local date YYYY-MM-DD, got ${show(o.from)}`));
  if (toDay === null) issues.push(issue('to', `expected a local date YYYY-MM-DD, got ${show(o.to)}`));
  if (fromDay === null && toDay === null) {
    fromDay = toDay = zoneFor(timeZone).day(Date.now());
    issues[issues.length - 1]!.message += `; using today (${formatDay(fromDay)})`;
  } else if (fromDay === null) fromDay = toDay;
  else if (toDay === null) toDay = fromDay;
  let from = fromDay!;
  let to = toDay!;
  if (from > to) {
    issues.push(issue('from', `${formatDay(from)} is after to ${formatDay(to)}; the two were swapped`));
    [from, to] = [to, from];
  }
  if (to - from + 1 > MAX_PERIOD_DAYS) {
    issues.push(issue('from', `the period is longer than ${MAX_PERIOD_DAYS} days; cut to its last ${MAX_PERIOD_DAYS}`));
    from = to - MAX_PERIOD_DAYS + 1;
  }
  const days = to - from + 1;

  let cohortGrain: CohortGrain = 'month';
  if (o.cohortGrain !== undefined && o.cohortGrain !== null) {
    if ((COHORT_GRAINS as readonly unknown[]).includes(o.cohortGrain)) cohortGrain = o.cohortGrain;
    else issues.push(issue('cohortGrain', `expected "month" or "week", got ${show(o.cohortGrain)}; using month`));
  }

  let asOfDay = to;
  if (o.asOf !== undefined && o.asOf !== null) {
    const a = parseLocalDate(o.asOf);
    if (a === null) issues.push(issue('asOf', `expected a local date YYYY-MM-DD, got ${show(o.asOf)}; using to`));
    else asOfDay = a;
  }

  let compare = compareMode(o.compare, issues);
  let prevFrom = from - days;
  let prevTo = from - 1;
  if (compare === 'year') {
    prevFrom = oneYearEarlier(from);
    prevTo = oneYearEarlier(to);
    if (prevTo >= from) {
      issues.push(
        issue(
          'compare',
          `"year" needs a period shorter than a year (the same dates a year earlier overlap ${formatDay(from)} – ${formatDay(to)}); using previous`,
        ),
      );
      compare = 'previous';
      prevFrom = from - days;
      prevTo = from - 1;
    }
  } else if (compare === 'none') {
    prevFrom = from;
    prevTo = from - 1;
  }
  const filters = filterMap(o.filters, issues);
  const breakdowns = breakdownList(o.breakdowns, issues);
  const recencyBounds = boundsOf(o.recencyBounds, issues);

  return {
    from: formatDay(from),
    to: formatDay(to),
    fromDay: from,
    toDay: to,
    days,
    compare,
    previousFrom: compare === 'none' ? null : formatDay(prevFrom),
    previousTo: compare === 'none' ? null : formatDay(prevTo),
    previousFromDay: prevFrom,
    previousToDay: prevTo,
    previousDays: prevTo - prevFrom + 1,
    timeZone,
    campaignIds: stringList(o.campaignIds, 'campaignIds', issues),
    channels: stringList(o.channels, 'channels', issues),
    returnWindowDays: positiveNumber(o.returnWindowDays, DEFAULT_RETURN_WINDOW_DAYS, 'returnWindowDays', issues),
    lifetimeDays: positiveNumber(o.lifetimeDays, DEFAULT_LIFETIME_DAYS, 'lifetimeDays', issues),
    cohortGrain,
    asOf: formatDay(asOfDay),
    asOfDay,
    filters,
    breakdowns,
    recencyBounds,
    recencySegments: recencySegments(recencyBounds),
    issues,
  };
}

/** The return window in milliseconds. */
export function returnWindowMs(o: ResolvedOptions): number {
  return o.returnWindowDays * MS_PER_DAY;
}
