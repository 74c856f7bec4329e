import { css } from 'lit';
import { forcedColors, frameStyles } from '../shared/frame-styles.js';
import { figureTokenStyles } from '../../theme/theme.js';

/**
 * The rows of a tile: label, value, change, then trend, target and table. A grid of tiles
 * whose items are subgrids of this many rows (`promo-kpi-tile { display: grid; grid-row: span
 * 4; grid-template-rows: subgrid }`, as the board's tile row does) gives the tiles of a row
 * shared rows, so their values line up whatever the length of their labels.
 */
export const TILE_ROWS = 4;

/**
 * The tile's styles. Their reasons are written here rather than in the CSS, which ships as
 * text:
 * - The frame (`.promo-root`) is a grid of the tile's rows. When the host is a subgrid of its
 *   parent (see TILE_ROWS), the frame takes the host's rows (inherit), so the rows are the
 *   parent's. Rows are spaced by margins, not gaps: a tile without a change or trend takes no
 *   space.
 * - `bdi`: numbers keep their own order ("+32.1%") in right-to-left text.
 * - The comparison ("previous: 776,868 ₫", `[data-trend] .vs`) is one phrase:
 *   it never breaks inside. It sits beside the change when both fit, else on a line of its
 *   own; narrower still, it is cut with an ellipsis (the whole phrase in its title).
 */
export const kpiTileStyles = [
  ...frameStyles,
  figureTokenStyles,
  css`
    .promo-root {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: inherit;
      grid-row: inherit;
      row-gap: 0;
      align-content: start;
    }
    .tile {
      display: contents;
    }
    .figure,
    [part~='delta'],
    .more {
      margin-block-start: var(--_space-xs);
    }
    [part~='label'] {
      grid-row: 1;
      padding-inline-end: 28px;
      color: var(--_color-text-muted);
      overflow-wrap: anywhere;
    }
    .figure {
      grid-row: 2;
    }
    [part~='value'] {
      font-size: var(--_font-size-xl);
      font-weight: 650;
      line-height: 1.15;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .narrow [part~='value'] {
      font-size: calc(var(--_font-size-xl) * 0.8);
    }
    [part~='label'],
    [part~='value'].config-error {
      font-size: var(--_font-size-m);
      font-weight: 500;
    }
    [part~='reason'],
    [part~='target'],
    .vs {
      color: var(--_color-text-muted);
      font-size: var(--_font-size-s);
    }
    [part~='delta'] {
      grid-row: 3;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.4em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .change {
      white-space: nowrap;
    }
    bdi {
      direction: ltr;
    }
    .vs {
      font-weight: 400;
    }
    [data-trend] .vs {
      min-width: 0;
      max-width: 100%;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .tone-good {
      color: var(--_color-good);
    }
    .tone-bad {
      color: var(--_color-bad);
    }
    .tone-neutral {
      color: var(--_color-neutral);
    }
    .more {
      grid-row: 4;
      display: grid;
      align-content: start;
      gap: var(--_space-xs);
    }
    [part~='sparkline'] {
      display: block;
      width: 100%;
      height: 36px;
      overflow: visible;
    }
    path {
      fill: none;
      stroke: var(--_color-accent);
      stroke-width: 2;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    circle {
      fill: var(--_color-accent);
    }
    [part~='target'] {
      display: grid;
      gap: 4px;
    }
    .track {
      height: 6px;
      border-radius: 3px;
      background: var(--_color-surface-muted);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      border-radius: 3px;
      background: var(--_color-accent);
      transition: width 0.4s ease;
    }
    .fill.met {
      background: var(--_color-good);
    }
  `,
  forcedColors(`
    .track {
      border: 1px solid CanvasText;
    }
    .fill,
    .fill.met {
      forced-color-adjust: none;
      background: Highlight;
    }
    path {
      stroke: CanvasText;
    }
    circle {
      fill: CanvasText;
    }
  `),
];
