/**
 * Pure geometry of the loyalty panel: earned and redeemed points by channel as paired
 * horizontal bars on one scale (labels beside the bars on wide cards, above on narrow ones).
 * No DOM.
 */
import { linearMap } from '../shared/scale.js';
import { fitText, textWidth } from '../shared/text-fit.js';

/** The loyalty KPIs of the panel, in the order shown (`memberAov` and `nonMemberAov` share a cell). */
export const LOYALTY_KPIS = [
  'members',
  'activeMembers',
  'memberRevenueShare',
  'memberAov',
  'nonMemberAov',
  'pointsEarned',
  'pointsRedeemed',
  'redemptionRate',
  'pointsOutstanding',
] as const;
export type LoyaltyKpi = (typeof LOYALTY_KPIS)[number];

export interface ChannelPoints {
  channel: string;
  earned: number;
  redeemed: number;
}

/** Channels by points earned, most first (then redeemed, then name in code point order). */
export function sortChannels(byChannel: Record<string, { earned: number; redeemed: number }>): ChannelPoints[] {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return Object.keys(byChannel)
    .map((channel) => ({
      channel,
      earned: num(byChannel[channel]!.earned),
      redeemed: num(byChannel[channel]!.redeemed),
    }))
    .sort(
      (a, b) =>
        b.earned - a.earned || b.redeemed - a.redeemed || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0),
    );
}

export interface PairGeometry {
  label: string;
  labelX: number;
  labelY: number;
  earned: { x: number; y: number; width: number; height: number; textX: number; textY: number };
  redeemed: { x: number; y: number; width: number; height: number; textX: number; textY: number };
}

export interface PairLayout {
  width: number;
  height: number;
  arrangement: 'side' | 'stacked';
  rows: PairGeometry[];
}

export interface PairLayoutOptions {
  width: number;
  fontSize: number;
  labels: readonly string[];
  /** The values written after the bars, formatted (earned and redeemed): the widest sets the room they take. */
  values: readonly string[];
}

/** Two bars a channel (earned above redeemed), one scale from 0 to the largest value, values after the bars. */
export function pairLayout(rows: readonly ChannelPoints[], o: PairLayoutOptions): PairLayout {
  const fs = o.fontSize;
  const width = Math.max(120, Math.floor(o.width));
  const stacked = width < 380;
  const valueW = Math.ceil(Math.max(textWidth('0', fs * 0.85), ...o.values.map((s) => textWidth(s, fs * 0.85))));
  const gap = 6;
  const barH = Math.max(6, Math.round(fs * 0.75));
  const labelW = stacked ? 0 : Math.min(width * 0.3, Math.max(40, ...o.labels.map((s) => textWidth(s, fs * 0.95))));
  const x0 = stacked ? 0 : Math.ceil(labelW) + gap * 2;
  const x1 = Math.max(x0 + 30, width - valueW - gap);
  const max = Math.max(0, ...rows.flatMap((r) => [r.earned, r.redeemed]));
  const x = linearMap([0, max || 1], [x0, x1], true);
  const labelLine = stacked ? Math.round(fs * 1.3) : 0;
  const rowH = labelLine + barH * 2 + 3 + Math.round(fs * 0.9);
  const out: PairGeometry[] = rows.map((r, i) => {
    const y = i * rowH;
    const top = y + labelLine + Math.round(fs * 0.35);
    const bar = (v: number, by: number) => {
      const w = v > 0 ? Math.max(1, x(v) - x0) : 0;
      return { x: x0, y: by, width: w, height: barH, textX: x0 + w + gap, textY: by + barH / 2 };
    };
    return {
      label: fitText(o.labels[i] ?? '', stacked ? width : labelW, fs * 0.95),
      labelX: stacked ? 0 : x0 - gap * 2,
      labelY: stacked ? y + fs * 0.9 : top + barH + 1.5,
      earned: bar(r.earned, top),
      redeemed: bar(r.redeemed, top + barH + 3),
    };
  });
  return { width, height: rows.length * rowH, arrangement: stacked ? 'stacked' : 'side', rows: out };
}
