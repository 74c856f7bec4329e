/**
 * The token stylesheet every element includes: maps `--promo-*` to `--_*` on `.promo-root`
 * for the light and dark themes (see tokens.ts).
 */
import { unsafeCSS } from 'lit';
import { tokenCss } from './tokens.js';

export { TOKENS, SERIES_COUNT, tokenVar, seriesVar, publicVar, privateVar } from './tokens.js';
export { TOKEN_DESCRIPTIONS, tokenTable } from './token-docs.js';
export type { TokenName, TokenDefinition } from './tokens.js';

/** Lit stylesheet with the token variables; include it first in an element's `styles`. */
export const tokenStyles = unsafeCSS(tokenCss());
