import { css, unsafeCSS } from 'lit';
import { tokenStyles } from '../../theme/theme.js';
import { accessStyles, forcedColors } from '../shared/styles.js';
import { TILE_ROWS } from '../kpi-tile/define.js';

/**
 * Board layout: filter bar on top, a responsive row of tiles, then the widgets in a grid. The
 * reasons are written here rather than in the CSS, which ships as text:
 * - `.chips`: the filters in force, each a removable chip, on their own line under the controls.
 * - `.tiles`: the tile row, with this fallback until the board has measured it, then the column
 *   count of tileGrid (full rows, or a stretched last row) set on the element. The tiles of a
 *   row share its rows (label, value, change, trend), so they have one height and their values
 *   line up: each tile takes its rows from the grid (`.tiles > promo-kpi-tile`). Of a tile's
 *   rows, label, value and change are as tall as the row needs; the last, trend and target,
 *   one height in every row. At most four tiles a row, so the eight default tiles make two
 *   even rows.
 * - `.widgets`: chart, budget gauges, heatmap, one above the other; the gauges share their row.
 * - `.breakdowns`, `.pair`: the breakdowns (channel, each attribute) and the re-activation /
 *   loyalty pair, two a row when there is room.
 */
export const boardStyles = [
  tokenStyles,
  accessStyles,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .board {
      --_gap: var(--promo-board-gap, var(--_space-l));
      --_tile-min: var(--promo-board-tile-min, 230px);
      display: grid;
      gap: var(--_gap);
      color: var(--_color-text);
      font-family: var(--_font-family);
      font-size: var(--_font-size);
      line-height: 1.4;
    }
    .board *,
    .board *::before,
    .board *::after {
      box-sizing: border-box;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_space);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_space);
      flex: 1 1 auto;
      margin: 0;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s);
      flex: 1 0 100%;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      max-width: 100%;
      padding-inline-start: 0.75em;
      border: 1px solid var(--_color-accent);
      border-radius: 999px;
      background: var(--_color-surface-muted);
      font-size: var(--_font-size-s);
    }
    .chip-text {
      overflow-wrap: anywhere;
    }
    .chip-name {
      color: var(--_color-text-muted);
    }
    .chips .chip-remove {
      min-height: 0;
      min-width: 2em;
      padding: 0.15em 0.5em;
      border: 0;
      border-radius: 999px;
      background: transparent;
      line-height: 1;
    }
    .chips .chip-remove:hover {
      background: var(--_color-surface);
    }
    .chips .chip-remove:focus-visible {
      outline: 2px solid var(--_color-focus);
      outline-offset: 1px;
    }
    .period {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-m);
    }
    .field {
      display: grid;
      gap: 2px;
    }
    .field-label {
      font-size: var(--_font-size-s);
      color: var(--_color-text-muted);
    }
    select,
    input[type='date'],
    button,
    summary {
      font: inherit;
      color: var(--_color-text);
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      border-radius: calc(var(--_radius) * 0.75);
      min-height: 2.25em;
      padding: 0.25em 0.6em;
    }
    button {
      cursor: pointer;
    }
    select:disabled,
    input:disabled,
    button:disabled {
      cursor: default;
      color: var(--_color-text-muted);
    }
    .menu {
      position: relative;
    }
    summary {
      display: grid;
      grid-template-columns: auto;
      cursor: pointer;
      list-style: none;
      min-width: 9em;
      padding-inline-end: 1.8em;
      line-height: 1.2;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary::after {
      content: '▾';
      position: absolute;
      inset-inline-end: 0.6em;
      top: 50%;
      transform: translateY(-50%);
      color: var(--_color-text-muted);
    }
    .menu[open] summary::after {
      content: '▴';
    }
    .menu-panel {
      position: absolute;
      z-index: 10;
      top: calc(100% + 4px);
      inset-inline-start: 0;
      min-width: 14em;
      max-height: 20em;
      overflow: auto;
      margin: 0;
      padding: var(--_space-s);
      display: grid;
      gap: 2px;
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
    }
    .check {
      display: flex;
      gap: 0.5em;
      align-items: center;
      padding: 0.25em 0.35em;
      border-radius: 4px;
      white-space: nowrap;
      cursor: pointer;
    }
    .menu-panel .hint {
      margin: 0.25em 0.35em 0;
      max-width: 18em;
      white-space: normal;
      font-size: var(--_font-size-s);
      color: var(--_color-text-muted);
    }
    .check:has(input:disabled) {
      cursor: not-allowed;
    }
    .check:hover {
      background: var(--_color-surface-muted);
    }
    input[type='checkbox'] {
      width: 1.05em;
      height: 1.05em;
      margin: 0;
    }
    .link {
      border: none;
      background: none;
      color: var(--_color-accent);
      text-align: start;
      min-height: auto;
      padding: 0.25em 0.35em;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: center;
      font-size: var(--_font-size-s);
      color: var(--_color-text-muted);
      min-height: 2.25em;
    }
    .problems-toggle {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25em 0.6em;
      align-items: center;
      min-height: 2em;
      font-size: 1em;
      color: var(--_color-bad);
      border-color: var(--_color-bad);
    }
    .problems {
      flex-basis: 100%;
      font-size: var(--_font-size-s);
      padding: var(--_space-s) var(--_space);
      border: 1px solid var(--_color-border);
      border-inline-start: 3px solid var(--_color-bad);
      border-radius: var(--_radius);
      background: var(--_color-surface);
    }
    .problems-title {
      margin: 0 0 0.25em;
      font-size: 1em;
    }
    .problems ul {
      margin: 0;
      padding-inline-start: 1.2em;
      max-height: 16em;
      overflow: auto;
    }
    .live {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      font-weight: 600;
      color: var(--_color-good);
    }
    .dot {
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: currentColor;
      animation: promo-blink 1.6s ease-in-out infinite;
    }
    @keyframes promo-blink {
      50% {
        opacity: 0.3;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dot {
        animation: none;
      }
    }
    .message {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      padding: var(--_space-m) var(--_space);
      border-radius: var(--_radius);
      border: 1px solid var(--_color-border);
      background: var(--_color-surface);
    }
    .message.error {
      border-color: var(--_color-bad);
      color: var(--_color-bad);
    }
    .tiles {
      position: relative;
      display: grid;
      grid-auto-rows: ${unsafeCSS('auto '.repeat(TILE_ROWS - 1))} 1fr;
      grid-template-columns: repeat(
        auto-fill,
        minmax(min(100%, max(var(--_tile-min), calc((100% - 3 * var(--_space)) / 4))), 1fr)
      );
      gap: var(--_space);
    }
    .tiles > promo-kpi-tile {
      display: grid;
      grid-row: span ${TILE_ROWS};
      grid-template-rows: subgrid;
      row-gap: 0;
    }
    .tile-probe {
      position: absolute;
      inline-size: var(--_tile-min);
      block-size: 0;
      visibility: hidden;
      pointer-events: none;
    }
    .widgets {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_gap);
      align-items: start;
    }
    .breakdowns,
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
      gap: var(--_gap);
      align-items: start;
    }
    .gauges {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 380px), 1fr));
      gap: var(--_space);
      align-items: start;
    }
    ::slotted(*) {
      min-width: 0;
    }
  `,
  forcedColors(`
    .dot {
      forced-color-adjust: none;
      background: CanvasText;
    }
  `),
];
