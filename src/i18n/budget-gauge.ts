/**
 * Strings of `<promo-budget-gauge>`, in English and Vietnamese. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { CAMPAIGN_MESSAGES, MESSAGES } from './strings.js';
import { translator, type StringTables } from './translate.js';

const en = {
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
  // budget gauge
  budgetPacing: 'Budget pacing',
  budget: 'Budget',
  spent: 'Spent',
  expected: 'Expected by today',
  projected: 'Projected at end',
  remaining: 'Remaining',
  projectedRevenue: 'Projected revenue',
  revenue: 'Revenue',
  pace: 'Pace',
  status: 'Status',
  days: 'Day {elapsed} of {total}',
  daysElapsed: 'Days elapsed',
  noBudgets: 'No campaign with a budget in this report.',
  gaugeSummary:
    '{name}: {status}. Spent {spent} of {budget} ({percent}); expected by today {expected}; projected at end {projected}; remaining {remaining}; projected revenue {revenue}.',
  overBy: 'over by {value}',
};

const vi: Record<keyof typeof en, string> = {
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

/** The gauge's own strings in each shipped locale. */
export const GAUGE_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** One of the gauge's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const gaugeText = translator(GAUGE_MESSAGES, CAMPAIGN_MESSAGES, MESSAGES);

/** The keys `gaugeText` reads. */
export type GaugeMessageKey = Parameters<typeof gaugeText>[1];
