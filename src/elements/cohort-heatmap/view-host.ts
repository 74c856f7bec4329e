/**
 * What the parts of the cohort heatmap (the grid, the recency bars, the table) draw with: the
 * settings of one render, which the element gathers and hands them, and the strings and
 * formats made from those settings. DOM-free.
 */
import type { CohortGrain, KpiUnit } from '../../core/vocabulary.js';
import { formatValue } from '../../format/format.js';
import { formatDay, formatMonth } from '../../format/date.js';
import { cohortText, type CohortMessageKey } from '../../i18n/cohort-heatmap.js';
import type { StringParams } from '../../i18n/translate.js';

/** The settings of one render of the heatmap. */
export interface HeatmapView {
  /** Prefix of the ids inside the shadow root. */
  uid: string;
  /** The base font size in px. */
  fontSize: number;
  /** The values shown in the grid. */
  mode: 'retention' | 'revenue';
  /** The widget's locale. */
  locale: string;
  /** The currency of amounts. */
  currency: string;
  /** The grain the cohorts were computed with. */
  grain: CohortGrain;
  /** The element's title. */
  title: string;
  /** The widget's frame (`.promo-root`) once drawn: texts are measured in its font. */
  root: Element | null;
}

/** Unit of the grid's values: ratio for retention, currency for revenue. */
export const unitOf = (v: HeatmapView): KpiUnit => (v.mode === 'retention' ? 'ratio' : 'currency');

/** One of the heatmap's strings, or a shared one, in the view's locale. */
export const msg = (v: HeatmapView, key: CohortMessageKey, params?: StringParams): string =>
  cohortText(v.locale, key, params);

/** A value in the view's locale and currency; `compact`: "1,2 tr". */
export const fmt = (v: HeatmapView, value: number | null | undefined, unit: KpiUnit, compact = false): string =>
  formatValue(value, unit, { locale: v.locale, currency: v.currency, compact });

/** "Jul 2026", or the Monday "27 Jul 2026" of a week cohort; `short`: "7/2026", "27/7/26". */
export function cohortLabel(v: HeatmapView, cohort: string, short = false): string {
  if (v.grain === 'month') return formatMonth(cohort, v.locale, short ? 'numeric' : 'short');
  return formatDay(cohort, v.locale, short ? { month: 'numeric', year: '2-digit' } : {});
}

/** "Month 3", "Week 3". */
export const periodLabel = (v: HeatmapView, k: number): string => msg(v, `cohort.period.${v.grain}`, { k });
