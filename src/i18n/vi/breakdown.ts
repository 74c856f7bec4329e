/**
 * The Vietnamese strings of `../breakdown.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
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
};
