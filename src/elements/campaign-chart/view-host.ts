/**
 * What the two views of the campaign chart (bars, trend) need from the element: its
 * settings, its strings and formats, the actions a user takes, and the template tags and
 * helpers it has loaded. The element builds one and hands it to both; each view keeps its
 * own state and asks for a new render.
 */
import type { html, nothing, svg, TemplateResult } from 'lit';
import type { Report } from '../../engine/report-types.js';
import type { KpiPolarity, KpiReason, KpiUnit } from '../../core/vocabulary.js';
import type { ChartMessageKey } from '../../i18n/campaign-chart.js';
import type { CampaignDatum, SecondaryMode } from './bar-layout.js';
import type { CampaignInfo } from '../shared/widget.js';
import type { TrendGrain } from './trend-options.js';
import type { styleProps } from '../shared/style-props.js';
import type { seriesVar } from '../../theme/tokens.js';
import type { cell } from '../shared/data-table.js';
import type { textMeasurer } from '../shared/measure-text.js';
import type { renderTooltip } from './tooltip.js';

/**
 * Lit's template tags and the shared helpers the trend view draws with, lent by the element,
 * which has loaded them already. The trend view's module (loaded on demand) imports none of
 * them: a module imported by both the element and that chunk would be split out of the
 * element's file into a chunk of its own (Lit among them), which costs every page that loads
 * the chart.
 */
export interface ChartLib {
  html: typeof html;
  svg: typeof svg;
  nothing: typeof nothing;
  styleProps: typeof styleProps;
  seriesVar: typeof seriesVar;
  cell: typeof cell;
  textMeasurer: typeof textMeasurer;
  renderTooltip: typeof renderTooltip;
}

export interface ChartViewHost {
  /** Asks the element for a new render. */
  requestUpdate(): void;
  /** Resolves once the element has rendered. */
  readonly updateComplete: Promise<boolean>;
  /** Prefix of the ids inside the shadow root. */
  readonly uid: string;
  readonly locale: string;
  /** ISO 4217 code of the amounts. */
  readonly currency: string;
  readonly rtl: boolean;
  readonly fontSize: number;
  /** Width available to the chart inside the frame (px). */
  readonly chartWidth: number;
  readonly report: Report | null;
  readonly metric: string;
  readonly secondaryMetric: string;
  readonly secondaryMode: SecondaryMode;
  readonly limit: number;
  /** The selected campaign's id, '' when none. */
  readonly selected: string;
  /** The campaign the board is filtered on alone, '' when none (or outside a board). */
  readonly filtered: string;
  readonly grain: TrendGrain;
  /** Campaign ids listed for the trend view, comma-separated ('' : the view's default). */
  readonly series: string;
  /** What the page or the board tells of a campaign (its name; its run when it gives one). */
  info(id: string): CampaignInfo | undefined;
  msg(key: ChartMessageKey, params?: Record<string, string | number>): string;
  fmt(v: number | null | undefined, unit: KpiUnit, compact?: boolean): string;
  name(id: string): string;
  kpiLabel(id: string): string;
  unitOf(id: string): KpiUnit;
  polarityOf(id: string): KpiPolarity;
  additive(id: string): boolean;
  /** Every campaign of the report on the metric(s); throws a user-facing error for an unknown KPI. */
  campaignData(report: Report): CampaignDatum[];
  /** The element's title. */
  title(): string;
  /** Selects a campaign (null: none) and tells the page; selecting never filters. */
  select(id: string | null): void;
  /** The explicit step: asks the board (or page) to filter by a campaign (null: remove that filter). */
  filterBy(id: string | null): void;
  /** The note saying why some values are missing. */
  partial(reasons: Iterable<KpiReason>): TemplateResult | typeof nothing;
  /** An element of the shadow root. */
  find<T extends Element>(selector: string): T | null;
  /** Template tags and helpers for the trend view. */
  readonly lib: ChartLib;
}
