/**
 * The KPI registry: every KPI of KPI-SPEC section 3 as a definition, and the plugin SDK
 * for custom KPIs.
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
import { BUILT_IN_KPI_DECLARATIONS } from './kpis/builtins.js';

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
  /** Position among the default board's tiles (`DEFAULT_BOARD_KPIS`); built-in KPIs only. */
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

/** The kit's KPIs, in KPI-SPEC section 3 order (declared in `kpis/builtins.ts`). */
export const BUILT_IN_KPIS: readonly KpiDefinition[] = BUILT_IN_KPI_DECLARATIONS.map((d) =>
  Object.freeze({ ...d, builtIn: true }),
);

/** The KPI tiles of the board's default layout, in order (the built-in KPIs declared with `board`). */
export const DEFAULT_BOARD_KPIS: readonly string[] = Object.freeze(
  BUILT_IN_KPIS.filter((d) => d.board !== undefined)
    .sort((a, b) => a.board! - b.board!)
    .map((d) => d.id),
);

const registry = new Map<string, KpiDefinition>(BUILT_IN_KPIS.map((d) => [d.id, d]));
const listeners = new Set<() => void>();

const ID_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Registers a custom KPI (or replaces a custom one with the same id). Built-in ids cannot
 * be replaced. Throws a TypeError for an invalid definition, so mistakes show at startup.
 */
export function registerKpi(def: KpiDefinition): void {
  if (!def || typeof def !== 'object') throw new TypeError('registerKpi: expected a KPI definition object');
  if (typeof def.id !== 'string' || !ID_RE.test(def.id))
    throw new TypeError(`registerKpi: id must match ${ID_RE} (got ${JSON.stringify(def.id)})`);
  if (registry.get(def.id)?.builtIn)
    throw new TypeError(`registerKpi: "${def.id}" is a built-in KPI and cannot be replaced`);
  if (typeof def.compute !== 'function')
    throw new TypeError(`registerKpi: "${def.id}" needs a compute(measures, f) function`);
  if (!def.label || typeof def.label.en !== 'string' || typeof def.label.vi !== 'string')
    throw new TypeError(`registerKpi: "${def.id}" needs label.en and label.vi`);
  if (!['currency', 'count', 'ratio', 'number'].includes(def.unit))
    throw new TypeError(`registerKpi: "${def.id}" has unknown unit ${JSON.stringify(def.unit)}`);
  if (!['higher-is-better', 'lower-is-better', 'neutral'].includes(def.polarity))
    throw new TypeError(`registerKpi: "${def.id}" has unknown polarity ${JSON.stringify(def.polarity)}`);
  if (def.additive !== undefined && typeof def.additive !== 'boolean')
    throw new TypeError(`registerKpi: "${def.id}" additive must be true or false`);
  for (const [name, m] of Object.entries(def.measures ?? {})) {
    if (!['orders', 'costs', 'exposures', 'loyalty'].includes(m?.collection) || typeof m.value !== 'function')
      throw new TypeError(`registerKpi: "${def.id}" measure "${name}" needs a collection and a value(record) function`);
  }
  registry.set(def.id, Object.freeze({ ...def, builtIn: false }));
  for (const l of listeners) l();
}

/** Removes a custom KPI. Returns whether one was removed. */
export function unregisterKpi(id: string): boolean {
  const d = registry.get(id);
  if (!d || d.builtIn) return false;
  registry.delete(id);
  for (const l of listeners) l();
  return true;
}

/** The definition of a KPI, built-in or custom. */
export function getKpi(id: string): KpiDefinition | undefined {
  return registry.get(id);
}

/** Every KPI, built-ins first in spec order, then custom ones in registration order. */
export function listKpis(): KpiDefinition[] {
  return [...registry.values()];
}

/**
 * The plain metadata of a KPI (no formula), as a report carries it in `report.kpiMeta`:
 * structured-clone and JSON safe, `additive` always set, optional fields only when present.
 */
export function describeKpi(def: KpiMeta): KpiMeta {
  const meta: KpiMeta = {
    id: def.id,
    label: { en: def.label.en, vi: def.label.vi },
    unit: def.unit,
    polarity: def.polarity,
    additive: def.additive === true,
  };
  if (def.description) meta.description = { en: def.description.en, vi: def.description.vi };
  if (def.dailyField) meta.dailyField = def.dailyField;
  if (def.dailyPer) meta.dailyPer = def.dailyPer;
  return meta;
}

/**
 * The metadata of registered KPIs by id (`ids`, default every registered KPI; unknown ids
 * are left out): what `report.kpiMeta` holds. For a report made by hand, so widgets can
 * show its KPIs: `report.kpiMeta = describeKpis(Object.keys(report.kpis))`.
 */
export function describeKpis(ids?: Iterable<string>): Record<string, KpiMeta> {
  const defs = ids === undefined ? [...registry.values()] : [...ids].map((id) => registry.get(id));
  return Object.fromEntries(defs.filter((d) => d !== undefined).map((d) => [d.id, describeKpi(d)]));
}

/** Calls `listener` whenever a custom KPI is registered or removed. Returns an unsubscribe function. */
export function onKpiRegistryChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

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
