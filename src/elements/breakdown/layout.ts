/**
 * Pure geometry of the breakdown: values of one KPI by channel or attribute value, ranked,
 * the values beyond a limit folded into "others" when the KPI adds up, and horizontal bars
 * (labels beside the bars on wide cards, above them on narrow ones). Data and size in,
 * shapes out. No DOM.
 */
import { linearMap } from '../shared/scale.js';
import { textWidth } from '../shared/text-fit.js';
import { fitMeasured } from '../shared/measure-text.js';

/** Width of a text in px at a font size: a real measure, or the estimate of `text-fit.ts`. */
export type Measure = (text: string, fontSize: number) => number;

/** KPIs a breakdown can show: the fields of `report.byChannel` and `report.byAttribute` rows. */
export const BREAKDOWN_KPIS = ['revenue', 'orders', 'buyers', 'aov'] as const;
export type BreakdownKpi = (typeof BREAKDOWN_KPIS)[number];

/** KPIs whose values add up across channels or attribute values (a buyer may buy in several). */
export const ADDITIVE_BREAKDOWN_KPIS: ReadonlySet<BreakdownKpi> = new Set(['revenue', 'orders']);

/** Id of the row that adds up the values beyond the limit. */
export const OTHERS_KEY = '\u0000others';

/** One channel or attribute value. */
export interface BreakdownDatum {
  key: string;
  value: number | null;
}

export interface BreakdownRow extends BreakdownDatum {
  /** 1 for the highest value; null for values without one and for "others". */
  rank: number | null;
  /** For the "others" row: how many values it adds up. */
  count?: number;
}

/**
 * Highest value first; rows without a value last, then by key (code point order, so the
 * order is the same in every locale). Beyond `limit` rows, an additive KPI folds the rest
 * into one "others" row; any other KPI keeps every row.
 */
export function rankBreakdown(data: readonly BreakdownDatum[], limit: number, additive: boolean): BreakdownRow[] {
  // A missing value ranks as -Infinity: after every value; two missing ones differ by NaN,
  // which falls through to the key.
  const sorted = [...data].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || cmp(a.key, b.key));
  const rows: BreakdownRow[] = sorted.map((d, i) => ({ ...d, rank: d.value === null ? null : i + 1 }));
  const keep = Math.max(1, Math.floor(limit));
  if (!additive || rows.length <= keep + 1) return rows;
  const rest = rows.slice(keep);
  const value = rest.reduce((s, r) => s + (r.value ?? 0), 0);
  return [...rows.slice(0, keep), { key: OTHERS_KEY, value, rank: null, count: rest.length }];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface BreakdownLayoutOptions {
  width: number;
  fontSize: number;
  /** Row labels (names of the values), as shown. */
  labels: readonly string[];
  /** Formatted values, in full. */
  valueLabels: readonly string[];
  /**
   * The same values in compact form ("373,9 tr ₫"): used for every row when the full values
   * leave the bars too little room (side by side: under a third of the width; stacked: less
   * than the widest label needs).
   */
  compactValueLabels?: readonly string[];
  /** Formatted comparisons (share of the total, or against the average). */
  comparisonLabels: readonly string[];
  /** Only the first `scaleLimit` values set the scale (the others row is left out). */
  scaleLimit?: number;
  /** Measures labels and comparisons (regular weight); default: the estimate. */
  measure?: Measure;
  /** Measures the values (drawn bold); default: `measure`. */
  measureValue?: Measure;
}

/** One row; the bar starts at the layout's `x0`, the label at its `labelX`. */
export interface BarGeometry {
  /** Top of the row. */
  y: number;
  /** Top of the bar. */
  barY: number;
  /** Width of the bar (0 for a zero or missing value). */
  barWidth: number;
  /** The label, fitted to its room. */
  label: string;
  /** Middle line of the label, value and comparison texts. */
  textY: number;
}

export interface BreakdownLayout {
  width: number;
  height: number;
  arrangement: 'side' | 'stacked';
  /** Height of every row. */
  rowHeight: number;
  /** Left and right end of the bars' track. */
  x0: number;
  x1: number;
  /** Height of every bar. */
  barHeight: number;
  /** Anchor of the labels: their right edge side by side, their left edge stacked. */
  labelX: number;
  /** Right edge of the value texts (text-anchor end). */
  valueX: number;
  /** Whether the values are shown in compact form (all rows alike). */
  compact: boolean;
  /** Right edge of the comparison texts (text-anchor end). */
  comparisonX: number;
  rows: BarGeometry[];
}

/** Width below which labels go above the bars. */
export const STACK_BELOW = 420;

/** Least room between the bars' track (or a label) and the values, and between the values and the comparisons. */
export const VALUE_GAP = 8;

/**
 * Bars of `values` (>= 0, null for none) from 0 to the largest value. The value column is as
 * wide as its widest value (measured) plus a gap, so no value touches its bar's track.
 */
export function breakdownLayout(values: readonly (number | null)[], o: BreakdownLayoutOptions): BreakdownLayout {
  const fs = o.fontSize;
  const measure = o.measure ?? textWidth;
  const measureValue = o.measureValue ?? measure;
  const width = Math.max(120, Math.floor(o.width));
  const stacked = width < STACK_BELOW;
  const gap = VALUE_GAP;
  /** The widest of `texts` measured at `size`, at least `least`, in whole px. */
  const widest = (texts: readonly string[], m: Measure, size: number, least = 0) =>
    Math.ceil(Math.max(least, ...texts.map((s) => m(s, size))));
  const compW = widest(o.comparisonLabels, measure, fs * 0.85);
  // The right edge of the values: left of the comparisons, a gap and a half away.
  const valueX = compW ? width - compW - Math.ceil(gap * 1.5) : width;
  const labelFs = stacked ? fs : fs * 0.95;
  const widestLabel = widest(o.labels, measure, labelFs);
  const x0 = stacked ? 0 : Math.ceil(Math.min(width * 0.32, Math.max(48, widestLabel))) + gap;
  // Full values unless they leave the bars (side by side) or the labels (stacked) short.
  const widestValue = (texts: readonly string[]) => widest(texts, measureValue, fs, measureValue('—', fs));
  let valueW = widestValue(o.valueLabels);
  const short = stacked
    ? valueX - valueW - gap < Math.min(widestLabel, width * 0.45)
    : valueX - valueW - gap - x0 < width / 3;
  const compact = !!o.compactValueLabels && short;
  if (compact) valueW = widestValue(o.compactValueLabels!);
  const x1 = stacked ? width : Math.max(x0 + 40, valueX - valueW - gap);
  const rowH = Math.round(fs * (stacked ? 3.1 : 2.2));
  // The scale runs to the largest value shown on its own: an "others" row (`scaleLimit`
  // excludes it) may add up to more, and its bar is then cut at the end of the track.
  const max = Math.max(0, ...values.slice(0, o.scaleLimit).map((v) => (v !== null && Number.isFinite(v) ? v : 0)));
  // No axis: the map alone, without ticks or `nice` (so without d3-array).
  const x = linearMap([0, max || 1], [x0, x1], true);
  const barH = Math.max(6, Math.round(fs * (stacked ? 0.7 : 0.95)));
  const labelRoom = stacked ? Math.max(40, valueX - valueW - gap) : x0 - gap;
  return {
    width,
    height: values.length * rowH,
    arrangement: stacked ? 'stacked' : 'side',
    rowHeight: rowH,
    x0,
    x1,
    barHeight: barH,
    labelX: stacked ? 0 : x0 - gap,
    valueX,
    compact,
    comparisonX: width,
    rows: values.map((v, i): BarGeometry => {
      const y = i * rowH;
      // Stacked, line 1: label, then value and comparison at the right; line 2: the bar, full
      // width. Side by side: label, bar, value and comparison on the row's middle line.
      const line = stacked ? y + fs * 0.95 : y + rowH / 2;
      return {
        y,
        barY: stacked ? y + fs * 1.75 : line - barH / 2,
        barWidth: v !== null && Number.isFinite(v) && v > 0 ? Math.max(1, x(v) - x0) : 0,
        label: fitMeasured(o.labels[i] ?? '', labelRoom, labelFs, measure),
        textY: line,
      };
    }),
  };
}
