/**
 * The seam between aggregation and report assembly.
 *
 * A report is computed in two steps:
 *  1. aggregation: one pass over the data gives an {@link Aggregates} object: plain data
 *     (sums, counts, distinct counts) and nothing else. The in-browser engine computes it
 *     over the columnar dataset (`aggregate.ts`); a warehouse computes the very same
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
import type { CohortGrain, DailyPoint, DataIssue, RecencyRow } from './types.js';

/** Version of the {@link Aggregates} format. Bumped on a breaking change. */
export const AGGREGATES_VERSION = 1;

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
  /** Previous period P': the `days` days just before `from`. */
  previousFrom: string;
  previousTo: string;
  previousFromDay: number;
  previousToDay: number;
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
  /** Problems found in the options (`collection: 'options'`). */
  issues: DataIssue[];
}

/** The measures of one scope in P and in P'. */
export interface ScopeMeasures {
  /** Over P. `days`, `lifetimeDays`, `budget` and `budgetSpent` may be left at any value: `finishReport` sets them. */
  current: Measures;
  /** Over P'. */
  previous: Measures;
}

/**
 * A day of P: raw sums over A and the costs that day, `allRevenue` over O, and each selected
 * campaign (zeros included). The same shape as the report's daily points.
 */
export type DailyAggregate = DailyPoint;

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

/** Everything a report is assembled from. Plain data. */
export interface Aggregates {
  version: typeof AGGREGATES_VERSION;
  /** The whole selection. */
  total: ScopeMeasures;
  /** Each selected campaign alone (newCustomers: first order attributed to it in P). Keys in campaign order. */
  byCampaign: Record<string, ScopeMeasures>;
  /** Each channel present in A over P. */
  byChannel: Record<string, { revenue: number; orders: number; buyers: number }>;
  /** Every local date of P, in order. */
  daily: DailyAggregate[];
  cohorts: { grain: CohortGrain; rows: CohortAggregate[] };
  /** The four recency segments in order `0-7`, `8-14`, `15-28`, `29+`. */
  recency: RecencyRow[];
  /** Each selected campaign that has a budget (budget 0 included; pacing lists B > 0 only). */
  pacing: Record<string, PacingInput>;
  /** Data validation issues, then aggregation findings (not the option issues: those are in the options). */
  issues: DataIssue[];
}
