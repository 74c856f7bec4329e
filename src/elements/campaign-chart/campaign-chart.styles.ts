import { css } from 'lit';
import { widgetStyles } from '../shared/styles.js';
import { seriesTokenStyles } from '../../theme/theme.js';
import { tooltipStyles } from '../shared/tooltip-styles.js';
import { selectionStyles } from '../shared/selection.js';

/**
 * Styles of the chart and its bars view (the trend view's come with its module). While a
 * campaign is selected (`.picked`) the other rows step back: their bars and their texts.
 * What the shared styles or the defaults already give is not restated: the chart's font
 * (inherited from the frame), strokes 1 px wide and none on the hit areas (SVG defaults),
 * and no transition under `prefers-reduced-motion` (the shared styles stop them all).
 * Reasons for rules are written here, not in the CSS text, which ships.
 */
export const campaignChartStyles = [
  ...widgetStyles,
  seriesTokenStyles,
  tooltipStyles,
  selectionStyles,
  css`
    .chart-root {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      min-width: 0;
    }
    [part~='legend'] {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 14px;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.85em;
      color: var(--_color-text-muted);
    }
    [part~='legend'] li {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    [part~='legend'] svg {
      flex: none;
      overflow: visible;
    }
    .scroll {
      position: relative;
      min-width: 0;
    }
    .scroll.scrolling {
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    [part~='chart'] {
      display: block;
      max-width: 100%;
      overflow: visible;
      font-variant-numeric: tabular-nums;
    }
    .axis text {
      fill: var(--_color-text-muted);
      font-size: 0.8em;
    }
    .grid line {
      stroke: var(--_color-border);
      shape-rendering: crispEdges;
    }
    .grid line.zero {
      stroke: var(--_color-text-muted);
    }
    .label,
    .value {
      fill: var(--_color-text);
      font-size: 0.92em;
    }
    .value {
      font-weight: 600;
    }
    .value.second,
    .reason {
      fill: var(--_color-text-muted);
      font-size: 0.8em;
      font-weight: 400;
    }
    .reason {
      font-style: italic;
    }
    .bar {
      fill: var(--_color-accent);
    }
    .bar.negative {
      fill: var(--_color-bad);
    }
    .bar.others {
      fill: var(--_color-text-muted);
    }
    .break {
      fill: none;
      stroke: var(--_color-surface);
      stroke-width: 2.5;
    }
    .bar2,
    .dot {
      fill: var(--_color-series-2);
    }
    .track2 {
      stroke: var(--_color-border);
      stroke-dasharray: 2 3;
    }
    .dot {
      stroke: var(--_color-surface);
      stroke-width: 1.5;
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
    .row:focus-visible .hit {
      stroke: var(--_color-focus);
      stroke-width: 2;
    }
    .row-text {
      pointer-events: none;
    }
    .row-text.selected .label {
      font-weight: 700;
    }
    .picked .row:not(.selected) :is(.bar, .bar2, .dot),
    .picked .row:not(.selected) + .row-text {
      opacity: 0.35;
    }
    [part~='tooltip'] strong {
      display: block;
      font-weight: 600;
    }
    .bar,
    .bar2 {
      transition:
        width 0.25s ease,
        x 0.25s ease;
    }
  `,
];
