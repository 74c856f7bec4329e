import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDelta, formatValue } from '../../format/format.js';
import type { ChannelSummary as ValueSummary, Report } from '../../engine/report-types.js';
import type { KpiUnit } from '../../core/vocabulary.js';
import { kpiLabel } from '../shared/kpi-meta.js';
import { attributeLabel, channelLabel } from '../../i18n/labels.js';
import { listKey } from '../shared/list-keys.js';
import { renderSelection } from '../shared/selection.js';
import { PromoWidget } from '../shared/widget.js';
import { checkedText, numberValue, oneOf, textValue } from '../shared/converters.js';
import { cell, type DataTable } from '../shared/data-table.js';
import { innerWidth } from '../shared/inner-width.js';
import { FontsLoadedController, textMeasurer } from '../shared/measure-text.js';
import { breakdownStyles } from './breakdown.styles.js';
import {
  ADDITIVE_BREAKDOWN_KPIS,
  BREAKDOWN_KPIS,
  OTHERS_KEY,
  breakdownLayout,
  rankBreakdown,
  type BreakdownDatum,
  type BreakdownKpi,
  type BreakdownRow,
} from './layout.js';
import { breakdownText, type BreakdownMessageKey } from '../../i18n/breakdown.js';
import type { StringParams } from '../../i18n/translate.js';

export { BREAKDOWN_KPIS };
export type { BreakdownKpi };

/**
 * Detail of `promo-breakdown-select` (filter by the value; null: remove that filter) and of
 * `promo-breakdown-selection-change` (the value selected; null: none).
 */
export interface PromoBreakdownSelectDetail {
  /** `channel` or the attribute name. */
  by: string;
  value: string | null;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
const UNITS: Record<BreakdownKpi, KpiUnit> = { revenue: 'currency', orders: 'count', buyers: 'count', aov: 'currency' };
/** A finite number, else null. */
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * One KPI (`kpi`: revenue, orders, buyers or aov) by sales channel (`by="channel"`, the
 * default) or by an order attribute (`by="store"`, `by="region"`, `by="category"` ...), as
 * ranked horizontal bars, highest first. Beside each value, its comparison with the whole
 * selection: the share of the total for revenue, orders and buyers (a buyer who bought in
 * several counts in each), the difference to the average basket for aov. Beyond `limit`
 * values, revenue and orders fold the rest into "Others (n)"; buyers and aov list every value.
 *
 * Reads `report.byChannel`, or `report.byAttribute[by]` (present when the report was asked
 * for that breakdown: `<promo-kpi-board>` asks for one per attribute of the data).
 *
 * Choosing is not filtering. Each bar is a toggle button: Tab reaches the bars, the arrow
 * keys move between values, Enter or Space (or a click) selects one (highlighted, the
 * others dimmed, `aria-pressed="true"`) and fires `promo-breakdown-selection-change`;
 * another value can be picked at once, the selected one picked again unselects. With a
 * selection a "Filter by <value>" button shows: the one explicit step, firing
 * `promo-breakdown-select`, which `<promo-kpi-board>` uses to filter by that value (shown
 * there as a removable chip). When the board is already filtered by it, the button removes
 * that filter (`value: null`).
 *
 * @summary A KPI by channel, store, region or category: ranked bars with each value's share.
 *
 * @csspart base - The widget's frame.
 * @csspart title - The title.
 * @csspart chart - The bars SVG (exported as SVG/PNG).
 * @csspart selection - The selected value and the button that filters by it.
 * @csspart filter-action - The "Filter by <value>" (or "Remove filter") button.
 * @csspart comparison-head - The heading of the comparison column.
 * @csspart note - What the values do not cover (orders without the attribute, overlapping buyers).
 * @csspart actions - The "data and export" menu.
 * @csspart table - The data table ("show as table").
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message.
 * @csspart config-error - A property value that is not valid, named, with the default used instead.
 *
 * @cssproperty --promo-color-surface - Background.
 * @cssproperty --promo-color-surface-muted - Hovered and chosen rows, skeleton, table header.
 * @cssproperty --promo-color-text - Labels and values.
 * @cssproperty --promo-color-text-muted - Comparisons, notes and the "others" bar.
 * @cssproperty --promo-color-border - Frame and bar tracks.
 * @cssproperty --promo-color-accent - Bars.
 * @cssproperty --promo-color-focus - Focus ring of rows.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Frame shadow.
 *
 * @event promo-breakdown-selection-change - The selection changed by click, Enter or Space on a bar (bubbles, composed); `detail: { by, value }`, value null when the selected value was picked again (nothing selected). Selecting never filters.
 * @event promo-breakdown-select - Filter by a value: the "Filter by <value>" button was used (bubbles, composed); `detail: { by, value }`, value null from "Remove filter". `<promo-kpi-board>` filters on it.
 * @event promo-config-error - `by`, `kpi`, `metric`, `limit` or `selected` is not valid (bubbles, composed); `detail: { element, property, attribute, value, message }`. The widget goes on with the default.
 * @event promo-error - A render or export failed; `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoBreakdown extends PromoWidget {
  static override styles = breakdownStyles;

  /** `channel` (default), or the name of an order attribute (`store`, `region`, `category` ...). */
  @property({ converter: checkedText('attributeName', (v) => v === 'channel' || NAME.test(v)) }) by = 'channel';

  /** The KPI: `revenue` (default), `orders`, `buyers` or `aov`. */
  @property({ converter: oneOf(BREAKDOWN_KPIS) }) kpi: BreakdownKpi | '' = '';

  /** Same as `kpi` (for pages that call it a metric); `kpi` wins when both are set. */
  @property({ converter: oneOf(BREAKDOWN_KPIS) }) metric: BreakdownKpi | '' = '';

  /** Values shown before the rest is folded into "Others" (revenue, orders); default 8. */
  @property({ converter: numberValue }) limit = 8;

  /** The selected value (highlighted, the others dimmed). Inside a board, until one is picked: the value the board filters on, when it filters on one. Selecting does not filter. */
  @property({ converter: textValue }) selected = '';

  /** Index of the row that takes focus (roving tabindex). */
  @state() private focusIndex = 0;

  private rows: BreakdownRow[] = [];
  /** Whether the last render showed the values in compact form (the note follows it). */
  private compactValues = false;

  constructor() {
    super();
    // Values measured in a fallback font are measured again once the page's fonts load.
    new FontsLoadedController(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('by') || changed.has('kpi') || changed.has('metric')) this.focusIndex = 0;
    if (changed.has('board')) this.#unpicked = false;
  }

  /** The KPI shown: `kpi`, else `metric`, else revenue. */
  private get resolvedKpi(): BreakdownKpi {
    return this.kpi || this.metric || 'revenue';
  }

  private get resolvedBy(): string {
    return this.by || 'channel';
  }

  private get resolvedLimit(): number {
    const n = Number(this.limit);
    return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 8;
  }

  /** Set when the user unselected the board's filter value: it then shows unselected until the board changes. */
  #unpicked = false;

  /** The value the board filters on alone, '' when none (or outside a board). */
  private get filtered(): string {
    const q = this.board?.query;
    if (!q || this.report) return '';
    const list = this.resolvedBy === 'channel' ? q.channels : q.filters?.[this.resolvedBy];
    return list?.length === 1 ? list[0]! : '';
  }

  /** The selected value: `selected`, else the value the board filters on (one value only). */
  private get chosen(): string {
    if (this.selected) return this.selected;
    return this.#unpicked ? '' : this.filtered;
  }

  private kpiLabel(id: string): string {
    return kpiLabel(this.shownReport, id, this.activeLocale);
  }

  private byLabel(): string {
    return attributeLabel(this.activeLocale, this.resolvedBy);
  }

  private valueLabel(key: string, count?: number): string {
    if (key === OTHERS_KEY) return this.msg('breakdown.others', { count: count ?? 0 });
    return this.resolvedBy === 'channel' ? channelLabel(this.activeLocale, key) : key;
  }

  /** The values of the breakdown in the report, or undefined when the report has none for `by`. */
  private summaries(report: Report): Record<string, ValueSummary> | undefined {
    const by = this.resolvedBy;
    if (by === 'channel') return report.byChannel;
    const all = report.byAttribute;
    return all && Object.hasOwn(all, by) ? all[by] : undefined;
  }

  private fmt(v: number | null | undefined, unit: KpiUnit, compact = false): string {
    return formatValue(v, unit, { locale: this.activeLocale, currency: this.money, compact });
  }

  /** Each value of the breakdown with its KPI (null when it has none), in the report's order. */
  private valuesOf(report: Report, kpi: BreakdownKpi): BreakdownDatum[] {
    const s = this.summaries(report) ?? {};
    return Object.keys(s).map((key) => ({ key, value: finite(s[key]![kpi]) }));
  }

  /** The whole selection's value of the KPI (`report.kpis`), the base of the comparisons. */
  private total(report: Report, kpi: BreakdownKpi): number | null {
    return finite(report.kpis[kpi]?.value);
  }

  /** The comparison of one value with the whole selection, as a number (share, or relative difference). */
  private comparison(value: number | null, total: number | null, kpi: BreakdownKpi): number | null {
    if (value === null || total === null || total <= 0) return null;
    return kpi === 'aov' ? value / total - 1 : value / total;
  }

  /** The heading of the comparison column. */
  private comparisonHead(kpi: BreakdownKpi): string {
    return this.msg(kpi === 'aov' ? 'breakdown.vsAverage' : 'breakdown.share');
  }

  private comparisonText(c: number | null, kpi: BreakdownKpi, long = false): string {
    if (c === null) return '—';
    if (kpi === 'aov') {
      const d = formatDelta(c, { locale: this.activeLocale });
      return long ? this.msg('breakdown.vsAverageOf', { value: d }) : d;
    }
    const s = formatValue(c, 'ratio', { locale: this.activeLocale });
    return long ? this.msg('breakdown.shareOf', { value: s }) : s;
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: BreakdownMessageKey, params?: StringParams): string {
    return breakdownText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    return this.msg('breakdown.title', {
      kpi: this.kpiLabel(this.resolvedKpi),
      by: attributeLabel(this.activeLocale, this.resolvedBy),
    });
  }

  protected override isEmpty(report: Report | null): boolean {
    if (!report) return true;
    const s = this.summaries(report);
    return !s || Object.keys(s).length === 0;
  }

  protected override emptyMessage(report: Report | null): string {
    if (!report) return super.emptyMessage(report);
    return this.summaries(report)
      ? this.msg('breakdown.noValues', { by: this.byLabel() })
      : this.msg('breakdown.notInReport', { by: this.resolvedBy });
  }

  protected override renderContent(report: Report): TemplateResult {
    const kpi = this.resolvedKpi;
    const unit = UNITS[kpi];
    const rows = rankBreakdown(this.valuesOf(report, kpi), this.resolvedLimit, ADDITIVE_BREAKDOWN_KPIS.has(kpi));
    this.rows = rows;
    const total = this.total(report, kpi);
    const comps = rows.map((r) => this.comparison(r.value, total, kpi));
    const root = this.renderRoot?.querySelector('.promo-root') ?? null;
    const width = innerWidth(root, this.width);
    const fs = this.baseFontSize;
    const labels = rows.map((r) => this.valueLabel(r.key, r.count));
    const compLabels = comps.map((c) => this.comparisonText(c, kpi));
    // Texts measured in the font they are drawn in (the estimate until the frame exists);
    // the layout picks full or compact values, one form for every row.
    const layout = breakdownLayout(
      rows.map((r) => r.value),
      {
        width,
        fontSize: fs,
        labels,
        valueLabels: rows.map((r) => this.fmt(r.value, unit)),
        compactValueLabels: rows.map((r) => this.fmt(r.value, unit, true)),
        comparisonLabels: compLabels,
        scaleLimit: rows.filter((r) => r.key !== OTHERS_KEY).length,
        measure: textMeasurer(root),
        measureValue: textMeasurer(root, '600'),
      },
    );
    this.compactValues = layout.compact;
    const valueLabels = rows.map((r) => this.fmt(r.value, unit, layout.compact));
    const title = this.widgetLabel();
    const descId = `${this.uid}-desc`;
    const focus = Math.min(this.focusIndex, rows.length - 1);
    const best = rows.find((r) => r.rank === 1);
    const summary = [
      best
        ? this.msg('breakdown.summary', { count: rows.length, name: labels[0]!, value: this.fmt(best.value, unit) })
        : '',
      this.msg('breakdown.select'),
    ].join(' ');
    const chosen = this.chosen;
    const chosenRow = rows.some((r) => r.key === chosen && r.key !== OTHERS_KEY);
    return html`<div class="bd-root">
      <h3 part="title">${title}</h3>
      <div class="head" aria-hidden="true">
        <span part="comparison-head">${this.comparisonHead(kpi)}</span>
      </div>
      ${renderSelection({
        name: chosenRow ? this.valueLabel(chosen) : '',
        filtered: !!chosenRow && this.filtered === chosen,
        msg: (key, params) => this.msg(key, params),
        filter: (on) => this.filterBy(on ? chosen : null),
      })}
      <p class="sr-only" id=${descId}>${summary}</p>
      <svg
        part="chart"
        class=${chosenRow ? 'picked' : ''}
        role="group"
        aria-label=${title}
        aria-describedby=${descId}
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        @keydown=${this.onKeydown}
      >
        ${rows.map((r, i) => {
          const g = layout.rows[i]!;
          const others = r.key === OTHERS_KEY;
          const isChosen = !others && r.key === chosen;
          const name = this.rowText(r, labels[i]!, comps[i]!, kpi, rows);
          return svg`<g
            role="button"
            class="row ${isChosen ? 'chosen' : ''}"
            id=${`${this.uid}-opt-${i}`}
            data-key=${others ? nothing : r.key}
            tabindex=${i === focus ? 0 : -1}
            aria-pressed=${others ? nothing : isChosen ? 'true' : 'false'}
            aria-disabled=${others ? 'true' : nothing}
            aria-label=${name}
            @click=${() => this.choose(i)}
            @focus=${() => (this.focusIndex = i)}
          >
            <title>${name}</title>
            <rect class="hit" x="0" y=${g.y + 1} width=${layout.width} height=${g.height - 2} rx="4"></rect>
            <rect class="track" x=${layout.x0} y=${g.barY} width=${layout.x1 - layout.x0} height=${g.barHeight} rx="2"></rect>
            ${g.barWidth > 0 ? svg`<rect class="bar ${others ? 'others' : ''}" x=${g.barX} y=${g.barY} width=${g.barWidth} height=${g.barHeight} rx="2"></rect>` : nothing}
          </g>
          <g class="row-text ${isChosen ? 'chosen' : ''}" aria-hidden="true">
            <text class="label" x=${g.labelX} y=${g.labelY} text-anchor=${layout.arrangement === 'side' ? 'end' : 'start'} dominant-baseline="central">${isChosen ? '✓ ' : ''}${g.label}</text>
            <text class="value" x=${layout.valueX} y=${g.textY} text-anchor="end" dominant-baseline="central">${valueLabels[i]}</text>
            <text class="comparison" x=${layout.comparisonX} y=${g.textY} text-anchor="end" dominant-baseline="central">${compLabels[i]}</text>
          </g>`;
        })}
      </svg>
      ${this.renderNotes(report, kpi, rows, total)}
    </div>`;
  }

  /** What the bars do not show: orders without the attribute, buyers counted in several values. */
  private renderNotes(report: Report, kpi: BreakdownKpi, rows: BreakdownRow[], total: number | null) {
    const notes: string[] = [];
    if (ADDITIVE_BREAKDOWN_KPIS.has(kpi) && total !== null) {
      const sum = this.valuesOf(report, kpi).reduce((a, d) => a + (d.value ?? 0), 0);
      // Rounding of sums of amounts: a remainder under one unit is no remainder.
      if (total - sum >= 1)
        notes.push(
          this.msg('breakdown.unassigned', {
            by: this.byLabel(),
            // In the form of the rows' values: compact when they are.
            value: this.fmt(total - sum, UNITS[kpi], this.compactValues),
          }),
        );
    }
    if (kpi === 'buyers' && rows.length > 1) notes.push(this.msg('breakdown.overlap'));
    return notes.length ? html`<p part="note">${notes.join(' ')}</p>` : nothing;
  }

  private rowText(r: BreakdownRow, label: string, c: number | null, kpi: BreakdownKpi, rows: BreakdownRow[]): string {
    const ranked = rows.filter((x) => x.rank !== null).length;
    const parts = [`${label}: ${this.fmt(r.value, UNITS[kpi])}`];
    if (c !== null) parts.push(this.comparisonText(c, kpi, true));
    if (r.rank !== null) parts.push(this.msg('breakdown.rankOf', { rank: r.rank, total: ranked }));
    return parts.join('; ');
  }

  private onKeydown = (e: KeyboardEvent): void => {
    const n = this.rows.length;
    if (!n) return;
    const action = listKey(e.key, this.focusIndex, n);
    if (!action) return;
    e.preventDefault();
    if ('choose' in action) return this.choose(Math.min(this.focusIndex, n - 1));
    const i = action.move;
    this.focusIndex = i;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<SVGGElement>(`[id="${this.uid}-opt-${i}"]`)?.focus(),
    );
  };

  /** Selects the row's value, or unselects it when it is the selected one. Never filters. */
  private choose(index: number): void {
    const row = this.rows[index];
    this.focusIndex = index;
    if (!row || row.key === OTHERS_KEY) return;
    const value = this.chosen === row.key ? null : row.key;
    this.selected = value ?? '';
    this.#unpicked = value === null;
    this.requestUpdate();
    this.dispatchEvent(
      new CustomEvent<PromoBreakdownSelectDetail>('promo-breakdown-selection-change', {
        detail: { by: this.resolvedBy, value },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** The explicit step: asks the board or the page to filter by the value (null: remove that filter). */
  private filterBy(value: string | null): void {
    this.dispatchEvent(
      new CustomEvent<PromoBreakdownSelectDetail>('promo-breakdown-select', {
        detail: { by: this.resolvedBy, value },
        bubbles: true,
        composed: true,
      }),
    );
  }

  protected override tableData(report: Report | null): DataTable | null {
    if (!report) return null;
    const kpi = this.resolvedKpi;
    const unit = UNITS[kpi];
    if (!this.summaries(report)) return null;
    const total = this.total(report, kpi);
    // Every value, unfolded: the table is where the values beyond the limit are read.
    const rows = rankBreakdown(this.valuesOf(report, kpi), Infinity, false);
    const by = this.byLabel();
    return {
      caption: this.widgetLabel(),
      columns: [
        by.charAt(0).toLocaleUpperCase() + by.slice(1),
        this.kpiLabel(kpi),
        this.comparisonHead(kpi),
        this.msg('breakdown.rank'),
      ],
      numeric: [false, true, true, true],
      rows: rows.map((r) => {
        const c = this.comparison(r.value, total, kpi);
        return [
          cell(r.key, this.valueLabel(r.key)),
          cell(r.value, this.fmt(r.value, unit)),
          cell(c, this.comparisonText(c, kpi)),
          cell(r.rank, r.rank === null ? '—' : String(r.rank)),
        ];
      }),
    };
  }
}
