/**
 * The two pieces of chart maths the widgets need, kept small: a linear scale whose
 * `nice` domain and `ticks` come from d3-array (the same algorithm as d3-scale's
 * `scaleLinear`, without the interpolators, colour parsing and number formatting that
 * d3-scale pulls in: the widgets format ticks with Intl), and SVG paths of a polyline and
 * of the area under it (the straight-segment output of d3-shape's `line` and `area`).
 * Pure, no DOM.
 */
import { nice as niceDomain, ticks as ticksOf } from 'd3-array';

/** A linear map from a domain to a range (pixels, or [0, 1]). */
export interface LinearScale {
  (value: number): number;
  /** The domain, after `nice` when asked. */
  readonly domain: readonly [number, number];
  /** About `count` round values spanning the domain (d3-array `ticks`). */
  ticks(count: number): number[];
}

export interface LinearScaleOptions {
  /** Extends the domain to round values, as d3's `scale.nice(count)` (`true`: 10). */
  nice?: boolean | number;
  /** Keeps outputs inside the range. */
  clamp?: boolean;
}

/**
 * A linear scale from `domain` to `range`. A domain of one value maps everything to the
 * middle of the range, as d3 does.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  o: LinearScaleOptions = {},
): LinearScale {
  let [d0, d1] = domain;
  if (o.nice) {
    // d3-array's nice wants start <= stop; a descending domain is niced the other way round.
    const count = o.nice === true ? 10 : o.nice;
    if (d0 <= d1) [d0, d1] = niceDomain(d0, d1, count);
    else [d1, d0] = niceDomain(d1, d0, count);
  }
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((v: number) => {
    let t = span === 0 || !Number.isFinite(span) ? 0.5 : (v - d0) / span;
    if (o.clamp) t = Math.min(1, Math.max(0, t));
    return r0 * (1 - t) + r1 * t;
  }) as LinearScale;
  Object.defineProperty(scale, 'domain', { value: [d0, d1] as const });
  scale.ticks = (count: number) => ticksOf(d0, d1, count);
  return scale;
}

/** Points as `x,y` pairs. */
const pairs = (xs: readonly number[], ys: readonly number[]): string[] => ys.map((y, i) => `${xs[i]},${y}`);

/**
 * SVG path of the polyline through (`xs[i]`, `ys[i]`): `M x,y L x,y ...` (one point: `M x,y Z`);
 * '' without points.
 */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  return ys.length ? `M${pairs(xs, ys).join('L')}${ys.length === 1 ? 'Z' : ''}` : '';
}

/** SVG path of the area between the polyline and the baseline `y0`, closed; '' without points. */
export function areaPath(xs: readonly number[], ys: readonly number[], y0: number): string {
  if (!ys.length) return '';
  const base = ys.map((_, i) => `${xs[i]},${y0}`).reverse();
  return `M${pairs(xs, ys).join('L')}L${base.join('L')}Z`;
}
