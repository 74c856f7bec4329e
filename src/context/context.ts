/**
 * What `<promo-kpi-board>` provides to its descendants through @lit/context. Widgets of
 * the kit and third-party widgets consume the same value:
 *
 * ```ts
 * import { ContextConsumer } from '@lit/context';
 * import { boardContext } from 'promo-kpi-kit';
 * new ContextConsumer(this, { context: boardContext, subscribe: true, callback: (s) => ... });
 * ```
 *
 * The value is replaced, never mutated: every change gives consumers a new object.
 */
import { createContext } from '@lit/context';
import type { Report, ReportOptions, SegmentQuery } from '../engine/report-types.js';

export const BOARD_STATUSES = ['idle', 'loading', 'ready', 'error'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type ThemeName = (typeof THEMES)[number];

export interface BoardState {
  /** The report of the current query, or null before the first one is computed. */
  report: Report | null;
  /** The query the report answers. */
  query: ReportOptions;
  /** `en`, `vi`, or a BCP 47 tag. */
  locale: string;
  /** ISO 4217 code amounts are in. */
  currency: string;
  theme: ThemeName;
  status: BoardStatus;
  /** A plain message when the last load failed; the last good report stays in `report`. */
  error: string | null;
  /** Epoch ms of the last successful update, or null. */
  lastUpdated: number | null;
  /**
   * The campaigns of the data (names, dates, budgets, targets): what the report does not
   * hold. Provided by `<promo-kpi-board>`; optional for other providers.
   */
  campaigns?: BoardCampaign[];
  /**
   * The customer ids of one re-activation or recency segment of the current query, sorted by
   * code point: through the engine, the report worker, or the adapter's `segmentCustomers`
   * (a warehouse). Absent when the data source cannot list customers.
   */
  segmentCustomers?: (request: SegmentQuery) => Promise<string[]>;
}

/** A campaign as the board knows it (local dates `YYYY-MM-DD`). */
export interface BoardCampaign {
  id: string;
  name: string;
  start: string;
  end: string;
  budget: number | null;
  type: string | null;
  /** Goals by KPI id, e.g. `{ revenue: 20000000 }`. */
  targets: Record<string, number>;
}

/** The context key. A string key, so copies of the kit loaded twice still meet. */
export const boardContext = createContext<BoardState>('promo-kpi-board');
