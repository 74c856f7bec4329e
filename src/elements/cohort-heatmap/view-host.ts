/**
 * What the parts of the cohort heatmap (the grid, the recency bars) need from the element:
 * its settings, its strings and formats. The element builds one and hands it to them.
 */
import type { ReactiveControllerHost } from 'lit';
import type { KpiUnit } from '../../core/vocabulary.js';
import type { CohortMessageKey } from '../../i18n/cohort-heatmap.js';
import type { StringParams } from '../../i18n/translate.js';

export type CohortGrain = 'month' | 'week';

export interface HeatmapViewHost extends ReactiveControllerHost {
  /** Prefix of the ids inside the shadow root. */
  readonly uid: string;
  /** The base font size in px. */
  readonly fontSize: number;
  /** The values shown in the grid. */
  readonly heatMode: 'retention' | 'revenue';
  /** Unit of the grid's values (ratio for retention, currency for revenue). */
  readonly cellUnit: KpiUnit;
  msg(key: CohortMessageKey, params?: StringParams): string;
  fmt(v: number | null | undefined, unit: KpiUnit, compact?: boolean): string;
  /** "Jul 2026", or the Monday "27 Jul 2026" of a week cohort; `short`: "7/2026", "27/7/26". */
  cohortLabel(cohort: string, grain: CohortGrain, short?: boolean): string;
  /** "Month 3", "Week 3". */
  periodLabel(k: number, grain: CohortGrain): string;
  /** The element's title. */
  title(): string;
  /** The heat colours (low, high) of the current theme, as hex or `rgb()`. */
  heatColors(): [string, string];
  /** An element of the shadow root. */
  find<T extends Element>(selector: string): T | null;
}
