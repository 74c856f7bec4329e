import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import {
  THEMES,
  type BoardCampaign,
  type BoardState,
  type BoardStatus,
  type ThemeName,
} from '../../context/context.js';
import { COMPARE_MODES, type CohortGrain, type CompareMode } from '../../core/vocabulary.js';
import type { Report, ReportOptions } from '../../engine/report-types.js';
import { isValidTimeZone } from '../../core/time.js';
import { bt } from '../../i18n/board-strings.js';
import { PromoElement } from '../shared/element.js';
import {
  booleanValue,
  boundsValue,
  checkedText,
  dateValue,
  jsonValue,
  listValue,
  textValue,
  objectValue,
  oneOf,
} from '../shared/converters.js';
import { boardStyles } from './kpi-board.styles.js';
import {
  PERIOD_PRESETS,
  boardQuery,
  changeQuery,
  parseFilters,
  shownPreset,
  today,
  validPeriod,
  type PeriodPreset,
  type QueryChangeDetail,
  type UserChange,
} from './query.js';
import { renderFilterBar, type FilterBarHost } from './filter-bar.js';
import { widgetActions } from './board-actions.js';
import { BoardContextController } from './board-context.js';
import { boardProblems, renderMessage, renderStatus, type StatusView } from './board-status.js';
import { TileGridController } from './tiles.js';
import { BOARD_LAYOUTS, renderDefaultLayout, type BoardLayout } from './default-layout.js';
import {
  DEFAULT_BOARD_KPIS,
  WORKER_MODES,
  boardSource,
  isDataset,
  type Adapter,
  type BoardSource,
  type DataInput,
  type DataSummary,
  type WorkerMode,
} from './board-engine.js';
import { BoardTasks } from './board-tasks.js';
import { SOURCE_PROPERTIES, adapterValue, slotHasContent, viewerZone } from './board-properties.js';

export { BOARD_LAYOUTS, type BoardLayout };

/** KPI tiles of the default layout (listed in the engine's `kpis/board-tiles.ts`). */
export { DEFAULT_BOARD_KPIS };

const NO_CAMPAIGNS: BoardCampaign[] = [];
const NO_ATTRIBUTES: Record<string, string[]> = {};

/**
 * A complete promotion dashboard: loads data through an adapter, computes the report once
 * per query, and provides it to every widget inside through `@lit/context`
 * (`boardContext`: `{ report, query, locale, currency, theme, status, error, lastUpdated }`,
 * a new object on every change), so the kit's widgets and your own read the same numbers.
 *
 * Data: set `data` (inline input of the KPI spec, or a dataset from `createDataset`), or
 * `adapter` (an adapter object), or the `adapter` + `src` attributes (a registered adapter
 * by name). A streaming adapter's records are appended incrementally and the board shows
 * when it was last updated. An adapter error keeps the last good numbers on screen. Plain
 * input of 100 000 orders or more is computed in the engine's Web Worker (`worker`), so
 * the page stays responsive. Bundlers emit the worker script from the engine's
 * `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`; from a CDN or a
 * self-hosted copy, point `worker-url` at `promo-kpi-kit/engine/worker` (`dist/engine/worker.js`).
 * `computedIn` tells where reports are computed; when a worker was wanted but could not
 * start, the board computes on the page and says so in its status line. An adapter with the
 * `pushdown` capability (`pushdownAdapter({ url: '/api/kpi' })`, or `adapter="pushdown"` with
 * `src`) computes in a warehouse: no rows reach the page, each report is assembled from the
 * aggregates the endpoint answers for the query, and the filters, attribute breakdowns and
 * period presets come from the summary the endpoint answers once per load (campaign names,
 * channels, attribute values, the last order's day), as with data on the page. An endpoint
 * without the summary request still works: the filters then offer the campaigns (by id) and
 * channels the reports have named, no attribute menus, and presets end today.
 *
 * The comparison period (`compare`: the previous period, the same period last year, or none)
 * and one filter per order attribute of the data (store, region, category ...) are part of
 * the query, beside campaigns and channels. Under the KPI tiles (a grid whose rows are always
 * full: the column count follows the board's width and the number of tiles), the default
 * layout shows the campaigns' sales over time against the store total, with each campaign's
 * start and end marked, then the campaign comparison. The full layout adds breakdowns by
 * channel and by each attribute, the re-activation segments and the loyalty panel; the
 * "Filter by" button shown with a breakdown's (or the campaign chart's) selection filters the
 * board by it, and each filter in force shows in the filter bar as a removable chip; and
 * `promo-segment-select` of the re-activation widget
 * reaches the host page with `ids()` resolved through the board's data (the engine, its
 * worker, or the adapter's `segmentCustomers` for a warehouse).
 *
 * @summary Filter bar, KPI tiles, campaign chart, breakdowns, re-activation, loyalty, budget gauges and cohort heatmap over one report.
 *
 * @slot - Widgets to show instead of the default layout (they read the board's report).
 * @slot header - Content at the start of the filter bar row (a title, a logo).
 *
 * @csspart base - The board's root.
 * @csspart filters - The filter bar.
 * @csspart active-filters - The filters in force, as a list of removable chips.
 * @csspart filter-chip - One filter in force (its name and values) with a × button that removes it.
 * @csspart period - The period controls.
 * @csspart campaigns - The campaign filter.
 * @csspart channels - The channel filter.
 * @csspart compare - The comparison select.
 * @csspart attribute-filter - The filter of one order attribute (one per attribute of the data).
 * @csspart breakdowns - The breakdowns by channel and by each attribute.
 * @csspart status - The status line (last update, live marker, loading).
 * @csspart problems-toggle - The button that opens the list of configuration and data problems.
 * @csspart problems - The list of configuration and data problems (values the board could not read, data lists that are not lists, unknown KPIs, records left out).
 * @csspart message - The board-wide loading, empty or error message.
 * @csspart tiles - The row of KPI tiles.
 * @csspart widgets - The area of the chart, gauges and heatmap.
 *
 * @cssproperty --promo-board-gap - Gap between the board's sections (default: 1.5 x `--promo-space`).
 * @cssproperty --promo-board-tile-min - Minimum width of a KPI tile (default 230px).
 *
 * @event promo-query-change - The user changed the period or a filter (also by the "Filter by"
 *   step of the campaign chart or a breakdown, or by removing a filter chip). `detail: { query, preset }`: the whole `ReportOptions` the board
 *   now shows, for a host page that keeps it in its URL. Bubbles and is composed.
 * @event promo-segment-select - A re-activation segment was chosen (from the default layout's `<promo-reactivation>`; bubbles and is composed): `detail: { segment, of, customers, ids }`, `ids()` resolving to the customer ids.
 * @event promo-board-error - Loading or appending data failed. `detail: { message, error }`. Bubbles and is composed.
 */
export class PromoKpiBoard extends PromoElement implements FilterBarHost {
  static override styles = boardStyles;

  /** The reactive properties, in Lit's static `properties` (not its decorators: see `PromoWidget.properties`). */
  static override properties: PropertyDeclarations = {
    data: { attribute: false, converter: jsonValue<object>() },
    adapter: { converter: adapterValue },
    src: {},
    adapterOptions: { attribute: 'adapter-options', converter: objectValue() },
    from: { reflect: true, converter: dateValue },
    to: { reflect: true, converter: dateValue },
    period: { converter: oneOf(PERIOD_PRESETS) },
    timeZone: { attribute: 'time-zone', converter: checkedText('timeZone', isValidTimeZone) },
    locale: { reflect: true, converter: textValue },
    currency: {},
    theme: { reflect: true, converter: oneOf(THEMES) },
    campaigns: { converter: listValue, reflect: true },
    channels: { converter: listValue, reflect: true },
    compare: { reflect: true, converter: oneOf(COMPARE_MODES) },
    filters: { converter: jsonValue<Record<string, string[]>>((v) => parseFilters(v) !== null) },
    recencyBounds: { attribute: 'recency-bounds', converter: boundsValue },
    kpis: { converter: listValue },
    targets: { converter: objectValue<Record<string, number>>({ numbers: true }) },
    layout: { reflect: true, converter: oneOf(BOARD_LAYOUTS) },
    cohortGrain: { attribute: 'cohort-grain', converter: oneOf(['auto', 'month', 'week'] as const) },
    chartMetric: { attribute: 'chart-metric' },
    worker: { converter: oneOf(WORKER_MODES) },
    workerUrl: { attribute: 'worker-url' },
    noFilters: { attribute: 'no-filters', type: Boolean, converter: booleanValue('no-filters') },
    /** @private Internal, as its field says: kept out of the manifest. */
    computedReport: { state: true, attribute: false },
    status: { state: true, attribute: false },
    error: { state: true, attribute: false },
    lastUpdated: { state: true, attribute: false },
    live: { state: true, attribute: false },
    preset: { state: true, attribute: false },
    hasSlotted: { state: true, attribute: false },
    loaded: { state: true, attribute: false },
    problemsOpen: { state: true, attribute: false },
  };

  /** Inline data: the plain input of the KPI spec (`{ campaigns, orders, costs, exposures, loyalty }`) or a dataset. */
  data: unknown = undefined;

  /**
   * An adapter object (property), or the name of a registered adapter (attribute, used with `src`).
   * @type {string | Adapter}
   */
  adapter: string | Adapter | undefined = undefined;

  /** Where a registered adapter reads from (a URL), with the `adapter` attribute. */
  src = '';

  /** More options of a registered adapter (JSON in the attribute: `{"interval": 30000}`). */
  adapterOptions: Record<string, unknown> = {};

  /** First day of the period, `YYYY-MM-DD` (local). Default: the `period` preset. */
  from = '';

  /** Last day of the period, `YYYY-MM-DD` (local). Default: the `period` preset. */
  to = '';

  /**
   * Period preset when `from`/`to` are not set: `last-7`, `last-14`, `last-28` (default),
   * `last-90`, `this-month`. Presets end on the last day with orders (or today when there are none).
   */
  period: PeriodPreset = 'last-28';

  /** IANA zone local dates are taken in (`Asia/Ho_Chi_Minh`). Default: the viewer's zone. */
  timeZone = '';

  /** `en`, `vi`, or a BCP 47 tag (a language added with `registerLocale` too). Default: the nearest `lang` attribute, else `en`. */
  locale = '';

  /** ISO 4217 code of the amounts. */
  currency = 'USD';

  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  theme: ThemeName = 'auto';

  /** Campaign filter: ids, comma-separated in the attribute. Empty: all campaigns. */
  campaigns: string[] = [];

  /** Channel filter, comma-separated in the attribute. Empty: all channels. */
  channels: string[] = [];

  /** The comparison period: `previous` (default: the days just before the period), `year` (the same dates one year earlier) or `none`. */
  compare: CompareMode = 'previous';

  /**
   * Order attribute filters, `{ "store": ["Q1-01", "Q1-02"], "region": ["HCM"] }` (JSON in the
   * attribute): an order passes when its value of each named attribute is in the list. Empty: no filter.
   */
  filters: Record<string, string[]> = {};

  /** Bounds of the recency and re-activation segments in days, `7,14,28` (default: the engine's). */
  recencyBounds: number[] = [];

  /** KPI tiles of the default layout, comma-separated ids of the KPI registry. */
  kpis: string[] = [...DEFAULT_BOARD_KPIS];

  /** Targets shown on the tiles, by KPI id (JSON in the attribute: `{"revenue": 5e9, "roi": 1.5}`). Campaign targets apply too. */
  targets: Record<string, number> = {};

  /** `full` (default), `summary` (tiles and chart), `tiles`, or `custom` (only the slotted widgets). Slotted widgets replace the default widgets in any layout. */
  layout: BoardLayout = 'full';

  /**
   * Cohort grain of the report: `month`, `week`, or `auto` (default: weeks for periods of up
   * to 92 days, months beyond), so a short period still shows several cohorts.
   */
  cohortGrain: 'auto' | CohortGrain = 'auto';

  /** Metric of the campaign chart. */
  chartMetric = 'revenue';

  /** When to compute in the engine's Web Worker: `auto` (plain input of 100 000 orders or more), `always`, `never`. */
  worker: WorkerMode = 'auto';

  /** URL of the engine's worker script, for a self-hosted copy (default: `worker.js` next to the engine). */
  workerUrl = '';

  /** Hides the filter bar (a host page that drives the query itself). */
  noFilters = false;

  /** @internal The report shown. */
  protected computedReport: Report | null = null;
  protected status: BoardStatus = 'idle';
  protected error: string | null = null;
  protected lastUpdated: number | null = null;
  protected live = false;
  protected preset: PeriodPreset = 'last-28';
  protected hasSlotted = false;
  private loaded: DataSummary | null = null;
  /** Whether the list of problems is open. */
  protected problemsOpen = false;

  /** Provides the board's state to the widgets inside (`boardContext`). */
  private readonly context = new BoardContextController(this, () => this.boardState());

  /** Columns of the tile row, by its width and the number of tiles. */
  private readonly tileGridController = new TileGridController(this);
  private needsReload = false;
  /** What the board does when a widget inside asks it to filter, or an empty state offers its next step. */
  private readonly actions = widgetActions(this);
  /** The load of the data and the report of the current query (`@lit/task`s over the board's engine). */
  private readonly tasks = new BoardTasks(this, {
    loaded: () => this.loaded,
    query: () => this.query,
    onData: (summary) => (this.loaded = summary),
    onLive: (live) => (this.live = live),
    onReport: (report) => {
      this.computedReport = report;
      this.status = 'ready';
      this.error = null;
      this.lastUpdated = Date.now();
    },
    onError: (message, error) => this.fail(message, error),
  });

  /** Whether a report is being computed. */
  protected get computing(): boolean {
    return this.tasks.computing;
  }

  protected get ownLocale(): string | undefined {
    return this.locale;
  }

  /** @internal The locale of the board's strings. */
  get uiLocale(): string {
    return this.activeLocale;
  }

  /** The query the board shows now (the period resolved from presets, filters, zone). */
  get query(): ReportOptions {
    return boardQuery(this, this.zone, this.anchorDay, Object.keys(this.attributeList));
  }

  /** What the board knows of its data (campaigns, channels, last day, orders, where reports are computed). */
  get dataSummary(): DataSummary | null {
    return this.loaded;
  }

  /**
   * Where reports are computed: `'worker'` (the engine's Web Worker), `'page'`, or
   * `'warehouse'` (an adapter with `pushdown`: the warehouse computes the aggregates and the
   * board assembles each report from them); null until data is loaded. Read-only.
   */
  get computedIn(): 'worker' | 'page' | 'warehouse' | null {
    return this.loaded?.where ?? null;
  }

  /** The current report (null until computed). */
  get currentReport(): Report | null {
    return this.computedReport;
  }

  /** Resolves when the report of the current query is computed and rendered. */
  async reportComplete(): Promise<Report | null> {
    while (this.source().kind !== 'none' && (this.computing || this.status === 'loading' || this.status === 'idle')) {
      await new Promise((r) => setTimeout(r, 10));
      if (this.status === 'error' && !this.computing) break;
    }
    await this.updateComplete;
    return this.computedReport;
  }

  /**
   * Appends records (`{ orders, costs, exposures, loyalty }`) to the data, as a streaming
   * adapter does; the report is updated incrementally.
   */
  appendRecords(records: DataInput): void {
    this.tasks.append(records);
  }

  /** Loads the data again from the source (after an error). */
  reload(): void {
    const source = this.source();
    if (source.kind !== 'none') {
      this.status = 'loading';
      this.error = null;
    }
    // Set here too: the first load runs from connectedCallback, before willUpdate sets it.
    this.tasks.setWorker(this.worker, this.workerUrl);
    this.tasks.load(source, this.query, this.zone);
  }

  /** @internal */
  get zone(): string {
    return this.timeZone && isValidTimeZone(this.timeZone) ? this.timeZone : viewerZone();
  }

  /** Last day with orders, or today: the end of the presets. */
  get anchorDay(): number {
    return this.loaded?.lastDay ?? today(this.zone);
  }

  private source(): BoardSource {
    return boardSource(this.data, this.adapter, this.src, this.adapterOptions);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if ((this.status === 'idle' || this.needsReload) && this.source().kind !== 'none') this.reload();
    this.needsReload = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Stops streams and the worker; the data is loaded again if the board comes back.
    this.tasks.stop();
    this.needsReload = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.tasks.setWorker(this.worker, this.workerUrl);
    if (changed.has('period') && this.period !== 'campaign') this.preset = this.period;
    if (changed.has('from') || changed.has('to') || changed.has('loaded' as keyof PromoKpiBoard)) {
      if (this.from && this.to && validPeriod(this.from, this.to))
        this.preset = shownPreset(this.from, this.to, this.campaigns, this.campaignList, this.anchorDay);
    }
    const sourceChanged = SOURCE_PROPERTIES.some((name) => changed.has(name));
    if (sourceChanged && this.isConnected && this.hasUpdated) {
      this.reload();
    } else if (sourceChanged && this.isConnected && !this.hasUpdated && this.status === 'idle') {
      if (this.source().kind !== 'none') this.reload();
    }
    this.context.refresh();
  }

  private boardState(): BoardState {
    return {
      report: this.computedReport,
      query: this.query,
      locale: this.activeLocale,
      currency: this.currency,
      theme: this.theme,
      status: this.status,
      error: this.error,
      lastUpdated: this.lastUpdated,
      campaigns: this.campaignList,
      ...(this.loaded && this.tasks.canListCustomers ? { segmentCustomers: this.tasks.segmentLister(this.query) } : {}),
    };
  }

  private fail(message: string, error: unknown): void {
    this.status = 'error';
    this.error = message;
    this.dispatchEvent(
      new CustomEvent('promo-board-error', { detail: { message, error }, bubbles: true, composed: true }),
    );
  }

  // ---- FilterBarHost: user actions of the filter bar ----

  /** The campaigns of the loaded data, with local dates (the same array until the data changes). */
  get campaignList(): BoardCampaign[] {
    return this.loaded?.campaigns ?? NO_CAMPAIGNS;
  }

  /** @internal */
  get channelList(): string[] {
    return this.loaded?.channels ?? [];
  }

  /** @internal Order attributes of the data with their values, sorted for the filters. */
  get attributeList(): Record<string, string[]> {
    return this.loaded?.attributes ?? NO_ATTRIBUTES;
  }

  /** @internal The attribute filters in force (non-empty lists only). */
  get attributeFilters(): Record<string, string[]> {
    return parseFilters(this.filters) ?? {};
  }

  /** @internal */
  get dataReady(): boolean {
    return this.loaded !== null;
  }

  /** @internal */
  get selectedPreset(): PeriodPreset {
    return this.preset;
  }

  /** @internal Applies a user's change and fires `promo-query-change`. */
  userChange(change: UserChange): void {
    const now = { from: this.from, to: this.to, period: this.period };
    const { next, badDates } = changeQuery(change, now, this.anchorDay);
    const { preset, ...properties } = next;
    Object.assign(this, properties);
    if (preset) this.preset = preset;
    const badDatesMessage = bt(this.activeLocale, 'badDates');
    if (badDates) {
      this.error = badDatesMessage;
      return;
    }
    if ((change.from !== undefined || change.to !== undefined) && this.error === badDatesMessage) this.error = null;
    const detail: QueryChangeDetail = { query: this.query, preset: this.preset };
    this.dispatchEvent(new CustomEvent('promo-query-change', { detail, bubbles: true, composed: true }));
  }

  private onSlotChange = (event: Event): void => {
    this.hasSlotted = slotHasContent(event.target as HTMLSlotElement);
  };

  // ---- rendering ----

  /** What the status line and the board-wide message show. */
  private statusView(): StatusView {
    const report = this.computedReport;
    return {
      locale: this.activeLocale,
      zone: this.zone,
      status: this.status,
      computing: this.computing,
      error: this.error,
      lastUpdated: this.lastUpdated,
      live: this.live,
      report,
      loaded: this.loaded,
      problems: boardProblems({
        locale: this.activeLocale,
        configMessages: this.configErrors.map((p) => this.configMessage(p)),
        data: isDataset(this.data) ? undefined : this.data,
        kpis: this.kpis,
        chartMetric: this.chartMetric,
        report,
      }),
      problemsOpen: this.problemsOpen,
      toggleProblems: () => (this.problemsOpen = !this.problemsOpen),
      hasSource: this.source().kind !== 'none',
      reload: () => this.reload(),
    };
  }

  /** @internal The measured grid of the tile row. */
  get tileGrid() {
    return this.tileGridController.grid;
  }

  override render(): TemplateResult {
    const view = this.statusView();
    return html`<div
      part="base"
      class="promo-root board theme-${this.theme}"
      role="region"
      aria-label=${bt(this.activeLocale, 'board')}
      lang=${this.shownLang}
      aria-busy=${this.status === 'loading' || this.computing ? 'true' : 'false'}
      @promo-campaign-select=${this.actions.onCampaignSelect}
      @promo-breakdown-select=${this.actions.onBreakdownSelect}
      @promo-empty-action=${this.actions.onEmptyAction}
    >
      <div class="top">
        <slot name="header"></slot>
        ${this.noFilters ? nothing : renderFilterBar(this)} ${renderStatus(view)}
      </div>
      ${renderMessage(view)} ${this.hasSlotted ? nothing : renderDefaultLayout(this)}
      <slot @slotchange=${this.onSlotChange}></slot>
    </div>`;
  }
}
