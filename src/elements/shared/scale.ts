/**
 * Chart maths the widgets share: a linear scale whose `nice` domain and `ticks` come from
 * d3-array (the same algorithm as d3-scale's `scaleLinear`, without the interpolators,
 * colour parsing and number formatting that d3-scale pulls in: the widgets format ticks
 * with Intl), and two domains with aligned zeros. The SVG paths of lines and areas are in
 * `paths.ts`, so a widget without lines does not load d3-shape. Pure, no DOM.
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
 * The map of a linear scale from `domain` to `range`, without ticks or `nice` (so without
 * d3-array): what a chart with no axis, such as a sparkline, needs. A domain of one value
 * maps everything to the middle of the range, as d3 does.
 */
export function linearMap(
  domain: readonly [number, number],
  range: readonly [number, number],
  clamp = false,
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v: number) => {
    let t = span === 0 || !Number.isFinite(span) ? 0.5 : (v - d0) / span;
    if (clamp) t = Math.min(1, Math.max(0, t));
    return r0 * (1 - t) + r1 * t;
  };
}

/**
 * A linear scale from `domain` to `range` (see `linearMap`), with ticks, and its domain
 * extended to round values with `nice`.
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
  const scale = linearMap([d0, d1], range, o.clamp) as LinearScale;
  Object.defineProperty(scale, 'domain', { value: [d0, d1] as const });
  scale.ticks = (count: number) => ticksOf(d0, d1, count);
  return scale;
}

/**
 * Two domains stretched so that zero falls at the same fraction of both ranges: two axes
 * drawn over one plot then share their zero line (₫0 beside 0 %, never beside −70 %).
 * Each domain must hold zero (`[lo <= 0, hi >= 0]`); the side of zero each one lacks
 * is extended, nothing is cut.
 */
export function alignZeros(
  a: readonly [number, number],
  b: readonly [number, number],
): [[number, number], [number, number]] {
  const below = ([lo, hi]: readonly [number, number]) => (hi - lo > 0 ? -lo / (hi - lo) : 0);
  let f = Math.max(below(a), below(b));
  // One domain wholly below zero and the other above it: zero in the middle, so both fit.
  if (f >= 1 && (a[1] > 0 || b[1] > 0)) f = 0.5;
  const fit = ([lo, hi]: readonly [number, number]): [number, number] => {
    if (hi - lo <= 0) return f >= 1 ? [-1, 0] : f <= 0 ? [0, 1] : [-f, 1 - f];
    // The zero sits at fraction f: extend below (more negative) or above (more positive).
    if (below([lo, hi]) < f) return f >= 1 ? [lo, 0] : [Math.min(lo, (-f * hi) / (1 - f)), hi];
    return f <= 0 ? [0, hi] : [lo, Math.max(hi, (-lo * (1 - f)) / f)];
  };
  return [fit(a), fit(b)];
}
