/**
 * Pure helpers of the re-activation widget: the lists a segment gives, the segment labels of
 * bounds (KPI-SPEC 7.3). No DOM.
 */

/** Lists a chosen segment gives: everyone in it, or those of it who returned in the period. */
export const REACTIVATION_LISTS = ['reactivation', 'returned'] as const;
export type ReactivationList = (typeof REACTIVATION_LISTS)[number];

/** Segment labels of bounds: `[7, 14, 28]` -> `0-7`, `8-14`, `15-28`, `29+` (the engine's own labels). */
export { recencySegments as segmentLabels } from '../../core/vocabulary.js';

/** A segment label for reading: `8-14` -> `8–14` (en dash), `29+` as is. */
export const segmentText = (segment: string): string => segment.replace(/^(\d+)-(\d+)$/, '$1–$2');
