/**
 * Pure geometry of the campaign chart's trend view: campaign revenue against the store's
 * total, by day or ISO week. A campaign's revenue is part of the store's (KPI-SPEC: the
 * attributed orders A are some of the orders O), so both are drawn on one scale: the store
 * total as an area, each campaign as a line inside it, the gap between them the rest of
 * the store's sales. Two scales would let a line rise above the area, as if a campaign sold
 * more than the whole store. Lines and areas are d3-shape's, with gaps where a campaign
 * has no value (outside its run). Data and size in, shapes out. No DOM.
 */
import { tickIncrement } from 'd3-array';
import { linearScale } from '../shared/scale.js';
import { areaPath, linePath } from '../shared/paths.js';
import { textWidth } from '../shared/text-fit.js';
import { formatDay, parseLocalDate, weekStart } from '../../core/time.js';
import type { DailyPoint } from '../../engine/report-types.js';
import type { CampaignRun, TrendGrain } from './trend-options.js';

export type { CampaignRun, TrendGrain };

/** The most date labels under the trend, however wide. */
export const MAX_DATE_TICKS = 6;

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export interface TrendSeries {
  id: string;
  /** Revenue per bucket; null in a bucket wholly outside the campaign's run with no sale (a gap, not a zero). */
  values: (number | null)[];
}

export interface TrendData {
  /** First day (`YYYY-MM-DD`) of each bucket: the date, or the Monday of the ISO week. */
  buckets: string[];
  /** Days of data in each bucket (a week cut by the period has fewer than 7). */
  days: number[];
  /** The store's total revenue (`allRevenue`) per bucket. */
  total: number[];
  series: TrendSeries[];
  /** First and last day with data (`YYYY-MM-DD`); '' without data. */
  from: string;
  to: string;
}

/**
 * Sums `daily` into day or ISO-week buckets: the store total and each campaign's revenue.
 * With the campaigns' runs (`runs[id]`), a bucket none of whose days falls in the run and
 * that holds no sale of the campaign is null: the line stops outside the run.
 */
export function bucketDaily(
  daily: readonly DailyPoint[],
  ids: readonly string[],
  grain: TrendGrain,
  runs: Readonly<Record<string, CampaignRun | undefined>> = {},
): TrendData {
  const index = new Map<string, number>();
  const out: TrendData = {
    buckets: [],
    days: [],
    total: [],
    series: ids.map((id) => ({ id, values: [] })),
    from: '',
    to: '',
  };
  const live = ids.map(() => [] as boolean[]);
  const sorted = [...daily].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const d of sorted) {
    const day = parseLocalDate(d.date);
    if (day === null) continue;
    const key = grain === 'week' ? formatDay(weekStart(day)) : d.date;
    let i = index.get(key);
    if (i === undefined) {
      i = out.buckets.length;
      index.set(key, i);
      out.buckets.push(key);
      out.days.push(0);
      out.total.push(0);
      for (const s of out.series) s.values.push(0);
      for (const l of live) l.push(false);
    }
    if (!out.from) out.from = d.date;
    out.to = d.date;
    out.days[i]!++;
    out.total[i]! += finite(d.allRevenue) ? d.allRevenue : 0;
    out.series.forEach((s, k) => {
      const v = d.byCampaign?.[s.id]?.revenue;
      s.values[i] = (s.values[i] ?? 0) + (finite(v) ? v : 0);
      const run = runs[s.id];
      if (!run || (d.date >= run.start && d.date <= run.end) || (finite(v) && v !== 0)) live[k]![i] = true;
    });
  }
  out.series.forEach((s, k) => {
    s.values = s.values.map((v, i) => (live[k]![i] ? v : null));
  });
  return out;
}

/** Campaign ids of `daily` with sales in the period, by revenue, largest first (ties by id). */
export function campaignsByRevenue(daily: readonly DailyPoint[]): string[] {
  const sums = new Map<string, number>();
  for (const d of daily)
    for (const [id, v] of Object.entries(d.byCampaign ?? {}))
      sums.set(id, (sums.get(id) ?? 0) + (finite(v?.revenue) ? v.revenue : 0));
  return [...sums]
    .filter(([, sum]) => sum > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}

export interface TrendOptions {
  width: number;
  height: number;
  fontSize: number;
  /** Formats a tick of the revenue axis (currency, compact). */
  tick: (v: number) => string;
  /** Formats an x label from a bucket's first day. */
  dateLabel: (day: string) => string;
  /** The run of each series (same order), for its start and end marks. */
  runs?: readonly (CampaignRun | undefined)[];
  /** Width in px of a text at a font size, measured where it is drawn; an estimate when absent. */
  measure?: (text: string, fontSize: number) => number;
}

export interface AxisTick {
  y: number;
  label: string;
}

/** Where a campaign starts or ends inside the period shown. */
export interface RunMark {
  /** Index of the series. */
  series: number;
  /** `run`: the campaign starts and ends in the same bucket (one mark, not two on top of each other). */
  kind: 'start' | 'end' | 'run';
  x: number;
  /** The day it marks (`YYYY-MM-DD`). */
  day: string;
}

export interface TrendLayout {
  width: number;
  height: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** x of each bucket. */
  xs: number[];
  /** Ticks of the revenue axis (left), shared by the store total and the campaigns, with the grid lines. */
  yTicks: AxisTick[];
  /** y of the zero line. */
  zeroY: number;
  xTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  /** Area and top line of the store total. */
  totalArea: string;
  totalLine: string;
  lines: { id: string; path: string; points: ({ x: number; y: number } | null)[] }[];
  marks: RunMark[];
}

/** Ticks of a vertical axis at its values, with their labels. */
function yTicksOf(scale: (v: number) => number, values: readonly number[], labels: readonly string[]): AxisTick[] {
  return values.map((v, i) => ({ y: Math.round(scale(v) * 10) / 10, label: labels[i]! }));
}

/**
 * The store total as an area and each campaign as a line, on one revenue scale (left axis),
 * in `width` x `height` px: a line never rises above the area unless the data says the
 * campaign sold more than the store. The axis starts at zero and has at most about six
 * ticks, fewer on a short chart.
 */
export function trendLayout(data: TrendData, o: TrendOptions): TrendLayout {
  const fs = o.fontSize;
  const width = Math.max(160, Math.floor(o.width));
  const height = Math.max(120, Math.floor(o.height));
  // Room above the plot for the axis title.
  const y0 = Math.round(fs * 1.7);
  const y1 = height - Math.round(fs * 1.9);
  const values = [...data.series.flatMap((s) => s.values.filter(finite)), ...data.total.filter(finite)];
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const count = Math.max(2, Math.min(MAX_DATE_TICKS, Math.floor((y1 - y0) / 36)));
  // A nice step, the domain whole steps from zero, at most `count` ticks.
  let yStep = 1;
  let below = 0;
  let above = 1;
  for (let k = count - 1; k >= 1; k--) {
    yStep = niceStep(hi - lo || 1, k);
    below = Math.ceil(-lo / yStep - 1e-9);
    above = Math.ceil(hi / yStep - 1e-9);
    if (below + above === 0) above = 1;
    if (below + above + 1 <= count) break;
  }
  const at = (i: number) => Number(((i - below) * yStep).toPrecision(12));
  const tickValues = Array.from({ length: below + above + 1 }, (_, i) => at(i));
  const yl = linearScale([tickValues[0]!, tickValues[tickValues.length - 1]!], [y1, y0]);
  const tickLabels = tickValues.map(o.tick);
  const measure = o.measure ?? textWidth;
  const x0 = Math.ceil(Math.max(0, ...tickLabels.map((s) => measure(s, fs * 0.85)))) + 8;
  // A little room on the right for the last date label and the last point.
  const x1 = width - Math.round(fs * 0.6);
  const n = data.buckets.length;
  const round = (v: number) => Math.round(v * 10) / 10;
  const xs = data.buckets.map((_, i) => round(n <= 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1)));
  const ys = (values: readonly (number | null)[], scale: (v: number) => number) =>
    values.map((v) => (finite(v) ? round(scale(v)) : null));
  const zeroY = round(yl(0));
  // As many date labels as fit (six at most), evenly spaced, always the first and the last.
  const labels = data.buckets.map(o.dateLabel);
  const room = Math.max(...labels.map((s) => textWidth(s, fs * 0.85)), 1) + 12;
  const fit = Math.min(MAX_DATE_TICKS, Math.max(1, Math.floor((x1 - x0) / room) + 1));
  const step = Math.max(1, Math.ceil((n - 1) / Math.max(1, fit - 1)));
  const xTicks: TrendLayout['xTicks'] = [];
  for (let i = 0; i < n; i += step) xTicks.push({ x: xs[i]!, label: labels[i]!, anchor: 'middle' });
  if (n > 1 && (n - 1) % step !== 0) {
    // The last label replaces a neighbour it would overlap, or the one before it when six are there.
    const lastTick = xTicks[xTicks.length - 1]!;
    if (xTicks.length > 1 && (xs[n - 1]! - lastTick.x < room || xTicks.length >= MAX_DATE_TICKS)) xTicks.pop();
    xTicks.push({ x: xs[n - 1]!, label: labels[n - 1]!, anchor: 'middle' });
  }
  if (xTicks.length) {
    if (xTicks[0]!.x - textWidth(xTicks[0]!.label, fs * 0.85) / 2 < 0) xTicks[0]!.anchor = 'start';
    const last = xTicks[xTicks.length - 1]!;
    if (last.x + textWidth(last.label, fs * 0.85) / 2 > width) last.anchor = 'end';
  }
  // Start and end marks: the bucket holding the day, when the period shows it.
  const marks: RunMark[] = [];
  const bucketOf = (day: string): number => {
    if (!n || day < data.from || day > data.to) return -1;
    let at = 0;
    for (let i = 0; i < n && data.buckets[i]! <= day; i++) at = i;
    return at;
  };
  (o.runs ?? []).forEach((run, series) => {
    if (!run || series >= data.series.length) return;
    const start = bucketOf(run.start);
    const end = bucketOf(run.end);
    if (start >= 0 && start === end) marks.push({ series, kind: 'run', x: xs[start]!, day: run.start });
    else {
      if (start >= 0) marks.push({ series, kind: 'start', x: xs[start]!, day: run.start });
      if (end >= 0) marks.push({ series, kind: 'end', x: xs[end]!, day: run.end });
    }
  });
  return {
    width,
    height,
    plot: { x0, x1, y0, y1 },
    xs,
    yTicks: yTicksOf(yl, tickValues, tickLabels),
    zeroY,
    xTicks,
    totalArea: n ? areaPath(xs, ys(data.total, yl), zeroY) : '',
    totalLine: n ? linePath(xs, ys(data.total, yl)) : '',
    lines: data.series.map((s) => {
      const points = ys(s.values, yl);
      return {
        id: s.id,
        path: n ? linePath(xs, points) : '',
        points: points.map((y, i) => (y === null ? null : { x: xs[i]!, y })),
      };
    }),
    marks,
  };
}

/** d3's step for about `k` ticks over a span (1, 2 or 5 times a power of ten). */
function niceStep(span: number, k: number): number {
  const inc = tickIncrement(0, span, k);
  return inc > 0 ? inc : -1 / inc;
}

/** Index of the bucket nearest to `px` (pointer x in chart coordinates). */
export function nearestIndex(xs: readonly number[], px: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - px) < Math.abs(xs[best]! - px)) best = i;
  return best;
}
