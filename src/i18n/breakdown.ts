/**
 * Strings of `<promo-breakdown>`, in English and Vietnamese. DOM-free. The strings every widget shows are
 * in `strings.ts`, those of the selection line in `selection.ts`.
 */
import { MESSAGES } from './strings.js';
import { SELECTION_MESSAGES } from './selection.js';
import { translator, type StringTables } from './translate.js';

const en = {
  // breakdown
  'breakdown.title': '{kpi} by {by}',
  'breakdown.others': 'Others ({count})',
  'breakdown.share': 'Share of total',
  'breakdown.shareOf': '{value} of total',
  'breakdown.vsAverage': 'vs average',
  'breakdown.vsAverageOf': '{value} vs average',
  'breakdown.summary': '{count} values. Highest: {name}, {value}.',
  'breakdown.select':
    'Enter or Space selects a value to compare it with the rest; filtering the board by it is the button shown with the selection.',
  'breakdown.noValues': 'No {by} in this period.',
  'breakdown.notInReport': 'This report has no breakdown by “{by}” (the report was not asked for it).',
  'breakdown.overlap': 'A customer who bought in several counts in each, so the shares can add up to more than 100%.',
  'breakdown.unassigned': 'Without a {by}: {value}.',
  'breakdown.rank': 'Rank',
  'breakdown.rankOf': 'rank {rank} of {total}',
};

const vi: Record<keyof typeof en, string> = {
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

/** The breakdown's own strings in each shipped locale. */
export const BREAKDOWN_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** One of the breakdown's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const breakdownText = translator(BREAKDOWN_MESSAGES, SELECTION_MESSAGES, MESSAGES);

/** The keys `breakdownText` reads. */
export type BreakdownMessageKey = Parameters<typeof breakdownText>[1];
