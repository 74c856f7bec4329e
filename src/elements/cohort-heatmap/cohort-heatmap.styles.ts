import { css } from 'lit';
import { widgetStyles } from '../shared/styles.js';
import { heatTokenStyles } from '../../theme/theme.js';
import { tooltipStyles } from '../shared/tooltip-styles.js';

/**
 * Styles of `<promo-cohort-heatmap>`. Notes are kept here, not in the CSS (comments inside a
 * css`` literal ship in the bundle):
 * - The card is as wide as its grid (a short period does not leave half the card empty); the
 *   host keeps the full width, which is what the layout measures. With the recency panel
 *   beside it, the card spans the width the two share.
 * - A grid wider than the card scrolls sideways: a thin scrollbar, a fade at the edge while
 *   there is more to the right, and the row headers kept in view (`.sticky-col`, moved by the
 *   scroll offset, see grid-view.ts) with a line along them once scrolled.
 * - Focus (`.ring`): a ring in the focus colour outside a ring in the surface colour, visible
 *   on the darkest and the lightest cells alike.
 */
export const cohortHeatmapStyles = [
  ...widgetStyles,
  heatTokenStyles,
  tooltipStyles,
  css`
    .promo-root:has(.heat-root.fit) {
      inline-size: fit-content;
      max-inline-size: 100%;
      min-inline-size: min(100%, 22em);
    }
    .heat-root,
    .panels {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
    }
    .heat-root {
      gap: calc(var(--_space) * 0.5);
    }
    .panels.side {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      align-items: start;
    }
    h4,
    .note {
      margin: 0;
      font-size: 0.9em;
      color: var(--_color-text-muted);
    }
    h4 {
      margin-bottom: 4px;
      font-weight: 600;
    }
    .scroll-wrap {
      position: relative;
    }
    .scroll-x {
      overflow-x: auto;
      scrollbar-width: thin;
      scrollbar-color: var(--_color-text-muted) transparent;
    }
    .scroll-wrap.scrolls .scroll-x {
      padding-block-end: 4px;
    }
    .scroll-wrap[data-more]::after {
      content: '';
      position: absolute;
      inset-block: 0;
      inset-inline-end: 0;
      inline-size: 16px;
      background: linear-gradient(to right, transparent, var(--_color-surface));
      pointer-events: none;
    }
    .sticky-col {
      transform: translateX(var(--sx, 0px));
      pointer-events: none;
    }
    .sticky-bg {
      fill: var(--_color-surface);
    }
    [data-scrolled] .sticky-edge {
      stroke: var(--_color-border);
    }
    svg {
      display: block;
      overflow: visible;
      font-variant-numeric: tabular-nums;
    }
    .head,
    .rec-sub {
      fill: var(--_color-text-muted);
      font-size: 0.8em;
    }
    .row-label,
    .rec-label {
      fill: var(--_color-text);
      font-size: 0.9em;
    }
    .row-label.lines {
      font-size: 0.85em;
    }
    .row-size {
      fill: var(--_color-text-muted);
      font-size: 0.75em;
    }
    .cell-value {
      font-size: 0.8em;
      pointer-events: none;
    }
    .dark-text {
      fill: var(--_color-text);
    }
    .light-text {
      fill: var(--_color-surface);
    }
    .fixed-dark {
      fill: #000;
    }
    .fixed-light {
      fill: #fff;
    }
    [role='gridcell'] {
      outline: none;
      cursor: default;
    }
    .ring {
      fill: none;
      pointer-events: none;
    }
    [role='gridcell']:is(:hover, :focus-visible) .cell {
      stroke: var(--_color-surface);
      stroke-width: 2;
    }
    [role='gridcell']:is(:hover, :focus-visible) .ring {
      stroke: var(--_color-focus);
      stroke-width: 2;
    }
    [part~='legend'] {
      display: flex;
      align-items: center;
      gap: 8px;
      font-size: 0.8em;
      color: var(--_color-text-muted);
    }
    [part~='legend'] svg {
      flex: 1 1 auto;
      max-width: 220px;
      height: 10px;
      border: 1px solid var(--_color-border);
      border-radius: 2px;
    }
    .rec-key {
      text-align: end;
      font-size: 0.8em;
      color: var(--_color-text-muted);
      margin-bottom: 2px;
    }
    .rec-key strong {
      color: var(--_color-text);
    }
    .rec-bar {
      fill: var(--_color-accent);
    }
    .rec-track {
      fill: var(--_color-surface-muted);
    }
    .rec-value {
      fill: var(--_color-text);
      font-size: 0.85em;
      font-weight: 600;
    }
  `,
];
