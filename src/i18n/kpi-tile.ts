/**
 * Strings of `<promo-kpi-tile>`, in English; the Vietnamese ones, in `vi/kpi-tile.ts`, are loaded on demand. DOM-free. The strings every widget shows are
 * in `strings.ts`.
 */
import { CAMPAIGN_MESSAGES, KPI_COLUMN_MESSAGES, KPI_SERIES_MESSAGES, MESSAGES } from './strings.js';
import { translator, viStrings } from './translate.js';

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

/** The tile's own strings, in English (the Vietnamese ones are in `vi/`). */
export const TILE_MESSAGES: Record<keyof typeof en, string> = en;

/* The Vietnamese table, loaded the first time an element on the page speaks Vietnamese (`translate.ts`). */
viStrings<keyof typeof en>(() => import('./vi/kpi-tile.js'));

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
