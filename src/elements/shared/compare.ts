/**
 * What a report's comparison period is, read from the report itself (KPI-SPEC 7.1): the
 * days just before the period, the same dates one year earlier, or none. DOM-free.
 */
import type { Report } from '../../engine/report-types.js';
import { COMPARE_MESSAGES, translator } from '../../i18n/strings.js';
import { addDays } from '../../format/date.js';

export const COMPARE_KINDS = ['previous', 'year', 'none'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

/** `none` without `report.previous`; `previous` when it ends the day before the period; else `year`. */
export function compareKind(report: Pick<Report, 'period' | 'previous'> | null | undefined): CompareKind {
  const prev = report?.previous;
  if (!report || !prev) return 'none';
  // The calendar day before the period, through the one day reader the widgets use.
  const before = addDays(report.period.from, -1);
  if (before !== null && before === prev.to) return 'previous';
  return prev.from.slice(5) === report.period.from.slice(5) || prev.from.slice(0, 4) !== report.period.from.slice(0, 4)
    ? 'year'
    : 'previous';
}

/** The message key that names a comparison (`vs previous period`, `vs same period last year`). */
export const compareKey = (kind: CompareKind) =>
  kind === 'year'
    ? ('compare.vsYear' as const)
    : kind === 'none'
      ? ('compare.none' as const)
      : ('compare.vsPrevious' as const);

const compareWords = /* @__PURE__ */ translator(COMPARE_MESSAGES);

/** A comparison in words, in the locale nearest to `locale` (`vs previous period`). */
export const compareText = (locale: string | undefined, kind: CompareKind): string =>
  compareWords(locale, compareKey(kind));
