/**
 * How a change reads: its direction (up, down, flat) and, given the KPI's polarity, whether
 * that is good or bad news. Shared by every widget that colours a change. No DOM.
 */
import type { KpiPolarity } from '../../core/vocabulary.js';

/** Direction of a change. */
export type Trend = 'up' | 'down' | 'flat';
/** How a change reads, given the KPI's polarity. */
export type Tone = 'good' | 'bad' | 'neutral';

/**
 * The arrow drawn before a change, by its direction (the tile, the loyalty panel); hidden from
 * assistive technology, as the change is said in words.
 */
export const ARROWS: Record<Trend, string> = { up: '▲', down: '▼', flat: '▬' };

export function trendOf(delta: number | null | undefined): Trend | null {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return null;
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
}

/** Up is good for higher-is-better KPIs, bad for lower-is-better ones (CAC, costs). */
export function toneOf(trend: Trend | null, polarity: KpiPolarity): Tone {
  if (!trend || trend === 'flat' || polarity === 'neutral') return 'neutral';
  return (trend === 'up') === (polarity === 'higher-is-better') ? 'good' : 'bad';
}
