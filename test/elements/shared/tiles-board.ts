/**
 * What the tests of a board of tiles in two languages share (`appendTilesBoard` in
 * `helpers.ts` draws it): the week of orders it shows, and the pieces of English its strings
 * hold (the board's, the tiles' and the shared ones), which its Vietnamese renders must not.
 */
import { BOARD_MESSAGES } from '../../../src/i18n/board-strings.js';
import { TILE_MESSAGES } from '../../../src/i18n/kpi-tile.js';
import { CAMPAIGN_MESSAGES, KPI_COLUMN_MESSAGES, KPI_SERIES_MESSAGES, MESSAGES } from '../../../src/i18n/strings.js';
import { englishPieces } from './render-log.js';

/** The week of orders (2026-11-01 to 07) the board is given. */
export const WEEK = await (await fetch(new URL('../kpi-board/fixtures/week.json', import.meta.url).href)).json();

/** The pieces of English a board of tiles could show. */
export const TILES_BOARD_ENGLISH = englishPieces(
  MESSAGES,
  BOARD_MESSAGES,
  TILE_MESSAGES,
  KPI_COLUMN_MESSAGES,
  KPI_SERIES_MESSAGES,
  CAMPAIGN_MESSAGES,
);
