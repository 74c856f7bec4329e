/**
 * The board's default widgets, by layout: the tile row; the campaigns' sales over time
 * (each campaign's revenue against the store total, with its start and end marked: what a
 * reader asks first); the campaign comparison; breakdowns; re-activation and loyalty; budget
 * gauges; the cohort heatmap. Every widget reads the board's report through the context.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BoardCampaign } from '../../context/context.js';
import { parseLocalDate } from '../../core/time.js';
import type { ReportOptions } from '../../engine/report-types.js';
import { bt } from '../../i18n/board-strings.js';
import { renderTiles } from './tiles.js';
import type { TileGrid } from './tile-grid.js';
import '../kpi-tile/define.js';
import { LIST_FROM } from '../budget-gauge/define.js';
import '../campaign-chart/define.js';
import '../cohort-heatmap/define.js';
import '../breakdown/define.js';
import '../reactivation/define.js';
import '../loyalty-panel/define.js';

/** Layouts of the board; `custom` shows only the filter bar and the slotted widgets. */
export const BOARD_LAYOUTS = ['full', 'summary', 'tiles', 'custom'] as const;
export type BoardLayout = (typeof BOARD_LAYOUTS)[number];

/** Periods longer than this many days are drawn by ISO week in the trend. */
const TREND_DAYS = 62;

/** What the default layout reads from its board. */
export interface DefaultLayoutHost {
  readonly layout: BoardLayout;
  readonly kpis: readonly string[];
  readonly chartMetric: string;
  readonly campaigns: readonly string[];
  readonly recencyBounds: readonly number[];
  readonly query: ReportOptions;
  readonly campaignList: readonly BoardCampaign[];
  readonly attributeList: Record<string, string[]>;
  readonly dataReady: boolean;
  /** Targets shown on the tiles, by KPI id. */
  readonly targets: Record<string, number>;
  /** The locale of the board's strings. */
  readonly uiLocale: string;
  readonly tileGrid: TileGrid | null;
}

/** A tile's target: a finite number set for its KPI, else none. */
function tileTarget(targets: Record<string, number>, kpi: string): number | undefined {
  const t = targets?.[kpi];
  return typeof t === 'number' && Number.isFinite(t) ? t : undefined;
}

/** Days of a `YYYY-MM-DD` period, both ends included. */
function days(from: string, to: string): number {
  return (parseLocalDate(to) ?? 0) - (parseLocalDate(from) ?? 0) + 1;
}

/** The selected campaigns with a budget that run during the period: a gauge each, or one list of many. */
function renderGauges(host: DefaultLayoutHost): TemplateResult {
  const q = host.query;
  const selected = q.campaignIds?.length ? new Set(q.campaignIds) : null;
  const running = host.campaignList.filter(
    (c) => c.budget !== null && (!selected || selected.has(c.id)) && c.start <= q.to && c.end >= q.from,
  );
  // Before the data is in, the gauge shows the board's loading state.
  if (!host.dataReady) return html`<promo-budget-gauge></promo-budget-gauge>`;
  if (!running.length) return html`<promo-budget-gauge state="empty"></promo-budget-gauge>`;
  // Many campaigns: one gauge listing them, one row each under one legend.
  if (running.length >= LIST_FROM)
    return html`<promo-budget-gauge class="all" .include=${running.map((c) => c.id)}></promo-budget-gauge>`;
  return html`${running.map((c) => html`<promo-budget-gauge campaign=${c.id}></promo-budget-gauge>`)}`;
}

/** The default widgets of the board's layout (nothing for `custom`). */
export function renderDefaultLayout(host: DefaultLayoutHost): TemplateResult | typeof nothing {
  if (host.layout === 'custom') return nothing;
  const label = bt(host.uiLocale, 'tiles');
  const tiles = renderTiles(host.kpis, host.tileGrid, label, (kpi) => tileTarget(host.targets, kpi));
  if (host.layout === 'tiles') return tiles;
  const selected = host.campaigns.length === 1 ? host.campaigns[0]! : '';
  const grain = days(host.query.from, host.query.to) > TREND_DAYS ? 'week' : 'day';
  const trend = html`<promo-campaign-chart
    class="trend"
    view="trend"
    grain=${grain}
    .selected=${selected}
  ></promo-campaign-chart>`;
  const chart = html`<promo-campaign-chart
    class="chart"
    metric=${host.chartMetric}
    .selected=${selected}
  ></promo-campaign-chart>`;
  if (host.layout === 'summary')
    return html`${tiles}
      <div part="widgets" class="widgets">${trend} ${chart}</div>`;
  return html`${tiles}
    <div part="widgets" class="widgets">
      ${trend} ${chart}
      <div part="breakdowns" class="breakdowns">
        <promo-breakdown by="channel"></promo-breakdown>
        ${Object.keys(host.attributeList).map((name) => html`<promo-breakdown by=${name}></promo-breakdown>`)}
      </div>
      <div class="pair">
        <promo-reactivation .bounds=${host.recencyBounds}></promo-reactivation>
        <promo-loyalty-panel></promo-loyalty-panel>
      </div>
      <div class="gauges">${renderGauges(host)}</div>
      <promo-cohort-heatmap class="heatmap"></promo-cohort-heatmap>
    </div>`;
}
