/**
 * Strings of `<promo-kpi-tile>`, in English and Vietnamese. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { CAMPAIGN_MESSAGES, KPI_COLUMN_MESSAGES, KPI_SERIES_MESSAGES, MESSAGES } from './strings.js';
import { translator, type StringTables } from './translate.js';

const en = {
  // deltas
  'delta.up': 'up {value} vs previous period',
  'delta.down': 'down {value} vs previous period',
  'delta.flat': 'unchanged vs previous period',
  'delta.none': 'no comparison with the previous period',
  'delta.good': 'better',
  'delta.bad': 'worse',
  /** The comparison beside the change, full and, where that does not fit, short. */
  'delta.vs': 'previous period: {value}',
  'delta.vsShort': 'prev.: {value}',
  target: 'Target',
  targetProgress: '{percent} of target {target}',
  trend: 'Daily trend, {from} to {to}',
};

const vi: Record<keyof typeof en, string> = {
  'delta.up': 'tăng {value} so với kỳ trước',
  'delta.down': 'giảm {value} so với kỳ trước',
  'delta.flat': 'không đổi so với kỳ trước',
  'delta.none': 'không có số liệu kỳ trước để so sánh',
  'delta.good': 'tốt hơn',
  'delta.bad': 'xấu hơn',
  'delta.vs': 'kỳ trước: {value}',
  'delta.vsShort': 'trước: {value}',
  target: 'Mục tiêu',
  targetProgress: 'đạt {percent} mục tiêu {target}',
  trend: 'Diễn biến theo ngày, {from} đến {to}',
};

/** The tile's own strings in each shipped locale. */
export const TILE_MESSAGES: StringTables<keyof typeof en> = { en, vi };

/** One of the tile's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const tileText = translator(
  TILE_MESSAGES,
  KPI_COLUMN_MESSAGES,
  KPI_SERIES_MESSAGES,
  CAMPAIGN_MESSAGES,
  MESSAGES,
);

/** The keys `tileText` reads. */
export type TileMessageKey = Parameters<typeof tileText>[1];
