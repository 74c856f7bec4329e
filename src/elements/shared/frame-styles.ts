/**
 * The styles of a widget's frame, in a module of their own so the tile, which draws nothing
 * beside its content, loads them without the rest of `widgetStyles` (`styles.ts`).
 */
import { css, unsafeCSS, type CSSResult } from 'lit';
import { coreTokenStyles } from '../../theme/theme.js';

/**
 * Rules for forced-colors mode (Windows high contrast), inside `@media (forced-colors: active)`:
 * marks drawn with backgrounds or SVG fills use system colours there (with
 * `forced-color-adjust: none` where the browser would otherwise blank them). Kept as constant
 * text because the style checker of the lint step does not know `forced-color-adjust` yet.
 */
export function forcedColors(rules: string): CSSResult {
  return unsafeCSS(`@media (forced-colors: active) {${rules}}`);
}

/** Text for assistive technology only, and the focus ring: shared by the widgets and the board. */
export const accessStyles = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
`;

/**
 * Styles every widget draws with: tokens, frame, states, actions menu, data table (the
 * tile's styles start with these). The reasons are written here, not in the CSS text, which
 * ships:
 * - right to left, charts (`svg[part~='chart']`) are mirrored as a whole (bars grow from the
 *   right, time runs leftwards, axes on the other side); inside, text is laid out left to
 *   right so the geometry stays the one computed (for the text of a chart, see `widgetStyles`);
 * - `.font-probe` measures the --promo-font-size token (see probedFontSize);
 * - the table's row labels (`tbody th`: periods, names) wrap between words, so the value
 *   columns keep their full width;
 * - under `prefers-reduced-motion` every animation and transition stops, but for the probes
 *   of colour tokens a widget computes with (`token-probes.ts`), whose own `!important`
 *   transition outranks this one.
 */
export const frameStyles = [
  coreTokenStyles,
  accessStyles,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .promo-root {
      position: relative;
      height: 100%;
      background: var(--_color-surface);
      color: var(--_color-text);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
      padding: var(--_space);
      font-family: var(--_font-family);
      font-size: var(--_font-size);
      line-height: 1.4;
    }
    .promo-root,
    .promo-root *,
    .promo-root *::before,
    .promo-root *::after {
      box-sizing: border-box;
    }
    [part~='skeleton'] {
      display: grid;
      gap: var(--_space-s);
    }
    .bone {
      height: 0.9em;
      border-radius: 4px;
      background: var(--_color-surface-muted);
      animation: promo-pulse 1.4s ease-in-out infinite;
    }
    .bone.big {
      height: 2em;
      width: 60%;
    }
    .bone.short {
      width: 40%;
    }
    @keyframes promo-pulse {
      50% {
        opacity: 0.45;
      }
    }
    .state-title {
      color: var(--_color-text-muted);
      font-weight: 600;
      font-size: var(--_font-size-m);
    }
    [part~='empty'],
    [part~='unavailable'],
    [part~='error'] {
      color: var(--_color-text-muted);
      padding: var(--_space-s) 0;
    }
    [part~='error'] {
      color: var(--_color-bad);
    }
    [part~='empty-actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s);
    }
    [part~='empty-actions'] button {
      font: inherit;
      font-size: var(--_font-size-s);
      color: var(--_color-accent);
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      padding: var(--_space-xs) var(--_space-s);
      min-height: 2em;
      cursor: pointer;
    }
    svg[part~='chart'] {
      direction: ltr;
    }
    :host(:dir(rtl)) svg[part~='chart'] {
      transform: scaleX(-1);
    }
    .font-probe {
      position: absolute;
      inset-block-start: 0;
      inset-inline-start: 0;
      inline-size: var(--_font-size);
      block-size: 0;
      visibility: hidden;
    }
    [part~='config-error'] {
      margin: 0 0 var(--_space-s);
      font-size: var(--_font-size-s);
      color: var(--_color-bad);
    }
    [part~='actions'] {
      position: absolute;
      inset-block-start: var(--_space-xs);
      inset-inline-end: var(--_space-xs);
      z-index: 1;
    }
    [part~='actions'] summary {
      cursor: pointer;
      min-width: 28px;
      min-height: 28px;
      display: grid;
      place-items: center;
      border-radius: 6px;
      color: var(--_color-text-muted);
      font-weight: 700;
      letter-spacing: 1px;
    }
    [part~='actions'] summary::-webkit-details-marker {
      display: none;
    }
    [part~='actions'] summary:hover,
    [part~='actions'][open] summary {
      background: var(--_color-surface-muted);
    }
    .menu {
      position: absolute;
      inset-inline-end: 0;
      inset-block-start: 100%;
      display: grid;
      min-width: 10em;
      padding: 4px;
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      border-radius: 6px;
      box-shadow: var(--_shadow);
    }
    .menu button {
      font: inherit;
      text-align: start;
      color: var(--_color-text);
      background: none;
      border: 0;
      border-radius: 4px;
      padding: 6px 8px;
      cursor: pointer;
    }
    .menu button:hover {
      background: var(--_color-surface-muted);
    }
    .table-wrap {
      margin-top: var(--_space);
      max-width: 100%;
      overflow-x: auto;
    }
    [part~='table'] {
      border-collapse: collapse;
      width: 100%;
      font-size: var(--_font-size-s);
      font-variant-numeric: tabular-nums;
    }
    [part~='table'] caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 4px;
    }
    [part~='table'] th,
    [part~='table'] td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--_color-border);
      text-align: start;
      white-space: nowrap;
    }
    [part~='table'] tbody th {
      white-space: normal;
      min-width: 6em;
    }
    [part~='table'] thead th {
      background: var(--_color-surface-muted);
    }
    [part~='table'] .num {
      text-align: end;
    }
    @media (prefers-reduced-motion: reduce) {
      .promo-root *,
      .promo-root *::before,
      .promo-root *::after {
        animation: none !important;
        transition: none !important;
      }
    }
  `,
];
