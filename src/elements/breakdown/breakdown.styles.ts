import { css } from 'lit';
import { widgetStyles } from '../shared/styles.js';
import { selectionStyles } from '../shared/selection.js';

/**
 * The breakdown's styles after the shared ones. While a value is selected (`.picked`), the
 * bars and texts of the others step back (dimmed). The reasons are written here, not in the
 * CSS text, which ships: the chart is a grid item of the root, so a block, and takes the
 * frame's font (inherited); the root, a block in a block, needs no min-width; a row's texts take
 * their fill from their group (`.row-text`), the comparison its own; a rect has no stroke
 * unless the focus ring gives the hit area one.
 */
export const breakdownStyles = [
  ...widgetStyles,
  selectionStyles,
  css`
    .bd-root {
      display: grid;
      gap: calc(var(--_space) * 0.4);
    }
    .head {
      display: flex;
      justify-content: flex-end;
      font-size: 0.8em;
      color: var(--_color-text-muted);
    }
    [part~='chart'] {
      max-width: 100%;
      overflow: visible;
      font-variant-numeric: tabular-nums;
    }
    .label {
      font-size: 0.95em;
    }
    .value {
      font-weight: 600;
    }
    .comparison {
      fill: var(--_color-text-muted);
      font-size: 0.85em;
    }
    .track {
      fill: var(--_color-surface-muted);
    }
    .bar {
      fill: var(--_color-accent);
    }
    .bar.others {
      fill: var(--_color-text-muted);
    }
    .hit {
      fill: transparent;
    }
    .row {
      cursor: pointer;
      outline: none;
    }
    .row[aria-disabled='true'] {
      cursor: default;
    }
    .row:hover .hit,
    .row[aria-pressed='true'] .hit {
      fill: var(--_color-surface-muted);
    }
    .row:hover .track,
    .row[aria-pressed='true'] .track {
      fill: var(--_color-border);
    }
    .picked .row:not(.chosen) .bar,
    .picked .row:not(.chosen) + .row-text {
      opacity: 0.35;
    }
    .row:focus-visible .hit {
      stroke: var(--_color-focus);
      stroke-width: 2;
    }
    .row-text {
      fill: var(--_color-text);
      pointer-events: none;
    }
    .row-text.chosen .label {
      font-weight: 700;
    }
    [part~='note'] {
      margin: 0;
      font-size: 0.85em;
      color: var(--_color-text-muted);
    }
    @media (forced-colors: active) {
      .bar {
        fill: CanvasText;
      }
      .track {
        fill: Canvas;
        stroke: CanvasText;
      }
    }
  `,
];
