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

/** One KPI of one scope: value over the period, the same over the previous period, and the change. */
export interface KpiValue {
  value: number | null;
  previous: number | null;
  /** `(value - previous) / |previous|`; null when either is null or previous is 0. */
  delta: number | null;
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

export const RECENCY_SEGMENTS = ['0-7', '8-14', '15-28', '29+'] as const;
export type RecencySegment = (typeof RECENCY_SEGMENTS)[number];

export interface RecencyRow {
  segment: RecencySegment;
  customers: number;
  revenue: number;
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
  previous: { from: string; to: string };
  kpis: Record<string, KpiValue>;
  byCampaign: Record<string, Record<string, KpiValue>>;
  byChannel: Record<string, ChannelSummary>;
  daily: DailyPoint[];
  cohorts: { grain: CohortGrain; rows: CohortRow[] };
  recency: RecencyRow[];
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
}
