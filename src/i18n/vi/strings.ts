/**
 * The Vietnamese strings of `../strings.ts` (those every widget shows, and its smaller
 * tables): a module of their own, loaded on demand the first time an element on the page
 * speaks Vietnamese (see `../translate.ts`). Plain data: it imports nothing at run time.
 */
export default {
  // MESSAGES
  loading: 'Đang tải…',
  empty: 'Không có số liệu nào trong khoảng thời gian này.',
  emptyFiltered: 'Không có số liệu nào khớp bộ lọc trong khoảng thời gian này.',
  'emptyAction.period': 'Đổi khoảng thời gian',
  'emptyAction.filters': 'Bỏ bộ lọc',
  error: 'Không thể hiển thị tiện ích này.',
  unavailable: 'Chưa có gì để hiển thị cho đến khi tải được dữ liệu.',
  noReport: 'Chưa có số liệu: hãy đặt thành phần này trong promo-kpi-board hoặc gán cho nó một báo cáo (report).',
  actions: 'Dữ liệu và xuất',
  showTable: 'Xem dạng bảng',
  hideTable: 'Ẩn bảng',
  exportCsv: 'Xuất CSV',
  exportSvg: 'Xuất SVG',
  exportPng: 'Xuất PNG',
  'config.invalid': 'Bỏ qua {name}="{value}": cần {expected}. Dùng {fallback}.',
  'config.default': 'giá trị mặc định',
  // KPI_COLUMN_MESSAGES
  previous: 'Kỳ trước',
  change: 'Thay đổi',
  kpi: 'Chỉ số',
  value: 'Giá trị',
  // COMPARE_MESSAGES
  'compare.vsPrevious': 'so với kỳ trước',
  'compare.vsYear': 'so với cùng kỳ năm trước',
  'compare.none': 'không so sánh',
  // REASON_MESSAGES
  'reason.no-data': 'chưa đủ đơn hàng hay khách hàng trong kỳ này để tính',
  'reason.missing-cogs': 'thiếu giá vốn ở một số đơn',
  'reason.no-exposures': 'không có dữ liệu tiếp cận hay hiển thị',
  'reason.no-budget': 'chưa đặt ngân sách',
  // POINTS_MESSAGES
  'delta.points': '{value} điểm %',
  'delta.pointsLong': '{value} điểm phần trăm',
  // KPI_SERIES_MESSAGES
  date: 'Ngày',
  unknownKpi: 'Không có chỉ số "{id}"',
  // CAMPAIGN_MESSAGES
  campaign: 'Chiến dịch',
  unknownCampaign: 'Không có chiến dịch "{id}"',
  // PARTIAL_MESSAGES
  partial: 'Một số chỉ số không tính được.',
  // FILTER_NOTE_MESSAGES
  filterNotApplied: 'Bộ lọc kênh và thuộc tính không áp dụng cho phần này.',
  // what a readable value of each kind looks like (EXPECTED_WORDS)
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
};
