import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatValue } from '../../format/format.js';
import type { Pacing, Report } from '../../engine/types.js';
import { reasonText } from '../../i18n/strings.js';
import { PromoWidget, WidgetError } from '../shared/widget.js';
import { cell, type DataTable } from '../shared/data-table.js';
import { serializeSvg } from '../shared/export.js';
import { budgetGaugeStyles } from './budget-gauge.styles.js';
import { gaugeGeometry, gaugeStatuses, usedFraction } from './layout.js';

const GAUGE_HEIGHT = 28;

/**
 * Budget pacing of one campaign (`campaign="C1"`), or of every campaign with a budget:
 * spent against budget, a marker for what should have been spent by today, the projected
 * spend at the end, the remaining budget, the projected revenue, and the status in words
 * and colour (scheduled, on track, at risk, over budget, ended). Reads `report.pacing`.
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
 * @cssproperty --promo-color-status-on-track - Status colour: on track.
 * @cssproperty --promo-color-status-at-risk - Status colour: at risk.
 * @cssproperty --promo-color-status-over-budget - Status colour: over budget.
 * @cssproperty --promo-color-status-ended - Status colour: ended.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Shadow.
 *
 * @event promo-error - A render or export failed; `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoBudgetGauge extends PromoWidget {
  static override styles = budgetGaugeStyles;

  /** A campaign id; default: every campaign of the report that has a budget. */
  @property() campaign = '';

  private get fmt() {
    return { locale: this.activeLocale, currency: this.money, compact: this.width > 0 && this.width < 360 };
  }

  private money$(n: number | null, compact = this.fmt.compact): string {
    return formatValue(n, 'currency', { ...this.fmt, compact });
  }

  /** The campaigns shown, in report order. Throws a user-facing error for an unknown campaign. */
  private rows(report: Report): [string, Pacing][] {
    if (!this.campaign) return Object.entries(report.pacing).filter(([, p]) => p.budget > 0);
    // Own keys only: a campaign id such as `toString` or `constructor` must not find Object's.
    const p = Object.hasOwn(report.pacing, this.campaign) ? report.pacing[this.campaign] : undefined;
    if (p) return [[this.campaign, p]];
    if (!Object.hasOwn(report.byCampaign, this.campaign))
      throw new WidgetError(this.msg('unknownCampaign', { id: this.campaign }));
    return [];
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
    return this.msg(report ? 'noBudgets' : 'empty');
  }

  /** Every gauge as one SVG, stacked, for the export. */
  protected override chartSvg(): SVGSVGElement | null {
    const all = [...(this.renderRoot?.querySelectorAll<SVGSVGElement>('svg[part~="gauge"]') ?? [])];
    if (all.length <= 1) return all[0] ?? null;
    const ns = 'http://www.w3.org/2000/svg';
    const root = document.createElementNS(ns, 'svg');
    const gap = 12;
    let y = 0;
    let width = 0;
    for (const el of all) {
      const box = el.getBoundingClientRect();
      const doc = new DOMParser().parseFromString(serializeSvg(el), 'image/svg+xml').documentElement;
      doc.setAttribute('y', String(y));
      root.append(root.ownerDocument.importNode(doc, true));
      y += Math.round(box.height) + gap;
      width = Math.max(width, Math.round(box.width));
    }
    root.setAttribute('width', String(width));
    root.setAttribute('height', String(Math.max(1, y - gap)));
    root.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, y - gap)}`);
    // Detached: measured through its attributes; its children already carry their colours.
    return root;
  }

  protected override renderContent(report: Report): TemplateResult {
    const rows = this.rows(report);
    const missing = this.campaign
      ? []
      : Object.keys(report.byCampaign).filter((id) => !Object.hasOwn(report.pacing, id));
    return html`<h3 part="title">${this.widgetLabel()}</h3>
      <ul class="list">
        ${rows.map(([id, p]) => this.renderCampaign(id, p))}
      </ul>
      <div part="legend" class="legend" aria-hidden="true">
        <span><span class="key"></span>${this.msg('spent')}</span>
        <span><span class="key ghost"></span>${this.msg('projected')}</span>
        <span><span class="key marker"></span>${this.msg('expected')}</span>
        <span><span class="key budget"></span>${this.msg('budget')}</span>
      </div>
      ${missing.length ? this.renderPartial(['no-budget']) : nothing}`;
  }

  private summary(id: string, p: Pacing): string {
    const used = usedFraction(p);
    return this.msg('gaugeSummary', {
      name: this.campaignName(id),
      status: gaugeStatuses(p)
        .map((s) => this.msg(`status.${s}`))
        .join(', '),
      spent: this.money$(p.spent, false),
      budget: this.money$(p.budget, false),
      percent: formatValue(used, 'ratio', { locale: this.activeLocale }),
      expected: this.money$(p.expected, false),
      projected: this.money$(p.projected, false),
      remaining: this.money$(p.remaining, false),
      revenue: this.money$(p.projectedRevenue, false),
    });
  }

  private renderCampaign(id: string, p: Pacing): TemplateResult {
    const statuses = gaugeStatuses(p);
    const width = Math.max(120, this.width || 320);
    const g = gaugeGeometry(p, width, GAUGE_HEIGHT);
    const used = usedFraction(p);
    const over = p.remaining < 0;
    const projectedOver = p.projected !== null && p.projected > p.budget;
    return html`<li part="campaign" class="status-${statuses[0]}" data-campaign=${id}>
      <div class="head">
        <span part="name">${this.campaignName(id)}</span>
        <span part="status" data-status=${statuses.join(' ')}>
          <span class="dot" aria-hidden="true"></span>
          <span class="word">${statuses.map((s) => this.msg(`status.${s}`)).join(' · ')}</span>
        </span>
      </div>
      <div part="days">
        ${this.msg('days', { elapsed: p.daysElapsed, total: p.daysTotal })} · ${this.msg('pace').toLowerCase()}
        ${formatValue(p.pace, 'ratio', { locale: this.activeLocale })}
      </div>
      <svg
        part="chart gauge"
        role="img"
        aria-label=${this.summary(id, p)}
        viewBox="0 0 ${g.width} ${g.height}"
        preserveAspectRatio="none"
      >
        ${svg`<rect class="track" x="${g.maxX === g.budgetX ? 2 : 2}" y=${g.barY} width=${Math.max(0, g.budgetX - 2)} height=${g.barHeight} rx="3"></rect>
        ${g.projectedX !== null && g.projectedX > g.spentX ? svg`<rect class="projected" x=${g.spentX} y=${g.barY} width=${g.projectedX - g.spentX} height=${g.barHeight}></rect>` : nothing}
        <rect class="spent" x="2" y=${g.barY} width=${Math.max(0, g.spentX - 2)} height=${g.barHeight} rx="3"></rect>
        <line class="budget-line" x1=${g.budgetX} x2=${g.budgetX} y1="1" y2=${g.height - 1} vector-effect="non-scaling-stroke"></line>
        ${p.daysElapsed > 0 && !p.ended ? svg`<line class="expected" x1=${g.expectedX} x2=${g.expectedX} y1="0" y2=${g.height} vector-effect="non-scaling-stroke"></line>` : nothing}`}
      </svg>
      <dl part="figures">
        <div>
          <dt>${this.msg('spent')}</dt>
          <dd class=${over ? 'over' : ''}>
            ${this.money$(p.spent)} (${formatValue(used, 'ratio', { locale: this.activeLocale })})
          </dd>
        </div>
        <div>
          <dt>${this.msg('budget')}</dt>
          <dd>${this.money$(p.budget)}</dd>
        </div>
        <div>
          <dt>${this.msg('expected')}</dt>
          <dd>${this.money$(p.expected)}</dd>
        </div>
        <div>
          <dt>${this.msg('projected')}</dt>
          <dd class=${projectedOver ? 'over' : ''}>${this.money$(p.projected)}</dd>
        </div>
        <div>
          <dt>${this.msg('remaining')}</dt>
          <dd class=${over ? 'over' : ''}>
            ${over ? this.msg('overBy', { value: this.money$(-p.remaining) }) : this.money$(p.remaining)}
          </dd>
        </div>
        <div>
          <dt>${this.msg('projectedRevenue')}</dt>
          <dd>${this.money$(p.projectedRevenue)}</dd>
        </div>
      </dl>
    </li>`;
  }

  protected override tableData(report: Report | null): DataTable | null {
    if (!report) return null;
    const rows = this.rows(report);
    if (!rows.length) return null;
    const m = (n: number | null) => cell(n, this.money$(n, false));
    const r = (n: number | null) => cell(n, formatValue(n, 'ratio', { locale: this.activeLocale }));
    return {
      caption: this.widgetLabel(),
      columns: [
        this.msg('campaign'),
        this.msg('status'),
        this.msg('budget'),
        this.msg('spent'),
        this.msg('expected'),
        this.msg('projected'),
        this.msg('remaining'),
        this.msg('projectedRevenue'),
        this.msg('pace'),
        this.msg('daysElapsed'),
      ],
      numeric: [false, false, true, true, true, true, true, true, true, true],
      rows: rows.map(([id, p]) => [
        cell(this.campaignName(id)),
        cell(
          gaugeStatuses(p)
            .map((s) => this.msg(`status.${s}`))
            .join(' · '),
        ),
        m(p.budget),
        m(p.spent),
        m(p.expected),
        m(p.projected),
        m(p.remaining),
        m(p.projectedRevenue),
        r(p.pace),
        cell(`${p.daysElapsed}/${p.daysTotal}`),
      ]),
    };
  }
}
