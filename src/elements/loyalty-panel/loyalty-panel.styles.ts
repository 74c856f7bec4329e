import { css, unsafeCSS } from 'lit';
import { widgetStyles } from '../shared/styles.js';
import { figureTokenStyles, seriesTokenStyles } from '../../theme/theme.js';

/**
 * The figures' columns by the panel's own width (container queries: 2 from 21.5em, 4 from
 * 43.5em), as constant text, since the style checker of the lint step does not know
 * container queries yet (as `forcedColors` for forced-colors rules).
 */
const columnsByWidth = unsafeCSS(`
  .lp-root {
    container-type: inline-size;
  }
  @container (min-width: 21.5em) {
    [part~='kpis'] {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 43.5em) {
    [part~='kpis'] {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
`);

/** The panel's rules, beyond the widget's frame. Its eight figures are in 1, 2 or 4 columns of at least 10.5em: full rows, never 3 + 3 + 2. */
export const loyaltyPanelStyles = [
  ...widgetStyles,
  figureTokenStyles,
  seriesTokenStyles,
  css`
    .lp-root {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    .lp-root * {
      margin: 0;
    }
    [part~='kpis'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 0.5);
    }
    [part~='kpi'] {
      display: grid;
      align-content: start;
      gap: 2px;
      padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.65);
      border-radius: calc(var(--_radius) * 0.75);
      border: 1px solid var(--_color-border);
    }
    [part~='label'] {
      font-size: 0.82em;
      color: var(--_color-text-muted);
      overflow-wrap: anywhere;
    }
    [part~='value'] {
      font-size: 1.35em;
      font-weight: 650;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='reason'],
    .other,
    .note {
      font-size: 0.8em;
      color: var(--_color-text-muted);
    }
    .other strong {
      color: var(--_color-text);
      font-variant-numeric: tabular-nums;
    }
    [part~='delta'] {
      font-size: 0.82em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    [part~='delta'] .vs {
      font-weight: 400;
      color: var(--_color-text-muted);
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
    [part~='channels'] {
      display: grid;
      gap: 4px;
    }
    [part~='channels'] h4 {
      font-size: 0.92em;
      font-weight: 600;
    }
    [part~='legend'] {
      display: flex;
      gap: 14px;
      padding: 0;
      font-size: 0.82em;
      color: var(--_color-text-muted);
    }
    [part~='legend'] li {
      display: inline-flex;
      gap: 6px;
      align-items: center;
    }
    .key {
      width: 12px;
      height: 8px;
      border-radius: 2px;
    }
    .earned {
      background: var(--_color-series-1);
      fill: var(--_color-series-1);
    }
    .redeemed {
      background: var(--_color-series-2);
      fill: var(--_color-series-2);
    }
    [part~='chart'] {
      display: block;
      max-width: 100%;
      overflow: visible;
      font-variant-numeric: tabular-nums;
    }
    .label {
      fill: var(--_color-text);
      font-size: 0.9em;
    }
    text.num {
      fill: var(--_color-text-muted);
      font-size: 0.8em;
    }
    @media (forced-colors: active) {
      .lp-root {
        --_color-series-1: CanvasText;
        --_color-series-2: GrayText;
      }
    }
  `,
  // After the rules above, which give one column: 2 or 4 from these widths.
  columnsByWidth,
];
