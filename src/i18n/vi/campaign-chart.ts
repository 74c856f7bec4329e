/**
 * The Vietnamese strings of `../campaign-chart.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
  'chart.title': '{kpi} theo chiến dịch',
  'chart.titleVs': '{kpi} và {secondary} theo chiến dịch',
  'chart.others': 'Khác ({count})',
  'chart.rank': 'Hạng',
  'chart.rankOf': 'hạng {rank} trên {total}',
  'chart.summary': '{count} chiến dịch. Tốt nhất: {name}, {value}.',
  'chart.noCampaigns': 'Chưa chiến dịch nào có doanh số trong kỳ này.',
  'chart.select':
    'Nhấn Enter hoặc phím cách để chọn một chiến dịch và so với các chiến dịch khác; muốn lọc bảng theo chiến dịch đó, dùng nút hiện cùng lựa chọn.',
  'chart.topAxis': '{kpi} (trục trên)',
  'trend.title': 'Doanh số theo thời gian: chiến dịch so với tổng cửa hàng',
  'trend.loadFailed': 'Không tải được biểu đồ theo thời gian. Hãy tải lại trang để thử lại.',
};
