import { css, unsafeCSS } from 'lit';
import { forcedColors, widgetStyles } from '../shared/styles.js';
import { statusTokenStyles } from '../../theme/theme.js';
import { GAUGE_STATUSES } from './layout.js';

/**
 * The gauge's rules, beyond the widget's frame. Figures never wrap: a value is written
 * compact when measured too wide for its column. From `LIST_FROM` campaigns on, the list is
 * `compact`: one row each (name, status, thin gauge, spent of budget), the rows sharing the
 * list's columns (subgrid) so names, statuses and bars line up; `narrow`, the name has its
 * own line (never cut), then the status, the bar, the figures. Legend items wrap as whole
 * items, never inside one.
 */
export const budgetGaugeStyles = [
  ...widgetStyles,
  statusTokenStyles,
  // Each status's colour, as `--_status`, on an element of class `status-<status>`.
  unsafeCSS(GAUGE_STATUSES.map((s) => `.status-${s}{--_status:var(--_color-status-${s})}`).join('')),
  css`
    [part~='title'] {
      margin-block-end: calc(var(--_space) * 0.5);
    }
    .list {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list > li + li {
      border-top: 1px solid var(--_color-border);
      padding-top: var(--_space);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 4px 12px;
      padding-inline-end: 28px;
    }
    .list > li + li .head {
      padding-inline-end: 0;
    }
    [part~='name'] {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    [part~='days'] {
      color: var(--_color-text-muted);
      font-size: 0.85em;
    }
    [part~='status'] {
      display: inline-flex;
      gap: 0.35em;
      align-items: center;
      font-size: 0.85em;
      font-weight: 600;
      white-space: nowrap;
    }
    .ended {
      color: var(--_color-status-ended);
    }
    .word {
      color: var(--_status);
    }
    .dot {
      width: 0.7em;
      height: 0.7em;
      border-radius: 50%;
      background: var(--_status);
    }
    [part~='gauge'] {
      display: block;
      width: 100%;
      height: 28px;
      margin: 6px 0;
    }
    .track {
      fill: var(--_color-surface-muted);
    }
    .spent,
    .projected {
      fill: var(--_status);
    }
    .projected {
      fill-opacity: 0.3;
    }
    .budget-line,
    .expected {
      stroke: var(--_color-text-muted);
      stroke-width: 2;
    }
    .expected {
      stroke: var(--_color-text);
      stroke-dasharray: 3 2;
    }
    dl {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 4px 12px;
      margin: 0;
      font-size: 0.85em;
    }
    .two {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    dt,
    dd {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    dt {
      color: var(--_color-text-muted);
    }
    dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .compact {
      grid-template-columns: minmax(0, max-content) max-content minmax(6em, 1fr) max-content;
      gap: 0 12px;
    }
    .list > .row {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      align-items: center;
      row-gap: 2px;
      padding-block: 6px;
    }
    .row [part~='name'] {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .row [part~='gauge'] {
      height: 16px;
      margin: 0;
    }
    .row-figures {
      font-size: 0.85em;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      text-align: end;
    }
    .narrow {
      grid-template-columns: minmax(0, 1fr);
    }
    .narrow [part~='name'] {
      white-space: normal;
    }
    .narrow .row-figures {
      text-align: start;
    }
    .over {
      color: var(--_color-bad);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin-top: calc(var(--_space) * 0.75);
      font-size: 0.8em;
      color: var(--_color-text-muted);
      white-space: nowrap;
    }
    .key {
      display: inline-block;
      width: 14px;
      height: 8px;
      margin-inline-end: 4px;
      vertical-align: middle;
      border-radius: 2px;
      background: var(--_color-text-muted);
    }
    .key.spent {
      background: var(--_status, var(--_color-text-muted));
    }
    .split {
      display: inline-flex;
      overflow: hidden;
    }
    .split > span {
      flex: 1;
      background: var(--_status);
    }
    .ghost {
      opacity: 0.3;
    }
    .key.marker,
    .key.budget {
      width: 0;
      height: 12px;
      border-inline-start: 2px solid var(--_color-text-muted);
      border-radius: 0;
      background: none;
    }
    .key.marker {
      border-inline-start: 2px dashed var(--_color-text);
    }
  `,
  forcedColors(`
    .dot,
    .key {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .ghost {
      opacity: 1;
      background: GrayText;
    }
    .key.marker,
    .key.budget {
      border-color: CanvasText;
    }
  `),
];
