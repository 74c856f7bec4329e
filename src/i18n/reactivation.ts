/**
 * Strings of `<promo-reactivation>`, in English and Vietnamese. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { MESSAGES } from './strings.js';
import { translator, type StringTables } from './translate.js';

const en = {
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
};

const vi: Record<keyof typeof en, string> = {
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

/** The re-activation panel's own strings in each shipped locale. */
export const REACTIVATION_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** One of the re-activation panel's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const reactivationText = translator(REACTIVATION_MESSAGES, MESSAGES);

/** The keys `reactivationText` reads. */
export type ReactivationMessageKey = Parameters<typeof reactivationText>[1];
