/**
 * Styles of the trend view only: loaded with it (the element adopts them when the view's
 * module arrives), so the default bars view does not carry them. While a campaign is
 * selected (`.picked`) its line is bold (and drawn last) and the other lines and marks step
 * back; a week cut by the period (fewer than 7 days) is a hollow point (`circle.partial`).
 * Reasons for rules are written here, not in the CSS text, which ships. CSS text, not a
 * `css` result: this module does not import Lit (the element makes it a style sheet).
 */
export const trendViewStyles = `
  .area {
    fill: var(--_color-surface-muted);
    stroke: none;
  }
  .mark {
    color: var(--_color-text-muted);
  }
  .mark line {
    stroke: currentColor;
    stroke-width: 1;
    stroke-dasharray: 2 3;
    opacity: 0.8;
  }
  .mark path {
    fill: currentColor;
  }
  .total {
    fill: none;
    stroke: var(--_color-text-muted);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }
  .series {
    fill: none;
    stroke-width: 2;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .line.selected .series {
    stroke-width: 3.5;
  }
  .picked :is(.line, .mark):not(.selected) {
    opacity: 0.3;
  }
  [part~='legend'] li.selected {
    color: var(--_color-text);
    font-weight: 600;
  }
  [part~='legend'] li.dim svg {
    opacity: 0.4;
  }
  circle.partial {
    fill: var(--_color-surface);
    stroke-width: 1.5;
  }
  .cursor {
    stroke: var(--_color-text-muted);
    stroke-width: 1;
  }
  .trend-plot {
    cursor: crosshair;
  }
`;
