/**
 * Strings of the campaign chart's trend view, in English and Vietnamese: loaded with that
 * view, not with the chart. DOM-free.
 */
import { translator, type StringTables } from './translate.js';

const en = {
  'trend.total': 'All sales (store)',
  'trend.summary': '{from} to {to}: store sales {total}; {campaigns}.',
  'trend.days': '{days} of 7 days in the period',
  'trend.axis': 'Revenue',
  'trend.run': '{name} runs {from} to {to}',
  'trend.starts': '{name} starts',
  'trend.ends': '{name} ends',
  'trend.oneDay': '{name} starts and ends here',
  weekOf: 'Week of {date}',
  'chart.selected': 'selected',
};

const vi: Record<keyof typeof en, string> = {
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

/** The trend view's own strings in each shipped locale. */
export const TREND_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** One of the trend view's strings in the nearest locale, with `{name}` placeholders filled. */
export const trendText = translator(TREND_MESSAGES);

/** The keys `trendText` reads. */
export type TrendMessageKey = Parameters<typeof trendText>[1];
