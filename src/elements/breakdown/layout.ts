/**
 * Pure geometry of the breakdown: values of one KPI by channel or attribute value, ranked,
 * the values beyond a limit folded into "others" when the KPI adds up, and horizontal bars
 * (labels beside the bars on wide cards, above them on narrow ones). Data and size in,
 * shapes out. No DOM.
 */
import { linearScale } from '../shared/scale.js';
import { fitText, textWidth } from '../shared/text-fit.js';

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
  const sorted = [...data].sort((a, b) => {
    const av = a.value;
    const bv = b.value;
    if (av === null || bv === null) return av === bv ? cmp(a.key, b.key) : av === null ? 1 : -1;
    return bv - av || cmp(a.key, b.key);
  });
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
  /** Formatted values. */
  valueLabels: readonly string[];
  /** Formatted comparisons (share of the total, or against the average). */
  comparisonLabels: readonly string[];
  /** Below this width the labels go above the bars. */
  stackBelow?: number;
  /** Only the first `scaleLimit` values set the scale (the others row is left out). */
  scaleLimit?: number;
}

export interface BarGeometry {
  /** Top of the row. */
  y: number;
  height: number;
  /** The bar (width 0 for a zero or missing value). */
  barX: number;
  barY: number;
  barWidth: number;
  barHeight: number;
  /** The label, fitted to its room. */
  label: string;
  labelX: number;
  labelY: number;
  /** Baseline of the value and comparison texts. */
  textY: number;
}

export interface BreakdownLayout {
  width: number;
  height: number;
  arrangement: 'side' | 'stacked';
  /** Left and right end of the bars' track. */
  x0: number;
  x1: number;
  /** Right edge of the value texts (text-anchor end). */
  valueX: number;
  /** Right edge of the comparison texts (text-anchor end). */
  comparisonX: number;
  rows: BarGeometry[];
}

/** Default width below which labels go above the bars. */
export const STACK_BELOW = 420;

/** Bars of `values` (>= 0, null for none) from 0 to the largest value. */
export function breakdownLayout(values: readonly (number | null)[], o: BreakdownLayoutOptions): BreakdownLayout {
  const fs = o.fontSize;
  const width = Math.max(120, Math.floor(o.width));
  const stacked = width < (o.stackBelow ?? STACK_BELOW);
  const valueW = Math.ceil(Math.max(textWidth('—', fs), ...o.valueLabels.map((s) => textWidth(s, fs))));
  const compW = Math.ceil(Math.max(0, ...o.comparisonLabels.map((s) => textWidth(s, fs * 0.85))));
  const gap = 8;
  // The scale runs to the largest value shown on its own: an "others" row (`scaleLimit`
  // excludes it) may add up to more, and its bar is then cut at the end of the track.
  const scaled = o.scaleLimit === undefined ? values : values.slice(0, o.scaleLimit);
  const max = Math.max(0, ...scaled.map((v) => (v !== null && Number.isFinite(v) ? v : 0)));
  const rows: BarGeometry[] = [];
  let x0: number;
  let x1: number;
  let valueX: number;
  let comparisonX: number;
  let rowH: number;
  if (stacked) {
    // Line 1: label, then value and comparison at the right; line 2: the bar, full width.
    rowH = Math.round(fs * 3.1);
    x0 = 0;
    x1 = width;
    comparisonX = width;
    valueX = compW ? width - compW - gap : width;
  } else {
    rowH = Math.round(fs * 2.2);
    const labelW = Math.min(width * 0.32, Math.max(48, ...o.labels.map((s) => textWidth(s, fs * 0.95))));
    x0 = Math.ceil(labelW) + gap;
    comparisonX = width;
    valueX = compW ? width - compW - gap * 1.5 : width;
    x1 = Math.max(x0 + 40, valueX - valueW - gap);
  }
  const x = linearScale([0, max || 1], [x0, x1], { clamp: true });
  const barH = Math.max(6, Math.round(fs * (stacked ? 0.7 : 0.95)));
  values.forEach((v, i) => {
    const y = i * rowH;
    const w = v !== null && Number.isFinite(v) && v > 0 ? Math.max(1, x(v) - x0) : 0;
    const labelRoom = stacked ? Math.max(40, valueX - valueW - gap) : x0 - gap;
    const label = fitText(o.labels[i] ?? '', labelRoom, stacked ? fs : fs * 0.95);
    if (stacked) {
      const line = y + fs * 0.95;
      rows.push({
        y,
        height: rowH,
        barX: x0,
        barY: y + fs * 1.75,
        barWidth: w,
        barHeight: barH,
        label,
        labelX: 0,
        labelY: line,
        textY: line,
      });
    } else {
      const mid = y + rowH / 2;
      rows.push({
        y,
        height: rowH,
        barX: x0,
        barY: mid - barH / 2,
        barWidth: w,
        barHeight: barH,
        label,
        labelX: x0 - gap,
        labelY: mid,
        textY: mid,
      });
    }
  });
  return {
    width,
    height: rows.length * rowH,
    arrangement: stacked ? 'stacked' : 'side',
    x0,
    x1,
    valueX,
    comparisonX,
    rows,
  };
}
