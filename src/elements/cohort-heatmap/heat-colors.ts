/**
 * The heat colours of the cohort heatmap as the canvas serialises them, so the cell text
 * colour can be chosen by contrast in script.
 */
import { HEAT_TOKENS, publicVar } from '../../theme/tokens.js';

let paint: CanvasRenderingContext2D | null | undefined;

/** A CSS colour as the canvas serialises it (`#rrggbb` or `rgba(...)` for named, hsl(), ...). */
export function toRgb(color: string): string {
  paint ??= document.createElement('canvas').getContext('2d');
  if (!paint) return color;
  paint.fillStyle = '#000';
  paint.fillStyle = color;
  return String(paint.fillStyle);
}

/**
 * The heat colours (low, high) on `el`, as hex or `rgb()`: the page's `--promo-*` values (any
 * CSS colour, normalised by a canvas), else the theme defaults (`dark` or light).
 */
export function heatColors(el: Element, dark: boolean): [string, string] {
  const cs = getComputedStyle(el);
  const pick = (name: 'color-heat-low' | 'color-heat-high') =>
    toRgb(cs.getPropertyValue(publicVar(name)).trim() || (dark ? HEAT_TOKENS[name].dark : HEAT_TOKENS[name].light));
  return [pick('color-heat-low'), pick('color-heat-high')];
}
