/**
 * The measures: every sum and count a report's KPIs are computed from, declared once.
 *
 * Each entry says which collection it is read from, whether each row adds its own value
 * (`per: 'row'`) or the value needs a customer's other rows (`per: 'customer'`: distinct
 * customers, first orders, retention, membership), how the values of disjoint parts
 * combine, and whether it belongs to a campaign scope or to the whole selection. From this
 * table come:
 *  - the {@link Measures} type (one number per entry, with the entry's documentation);
 *  - {@link emptyMeasures};
 *  - the engine's accumulator layout (one slot per entry, in this order: see
 *    `aggregation/slots.ts`) and how a campaign scope reads a selection-wide measure;
 *  - the SQL column of each measure in the warehouse pushdown ({@link measureColumn}:
 *    `retainedBuyers` is `retained_buyers`);
 *  - with `daily: true`, the measures summed per day of P as well: the engine's daily
 *    accumulators (`aggregation/slots.ts`), the days of `Aggregates.daily`, and the
 *    report's daily points (`finish.ts`).
 *
 * Adding a measure: an entry here, the code that accumulates it (engine pass and SQL
 * statement; per day too when it is `daily`), and its tests.
 *
 * DOM-free.
 */

/** The collection a measure is read from. */
export type MeasureCollection = 'orders' | 'costs' | 'exposures' | 'loyalty';

/** The declaration of one measure. */
export interface MeasureDeclaration {
  collection: MeasureCollection;
  /**
   * `row`: each row adds its own value (an appended row adds its value and nothing else);
   * `customer`: the value depends on the customer's other rows (their first order, their
   * later orders, their membership), so an appended row may change their whole contribution.
   */
  per: 'row' | 'customer';
  /**
   * How the values of disjoint parts (days, campaigns, channels) make the value of the
   * whole: `sum` they add up; `distinct` a count of distinct customers, who may be in
   * several parts, so they do not add up.
   */
  combine: 'sum' | 'distinct';
  /**
   * `campaign`: computed per campaign scope; `selection`: one value for the whole
   * selection, reported in every campaign scope too.
   */
  scope: 'campaign' | 'selection';
  /**
   * Also accumulated per local day of the period P (`Aggregates.daily`): the day's value
   * is the measure over that day's rows alone (a distinct count counts that day's
   * customers; `newCustomers` those whose first order falls that day). The report's daily
   * points (`report.daily`) are made from these, through the KPI formulas of the same name.
   */
  daily?: true;
}

const orderRow = { collection: 'orders', per: 'row', combine: 'sum', scope: 'campaign', daily: true } as const;
const exposureRow = { collection: 'exposures', per: 'row', combine: 'sum', scope: 'campaign', daily: true } as const;

/** Every measure, in accumulator order. The documentation of each entry is that of its {@link Measures} field. */
export const MEASURES = {
  /** Sum of revenue over the attributed orders A. */
  revenue: orderRow,
  /** Count of A. */
  orders: orderRow,
  /** Distinct customers in A. */
  buyers: { collection: 'orders', per: 'customer', combine: 'distinct', scope: 'campaign', daily: true },
  /** Sum of discount over A. */
  discountCost: orderRow,
  /** Sum of costs (promotion spend) of the scope in the period. */
  spend: { collection: 'costs', per: 'row', combine: 'sum', scope: 'campaign', daily: true },
  /** Sum of cogs over the orders of A that have it. */
  cogs: orderRow,
  /** Orders of A without cogs (any makes `cogs` unknown). */
  missingCogs: orderRow,
  /** Revenue of all orders in the period passing the channel and attribute filters (O), attributed or not. */
  allRevenue: { collection: 'orders', per: 'row', combine: 'sum', scope: 'selection', daily: true },
  /** Count of O. */
  allOrders: { collection: 'orders', per: 'row', combine: 'sum', scope: 'selection' },
  /** Sum of impressions over the scope's exposure records in the period passing the channel filter. */
  impressions: exposureRow,
  /** Sum of reach over the same records. */
  reach: exposureRow,
  /** Sum of clicks over the same records. */
  clicks: exposureRow,
  /** Sum of engagements over the same records. */
  engagements: exposureRow,
  /** Exposure records in scope (0 means the channel reported nothing). */
  exposureRecords: exposureRow,
  /** Customers whose first order ever is in A. */
  newCustomers: { collection: 'orders', per: 'customer', combine: 'sum', scope: 'campaign', daily: true },
  /** Buyers with 2 or more orders in A. */
  repeatBuyers: { collection: 'orders', per: 'customer', combine: 'distinct', scope: 'campaign' },
  /** Buyers with another order within the return window after their first order in A. */
  retainedBuyers: { collection: 'orders', per: 'customer', combine: 'distinct', scope: 'campaign' },
  /** Sum of `earned` over the loyalty events of the period passing the channel filter. */
  pointsEarned: { collection: 'loyalty', per: 'row', combine: 'sum', scope: 'selection', daily: true },
  /** Sum of `redeemed` over the same events. */
  pointsRedeemed: { collection: 'loyalty', per: 'row', combine: 'sum', scope: 'selection', daily: true },
  /**
   * Customers who are members at the end of the period: with at least one valid loyalty
   * event whose local date is on or before the period's last day (any channel; no filter
   * applies). Whole selection: the same in every campaign scope.
   */
  members: { collection: 'loyalty', per: 'customer', combine: 'distinct', scope: 'selection' },
  /** Distinct customers of the loyalty events of the period passing the channel filter. Whole selection. */
  activeMembers: { collection: 'loyalty', per: 'customer', combine: 'distinct', scope: 'selection' },
  /** Revenue over O (the period's orders passing channel and attribute filters) of the customers who are members at the end of the period. Whole selection. */
  memberRevenue: { collection: 'orders', per: 'customer', combine: 'sum', scope: 'selection' },
  /** Count of those orders (O of members at the end of the period). Whole selection. */
  memberOrders: { collection: 'orders', per: 'customer', combine: 'sum', scope: 'selection' },
  /**
   * Sum of `earned` minus sum of `redeemed` over all valid loyalty events whose local date
   * is on or before the period's last day (no filter applies). Whole selection.
   */
  pointsOutstanding: { collection: 'loyalty', per: 'row', combine: 'sum', scope: 'selection' },
} as const satisfies Record<string, MeasureDeclaration>;

/** The name of a declared measure. */
export type MeasureName = keyof typeof MEASURES;

/** Every measure name, in declaration (accumulator) order. */
export const MEASURE_NAMES = Object.keys(MEASURES) as MeasureName[];

/** The name of a measure also accumulated per day of P (declared with `daily: true`). */
export type DailyMeasureName = {
  [K in MeasureName]: (typeof MEASURES)[K] extends { daily: true } ? K : never;
}[MeasureName];

/** Every daily measure, in declaration order (the layout of the engine's daily accumulators). */
export const DAILY_MEASURE_NAMES = MEASURE_NAMES.filter(
  (name): name is DailyMeasureName => (MEASURES[name] as MeasureDeclaration).daily === true,
);

/** What a scope's measures carry besides the declared measures: set when the report is assembled. */
export interface MeasureContext {
  /** Days in the period. */
  days: number;
  /** `lifetimeDays` option. */
  lifetimeDays: number;
  /** Sum of budgets of the scope's campaigns that have one; null when none has. */
  budget: number | null;
  /** Sum of pacing `spent` over the scope's campaigns that have a budget; null when none has. */
  budgetSpent: number | null;
  /** Sums of custom measures declared by registered KPIs, by name. */
  custom: Record<string, number>;
}

/** The aggregated measures of one scope (the whole selection, or one campaign) over one period. */
export type Measures = { [K in MeasureName]: number } & MeasureContext;

/** The measures of an empty scope. */
export function emptyMeasures(days: number, lifetimeDays: number): Measures {
  const m = {} as Record<MeasureName, number>;
  for (const name of MEASURE_NAMES) m[name] = 0;
  return { ...m, days, lifetimeDays, budget: null, budgetSpent: null, custom: {} };
}

/** The SQL column a measure is read from in the warehouse's statements: its name in snake case (`retained_buyers`). */
export function measureColumn(name: MeasureName): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
