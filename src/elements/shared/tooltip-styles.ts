import { css } from 'lit';

/**
 * The tooltip of the widgets that draw one (campaign chart, cohort heatmap): they list
 * it after `widgetStyles`. A module of its own, so the widgets without a tooltip do not load it.
 */
export const tooltipStyles = css`
  [part~='tooltip'] {
    position: absolute;
    z-index: 2;
    pointer-events: none;
    max-width: min(280px, 90%);
    padding: 6px 8px;
    border-radius: 6px;
    background: var(--_color-text);
    color: var(--_color-surface);
    font-size: var(--_font-size-s);
    line-height: 1.35;
    box-shadow: var(--_shadow);
  }
`;
