import { html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatValue } from '../../format/format.js';
import type { Pacing, Report } from '../../engine/report-types.js';
import { reasonText } from '../../i18n/strings.js';
import { PromoWidget, WidgetError } from '../shared/widget.js';
import { renderFilterNote, renderPartial } from '../shared/notes.js';
import type { DataCell, DataTable } from '../shared/data-table.js';
import { listValue } from '../shared/converters.js';
import { budgetGaugeStyles } from './budget-gauge.styles.js';
import { gaugeGeometry, gaugeState, LIST_FROM, usedFraction, type GaugeState, type GaugeStatus } from './layout.js';
import { gaugeText, type GaugeMessageKey } from '../../i18n/budget-gauge.js';
import type { StringParams } from '../../i18n/translate.js';

const GAUGE_HEIGHT = 28;

/** The figures under a full gauge, by name (`data-figure`). */
type Figure = 'spent' | 'budget' | 'expected' | 'projected' | 'remaining' | 'revenue';

/** The amounts of the data table: each a field of a campaign's pacing, and its column's label. */
const TABLE_AMOUNTS = ['budget', 'spent', 'expected', 'projected', 'remaining', 'projectedRevenue'] as const;

/** The columns of the data table, by label. */
const TABLE_COLUMNS = ['campaign', 'status', ...TABLE_AMOUNTS, 'pace', 'daysElapsed'] as const;

/** Height of a gauge in the list of many campaigns. */
const ROW_GAUGE_HEIGHT = 16;

/**
 * Budget pacing of one campaign (`campaign="C1"`), or of every campaign with a budget
 * (`include` narrows them): spent against budget, a marker for what should have been
 * spent by today, the projected spend at the end, the remaining budget, the projected
 * revenue, and the status in words and colour: scheduled, on track, under-spending (pace
 * below 80 % of plan), at risk, over budget; once ended, over, under or on budget. From
 * three campaigns on, each is one row of a compact list under one shared legend. Reads
 * `report.pacing`.
 *
 * @summary Spent vs budget, pacing and forecast of campaigns.
 *
 * @csspart base - The widget's frame.
 * @csspart title - The heading.
 * @csspart campaign - One campaign's block.
 * @csspart name - A campaign's name.
 * @csspart status - A campaign's status (colour dot and words).
 * @csspart days - Days elapsed of the campaign, and the pace (spent / expected).
 * @csspart chart - A gauge SVG (exported as SVG/PNG).
 * @csspart gauge - A gauge SVG: budget track, spent bar, projected spend, pacing marker.
 * @csspart figures - The figures under a gauge (spent, expected, projected, remaining, revenue).
 * @csspart legend - The legend of the gauge marks.
 * @csspart actions - The "data and export" menu.
 * @csspart table - The data table ("show as table").
 * @csspart partial - Why some campaigns are not shown.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message.
 *
 * @cssproperty --promo-color-surface - Background.
 * @cssproperty --promo-color-surface-muted - Budget track, skeleton and table header background.
 * @cssproperty --promo-color-text - Text and the pacing marker.
 * @cssproperty --promo-color-text-muted - Captions and the budget line.
 * @cssproperty --promo-color-border - Borders between campaigns.
 * @cssproperty --promo-color-focus - Focus ring.
 * @cssproperty --promo-color-bad - Overspend figures.
 * @cssproperty --promo-color-status-scheduled - Status colour: scheduled.
 * @cssproperty --promo-color-status-on-track - Status colour: on track, or ended on budget.
 * @cssproperty --promo-color-status-under-pace - Status colour: spending well below plan, or ended under budget.
 * @cssproperty --promo-color-status-at-risk - Status colour: at risk.
 * @cssproperty --promo-color-status-over-budget - Status colour: over budget.
 * @cssproperty --promo-color-status-ended - The word "Ended" before an ended campaign's outcome.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Shadow.
 *
 * @event promo-error - A render or export failed, or the Vietnamese strings could not be loaded (shown in English instead); `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoBudgetGauge extends PromoWidget {
  static override styles = budgetGaugeStyles;

  /** The reactive properties, in Lit's static `properties` (not its decorators: see `PromoWidget.properties`). */
  static override properties: PropertyDeclarations = {
    campaign: {},
    include: { converter: listValue },
    figuresTooWide: { state: true, attribute: false },
  };

  /** A campaign id; default: every campaign of the report that has a budget. */
  campaign = '';

  /**
   * Without `campaign`: the campaign ids to show (others of the report are left out), as
   * an array or a comma-separated list; default all with a budget.
   */
  include: string[] | null = null;

  private get fmt() {
    return { locale: this.activeLocale, currency: this.money, compact: this.width > 0 && this.width < 360 };
  }

  private money$(n: number | null, compact = this.fmt.compact): string {
    return formatValue(n, 'currency', { ...this.fmt, compact });
  }

  /** A fraction as a percentage ("30.0%"). */
  private ratio$(n: number | null): string {
    return formatValue(n, 'ratio', { locale: this.activeLocale });
  }

  /** A figure under a gauge: compact when, written in full, one was measured wider than its column. */
  private figure$(n: number | null): string {
    return this.money$(n, this.fmt.compact || this.figuresTooWide === this.width);
  }

  /** The card width at which full figures were measured too wide (figures never wrap). */
  private figuresTooWide = -1;

  override connectedCallback(): void {
    super.connectedCallback();
    // A figure measured in a fallback font may overflow where the page's font fits: measure
    // again once the fonts are loaded.
    globalThis.document?.fonts?.ready.then(() => {
      if (this.isConnected) this.figuresTooWide = -1;
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.figuresTooWide === this.width) return;
    // Only a measure taken at the width this render was laid out for counts: a transient layout
    // (the board's grid still settling) would otherwise leave full figures compact for good.
    const box = this.getBoundingClientRect().width;
    const style = getComputedStyle(this);
    const content =
      box -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight) -
      parseFloat(style.borderLeftWidth) -
      parseFloat(style.borderRightWidth);
    if (Math.abs(Math.round(content) - this.width) > 1) return;
    const dds = this.renderRoot.querySelectorAll<HTMLElement>('dl[part~="figures"] dd');
    if ([...dds].some((dd) => dd.scrollWidth > dd.clientWidth + 1)) this.figuresTooWide = this.width;
  }

  /** The campaigns shown, in report order. Throws a user-facing error for an unknown campaign. */
  private rows(report: Report): [string, Pacing][] {
    if (!this.campaign) {
      const only = this.include ? new Set(this.include) : null;
      return Object.entries(report.pacing).filter(([id, p]) => p.budget > 0 && (!only || only.has(id)));
    }
    // Own keys only: a campaign id such as `toString` or `constructor` must not find Object's.
    const p = Object.hasOwn(report.pacing, this.campaign) ? report.pacing[this.campaign] : undefined;
    if (p) return [[this.campaign, p]];
    if (!Object.hasOwn(report.byCampaign, this.campaign))
      throw new WidgetError(this.msg('unknownCampaign', { id: this.campaign }));
    return [];
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: GaugeMessageKey, params?: StringParams): string {
    return gaugeText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    const title = this.msg('budgetPacing');
    return this.campaign ? `${title} · ${this.campaignName(this.campaign)}` : title;
  }

  protected override isEmpty(report: Report | null): boolean {
    return !report || this.rows(report).length === 0;
  }

  protected override emptyMessage(report: Report | null): string {
    // A campaign of the report without a budget: say so in words.
    if (report && this.campaign && Object.hasOwn(report.byCampaign, this.campaign))
      return `${this.campaignName(this.campaign)}: ${reasonText(this.activeLocale, 'no-budget')}.`;
    return report ? this.msg('noBudgets') : super.emptyMessage(report);
  }

  /** Every gauge, stacked one under another in the exported SVG and PNG. */
  protected override chartSvg(): readonly SVGSVGElement[] {
    return [...(this.renderRoot?.querySelectorAll<SVGSVGElement>('svg[part~="gauge"]') ?? [])];
  }

  protected override renderContent(report: Report): TemplateResult {
    const rows = this.rows(report);
    const missing = this.campaign
      ? []
      : Object.keys(report.byCampaign).filter((id) => !Object.hasOwn(report.pacing, id));
    const list = !this.campaign && rows.length >= LIST_FROM;
    const states = rows.map(([, p]) => gaugeState(p));
    return html`<h3 part="title">${this.widgetLabel()}</h3>
      ${renderFilterNote(this.boardQuery, this.activeLocale)}
      <ul class="list ${list ? 'compact' : ''} ${list && this.width > 0 && this.width < 560 ? 'narrow' : ''}">
        ${rows.map(([id, p], i) => this.renderCampaign(id, p, states[i]!, list))}
      </ul>
      ${this.renderLegend(states)} ${missing.length ? renderPartial(this.activeLocale, ['no-budget']) : nothing}`;
  }

  /** The words of a status: the running status, or an ended campaign's outcome. */
  private statusWord(s: GaugeState): string {
    return this.msg(`${s.ended ? 'outcome' : 'status'}.${s.status as 'on-track' | 'under-pace' | 'over-budget'}`);
  }

  /** The status in words: the running status, or "Ended · <outcome>". */
  private statusWords(s: GaugeState): string {
    return s.ended ? `${this.msg('status.ended')} · ${this.statusWord(s)}` : this.statusWord(s);
  }

  private renderStatus(s: GaugeState): TemplateResult {
    return html`<span part="status" data-status=${s.status} ?data-ended=${s.ended}>
      <span class="dot" aria-hidden="true"></span>
      ${s.ended ? html`<span class="ended">${this.msg('status.ended')}</span> ·` : nothing}
      <span class="word">${this.statusWord(s)}</span>
    </span>`;
  }

  /** One legend for every gauge: the marks, and the colour of each status shown. */
  private renderLegend(states: GaugeState[]): TemplateResult {
    const shown: GaugeStatus[] = [];
    for (const s of states) if (!shown.includes(s.status)) shown.push(s.status);
    return html`<div part="legend" class="legend" aria-hidden="true">
      <span
        ><span class="key spent split">${shown.map((st) => html`<span class="status-${st}"></span>`)}</span
        >${this.msg('spent')}</span
      >
      <span><span class="key ghost"></span>${this.msg('projected')}</span>
      <span><span class="key marker"></span>${this.msg('expected')}</span>
      <span><span class="key budget"></span>${this.msg('budget')}</span>
    </div>`;
  }

  private summary(id: string, p: Pacing, s: GaugeState): string {
    const used = usedFraction(p);
    return this.msg('gaugeSummary', {
      name: this.campaignName(id),
      status: this.statusWords(s),
      spent: this.money$(p.spent, false),
      budget: this.money$(p.budget, false),
      percent: this.ratio$(used),
      expected: this.money$(p.expected, false),
      projected: this.money$(p.projected, false),
      remaining: this.money$(p.remaining, false),
      revenue: this.money$(p.projectedRevenue, false),
    });
  }

  private renderBar(id: string, p: Pacing, s: GaugeState, width: number, height: number): TemplateResult {
    const g = gaugeGeometry(p, width, height);
    return html`<svg
      part="chart gauge"
      role="img"
      aria-label=${this.summary(id, p, s)}
      viewBox="0 0 ${g.width} ${g.height}"
      preserveAspectRatio="none"
    >
      ${svg`<rect class="track" x="2" y=${g.barY} width=${Math.max(0, g.budgetX - 2)} height=${g.barHeight} rx="3"></rect>
        ${g.projectedX !== null && g.projectedX > g.spentX ? svg`<rect class="projected" x=${g.spentX} y=${g.barY} width=${g.projectedX - g.spentX} height=${g.barHeight}></rect>` : nothing}
        <rect class="spent" x="2" y=${g.barY} width=${Math.max(0, g.spentX - 2)} height=${g.barHeight} rx="3"></rect>
        <line class="budget-line" x1=${g.budgetX} x2=${g.budgetX} y1="1" y2=${g.height - 1} vector-effect="non-scaling-stroke"></line>
        ${p.daysElapsed > 0 && !p.ended ? svg`<line class="expected" x1=${g.expectedX} x2=${g.expectedX} y1="0" y2=${g.height} vector-effect="non-scaling-stroke"></line>` : nothing}`}
    </svg>`;
  }

  /**
   * One campaign: in full (name and status, days and pace, the gauge, six figures), or as a
   * row of the compact list (name, status, a thin gauge, spent of budget).
   */
  private renderCampaign(id: string, p: Pacing, s: GaugeState, row: boolean): TemplateResult {
    const used = usedFraction(p);
    const over = p.remaining < 0;
    const nameSpan = html`<span part="name">${this.campaignName(id)}</span>`;
    if (row)
      return html`<li part="campaign" class="status-${s.status} row" data-campaign=${id}>
        ${nameSpan} ${this.renderStatus(s)}
        ${this.renderBar(id, p, s, Math.max(80, Math.round((this.width || 480) * (this.width >= 560 ? 0.35 : 1))), ROW_GAUGE_HEIGHT)}
        <span part="figures" class="row-figures ${over ? 'over' : ''}"
          >${this.money$(p.spent, true)} / ${this.money$(p.budget, true)} · ${this.ratio$(used)}</span
        >
      </li>`;
    const projectedOver = p.projected !== null && p.projected > p.budget;
    // Six figures in rows of three, or of two on a narrow card: never one left alone.
    const columns = this.width > 0 && this.width < 480 ? 2 : 3;
    // Each figure: its name (the label's key, but for the revenue made or projected), its value, whether it is bad news.
    type Row = [Figure, string | TemplateResult, boolean?];
    const figures: Row[] = [
      ['spent', html`${this.figure$(p.spent)} (${this.ratio$(used)})`, over],
      ['budget', this.figure$(p.budget)],
      // Once ended, the plan to date is the budget and the forecast is what was spent:
      // only the figures that say something new (the result vs budget, the revenue made).
      ...(p.ended
        ? []
        : ([
            ['expected', this.figure$(p.expected)],
            ['projected', this.figure$(p.projected), projectedOver],
          ] as Row[])),
      ['remaining', over ? this.msg('overBy', { value: this.figure$(-p.remaining) }) : this.figure$(p.remaining), over],
      ['revenue', this.figure$(p.projectedRevenue)],
    ];
    return html`<li part="campaign" class="status-${s.status}" data-campaign=${id}>
      <div class="head">${this.campaign ? nothing : nameSpan} ${this.renderStatus(s)}</div>
      <div part="days">
        ${this.msg('days', { elapsed: p.daysElapsed, total: p.daysTotal })} · ${this.msg('pace').toLowerCase()}
        ${this.ratio$(p.pace)}
      </div>
      ${this.renderBar(id, p, s, Math.max(120, this.width || 320), GAUGE_HEIGHT)}
      <dl part="figures" class=${columns === 2 || p.ended ? 'two' : ''}>
        ${figures.map(
          ([name, value, bad]) =>
            html`<div data-figure=${name}>
              <dt>${this.msg(name === 'revenue' && !p.ended ? 'projectedRevenue' : name)}</dt>
              <dd class=${bad ? 'over' : ''}>${value}</dd>
            </div>`,
        )}
      </dl>
    </li>`;
  }

  protected override tableData(report: Report | null): DataTable | null {
    if (!report) return null;
    const rows = this.rows(report);
    if (!rows.length) return null;
    // Cells written as they are (raw value, text shown): importing the table module's cell
    // helper would load its CSV writer with the widget, not with the first export.
    const same = (text: string): DataCell => ({ raw: text, text });
    return {
      caption: this.widgetLabel(),
      columns: TABLE_COLUMNS.map((k) => this.msg(k)),
      // Every column but the campaign and its status is a number.
      numeric: TABLE_COLUMNS.map((_, i) => i > 1),
      rows: rows.map(([id, p]) => [
        same(this.campaignName(id)),
        same(this.statusWords(gaugeState(p))),
        ...TABLE_AMOUNTS.map((k) => ({ raw: p[k], text: this.money$(p[k], false) })),
        { raw: p.pace, text: this.ratio$(p.pace) },
        same(`${p.daysElapsed}/${p.daysTotal}`),
      ]),
    };
  }
}
