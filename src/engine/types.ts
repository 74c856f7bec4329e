/**
 * The report: the one object every widget reads (KPI-SPEC section 6).
 * DOM-free types shared by the engine, the server-side pushdown and the elements.
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
 * One KPI of one scope: value over the period P, the same KPI over the comparison period P'
 * (KPI-SPEC 7.1), and the change between them.
 */
export interface KpiValue {
  value: number | null;
  /** The same KPI over P'; null when it has none, or when the report compares with nothing (`compare: 'none'`). */
  previous: number | null;
  /**
   * `(value - previous) / previous` when `previous > 0`; null when either is null or
   * `previous <= 0` (a percentage of a zero or negative base misleads).
   */
  delta: number | null;
  /** `value - previous`; null when either is null. For a ratio KPI this is the change in percentage points. */
  change: number | null;
  /** Why `value` is null. */
  reason?: KpiReason;
}

export interface ChannelSummary {
  revenue: number;
  orders: number;
  buyers: number;
  aov: number | null;
}

export interface DailyPoint {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  revenue: number;
  orders: number;
  buyers: number;
  discountCost: number;
  spend: number;
  /** Revenue of all orders that day (attributed or not): the baseline the promotions lift. */
  allRevenue: number;
  byCampaign: Record<string, { revenue: number; orders: number }>;
}

export const COHORT_GRAINS = ['month', 'week'] as const;
export type CohortGrain = (typeof COHORT_GRAINS)[number];

export interface CohortRow {
  /** `YYYY-MM` or the Monday `YYYY-MM-DD`. */
  cohort: string;
  size: number;
  retention: number[];
  revenue: number[];
}

/** Default bounds of the recency and re-activation segments, in days (KPI-SPEC 7.3). */
export const DEFAULT_RECENCY_BOUNDS: readonly number[] = Object.freeze([7, 14, 28]);

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

export interface RecencyRow {
  segment: RecencySegment;
  customers: number;
  revenue: number;
}

/**
 * One re-activation segment (KPI-SPEC 7.3): the customers whose last order on or before the
 * day before `from` is that many days old, and how many of them came back in A.
 */
export interface ReactivationRow {
  segment: RecencySegment;
  /** Customers in the segment (no filter applies). */
  customers: number;
  /** Those with at least one order in A. */
  returned: number;
  /** `returned / customers`; null (`reason: 'no-data'`) when the segment is empty. */
  rate: number | null;
  /** Their orders in A. */
  orders: number;
  /** Their revenue in A. */
  revenue: number;
  reason?: 'no-data';
}

/** Loyalty points earned and redeemed over the loyalty events of P in one channel. */
export interface LoyaltyChannel {
  earned: number;
  redeemed: number;
}

/** How the comparison period P' is chosen (KPI-SPEC 7.1). */
export const COMPARE_MODES = ['previous', 'year', 'none'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** What `segmentCustomers` lists (KPI-SPEC 7.3). */
export const SEGMENT_OF = ['recency', 'reactivation', 'returned'] as const;
export type SegmentOf = (typeof SEGMENT_OF)[number];

/** Which segment's customers `segmentCustomers` lists. */
export interface SegmentQuery {
  /** A segment label of the report's bounds, e.g. `8-14`. */
  segment: string;
  /** `recency`: as of `asOf`; `reactivation`: as of the day before `from`; `returned`: the re-activation segment's customers with an order in A. */
  of: SegmentOf;
}

export const PACING_STATUSES = ['scheduled', 'on-track', 'at-risk', 'over-budget'] as const;
export type PacingStatus = (typeof PACING_STATUSES)[number];

export interface Pacing {
  budget: number;
  spent: number;
  expected: number;
  pace: number | null;
  projected: number | null;
  projectedRevenue: number | null;
  remaining: number;
  daysElapsed: number;
  daysTotal: number;
  status: PacingStatus;
  ended: boolean;
}

/** A validation finding: one bad record, or a summary such as unknown campaigns. */
export interface DataIssue {
  collection: 'campaigns' | 'orders' | 'costs' | 'exposures' | 'loyalty' | 'options';
  index: number;
  id?: string;
  path: string;
  message: string;
}

export interface Report {
  period: { from: string; to: string; days: number };
  /** The comparison period P' (KPI-SPEC 7.1); null with `compare: 'none'`. */
  previous: { from: string; to: string } | null;
  kpis: Record<string, KpiValue>;
  byCampaign: Record<string, Record<string, KpiValue>>;
  byChannel: Record<string, ChannelSummary>;
  /** Per breakdown attribute, per value present in A: `{ revenue, orders, buyers, aov }`. Present only when `breakdowns` is non-empty. */
  byAttribute?: Record<string, Record<string, ChannelSummary>>;
  daily: DailyPoint[];
  cohorts: { grain: CohortGrain; rows: CohortRow[] };
  /** One row per segment of `recencyBounds`, in order. */
  recency: RecencyRow[];
  /** One row per segment of `recencyBounds`, in order (a row even when empty). */
  reactivation: ReactivationRow[];
  /** Points earned and redeemed per channel over the loyalty events of P that have a channel and pass the channel filter. */
  loyaltyByChannel: Record<string, LoyaltyChannel>;
  pacing: Record<string, Pacing>;
  issues: DataIssue[];
}

/** What a widget needs to know about a KPI to show it (the registry holds more). */
export interface KpiMeta {
  id: string;
  label: LocalizedText;
  unit: KpiUnit;
  polarity: KpiPolarity;
  /** A short description of the formula, in each locale. */
  description?: LocalizedText;
  /** The key of `report.daily` points that gives this KPI's sparkline, if any. */
  dailyField?: 'revenue' | 'orders' | 'buyers' | 'discountCost' | 'spend' | 'allRevenue';
}

/** Options of one report (KPI-SPEC section 2). Dates are local `YYYY-MM-DD`. */
export interface ReportOptions {
  from: string;
  to: string;
  /** IANA zone; default `UTC`. */
  timeZone?: string;
  /** Selected campaigns; default all. */
  campaignIds?: string[];
  /** Selected channels; default all. An order without a channel fails any channel filter. */
  channels?: string[];
  /** Default 30. */
  returnWindowDays?: number;
  /** Default 365. */
  lifetimeDays?: number;
  /** Default `month`. */
  cohortGrain?: CohortGrain;
  /** Default `to`. */
  asOf?: string;
  /** The comparison period P' (KPI-SPEC 7.1): `previous` (default), `year` or `none`. */
  compare?: CompareMode;
  /**
   * Order attribute filters: an order passes when its value of each named attribute is in
   * the list (an order without the attribute fails). Applies to A and O only.
   */
  filters?: Record<string, string[]>;
  /** Attribute names to break A down by (`report.byAttribute`). */
  breakdowns?: string[];
  /** Bounds of the recency and re-activation segments; default `[7, 14, 28]` (strictly increasing positive integers). */
  recencyBounds?: number[];
}
