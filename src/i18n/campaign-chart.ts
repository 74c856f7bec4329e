/**
 * Strings of `<promo-campaign-chart>`, in English and Vietnamese. DOM-free. Those of the
 * trend view alone are in `campaign-trend.ts` (loaded with that view), the strings every
 * widget shows in `strings.ts`, those of the selection line in `selection.ts`.
 */
import { CAMPAIGN_MESSAGES, KPI_COLUMN_MESSAGES, KPI_SERIES_MESSAGES, MESSAGES } from './strings.js';
import { SELECTION_MESSAGES } from './selection.js';
import { translator, type StringTables } from './translate.js';

const en = {
  // campaign chart
  'chart.title': '{kpi} by campaign',
  'chart.titleVs': '{kpi} and {secondary} by campaign',
  'chart.others': 'Others ({count})',
  'chart.rank': 'Rank',
  'chart.rankOf': 'rank {rank} of {total}',
  'chart.summary': '{count} campaigns. Best: {name}, {value}.',
  'chart.noCampaigns': 'No campaign sold anything in this period.',
  'chart.select':
    'Enter or Space selects a campaign to compare it with the rest; filtering the board by it is the button shown with the selection.',
  'chart.topAxis': '{kpi} (top axis)',
  'trend.title': 'Sales over time: campaigns against the store total',
  'trend.loadFailed': 'The chart over time could not be loaded. Reload the page to try again.',
};

const vi: Record<keyof typeof en, string> = {
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

/** The campaign chart's own strings in each shipped locale. */
export const CHART_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** One of the campaign chart's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const chartText = translator(
  CHART_MESSAGES,
  SELECTION_MESSAGES,
  KPI_COLUMN_MESSAGES,
  KPI_SERIES_MESSAGES,
  CAMPAIGN_MESSAGES,
  MESSAGES,
);

/** The keys `chartText` reads. */
export type ChartMessageKey = Parameters<typeof chartText>[1];
