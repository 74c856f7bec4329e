import { css } from 'lit';
import { forcedColors, widgetStyles } from '../shared/styles.js';

export const budgetGaugeStyles = [
  ...widgetStyles,
  css`
    [part~='title'] {
      margin: 0 0 calc(var(--_space) * 0.5);
      padding-inline-end: 28px;
      font-size: 1em;
      font-weight: 600;
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
      margin-inline-start: auto;
      color: var(--_color-text-muted);
      font-size: 0.85em;
    }
    [part~='status'] {
      display: inline-flex;
      gap: 0.35em;
      align-items: center;
      font-size: 0.85em;
      font-weight: 600;
    }
    .status-scheduled {
      --_status: var(--_color-status-scheduled);
    }
    .status-on-track {
      --_status: var(--_color-status-on-track);
    }
    .status-at-risk {
      --_status: var(--_color-status-at-risk);
    }
    .status-over-budget {
      --_status: var(--_color-status-over-budget);
    }
    .status-ended {
      --_status: var(--_color-status-ended);
    }
    [part~='status'] .word {
      color: var(--_status);
    }
    [part~='status'] .dot {
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
    .spent {
      fill: var(--_status);
    }
    .projected {
      fill: var(--_status);
      fill-opacity: 0.3;
    }
    .budget-line {
      stroke: var(--_color-text-muted);
      stroke-width: 2;
    }
    .expected {
      stroke: var(--_color-text);
      stroke-width: 2;
      stroke-dasharray: 3 2;
    }
    [part~='figures'] {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9.5em, 1fr));
      gap: 4px 12px;
      margin: 0;
      font-size: 0.85em;
    }
    [part~='figures'] div {
      min-width: 0;
    }
    [part~='figures'] dt {
      color: var(--_color-text-muted);
    }
    [part~='figures'] dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
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
    .key.ghost {
      opacity: 0.3;
    }
    .key.marker {
      width: 0;
      height: 12px;
      border-inline-start: 2px dashed var(--_color-text);
      border-radius: 0;
      background: none;
    }
    .key.budget {
      width: 0;
      height: 12px;
      border-inline-start: 2px solid var(--_color-text-muted);
      border-radius: 0;
      background: none;
    }
  `,
  forcedColors(`
    [part~='status'] .dot {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .key {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .key.ghost {
      opacity: 1;
      background: GrayText;
    }
    .key.marker,
    .key.budget {
      background: none;
      border-color: CanvasText;
    }
  `),
];
