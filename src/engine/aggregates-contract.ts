/**
 * The seam between aggregation and report assembly.
 *
 * A report is computed in two steps:
 *  1. aggregation: one pass over the data gives an {@link Aggregates} object: plain data
 *     (sums, counts, distinct counts) and nothing else. The in-browser engine computes it
 *     over the columnar dataset (`aggregation/`); a warehouse computes the very same
 *     numbers in SQL.
 *  2. assembly: `finishReport(aggregates, resolvedOptions)` turns it into the report of
 *     KPI-SPEC section 6 (KPI formulas, previous values and deltas, reasons, pacing
 *     formulas and statuses, cohort ratios). Every producer of aggregates shares it, so a
 *     report is the same whoever aggregated.
 *
 * Everything here is structured-clone safe (no functions, no class instances), so it can
 * cross a Worker boundary or a network hop as JSON.
 *
 * DOM-free.
 */
import type { Measures } from './kpis.js';
import type { DailyMeasureName } from './measures.js';
import type { CohortGrain, CompareMode } from '../core/vocabulary.js';
import type { DailyPoint, RecencyRow } from './report-types.js';
import type { DataIssue } from '../core/issues.js';
import type { DatasetSummary } from './worker-protocol.js';

/**
 * Version of the {@link Aggregates} format. Bumped on a breaking change.
 * 2: comparison modes, order attributes (filters, `byAttribute`), re-activation, loyalty
 * members and `loyaltyByChannel` (KPI-SPEC section 7).
 * 3: every daily measure in `daily` (cogs, exposures, new customers, points...).
 */
export const AGGREGATES_VERSION = 3;

/**
 * Report options after defaults and validation (KPI-SPEC section 2). Produced by
 * `resolveOptions`; never throws: bad options become `issues` and a sensible fallback.
 */
export interface ResolvedOptions {
  /** Period P, local dates, inclusive. */
  from: string;
  to: string;
  /** Day numbers (days since 1970-01-01 on the local calendar) of `from` and `to`. */
  fromDay: number;
  toDay: number;
  /** Days in P (`toDay - fromDay + 1`). */
  days: number;
  /** How P' is chosen (KPI-SPEC 7.1). */
  compare: CompareMode;
  /**
   * Comparison period P', local dates, inclusive; null with `compare: 'none'`.
   * `previous`: the `days` days just before `from`; `year`: `from` and `to` each one year
   * earlier (29 February becomes 28 February), so P' may have one day more or less than P.
   */
  previousFrom: string | null;
  previousTo: string | null;
  /**
   * Day numbers of P' (inclusive). With `compare: 'none'` an empty range
   * (`previousFromDay = fromDay`, `previousToDay = fromDay - 1`): nothing falls in it.
   * P' never overlaps P and always ends before `from`.
   */
  previousFromDay: number;
  previousToDay: number;
  /** Days in P' (`previousToDay - previousFromDay + 1`; 0 with `compare: 'none'`). Used by `cltv` of P'. */
  previousDays: number;
  /** IANA zone every local date is taken in. */
  timeZone: string;
  /** Selected campaign ids; `null` means all campaigns. */
  campaignIds: string[] | null;
  /** Selected channels; `null` means all (orders without a channel pass only then). */
  channels: string[] | null;
  returnWindowDays: number;
  lifetimeDays: number;
  cohortGrain: CohortGrain;
  asOf: string;
  asOfDay: number;
  /**
   * Order attribute filters (KPI-SPEC 7.2), names in the order given, values without
   * repeats; null when none. An order passes when, for every name, it has the attribute
   * and its value is in the list. They apply wherever the channel filter applies to
   * orders (A and O) and nowhere else: not to costs, exposures, loyalty, cohorts, recency,
   * re-activation `customers`, pacing or first orders.
   */
  filters: Record<string, string[]> | null;
  /** Attribute names to break A down by (`byAttribute`), without repeats; empty for none. */
  breakdowns: string[];
  /** Segment bounds in days, strictly increasing positive integers (default `[7, 14, 28]`). */
  recencyBounds: number[];
  /** Segment labels of `recencyBounds` (`0-7`, `8-14`, `15-28`, `29+`). */
  recencySegments: string[];
  /** Problems found in the options (`collection: 'options'`). */
  issues: DataIssue[];
}

/** The measures of one scope in P and in P'. */
export interface ScopeMeasures {
  /** Over P. `days`, `lifetimeDays`, `budget` and `budgetSpent` may be left at any value: `finishReport` sets them. */
  current: Measures;
  /**
   * The same measures over P' (`previousFromDay .. previousToDay`; members and points
   * outstanding at the end of `previousToDay`). Ignored with `compare: 'none'` (P' is then
   * empty).
   */
  previous: Measures;
}

/**
 * A day of P: every daily measure (declared with `daily: true` in `measures.ts`) over that
 * day's records alone (A, O, the costs, exposure records and loyalty events dated that
 * day; `buyers` the distinct customers of A that day, `newCustomers` those whose first
 * order ever is in A and falls that day), and each selected campaign's revenue and orders
 * (zeros included). `finishReport` makes the report's daily point from it.
 */
export type DailyAggregate = { date: string; byCampaign: DailyPoint['byCampaign'] } & {
  [K in DailyMeasureName]: number;
};

/** Raw sums of one cohort. `active[k]` and `revenue[k]` for k = 0 .. bucket(to) - cohort. */
export interface CohortAggregate {
  /** `YYYY-MM`, or the Monday `YYYY-MM-DD`. */
  cohort: string;
  /** Members: customers whose first order falls in the bucket (see KPI-SPEC section 5). */
  size: number;
  /** Members with any order in bucket cohort + k. */
  active: number[];
  /** Members' revenue (all their orders) in bucket cohort + k. */
  revenue: number[];
}

/** Raw inputs of the pacing of one selected campaign that has a budget. */
export interface PacingInput {
  budget: number;
  /** Campaign start and end, local dates, inclusive. */
  start: string;
  end: string;
  /** promoCost (costs + discounts of its orders) from start to min(asOf, end); no filter applies. */
  spent: number;
  /** Revenue of its orders from start to min(asOf, end); no filter applies. */
  revenue: number;
}

/** Sums over A of one attribute value (or one channel): revenue, orders and distinct customers. */
export interface GroupAggregate {
  revenue: number;
  orders: number;
  buyers: number;
}

/**
 * One re-activation segment (KPI-SPEC 7.3). The base day is the day before `from`. A
 * customer is in the segment by g = (base day - local date of their last valid order on or
 * before the base day), in days (0 = an order on the base day), when
 * lower bound <= g <= upper bound of the segment (the last segment: g > last bound).
 * Customers with no order on or before the base day are in no segment. No filter applies
 * to the membership (not campaigns, channels or attributes; every valid order counts).
 */
export interface ReactivationAggregate {
  /** The segment label (as `recencySegments`). */
  segment: string;
  /** Customers in the segment. */
  customers: number;
  /** Customers of the segment with at least one order in A (P, selected campaigns, channel and attribute filters). */
  returned: number;
  /** Count of the segment's customers' orders in A. */
  orders: number;
  /** Sum of revenue of the segment's customers' orders in A. */
  revenue: number;
}

/** Everything a report is assembled from. Plain data. */
export interface Aggregates {
  version: typeof AGGREGATES_VERSION;
  /** The whole selection. */
  total: ScopeMeasures;
  /** Each selected campaign alone (newCustomers: first order attributed to it in P). Keys in campaign order. */
  byCampaign: Record<string, ScopeMeasures>;
  /** Each channel present in A over P (revenue, orders, distinct customers of A in that channel). */
  byChannel: Record<string, GroupAggregate>;
  /**
   * For each name of `breakdowns` (in that order, even when no order of A has it), each
   * value of that attribute present in A over P: revenue, orders and distinct customers of
   * the orders of A with that value. Orders of A without the attribute are in no value.
   * Value keys in any order. Absent when `breakdowns` is empty.
   */
  byAttribute?: Record<string, Record<string, GroupAggregate>>;
  /** Every local date of P, in order. */
  daily: DailyAggregate[];
  cohorts: { grain: CohortGrain; rows: CohortAggregate[] };
  /**
   * The recency segments of `recencyBounds`, in order (every segment, empty ones with
   * zeros): customers with a valid order on or before `asOf`, by days from their last such
   * order's local date to `asOf`; `revenue` = their revenue over all their orders in P.
   * No filter applies.
   */
  recency: RecencyRow[];
  /** The re-activation segments of `recencyBounds`, in order, every segment present (see {@link ReactivationAggregate}). */
  reactivation: ReactivationAggregate[];
  /**
   * Per channel: sums of `earned` and `redeemed` over the loyalty events of P (local date
   * of `time` in P) that have a channel and pass the channel filter. Attribute filters do
   * not apply. Only channels with at least one such event.
   */
  loyaltyByChannel: Record<string, { earned: number; redeemed: number }>;
  /** Each selected campaign that has a budget (budget 0 included; pacing lists B > 0 only). */
  pacing: Record<string, PacingInput>;
  /** Data validation issues, then aggregation findings (not the option issues: those are in the options). */
  issues: DataIssue[];
}

/**
 * What a data summary is asked for where the data stays (a warehouse): the zone of its last
 * day, and optionally the campaigns, channels and attribute values to narrow it to.
 */
export interface PushdownSummaryQuery {
  /** IANA zone of `lastDay`. Default UTC. */
  timeZone?: string;
  campaignIds?: readonly string[];
  channels?: readonly string[];
  filters?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The summary of data that stays where it lives (a warehouse): what `summarizeDataset` gives
 * for data on the page (campaigns, channels, attribute values, the last order's local day,
 * the number of orders), each list in code-point order, the attributes whose values were
 * cut at the server's limit, and whether attribute names were.
 */
export interface PushdownSummary extends DatasetSummary {
  /** Attribute names whose list holds only the first values (in code-point order) of more. */
  truncatedAttributes: string[];
  /**
   * True when more attribute names than the server's limit were found and only the first are
   * listed. Optional, so adapters and endpoints of an earlier version still fit; the
   * pushdown handler always sends it.
   */
  truncatedAttributeNames?: boolean;
}
