/**
 * The token stylesheets elements include: they map `--promo-*` to `--_*` on `.promo-root`
 * for the light and dark themes (see tokens.ts). The board includes every token; a widget
 * the tokens every element reads (in the shared widget styles) and the group it draws with.
 */
import { unsafeCSS, type CSSResultArray } from 'lit';
import {
  CORE_TOKENS,
  HEAT_TOKENS,
  PAGE_TOKENS,
  SERIES_TOKENS,
  STATUS_TOKENS,
  FIGURE_TOKENS,
  tokenGroupCss,
} from './tokens.js';

export { TOKENS, SERIES_COUNT, tokenVar, seriesVar, publicVar, privateVar } from './tokens.js';
export { TOKEN_DESCRIPTIONS, tokenTable } from './token-docs.js';
export type { TokenName, TokenDefinition } from './tokens.js';

/** The tokens every element reads (the root's `color-scheme` too): first in the shared widget styles. */
export const coreTokenStyles = /* @__PURE__ */ unsafeCSS(
  /* @__PURE__ */ tokenGroupCss(CORE_TOKENS, '.promo-root', true),
);

/** The tokens of a KPI figure (the tone of a change, a tile's value size), for the tile and the loyalty panel: listed right after the shared widget styles. */
export const figureTokenStyles = /* @__PURE__ */ unsafeCSS(/* @__PURE__ */ tokenGroupCss(FIGURE_TOKENS));

/** The spacing of a board's page, for the board. */
export const pageTokenStyles = /* @__PURE__ */ unsafeCSS(/* @__PURE__ */ tokenGroupCss(PAGE_TOKENS));

/** Budget status colours, for the budget gauge: listed right after the shared widget styles. */
export const statusTokenStyles = /* @__PURE__ */ unsafeCSS(/* @__PURE__ */ tokenGroupCss(STATUS_TOKENS));

/** The series palette, for the campaign chart and the loyalty panel: listed right after the shared widget styles. */
export const seriesTokenStyles = /* @__PURE__ */ unsafeCSS(/* @__PURE__ */ tokenGroupCss(SERIES_TOKENS));

/** The heat scale, for the cohort heatmap: listed right after the shared widget styles. */
export const heatTokenStyles = /* @__PURE__ */ unsafeCSS(/* @__PURE__ */ tokenGroupCss(HEAT_TOKENS));

/**
 * Every token's variables (the CSS of `tokenCss()`, as one stylesheet per group): the board
 * includes it first in its `styles`.
 */
export const tokenStyles: CSSResultArray = [
  coreTokenStyles,
  figureTokenStyles,
  statusTokenStyles,
  seriesTokenStyles,
  heatTokenStyles,
  pageTokenStyles,
];
