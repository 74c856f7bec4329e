/**
 * Strings of the board and its filter bar, in English and Vietnamese. DOM-free.
 */
import { translator } from '../../i18n/strings.js';
import type { Locale } from '../../core/vocabulary.js';

const en = {
  board: 'Promotion KPIs',
  filters: 'Filters',
  period: 'Period',
  from: 'From',
  to: 'To',
  'preset.last-7': 'Last 7 days',
  'preset.last-14': 'Last 14 days',
  'preset.last-28': 'Last 28 days',
  'preset.last-90': 'Last 90 days',
  'preset.this-month': 'This month',
  'preset.custom': 'Custom dates',
  campaignRuns: 'A campaign’s run',
  campaigns: 'Campaigns',
  channels: 'Channels',
  compare: 'Compare with',
  'compare.previous': 'Previous period',
  'compare.year': 'Same period last year',
  'compare.none': 'No comparison',
  all: 'All',
  allCount: 'All ({count})',
  someCount: '{count} of {total}',
  selectAll: 'Select all',
  lastTicked: 'At least one stays ticked. Tick another first, or choose Select all.',
  clear: 'Reset filters',
  tiles: 'Key figures',
  loading: 'Loading data…',
  computing: 'Updating…',
  empty: 'No orders in the data yet.',
  error: 'The data could not be loaded: {message}',
  staleError: 'Showing the last numbers that loaded. {message}',
  retry: 'Try again',
  updated: 'Updated {time}',
  live: 'Live',
  issues: 'Records left out of the numbers (data problems): {count}',
  workerFallback: 'Computed on this page: the background worker could not start ({reason}).',
  badDates: 'The period is not valid: “from” must be a date on or before “to”.',
  problems: 'Problems to check: {count}',
  problemsList: 'Configuration and data problems',
  'problem.notList': '“{name}” in the data is not a list: {value}',
  'problem.notData':
    'The data is not readable: expected an object with lists (orders, campaigns, costs, exposures, loyalty).',
  'problem.unknownKpi': 'Unknown KPI “{id}” in {name}.',
  'problem.record': '{collection} no. {index}{id}, {path}: {message}',
  'problem.more': '…and {count} more.',
  'collection.campaigns': 'Campaign',
  'collection.orders': 'Order',
  'collection.costs': 'Cost',
  'collection.exposures': 'Exposure',
  'collection.loyalty': 'Loyalty record',
  'collection.options': 'Option',
};

export type BoardMessageKey = keyof typeof en;

const vi: Record<BoardMessageKey, string> = {
  board: 'Chỉ số khuyến mãi',
  filters: 'Bộ lọc',
  period: 'Khoảng thời gian',
  from: 'Từ ngày',
  to: 'Đến ngày',
  'preset.last-7': '7 ngày qua',
  'preset.last-14': '14 ngày qua',
  'preset.last-28': '28 ngày qua',
  'preset.last-90': '90 ngày qua',
  'preset.this-month': 'Tháng này',
  'preset.custom': 'Tùy chọn ngày',
  campaignRuns: 'Thời gian chạy chiến dịch',
  campaigns: 'Chiến dịch',
  channels: 'Kênh bán',
  compare: 'So sánh với',
  'compare.previous': 'Kỳ trước',
  'compare.year': 'Cùng kỳ năm trước',
  'compare.none': 'Không so sánh',
  all: 'Tất cả',
  allCount: 'Tất cả ({count})',
  someCount: '{count} / {total}',
  selectAll: 'Chọn tất cả',
  lastTicked: 'Phải giữ ít nhất một mục. Hãy chọn mục khác trước, hoặc bấm Chọn tất cả.',
  clear: 'Xóa bộ lọc',
  tiles: 'Chỉ số chính',
  loading: 'Đang tải dữ liệu…',
  computing: 'Đang cập nhật…',
  empty: 'Chưa có đơn hàng nào trong dữ liệu.',
  error: 'Không tải được dữ liệu: {message}',
  staleError: 'Đang hiển thị số liệu tải gần nhất. {message}',
  retry: 'Thử lại',
  updated: 'Cập nhật lúc {time}',
  live: 'Trực tiếp',
  issues: 'Bản ghi bị loại khỏi số liệu (dữ liệu lỗi): {count}',
  workerFallback: 'Đang tính trên trang này: không khởi động được tiến trình nền ({reason}).',
  badDates: 'Khoảng thời gian không hợp lệ: “từ ngày” phải trước hoặc bằng “đến ngày”.',
  problems: 'Vấn đề cần kiểm tra: {count}',
  problemsList: 'Vấn đề về cấu hình và dữ liệu',
  'problem.notList': '“{name}” trong dữ liệu không phải danh sách: {value}',
  'problem.notData':
    'Không đọc được dữ liệu: cần một đối tượng gồm các danh sách (orders, campaigns, costs, exposures, loyalty).',
  'problem.unknownKpi': 'Không có chỉ số “{id}” trong {name}.',
  'problem.record': '{collection} số {index}{id}, {path}: {message}',
  'problem.more': '…và {count} vấn đề khác.',
  'collection.campaigns': 'Chiến dịch',
  'collection.orders': 'Đơn hàng',
  'collection.costs': 'Chi phí',
  'collection.exposures': 'Lượt hiển thị',
  'collection.loyalty': 'Bản ghi khách thân thiết',
  'collection.options': 'Tùy chọn',
};

/** The board's strings of each shipped locale. */
export const BOARD_MESSAGES: Record<Locale, Record<BoardMessageKey, string>> = { en, vi };

/** A board string in the nearest shipped locale, with `{name}` placeholders filled. */
export const bt = translator(BOARD_MESSAGES);

/** A channel's display name (declared with the widgets' strings). */
export { channelLabel } from '../../i18n/strings.js';
