/**
 * Strings of `<promo-loyalty-panel>`, in English and Vietnamese. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { KPI_COLUMN_MESSAGES, MESSAGES } from './strings.js';
import { translator, type StringTables } from './translate.js';

const en = {
  // loyalty
  'loyalty.title': 'Loyalty programme',
  'loyalty.byChannel': 'Points by channel',
  'loyalty.earned': 'Earned',
  'loyalty.redeemed': 'Redeemed',
  'loyalty.noChannels': 'No points activity with a channel in this period.',
  'loyalty.channelRow': '{channel}: earned {earned}, redeemed {redeemed}',
  'loyalty.noProgramme': 'No loyalty data in this report.',
};

const vi: Record<keyof typeof en, string> = {
  'loyalty.title': 'Chương trình khách hàng thân thiết',
  'loyalty.byChannel': 'Điểm theo kênh',
  'loyalty.earned': 'Tích',
  'loyalty.redeemed': 'Đổi',
  'loyalty.noChannels': 'Không có điểm tích hay đổi theo kênh trong kỳ này.',
  'loyalty.channelRow': '{channel}: tích {earned}, đổi {redeemed}',
  'loyalty.noProgramme': 'Báo cáo không có dữ liệu khách hàng thân thiết.',
};

/**
 * Strings no element shows any more (a channel column head, and the members' basket beside the
 * others' on one line, now a KPI cell of its own). Deprecated: kept in `LOYALTY_MESSAGES` so that
 * `englishStrings()` and the language tables written for `registerLocale` keep their keys, and
 * left out of the panel's own lookup, so a page loading the panel does not carry them.
 */
const unshownEn = {
  'loyalty.channel': 'Channel',
  'loyalty.aovCompare': 'Members {member} · others {other}',
  'loyalty.aovPair': 'Basket: members vs others',
};
const unshownVi: typeof unshownEn = {
  'loyalty.channel': 'Kênh',
  'loyalty.aovCompare': 'Hội viên {member} · khách khác {other}',
  'loyalty.aovPair': 'Giá trị đơn: hội viên so với khách khác',
};

/** The loyalty panel's own strings in each shipped locale. */
export const LOYALTY_MESSAGES: StringTables<keyof typeof en | keyof typeof unshownEn> = {
  en: /* @__PURE__ */ Object.assign({}, en, unshownEn),
  vi: /* @__PURE__ */ Object.assign({}, vi, unshownVi),
};

/** One of the loyalty panel's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const loyaltyText = translator({ en, vi }, KPI_COLUMN_MESSAGES, MESSAGES);

/** The keys `loyaltyText` reads. */
export type LoyaltyMessageKey = Parameters<typeof loyaltyText>[1];
