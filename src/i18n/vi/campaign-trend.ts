/**
 * The Vietnamese strings of `../campaign-trend.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
  'trend.total': 'Tổng doanh số (cửa hàng)',
  'trend.summary': '{from} đến {to}: doanh số cửa hàng {total}; {campaigns}.',
  'trend.days': '{days}/7 ngày trong kỳ',
  'trend.axis': 'Doanh thu',
  'trend.run': '{name} chạy từ {from} đến {to}',
  'trend.starts': '{name} bắt đầu',
  'trend.ends': '{name} kết thúc',
  'trend.oneDay': '{name} bắt đầu và kết thúc tại đây',
  weekOf: 'Tuần từ {date}',
  'chart.selected': 'đang chọn',
};
