/**
 * The accumulator layout, derived from the measures' declaration (`../measures.ts`).
 *
 * A state's accumulators are one Float64Array of blocks, one block per scope (0: the whole
 * selection, 1 + k: the k-th selected campaign) and period (0: P, 1: P'), at
 * `(scope * 2 + period) * F`. A block holds one slot per declared measure, at its position
 * in the declaration ({@link SLOT}), then one per custom measure of the registered KPIs
 * (from {@link BASE_FIELDS}). The measures declared `daily` are also summed per day of P
 * ({@link DAILY_SLOT}). A measure of the whole selection (`scope: 'selection'`) is
 * accumulated in the blocks of scope 0 only, and every campaign scope reports it from there.
 *
 * DOM-free.
 */
import type { CustomMeasure } from '../kpis.js';
import { listKpis } from '../kpis/registry.js';
import { DAILY_MEASURE_NAMES, MEASURE_NAMES, MEASURES, type DailyMeasureName, type MeasureName } from '../measures.js';

/** The slot of each declared measure in a block. */
export const SLOT: { readonly [K in MeasureName]: number } = Object.freeze(
  Object.fromEntries(MEASURE_NAMES.map((name, i) => [name, i])) as Record<MeasureName, number>,
);

/** Slots of the declared measures; custom measures follow. */
export const BASE_FIELDS = MEASURE_NAMES.length;

/**
 * The daily accumulators: one Float64Array of `days * DAILY_FIELDS` values, day after day
 * (P only), a day's values at `day * DAILY_FIELDS`, one slot per daily measure in
 * declaration order ({@link DAILY_SLOT}).
 */
export const DAILY_SLOT: { readonly [K in DailyMeasureName]: number } = Object.freeze(
  Object.fromEntries(DAILY_MEASURE_NAMES.map((name, i) => [name, i])) as Record<DailyMeasureName, number>,
);

/** Slots of a day in the daily accumulators. */
export const DAILY_FIELDS = DAILY_MEASURE_NAMES.length;

/** Whether a measure is read from the whole selection's block in every scope. */
export function selectionWide(name: MeasureName): boolean {
  return MEASURES[name].scope === 'selection';
}

/** A custom measure of a registered KPI, and its slot `BASE_FIELDS + position`. */
export interface CustomSpec {
  name: string;
  measure: CustomMeasure;
}

/** The custom measures of the registered KPIs, each name once (the first declaration wins). */
export function customSpecs(): CustomSpec[] {
  const out: CustomSpec[] = [];
  const seen = new Set<string>();
  for (const def of listKpis()) {
    for (const [name, measure] of Object.entries(def.measures ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, measure });
    }
  }
  return out;
}

/** Whether two lists of custom measures are the same (same names, same declarations, same order). */
export function sameCustomSpecs(a: readonly CustomSpec[], b: readonly CustomSpec[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.name !== b[i]!.name || a[i]!.measure !== b[i]!.measure) return false;
  return true;
}
