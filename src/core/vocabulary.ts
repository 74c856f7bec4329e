/**
 * The closed word lists of the report and its options (KPI units, polarities and reasons,
 * locales, cohort grains, comparison modes, segment kinds, pacing statuses) and the recency
 * segment labels. Elements, format and i18n read these at run time without loading the
 * engine.
 *
 * Ground floor: imports nothing of the kit. DOM-free.
 */

/** Units a KPI is expressed in; formatting follows the unit. */
export const KPI_UNITS = ['currency', 'count', 'ratio', 'number'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

/** Whether a rising value is good news (revenue) or bad news (CAC, costs). */
export const KPI_POLARITIES = ['higher-is-better', 'lower-is-better', 'neutral'] as const;
export type KpiPolarity = (typeof KPI_POLARITIES)[number];

/** Why a KPI has no value. */
export const KPI_REASONS = ['no-data', 'missing-cogs', 'no-exposures', 'no-budget'] as const;
export type KpiReason = (typeof KPI_REASONS)[number];

/** Locales the kit ships strings for. */
export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** Labels in each shipped locale. */
export type LocalizedText = Record<Locale, string>;

/**
 * Order attribute names (KPI-SPEC 7.2): a letter, then up to 31 letters, digits or `_`. The
 * data layer checks records with it; report options and the board's filters name attributes.
 */
export const ATTRIBUTE_NAME_RE = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

export const COHORT_GRAINS = ['month', 'week'] as const;
export type CohortGrain = (typeof COHORT_GRAINS)[number];

/** Default bounds of the recency and re-activation segments, in days (KPI-SPEC 7.3). */
export const DEFAULT_RECENCY_BOUNDS: readonly number[] = /* @__PURE__ */ Object.freeze([7, 14, 28]);

/** The segment labels of the default bounds. */
export const RECENCY_SEGMENTS = ['0-7', '8-14', '15-28', '29+'] as const;
/**
 * A recency segment label: `0-7`, `8-14`, `15-28`, `29+` with the default bounds; labels
 * follow the report's `recencyBounds` (`[3, 10]` gives `0-3`, `4-10`, `11+`).
 */
export type RecencySegment = string;

/** Segment labels of recency bounds: `[7, 14, 28]` -> `0-7`, `8-14`, `15-28`, `29+`. */
export function recencySegments(bounds: readonly number[]): string[] {
  const out: string[] = [];
  let lo = 0;
  for (const b of bounds) {
    out.push(`${lo}-${b}`);
    lo = b + 1;
  }
  out.push(`${lo}+`);
  return out;
}

/** How the comparison period P' is chosen (KPI-SPEC 7.1). */
export const COMPARE_MODES = ['previous', 'year', 'none'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** What `segmentCustomers` lists (KPI-SPEC 7.3). */
export const SEGMENT_OF = ['recency', 'reactivation', 'returned'] as const;
export type SegmentOf = (typeof SEGMENT_OF)[number];

export const PACING_STATUSES = ['scheduled', 'on-track', 'at-risk', 'over-budget'] as const;
export type PacingStatus = (typeof PACING_STATUSES)[number];

/**
 * The values each point of `report.daily` holds besides its date and campaigns: a KPI's
 * daily series (`dailyField`, `dailyPer` of its metadata) names these. Each is the KPI of
 * the same name over that day alone (a null where the KPI has no value that day: `cogs`
 * and `grossProfit` on a day with an order lacking cogs, the exposure sums on a day with
 * no exposure record), or for `allRevenue` the revenue of all orders that day.
 */
export const DAILY_MEASURES = [
  'revenue',
  'orders',
  'buyers',
  'discountCost',
  'spend',
  'allRevenue',
  'promoCost',
  'cogs',
  'grossProfit',
  'impressions',
  'reach',
  'clicks',
  'engagements',
  'newCustomers',
  'pointsEarned',
  'pointsRedeemed',
] as const;
export type DailyMeasure = (typeof DAILY_MEASURES)[number];
