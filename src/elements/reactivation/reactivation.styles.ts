import { css } from 'lit';
import { widgetStyles } from '../shared/styles.js';

/**
 * The re-activation panel's styles after the shared ones. On narrow cards (`.narrow`) the
 * column headings are hidden: a segment's name and its rate share the first line, the other
 * figures go below with their names shown. The reasons are written here, not in the CSS
 * text, which ships.
 */
export const reactivationStyles = [
  ...widgetStyles,
  css`
    .ra-root {
      --_cols: minmax(6.5em, 1.2fr) minmax(4em, 0.8fr) minmax(4em, 0.8fr) minmax(7em, 1.4fr) minmax(3.5em, 0.7fr)
        minmax(5em, 1fr);
      display: grid;
      gap: calc(var(--_space) * 0.4);
      min-width: 0;
    }
    [part~='base-day'],
    [part~='note'],
    [part~='chosen'] {
      margin: 0;
      font-size: 0.85em;
      color: var(--_color-text-muted);
    }
    [part~='config-error'] {
      margin: 0;
      font-size: 0.85em;
    }
    [part~='list-switch'] {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 14px;
      align-items: center;
      margin: 0;
      padding: 0;
      border: 0;
      font-size: 0.9em;
    }
    [part~='list-switch'] legend {
      float: left;
      margin-inline-end: 4px;
      padding: 0;
      color: var(--_color-text-muted);
    }
    [part~='list-switch'] label {
      display: inline-flex;
      gap: 4px;
      align-items: center;
      cursor: pointer;
    }
    [part~='list-switch'] input {
      margin: 0;
    }
    .heads,
    [part~='segment'] {
      display: grid;
      grid-template-columns: var(--_cols);
      gap: 4px 10px;
      align-items: center;
    }
    .heads {
      padding: 0 8px;
      font-size: 0.8em;
      color: var(--_color-text-muted);
    }
    [part~='segments'] {
      display: grid;
      font-variant-numeric: tabular-nums;
    }
    [part~='segment'] {
      padding: 6px 8px;
      border-top: 1px solid var(--_color-border);
      border-inline-start: 3px solid transparent;
      cursor: pointer;
      outline: none;
    }
    [part~='segment']:hover,
    [part~='segment'][aria-selected='true'] {
      background: var(--_color-surface-muted);
    }
    [part~='segment'][aria-selected='true'] {
      border-inline-start-color: var(--_color-accent);
      font-weight: 600;
    }
    [part~='segment']:focus-visible {
      outline: 2px solid var(--_color-focus);
      outline-offset: -2px;
    }
    .num {
      text-align: end;
      white-space: nowrap;
    }
    .seg {
      font-weight: 600;
    }
    .rate-cell {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 6px;
      align-items: center;
    }
    .track {
      display: block;
      height: 8px;
      border-radius: 4px;
      background: var(--_color-surface-muted);
      overflow: hidden;
    }
    [part~='segment']:hover .track,
    [part~='segment'][aria-selected='true'] .track {
      background: var(--_color-border);
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 4px;
      background: var(--_color-accent);
    }
    .narrow .heads {
      display: none;
    }
    .narrow [part~='segment'] {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
    .narrow .seg {
      grid-column: 1 / 3;
    }
    .narrow .rate-cell {
      grid-column: 3 / 5;
      grid-row: 1;
    }
    .fig-label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .narrow .fig {
      display: grid;
      text-align: start;
      font-size: 0.9em;
    }
    .narrow .rate-cell .fig {
      display: block;
      text-align: end;
    }
    .narrow .fig-label {
      position: static;
      width: auto;
      height: auto;
      clip: auto;
      overflow: hidden;
      text-overflow: ellipsis;
      font-size: 0.8em;
      font-weight: 400;
      color: var(--_color-text-muted);
    }
    .narrow .rate-cell .fig-label {
      position: absolute;
      width: 1px;
      height: 1px;
      clip: rect(0 0 0 0);
    }
    .menu button:disabled {
      cursor: default;
      color: var(--_color-text-muted);
    }
    @media (forced-colors: active) {
      .fill {
        background: CanvasText;
      }
      .track {
        border: 1px solid CanvasText;
      }
      [part~='segment'][aria-selected='true'] {
        border-inline-start-color: Highlight;
      }
    }
  `,
];
