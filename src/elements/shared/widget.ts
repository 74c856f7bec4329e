/**
 * The base every widget of the kit extends: where the report comes from (a `report`
 * property, or the board's context), locale / currency / theme, the loading, empty, error
 * and partial states. Container size and the "show as table" view are reactive controllers
 * (`resize-controller.ts`, `table-view-controller.ts`); the exports are `exportWidget`
 * (`export-action.ts`: an action, not a controller, since it keeps nothing between
 * exports); the locale is the base element's `LocaleController`.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { boardContext, THEMES, type BoardState, type ThemeName } from '../../context/context.js';
import { PromoElement, type ConfigProblem } from './element.js';
import { jsonValue, oneOf } from './converters.js';
import type { Report, ReportOptions } from '../../engine/report-types.js';
import { channelOrAttributeFilter } from './notes.js';
import { t, type MessageKey } from '../../i18n/strings.js';
import type { DataTable } from './data-table.js';
import { closeMenu, onMenuKeydown, onMenuToggle } from './menus.js';
import { errorText, exportWidget, fireError, type ExportFormat } from './export-action.js';
import { TableViewController } from './table-view-controller.js';
import { SizeController } from './resize-controller.js';
import { closestAttribute } from './locale-controller.js';

export { EXPORT_FORMATS } from './export-action.js';
export type { ExportFormat, PromoErrorDetail, PromoExportDetail } from './export-action.js';

/** Forced states; `auto` derives the state from the report. */
export const WIDGET_STATES = ['auto', 'loading', 'empty', 'error'] as const;
export type WidgetState = (typeof WIDGET_STATES)[number];

type View =
  | { kind: 'loading' }
  | { kind: 'empty'; message?: string }
  | { kind: 'error'; message: string }
  | { kind: 'unavailable' }
  | { kind: 'ready'; report: Report | null };

/** What widgets may know of a campaign beyond the report: its name and SMART targets. */
export interface CampaignInfo {
  id: string;
  name: string;
  /** Goals by KPI id, e.g. `{ revenue: 20000000 }`. */
  targets?: Record<string, number>;
}

/** An error whose message is meant for the user (shown as is in the `error` part). */
export class WidgetError extends Error {}

let uid = 0;

/**
 * Base of the widgets.
 *
 * @csspart config-error - Values the widget could not read, each with the default used instead.
 * @csspart filter-note - On panels the channel and attribute filters do not reach: says so while one is in force.
 * @csspart unavailable - Inside a board whose data failed to load: a quiet placeholder (the board says what failed).
 * @csspart empty-actions - Inside a board, under the empty-state message: the next steps (change the period; clear the filters when some are in force).
 * @event {CustomEvent} promo-empty-action - A next step of the empty state was chosen: `detail: { action: 'change-period' | 'clear-filters' }`; `<promo-kpi-board>` acts on it. Bubbles and is composed.
 * @event {CustomEvent} promo-error - A render or export failed, or the Vietnamese strings could not be loaded (shown in English instead); `detail: { message, error }`.
 * @event {CustomEvent} promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export abstract class PromoWidget extends PromoElement {
  /**
   * The reactive properties, declared in Lit's static `properties` rather than with its
   * decorators: decorators make every bundle carry Lit's decorator module and the compiler's
   * decorator helper (which code splitting puts in a chunk of its own, beside the export's).
   * Each property's type, default and description are on its field below.
   */
  static override properties: PropertyDeclarations = {
    report: { attribute: false, converter: jsonValue<Report>((v) => !Array.isArray(v)) },
    locale: {},
    currency: {},
    theme: { reflect: true, converter: oneOf(THEMES) },
    state: { converter: oneOf(WIDGET_STATES) },
    campaigns: { attribute: false, converter: jsonValue<CampaignInfo[]>(Array.isArray) },
    errorMessage: { attribute: 'error-message' },
    board: { state: true, attribute: false },
    width: { state: true, attribute: false },
    ancestorTheme: { state: true, attribute: false },
  };

  /** The report to show when used alone; inside `<promo-kpi-board>` the board's report is used unless this is set. */
  report: Report | null | undefined = undefined;

  /** `en`, `vi`, or a BCP 47 tag (`vi-VN` uses the Vietnamese strings). Default: the board's, else `en`. */
  locale: string | undefined = undefined;

  /** ISO 4217 code of amounts (`VND`). Default: the board's, else `USD`. */
  currency: string | undefined = undefined;

  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). Default: the board's, or the nearest ancestor's `theme` attribute, else `auto`. */
  theme: ThemeName | undefined = undefined;

  /** Forces a state: `loading` (skeleton), `empty`, `error`; `auto` (default) derives it from the report. */
  state: WidgetState = 'auto';

  /** Campaign names and targets (the report carries ids only). Default: the board's, when it provides them. */
  campaigns: CampaignInfo[] | undefined = undefined;

  /** Message shown in the `error` state when forced by `state="error"`. */
  errorMessage = '';

  /** The board's state, when inside a board. */
  protected board: BoardState | null = null;
  /** Content width of the host in px (0 until measured). */
  protected width = 0;
  private ancestorTheme: ThemeName | null = null;

  #caught: unknown = null;
  #reportedError: string | null = null;
  protected readonly uid = `promo-${++uid}`;
  /** The host's width, and the font probe: a change of `--promo-font-size` after the first render re-lays the widget out. */
  readonly #size = new SizeController(this, (w) => {
    if (w !== this.width) this.width = w;
  });
  readonly #table = new TableViewController(this, `${this.uid}-table`);

  constructor() {
    super();
    new ContextConsumer(this, {
      context: boardContext,
      subscribe: true,
      callback: (value) => {
        this.board = value ?? null;
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const attr = closestAttribute(this.parentNode, 'theme') as ThemeName;
    this.ancestorTheme = THEMES.includes(attr) ? attr : null;
  }

  /**
   * The base font size in px (the `--promo-font-size` token, whatever its unit) as measured on
   * the hidden font probe, or 0 before the probe is laid out. A change of the token after the
   * first render (live theming) is seen at once and the widget re-laid out. Widgets that lay
   * text out in script read it through `baseFontSize` (`inner-width.ts`), which falls back to
   * the token before the first measure.
   */
  protected get probedFontSize(): number {
    return this.#size.fontSize;
  }

  /**
   * Hidden nodes kept inside the root in every state: the probes of the colour tokens a
   * widget reads in script (`tokenProbes` of `token-probes.ts`), so that a change of one
   * after the first render re-renders the widget (live theming). None by default: tokens used
   * only in the styles need nothing.
   */
  protected readonly colorProbes: readonly Node[] = [];

  /** Whether a ResizeObserver is watching the host (for tests). */
  protected get observing(): boolean {
    return this.#size.observing;
  }

  /** The report shown: the `report` property, else the board's. */
  protected get shownReport(): Report | null {
    return this.report ?? this.board?.report ?? null;
  }

  /** The campaign's name and targets, when known. */
  protected campaignInfo(id: string): CampaignInfo | undefined {
    const list: CampaignInfo[] | undefined = this.campaigns ?? this.board?.campaigns;
    return list?.find((c) => c.id === id);
  }

  /** The campaign's name, or its id. */
  protected campaignName(id: string): string {
    return this.campaignInfo(id)?.name ?? id;
  }

  protected get ownLocale(): string | undefined {
    return this.locale;
  }

  protected override inheritedLocale(): string | undefined {
    return this.board?.locale;
  }

  protected get money(): string {
    return this.currency || this.board?.currency || 'USD';
  }

  protected get resolvedTheme(): ThemeName {
    return this.theme || this.board?.theme || this.ancestorTheme || 'auto';
  }

  /** A UI string in the widget's locale. */
  protected msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.activeLocale, key, params);
  }

  /** Accessible name of the widget (also the caption of its table and the name of exported files). */
  protected abstract widgetLabel(report: Report | null): string;

  /** The widget's content, in the ready state. */
  protected abstract renderContent(report: Report | null): TemplateResult;

  /** The numbers behind the widget, or null when there are none. */
  protected abstract tableData(report: Report | null): DataTable | null;

  /** Whether there is nothing to show. Default: no report. */
  protected isEmpty(report: Report | null): boolean {
    return !report;
  }

  /** A message for the empty state (default: "Nothing to show for this period", that nothing matches the board's filters, or, for a widget given no report and outside a board, where its data comes from). */
  protected emptyMessage(report: Report | null): string {
    // Alone on the page with nothing given: say where its data comes from.
    if (!report && this.report === undefined && !this.board) return this.msg('noReport');
    return this.#boardFiltered() ? this.msg('emptyFiltered') : this.msg('empty');
  }

  /**
   * The query of the board this widget reads from; undefined outside a board, or when the
   * widget is given its own report.
   */
  protected get boardQuery(): ReportOptions | undefined {
    return this.report === undefined ? this.board?.query : undefined;
  }

  /** Whether the board this widget reads from has a campaign, channel or attribute filter in force. */
  #boardFiltered(): boolean {
    const q = this.boardQuery;
    return !!q && ((q.campaignIds?.length ?? 0) > 0 || channelOrAttributeFilter(q));
  }

  /** Inside a board, the next steps of an empty state: change the period; clear the filters when some are in force. */
  #renderEmptyActions(): TemplateResult | typeof nothing {
    if (!this.boardQuery) return nothing;
    const act = (action: 'change-period' | 'clear-filters') => () =>
      this.dispatchEvent(new CustomEvent('promo-empty-action', { detail: { action }, bubbles: true, composed: true }));
    return html`<div part="empty-actions">
      <button type="button" data-action="change-period" @click=${act('change-period')}>
        ${this.msg('emptyAction.period')}
      </button>
      ${
        this.#boardFiltered()
          ? html`<button type="button" data-action="clear-filters" @click=${act('clear-filters')}>
              ${this.msg('emptyAction.filters')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** The chart exported as SVG / PNG: the first `svg[part~="chart"]`; several are stacked one under another in the file. */
  protected chartSvg(): SVGSVGElement | readonly SVGSVGElement[] | null {
    return this.renderRoot?.querySelector<SVGSVGElement>('svg[part~="chart"]') ?? null;
  }

  /** Whether the ready view has a chart to export. */
  protected hasChart(_report: Report | null): boolean {
    return true;
  }

  #view(): View {
    if (this.state === 'loading') return { kind: 'loading' };
    if (this.state === 'error') return { kind: 'error', message: this.errorMessage || this.msg('error') };
    if (this.state === 'empty') return { kind: 'empty' };
    const report = this.shownReport;
    if (!report && this.report === undefined && this.board) {
      // The board says what failed, once, in its banner; its widgets only show they have nothing.
      if (this.board.status === 'error') return { kind: 'unavailable' };
      if (this.board.status === 'loading' || this.board.status === 'idle') return { kind: 'loading' };
    }
    if (this.isEmpty(report)) return { kind: 'empty', message: this.emptyMessage(report) };
    return { kind: 'ready', report };
  }

  override render(): TemplateResult {
    let body: TemplateResult;
    let label = '';
    let busy = false;
    this.#caught = null;
    try {
      const v = this.#view();
      busy = v.kind === 'loading';
      label = this.widgetLabel(v.kind === 'ready' ? v.report : this.shownReport);
      if (v.kind === 'loading') body = this.renderLoading();
      else if (v.kind === 'empty')
        body = html`${this.#renderStateTitle(label)}
          <div part="empty">${v.message ?? this.msg('empty')}</div>
          ${this.#renderEmptyActions()}`;
      else if (v.kind === 'unavailable')
        body = html`${this.#renderStateTitle(label)}
          <div part="unavailable">${this.msg('unavailable')}</div>`;
      else if (v.kind === 'error') body = html`${this.#renderStateTitle(label)}${this.renderErrorPart(v.message)}`;
      else {
        const table = this.tableData(v.report);
        body = html`${this.renderContent(v.report)}${table ? this.renderActions(this.hasChart(v.report)) : nothing}
        ${table && this.#table.open ? this.renderTable(table) : nothing}`;
      }
    } catch (error) {
      this.#caught = error;
      body = this.renderErrorPart(error instanceof WidgetError ? error.message : this.msg('error'));
    }
    return html`<div
      class="promo-root theme-${this.resolvedTheme}"
      part="base"
      role="group"
      aria-label=${label || nothing}
      aria-busy=${busy ? 'true' : 'false'}
      lang=${this.shownLang}
    >
      ${this.#size.fontProbe}${this.colorProbes} ${this.renderConfigErrors(this.configErrors)} ${body}
    </div>`;
  }

  /**
   * The values this widget could not read, each with the default used instead (a subclass
   * may show some of them elsewhere, e.g. the tile in place of its value).
   */
  protected renderConfigErrors(problems: readonly ConfigProblem[]): TemplateResult | typeof nothing {
    if (!problems.length) return nothing;
    // The alert is a container of the list: a list element may not take the alert role.
    return html`<div part="config-error" role="alert">
      <ul>
        ${problems.map((p) => html`<li>${this.configMessage(p)}</li>`)}
      </ul>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const message = this.#caught ? errorText(this.#caught) : null;
    // Once per distinct failure: re-renders of the same broken input do not repeat it.
    if (message !== null && message !== this.#reportedError) {
      this.#reportedError = message;
      fireError(this, this.#caught);
    } else if (!this.#caught) this.#reportedError = null;
  }

  /** The widget's name above an empty or error message, so the reader knows what is missing. */
  #renderStateTitle(label: string): TemplateResult | typeof nothing {
    return label ? html`<div class="state-title">${label}</div>` : nothing;
  }

  protected renderLoading(): TemplateResult {
    return html`<div part="skeleton" aria-hidden="true">
        <div class="bone short"></div>
        <div class="bone big"></div>
        <div class="bone"></div>
      </div>
      <span class="sr-only" role="status">${this.msg('loading')}</span>`;
  }

  protected renderErrorPart(message: string): TemplateResult {
    return html`<div part="error" role="alert">${message}</div>`;
  }

  protected renderActions(chart: boolean): TemplateResult {
    return html`<details part="actions" data-menu @keydown=${onMenuKeydown} @toggle=${onMenuToggle}>
      <summary aria-label=${this.msg('actions')} title=${this.msg('actions')}>
        <span aria-hidden="true">⋯</span>
      </summary>
      <div class="menu" @click=${this.#onMenuClick}>
        ${this.#table.renderToggle(this.msg('showTable'), this.msg('hideTable'))}
        <button type="button" data-action="csv" @click=${() => this.exportAs('csv')}>${this.msg('exportCsv')}</button>
        ${
          chart
            ? html`<button type="button" data-action="svg" @click=${() => this.exportAs('svg')}>
                  ${this.msg('exportSvg')}
                </button>
                <button type="button" data-action="png" @click=${() => this.exportAs('png')}>
                  ${this.msg('exportPng')}
                </button>`
            : nothing
        }
        ${this.renderMenuItems()}
      </div>
    </details>`;
  }

  /** More items of the "data and export" menu (buttons), after the exports. */
  protected renderMenuItems(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Choosing an item (mouse or keyboard) closes the menu; the focus goes back to its summary. */
  #onMenuClick(e: Event): void {
    const item = (e.target as Element).closest('button');
    const details = (e.currentTarget as Element).closest('details');
    if (item && details) closeMenu(details, true);
  }

  protected renderTable(table: DataTable): TemplateResult | typeof nothing {
    return this.#table.render(table);
  }

  /** Whether the data table is shown. */
  protected get tableOpen(): boolean {
    return this.#table.open;
  }

  /** Shows or hides the data table. */
  toggleTable(): void {
    this.#table.toggle();
  }

  /**
   * Exports the numbers (`csv`) or the chart (`svg`, `png`). Fires a cancelable
   * `promo-export`; unless cancelled, the file is downloaded. Resolves with the blob, or
   * null when there is nothing to export.
   */
  exportAs(format: ExportFormat): Promise<Blob | null> {
    return exportWidget(this, format, {
      table: () => this.tableData(this.shownReport),
      chart: () => this.chartSvg(),
      label: () => this.widgetLabel(this.shownReport),
    });
  }
}
