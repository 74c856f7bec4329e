/**
 * The trend view's settings the element reads before the view itself is loaded (the view,
 * its geometry and d3-shape come in a chunk of their own, on demand).
 */

export const TREND_GRAINS = ['day', 'week'] as const;
export type TrendGrain = (typeof TREND_GRAINS)[number];

/** A campaign's run, as far as the chart knows it (`YYYY-MM-DD`, both ends included). */
export interface CampaignRun {
  start: string;
  end: string;
}
