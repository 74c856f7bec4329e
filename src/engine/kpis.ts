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
import type { KpiReason, LocalizedText } from '../core/vocabulary.js';

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

const t = (en: string, vi: string): LocalizedText => ({ en, vi });

const promoCost = (m: Measures): number => m.spend + m.discountCost;

const builtIns: Omit<KpiDefinition, 'builtIn'>[] = [
  {
    id: 'revenue',
    label: t('Promotion revenue', 'Doanh thu khuyến mãi'),
    description: t('Sum of revenue of attributed orders', 'Tổng doanh thu của các đơn được ghi nhận cho khuyến mãi'),
    unit: 'currency',
    polarity: 'higher-is-better',
    dailyField: 'revenue',
    compute: (m) => m.revenue,
  },
  {
    id: 'orders',
    label: t('Orders', 'Đơn hàng'),
    description: t('Count of attributed orders', 'Số đơn được ghi nhận cho khuyến mãi'),
    unit: 'count',
    polarity: 'higher-is-better',
    dailyField: 'orders',
    compute: (m) => m.orders,
  },
  {
    id: 'buyers',
    label: t('Buyers', 'Khách mua'),
    description: t('Distinct customers of attributed orders', 'Số khách hàng khác nhau của các đơn khuyến mãi'),
    unit: 'count',
    polarity: 'higher-is-better',
    dailyField: 'buyers',
    compute: (m) => m.buyers,
  },
  {
    id: 'aov',
    label: t('Average order value', 'Giá trị đơn trung bình'),
    description: t('Revenue / orders', 'Doanh thu / số đơn'),
    unit: 'currency',
    polarity: 'higher-is-better',
    dailyField: 'revenue',
    dailyPer: 'orders',
    compute: (m, f) => f.div(m.revenue, m.orders),
  },
  {
    id: 'discountCost',
    label: t('Discount cost', 'Chi phí giảm giá'),
    description: t('Sum of discounts granted on attributed orders', 'Tổng giảm giá trên các đơn khuyến mãi'),
    unit: 'currency',
    polarity: 'lower-is-better',
    dailyField: 'discountCost',
    compute: (m) => m.discountCost,
  },
  {
    id: 'spend',
    label: t('Campaign spend', 'Chi phí chiến dịch'),
    description: t(
      'Sum of promotion costs (media, gifts, staff...)',
      'Tổng chi phí chiến dịch (quảng cáo, quà tặng, nhân sự...)',
    ),
    unit: 'currency',
    polarity: 'lower-is-better',
    dailyField: 'spend',
    compute: (m) => m.spend,
  },
  {
    id: 'promoCost',
    label: t('Total promotion cost', 'Tổng chi phí khuyến mãi'),
    description: t('Campaign spend + discount cost', 'Chi phí chiến dịch + chi phí giảm giá'),
    unit: 'currency',
    polarity: 'lower-is-better',
    compute: (m) => promoCost(m),
  },
  {
    id: 'cogs',
    label: t('Cost of goods sold', 'Giá vốn hàng bán'),
    description: t('Sum of cogs of attributed orders', 'Tổng giá vốn của các đơn khuyến mãi'),
    unit: 'currency',
    polarity: 'neutral',
    compute: (m, f) => f.cogs(m),
  },
  {
    id: 'grossProfit',
    label: t('Gross profit', 'Lợi nhuận gộp'),
    description: t('Revenue − cogs − campaign spend', 'Doanh thu − giá vốn − chi phí chiến dịch'),
    unit: 'currency',
    polarity: 'higher-is-better',
    compute: (m, f) => f.sub(f.sub(m.revenue, f.cogs(m)), m.spend),
  },
  {
    id: 'roi',
    label: t('ROI', 'ROI (tỷ suất hoàn vốn)'),
    description: t('Gross profit / total promotion cost', 'Lợi nhuận gộp / tổng chi phí khuyến mãi'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(f.sub(f.sub(m.revenue, f.cogs(m)), m.spend), promoCost(m)),
  },
  {
    id: 'promoShare',
    label: t('Promotion share of sales', 'Tỷ trọng doanh thu khuyến mãi'),
    description: t('Promotion revenue / revenue of all orders', 'Doanh thu khuyến mãi / doanh thu toàn bộ đơn'),
    unit: 'ratio',
    polarity: 'neutral',
    dailyField: 'revenue',
    dailyPer: 'allRevenue',
    compute: (m, f) => f.div(m.revenue, m.allRevenue),
  },
  {
    id: 'impressions',
    label: t('Impressions', 'Lượt hiển thị'),
    description: t('Sum of impressions reported', 'Tổng lượt hiển thị được báo cáo'),
    unit: 'count',
    polarity: 'higher-is-better',
    compute: (m, f) => f.exposure(m, 'impressions'),
  },
  {
    id: 'reach',
    label: t('Reach', 'Lượt tiếp cận'),
    description: t('Sum of reach reported', 'Tổng lượt tiếp cận được báo cáo'),
    unit: 'count',
    polarity: 'higher-is-better',
    compute: (m, f) => f.exposure(m, 'reach'),
  },
  {
    id: 'clicks',
    label: t('Clicks', 'Lượt nhấp'),
    description: t('Sum of clicks reported', 'Tổng lượt nhấp được báo cáo'),
    unit: 'count',
    polarity: 'higher-is-better',
    compute: (m, f) => f.exposure(m, 'clicks'),
  },
  {
    id: 'engagements',
    label: t('Engagements', 'Lượt tương tác'),
    description: t('Sum of engagements reported', 'Tổng lượt tương tác được báo cáo'),
    unit: 'count',
    polarity: 'higher-is-better',
    compute: (m, f) => f.exposure(m, 'engagements'),
  },
  {
    id: 'ctr',
    label: t('Click-through rate', 'Tỷ lệ nhấp (CTR)'),
    description: t('Clicks / impressions', 'Lượt nhấp / lượt hiển thị'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(f.exposure(m, 'clicks'), f.exposure(m, 'impressions')),
  },
  {
    id: 'engagementRate',
    label: t('Engagement rate', 'Tỷ lệ tương tác'),
    description: t('Engagements / reach', 'Lượt tương tác / lượt tiếp cận'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(f.exposure(m, 'engagements'), f.exposure(m, 'reach')),
  },
  {
    id: 'conversionRate',
    label: t('Conversion rate', 'Tỷ lệ chuyển đổi'),
    description: t('Buyers / reach', 'Khách mua / lượt tiếp cận'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(m.buyers, f.exposure(m, 'reach')),
  },
  {
    id: 'newCustomers',
    label: t('New customers', 'Khách hàng mới'),
    description: t('Customers whose first order is attributed', 'Khách có đơn đầu tiên thuộc khuyến mãi'),
    unit: 'count',
    polarity: 'higher-is-better',
    compute: (m) => m.newCustomers,
  },
  {
    id: 'cac',
    label: t('Customer acquisition cost', 'Chi phí thu hút khách (CAC)'),
    description: t('Total promotion cost / new customers', 'Tổng chi phí khuyến mãi / khách hàng mới'),
    unit: 'currency',
    polarity: 'lower-is-better',
    compute: (m, f) => f.div(promoCost(m), m.newCustomers),
  },
  {
    id: 'repeatRate',
    label: t('Repeat purchase rate', 'Tỷ lệ mua lại'),
    description: t('Buyers with 2+ orders / buyers', 'Khách có từ 2 đơn / khách mua'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(m.repeatBuyers, m.buyers),
  },
  {
    id: 'retentionRate',
    label: t('Retention rate', 'Tỷ lệ giữ chân khách'),
    description: t(
      'Buyers who ordered again within the return window / buyers',
      'Khách mua lại trong khoảng thời gian quay lại / khách mua',
    ),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(m.retainedBuyers, m.buyers),
  },
  {
    id: 'cltv',
    label: t('Customer lifetime value', 'Giá trị vòng đời khách (CLTV)'),
    description: t(
      '((revenue − cogs) / buyers) × (lifetime days / period days)',
      '((doanh thu − giá vốn) / khách mua) × (số ngày vòng đời / số ngày kỳ)',
    ),
    unit: 'currency',
    polarity: 'higher-is-better',
    compute: (m, f) => f.mul(f.div(f.sub(m.revenue, f.cogs(m)), m.buyers), f.div(m.lifetimeDays, m.days)),
  },
  {
    id: 'costPerReach',
    label: t('Cost per reach', 'Chi phí mỗi lượt tiếp cận'),
    description: t('Total promotion cost / reach', 'Tổng chi phí khuyến mãi / lượt tiếp cận'),
    unit: 'currency',
    polarity: 'lower-is-better',
    compute: (m, f) => f.div(promoCost(m), f.exposure(m, 'reach')),
  },
  {
    id: 'costPerConversion',
    label: t('Cost per conversion', 'Chi phí mỗi chuyển đổi'),
    description: t('Total promotion cost / buyers', 'Tổng chi phí khuyến mãi / khách mua'),
    unit: 'currency',
    polarity: 'lower-is-better',
    compute: (m, f) => f.div(promoCost(m), m.buyers),
  },
  {
    id: 'pointsEarned',
    label: t('Points earned', 'Điểm tích lũy'),
    description: t('Sum of loyalty points earned', 'Tổng điểm thưởng đã tích'),
    unit: 'count',
    polarity: 'neutral',
    compute: (m) => m.pointsEarned,
  },
  {
    id: 'pointsRedeemed',
    label: t('Points redeemed', 'Điểm đã đổi'),
    description: t('Sum of loyalty points redeemed', 'Tổng điểm thưởng đã đổi'),
    unit: 'count',
    polarity: 'neutral',
    compute: (m) => m.pointsRedeemed,
  },
  {
    id: 'redemptionRate',
    label: t('Points redemption rate', 'Tỷ lệ đổi điểm'),
    description: t('Points redeemed / points earned', 'Điểm đã đổi / điểm đã tích'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(m.pointsRedeemed, m.pointsEarned),
  },
  {
    id: 'budget',
    label: t('Budget', 'Ngân sách'),
    description: t('Sum of budgets of the selected campaigns', 'Tổng ngân sách của các chiến dịch đã chọn'),
    unit: 'currency',
    polarity: 'neutral',
    noPrevious: true,
    compute: (m, f) => (m.budget === null ? f.missing('no-budget') : m.budget),
  },
  {
    id: 'budgetUsed',
    label: t('Budget used', 'Ngân sách đã dùng'),
    description: t('Spent to date / budget', 'Đã chi đến nay / ngân sách'),
    unit: 'ratio',
    polarity: 'neutral',
    noPrevious: true,
    compute: (m, f) =>
      m.budget === null || m.budgetSpent === null
        ? f.missing('no-budget')
        : f.div(m.budgetSpent, m.budget, 'no-budget'),
  },
  {
    id: 'members',
    label: t('Loyalty members', 'Thành viên'),
    description: t(
      'Customers with a loyalty event on or before the end of the period',
      'Khách có hoạt động tích điểm đến hết kỳ',
    ),
    unit: 'count',
    polarity: 'higher-is-better',
    compute: (m) => m.members,
  },
  {
    id: 'activeMembers',
    label: t('Active members', 'Thành viên hoạt động'),
    description: t(
      'Distinct customers with loyalty activity in the period',
      'Số khách khác nhau có hoạt động tích/đổi điểm trong kỳ',
    ),
    unit: 'count',
    polarity: 'higher-is-better',
    compute: (m) => m.activeMembers,
  },
  {
    id: 'memberRevenueShare',
    label: t("Members' share of sales", 'Tỷ trọng doanh thu thành viên'),
    description: t('Revenue of members / revenue of all orders', 'Doanh thu của thành viên / doanh thu toàn bộ đơn'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(m.memberRevenue, m.allRevenue),
  },
  {
    id: 'memberAov',
    label: t('Member average order value', 'Giá trị đơn trung bình của thành viên'),
    description: t("Members' revenue / members' orders", 'Doanh thu thành viên / số đơn của thành viên'),
    unit: 'currency',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(m.memberRevenue, m.memberOrders),
  },
  {
    id: 'nonMemberAov',
    label: t('Non-member average order value', 'Giá trị đơn trung bình của khách không phải thành viên'),
    description: t(
      "Other customers' revenue / their orders",
      'Doanh thu của khách không phải thành viên / số đơn của họ',
    ),
    unit: 'currency',
    polarity: 'neutral',
    compute: (m, f) => f.div(m.allRevenue - m.memberRevenue, m.allOrders - m.memberOrders),
  },
  {
    id: 'pointsOutstanding',
    label: t('Points outstanding', 'Điểm chưa đổi'),
    description: t(
      'Points earned − points redeemed, all time to the end of the period',
      'Điểm đã tích − điểm đã đổi, từ đầu đến hết kỳ',
    ),
    unit: 'count',
    polarity: 'neutral',
    compute: (m) => m.pointsOutstanding,
  },
];

/** The kit's KPIs, in KPI-SPEC section 3 order. */
export const BUILT_IN_KPIS: readonly KpiDefinition[] = builtIns.map((d) => Object.freeze({ ...d, builtIn: true }));

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
