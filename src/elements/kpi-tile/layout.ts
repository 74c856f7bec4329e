/**
 * Pure geometry of a KPI tile: the sparkline and the target bar. No DOM.
 */
import { line } from 'd3-shape';
import { linearMap } from '../shared/scale.js';
import { own } from '../shared/kpi-meta.js';
import type { KpiPolarity } from '../../core/vocabulary.js';
import type { DailyPoint, KpiMeta } from '../../engine/report-types.js';

export interface SparklineGeometry {
  /** SVG path of the line (`M...L...`). */
  path: string;
  /** Last point (for the end dot). */
  last: { x: number; y: number };
}

/**
 * A KPI's value on each day of `daily` (null where it has none): the day's `dailyField`, or
 * for a ratio KPI `dailyField / dailyPer` of that day (null on a day where `dailyPer` is 0,
 * or either is null: a day without cogs or without exposure records).
 * With `campaign`, the campaign's own daily points, which hold revenue and orders only.
 * Empty when the KPI has no daily series.
 */
export function dailySeries(
  daily: readonly DailyPoint[],
  meta: Pick<KpiMeta, 'dailyField' | 'dailyPer'> | undefined,
  campaign = '',
): (number | null)[] {
  const field = meta?.dailyField;
  const per = meta?.dailyPer;
  if (!field) return [];
  const perCampaign = (f: string) => f === 'revenue' || f === 'orders';
  if (campaign && (!perCampaign(field) || (per && !perCampaign(per)))) return [];
  const of = (d: DailyPoint, f: NonNullable<KpiMeta['dailyField']>): number | null => {
    if (!campaign) {
      const v = d[f];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    const c = own<DailyPoint['byCampaign'][string]>(d.byCampaign, campaign);
    return c ? c[f as 'revenue' | 'orders'] : 0;
  };
  return daily.map((d) => {
    const value = of(d, field);
    if (!per) return value;
    const den = of(d, per);
    return value === null || den === null || den === 0 ? null : value / den;
  });
}

/**
 * The sparkline of `values` in a `width` x `height` box (with `pad` px inside for the end
 * dot and the stroke). A day without a value (null) is a gap in the line; a flat series is
 * drawn at mid-height. Fewer than 2 values give null.
 */
export function sparkline(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 3,
): SparklineGeometry | null {
  const ys = values.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  const known = ys.filter((v): v is number => v !== null);
  if (known.length < 2 || width <= 2 * pad || height <= 2 * pad) return null;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const x = linearMap([0, ys.length - 1], [pad, width - pad]);
  const y = linearMap(lo === hi ? [lo - 1, hi + 1] : [lo, hi], [height - pad, pad]);
  const round = (n: number) => Math.round(n * 100) / 100;
  const path =
    line<number | null>()
      .defined((v) => v !== null)
      .x((_, i) => round(x(i)))
      .y((v) => round(y(v!)))(ys) ?? '';
  let i = ys.length - 1;
  while (ys[i] === null) i--;
  return { path, last: { x: round(x(i)), y: round(y(ys[i]!)) } };
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
