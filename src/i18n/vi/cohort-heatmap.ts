/**
 * The Vietnamese strings of `../cohort-heatmap.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
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
};
