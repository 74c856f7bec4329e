/**
 * Pure geometry of the cohort heatmap: the grid of cohorts by period since first order,
 * the colour position of each cell, which values fit in their cell, the legend, and the
 * recency bars. Data and size in, shapes out. No DOM.
 */
import { linearMap } from '../shared/scale.js';
import { fitMeasured } from '../shared/measure-text.js';
import { textWidth } from '../shared/text-fit.js';
import type { CohortRow, RecencyRow } from '../../engine/report-types.js';

export const HEATMAP_MODES = ['retention', 'revenue', 'recency'] as const;
export type HeatmapMode = (typeof HEATMAP_MODES)[number];

/**
 * The fill of a cell at position `t` in [0, 1] of the scale: a `color-mix()` of the
 * `--promo-color-heat-low` and `--promo-color-heat-high` tokens, so the scale follows the
 * light / dark theme and brand themes without script. (A single-hue sequential scale; the
 * d3-scale-chromatic schemes were left out: their colour tables cost about 8 KB gzipped.)
 *
 * The browser interpolates, in OKLab (perceptually even steps). d3's interpolators have no
 * OKLab space; interpolating in script with d3-interpolate's Lab and reading the result with
 * d3-color would cost 3.9 KB gzipped (the two bundled alone, minified) and a render in script
 * for each theme change. So only the luminance of the mix, which picks the cell text
 * (`lightText`), is computed here, with the OKLab matrices of CSS Color 4; the browser
 * tests check it against the colour the browser paints.
 */
export function cellColor(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  return `color-mix(in oklab, var(--_color-heat-high) ${Math.round(u * 1000) / 10}%, var(--_color-heat-low))`;
}

/** sRGB channels (0-255) of an `rgb(...)`, `#rgb` or `#rrggbb` colour; null for anything else. */
export function parseRgb(color: string): [number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(color.trim());
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!h) return null;
  const hex = h[1].length === 3 ? h[1].replace(/./g, '$&$&') : h[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Linear-light value of an sRGB channel (0-255). */
const linear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance (WCAG) of linear-light r, g, b. */
const luminanceOf = (r: number, g: number, b: number): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** Relative luminance (WCAG) of an `rgb(...)` or hex colour; null for anything else. */
export function luminance(color: string): number | null {
  const rgb = parseRgb(color);
  return rgb && luminanceOf(linear(rgb[0]), linear(rgb[1]), linear(rgb[2]));
}

/** The cube roots of LMS cone responses: the coordinates OKLab is linear in. */
function lmsRoots(rgb: [number, number, number]): number[] {
  const [r, g, b] = rgb.map(linear);
  return [
    0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
    0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
    0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b,
  ].map(Math.cbrt);
}

/**
 * Relative luminance of `color-mix(in oklab, high t, low)`, as the browser paints the cell:
 * OKLab is a linear map of the cube roots of LMS, so the mix is taken there, then back to
 * linear sRGB (clipped to the gamut).
 */
function mixLuminance(low: [number, number, number], high: [number, number, number], t: number): number {
  const a = lmsRoots(low);
  const b = lmsRoots(high);
  const [l, m, s] = a.map((v, i) => (v + (b[i] - v) * t) ** 3);
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return luminanceOf(
    clip(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    clip(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    clip(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  );
}

/**
 * Whether text on a cell should be white (else black): the better WCAG contrast with the
 * cell's colour, which for white or black text is always at least 4.58:1. The colour is
 * computed from the resolved heat tokens (`heat`: low and high, as `rgb(...)` or hex);
 * without them, or in another notation, null: the caller falls back to the theme's text
 * colours.
 */
export function lightText(t: number, heat: readonly string[] | null): boolean | null {
  const low = heat && parseRgb(heat[0]);
  const high = heat && parseRgb(heat[1]);
  if (!low || !high) return null;
  const l = mixLuminance(low, high, Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)));
  // Contrast with white (1.05 / (l + 0.05)) against with black ((l + 0.05) / 0.05).
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05;
}

/** Rough width of a text in px (the kit's one estimate). */
export { textWidth };

export interface HeatCell {
  row: number;
  col: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  /** Position on the colour scale, in [0, 1]. */
  t: number;
}

/** Width of a text in px at a font size: a real measure, or the estimate. */
export type Measure = (text: string, fontSize: number) => number;

export interface HeatmapOptions {
  width: number;
  fontSize: number;
  /** Text of each row header (cohort label and size). */
  rowLabels: readonly string[];
  /** Shorter one-line row headers (numeric date and size), for when `rowLabels` take too much room. */
  shortRowLabels?: readonly string[];
  /** Row headers on two lines (date, size), for when no one-line form lets the grid fit. */
  rowLines?: readonly (readonly [string, string])[];
  /** The header above the row headers: its two parts (cohort, size), on one line or two. */
  corner?: readonly [string, string];
  /** Measures texts in the font they are drawn in (default: the estimate). */
  measure?: Measure;
  /** Text of each column header (period since first order). */
  colLabels: readonly string[];
  /** Formats a cell value (cells are made wide enough for every value). */
  format: (v: number) => string;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  rowHeaderWidth: number;
  headerHeight: number;
  /** Baseline of the column headers (and of the corner header's last line). */
  headBaseline: number;
  /** The corner header's lines (one, or two when one line would keep the grid from fitting). */
  corner: string[];
  /** Which row headers are used: `long`, `short` (one line each) or `lines` (two lines). */
  rowForm: 'long' | 'short' | 'lines';
  /** Whether the grid is wider than the width it was given (the element scrolls it). */
  scrolls: boolean;
  cellWidth: number;
  /** The values the colour scale spans: `[0, max]`. */
  domain: [number, number];
  /** Middle of each row, its one-line header, and its two lines in the `lines` form. */
  rows: { y: number; label: string; lines?: readonly [string, string] }[];
  cols: { x: number; label: string }[];
  cells: HeatCell[];
}

/** The values of a cohort row in a mode. */
export const rowValues = (row: CohortRow, mode: 'retention' | 'revenue'): number[] =>
  (mode === 'retention' ? row.retention : row.revenue) ?? [];

/** The number of periods (columns) of the grid: the longest row's. */
export const periodCount = (rows: readonly CohortRow[], mode: 'retention' | 'revenue'): number =>
  Math.max(0, ...rows.map((r) => rowValues(r, mode).length));

/** Room between the row headers and the first column. */
const HEADER_GAP = 6;

/**
 * The grid: one row per cohort, one column per period since first order (a triangle: later
 * cohorts have fewer periods). The colour scale spans 0 to the largest value; in
 * `retention` mode period 0 (always 100 %) is left out of that maximum when later periods
 * exist, so the differences that matter are visible (period-0 cells show the top colour).
 *
 * Every cell shows its value and every column its label: no cell is narrower than the widest
 * of them (measured) plus a margin, and none wider than 96 px. The row headers take the first
 * form that lets the grid fit the width in at most 40 % of it: the long label, the short one,
 * then two lines (date over size); the corner header goes on two lines when one line would
 * keep the grid from fitting. When even that does not fit, the grid is wider than `width` (`scrolls`:
 * the element scrolls it sideways, the row headers kept in view). The layout is as wide as
 * its cells (narrower than `width` when they reach 96 px).
 */
export function heatmapLayout(
  rows: readonly CohortRow[],
  mode: 'retention' | 'revenue',
  o: HeatmapOptions,
): HeatmapLayout {
  const fs = o.fontSize;
  const measure = o.measure ?? textWidth;
  const width = Math.max(160, Math.floor(o.width));
  const cols = periodCount(rows, mode);
  // Every cell shows its value and every column its label: no cell narrower than the widest
  // of them (the grid scrolls sideways when that is wider than the card).
  const texts = [...o.colLabels, ...rows.flatMap((r) => rowValues(r, mode).filter(Number.isFinite).map(o.format))];
  const minCell = Math.ceil(Math.max(30, ...texts.map((s) => measure(s, fs * 0.8) + 6)));
  const widest = (labels: readonly string[], size: number) => Math.max(0, ...labels.map((s) => measure(s, size)));
  const cornerOne = o.corner ? `${o.corner[0]} · ${o.corner[1]}` : '';
  const cornerOneW = o.corner ? measure(cornerOne, fs * 0.8) : 0;
  const cornerTwoW = o.corner ? widest(o.corner, fs * 0.8) : 0;
  const cap = Math.max(160, width) * 0.4;
  type Form = { form: HeatmapLayout['rowForm']; labelW: number };
  const forms: Form[] = [{ form: 'long', labelW: widest(o.rowLabels, fs * 0.9) }];
  if (o.shortRowLabels) forms.push({ form: 'short', labelW: widest(o.shortRowLabels, fs * 0.9) });
  if (o.rowLines)
    forms.push({
      form: 'lines',
      labelW: Math.max(
        widest(
          o.rowLines.map((l) => l[0]),
          fs * 0.85,
        ),
        widest(
          o.rowLines.map((l) => l[1]),
          fs * 0.75,
        ),
      ),
    });
  // The corner header on one line when the grid still fits with it; else on two.
  const headerOf = (f: Form) => {
    const labelW = Math.max(48 - HEADER_GAP, f.labelW);
    const one = Math.ceil(Math.max(labelW, cornerOneW) + HEADER_GAP);
    if (one <= cap && one + cols * minCell <= width) return one;
    return Math.ceil(Math.max(labelW, cornerTwoW) + HEADER_GAP);
  };
  const chosen =
    forms.find((f) => headerOf(f) <= cap && headerOf(f) + cols * minCell <= width) ?? forms[forms.length - 1]!;
  const rowForm = chosen.form;
  // One-line headers are cut at 40 % of the width; two-line ones are short enough as they are.
  const rowHeaderWidth = rowForm === 'lines' ? headerOf(chosen) : Math.min(Math.ceil(cap), headerOf(chosen));
  const room = rowHeaderWidth - HEADER_GAP;
  const corner = !o.corner
    ? []
    : cornerOneW <= room
      ? [cornerOne]
      : o.corner.map((s) => fitMeasured(s, room, fs * 0.8, measure));
  const headBaseline = Math.round(corner.length > 1 ? fs * 2.05 : fs);
  const headerHeight = Math.round(corner.length > 1 ? fs * 2.6 : fs * 1.8);
  const cellWidth = Math.max(minCell, Math.min(96, Math.floor((width - rowHeaderWidth) / Math.max(1, cols))));
  const cellHeight = Math.round(fs * (rowForm === 'lines' ? 2.3 : 2));
  const labels = rowForm === 'short' ? o.shortRowLabels! : o.rowLabels;
  const from = mode === 'retention' && cols > 1 ? 1 : 0;
  const hi = Math.max(0, ...rows.flatMap((r) => rowValues(r, mode).slice(from).filter(Number.isFinite)));
  const domain: [number, number] = [0, hi > 0 ? hi : 1];
  // Clamped: period 0, above the top of the domain, shows the top colour.
  const t = linearMap(domain, [0, 1], true);
  const cells: HeatCell[] = [];
  rows.forEach((r, i) => {
    rowValues(r, mode).forEach((v, k) => {
      if (!Number.isFinite(v)) return;
      cells.push({
        row: i,
        col: k,
        x: rowHeaderWidth + k * cellWidth,
        y: headerHeight + i * cellHeight,
        width: cellWidth - 2,
        height: cellHeight - 2,
        value: v,
        t: Math.round(t(v) * 1000) / 1000,
      });
    });
  });
  const gridWidth = rowHeaderWidth + cols * cellWidth;
  return {
    // The grid's own width: a short period leaves no empty band to its right (the card fits it).
    width: gridWidth,
    height: headerHeight + rows.length * cellHeight,
    rowHeaderWidth,
    headerHeight,
    headBaseline,
    corner,
    rowForm,
    scrolls: gridWidth > width,
    cellWidth,
    domain,
    rows: rows.map((_, i) => ({
      y: headerHeight + i * cellHeight + cellHeight / 2,
      label: fitMeasured(labels[i] ?? '', room, fs * 0.9, measure),
      ...(rowForm === 'lines' && o.rowLines?.[i] ? { lines: o.rowLines[i] } : {}),
    })),
    cols: Array.from({ length: cols }, (_, k) => ({
      x: rowHeaderWidth + k * cellWidth + cellWidth / 2,
      label: o.colLabels[k] ?? String(k),
    })),
    cells,
  };
}

/** Stops of the legend gradient: `n` colours from the low to the high end. */
export function legendStops(n = 9): { offset: number; color: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return { offset: Math.round(t * 1000) / 10, color: cellColor(t) };
  });
}

/** Moves a cell cursor by an arrow / Home / End key inside a triangular grid; returns the new cell. */
export function moveCell(
  lengths: readonly number[],
  at: { row: number; col: number },
  key: string,
  ctrl = false,
): { row: number; col: number } {
  const rows = lengths.length;
  if (!rows) return at;
  let { row, col } = at;
  if (key === 'ArrowRight') col++;
  else if (key === 'ArrowLeft') col--;
  else if (key === 'ArrowDown') row++;
  else if (key === 'ArrowUp') row--;
  else if (key === 'Home') {
    col = 0;
    if (ctrl) row = 0;
  } else if (key === 'End') {
    if (ctrl) row = rows - 1;
    col = Infinity;
  }
  row = Math.min(rows - 1, Math.max(0, row));
  // Skip rows without cells (an empty cohort) in the direction of travel.
  const dir = key === 'ArrowUp' ? -1 : 1;
  while (lengths[row] === 0 && row + dir >= 0 && row + dir < rows) row += dir;
  col = Math.min(Math.max(0, lengths[row] - 1), Math.max(0, col));
  return { row, col };
}

export interface RecencyBar {
  y: number;
  height: number;
  /** Bar of the customer count. */
  x: number;
  width: number;
  customers: number;
  revenue: number;
}

/** Horizontal bars of customers per recency segment, in `width` px (labels left, values right). */
export function recencyLayout(
  rows: readonly RecencyRow[],
  o: { width: number; fontSize: number; labelWidth: number; valueWidth: number },
): { width: number; height: number; x0: number; x1: number; bars: RecencyBar[] } {
  const fs = o.fontSize;
  const width = Math.max(160, Math.floor(o.width));
  const x0 = Math.ceil(o.labelWidth) + 8;
  const x1 = Math.max(x0 + 30, width - Math.ceil(o.valueWidth) - 8);
  const counts = rows.map((r) => (Number.isFinite(r.customers) ? r.customers : 0));
  const hi = Math.max(0, ...counts);
  const x = linearMap([0, hi > 0 ? hi : 1], [x0, x1]);
  const rowH = Math.round(fs * 2.4);
  return {
    width,
    height: rows.length * rowH,
    x0,
    x1,
    bars: rows.map((r, i) => {
      return {
        y: i * rowH,
        height: rowH,
        x: x0,
        width: Math.round((x(counts[i]!) - x0) * 10) / 10,
        customers: counts[i]!,
        revenue: Number.isFinite(r.revenue) ? r.revenue : 0,
      };
    }),
  };
}
