import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatValue } from '../../format/format.js';
import type { KpiPolarity, KpiUnit } from '../../core/vocabulary.js';
import type { KpiValue, Report } from '../../engine/report-types.js';
import { reasonText } from '../../i18n/strings.js';
import { channelLabel } from '../../i18n/labels.js';
import { checkedMeta, kpiLabel } from '../shared/kpi-meta.js';
import { PromoWidget } from '../shared/widget.js';
import { cell, type DataTable, type DataCell } from '../shared/data-table.js';
import { baseFontSize, innerWidth } from '../shared/inner-width.js';
import { compareKind, compareText } from '../shared/compare.js';
import { ARROWS, toneOf } from '../shared/tone.js';
import { changeCell, showChange } from '../shared/change.js';
import { loyaltyPanelStyles } from './loyalty-panel.styles.js';
import { LOYALTY_KPIS, pairLayout, sortChannels, type ChannelPoints, type LoyaltyKpi } from './layout.js';
import { loyaltyText, type LoyaltyMessageKey } from '../../i18n/loyalty-panel.js';
import type { StringParams } from '../../i18n/translate.js';

export { LOYALTY_KPIS };
export type { LoyaltyKpi };

/** The two bars of a channel, in the order drawn: points earned, points redeemed. */
const POINTS = ['earned', 'redeemed'] as const;

/** The cells of the panel: one KPI each, the members' basket (AOV) beside the other customers'. */
const CELLS = LOYALTY_KPIS.filter((id) => id !== 'nonMemberAov');

/** A loyalty KPI's value in the report, if it has one. */
const kpiValue = (report: Report, id: LoyaltyKpi): KpiValue | undefined =>
  Object.hasOwn(report.kpis, id) ? report.kpis[id] : undefined;

/** The report's channels with loyalty points, most earned first. */
const channelPoints = (report: Report): ChannelPoints[] =>
  report.loyaltyByChannel ? sortChannels(report.loyaltyByChannel) : [];

/**
 * The loyalty programme at a glance: members, active members, members' share of sales, the
 * members' basket (AOV) against the other customers', points earned, redeemed, the
 * redemption rate and the points outstanding, each with its change against the comparison
 * period (a ratio's change in percentage points), and below them the points earned and
 * redeemed in each channel. Reads `report.kpis` and `report.loyaltyByChannel`.
 *
 * A KPI without a value shows "—" with the reason in words.
 *
 * @summary Loyalty KPIs and points earned and redeemed by channel.
 *
 * @csspart base - The widget's frame.
 * @csspart title - The title.
 * @csspart kpis - The group of KPIs.
 * @csspart kpi - One KPI (label, value, change).
 * @csspart label - A KPI's label.
 * @csspart value - A KPI's value.
 * @csspart delta - A KPI's change against the comparison period.
 * @csspart reason - Why a KPI has no value.
 * @csspart channels - The points by channel (heading, legend and bars).
 * @csspart chart - The points-by-channel bars SVG (exported as SVG/PNG).
 * @csspart legend - The legend of the bars.
 * @csspart actions - The "data and export" menu.
 * @csspart table - The data table ("show as table").
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message.
 * @csspart config-error - A property value that is not valid, named, with the default used instead.
 *
 * @cssproperty --promo-color-surface - Background.
 * @cssproperty --promo-color-surface-muted - Skeleton, table header.
 * @cssproperty --promo-color-text - Values.
 * @cssproperty --promo-color-text-muted - Labels, notes and the comparison.
 * @cssproperty --promo-color-border - Frame and KPI cells' outline.
 * @cssproperty --promo-color-series-1 - Bars of points earned.
 * @cssproperty --promo-color-series-2 - Bars of points redeemed.
 * @cssproperty --promo-color-good - A change for the better.
 * @cssproperty --promo-color-bad - A change for the worse.
 * @cssproperty --promo-color-neutral - A change that is neither.
 * @cssproperty --promo-color-focus - Focus ring.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Frame shadow.
 *
 * @event promo-config-error - A property value is not valid (bubbles, composed); `detail: { element, property, attribute, value, message }`.
 * @event promo-error - A render or export failed, or the Vietnamese strings could not be loaded (shown in English instead); `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoLoyaltyPanel extends PromoWidget {
  static override styles = loyaltyPanelStyles;

  /**
   * A loyalty KPI's label, unit and polarity come from the report's KPI metadata, checked
   * without its daily fields: the panel draws no daily series.
   */
  private labelOf(id: LoyaltyKpi): string {
    return kpiLabel(this.shownReport, id, this.activeLocale);
  }

  private unitOf(id: LoyaltyKpi): KpiUnit {
    return checkedMeta(this.shownReport, id)?.unit ?? 'number';
  }

  private polarityOf(id: LoyaltyKpi): KpiPolarity {
    return checkedMeta(this.shownReport, id)?.polarity ?? 'neutral';
  }

  private fmt(v: number | null | undefined, unit: KpiUnit, compact = false): string {
    return formatValue(v, unit, { locale: this.activeLocale, currency: this.money, compact });
  }

  /**
   * A figure of a narrow panel: compact only when that is shorter ("4,5 tr" for 4.491.328,
   * but "446.176 ₫" rather than "446,2 nghìn ₫", which did not fit its cell).
   */
  private figure(v: number | null | undefined, unit: KpiUnit, narrow: boolean): string {
    const full = this.fmt(v, unit);
    if (!narrow) return full;
    const short = this.fmt(v, unit, true);
    return short.length < full.length ? short : full;
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: LoyaltyMessageKey, params?: StringParams): string {
    return loyaltyText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    return this.msg('loyalty.title');
  }

  protected override isEmpty(report: Report | null): boolean {
    if (!report) return true;
    return LOYALTY_KPIS.every((id) => !kpiValue(report, id)) && !channelPoints(report).length;
  }

  protected override emptyMessage(report: Report | null): string {
    return report ? this.msg('loyalty.noProgramme') : super.emptyMessage(report);
  }

  protected override hasChart(report: Report | null): boolean {
    return !!report && channelPoints(report).length > 0;
  }

  protected override renderContent(report: Report): TemplateResult {
    const vs = compareText(this.activeLocale, compareKind(report));
    return html`<div class="lp-root">
      <h3 part="title">${this.widgetLabel()}</h3>
      <dl part="kpis">${CELLS.map((id) => this.renderKpi(report, id, vs))}</dl>
      ${this.renderChannels(report)}
    </div>`;
  }

  private renderDelta(id: LoyaltyKpi, kv: KpiValue | undefined, vs: string): TemplateResult | typeof nothing {
    if (!kv) return nothing;
    const c = showChange(kv, this.unitOf(id), { locale: this.activeLocale, currency: this.money });
    if (!c)
      return html`<dd part="delta" class="tone-neutral">
        ${kv.previous === null && this.shownReport?.previous === null ? '' : '—'}
      </dd>`;
    const tone = toneOf(c.trend, this.polarityOf(id));
    return html`<dd part="delta" class="tone-${tone}" data-tone=${tone} data-trend=${c.trend}>
      <span aria-hidden="true">${ARROWS[c.trend]}</span> ${c.signed}
      <span class="vs">${vs}</span>
    </dd>`;
  }

  private renderKpi(report: Report, id: LoyaltyKpi, vs: string): TemplateResult {
    const kv = kpiValue(report, id);
    // The members' basket is money, shown with the other customers' beside it.
    const aov = id === 'memberAov';
    const unit = aov ? 'currency' : this.unitOf(id);
    const narrow = unit !== 'ratio' && this.width > 0 && this.width < 560;
    return html`<div part="kpi" data-kpi=${id}>
      <dt part="label">${this.labelOf(id)}</dt>
      <dd part="value" title=${ifDefined(kv?.value != null ? this.fmt(kv.value, unit) : undefined)}>
        ${this.figure(kv?.value, unit, narrow)}
      </dd>
      ${kv?.value === null && kv.reason ? html`<dd part="reason">${reasonText(this.activeLocale, kv.reason)}</dd>` : nothing}
      ${
        aov
          ? html`<dd class="other" data-kpi="nonMemberAov">
              ${this.labelOf('nonMemberAov')}:
              <strong>${this.figure(kpiValue(report, 'nonMemberAov')?.value, unit, narrow)}</strong>
            </dd>`
          : nothing
      }
      ${this.renderDelta(id, kv, vs)}
    </div>`;
  }

  private renderChannels(report: Report): TemplateResult {
    const rows = channelPoints(report);
    const title = this.msg('loyalty.byChannel');
    return html`<div part="channels">
      <h4>${title}</h4>
      ${rows.length ? this.renderBars(rows, title) : html`<p class="note">${this.msg('loyalty.noChannels')}</p>`}
    </div>`;
  }

  /** The legend and the bars of the channels (at least one). */
  private renderBars(rows: ChannelPoints[], title: string): TemplateResult {
    const labels = rows.map((r) => channelLabel(this.activeLocale, r.channel));
    const values = { earned: [] as string[], redeemed: [] as string[] };
    for (const k of POINTS) for (const r of rows) values[k].push(this.fmt(r[k], 'count', true));
    const l = pairLayout(rows, {
      width: innerWidth(this.renderRoot?.querySelector('.promo-root'), this.width),
      fontSize: baseFontSize(this, this.probedFontSize),
      labels,
      values: [...values.earned, ...values.redeemed],
    });
    const text = rows
      .map((r, i) =>
        this.msg('loyalty.channelRow', {
          channel: labels[i]!,
          earned: this.fmt(r.earned, 'count'),
          redeemed: this.fmt(r.redeemed, 'count'),
        }),
      )
      .join('; ');
    return html`<ul part="legend" aria-hidden="true">
        ${POINTS.map((k) => html`<li><span class="key ${k}"></span>${this.msg(`loyalty.${k}`)}</li>`)}
      </ul>
      <svg
        part="chart"
        role="img"
        aria-label=${`${title}: ${text}`}
        width=${l.width}
        height=${l.height}
        viewBox="0 0 ${l.width} ${l.height}"
      >
        ${l.rows.map(
          (g, i) => svg`<g>
            <text class="label" x=${g.labelX} y=${g.labelY} text-anchor=${l.arrangement === 'side' ? 'end' : 'start'} dominant-baseline="central">${g.label}</text>
            ${POINTS.map((k) => {
              const b = g[k];
              return svg`<rect class=${k} x=${b.x} y=${b.y} width=${b.width} height=${b.height} rx="2"></rect>
                <text class="num" x=${b.textX} y=${b.textY} dominant-baseline="central">${values[k][i]}</text>`;
            })}
          </g>`,
        )}
      </svg>`;
  }

  protected override tableData(report: Report | null): DataTable | null {
    if (!report || this.isEmpty(report)) return null;
    const rows: DataCell[][] = [];
    for (const id of LOYALTY_KPIS) {
      const kv = kpiValue(report, id);
      if (!kv) continue;
      const unit = this.unitOf(id);
      rows.push([
        cell(this.labelOf(id)),
        kv.value === null && kv.reason
          ? cell(null, `— (${reasonText(this.activeLocale, kv.reason)})`)
          : cell(kv.value, this.fmt(kv.value, unit)),
        cell(kv.previous, this.fmt(kv.previous, unit)),
        changeCell(kv, unit, { locale: this.activeLocale, currency: this.money }),
      ]);
    }
    for (const r of channelPoints(report)) {
      const name = channelLabel(this.activeLocale, r.channel);
      for (const k of POINTS)
        rows.push([
          cell(`${this.msg(`loyalty.${k}`)} · ${name}`),
          cell(r[k], this.fmt(r[k], 'count')),
          cell(null, ''),
          cell(null, ''),
        ]);
    }
    return {
      caption: this.widgetLabel(),
      columns: [this.msg('kpi'), this.msg('value'), this.msg('previous'), this.msg('change')],
      numeric: [false, true, true, true],
      rows,
    };
  }
}
