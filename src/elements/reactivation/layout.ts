/**
 * Pure helpers of the re-activation widget: the lists a segment gives, the segment labels of
 * bounds (KPI-SPEC 7.3) and the day the days are counted to. No DOM.
 */

/** Lists a chosen segment gives: everyone in it, or those of it who returned in the period. */
export const REACTIVATION_LISTS = ['reactivation', 'returned'] as const;
export type ReactivationList = (typeof REACTIVATION_LISTS)[number];

/** Segment labels of bounds: `[7, 14, 28]` -> `0-7`, `8-14`, `15-28`, `29+` (the engine's own labels). */
export { recencySegments as segmentLabels } from '../../core/vocabulary.js';

/** A segment label for reading: `8-14` -> `8–14` (en dash), `29+` as is. */
export const segmentText = (segment: string): string => segment.replace(/^(\d+)-(\d+)$/, '$1–$2');

/** Milliseconds in a day of the UTC calendar (no daylight saving). */
const DAY_MS = 86_400_000;

/**
 * The day before a calendar day, both `YYYY-MM-DD`; null when `day` is not a real calendar
 * day (`2025-02-30`, `2025-13-01`). A date-only ISO text is read as UTC midnight, so no time
 * zone moves it: `Date` alone does the arithmetic, without the engine's day numbers.
 */
export function dayBefore(day: string): string | null {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(day) : NaN;
  // `Date` rolls an impossible day over (2025-02-30 is read as March 2): read back, it differs.
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) return null;
  return new Date(t - DAY_MS).toISOString().slice(0, 10);
}
