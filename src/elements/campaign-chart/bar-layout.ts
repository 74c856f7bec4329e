/**
 * Pure geometry of the campaign chart's bars view: ranking (top N plus "others", ties by
 * name) and horizontal bars with an optional second metric, on one axis or on two axes
 * whose zeros line up. Data and size in, shapes out. No DOM.
 */
import { alignZeros, linearScale, type LinearScale } from '../shared/scale.js';
import { fitText, textWidth } from '../shared/text-fit.js';
import type { KpiPolarity, KpiReason } from '../../core/vocabulary.js';

/** Id of the aggregate row of the campaigns beyond the top N. */
export const OTHERS_ID = '\u0000others';

/** One campaign on one or two KPIs. */
export interface CampaignDatum {
  id: string;
  name: string;
  value: number | null;
  reason?: KpiReason;
  secondary?: number | null;
  secondaryReason?: KpiReason;
}

export interface RankedRow extends CampaignDatum {
  /** 1 for the winner; null for campaigns without a value and for "others". */
  rank: number | null;
  /** For the "others" row: how many campaigns it adds up. */
  count?: number;
}

export interface Ranking {
  rows: RankedRow[];
  /** Campaigns folded into the "others" row (0 when there is none). */
  folded: number;
  /** `all`: every campaign fits; `others`: top N plus an aggregate; `scroll`: every campaign, in a scrolling list. */
  mode: 'all' | 'others' | 'scroll';
}

export interface RankOptions {
  polarity: KpiPolarity;
  /** Rows shown before folding or scrolling. */
  limit: number;
  /** Whether the primary KPI adds up across campaigns. */
  additive: boolean;
  /** Whether the secondary KPI adds up across campaigns (for the "others" row). */
  secondaryAdditive?: boolean;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Sorts campaigns so the winner comes first: the highest value, or the lowest for a
 * lower-is-better KPI (CAC, costs). Campaigns without a value come last, by name. Beyond
 * `limit` rows, an additive KPI folds the rest into one "others" row; any other KPI keeps
 * every row (`scroll`).
 */
export function rankCampaigns(data: readonly CampaignDatum[], o: RankOptions): Ranking {
  const dir = o.polarity === 'lower-is-better' ? 1 : -1;
  const byName = (a: CampaignDatum, b: CampaignDatum) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const valued = data.filter((d) => finite(d.value)).sort((a, b) => dir * (a.value! - b.value!) || byName(a, b));
  const blank = data.filter((d) => !finite(d.value)).sort(byName);
  const ranked: RankedRow[] = [
    ...valued.map((d, i) => ({ ...d, rank: i + 1 })),
    ...blank.map((d) => ({ ...d, value: null, rank: null })),
  ];
  const limit = Math.max(1, Math.floor(o.limit));
  if (ranked.length <= limit) return { rows: ranked, folded: 0, mode: 'all' };
  if (!o.additive) return { rows: ranked, folded: 0, mode: 'scroll' };
  const kept = ranked.slice(0, limit - 1);
  const rest = ranked.slice(limit - 1);
  const sum = (vs: (number | null | undefined)[]) => {
    const f = vs.filter(finite);
    return f.length ? f.reduce((s, v) => s + v, 0) : null;
  };
  const others: RankedRow = {
    id: OTHERS_ID,
    name: '',
    value: sum(rest.map((r) => r.value)),
    secondary: o.secondaryAdditive ? sum(rest.map((r) => r.secondary)) : null,
    rank: null,
    count: rest.length,
  };
  return { rows: [...kept, others], folded: rest.length, mode: 'others' };
}

/**
 * The most ticks an axis shows, however wide: six (round steps of 1, 2 or 5 land on 3, 4,
 * 5 or 6 of them); more are noise, not precision.
 */
export const MAX_TICKS = 6;

/**
 * Ticks of a horizontal axis: about `count` round values, fewer while their labels (at
 * `fontSize`) would touch (at least a third of the widest label's width between labels)
 * or while there are more than {@link MAX_TICKS}.
 */
function axisTicks(
  x: LinearScale,
  count: number,
  format: (v: number) => string,
  fontSize: number,
  round: (n: number) => number,
): Tick[] {
  let ticks: Tick[] = [];
  for (let n = count; n >= 1;) {
    ticks = x.ticks(n).map((v) => ({ x: round(x(v)), label: format(v) }));
    const widest = Math.max(0, ...ticks.map((t) => textWidth(t.label, fontSize)));
    const gap = ticks.length > 1 ? Math.abs(ticks[1].x - ticks[0].x) : Infinity;
    const touching = gap < widest * 1.34;
    if (!touching && ticks.length <= MAX_TICKS) break;
    // Touching labels: halve at once; only too many: one fewer.
    n = touching ? Math.min(n - 1, Math.floor(ticks.length / 2)) : n - 1;
  }
  return ticks;
}

/** How the second metric is drawn: none, a bar on the same axis (same unit), or a dot on its own axis. */
export type SecondaryMode = 'none' | 'paired' | 'marker';

export interface BarOptions {
  width: number;
  fontSize: number;
  secondary: SecondaryMode;
  /** Formatted primary value of each row (for the value column width). */
  valueLabels: readonly string[];
  /** Formatted secondary value of each row. */
  secondaryLabels?: readonly string[];
  /** Width of the value column (the widest value), measured where it is drawn; estimated from the labels when absent. */
  valueWidth?: number;
  /** Formats an axis tick of the primary / secondary scale. */
  tick: (v: number) => string;
  secondaryTick?: (v: number) => string;
}

export interface Tick {
  x: number;
  label: string;
}

export interface BarRow {
  id: string;
  /** Top of the row band. */
  y: number;
  height: number;
  /** Label, cut to fit, and its position. */
  label: string;
  labelX: number;
  labelY: number;
  /** Primary bar (absent for a null value); `clipped` when it runs past the plot ("others"). */
  bar: { x: number; y: number; width: number; height: number; clipped: boolean } | null;
  /** Baseline y of the primary value text (right-aligned at `valueX`). */
  valueY: number;
  /** Second lane: a bar (paired) or a dot (marker); null when there is none or no value. */
  second:
    | { kind: 'bar'; x: number; y: number; width: number; height: number }
    | { kind: 'dot'; cx: number; cy: number }
    | null;
  /** Centre line of the second lane (for its track and value text). */
  secondY: number;
}

export interface BarLayout {
  width: number;
  height: number;
  /** `side`: labels left of the bars; `stacked`: labels above the bars (narrow cards). */
  arrangement: 'side' | 'stacked';
  plot: { x0: number; x1: number; y0: number; y1: number };
  zeroX: number;
  /** Right edge of the value column (text-anchor end). */
  valueX: number;
  ticks: Tick[];
  /** Ticks of the secondary axis (marker mode), drawn above the plot. */
  secondaryTicks: Tick[];
  rows: BarRow[];
}

/** Width below which labels go above the bars. */
export const STACK_BELOW = 420;

/** Gap between the columns (labels, bars, values). */
const GAP = 8;

/** Share of the room beside the labels (the whole row when stacked) the value column may take. */
export const VALUE_SHARE = 0.35;

/** Width of the label column beside the bars (0 when the labels go above them). */
function labelColumn(width: number): number {
  return width < STACK_BELOW ? 0 : Math.round(Math.min(220, Math.max(72, width * 0.28)));
}

/**
 * Whether values `valueWidth` px wide (the widest, as measured) may be written in full in
 * a chart `width` px wide: the value column takes at most {@link VALUE_SHARE} of the room
 * beside the labels, so the bars keep theirs and a value never runs out of the card.
 * Otherwise they are written compact ("1,3 tỷ ₫"), the full values staying in the tooltip,
 * the table and each bar's accessible name.
 */
export function valuesFit(width: number, valueWidth: number): boolean {
  const w = Math.max(120, Math.floor(width));
  const labelW = labelColumn(w);
  return valueWidth + GAP <= (w - labelW - (labelW ? GAP : 0)) * VALUE_SHARE;
}

/**
 * Horizontal bars, one row per campaign, in `width` px. Wide: label column, bars, value
 * column. Narrow (< {@link STACK_BELOW}): the label above its bar. Bars start at zero
 * (negative values go left of it). With a second metric each row has a second lane.
 */
export function barLayout(rows: readonly RankedRow[], o: BarOptions): BarLayout {
  const fs = o.fontSize;
  const width = Math.max(120, Math.floor(o.width));
  const stacked = width < STACK_BELOW;
  const hasSecond = o.secondary !== 'none';
  const valueW = Math.ceil(
    o.valueWidth ??
      Math.max(
        textWidth('—', fs),
        ...o.valueLabels.map((s) => textWidth(s, fs)),
        ...(o.secondaryLabels ?? []).map((s) => textWidth(s, fs * 0.85)),
      ),
  );
  const labelW = labelColumn(width);
  const gap = GAP;
  const x0 = stacked ? 0 : labelW + gap;
  const x1 = Math.max(x0 + 40, width - valueW - gap);
  const topAxis = o.secondary === 'marker' ? Math.round(fs * 1.6) : 0;
  const barH = Math.round(fs * 1.15);
  const laneH = hasSecond ? Math.round(fs * 0.8) : 0;
  const labelLine = stacked ? Math.round(fs * 1.35) : 0;
  const rowH = labelLine + barH + (hasSecond ? laneH + 4 : 0) + Math.round(fs * 0.7);

  // The "others" row adds up many campaigns: left out of the scale (its bar is cut at the
  // plot's edge) so the campaigns shown stay readable.
  const scaled = rows.some((r) => r.id !== OTHERS_ID && finite(r.value))
    ? rows.filter((r) => r.id !== OTHERS_ID)
    : rows;
  const values = scaled.flatMap((r) => (finite(r.value) ? [r.value] : []));
  const seconds = scaled.flatMap((r) => (finite(r.secondary) ? [r.secondary] : []));
  const sameAxis = o.secondary === 'paired' ? seconds : [];
  const lo = Math.min(0, ...values, ...sameAxis);
  const hi = Math.max(0, ...values, ...sameAxis);
  const tickCount = Math.max(2, Math.min(MAX_TICKS, Math.floor((x1 - x0) / 90)));
  const niced = (d: [number, number]) => linearScale(d[0] === d[1] ? [0, 1] : d, [x0, x1], { nice: true }).domain;
  let domain = niced([lo, hi]);
  let domain2: readonly [number, number] | null = null;
  if (o.secondary === 'marker') {
    // Two axes over one plot: their zeros on the same line.
    const lo2 = Math.min(0, ...seconds);
    const hi2 = Math.max(0, ...seconds);
    [domain, domain2] = alignZeros(domain, niced([lo2, hi2]));
  }
  const x = linearScale(domain, [x0, x1]);
  const round = (n: number) => Math.round(n * 10) / 10;
  /** x of a value, kept inside the plot (a bar past it is cut at its edge). */
  const inPlot = (v: number) => Math.min(x1, Math.max(x0, x(v)));
  const zeroX = round(x(0));
  const ticks = axisTicks(x, tickCount, o.tick, fs * 0.8, round);

  let x2: ((v: number) => number) | null = null;
  let secondaryTicks: Tick[] = [];
  if (domain2) {
    const s2 = linearScale(domain2, [x0, x1]);
    x2 = (v) => round(s2(v));
    secondaryTicks = axisTicks(s2, tickCount, o.secondaryTick ?? o.tick, fs * 0.8, round);
  }

  const out: BarRow[] = rows.map((r, i) => {
    const y = topAxis + i * rowH;
    const barY = y + labelLine + Math.round(fs * 0.35);
    const end = finite(r.value) ? round(inPlot(r.value)) : 0;
    const bar = finite(r.value)
      ? {
          x: Math.min(zeroX, end),
          y: barY,
          width: Math.max(r.value === 0 ? 0 : 1, round(Math.abs(end - zeroX))),
          height: barH,
          clipped: round(x(r.value)) > x1 + 0.5 || round(x(r.value)) < x0 - 0.5,
        }
      : null;
    const laneY = barY + barH + 4;
    let second: BarRow['second'] = null;
    if (finite(r.secondary)) {
      if (o.secondary === 'paired')
        second = {
          kind: 'bar',
          x: Math.min(zeroX, round(inPlot(r.secondary))),
          y: laneY,
          width: Math.max(r.secondary === 0 ? 0 : 1, round(Math.abs(inPlot(r.secondary) - x(0)))),
          height: laneH,
        };
      else if (x2) second = { kind: 'dot', cx: x2(r.secondary), cy: laneY + laneH / 2 };
    }
    const label = r.name;
    return {
      id: r.id,
      y,
      height: rowH,
      label: fitText(label, stacked ? width - valueW - gap : labelW, fs),
      labelX: stacked ? 0 : labelW,
      labelY: stacked ? y + Math.round(fs * 1.05) : barY + barH / 2,
      bar,
      valueY: barY + barH / 2,
      second,
      secondY: laneY + laneH / 2,
    };
  });
  const y1 = topAxis + rows.length * rowH;
  return {
    width,
    height: y1 + Math.round(fs * 1.8),
    arrangement: stacked ? 'stacked' : 'side',
    plot: { x0, x1, y0: topAxis, y1 },
    zeroX,
    valueX: width,
    ticks,
    secondaryTicks,
    rows: out,
  };
}
