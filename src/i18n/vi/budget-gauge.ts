/**
 * The Vietnamese strings of `../budget-gauge.ts`: a module of their own, loaded on demand the first
 * time an element on the page speaks Vietnamese (see `../translate.ts`). Plain data: it
 * imports nothing (its keys are checked against the English ones where it is named).
 */
export default {
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
  budgetPacing: 'Tiến độ ngân sách',
  budget: 'Ngân sách',
  spent: 'Đã chi',
  expected: 'Kế hoạch đến nay',
  projected: 'Dự báo cuối kỳ',
  remaining: 'Còn lại',
  projectedRevenue: 'Doanh thu dự báo',
  revenue: 'Doanh thu',
  pace: 'Tốc độ chi',
  status: 'Trạng thái',
  days: 'Ngày {elapsed} / {total}',
  daysElapsed: 'Số ngày đã qua',
  noBudgets: 'Không có chiến dịch nào có ngân sách trong báo cáo này.',
  gaugeSummary:
    '{name}: {status}. Đã chi {spent} trên {budget} ({percent}); dự kiến đến hôm nay {expected}; dự báo khi kết thúc {projected}; còn lại {remaining}; doanh thu dự báo {revenue}.',
  overBy: 'vượt {value}',
};
