/**
 * Every UI string of the kit, in English and Vietnamese. DOM-free.
 *
 * `t(locale, key, params)` picks the shipped locale nearest to `locale` (`vi-VN` -> `vi`,
 * any other tag -> `en`) and fills `{name}` placeholders.
 */
import { baseLocale } from '../format/format.js';
import type { KpiReason, Locale } from '../engine/types.js';

const en = {
  // states
  loading: 'Loading…',
  empty: 'No data for this period.',
  error: 'This widget could not be shown.',
  partial: 'Some values could not be computed.',
  // reasons a KPI has no value
  'reason.no-data': 'no data (nothing to divide by)',
  'reason.missing-cogs': 'cost of goods missing on some orders',
  'reason.no-exposures': 'no reach or impression data',
  'reason.no-budget': 'no budget set',
  // budget status
  'status.scheduled': 'Scheduled',
  'status.on-track': 'On track',
  'status.at-risk': 'At risk',
  'status.over-budget': 'Over budget',
  'status.ended': 'Ended',
  'status.under-pace': 'Under-spending',
  'outcome.on-track': 'On budget',
  'outcome.under-pace': 'Under budget',
  'outcome.over-budget': 'Over budget',
  gaugeMore: '{count} campaigns with a budget',
  // data and export actions
  actions: 'Data and export',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  exportCsv: 'Export CSV',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  // deltas
  'delta.up': 'up {value} vs previous period',
  'delta.down': 'down {value} vs previous period',
  'delta.flat': 'unchanged vs previous period',
  'delta.none': 'no comparison with the previous period',
  'delta.good': 'better',
  'delta.bad': 'worse',
  'delta.points': '{value} pts',
  'delta.pointsLong': '{value} percentage points',
  previous: 'Previous period',
  change: 'Change',
  // tile
  unknownKpi: 'Unknown KPI "{id}"',
  unknownCampaign: 'Unknown campaign "{id}"',
  target: 'Target',
  targetProgress: '{percent} of target {target}',
  trend: 'Daily trend, {from} to {to}',
  date: 'Date',
  kpi: 'KPI',
  value: 'Value',
  // budget gauge
  budgetPacing: 'Budget pacing',
  campaign: 'Campaign',
  budget: 'Budget',
  spent: 'Spent',
  expected: 'Expected by today',
  projected: 'Projected at end',
  remaining: 'Remaining',
  projectedRevenue: 'Projected revenue',
  pace: 'Pace',
  status: 'Status',
  days: 'Day {elapsed} of {total}',
  daysElapsed: 'Days elapsed',
  noBudgets: 'No campaign with a budget in this report.',
  gaugeSummary:
    '{name}: {status}. Spent {spent} of {budget} ({percent}); expected by today {expected}; projected at end {projected}; remaining {remaining}; projected revenue {revenue}.',
  overBy: 'over by {value}',
  // campaign chart
  'chart.title': '{kpi} by campaign',
  'chart.titleVs': '{kpi} and {secondary} by campaign',
  'chart.others': 'Others ({count})',
  'chart.rank': 'Rank',
  'chart.rankOf': 'rank {rank} of {total}',
  'chart.selected': 'selected',
  'chart.summary': '{count} campaigns. Best: {name}, {value}.',
  'chart.noCampaigns': 'No campaigns in this report.',
  'chart.select': 'Select a campaign with Enter or Space to filter by it.',
  'chart.topAxis': '{kpi} (top axis)',
  'trend.title': 'Sales over time: campaigns against the store total',
  'trend.total': 'All sales (store)',
  'trend.summary': '{from} to {to}: store sales {total}; {campaigns}.',
  'trend.days': '{days} of 7 days in the period',
  weekOf: 'Week of {date}',
  // cohort heatmap
  'cohort.title.retention': 'Retention by cohort',
  'cohort.title.revenue': 'Revenue by cohort',
  'cohort.title.recency': 'Customers by days since last order',
  'cohort.cohort': 'Cohort',
  'cohort.size': 'Customers',
  'cohort.period.month': 'Month {k}',
  'cohort.period.week': 'Week {k}',
  'cohort.short.month': 'M{k}',
  'cohort.short.week': 'W{k}',
  'cohort.cell': '{cohort} ({size} customers), {period}: {value}',
  'cohort.legend': 'Colour scale from {min} to {max}',
  'cohort.summary': '{count} cohorts, {customers} customers; {period}: {value} on average.',
  'cohort.noCohorts': 'No cohorts in this period.',
  'cohort.noRecency': 'No customer has ordered yet.',
  'recency.segment': '{segment} days',
  'recency.revenue': 'Revenue in period',
  'recency.row': '{segment} days since last order: {customers} customers, {revenue}',
  // configuration problems (a property or attribute the element can't read)
  'config.invalid': '{name}="{value}" ignored: expected {expected}. Using {fallback}.',
  'config.default': 'the default',
  'config.expected.number': 'a number',
  'config.expected.boolean': 'true or false',
  'config.expected.list': 'ids separated by commas',
  'config.expected.object': 'a JSON object of numbers, such as {"revenue": 5000000}',
  'config.expected.json': 'JSON data (an object or a list)',
  'config.expected.date': 'a date YYYY-MM-DD',
  'config.expected.oneOf': 'one of {values}',
  'config.expected.timeZone': 'an IANA time zone such as Asia/Ho_Chi_Minh',
  'config.expected.text': 'text',
};

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  loading: 'Đang tải…',
  empty: 'Không có dữ liệu trong kỳ này.',
  error: 'Không thể hiển thị tiện ích này.',
  partial: 'Một số chỉ số không tính được.',
  'reason.no-data': 'không có dữ liệu (mẫu số bằng 0)',
  'reason.missing-cogs': 'thiếu giá vốn ở một số đơn',
  'reason.no-exposures': 'không có dữ liệu tiếp cận hay hiển thị',
  'reason.no-budget': 'chưa đặt ngân sách',
  'status.scheduled': 'Chưa bắt đầu',
  'status.on-track': 'Đúng tiến độ',
  'status.at-risk': 'Có nguy cơ vượt',
  'status.over-budget': 'Vượt ngân sách',
  'status.ended': 'Đã kết thúc',
  'status.under-pace': 'Chi dưới kế hoạch',
  'outcome.on-track': 'Đúng ngân sách',
  'outcome.under-pace': 'Dưới ngân sách',
  'outcome.over-budget': 'Vượt ngân sách',
  gaugeMore: '{count} chiến dịch có ngân sách',
  actions: 'Dữ liệu và xuất',
  showTable: 'Xem dạng bảng',
  hideTable: 'Ẩn bảng',
  exportCsv: 'Xuất CSV',
  exportSvg: 'Xuất SVG',
  exportPng: 'Xuất PNG',
  'delta.up': 'tăng {value} so với kỳ trước',
  'delta.down': 'giảm {value} so với kỳ trước',
  'delta.flat': 'không đổi so với kỳ trước',
  'delta.none': 'không có số liệu kỳ trước để so sánh',
  'delta.good': 'tốt hơn',
  'delta.bad': 'xấu hơn',
  'delta.points': '{value} điểm %',
  'delta.pointsLong': '{value} điểm phần trăm',
  previous: 'Kỳ trước',
  change: 'Thay đổi',
  unknownKpi: 'Không có chỉ số "{id}"',
  unknownCampaign: 'Không có chiến dịch "{id}"',
  target: 'Mục tiêu',
  targetProgress: 'đạt {percent} mục tiêu {target}',
  trend: 'Diễn biến theo ngày, {from} đến {to}',
  date: 'Ngày',
  kpi: 'Chỉ số',
  value: 'Giá trị',
  budgetPacing: 'Tiến độ ngân sách',
  campaign: 'Chiến dịch',
  budget: 'Ngân sách',
  spent: 'Đã chi',
  expected: 'Kế hoạch đến nay',
  projected: 'Dự báo cuối kỳ',
  remaining: 'Còn lại',
  projectedRevenue: 'Doanh thu dự báo',
  pace: 'Tốc độ chi',
  status: 'Trạng thái',
  days: 'Ngày {elapsed} / {total}',
  daysElapsed: 'Số ngày đã qua',
  noBudgets: 'Không có chiến dịch nào có ngân sách trong báo cáo này.',
  gaugeSummary:
    '{name}: {status}. Đã chi {spent} trên {budget} ({percent}); dự kiến đến hôm nay {expected}; dự báo khi kết thúc {projected}; còn lại {remaining}; doanh thu dự báo {revenue}.',
  overBy: 'vượt {value}',
  'chart.title': '{kpi} theo chiến dịch',
  'chart.titleVs': '{kpi} và {secondary} theo chiến dịch',
  'chart.others': 'Khác ({count})',
  'chart.rank': 'Hạng',
  'chart.rankOf': 'hạng {rank} trên {total}',
  'chart.selected': 'đang chọn',
  'chart.summary': '{count} chiến dịch. Tốt nhất: {name}, {value}.',
  'chart.noCampaigns': 'Không có chiến dịch nào trong báo cáo này.',
  'chart.select': 'Nhấn Enter hoặc phím cách để lọc theo chiến dịch.',
  'chart.topAxis': '{kpi} (trục trên)',
  'trend.title': 'Doanh số theo thời gian: chiến dịch so với tổng cửa hàng',
  'trend.total': 'Tổng doanh số (cửa hàng)',
  'trend.summary': '{from} đến {to}: doanh số cửa hàng {total}; {campaigns}.',
  'trend.days': '{days}/7 ngày trong kỳ',
  weekOf: 'Tuần từ {date}',
  'cohort.title.retention': 'Tỷ lệ quay lại theo nhóm khách',
  'cohort.title.revenue': 'Doanh thu theo nhóm khách',
  'cohort.title.recency': 'Khách hàng theo số ngày từ đơn gần nhất',
  'cohort.cohort': 'Nhóm khách',
  'cohort.size': 'Số khách',
  'cohort.period.month': 'Tháng {k}',
  'cohort.period.week': 'Tuần {k}',
  'cohort.short.month': 'T{k}',
  'cohort.short.week': 'Tu{k}',
  'cohort.cell': '{cohort} ({size} khách), {period}: {value}',
  'cohort.legend': 'Thang màu từ {min} đến {max}',
  'cohort.summary': '{count} nhóm khách, {customers} khách; {period}: trung bình {value}.',
  'cohort.noCohorts': 'Không có nhóm khách nào trong kỳ này.',
  'cohort.noRecency': 'Chưa có khách hàng nào đặt đơn.',
  'recency.segment': '{segment} ngày',
  'recency.revenue': 'Doanh thu trong kỳ',
  'recency.row': '{segment} ngày từ đơn gần nhất: {customers} khách, {revenue}',
  'config.invalid': 'Bỏ qua {name}="{value}": cần {expected}. Dùng {fallback}.',
  'config.default': 'giá trị mặc định',
  'config.expected.number': 'một số',
  'config.expected.boolean': 'true hoặc false',
  'config.expected.list': 'các mã cách nhau bằng dấu phẩy',
  'config.expected.object': 'một đối tượng JSON gồm các số, ví dụ {"revenue": 5000000}',
  'config.expected.json': 'dữ liệu JSON (đối tượng hoặc danh sách)',
  'config.expected.date': 'một ngày dạng YYYY-MM-DD',
  'config.expected.oneOf': 'một trong {values}',
  'config.expected.timeZone': 'một múi giờ IANA, ví dụ Asia/Ho_Chi_Minh',
  'config.expected.text': 'văn bản',
};

/** The messages of each shipped locale. */
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, vi };

/** Strings added with `registerLocale`, by lower-case tag (`fr`, `fr-ca`). */
const registered = new Map<string, Record<string, string>>();
const listeners = new Set<() => void>();

/**
 * Adds (or replaces) the strings of a language; `code` is a BCP 47 tag (`fr`, `th-TH`). A
 * locale `fr-FR` uses the table of `fr-FR`, else of `fr`. Keys missing from the table fall
 * back to English. Elements on the page re-render in the new strings.
 */
export function addLocaleStrings(code: string, strings: Record<string, string>): void {
  const tag = code.trim().toLowerCase();
  if (!tag) throw new TypeError('registerLocale: a language code is required');
  registered.set(tag, { ...(registered.get(tag) ?? {}), ...strings });
  for (const fn of listeners) fn();
}

/** Calls `fn` when a language is registered; returns the unsubscribe function. */
export function onLocaleStrings(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The registered table for a locale (exact tag first, then its language), if any. */
function registeredTable(locale: string | undefined): Record<string, string> | undefined {
  if (!locale || !registered.size) return undefined;
  const tag = locale.toLowerCase();
  return registered.get(tag) ?? registered.get(tag.split('-')[0]!);
}

/**
 * A lookup over tables of strings, one per shipped locale: the string in the locale nearest
 * to `locale` (a registered language first, English when a key is missing), with `{name}`
 * placeholders filled.
 */
export function translator<K extends string>(tables: Record<Locale, Record<K, string>>) {
  return (locale: string | undefined, key: K, params?: Record<string, string | number>): string => {
    const extra = registeredTable(locale);
    const own = extra && Object.hasOwn(extra, key) ? extra[key] : undefined;
    const s = own ?? tables[baseLocale(locale)][key] ?? tables.en[key];
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
  };
}

/** A UI string in the locale nearest to `locale`, with `{name}` placeholders filled. */
export const t = translator(MESSAGES);

/** The reason a KPI has no value, in words. */
export const reasonText = (locale: string | undefined, reason: KpiReason): string =>
  t(locale, `reason.${reason}` as MessageKey);
