import { css } from 'lit';
import { forcedColors, widgetStyles } from '../shared/styles.js';

export const kpiTileStyles = [
  ...widgetStyles,
  css`
    .tile {
      display: grid;
      gap: var(--_space-xs);
      min-width: 0;
    }
    [part~='label'] {
      padding-inline-end: 28px;
      color: var(--_color-text-muted);
      font-size: var(--_font-size-m);
      font-weight: 500;
      overflow-wrap: anywhere;
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
    [part~='value'].config-error {
      font-size: var(--_font-size-m);
      font-weight: 500;
      color: var(--_color-bad);
    }
    [part~='reason'] {
      color: var(--_color-text-muted);
      font-size: var(--_font-size-s);
    }
    [part~='delta'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.4em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    [part~='delta'] .change {
      white-space: nowrap;
    }
    /* Numbers keep their own order ("+32.1%") in right-to-left text. */
    bdi {
      direction: ltr;
      unicode-bidi: isolate;
    }
    [part~='delta'] .vs {
      color: var(--_color-text-muted);
      font-weight: 400;
      font-size: var(--_font-size-s);
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
    [part~='sparkline'] {
      display: block;
      width: 100%;
      height: 36px;
      overflow: visible;
    }
    [part~='sparkline'] path {
      fill: none;
      stroke: var(--_color-accent);
      stroke-width: 2;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    [part~='sparkline'] circle {
      fill: var(--_color-accent);
    }
    [part~='target'] {
      display: grid;
      gap: 4px;
      font-size: var(--_font-size-s);
      color: var(--_color-text-muted);
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
    [part~='sparkline'] path {
      stroke: CanvasText;
    }
    [part~='sparkline'] circle {
      fill: CanvasText;
    }
  `),
];
