/**
 * Pure geometry of a budget gauge: one horizontal bar per campaign. No DOM.
 *
 * The scale runs from 0 to the largest of budget, spent and projected spend, so an overspend
 * or a projected overspend stays visible past the budget line.
 */
import { linearScale } from '../shared/scale.js';
import type { Pacing, PacingStatus } from '../../engine/types.js';

/** Statuses as shown: the spec's four, plus `ended` once the campaign is over. */
export const GAUGE_STATUSES = ['scheduled', 'on-track', 'at-risk', 'over-budget', 'ended'] as const;
export type GaugeStatus = (typeof GAUGE_STATUSES)[number];

export interface GaugeGeometry {
  width: number;
  height: number;
  /** Track: the budget, from 0 to `budgetX`. */
  budgetX: number;
  /** Spent: bar from 0 to `spentX`. */
  spentX: number;
  /** Projected spend at the end, or null (not started). */
  projectedX: number | null;
  /** Where spending should be today (pacing marker). */
  expectedX: number;
  /** End of the scale (the largest of budget, spent, projected). */
  maxX: number;
  /** Bar rectangle's top and height. */
  barY: number;
  barHeight: number;
}

/** Geometry of one gauge in a `width` x `height` box (`pad` px left and right for the markers). */
export function gaugeGeometry(p: Pacing, width: number, height: number, pad = 2): GaugeGeometry {
  const finite = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? n : 0);
  const top = Math.max(finite(p.budget), finite(p.spent), finite(p.projected), 1);
  const x = linearScale([0, top], [pad, width - pad], { clamp: true });
  const r = (n: number) => Math.round(n * 100) / 100;
  const barHeight = Math.round(height * 0.5);
  return {
    width,
    height,
    budgetX: r(x(finite(p.budget))),
    spentX: r(x(Math.max(0, finite(p.spent)))),
    projectedX: p.projected === null || !Number.isFinite(p.projected) ? null : r(x(p.projected)),
    expectedX: r(x(finite(p.expected))),
    maxX: r(x(top)),
    barY: Math.round((height - barHeight) / 2),
    barHeight,
  };
}

/** The statuses to show: `ended` first once over, keeping `over-budget` when it applies. */
export function gaugeStatuses(p: Pick<Pacing, 'status' | 'ended'>): GaugeStatus[] {
  if (!p.ended) return [p.status];
  return p.status === 'over-budget' ? ['ended', 'over-budget'] : ['ended'];
}

/** Spent as a fraction of the budget (null without a budget). */
export function usedFraction(p: Pacing): number | null {
  return p.budget > 0 ? p.spent / p.budget : null;
}

export type { PacingStatus };
