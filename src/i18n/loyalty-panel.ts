/**
 * Strings of `<promo-loyalty-panel>`, in English; the Vietnamese ones, in `vi/loyalty-panel.ts`, are loaded on demand. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { KPI_COLUMN_MESSAGES, MESSAGES } from './strings.js';
import { translator, viStrings } from './translate.js';

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

/** The loyalty panel's own strings, in English (the Vietnamese ones are in `vi/`). */
export const LOYALTY_MESSAGES: Record<keyof typeof en | keyof typeof unshownEn, string> = /* @__PURE__ */ Object.assign(
  {},
  en,
  unshownEn,
);

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof LOYALTY_MESSAGES>(() => import('./vi/loyalty-panel.js'));

/** One of the loyalty panel's strings, or a shared one, in the nearest locale, with `{name}` placeholders filled. */
export const loyaltyText = translator(en, KPI_COLUMN_MESSAGES, MESSAGES);

/** The keys `loyaltyText` reads. */
export type LoyaltyMessageKey = Parameters<typeof loyaltyText>[1];
