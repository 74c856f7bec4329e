import { css } from 'lit';
import { frameStyles } from './frame-styles.js';

export { accessStyles, forcedColors, frameStyles } from './frame-styles.js';

/**
 * Styles every widget shares: `frameStyles`, then what a widget shows beside its content
 * (rules the tile, which shows none of it, leaves out):
 * - the text of a chart, right to left: turned back around its own box, so it reads normally
 *   where the mirror of the chart put it;
 * - the list of values the widget could not read (`config-error`; the tile shows them in place
 *   of its value);
 * - the notes of `notes.ts`: partial data, and filters that do not reach the panel;
 * - the widget's title (`title` part): room at its end for the actions menu, and a long
 *   word (a campaign or store name) wraps rather than run under the menu.
 */
export const widgetStyles = [
  ...frameStyles,
  css`
    [part~='title'] {
      margin: 0;
      padding-inline-end: 32px;
      font-size: 1em;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    :host(:dir(rtl)) svg[part~='chart'] text {
      transform: scaleX(-1);
      transform-box: fill-box;
      transform-origin: center;
    }
    [part~='config-error'] ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='filter-note'] {
      color: var(--_color-text-muted);
      padding: var(--_space-s) 0;
    }
    [part~='partial'] {
      margin: var(--_space-s) 0 0;
      font-size: var(--_font-size-s);
      color: var(--_color-text-muted);
    }
  `,
];
