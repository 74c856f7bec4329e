/**
 * Pure geometry of a KPI tile: the sparkline and the target bar. No DOM.
 */
import { extent } from 'd3-array';
import { linearScale, linePath } from '../shared/scale.js';
import type { KpiPolarity } from '../../core/vocabulary.js';

export interface SparklineGeometry {
  /** SVG path of the line (`M...L...`). */
  path: string;
  /** Last point (for the end dot). */
  last: { x: number; y: number };
  width: number;
  height: number;
}

/**
 * The sparkline of `values` in a `width` x `height` box (with `pad` px inside for the end
 * dot and the stroke). A flat series is drawn at mid-height. Fewer than 2 finite values
 * give null.
 */
export function sparkline(values: readonly number[], width: number, height: number, pad = 3): SparklineGeometry | null {
  const ys = values.map((v) => (Number.isFinite(v) ? v : 0));
  if (ys.length < 2 || width <= 2 * pad || height <= 2 * pad) return null;
  const [lo = 0, hi = 0] = extent(ys);
  const x = linearScale([0, ys.length - 1], [pad, width - pad]);
  const y = linearScale(lo === hi ? [lo - 1, hi + 1] : [lo, hi], [height - pad, pad]);
  const round = (n: number) => Math.round(n * 100) / 100;
  const path = linePath(
    ys.map((_, i) => round(x(i))),
    ys.map((v) => round(y(v))),
  );
  return { path, last: { x: round(x(ys.length - 1)), y: round(y(ys[ys.length - 1])) }, width, height };
}

/** Direction of a change. */
export type Trend = 'up' | 'down' | 'flat';
/** How a change reads, given the KPI's polarity. */
export type Tone = 'good' | 'bad' | 'neutral';

export function trendOf(delta: number | null | undefined): Trend | null {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return null;
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
}

/** Up is good for higher-is-better KPIs, bad for lower-is-better ones (CAC, costs). */
export function toneOf(trend: Trend | null, polarity: KpiPolarity): Tone {
  if (!trend || trend === 'flat' || polarity === 'neutral') return 'neutral';
  return (trend === 'up') === (polarity === 'higher-is-better') ? 'good' : 'bad';
}

export interface TargetGeometry {
  /** value / target (may exceed 1; null when not computable). */
  ratio: number | null;
  /** Width of the filled bar as a fraction of the track, clamped to [0, 1]. */
  fill: number;
  /** Whether the target is met, given the polarity (at or under it for lower-is-better). */
  met: boolean;
}

/** Progress of `value` to `target`. */
export function targetProgress(value: number | null, target: number, polarity: KpiPolarity): TargetGeometry | null {
  if (value === null || !Number.isFinite(value) || !Number.isFinite(target) || target === 0) return null;
  const ratio = value / target;
  return {
    ratio,
    fill: Math.min(1, Math.max(0, ratio)),
    met: polarity === 'lower-is-better' ? value <= target : value >= target,
  };
}
