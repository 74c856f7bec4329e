/**
 * What a KPI is: its definition (metadata, formula, custom measures), the measures a
 * formula reads, the arithmetic helpers that carry the reason of a missing value, and the
 * evaluation of a formula. The kit's own KPIs are declared in `kpis/builtins.ts`; the
 * registry that holds them and custom KPIs (the plugin SDK) is `kpis/registry.ts`.
 *
 * A KPI is a formula over the *measures* of a scope (the sums and counts the engine
 * aggregates in one pass: revenue, orders, buyers, spend, reach ...). Because formulas only
 * see measures, the same definitions run in the browser engine and over measures a
 * warehouse computed in SQL.
 *
 * ```ts
 * import { registerKpi } from 'promo-kpi-kit/engine';
 * registerKpi({
 *   id: 'giftCostPerOrder',
 *   label: { en: 'Gift cost per order', vi: 'Chi phí quà tặng mỗi đơn' },
 *   unit: 'currency',
 *   polarity: 'lower-is-better',
 *   measures: { giftCost: { collection: 'costs', value: (c) => (c.category === 'gift' ? c.amount : 0) } },
 *   compute: (m, f) => f.div(m.custom.giftCost, m.orders),
 * });
 * ```
 *
 * DOM-free.
 */
import type { Measures } from './measures.js';
import type { KpiMeta } from './report-types.js';
import type { KpiReason } from '../core/vocabulary.js';

/** Version of the KPI plugin API. Bumped on a breaking change of {@link KpiDefinition}. */
export const KPI_API_VERSION = 1;

/** The aggregated measures of one scope; declared with the measures (`measures.ts`), re-exported here. */
export type { Measures } from './measures.js';

/** A value that could not be computed, and why. */
export interface Missing {
  reason: KpiReason;
}

/** What a formula returns: a number, or why there is none. */
export type KpiResult = number | Missing;

export function isMissing(v: KpiResult | null | undefined): v is Missing {
  return typeof v === 'object' && v !== null;
}

/** Arithmetic that carries reasons: any missing operand gives the first missing reason. */
export interface FormulaHelpers {
  missing(reason: KpiReason): Missing;
  add(a: KpiResult, b: KpiResult): KpiResult;
  sub(a: KpiResult, b: KpiResult): KpiResult;
  mul(a: KpiResult, b: KpiResult): KpiResult;
  /** `a / b`; a zero (or non-finite) denominator gives `no-data`. */
  div(a: KpiResult, b: KpiResult, reasonWhenZero?: KpiReason): KpiResult;
  /** The cogs of the scope, or `missing-cogs` when an order lacks it. */
  cogs(m: Measures): KpiResult;
  /** An exposure measure, or `no-exposures` when the scope has no exposure record. */
  exposure(m: Measures, key: 'impressions' | 'reach' | 'clicks' | 'engagements'): KpiResult;
}

/** Records as custom measures see them. */
export interface OrderView {
  revenue: number;
  discount: number;
  cogs: number | null;
  campaignId: string | null;
  channel: string | null;
  /** Epoch ms. */
  time: number;
}
export interface CostView {
  amount: number;
  category: string | null;
  campaignId: string;
  /** Local date `YYYY-MM-DD`. */
  date: string;
}
export interface ExposureView {
  impressions: number;
  reach: number;
  clicks: number;
  engagements: number;
  campaignId: string;
  channel: string | null;
  date: string;
}
export interface LoyaltyView {
  earned: number;
  redeemed: number;
  channel: string | null;
  time: number;
}

/**
 * A measure a custom KPI needs beyond the built-in ones: a per-record value the engine
 * sums over the scope's records of one collection (attributed orders A, costs,
 * exposures or loyalty events), in the same pass as the built-in measures.
 */
export type CustomMeasure = (
  | { collection: 'orders'; value: (r: OrderView) => number }
  | { collection: 'costs'; value: (r: CostView) => number }
  | { collection: 'exposures'; value: (r: ExposureView) => number }
  | { collection: 'loyalty'; value: (r: LoyaltyView) => number }
) & {
  /**
   * The same per-record value as one SQL expression, for the warehouse pushdown
   * (`promo-kpi-kit/server`), over the normalised columns of the collection (e.g.
   * `CASE WHEN category = 'gift' THEN amount ELSE 0 END`). Without it the measure cannot
   * run in a warehouse and the pushdown reports it.
   */
  sql?: string;
};

/** A KPI: what to call it, how to show it, how to compute it. */
export interface KpiDefinition extends KpiMeta {
  /** The formula over the scope's measures. Must not throw; return `f.missing(reason)` instead. */
  compute(m: Measures, f: FormulaHelpers): KpiResult;
  /** Custom measures this KPI needs, by name (available as `m.custom[name]`). */
  measures?: Record<string, CustomMeasure>;
  /** True when the KPI has no previous-period value (budgets). */
  noPrevious?: boolean;
  /**
   * Not read: the board's default tiles are the list `DEFAULT_BOARD_KPIS`.
   * @deprecated Set the board's `kpis` property instead.
   */
  board?: number;
  /** True for the kit's own KPIs. */
  builtIn?: boolean;
}

export const formula: FormulaHelpers = {
  missing: (reason) => ({ reason }),
  add: (a, b) => (isMissing(a) ? a : isMissing(b) ? b : a + b),
  sub: (a, b) => (isMissing(a) ? a : isMissing(b) ? b : a - b),
  mul: (a, b) => (isMissing(a) ? a : isMissing(b) ? b : a * b),
  div: (a, b, reasonWhenZero = 'no-data') => {
    if (isMissing(a)) return a;
    if (isMissing(b)) return b;
    if (b === 0 || !Number.isFinite(b)) return { reason: reasonWhenZero };
    const q = a / b;
    return Number.isFinite(q) ? q : { reason: 'no-data' };
  },
  cogs: (m) => (m.missingCogs > 0 ? { reason: 'missing-cogs' } : m.cogs),
  exposure: (m, key) => (m.exposureRecords > 0 ? m[key] : { reason: 'no-exposures' }),
};

/** The measures of an empty scope; declared with the measures (`measures.ts`), re-exported here. */
export { emptyMeasures } from './measures.js';

/** Evaluates one KPI over measures; a formula that throws or returns a non-finite number gives `no-data`. */
export function evaluateKpi(def: KpiDefinition, m: Measures): KpiResult {
  try {
    const v = def.compute(m, formula);
    if (isMissing(v)) return v;
    return typeof v === 'number' && Number.isFinite(v) ? v : { reason: 'no-data' };
  } catch {
    return { reason: 'no-data' };
  }
}
