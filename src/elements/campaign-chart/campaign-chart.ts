import {
  adoptStyles,
  html,
  nothing,
  supportsAdoptingStyleSheets,
  svg,
  unsafeCSS,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { KpiMeta, Report } from '../../engine/report-types.js';
import type { KpiUnit } from '../../core/vocabulary.js';
import { kpiAdditive, kpiLabel, kpiMeta } from '../shared/kpi-meta.js';
import { formatValue } from '../../format/format.js';
import type { DataTable } from '../shared/data-table.js';
import { baseFontSize, innerWidth } from '../shared/inner-width.js';
import { FontsLoadedController } from '../shared/measure-text.js';
import { PromoWidget, WidgetError } from '../shared/widget.js';
import { renderPartial } from '../shared/notes.js';
import { numberValue, oneOf } from '../shared/converters.js';
import { styleProps } from '../shared/style-props.js';
import { cell } from '../shared/data-table.js';
import { textMeasurer } from '../shared/measure-text.js';
import { seriesVar } from '../../theme/tokens.js';
import { renderTooltip } from './tooltip.js';
import { campaignChartStyles } from './campaign-chart.styles.js';
import type { CampaignDatum, SecondaryMode } from './bar-layout.js';
import { TREND_GRAINS, type TrendGrain } from './trend-options.js';
import { BarsView } from './bars-view.js';
import type { TrendView } from './trend-view.js';
import type { ChartLib, ChartViewHost } from './view-host.js';
import { chartText, type ChartMessageKey } from '../../i18n/campaign-chart.js';
import type { StringParams } from '../../i18n/translate.js';

/** Views of the chart: compare campaigns on a KPI, or follow their revenue over time. */
export const CAMPAIGN_CHART_VIEWS = ['bars', 'trend'] as const;
export type CampaignChartView = (typeof CAMPAIGN_CHART_VIEWS)[number];
export { TREND_GRAINS };
export type { TrendGrain };

/**
 * Detail of `promo-campaign-select` (filter by the campaign; null: remove that filter) and of
 * `promo-campaign-selection-change` (the campaign selected; null: none).
 */
export interface PromoCampaignSelectDetail {
  campaignId: string | null;
}

const DEFAULT_FONT_SIZE = 14;

/** What the element lends the trend view to draw with (see {@link ChartLib}). */
const LIB: ChartLib = { html, svg, nothing, styleProps, seriesVar, cell, textMeasurer, renderTooltip };

/**
 * Compares campaigns on any KPI of the registry (custom ones too): one horizontal bar per
 * campaign, sorted so the winner comes first (the highest value, or the lowest for a
 * lower-is-better KPI such as CAC), the value printed beside each bar, the axis formatted by
 * the KPI's unit. A `secondary-metric` adds a second lane per campaign: a bar on the same
 * axis when both KPIs share a unit (revenue and promoCost), else a dot on its own axis at the
 * top (ROI beside revenue). A campaign without a value shows "—" and the reason, never a
 * zero bar.
 *
 * From 1 to 100 campaigns: up to `limit` rows are drawn; beyond that an additive KPI (sums
 * such as revenue, orders, costs) shows the top `limit - 1` and one "Others (n)" row adding
 * up the rest, and any other KPI (ratios, averages, distinct counts) keeps every campaign
 * in a scrolling list. The data table always lists every campaign.
 *
 * Choosing is not filtering. Each bar is a toggle button: Tab reaches the chart, the arrow
 * keys (and Home / End) move between campaigns, Enter or Space (or a click) selects one: it
 * stays highlighted, the others are dimmed, it has `aria-pressed="true"`, and
 * `promo-campaign-selection-change` is fired. Another bar can be picked at once; the
 * selected one picked again unselects. With a selection the chart shows a "Filter by
 * <name>" button: the one explicit step that fires `promo-campaign-select`, which
 * `<promo-kpi-board>` uses to filter the board (shown there as a removable chip). When the
 * board is already filtered by the selected campaign the button removes that filter
 * (`campaignId: null`). Hover and focus show a tooltip.
 *
 * `view="trend"` shows sales over time from `report.daily`, by day or ISO week (`grain`):
 * the store's total revenue (`allRevenue`) as an area and each campaign's revenue as a line
 * (each with its own dash pattern) on one shared revenue axis. A campaign's revenue is part
 * of the store's, so one scale is the honest one: a line stays inside the area, and the gap
 * between them is the rest of the store's sales (the tooltip and the table give each
 * campaign's share). A campaign selected in the bars view stays selected in the trend
 * view: its line is drawn bold and the others step back (it is added to the lines drawn
 * when it is not among them). Where the board (or `campaigns` items with `start` and `end`)
 * tells a campaign's run, its line stops outside it and a mark shows where it starts and
 * ends. A week cut by the period is a hollow point, and its tooltip says how many days it
 * holds. The left and right arrow keys move a cursor across the periods. The trend view's
 * code is loaded when it is first asked for (the loading placeholder shows meanwhile; a
 * failed load shows an error and fires `promo-error`); `updateComplete` waits for it.
 *
 * @summary Compares campaigns on a KPI (bars), or their sales over time (trend).
 *
 * @csspart base - The widget's frame.
 * @csspart title - The chart title.
 * @csspart legend - The legend (second metric, trend series).
 * @csspart selection - The selected campaign and the button that filters by it (bars view).
 * @csspart filter-action - The "Filter by <name>" (or "Remove filter") button.
 * @csspart chart - The chart SVG (also exported as SVG/PNG).
 * @csspart tooltip - The tooltip of the hovered or focused campaign or period.
 * @csspart partial - Why some values are missing, in words.
 * @csspart actions - The "data and export" menu.
 * @csspart table - The data table ("show as table").
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message.
 *
 * @cssproperty --promo-color-surface - Background; outline of the second-metric dots.
 * @cssproperty --promo-color-surface-muted - Hovered and selected rows, the store-total area, skeleton, table header.
 * @cssproperty --promo-color-text - Labels and values; tooltip background.
 * @cssproperty --promo-color-text-muted - Axes, reasons, the "others" bar, the store-total line.
 * @cssproperty --promo-color-border - Frame and grid lines.
 * @cssproperty --promo-color-accent - Bars of the KPI.
 * @cssproperty --promo-color-bad - Bars of negative values.
 * @cssproperty --promo-color-focus - Focus ring.
 * @cssproperty --promo-color-series-1 - First trend line (then -2 ... -8); -2 also draws the second metric.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Frame and tooltip shadow.
 *
 * @event promo-campaign-selection-change - The selection changed by click, Enter or Space on a bar (bubbles, composed); `detail: { campaignId }`, null when the selected campaign was picked again (nothing selected). Selecting never filters.
 * @event promo-campaign-select - Filter by a campaign: the "Filter by <name>" button was used (bubbles, composed); `detail: { campaignId }`, null from "Remove filter". `<promo-kpi-board>` filters on it.
 * @event promo-error - A render or export failed, or the Vietnamese strings could not be loaded (shown in English instead); `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoCampaignChart extends PromoWidget {
  static override styles = campaignChartStyles;

  /** The reactive properties, in Lit's static `properties` (not its decorators: see `PromoWidget.properties`). */
  static override properties: PropertyDeclarations = {
    metric: {},
    secondaryMetric: { attribute: 'secondary-metric' },
    view: { converter: oneOf(CAMPAIGN_CHART_VIEWS) },
    grain: { converter: oneOf(TREND_GRAINS) },
    limit: { converter: numberValue },
    selected: { reflect: true },
    series: {},
  };

  /** KPI id compared across campaigns (`revenue`, `roi`, `cac`, or a custom KPI's id). */
  metric = 'revenue';

  /** An optional second KPI per campaign: a bar beside the first when the units match, else a dot on its own axis. */
  secondaryMetric = '';

  /** `bars` (default): compare campaigns on `metric`; `trend`: campaign revenue against the store total over time. */
  view: CampaignChartView = 'bars';

  /** @deprecated Use `view`. */
  get chartView(): CampaignChartView {
    return this.view;
  }
  set chartView(value: CampaignChartView) {
    this.view = value;
  }

  /** Buckets of the trend view: `day` (default) or `week` (ISO weeks from Monday). */
  grain: TrendGrain = 'day';

  /** Rows drawn before "others" (additive KPIs) or scrolling (other KPIs). Default 10. */
  limit = 10;

  /** The selected campaign's id (highlighted, the others dimmed; set by a click, Enter or Space). Selecting does not filter. */
  selected = '';

  /** Campaign ids drawn in the trend view, comma-separated; default: the 4 largest by revenue, and the selected campaign. */
  series = '';

  /**
   * Loads the trend view's module (a chunk of its own: the default bars view does not load
   * it). A subclass may load it another way, or fail it to see the error state.
   */
  protected static loadTrendView = (): Promise<typeof import('./trend-view.js')> => import('./trend-view.js');

  private fontSize = DEFAULT_FONT_SIZE;
  readonly #host = this.#makeHost();
  readonly #bars = new BarsView(this.#host);
  /** The trend view, once its module is loaded. */
  #trend: TrendView | null = null;
  /** The trend module's load while it is under way. */
  #trendLoading: Promise<void> | null = null;
  /** Why the trend module could not be loaded. */
  #trendFailure: unknown = null;

  constructor() {
    super();
    // Values measured in a fallback font are measured again once the page's fonts load.
    new FontsLoadedController(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('view') || changed.has('metric') || changed.has('report') || changed.has('board')) {
      this.#bars.reset();
      this.#trend?.reset();
    }
    // A failed load is tried again when the trend view is asked for anew.
    if (changed.has('view') && this.#trendFailure !== null && this.view === 'trend') this.#trendFailure = null;
    if (this.view === 'trend') this.#loadTrend();
    // The base font size (the --promo-font-size token, followed live) sizes rows and text widths.
    this.fontSize = baseFontSize(this, this.probedFontSize);
  }

  /** Loads the trend view's module (its geometry and d3-shape) the first time it is needed. */
  #loadTrend(): void {
    if (this.#trend || this.#trendLoading || this.#trendFailure !== null) return;
    const load = (this.constructor as typeof PromoCampaignChart).loadTrendView;
    // A loader that throws is a failed load too, never an exception out of the update.
    this.#trendLoading = Promise.resolve()
      .then(load)
      .then((m) => {
        this.#adopt(m.trendViewStyles);
        this.#trend = new m.TrendView(this.#host);
      })
      .catch((error: unknown) => {
        this.#trendFailure = error ?? new Error('trend view not loaded');
      })
      .finally(() => {
        this.#trendLoading = null;
        this.requestUpdate();
      });
  }

  /** Adds the CSS text that came with a view's module to the element's styles, as Lit adds those: a sheet, or a style element where sheets are not supported. */
  #adopt(text: string): void {
    const root = this.renderRoot as ShadowRoot;
    const styles = unsafeCSS(text);
    adoptStyles(root, supportsAdoptingStyleSheets ? [...root.adoptedStyleSheets, styles] : [styles]);
  }

  /** Also waits for the trend view's module while it loads, so the chart awaited is the one drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#trendLoading) {
      await this.#trendLoading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** The host object that lends both views the element's settings and actions. */
  #makeHost(): ChartViewHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const el = this;
    const host: ChartViewHost = {
      requestUpdate: () => el.requestUpdate(),
      get updateComplete() {
        return el.updateComplete;
      },
      get uid() {
        return el.uid;
      },
      get locale() {
        return el.activeLocale;
      },
      get currency() {
        return el.money;
      },
      get rtl() {
        return el.matches(':dir(rtl)');
      },
      get fontSize() {
        return el.fontSize;
      },
      get chartWidth() {
        return innerWidth(el.renderRoot?.querySelector('.promo-root'), el.width);
      },
      get report() {
        return el.shownReport;
      },
      get metric() {
        return el.metric;
      },
      get secondaryMetric() {
        return el.secondaryMetric;
      },
      get secondaryMode() {
        return el.secondaryMode;
      },
      get limit() {
        return el.limit;
      },
      get selected() {
        return el.selected;
      },
      get filtered() {
        const ids = el.board?.query?.campaignIds;
        return ids?.length === 1 ? ids[0]! : '';
      },
      get grain() {
        return el.grain;
      },
      get series() {
        return el.series;
      },
      info: (id) => el.campaignInfo(id),
      msg: (key, params) => el.msg(key, params),
      fmt: (v, unit, compact = false) => formatValue(v, unit, { locale: el.activeLocale, currency: el.money, compact }),
      name: (id) => el.campaignName(id),
      kpiLabel: (id) => el.kpiLabel(id),
      unitOf: (id) => el.unitOf(id),
      polarityOf: (id) => el.meta(id)?.polarity ?? 'higher-is-better',
      additive: (id) => kpiAdditive(el.shownReport, id),
      campaignData: (report) => el.campaignData(report),
      title: () => el.widgetLabel(),
      select: (id) => el.#select(id),
      filterBy: (id) => el.#filterBy(id),
      partial: (reasons) => renderPartial(el.activeLocale, reasons),
      find: (selector) => el.renderRoot?.querySelector(selector) ?? null,
      lib: LIB,
    };
    return host;
  }

  /** A KPI's metadata in the report shown (never the engine's registry). */
  private meta(id: string): KpiMeta | undefined {
    return kpiMeta(this.shownReport, id);
  }

  private kpiLabel(id: string): string {
    return kpiLabel(this.shownReport, id, this.activeLocale);
  }

  private unitOf(id: string): KpiUnit {
    return this.meta(id)?.unit ?? 'number';
  }

  private get secondaryMode(): SecondaryMode {
    if (!this.secondaryMetric || this.secondaryMetric === this.metric) return 'none';
    return this.unitOf(this.secondaryMetric) === this.unitOf(this.metric) ? 'paired' : 'marker';
  }

  /** Selects a campaign (null: none) and says so; never filters. */
  #select(id: string | null): void {
    this.selected = id ?? '';
    this.dispatchEvent(new CustomEvent('promo-campaign-selection-change', this.#event(id)));
  }

  /** The explicit step: asks the board or the page to filter by the campaign (null: remove that filter). */
  #filterBy(id: string | null): void {
    this.dispatchEvent(new CustomEvent('promo-campaign-select', this.#event(id)));
  }

  /**
   * What both events of a campaign carry, bubbling and composed: `detail: { campaignId }`,
   * the campaign selected (`promo-campaign-selection-change`; null: none, never a filter) or
   * to filter by (`promo-campaign-select`, the explicit step; null: remove that filter).
   */
  #event(id: string | null): CustomEventInit<PromoCampaignSelectDetail> {
    return { detail: { campaignId: id }, bubbles: true, composed: true };
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: ChartMessageKey, params?: StringParams): string {
    return chartText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    if (this.view === 'trend') return this.msg('trend.title');
    return this.secondaryMode === 'none'
      ? this.msg('chart.title', { kpi: this.kpiLabel(this.metric) })
      : this.msg('chart.titleVs', { kpi: this.kpiLabel(this.metric), secondary: this.kpiLabel(this.secondaryMetric) });
  }

  protected override isEmpty(report: Report | null): boolean {
    if (!report) return true;
    return this.view === 'trend' ? !report.daily?.length : !this.entries(report).length;
  }

  protected override emptyMessage(report: Report | null): string {
    return report && this.view !== 'trend' ? this.msg('chart.noCampaigns') : super.emptyMessage(report);
  }

  /**
   * The report's campaigns, less those that had nothing to do with the period: inside a
   * board (which knows the campaigns' dates), a campaign whose run misses the period and
   * that has no order and no spend in it is left out, instead of a row of zeros.
   */
  private entries(report: Report): [string, Report['byCampaign'][string]][] {
    const all = Object.entries(report.byCampaign ?? {});
    const known = this.board?.campaigns;
    if (!known?.length || !report.period) return all;
    const { from, to } = report.period;
    return all.filter(([id, k]) => {
      const c = known.find((x) => x.id === id);
      if (!c || (c.start <= to && c.end >= from)) return true;
      return !!k?.orders?.value || !!k?.spend?.value;
    });
  }

  /** Every campaign of the report on the metric(s). Throws a user-facing error for an unknown KPI. */
  private campaignData(report: Report): CampaignDatum[] {
    const entries = this.entries(report);
    const known = (id: string) => !!this.meta(id) || entries.some(([, k]) => k?.[id]);
    if (!known(this.metric)) throw new WidgetError(this.msg('unknownKpi', { id: this.metric }));
    const second = this.secondaryMode !== 'none' ? this.secondaryMetric : '';
    if (second && !known(second)) throw new WidgetError(this.msg('unknownKpi', { id: second }));
    return entries.map(([id, kpis]) => {
      const kv = kpis?.[this.metric];
      const d: CampaignDatum = {
        id,
        name: this.campaignName(id),
        value: kv?.value ?? null,
        reason: kv?.value === null || kv?.value === undefined ? (kv?.reason ?? 'no-data') : undefined,
      };
      if (second) {
        const s = kpis?.[second];
        d.secondary = s?.value ?? null;
        d.secondaryReason = s?.value === null || s?.value === undefined ? (s?.reason ?? 'no-data') : undefined;
      }
      return d;
    });
  }

  protected override renderContent(report: Report | null): TemplateResult {
    if (!report) return html``;
    if (this.view !== 'trend') return this.#bars.render(report);
    if (this.#trend) return this.#trend.render(report);
    // Caught by the widget: shown as the error part, and told once in `promo-error`.
    if (this.#trendFailure !== null) throw new WidgetError(this.msg('trend.loadFailed'), { cause: this.#trendFailure });
    return this.renderLoading();
  }

  protected override hasChart(): boolean {
    return this.view !== 'trend' || !!this.#trend;
  }

  protected override tableData(report: Report | null): DataTable | null {
    if (!report) return null;
    if (this.view !== 'trend') return this.#bars.table(report);
    return this.#trend?.table(report) ?? null;
  }
}
