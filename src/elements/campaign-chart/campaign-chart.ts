import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../shared/style-props.js';
import { getKpi, onKpiRegistryChange } from '../../engine/kpis.js';
import type { KpiMeta, Report } from '../../engine/report-types.js';
import type { KpiReason, KpiUnit } from '../../core/vocabulary.js';
import { formatValue, localeTag } from '../../format/format.js';
import { changeCell, showChange } from '../shared/change.js';
import { listKey } from '../shared/list-keys.js';
import { reasonText } from '../../i18n/strings.js';
import { seriesVar } from '../../theme/tokens.js';
import { cell, type DataCell, type DataTable } from '../shared/data-table.js';
import { PromoWidget, WidgetError } from '../shared/widget.js';
import { numberValue, oneOf } from '../shared/converters.js';
import { campaignChartStyles } from './campaign-chart.styles.js';
import {
  ADDITIVE_KPIS,
  OTHERS_ID,
  STACK_BELOW,
  TREND_GRAINS,
  barLayout,
  bucketDaily,
  campaignsByRevenue,
  nearestIndex,
  rankCampaigns,
  trendLayout,
  type BarLayout,
  type CampaignDatum,
  type Ranking,
  type SecondaryMode,
  type TrendData,
  type TrendGrain,
  type TrendLayout,
} from './layout.js';

/** Views of the chart: compare campaigns on a KPI, or follow their revenue over time. */
export const CAMPAIGN_CHART_VIEWS = ['bars', 'trend'] as const;
export type CampaignChartView = (typeof CAMPAIGN_CHART_VIEWS)[number];
export { TREND_GRAINS };
export type { TrendGrain };

/** Detail of `promo-campaign-select`: the campaign chosen, or null when the selection was cleared. */
export interface PromoCampaignSelectDetail {
  campaignId: string | null;
}

/** Dash patterns of the trend lines, so series differ by more than colour. */
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2', '1 3', '12 4', '6 2 2 2'];
const DEFAULT_FONT_SIZE = 14;
/** Most campaigns drawn in the trend view by default (the largest by revenue). */
const TREND_DEFAULT_SERIES = 4;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(locale: string, day: string, withYear = false): string {
  const key = `${locale}|${withYear}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(locale), {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    dateFormats.set(key, f);
  }
  const [y, m, d] = day.split('-').map(Number);
  return Number.isFinite(y) && Number.isFinite(m) && Number.isFinite(d) ? f.format(Date.UTC(y, m - 1, d)) : day;
}

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
 * Campaigns are options of a listbox: Tab reaches the chart, the arrow keys (and Home / End)
 * move between campaigns, Enter or Space (or a click) selects one and fires
 * `promo-campaign-select`, which `<promo-kpi-board>` uses to filter. Hover and focus show a
 * tooltip.
 *
 * `view="trend"` shows sales over time from `report.daily`, by day or ISO week (`grain`):
 * each campaign's revenue as a line (each with its own dash pattern) over the store's total
 * revenue (`allRevenue`) as an area, so each offer's effect on sales is visible (a week cut
 * by the period is a hollow point, and its tooltip says how many days it holds). The left
 * and right arrow keys move a cursor across the periods.
 *
 * @summary Compares campaigns on a KPI (bars), or their sales over time (trend).
 *
 * @csspart base - The widget's frame.
 * @csspart title - The chart title.
 * @csspart legend - The legend (second metric, trend series).
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
 * @event promo-campaign-select - A campaign was chosen by click, Enter or Space (bubbles, composed); `detail: { campaignId }`, null when the selected campaign was chosen again (selection cleared).
 * @event promo-error - A render or export failed; `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoCampaignChart extends PromoWidget {
  static override styles = campaignChartStyles;

  /** KPI id compared across campaigns (`revenue`, `roi`, `cac`, or a custom KPI's id). */
  @property() metric = 'revenue';

  /** An optional second KPI per campaign: a bar beside the first when the units match, else a dot on its own axis. */
  @property({ attribute: 'secondary-metric' }) secondaryMetric = '';

  /** `bars` (default): compare campaigns on `metric`; `trend`: campaign revenue against the store total over time. */
  @property({ converter: oneOf(CAMPAIGN_CHART_VIEWS) }) view: CampaignChartView = 'bars';

  /** @deprecated Use `view`. */
  get chartView(): CampaignChartView {
    return this.view;
  }
  set chartView(value: CampaignChartView) {
    this.view = value;
  }

  /** Buckets of the trend view: `day` (default) or `week` (ISO weeks from Monday). */
  @property({ converter: oneOf(TREND_GRAINS) }) grain: TrendGrain = 'day';

  /** Rows drawn before "others" (additive KPIs) or scrolling (other KPIs). Default 10. */
  @property({ converter: numberValue }) limit = 10;

  /** The selected campaign's id (highlighted; set by a click, Enter or Space). */
  @property({ reflect: true }) selected = '';

  /** Campaign ids drawn in the trend view, comma-separated; default: the selected campaign, else the 4 largest by revenue. */
  @property() series = '';

  /** Index of the campaign row that takes focus (roving tabindex). */
  @state() private focusIndex = 0;
  /** Tooltip: a campaign row or a trend period, and where to show it. */
  @state() private tip: { index: number; left: number; top: number } | null = null;
  /** Trend cursor period (keyboard or pointer). */
  @state() private cursor: number | null = null;

  private unsubscribe: (() => void) | null = null;
  private fontSize = DEFAULT_FONT_SIZE;
  private ranking: Ranking | null = null;
  private bars: BarLayout | null = null;
  private trend: TrendData | null = null;
  private trendGeom: TrendLayout | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onKpiRegistryChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('view') || changed.has('metric') || changed.has('report') || changed.has('board')) {
      this.tip = null;
      this.cursor = null;
    }
    // The base font size (the --promo-font-size token, followed live) sizes rows and text widths.
    this.fontSize = this.baseFontSize;
  }

  private get baseLang(): 'en' | 'vi' {
    return this.activeLocale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  }

  private meta(id: string): KpiMeta | undefined {
    return id ? getKpi(id) : undefined;
  }

  private kpiLabel(id: string): string {
    return this.meta(id)?.label[this.baseLang] ?? id;
  }

  private unitOf(id: string): KpiUnit {
    return this.meta(id)?.unit ?? 'number';
  }

  /** Width available to the chart inside the frame (px). */
  private get chartWidth(): number {
    const root = this.renderRoot?.querySelector('.promo-root') as HTMLElement | null;
    if (!this.width) return 560;
    let pad = 26;
    if (root) {
      const cs = getComputedStyle(root);
      pad =
        parseFloat(cs.paddingLeft) +
        parseFloat(cs.paddingRight) +
        parseFloat(cs.borderLeftWidth) +
        parseFloat(cs.borderRightWidth);
    }
    return Math.max(120, this.width - (Number.isFinite(pad) ? pad : 26));
  }

  private fmt(v: number | null | undefined, unit: KpiUnit, compact = false): string {
    return formatValue(v, unit, { locale: this.activeLocale, currency: this.money, compact });
  }

  private get secondaryMode(): SecondaryMode {
    if (!this.secondaryMetric || this.secondaryMetric === this.metric) return 'none';
    return this.unitOf(this.secondaryMetric) === this.unitOf(this.metric) ? 'paired' : 'marker';
  }

  private rowName(id: string, count?: number): string {
    return id === OTHERS_ID ? this.msg('chart.others', { count: count ?? 0 }) : this.campaignName(id);
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
    return report ? this.msg(this.view === 'trend' ? 'empty' : 'chart.noCampaigns') : this.msg('empty');
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

  private rank(report: Report): Ranking {
    return rankCampaigns(this.campaignData(report), {
      polarity: this.meta(this.metric)?.polarity ?? 'higher-is-better',
      limit: Math.max(2, Number.isFinite(this.limit) ? this.limit : 10),
      additive: ADDITIVE_KPIS.has(this.metric),
      secondaryAdditive: ADDITIVE_KPIS.has(this.secondaryMetric),
    });
  }

  protected override renderContent(report: Report | null): TemplateResult {
    if (!report) return html``;
    return this.view === 'trend' ? this.renderTrend(report) : this.renderBars(report);
  }

  /* ---------------------------------------------------------------- bars */

  private renderBars(report: Report): TemplateResult {
    const ranking = this.rank(report);
    const rows = ranking.rows.map((r) => ({ ...r, name: this.rowName(r.id, r.count) }));
    const unit = this.unitOf(this.metric);
    const unit2 = this.unitOf(this.secondaryMetric);
    const mode = this.secondaryMode;
    const width = this.chartWidth;
    const compact = width < STACK_BELOW;
    const fs = this.fontSize;
    const layout = barLayout(rows, {
      width,
      fontSize: fs,
      secondary: mode,
      valueLabels: rows.map((r) => this.fmt(r.value, unit, compact)),
      secondaryLabels: mode === 'none' ? [] : rows.map((r) => this.fmt(r.secondary, unit2, compact)),
      tick: (v) => this.fmt(v, unit, true),
      secondaryTick: (v) => this.fmt(v, unit2, true),
    });
    this.ranking = ranking;
    this.bars = layout;
    const focus = Math.min(this.focusIndex, rows.length - 1);
    const title = this.widgetLabel();
    const descId = `${this.uid}-desc`;
    const best = rows.find((r) => r.rank === 1);
    const summary = [
      best
        ? this.msg('chart.summary', {
            count: ranking.rows.length + Math.max(0, ranking.folded - 1),
            name: best.name,
            value: this.fmt(best.value, unit),
          })
        : '',
      this.msg('chart.select'),
    ].join(' ');
    const rowH = layout.rows[0]?.height ?? 0;
    const scrolling = ranking.mode === 'scroll';
    const maxHeight = scrolling ? layout.plot.y0 + rowH * this.limit + rowH / 2 : 0;
    const reasons = rows.flatMap((r) => [r.reason, r.secondaryReason]).filter((r): r is KpiReason => !!r);
    const { x0, x1, y0, y1 } = layout.plot;
    return html`<div class="chart-root">
      <h3 part="title">${title}</h3>
      ${mode === 'none' ? nothing : this.renderBarLegend(mode)}
      <p class="sr-only" id=${descId}>${summary}</p>
      <div
        class="scroll ${scrolling ? 'scrolling' : ''}"
        style=${styleProps(scrolling ? { maxHeight: `${maxHeight}px` } : {})}
      >
        <svg
          part="chart"
          role="listbox"
          aria-label=${title}
          aria-describedby=${descId}
          width=${layout.width}
          height=${layout.height}
          viewBox="0 0 ${layout.width} ${layout.height}"
          @keydown=${this.onBarsKeydown}
          @pointerleave=${() => (this.tip = null)}
        >
          <g class="grid" aria-hidden="true">
            ${layout.ticks.map(
              (t) =>
                svg`<line x1=${t.x} x2=${t.x} y1=${y0} y2=${y1} class=${t.x === layout.zeroX ? 'zero' : ''}></line>`,
            )}
          </g>
          <g class="axis" aria-hidden="true">
            ${layout.ticks.map(
              (t, i) =>
                svg`<text x=${t.x} y=${y1 + fs * 1.2} text-anchor=${i === 0 && t.x <= x0 + 1 && layout.arrangement === 'stacked' ? 'start' : i === layout.ticks.length - 1 && t.x >= x1 - 1 ? 'end' : 'middle'}>${t.label}</text>`,
            )}
            ${layout.secondaryTicks.map(
              (t, i) =>
                svg`<text x=${t.x} y=${fs * 0.9} text-anchor=${i === layout.secondaryTicks.length - 1 && t.x >= x1 - 1 ? 'end' : 'middle'} class="second-axis">${t.label}</text>`,
            )}
          </g>
          ${rows.map((r, i) => this.renderRow(r, i, layout, focus, unit, unit2, compact))}
        </svg>
      </div>
      ${this.renderBarTip(rows, unit, unit2)} ${this.renderPartial(reasons)}
    </div>`;
  }

  private renderBarLegend(mode: SecondaryMode): TemplateResult {
    return html`<ul part="legend">
      <li>
        <svg width="14" height="10" aria-hidden="true"><rect class="bar" width="14" height="10" rx="2"></rect></svg>
        ${this.kpiLabel(this.metric)}
      </li>
      <li>
        <svg width="14" height="10" aria-hidden="true">
          ${
            mode === 'paired'
              ? svg`<rect class="bar2" y="2" width="14" height="7" rx="2"></rect>`
              : svg`<circle class="dot" cx="7" cy="5" r="4.5"></circle>`
          }
        </svg>
        ${mode === 'marker' ? this.msg('chart.topAxis', { kpi: this.kpiLabel(this.secondaryMetric) }) : this.kpiLabel(this.secondaryMetric)}
      </li>
    </ul>`;
  }

  private rowText(r: CampaignDatum & { rank: number | null; count?: number }, unit: KpiUnit, unit2: KpiUnit): string {
    const total = this.ranking?.rows.filter((x) => x.rank !== null).length ?? 0;
    const parts = [r.name];
    const value =
      r.value === null ? `— (${reasonText(this.activeLocale, r.reason ?? 'no-data')})` : this.fmt(r.value, unit);
    parts.push(`${this.kpiLabel(this.metric)}: ${value}`);
    if (this.secondaryMode !== 'none') {
      const v2 =
        r.secondary === null || r.secondary === undefined
          ? `— (${reasonText(this.activeLocale, r.secondaryReason ?? 'no-data')})`
          : this.fmt(r.secondary, unit2);
      parts.push(`${this.kpiLabel(this.secondaryMetric)}: ${v2}`);
    }
    if (r.rank !== null) parts.push(this.msg('chart.rankOf', { rank: r.rank, total }));
    if (r.id !== OTHERS_ID) {
      const kv = this.shownReport?.byCampaign[r.id]?.[this.metric];
      const c = kv ? showChange(kv, unit, { locale: this.activeLocale, currency: this.money }) : null;
      if (c) parts.push(`${c.signed} ${this.msg('previous').toLowerCase()}`);
    }
    return parts.join('; ');
  }

  private renderRow(
    r: CampaignDatum & { rank: number | null; count?: number },
    i: number,
    layout: BarLayout,
    focus: number,
    unit: KpiUnit,
    unit2: KpiUnit,
    compact: boolean,
  ) {
    const g = layout.rows[i];
    const others = r.id === OTHERS_ID;
    const selected = !others && r.id === this.selected;
    const fs = this.fontSize;
    const reasonX = layout.zeroX + 4;
    const valueText = this.fmt(r.value, unit, compact);
    return svg`<g
      role="option"
      id=${`${this.uid}-opt-${i}`}
      data-id=${others ? nothing : r.id}
      tabindex=${i === focus ? 0 : -1}
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${others ? 'true' : nothing}
      aria-label=${this.rowText(r, unit, unit2)}
      @click=${() => this.choose(i)}
      @focus=${() => this.showTip(i)}
      @blur=${() => (this.tip = null)}
      @pointerenter=${() => this.showTip(i)}
    >
      <rect class="hit" x="0" y=${g.y + 1} width=${layout.width} height=${g.height - 2} rx="4"></rect>
      ${
        g.bar
          ? svg`<rect class="bar ${others ? 'others' : (r.value ?? 0) < 0 ? 'negative' : ''}" x=${g.bar.x} y=${g.bar.y} width=${g.bar.width} height=${g.bar.height} rx="2"></rect>${
              g.bar.clipped ? svg`<path class="break" d=${breakMark(g.bar, (r.value ?? 0) < 0)}></path>` : nothing
            }`
          : nothing
      }
      ${this.secondaryMode === 'none' ? nothing : this.renderSecond(r, g, layout)}
    </g>
    <g class="row-text ${selected ? 'selected' : ''}" aria-hidden="true">
      <text class="label" x=${g.labelX} y=${g.labelY} text-anchor=${layout.arrangement === 'side' ? 'end' : 'start'} dominant-baseline="central">${selected ? '✓ ' : ''}${g.label}</text>
      ${
        g.bar
          ? nothing
          : svg`<text class="reason" x=${reasonX} y=${g.valueY} dominant-baseline="central">${fitReason(reasonText(this.activeLocale, r.reason ?? 'no-data'), layout.plot.x1 - reasonX, fs * 0.8)}</text>`
      }
      <text class="value" x=${layout.valueX} y=${g.valueY} text-anchor="end" dominant-baseline="central">${valueText}</text>
      ${
        this.secondaryMode === 'none'
          ? nothing
          : svg`<text class="value second" x=${layout.valueX} y=${g.secondY} text-anchor="end" dominant-baseline="central">${this.fmt(r.secondary, unit2, compact)}</text>`
      }
    </g>`;
  }

  /** The second lane's shapes: a bar (same unit) or a dot on its track (own axis). */
  private renderSecond(r: CampaignDatum, g: BarLayout['rows'][number], layout: BarLayout) {
    if (!g.second || r.secondary === null || r.secondary === undefined) return nothing;
    if (g.second.kind === 'bar')
      return svg`<rect class="bar2" x=${g.second.x} y=${g.second.y} width=${g.second.width} height=${g.second.height} rx="2"></rect>`;
    return svg`<line class="track2" x1=${layout.plot.x0} x2=${layout.plot.x1} y1=${g.secondY} y2=${g.secondY}></line><circle class="dot" cx=${g.second.cx} cy=${g.second.cy} r=${Math.max(4, this.fontSize * 0.35)}></circle>`;
  }

  private renderBarTip(
    rows: (CampaignDatum & { rank: number | null; count?: number })[],
    unit: KpiUnit,
    unit2: KpiUnit,
  ) {
    const tip = this.tip;
    if (!tip || this.view !== 'bars') return nothing;
    const r = rows[tip.index];
    if (!r) return nothing;
    const [name, ...rest] = this.rowText(r, unit, unit2).split('; ');
    return html`<div
      part="tooltip"
      aria-hidden="true"
      style=${styleProps({ left: `${tip.left}px`, top: `${tip.top}px` })}
    >
      <strong>${name}</strong>${rest.map((s) => html`<div>${s}</div>`)}
    </div>`;
  }

  /** Places the tooltip under the row (or above it near the bottom of the frame). */
  private showTip(index: number): void {
    const root = this.renderRoot.querySelector<HTMLElement>('.promo-root');
    const row = this.renderRoot.querySelector(`[id="${this.uid}-opt-${index}"]`);
    if (!root || !row) return;
    const rb = root.getBoundingClientRect();
    const b = row.getBoundingClientRect();
    const bar = this.bars?.rows[index]?.bar;
    const left = Math.max(4, Math.min(rb.width - 200, (bar ? bar.x + bar.width : 0) * 0.5 + (b.left - rb.left)));
    const below = b.bottom - rb.top + 2;
    const top = below + 90 > rb.height ? Math.max(0, b.top - rb.top - 92) : below;
    this.tip = { index, left, top };
  }

  private onBarsKeydown(e: KeyboardEvent): void {
    const n = this.ranking?.rows.length ?? 0;
    if (!n) return;
    if (e.key === 'Escape') {
      this.tip = null;
      return;
    }
    const action = listKey(e.key, this.focusIndex, n);
    if (!action) return;
    e.preventDefault();
    if ('choose' in action) return this.choose(Math.min(this.focusIndex, n - 1));
    const i = action.move;
    this.focusIndex = i;
    void this.updateComplete.then(() => {
      const el = this.renderRoot.querySelector<SVGGElement>(`[id="${this.uid}-opt-${i}"]`);
      el?.focus();
      el?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  /** Selects the row's campaign (or clears the selection when it is already selected) and tells the page. */
  private choose(index: number): void {
    const row = this.ranking?.rows[index];
    this.focusIndex = index;
    if (!row || row.id === OTHERS_ID) return;
    const campaignId = this.selected === row.id ? null : row.id;
    this.selected = campaignId ?? '';
    this.dispatchEvent(
      new CustomEvent<PromoCampaignSelectDetail>('promo-campaign-select', {
        detail: { campaignId },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /* ---------------------------------------------------------------- trend */

  /** Campaigns drawn in the trend view. */
  private trendIds(report: Report): string[] {
    const listed = this.series
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (listed.length) return listed;
    if (this.selected) return [this.selected];
    return campaignsByRevenue(report.daily).slice(0, TREND_DEFAULT_SERIES);
  }

  private bucketLabel(day: string, long = false): string {
    const d = formatDate(this.activeLocale, day, long);
    return this.grain === 'week' ? (long ? this.msg('weekOf', { date: d }) : d) : d;
  }

  private renderTrend(report: Report): TemplateResult {
    const grain: TrendGrain = this.grain === 'week' ? 'week' : 'day';
    const ids = this.trendIds(report);
    const data = bucketDaily(report.daily, ids, grain);
    this.trend = data;
    const width = this.chartWidth;
    const fs = this.fontSize;
    const height = Math.round(Math.min(340, Math.max(180, width * 0.45)));
    const layout = trendLayout(data, {
      width,
      height,
      fontSize: fs,
      tick: (v) => this.fmt(v, 'currency', true),
      dateLabel: (d) => this.bucketLabel(d),
    });
    this.trendGeom = layout;
    const title = this.widgetLabel();
    const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
    const total = sum(data.total);
    const summary = this.msg('trend.summary', {
      from: formatDate(this.activeLocale, report.period.from, true),
      to: formatDate(this.activeLocale, report.period.to, true),
      total: this.fmt(total, 'currency'),
      campaigns: data.series
        .map((s) => {
          const v = sum(s.values);
          return `${this.campaignName(s.id)} ${this.fmt(v, 'currency')} (${this.fmt(total ? v / total : null, 'ratio')})`;
        })
        .join(', '),
    });
    const { x0, x1, y0, y1 } = layout.plot;
    const c = this.cursor;
    const descId = `${this.uid}-desc`;
    return html`<div class="chart-root">
      <h3 part="title">${title}</h3>
      <ul part="legend">
        <li>
          <svg width="22" height="12" aria-hidden="true">
            <rect class="area" width="22" height="12"></rect>
            <line class="total" x1="0" x2="22" y1="1" y2="1"></line>
          </svg>
          ${this.msg('trend.total')}
        </li>
        ${data.series.map(
          (s, i) =>
            html`<li>
              <svg width="22" height="12" aria-hidden="true">
                <line
                  class="series"
                  x1="1"
                  x2="21"
                  y1="6"
                  y2="6"
                  style=${styleProps({ stroke: seriesVar(i) })}
                  stroke-dasharray=${DASHES[i % DASHES.length] || nothing}
                ></line>
              </svg>
              ${this.campaignName(s.id)}
            </li>`,
        )}
      </ul>
      <p class="sr-only" id=${descId}>${summary}</p>
      <svg
        part="chart"
        class="trend-plot"
        role="img"
        tabindex="0"
        aria-label=${title}
        aria-describedby=${descId}
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        @keydown=${this.onTrendKeydown}
        @pointermove=${this.onTrendPointer}
        @pointerleave=${() => {
          this.cursor = null;
          this.tip = null;
        }}
        @blur=${() => {
          this.cursor = null;
          this.tip = null;
        }}
      >
        <g class="grid" aria-hidden="true">
          ${layout.yTicks.map((t) => svg`<line x1=${x0} x2=${x1} y1=${t.y} y2=${t.y} class=${t.y === y1 ? 'zero' : ''}></line>`)}
        </g>
        <g class="axis" aria-hidden="true">
          ${layout.yTicks.map((t) => svg`<text x=${x0 - 6} y=${t.y} text-anchor="end" dominant-baseline="central">${t.label}</text>`)}
          ${layout.xTicks.map((t) => svg`<text x=${t.x} y=${y1 + fs * 1.25} text-anchor=${t.anchor}>${t.label}</text>`)}
        </g>
        <path class="area" d=${layout.totalArea}></path>
        <path class="total" d=${layout.totalLine}></path>
        ${layout.lines.map(
          (l, i) =>
            svg`<path class="series" d=${l.path} style=${styleProps({ stroke: seriesVar(i) })} stroke-dasharray=${DASHES[i % DASHES.length] || nothing}></path>
            ${
              l.points.length <= 16 || grain === 'week'
                ? l.points.map((p, k) =>
                    grain === 'week' && data.days[k] < 7
                      ? svg`<circle class="partial" cx=${p.x} cy=${p.y} r="3" style=${styleProps({ stroke: seriesVar(i) })}></circle>`
                      : svg`<circle cx=${p.x} cy=${p.y} r="2.5" style=${styleProps({ fill: seriesVar(i) })}></circle>`,
                  )
                : nothing
            }`,
        )}
        ${
          c !== null && layout.xs[c] !== undefined
            ? svg`<line class="cursor" x1=${layout.xs[c]} x2=${layout.xs[c]} y1=${y0} y2=${y1}></line>`
            : nothing
        }
      </svg>
      <div class="sr-only" aria-live="polite">${c !== null ? this.periodText(c) : ''}</div>
      ${this.renderTrendTip()}
    </div>`;
  }

  /** Everything about one period, in words (tooltip and live region). */
  private periodText(i: number): string {
    const d = this.trend;
    if (!d || !d.buckets[i]) return '';
    const parts = [this.bucketLabel(d.buckets[i], true)];
    if (this.grain === 'week' && d.days[i] < 7) parts[0] += ` (${this.msg('trend.days', { days: d.days[i] })})`;
    parts.push(`${this.msg('trend.total')}: ${this.fmt(d.total[i], 'currency')}`);
    for (const s of d.series) {
      const v = s.values[i];
      parts.push(
        `${this.campaignName(s.id)}: ${this.fmt(v, 'currency')} (${this.fmt(d.total[i] ? v / d.total[i] : null, 'ratio')})`,
      );
    }
    return parts.join('; ');
  }

  private renderTrendTip() {
    const tip = this.tip;
    if (!tip || this.view !== 'trend') return nothing;
    const [head, ...rest] = this.periodText(tip.index).split('; ');
    return html`<div
      part="tooltip"
      aria-hidden="true"
      style=${styleProps({ left: `${tip.left}px`, top: `${tip.top}px` })}
    >
      <strong>${head}</strong>${rest.map((s) => html`<div>${s}</div>`)}
    </div>`;
  }

  private moveCursor(i: number): void {
    const d = this.trend;
    const svgEl = this.chartSvg();
    const root = this.renderRoot.querySelector<HTMLElement>('.promo-root');
    if (!d || !svgEl || !root) return;
    const n = d.buckets.length;
    if (!n) return;
    const idx = Math.max(0, Math.min(n - 1, i));
    this.cursor = idx;
    const rb = root.getBoundingClientRect();
    const sb = svgEl.getBoundingClientRect();
    const layoutW = Number(svgEl.getAttribute('width')) || sb.width;
    const scale = sb.width / layoutW || 1;
    const xs = this.trendXs();
    // Right to left, the chart is drawn mirrored (see the shared styles).
    const x = this.rtl ? sb.right - rb.left - (xs[idx] ?? 0) * scale : (xs[idx] ?? 0) * scale + (sb.left - rb.left);
    const left = x > rb.width / 2 ? Math.max(4, x - 232) : x + 12;
    this.tip = { index: idx, left, top: sb.top - rb.top + 8 };
  }

  /** x of each trend period, as drawn. */
  private trendXs(): number[] {
    return this.trendGeom?.xs ?? [];
  }

  private onTrendKeydown(e: KeyboardEvent): void {
    const n = this.trend?.buckets.length ?? 0;
    if (!n) return;
    const at = this.cursor ?? -1;
    // Time runs the way the text does: leftwards in right-to-left pages.
    const [later, earlier] = this.rtl ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    let i: number;
    if (e.key === later || e.key === 'ArrowDown') i = at < 0 ? 0 : at + 1;
    else if (e.key === earlier || e.key === 'ArrowUp') i = at < 0 ? n - 1 : at - 1;
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else if (e.key === 'Escape') {
      this.cursor = null;
      this.tip = null;
      return;
    } else return;
    e.preventDefault();
    this.moveCursor(i);
  }

  private onTrendPointer(e: PointerEvent): void {
    const svgEl = e.currentTarget as SVGSVGElement;
    const sb = svgEl.getBoundingClientRect();
    const layoutW = Number(svgEl.getAttribute('width')) || sb.width;
    const px = ((this.rtl ? sb.right - e.clientX : e.clientX - sb.left) * layoutW) / (sb.width || 1);
    const i = nearestIndex(this.trendXs(), px);
    if (i !== this.cursor) this.moveCursor(i);
  }

  /* ---------------------------------------------------------------- table */

  protected override tableData(report: Report | null): DataTable | null {
    if (!report) return null;
    return this.view === 'trend' ? this.trendTable(report) : this.barsTable(report);
  }

  private barsTable(report: Report): DataTable {
    const unit = this.unitOf(this.metric);
    const unit2 = this.unitOf(this.secondaryMetric);
    const second = this.secondaryMode !== 'none';
    // Every campaign, never folded.
    const rows = rankCampaigns(this.campaignData(report), {
      polarity: this.meta(this.metric)?.polarity ?? 'higher-is-better',
      limit: Number.MAX_SAFE_INTEGER,
      additive: false,
    }).rows;
    const val = (v: number | null | undefined, u: KpiUnit, reason?: KpiReason): DataCell =>
      v === null || v === undefined
        ? cell(null, `— (${reasonText(this.activeLocale, reason ?? 'no-data')})`)
        : cell(v, this.fmt(v, u));
    return {
      caption: this.widgetLabel(),
      columns: [
        this.msg('campaign'),
        this.msg('chart.rank'),
        this.kpiLabel(this.metric),
        ...(second ? [this.kpiLabel(this.secondaryMetric)] : []),
        `${this.msg('change')} (${this.kpiLabel(this.metric)})`,
      ],
      numeric: [false, true, true, ...(second ? [true] : []), true],
      rows: rows.map((r) => {
        const kv = report.byCampaign[r.id]?.[this.metric];
        return [
          cell(r.name),
          cell(r.rank, r.rank === null ? '—' : String(r.rank)),
          val(r.value, unit, r.reason),
          ...(second ? [val(r.secondary, unit2, r.secondaryReason)] : []),
          kv ? changeCell(kv, unit, { locale: this.activeLocale, currency: this.money }) : cell(null, '—'),
        ];
      }),
    };
  }

  private trendTable(report: Report): DataTable {
    const data = bucketDaily(report.daily, this.trendIds(report), this.grain === 'week' ? 'week' : 'day');
    const money = (v: number) => cell(v, this.fmt(v, 'currency'));
    return {
      caption: this.widgetLabel(),
      columns: [
        this.grain === 'week' ? this.msg('weekOf', { date: '' }).trim() : this.msg('date'),
        this.msg('trend.total'),
        ...data.series.map((s) => this.campaignName(s.id)),
      ],
      numeric: [false, true, ...data.series.map(() => true)],
      rows: data.buckets.map((b, i) => [
        cell(b, this.bucketLabel(b, true)),
        money(data.total[i]),
        ...data.series.map((s) => money(s.values[i])),
      ]),
    };
  }
}

/** Two slanted cuts near the end of a bar that runs past the plot (an axis break). */
function breakMark(bar: { x: number; y: number; width: number; height: number }, negative: boolean): string {
  const x = negative ? bar.x + 3 : bar.x + bar.width - 12;
  const [top, bottom] = [bar.y - 1, bar.y + bar.height + 1];
  return `M${x},${bottom}L${x + 4},${top}M${x + 5},${bottom}L${x + 9},${top}`;
}

/** A reason cut to the room left in the plot. */
function fitReason(text: string, width: number, fontSize: number): string {
  const chars = Math.max(4, Math.floor(width / (fontSize * 0.58)));
  return text.length <= chars ? `— ${text}` : `— ${text.slice(0, chars - 3).trimEnd()}…`;
}
