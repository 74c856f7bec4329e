/**
 * Pure geometry of a budget gauge: one horizontal bar per campaign. No DOM.
 *
 * The scale runs from 0 to the largest of budget, spent and projected spend, so an overspend
 * or a projected overspend stays visible past the budget line.
 */
import { linearMap } from '../shared/scale.js';
import type { Pacing } from '../../engine/report-types.js';
import type { PacingStatus } from '../../core/vocabulary.js';

/**
 * How a campaign's spending reads, as shown (colour and words). The spec's statuses, plus
 * `under-pace` (spending well below plan) and, once a campaign has ended, its outcome:
 * over budget, under budget (`under-pace`) or on budget (`on-track`).
 */
export const GAUGE_STATUSES = ['scheduled', 'on-track', 'under-pace', 'at-risk', 'over-budget'] as const;
export type GaugeStatus = (typeof GAUGE_STATUSES)[number];

/** From this many campaigns on, each is one row of a compact list under one shared legend. */
export const LIST_FROM = 3;

/** Pace (spent / expected) below which a running campaign is spending well below plan. */
export const UNDER_PACE = 0.8;
/** An ended campaign that spent less than this share of its budget ended under budget. */
export const ON_BUDGET_FLOOR = 0.9;

/** A campaign's status as shown: its tone, and whether it has ended (the tone is then the outcome). */
export interface GaugeState {
  status: GaugeStatus;
  ended: boolean;
}

/**
 * The status to show (KPI-SPEC section 5's `status` and `ended`, read with the pace):
 * running campaigns are on track, under pace, at risk or over budget; ended ones are over,
 * under or on budget, never a neutral grey.
 */
export function gaugeState(p: Pick<Pacing, 'status' | 'ended' | 'pace' | 'spent' | 'budget'>): GaugeState {
  if (p.ended) {
    const status: GaugeStatus =
      p.spent > p.budget ? 'over-budget' : p.spent < ON_BUDGET_FLOOR * p.budget ? 'under-pace' : 'on-track';
    return { status, ended: true };
  }
  if (p.status === 'on-track' && p.pace !== null && p.pace < UNDER_PACE) return { status: 'under-pace', ended: false };
  return { status: p.status, ended: false };
}

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
  const x = linearMap([0, top], [pad, width - pad], true);
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

/** Spent as a fraction of the budget (null without a budget). */
export function usedFraction(p: Pacing): number | null {
  return p.budget > 0 ? p.spent / p.budget : null;
}

export type { PacingStatus };
