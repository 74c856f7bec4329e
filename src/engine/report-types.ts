/**
 * The report: the one object every widget reads (KPI-SPEC section 6).
 * DOM-free types shared by the engine, the server-side pushdown and the elements. The word
 * lists they use (units, locales, modes...) are declared in `core/vocabulary.ts`.
 */
import type { DataIssue } from '../core/issues.js';
import type {
  CohortGrain,
  DailyMeasure,
  CompareMode,
  KpiPolarity,
  KpiReason,
  KpiUnit,
  LocalizedText,
  PacingStatus,
  RecencySegment,
  SegmentOf,
} from '../core/vocabulary.js';

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

/**
 * One local date of P. Each value is that day's own (the same formula over that day's
 * records): it is the day's point of the KPI of the same name, the sparkline a tile draws
 * (`KpiMeta.dailyField`, `dailyPer`). Sums (revenue, orders, costs, cogs, exposures, new
 * customers, points) add up to the period's value; distinct counts (`buyers`) do not, a
 * customer buying on two days counting on each.
 */
export interface DailyPoint {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  revenue: number;
  orders: number;
  /** Distinct customers of A that day. */
  buyers: number;
  discountCost: number;
  spend: number;
  /** Revenue of all orders that day (attributed or not): the baseline the promotions lift. */
  allRevenue: number;
  /*
   * The fields below are always set by the engine, the report worker and the warehouse
   * pushdown; they are optional so that a report made by hand, or by an older version,
   * stays a valid report (its tiles then show no sparkline for them).
   */
  /** `spend + discountCost` that day. */
  promoCost?: number;
  /** Cogs of A that day; null when an order of A that day has none (`missing-cogs`). */
  cogs?: number | null;
  /** `revenue - cogs - spend` that day; null with `cogs`. */
  grossProfit?: number | null;
  /** Sums over the exposure records of that day; null when the day has none (`no-exposures`). */
  impressions?: number | null;
  reach?: number | null;
  clicks?: number | null;
  engagements?: number | null;
  /** Customers whose first order ever is in A and falls that day. */
  newCustomers?: number;
  /** Points earned and redeemed over the loyalty events of that day. */
  pointsEarned?: number;
  pointsRedeemed?: number;
  byCampaign: Record<string, { revenue: number; orders: number }>;
}

export interface CohortRow {
  /** `YYYY-MM` or the Monday `YYYY-MM-DD`. */
  cohort: string;
  size: number;
  retention: number[];
  revenue: number[];
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

/** Which segment's customers `segmentCustomers` lists. */
export interface SegmentQuery {
  /** A segment label of the report's bounds, e.g. `8-14`. */
  segment: string;
  /** `recency`: as of `asOf`; `reactivation`: as of the day before `from`; `returned`: the re-activation segment's customers with an order in A. */
  of: SegmentOf;
}

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
  /**
   * What a widget needs to show each KPI of `kpis` (label and description in each locale,
   * unit, polarity, whether it adds up across campaigns, its daily series), by KPI id. The
   * engine, the report worker and the warehouse pushdown always fill it, for custom KPIs
   * too, so a report renders on a page that never registered its KPIs. Widgets read KPI
   * facts from here, never from the engine's registry; a report without it (made by hand,
   * or by an older version) shows KPI ids as labels and values as plain numbers.
   */
  kpiMeta?: Record<string, KpiMeta>;
}

/**
 * What a widget needs to know about a KPI to show it: the part of a KPI's declaration a
 * report carries in `report.kpiMeta` (the registry also holds the formula). Plain data,
 * structured-clone and JSON safe.
 */
export interface KpiMeta {
  id: string;
  label: LocalizedText;
  /** How the value is formatted (currency, count, ratio as a percentage, plain number). */
  unit: KpiUnit;
  polarity: KpiPolarity;
  /** A short description of the formula, in each locale. */
  description?: LocalizedText;
  /** The key of `report.daily` points that gives this KPI's sparkline, if any. */
  dailyField?: DailyMeasure;
  /**
   * With `dailyField`, for a ratio KPI: each day's point is `dailyField / dailyPer` of that
   * day (AOV: revenue / orders); a day where `dailyPer` is 0 has no point (a gap).
   */
  dailyPer?: DailyMeasure;
  /**
   * True when the KPI is a sum over campaigns (revenue, orders, costs), so the campaigns
   * beyond a chart's top N may be added up into one "others" row. Ratios, averages and
   * distinct counts (buyers, reach) do not add up. Default false.
   */
  additive?: boolean;
}

/** The values each point of `report.daily` holds (declared in `core/vocabulary.ts`). */
export type { DailyMeasure } from '../core/vocabulary.js';

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
