/**
 * Every UI string of the kit, in English and Vietnamese. DOM-free.
 *
 * `t(locale, key, params)` picks the shipped locale nearest to `locale` (`vi-VN` -> `vi`,
 * any other tag -> `en`) and fills `{name}` placeholders.
 */
import { baseLocale } from '../format/format.js';
import type { KpiReason, Locale } from '../core/vocabulary.js';

const en = {
  // states
  loading: 'Loading…',
  empty: 'Nothing to show for this period.',
  emptyFiltered: 'Nothing in this period matches the filters.',
  'emptyAction.period': 'Change the period',
  'emptyAction.filters': 'Clear the filters',
  error: 'This widget could not be shown.',
  unavailable: 'Nothing to show until the data loads.',
  filterNotApplied: 'The channel and attribute filters do not apply to this panel.',
  partial: 'Some values could not be computed.',
  // reasons a KPI has no value
  'reason.no-data': 'not enough orders or customers in this period to work it out',
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
  'chart.noCampaigns': 'No campaign sold anything in this period.',
  'chart.select':
    'Enter or Space selects a campaign to compare it with the rest; filtering the board by it is the button shown with the selection.',
  'selection.current': 'Selected: {name}',
  'selection.filterBy': 'Filter by {name}',
  'selection.filtered': 'Filtered by {name}',
  'selection.clearFilter': 'Remove filter',
  'chart.topAxis': '{kpi} (top axis)',
  'trend.title': 'Sales over time: campaigns against the store total',
  'trend.total': 'All sales (store)',
  'trend.summary': '{from} to {to}: store sales {total}; {campaigns}.',
  'trend.days': '{days} of 7 days in the period',
  'trend.leftAxis': 'Campaigns',
  'trend.rightAxis': 'Store total',
  'trend.run': '{name} runs {from} to {to}',
  'trend.starts': '{name} starts',
  'trend.ends': '{name} ends',
  weekOf: 'Week of {date}',
  // cohort heatmap
  'cohort.title.retention': 'Retention by cohort',
  'cohort.title.revenue': 'Revenue by cohort',
  'cohort.title.recency': 'Customers by days since last order',
  'cohort.cohort': 'Cohort',
  'cohort.size': 'Customers',
  'cohort.period.month': 'Month {k}',
  'cohort.period.week': 'Week {k}',
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
  'config.expected.bounds': 'increasing whole numbers of days, such as 7,14,28',
  'config.expected.attributeName': 'channel or an attribute name (letters, digits and _, starting with a letter)',
  'config.expected.function': 'a function',
  // channels and attribute names (known ones are translated; others are shown as they are)
  'channel.store': 'Store',
  'channel.web': 'Web',
  'channel.app': 'App',
  'channel.marketplace': 'Marketplace',
  'channel.social': 'Social',
  'attr.channel': 'channel',
  'attr.store': 'store',
  'attr.region': 'region',
  'attr.category': 'category',
  // comparison
  'compare.vsPrevious': 'vs previous period',
  'compare.vsYear': 'vs same period last year',
  'compare.none': 'no comparison',
  // breakdown
  'breakdown.title': '{kpi} by {by}',
  'breakdown.others': 'Others ({count})',
  'breakdown.share': 'Share of total',
  'breakdown.shareOf': '{value} of total',
  'breakdown.vsAverage': 'vs average',
  'breakdown.vsAverageOf': '{value} vs average',
  'breakdown.summary': '{count} values. Highest: {name}, {value}.',
  'breakdown.select':
    'Enter or Space selects a value to compare it with the rest; filtering the board by it is the button shown with the selection.',
  'breakdown.noValues': 'No {by} in this period.',
  'breakdown.notInReport': 'This report has no breakdown by “{by}” (the report was not asked for it).',
  'breakdown.overlap': 'A customer who bought in several counts in each, so the shares can add up to more than 100%.',
  'breakdown.unassigned': 'Without a {by}: {value}.',
  'breakdown.rank': 'Rank',
  'breakdown.rankOf': 'rank {rank} of {total}',
  // re-activation
  'reactivation.title': 'Re-activation by days since last order',
  'reactivation.segment': 'Days since last order',
  'reactivation.segmentDays': '{segment} days',
  'reactivation.customers': 'Customers',
  'reactivation.returned': 'Returned',
  'reactivation.rate': 'Return rate',
  'reactivation.orders': 'Orders',
  'reactivation.revenue': 'Revenue',
  'reactivation.list': 'Customer list',
  'reactivation.of.reactivation': 'Everyone in the segment',
  'reactivation.of.returned': 'Those who returned',
  'reactivation.row':
    '{segment} days since last order: {customers} customers, {returned} returned ({rate}), {orders} orders, revenue {revenue}',
  'reactivation.base': 'Days counted to {date}, the day before the period.',
  'reactivation.hint': 'Choose a segment (Enter or Space) to get its customer list.',
  'reactivation.exportList': 'Export customer list (CSV)',
  'reactivation.exportAll': 'Export customer list (CSV), every segment',
  'reactivation.noList': 'Customer lists are not available: the data source cannot list customers.',
  'reactivation.listError': 'The customer list could not be loaded: {message}',
  'reactivation.customerId': 'Customer ID',
  'reactivation.mismatch': 'The report has the segments {report}, not those of the bounds {bounds}.',
  'reactivation.noCustomers': 'No customer had ordered before this period.',
  'reactivation.chosen': 'Chosen: {segment} days, {of}: {count} customers.',
  // loyalty
  'loyalty.title': 'Loyalty programme',
  'loyalty.byChannel': 'Points by channel',
  'loyalty.earned': 'Earned',
  'loyalty.redeemed': 'Redeemed',
  'loyalty.channel': 'Channel',
  'loyalty.aovCompare': 'Members {member} · others {other}',
  'loyalty.aovPair': 'Basket: members vs others',
  'loyalty.noChannels': 'No points activity with a channel in this period.',
  'loyalty.channelRow': '{channel}: earned {earned}, redeemed {redeemed}',
  'loyalty.noProgramme': 'No loyalty data in this report.',
};

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  loading: 'Đang tải…',
  empty: 'Không có số liệu nào trong khoảng thời gian này.',
  emptyFiltered: 'Không có số liệu nào khớp bộ lọc trong khoảng thời gian này.',
  'emptyAction.period': 'Đổi khoảng thời gian',
  'emptyAction.filters': 'Bỏ bộ lọc',
  error: 'Không thể hiển thị tiện ích này.',
  unavailable: 'Chưa có gì để hiển thị cho đến khi tải được dữ liệu.',
  filterNotApplied: 'Bộ lọc kênh và thuộc tính không áp dụng cho phần này.',
  partial: 'Một số chỉ số không tính được.',
  'reason.no-data': 'chưa đủ đơn hàng hay khách hàng trong kỳ này để tính',
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
  'chart.noCampaigns': 'Chưa chiến dịch nào có doanh số trong kỳ này.',
  'chart.select':
    'Nhấn Enter hoặc phím cách để chọn một chiến dịch và so với các chiến dịch khác; muốn lọc bảng theo chiến dịch đó, dùng nút hiện cùng lựa chọn.',
  'selection.current': 'Đang chọn: {name}',
  'selection.filterBy': 'Lọc theo {name}',
  'selection.filtered': 'Đang lọc theo {name}',
  'selection.clearFilter': 'Bỏ lọc',
  'chart.topAxis': '{kpi} (trục trên)',
  'trend.title': 'Doanh số theo thời gian: chiến dịch so với tổng cửa hàng',
  'trend.total': 'Tổng doanh số (cửa hàng)',
  'trend.summary': '{from} đến {to}: doanh số cửa hàng {total}; {campaigns}.',
  'trend.days': '{days}/7 ngày trong kỳ',
  'trend.leftAxis': 'Chiến dịch',
  'trend.rightAxis': 'Tổng cửa hàng',
  'trend.run': '{name} chạy từ {from} đến {to}',
  'trend.starts': '{name} bắt đầu',
  'trend.ends': '{name} kết thúc',
  weekOf: 'Tuần từ {date}',
  'cohort.title.retention': 'Tỷ lệ quay lại theo nhóm khách',
  'cohort.title.revenue': 'Doanh thu theo nhóm khách',
  'cohort.title.recency': 'Khách hàng theo số ngày từ đơn gần nhất',
  'cohort.cohort': 'Nhóm khách',
  'cohort.size': 'Số khách',
  'cohort.period.month': 'Tháng {k}',
  'cohort.period.week': 'Tuần {k}',
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
  'config.expected.bounds': 'các số ngày nguyên tăng dần, ví dụ 7,14,28',
  'config.expected.attributeName': 'channel hoặc tên một thuộc tính (chữ, số và _, bắt đầu bằng chữ)',
  'config.expected.function': 'một hàm',
  'channel.store': 'Cửa hàng',
  'channel.web': 'Website',
  'channel.app': 'Ứng dụng',
  'channel.marketplace': 'Sàn TMĐT',
  'channel.social': 'Mạng xã hội',
  'attr.channel': 'kênh bán',
  'attr.store': 'cửa hàng',
  'attr.region': 'vùng',
  'attr.category': 'ngành hàng',
  'compare.vsPrevious': 'so với kỳ trước',
  'compare.vsYear': 'so với cùng kỳ năm trước',
  'compare.none': 'không so sánh',
  'breakdown.title': '{kpi} theo {by}',
  'breakdown.others': 'Khác ({count})',
  'breakdown.share': 'Tỷ trọng',
  'breakdown.shareOf': '{value} tổng',
  'breakdown.vsAverage': 'so với trung bình',
  'breakdown.vsAverageOf': '{value} so với trung bình',
  'breakdown.summary': '{count} giá trị. Cao nhất: {name}, {value}.',
  'breakdown.select':
    'Nhấn Enter hoặc phím cách để chọn một giá trị và so với các giá trị khác; muốn lọc bảng theo giá trị đó, dùng nút hiện cùng lựa chọn.',
  'breakdown.noValues': 'Không có {by} nào trong kỳ này.',
  'breakdown.notInReport': 'Báo cáo này không có phân tích theo “{by}” (báo cáo chưa được yêu cầu).',
  'breakdown.overlap': 'Một khách mua ở nhiều nơi được tính ở mỗi nơi, nên tổng tỷ trọng có thể vượt 100%.',
  'breakdown.unassigned': 'Không có {by}: {value}.',
  'breakdown.rank': 'Hạng',
  'breakdown.rankOf': 'hạng {rank} trên {total}',
  'reactivation.title': 'Khách quay lại theo số ngày từ đơn gần nhất',
  'reactivation.segment': 'Số ngày từ đơn gần nhất',
  'reactivation.segmentDays': '{segment} ngày',
  'reactivation.customers': 'Số khách',
  'reactivation.returned': 'Đã quay lại',
  'reactivation.rate': 'Tỷ lệ quay lại',
  'reactivation.orders': 'Số đơn',
  'reactivation.revenue': 'Doanh thu',
  'reactivation.list': 'Danh sách khách',
  'reactivation.of.reactivation': 'Mọi khách trong nhóm',
  'reactivation.of.returned': 'Khách đã quay lại',
  'reactivation.row':
    '{segment} ngày từ đơn gần nhất: {customers} khách, {returned} quay lại ({rate}), {orders} đơn, doanh thu {revenue}',
  'reactivation.base': 'Số ngày tính đến {date}, ngày trước kỳ báo cáo.',
  'reactivation.hint': 'Chọn một nhóm (Enter hoặc phím cách) để lấy danh sách khách.',
  'reactivation.exportList': 'Xuất danh sách khách (CSV)',
  'reactivation.exportAll': 'Xuất danh sách khách (CSV), mọi nhóm',
  'reactivation.noList': 'Không lấy được danh sách khách: nguồn dữ liệu không hỗ trợ.',
  'reactivation.listError': 'Không tải được danh sách khách: {message}',
  'reactivation.customerId': 'Mã khách hàng',
  'reactivation.mismatch': 'Báo cáo có các nhóm {report}, không phải các nhóm của mốc {bounds}.',
  'reactivation.noCustomers': 'Chưa có khách nào đặt đơn trước kỳ này.',
  'reactivation.chosen': 'Đã chọn: {segment} ngày, {of}: {count} khách.',
  'loyalty.title': 'Chương trình khách hàng thân thiết',
  'loyalty.byChannel': 'Điểm theo kênh',
  'loyalty.earned': 'Tích',
  'loyalty.redeemed': 'Đổi',
  'loyalty.channel': 'Kênh',
  'loyalty.aovCompare': 'Hội viên {member} · khách khác {other}',
  'loyalty.aovPair': 'Giá trị đơn: hội viên so với khách khác',
  'loyalty.noChannels': 'Không có điểm tích hay đổi theo kênh trong kỳ này.',
  'loyalty.channelRow': '{channel}: tích {earned}, đổi {redeemed}',
  'loyalty.noProgramme': 'Báo cáo không có dữ liệu khách hàng thân thiết.',
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

/** A channel's display name (known channels are translated; others are shown as they are). */
export function channelLabel(locale: string | undefined, channel: string): string {
  const key = `channel.${channel}` as MessageKey;
  return Object.hasOwn(en, key) ? t(locale, key) : channel;
}

/** An attribute name in words, lower case (`store` -> "store" / "cửa hàng"; others as they are). */
export function attributeLabel(locale: string | undefined, name: string): string {
  const key = `attr.${name}` as MessageKey;
  return Object.hasOwn(en, key) ? t(locale, key) : name;
}
