import { html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatDelta, formatValue } from '../../format/format.js';
import type { ChannelSummary as ValueSummary, Report } from '../../engine/report-types.js';
import { kpiLabel } from '../shared/kpi-meta.js';
import { attributeLabel, channelLabel } from '../../i18n/labels.js';
import { listKey } from '../shared/list-keys.js';
import { renderSelection } from '../shared/selection.js';
import { PromoWidget } from '../shared/widget.js';
import { checkedTextWith, numberValue, oneOf, textValue } from '../shared/converters.js';
import { EXPECTED_ATTRIBUTE_NAME } from '../../i18n/strings.js';
import { ATTRIBUTE_NAME_RE } from '../../core/vocabulary.js';
import type { DataTable } from '../shared/data-table.js';
import { baseFontSize, innerWidth } from '../shared/inner-width.js';
import { FontsLoadedController, textMeasurer } from '../shared/measure-text.js';
import { breakdownStyles } from './breakdown.styles.js';
import {
  ADDITIVE_BREAKDOWN_KPIS,
  BREAKDOWN_KPIS,
  OTHERS_KEY,
  breakdownLayout,
  rankBreakdown,
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

/** A finite number, else null. */
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A row as drawn and tabled: its name, and its comparison with the whole selection as a number and in short. */
interface ShownRow extends BreakdownRow {
  label: string;
  comparison: number | null;
  comparisonText: string;
}

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
 * @event promo-error - A render or export failed, or the Vietnamese strings could not be loaded (shown in English instead); `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoBreakdown extends PromoWidget {
  static override styles = breakdownStyles;

  /** The reactive properties, in Lit's static `properties` (not its decorators: see `PromoWidget.properties`). */
  static override properties: PropertyDeclarations = {
    by: { converter: checkedTextWith('attributeName', EXPECTED_ATTRIBUTE_NAME, (v) => ATTRIBUTE_NAME_RE.test(v)) },
    kpi: { converter: oneOf(BREAKDOWN_KPIS) },
    metric: { converter: oneOf(BREAKDOWN_KPIS) },
    limit: { converter: numberValue },
    selected: { converter: textValue },
    focusIndex: { state: true, attribute: false },
  };

  /** `channel` (default), or the name of an order attribute (`store`, `region`, `category` ...). */
  by = 'channel';

  /** The KPI: `revenue` (default), `orders`, `buyers` or `aov`. */
  kpi: BreakdownKpi | '' = '';

  /** Same as `kpi` (for pages that call it a metric); `kpi` wins when both are set. */
  metric: BreakdownKpi | '' = '';

  /** Values shown before the rest is folded into "Others" (revenue, orders); default 8. */
  limit = 8;

  /** The selected value (highlighted, the others dimmed). Inside a board, until one is picked: the value the board filters on, when it filters on one. Selecting does not filter. */
  selected = '';

  /** Index of the row that takes focus (roving tabindex). */
  private focusIndex = 0;

  /** The rows drawn, for the keys and clicks. */
  #rows: ShownRow[] = [];

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
  get #kpi(): BreakdownKpi {
    return this.kpi || this.metric || 'revenue';
  }

  get #by(): string {
    return this.by || 'channel';
  }

  /** Set when the user unselected the board's filter value: it then shows unselected until the board changes. */
  #unpicked = false;

  /** The value the board filters on alone, '' when none (or outside a board). */
  get #filtered(): string {
    const q = this.board?.query;
    if (!q || this.report) return '';
    const list = this.#by === 'channel' ? q.channels : q.filters?.[this.#by];
    return list?.length === 1 ? list[0]! : '';
  }

  /** The selected value: `selected`, else the value the board filters on (one value only). */
  get #chosen(): string {
    if (this.selected) return this.selected;
    return this.#unpicked ? '' : this.#filtered;
  }

  #byLabel(): string {
    return attributeLabel(this.activeLocale, this.#by);
  }

  #valueLabel(key: string, count?: number): string {
    if (key === OTHERS_KEY) return this.msg('breakdown.others', { count: count ?? 0 });
    return this.#by === 'channel' ? channelLabel(this.activeLocale, key) : key;
  }

  /** The values of the breakdown in the report, or undefined when the report has none for `by`. */
  #summaries(report: Report): Record<string, ValueSummary> | undefined {
    const by = this.#by;
    if (by === 'channel') return report.byChannel;
    const all = report.byAttribute;
    return all && Object.hasOwn(all, by) ? all[by] : undefined;
  }

  /** A value of the KPI shown: an amount for revenue and aov, a count for orders and buyers. */
  #fmt(v: number | null | undefined, compact = false): string {
    const kpi = this.#kpi;
    return formatValue(v, kpi === 'orders' || kpi === 'buyers' ? 'count' : 'currency', {
      locale: this.activeLocale,
      currency: this.money,
      compact,
    });
  }

  /**
   * The values of the KPI ranked, each with its comparison with the whole selection
   * (`report.kpis`): the share of the total, or for aov the relative difference to the
   * average basket. `fold`: beyond `limit`, an additive KPI folds the rest into "Others" (the
   * chart); else every value (the table, where the values beyond the limit are read).
   * `unassigned`: what the whole selection has beyond the sum of the values (null when the
   * KPI does not add up or has no total).
   */
  #ranked(report: Report, fold: boolean): { rows: ShownRow[]; unassigned: number | null } {
    const kpi = this.#kpi;
    const s = this.#summaries(report) ?? {};
    const values = Object.keys(s).map((key) => ({ key, value: finite(s[key]![kpi]) }));
    const total = finite(report.kpis[kpi]?.value);
    const additive = ADDITIVE_BREAKDOWN_KPIS.has(kpi);
    const n = Number(this.limit);
    const limit = fold && Number.isFinite(n) && n >= 1 ? n : fold ? 8 : Infinity;
    const rows = rankBreakdown(values, limit, fold && additive).map((r): ShownRow => {
      const v = r.value;
      const c = v === null || total === null || total <= 0 ? null : kpi === 'aov' ? v / total - 1 : v / total;
      const locale = { locale: this.activeLocale };
      return {
        ...r,
        label: this.#valueLabel(r.key, r.count),
        comparison: c,
        comparisonText: kpi === 'aov' ? formatDelta(c, locale) : formatValue(c, 'ratio', locale),
      };
    });
    return {
      rows,
      unassigned: additive && total !== null ? total - values.reduce((a, d) => a + (d.value ?? 0), 0) : null,
    };
  }

  /** The heading of the comparison column. */
  #comparisonHead(): string {
    return this.msg(this.#kpi === 'aov' ? 'breakdown.vsAverage' : 'breakdown.share');
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: BreakdownMessageKey, params?: StringParams): string {
    return breakdownText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    return this.msg('breakdown.title', {
      kpi: kpiLabel(this.shownReport, this.#kpi, this.activeLocale),
      by: this.#byLabel(),
    });
  }

  protected override isEmpty(report: Report | null): boolean {
    if (!report) return true;
    const s = this.#summaries(report);
    return !s || Object.keys(s).length === 0;
  }

  protected override emptyMessage(report: Report | null): string {
    if (!report) return super.emptyMessage(report);
    return this.#summaries(report)
      ? this.msg('breakdown.noValues', { by: this.#byLabel() })
      : this.msg('breakdown.notInReport', { by: this.#by });
  }

  protected override renderContent(report: Report): TemplateResult {
    const kpi = this.#kpi;
    const { rows, unassigned } = this.#ranked(report, true);
    this.#rows = rows;
    const root = this.renderRoot?.querySelector('.promo-root') ?? null;
    const full = rows.map((r) => this.#fmt(r.value));
    const compact = rows.map((r) => this.#fmt(r.value, true));
    // Texts measured in the font they are drawn in (the estimate until the frame exists);
    // the layout picks full or compact values, one form for every row.
    const layout = breakdownLayout(
      rows.map((r) => r.value),
      {
        width: innerWidth(root, this.width),
        fontSize: baseFontSize(this, this.probedFontSize),
        labels: rows.map((r) => r.label),
        valueLabels: full,
        compactValueLabels: compact,
        comparisonLabels: rows.map((r) => r.comparisonText),
        scaleLimit: rows.filter((r) => r.key !== OTHERS_KEY).length,
        measure: textMeasurer(root),
        measureValue: textMeasurer(root, '600'),
      },
    );
    const valueLabels = layout.compact ? compact : full;
    const title = this.widgetLabel();
    const descId = `${this.uid}-desc`;
    const focus = Math.min(this.focusIndex, rows.length - 1);
    const ranked = rows.filter((r) => r.rank !== null).length;
    const best = rows[0];
    const summary = [
      best?.rank ? this.msg('breakdown.summary', { count: rows.length, name: best.label, value: full[0]! }) : '',
      this.msg('breakdown.select'),
    ].join(' ');
    const chosen = this.#chosen;
    const chosenRow = rows.some((r) => r.key === chosen && r.key !== OTHERS_KEY);
    // What the bars do not show: orders without the attribute (a remainder under one unit is
    // rounding of sums of amounts, no remainder), in the form of the rows' values; buyers
    // counted in several values.
    const notes: string[] = [];
    if (unassigned !== null && unassigned >= 1)
      notes.push(
        this.msg('breakdown.unassigned', { by: this.#byLabel(), value: this.#fmt(unassigned, layout.compact) }),
      );
    if (kpi === 'buyers' && rows.length > 1) notes.push(this.msg('breakdown.overlap'));
    return html`<div class="bd-root">
      <h3 part="title">${title}</h3>
      <div class="head" aria-hidden="true">
        <span part="comparison-head">${this.#comparisonHead()}</span>
      </div>
      ${renderSelection({
        name: chosenRow ? this.#valueLabel(chosen) : '',
        filtered: !!chosenRow && this.#filtered === chosen,
        msg: (key, params) => this.msg(key, params),
        filter: (on) => this.#filterBy(on ? chosen : null),
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
        @keydown=${this.#onKeydown}
      >
        ${rows.map((r, i) => {
          const g = layout.rows[i]!;
          const others = r.key === OTHERS_KEY;
          const isChosen = !others && r.key === chosen;
          const name = [
            `${r.label}: ${full[i]}`,
            ...(r.comparison === null
              ? []
              : [this.msg(kpi === 'aov' ? 'breakdown.vsAverageOf' : 'breakdown.shareOf', { value: r.comparisonText })]),
            ...(r.rank === null ? [] : [this.msg('breakdown.rankOf', { rank: r.rank, total: ranked })]),
          ].join('; ');
          return svg`<g
            role="button"
            class="row ${isChosen ? 'chosen' : ''}"
            id=${`${this.uid}-opt-${i}`}
            data-key=${others ? nothing : r.key}
            tabindex=${i === focus ? 0 : -1}
            aria-pressed=${others ? nothing : isChosen ? 'true' : 'false'}
            aria-disabled=${others ? 'true' : nothing}
            aria-label=${name}
            @click=${() => this.#choose(i)}
            @focus=${() => (this.focusIndex = i)}
          >
            <title>${name}</title>
            <rect class="hit" x="0" y=${g.y + 1} width=${layout.width} height=${layout.rowHeight - 2} rx="4"></rect>
            <rect class="track" x=${layout.x0} y=${g.barY} width=${layout.x1 - layout.x0} height=${layout.barHeight} rx="2"></rect>
            ${g.barWidth > 0 ? svg`<rect class="bar ${others ? 'others' : ''}" x=${layout.x0} y=${g.barY} width=${g.barWidth} height=${layout.barHeight} rx="2"></rect>` : nothing}
          </g>
          <g class="row-text ${isChosen ? 'chosen' : ''}" aria-hidden="true">
            <text class="label" x=${layout.labelX} y=${g.textY} text-anchor=${layout.arrangement === 'side' ? 'end' : 'start'} dominant-baseline="central">${isChosen ? '✓ ' : ''}${g.label}</text>
            <text class="value" x=${layout.valueX} y=${g.textY} text-anchor="end" dominant-baseline="central">${valueLabels[i]}</text>
            <text class="comparison" x=${layout.comparisonX} y=${g.textY} text-anchor="end" dominant-baseline="central">${r.comparisonText}</text>
          </g>`;
        })}
      </svg>
      ${notes.length ? html`<p part="note">${notes.join(' ')}</p>` : nothing}
    </div>`;
  }

  #onKeydown = (e: KeyboardEvent): void => {
    const n = this.#rows.length;
    if (!n) return;
    const action = listKey(e.key, this.focusIndex, n);
    if (!action) return;
    e.preventDefault();
    if ('choose' in action) return this.#choose(Math.min(this.focusIndex, n - 1));
    const i = action.move;
    this.focusIndex = i;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<SVGGElement>(`[id="${this.uid}-opt-${i}"]`)?.focus(),
    );
  };

  /** Selects the row's value, or unselects it when it is the selected one. Never filters. */
  #choose(index: number): void {
    const row = this.#rows[index];
    this.focusIndex = index;
    if (!row || row.key === OTHERS_KEY) return;
    const value = this.#chosen === row.key ? null : row.key;
    this.selected = value ?? '';
    this.#unpicked = value === null;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('promo-breakdown-selection-change', this.#event(value)));
  }

  /** The explicit step: asks the board or the page to filter by the value (null: remove that filter). */
  #filterBy(value: string | null): void {
    this.dispatchEvent(new CustomEvent('promo-breakdown-select', this.#event(value)));
  }

  /** What both events carry: `detail: { by, value }`, bubbling and composed. */
  #event(value: string | null): CustomEventInit<PromoBreakdownSelectDetail> {
    return { detail: { by: this.#by, value }, bubbles: true, composed: true };
  }

  protected override tableData(report: Report | null): DataTable | null {
    if (!report || !this.#summaries(report)) return null;
    const by = this.#byLabel();
    return {
      caption: this.widgetLabel(),
      columns: [
        by.charAt(0).toLocaleUpperCase() + by.slice(1),
        kpiLabel(report, this.#kpi, this.activeLocale),
        this.#comparisonHead(),
        this.msg('breakdown.rank'),
      ],
      numeric: [false, true, true, true],
      // Every value, unfolded. Cells written as they are (raw value, text shown): importing
      // the table module's cell helper would load its CSV writer with the widget, not with
      // the first export.
      rows: this.#ranked(report, false).rows.map((r) => [
        { raw: r.key, text: r.label },
        { raw: r.value, text: this.#fmt(r.value) },
        { raw: r.comparison, text: r.comparisonText },
        { raw: r.rank, text: r.rank === null ? '—' : String(r.rank) },
      ]),
    };
  }
}
