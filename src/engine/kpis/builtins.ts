/**
 * The kit's KPIs (KPI-SPEC section 3), one declaration each, in spec order: every fact of
 * a KPI in one place. From this table come the registry's built-in definitions
 * (`BUILT_IN_KPIS`), the metadata each report carries (`report.kpiMeta`: labels and
 * descriptions in English and Vietnamese, unit, polarity, additive, daily series) and the
 * campaign chart's "others" row (additive KPIs only). The board's default tiles are listed
 * in `board-tiles.ts` (`DEFAULT_BOARD_KPIS`).
 *
 * A declaration holds:
 * - `id`, `label` and `description` (English and Vietnamese);
 * - `unit` (how the value is formatted) and `polarity` (whether a rise is good news);
 * - `additive`: a sum over campaigns, so campaigns may be added up;
 * - `dailyField` (and `dailyPer` for a ratio): the keys of `report.daily` points that give
 *   its daily series, if any: a KPI that is a sum over the period's records, or a ratio of
 *   such sums, has one (each day's value from that day's records alone, a ratio from that
 *   day's numerator and denominator); the others say why they have none;
 * - `noPrevious`: no value over the comparison period (budgets);
 * - `compute`: the formula over the scope's measures, through the helpers `f` that carry
 *   the reason of a missing value.
 *
 * DOM-free.
 */
import type { KpiDefinition, Measures } from '../kpis.js';
import type { LocalizedText } from '../../core/vocabulary.js';

const t = (en: string, vi: string): LocalizedText => ({ en, vi });

const promoCost = (m: Measures): number => m.spend + m.discountCost;

export const BUILT_IN_KPI_DECLARATIONS: readonly Omit<KpiDefinition, 'builtIn'>[] = [
  {
    id: 'revenue',
    label: t('Promotion revenue', 'Doanh thu khuyến mãi'),
    description: t('Sum of revenue of attributed orders', 'Tổng doanh thu của các đơn được ghi nhận cho khuyến mãi'),
    unit: 'currency',
    polarity: 'higher-is-better',
    additive: true,
    dailyField: 'revenue',
    compute: (m) => m.revenue,
  },
  {
    id: 'orders',
    label: t('Orders', 'Đơn hàng'),
    description: t('Count of attributed orders', 'Số đơn được ghi nhận cho khuyến mãi'),
    unit: 'count',
    polarity: 'higher-is-better',
    additive: true,
    dailyField: 'orders',
    compute: (m) => m.orders,
  },
  {
    id: 'buyers',
    label: t('Buyers', 'Khách mua'),
    description: t('Distinct customers of attributed orders', 'Số khách hàng khác nhau của các đơn khuyến mãi'),
    unit: 'count',
    polarity: 'higher-is-better',
    additive: false,
    dailyField: 'buyers',
    compute: (m) => m.buyers,
  },
  {
    id: 'aov',
    label: t('Average order value', 'Giá trị đơn trung bình'),
    description: t('Revenue / orders', 'Doanh thu / số đơn'),
    unit: 'currency',
    polarity: 'higher-is-better',
    additive: false,
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
    additive: true,
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
    additive: true,
    dailyField: 'spend',
    compute: (m) => m.spend,
  },
  {
    id: 'promoCost',
    label: t('Total promotion cost', 'Tổng chi phí khuyến mãi'),
    description: t('Campaign spend + discount cost', 'Chi phí chiến dịch + chi phí giảm giá'),
    unit: 'currency',
    polarity: 'lower-is-better',
    additive: true,
    dailyField: 'promoCost',
    compute: (m) => promoCost(m),
  },
  {
    id: 'cogs',
    label: t('Cost of goods sold', 'Giá vốn hàng bán'),
    description: t('Sum of cogs of attributed orders', 'Tổng giá vốn của các đơn khuyến mãi'),
    unit: 'currency',
    polarity: 'neutral',
    additive: true,
    dailyField: 'cogs',
    compute: (m, f) => f.cogs(m),
  },
  {
    id: 'grossProfit',
    label: t('Gross profit', 'Lợi nhuận gộp'),
    description: t('Revenue − cogs − campaign spend', 'Doanh thu − giá vốn − chi phí chiến dịch'),
    unit: 'currency',
    polarity: 'higher-is-better',
    additive: true,
    dailyField: 'grossProfit',
    compute: (m, f) => f.sub(f.sub(m.revenue, f.cogs(m)), m.spend),
  },
  {
    id: 'roi',
    label: t('ROI', 'ROI (tỷ suất hoàn vốn)'),
    description: t('Gross profit / total promotion cost', 'Lợi nhuận gộp / tổng chi phí khuyến mãi'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    dailyField: 'grossProfit',
    dailyPer: 'promoCost',
    compute: (m, f) => f.div(f.sub(f.sub(m.revenue, f.cogs(m)), m.spend), promoCost(m)),
  },
  {
    id: 'promoShare',
    label: t('Promotion share of sales', 'Tỷ trọng doanh thu khuyến mãi'),
    description: t('Promotion revenue / revenue of all orders', 'Doanh thu khuyến mãi / doanh thu toàn bộ đơn'),
    unit: 'ratio',
    polarity: 'neutral',
    additive: false,
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
    additive: true,
    dailyField: 'impressions',
    compute: (m, f) => f.exposure(m, 'impressions'),
  },
  {
    id: 'reach',
    label: t('Reach', 'Lượt tiếp cận'),
    description: t('Sum of reach reported', 'Tổng lượt tiếp cận được báo cáo'),
    unit: 'count',
    polarity: 'higher-is-better',
    additive: false,
    dailyField: 'reach',
    compute: (m, f) => f.exposure(m, 'reach'),
  },
  {
    id: 'clicks',
    label: t('Clicks', 'Lượt nhấp'),
    description: t('Sum of clicks reported', 'Tổng lượt nhấp được báo cáo'),
    unit: 'count',
    polarity: 'higher-is-better',
    additive: true,
    dailyField: 'clicks',
    compute: (m, f) => f.exposure(m, 'clicks'),
  },
  {
    id: 'engagements',
    label: t('Engagements', 'Lượt tương tác'),
    description: t('Sum of engagements reported', 'Tổng lượt tương tác được báo cáo'),
    unit: 'count',
    polarity: 'higher-is-better',
    additive: true,
    dailyField: 'engagements',
    compute: (m, f) => f.exposure(m, 'engagements'),
  },
  {
    id: 'ctr',
    label: t('Click-through rate', 'Tỷ lệ nhấp (CTR)'),
    description: t('Clicks / impressions', 'Lượt nhấp / lượt hiển thị'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    dailyField: 'clicks',
    dailyPer: 'impressions',
    compute: (m, f) => f.div(f.exposure(m, 'clicks'), f.exposure(m, 'impressions')),
  },
  {
    id: 'engagementRate',
    label: t('Engagement rate', 'Tỷ lệ tương tác'),
    description: t('Engagements / reach', 'Lượt tương tác / lượt tiếp cận'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    dailyField: 'engagements',
    dailyPer: 'reach',
    compute: (m, f) => f.div(f.exposure(m, 'engagements'), f.exposure(m, 'reach')),
  },
  {
    id: 'conversionRate',
    label: t('Conversion rate', 'Tỷ lệ chuyển đổi'),
    description: t('Buyers / reach', 'Khách mua / lượt tiếp cận'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    dailyField: 'buyers',
    dailyPer: 'reach',
    compute: (m, f) => f.div(m.buyers, f.exposure(m, 'reach')),
  },
  {
    id: 'newCustomers',
    label: t('New customers', 'Khách hàng mới'),
    description: t('Customers whose first order is attributed', 'Khách có đơn đầu tiên thuộc khuyến mãi'),
    unit: 'count',
    polarity: 'higher-is-better',
    additive: true,
    dailyField: 'newCustomers',
    compute: (m) => m.newCustomers,
  },
  {
    id: 'cac',
    label: t('Customer acquisition cost', 'Chi phí thu hút khách (CAC)'),
    description: t('Total promotion cost / new customers', 'Tổng chi phí khuyến mãi / khách hàng mới'),
    unit: 'currency',
    polarity: 'lower-is-better',
    additive: false,
    dailyField: 'promoCost',
    dailyPer: 'newCustomers',
    compute: (m, f) => f.div(promoCost(m), m.newCustomers),
  },
  // No daily series: a day's buyers with 2+ orders that day is another measure (same-day
  // repeat), not this KPI over a day; its numerator needs the whole period's orders.
  {
    id: 'repeatRate',
    label: t('Repeat purchase rate', 'Tỷ lệ mua lại'),
    description: t('Buyers with 2+ orders / buyers', 'Khách có từ 2 đơn / khách mua'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    compute: (m, f) => f.div(m.repeatBuyers, m.buyers),
  },
  // No daily series: a buyer's retention looks past the day into the return window after
  // their first order in A over the whole period; split by day it would neither follow that
  // definition nor be known for the last days of the period until the window has passed.
  {
    id: 'retentionRate',
    label: t('Retention rate', 'Tỷ lệ giữ chân khách'),
    description: t(
      'Buyers who ordered again within the return window / buyers',
      'Khách mua lại trong khoảng thời gian quay lại / khách mua',
    ),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    compute: (m, f) => f.div(m.retainedBuyers, m.buyers),
  },
  // No daily series: scaled by lifetime days over the period's days, it is not a sum or a
  // ratio of sums per day (one day would be scaled by 365).
  {
    id: 'cltv',
    label: t('Customer lifetime value', 'Giá trị vòng đời khách (CLTV)'),
    description: t(
      '((revenue − cogs) / buyers) × (lifetime days / period days)',
      '((doanh thu − giá vốn) / khách mua) × (số ngày vòng đời / số ngày kỳ)',
    ),
    unit: 'currency',
    polarity: 'higher-is-better',
    additive: false,
    compute: (m, f) => f.mul(f.div(f.sub(m.revenue, f.cogs(m)), m.buyers), f.div(m.lifetimeDays, m.days)),
  },
  {
    id: 'costPerReach',
    label: t('Cost per reach', 'Chi phí mỗi lượt tiếp cận'),
    description: t('Total promotion cost / reach', 'Tổng chi phí khuyến mãi / lượt tiếp cận'),
    unit: 'currency',
    polarity: 'lower-is-better',
    additive: false,
    dailyField: 'promoCost',
    dailyPer: 'reach',
    compute: (m, f) => f.div(promoCost(m), f.exposure(m, 'reach')),
  },
  {
    id: 'costPerConversion',
    label: t('Cost per conversion', 'Chi phí mỗi chuyển đổi'),
    description: t('Total promotion cost / buyers', 'Tổng chi phí khuyến mãi / khách mua'),
    unit: 'currency',
    polarity: 'lower-is-better',
    additive: false,
    dailyField: 'promoCost',
    dailyPer: 'buyers',
    compute: (m, f) => f.div(promoCost(m), m.buyers),
  },
  {
    id: 'pointsEarned',
    label: t('Points earned', 'Điểm tích lũy'),
    description: t('Sum of loyalty points earned', 'Tổng điểm thưởng đã tích'),
    unit: 'count',
    polarity: 'neutral',
    additive: true,
    dailyField: 'pointsEarned',
    compute: (m) => m.pointsEarned,
  },
  {
    id: 'pointsRedeemed',
    label: t('Points redeemed', 'Điểm đã đổi'),
    description: t('Sum of loyalty points redeemed', 'Tổng điểm thưởng đã đổi'),
    unit: 'count',
    polarity: 'neutral',
    additive: true,
    dailyField: 'pointsRedeemed',
    compute: (m) => m.pointsRedeemed,
  },
  {
    id: 'redemptionRate',
    label: t('Points redemption rate', 'Tỷ lệ đổi điểm'),
    description: t('Points redeemed / points earned', 'Điểm đã đổi / điểm đã tích'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    dailyField: 'pointsRedeemed',
    dailyPer: 'pointsEarned',
    compute: (m, f) => f.div(m.pointsRedeemed, m.pointsEarned),
  },
  // Budgets and their use are stocks of the campaigns, not sums over days: no daily series.
  {
    id: 'budget',
    label: t('Budget', 'Ngân sách'),
    description: t('Sum of budgets of the selected campaigns', 'Tổng ngân sách của các chiến dịch đã chọn'),
    unit: 'currency',
    polarity: 'neutral',
    additive: true,
    noPrevious: true,
    compute: (m, f) => (m.budget === null ? f.missing('no-budget') : m.budget),
  },
  {
    id: 'budgetUsed',
    label: t('Budget used', 'Ngân sách đã dùng'),
    description: t('Spent to date / budget', 'Đã chi đến nay / ngân sách'),
    unit: 'ratio',
    polarity: 'neutral',
    additive: false,
    noPrevious: true,
    compute: (m, f) =>
      m.budget === null || m.budgetSpent === null
        ? f.missing('no-budget')
        : f.div(m.budgetSpent, m.budget, 'no-budget'),
  },
  // Members, active members, the member shares and points outstanding: no daily series.
  // Membership is taken at the end of the period (and points outstanding over all time),
  // and active members are distinct customers of the period, so none is a sum or a ratio of
  // sums over the period's days.
  {
    id: 'members',
    label: t('Loyalty members', 'Thành viên'),
    description: t(
      'Customers with a loyalty event on or before the end of the period',
      'Khách có hoạt động tích điểm đến hết kỳ',
    ),
    unit: 'count',
    polarity: 'higher-is-better',
    additive: false,
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
    additive: false,
    compute: (m) => m.activeMembers,
  },
  {
    id: 'memberRevenueShare',
    label: t("Members' share of sales", 'Tỷ trọng doanh thu thành viên'),
    description: t('Revenue of members / revenue of all orders', 'Doanh thu của thành viên / doanh thu toàn bộ đơn'),
    unit: 'ratio',
    polarity: 'higher-is-better',
    additive: false,
    compute: (m, f) => f.div(m.memberRevenue, m.allRevenue),
  },
  {
    id: 'memberAov',
    label: t('Member average order value', 'Giá trị đơn trung bình của thành viên'),
    description: t("Members' revenue / members' orders", 'Doanh thu thành viên / số đơn của thành viên'),
    unit: 'currency',
    polarity: 'higher-is-better',
    additive: false,
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
    additive: false,
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
    additive: false,
    compute: (m) => m.pointsOutstanding,
  },
];
