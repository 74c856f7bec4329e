/**
 * The Vietnamese strings of `../reactivation.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
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
};
