import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../shared/style-props.js';
import type { CohortRow, Report } from '../../engine/report-types.js';
import type { KpiUnit } from '../../core/vocabulary.js';
import { formatValue } from '../../format/format.js';
import { formatDay, formatMonth } from '../../format/date.js';
import { publicVar, TOKENS } from '../../theme/tokens.js';
import { cell, type DataTable } from '../shared/data-table.js';
import { PromoWidget } from '../shared/widget.js';
import { innerWidth } from '../shared/inner-width.js';
import { booleanValue, oneOf } from '../shared/converters.js';
import { cohortHeatmapStyles } from './cohort-heatmap.styles.js';
import {
  HEATMAP_MODES,
  cellColor,
  heatmapLayout,
  legendStops,
  lightText,
  moveCell,
  recencyLayout,
  rowValues,
  textWidth,
  type HeatmapLayout,
  type HeatmapMode,
} from './layout.js';
import { cohortText, type CohortMessageKey } from '../../i18n/cohort-heatmap.js';
import type { StringParams } from '../../i18n/translate.js';

export { HEATMAP_MODES };
export type { HeatmapMode };

const DEFAULT_FONT_SIZE = 14;
/** Width from which the recency panel goes beside the heatmap (`show-recency`). */
const SIDE_BY_SIDE = 720;

let paint: CanvasRenderingContext2D | null | undefined;
/** A CSS colour as the canvas serialises it (`#rrggbb` or `rgba(...)` for named, hsl(), ...). */
function toRgb(color: string): string {
  paint ??= document.createElement('canvas').getContext('2d');
  if (!paint) return color;
  paint.fillStyle = '#000';
  paint.fillStyle = color;
  return String(paint.fillStyle);
}

/**
 * Customers grouped by the month or ISO week of their first order (the grain the report was
 * computed with), by period since that first order: `mode="retention"` (share of the cohort
 * ordering again in period k; period 0 is 100 %) or `mode="revenue"` (the cohort's revenue in
 * period k). Colour follows a sequential scale, with a legend; the value is printed in every
 * cell wide enough to hold it, so colour is never the only carrier, and every cell has a
 * tooltip and an accessible name.
 *
 * The grid is an ARIA grid: Tab reaches it, the arrow keys move between cells (Home / End
 * to the row's ends, Ctrl+Home / Ctrl+End to the corners). Past the width of the card the
 * grid scrolls sideways (cells stay at least 30 px wide).
 *
 * The recency segments (customers by days since their last order: 0-7, 8-14, 15-28, 29+,
 * with their revenue in the period) are `mode="recency"`, or a panel beside the heatmap
 * with `show-recency` (below it on narrow cards).
 *
 * The colour scale runs from `--promo-color-heat-low` to `--promo-color-heat-high` (mixed
 * in OKLab), so it follows the light / dark and brand themes; cell text is white or black,
 * whichever contrasts more with the cell.
 *
 * @summary Cohort retention or revenue heatmap, and recency segments.
 *
 * @csspart base - The widget's frame.
 * @csspart title - The title.
 * @csspart chart - The heatmap SVG, or the recency bars in recency mode (exported as SVG/PNG).
 * @csspart recency - The recency bars (mode or side panel).
 * @csspart legend - The colour legend.
 * @csspart tooltip - The tooltip of the hovered or focused cell.
 * @csspart actions - The "data and export" menu.
 * @csspart table - The data table ("show as table").
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message.
 *
 * @cssproperty --promo-color-heat-low - Colour of the lowest value.
 * @cssproperty --promo-color-heat-high - Colour of the highest value.
 * @cssproperty --promo-color-surface - Background; text on dark cells.
 * @cssproperty --promo-color-surface-muted - Recency bar tracks, skeleton, table header.
 * @cssproperty --promo-color-text - Labels; text on light cells; tooltip background.
 * @cssproperty --promo-color-text-muted - Headers, sizes, legend.
 * @cssproperty --promo-color-border - Frame and legend outline.
 * @cssproperty --promo-color-accent - Recency bars.
 * @cssproperty --promo-color-focus - Focus ring of cells.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Frame and tooltip shadow.
 *
 * @event promo-error - A render or export failed; `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoCohortHeatmap extends PromoWidget {
  static override styles = cohortHeatmapStyles;

  /** `retention` (default), `revenue`, or `recency` (customers by days since their last order). */
  @property({ converter: oneOf(HEATMAP_MODES) }) mode: HeatmapMode = 'retention';

  /** The heat colours are interpolated in script: a change of either re-renders the map. */
  protected static override readonly watchedColors = ['color-heat-low', 'color-heat-high'];

  /** Shows the recency segments beside the heatmap (below it on narrow cards). */
  @property({ attribute: 'show-recency', type: Boolean, converter: booleanValue('show-recency') }) showRecency = false;

  /** The cell that takes focus (roving tabindex). */
  @state() private active = { row: 0, col: 0 };
  @state() private tip: { row: number; col: number; left: number; top: number } | null = null;

  private fontSize = DEFAULT_FONT_SIZE;
  private media: MediaQueryList | null = null;
  private onScheme = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    this.media?.addEventListener('change', this.onScheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.media?.removeEventListener('change', this.onScheme);
    this.media = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('mode') || changed.has('report') || changed.has('board')) this.tip = null;
    // The base font size (the --promo-font-size token, followed live) sizes rows and text widths.
    this.fontSize = this.baseFontSize;
  }

  private get heatMode(): 'retention' | 'revenue' {
    return this.mode === 'revenue' ? 'revenue' : 'retention';
  }

  private get cellUnit(): KpiUnit {
    return this.heatMode === 'retention' ? 'ratio' : 'currency';
  }

  private fmt(v: number | null | undefined, unit: KpiUnit, compact = false): string {
    return formatValue(v, unit, { locale: this.activeLocale, currency: this.money, compact });
  }

  /** Width available inside the frame (px). */
  private get innerWidth(): number {
    return innerWidth(this.renderRoot?.querySelector('.promo-root'), this.width, 560, 160);
  }

  private grainOf(report: Report | null): 'month' | 'week' {
    return report?.cohorts?.grain === 'week' ? 'week' : 'month';
  }

  /** "Jul 2026", or the Monday "27 Jul 2026" of a week cohort; `short`: "7/2026", "27/7/26". */
  private cohortLabel(cohort: string, grain: 'month' | 'week', short = false): string {
    if (grain === 'month') return formatMonth(cohort, this.activeLocale, short ? 'numeric' : 'short');
    return formatDay(cohort, this.activeLocale, short ? { month: 'numeric', year: '2-digit' } : {});
  }

  private periodLabel(k: number, grain: 'month' | 'week'): string {
    return this.msg(`cohort.period.${grain}`, { k });
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: CohortMessageKey, params?: StringParams): string {
    return cohortText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    return this.msg(
      this.mode === 'recency'
        ? 'cohort.title.recency'
        : this.heatMode === 'revenue'
          ? 'cohort.title.revenue'
          : 'cohort.title.retention',
    );
  }

  protected override isEmpty(report: Report | null): boolean {
    if (!report) return true;
    if (this.mode === 'recency') return !report.recency?.length;
    return !report.cohorts?.rows?.length;
  }

  protected override emptyMessage(report: Report | null): string {
    return report && this.mode !== 'recency' ? this.msg('cohort.noCohorts') : super.emptyMessage(report);
  }

  protected override renderContent(report: Report | null): TemplateResult {
    if (!report) return html``;
    const title = this.widgetLabel();
    if (this.mode === 'recency')
      return html`<div class="heat-root">
        <h3 part="title">${title}</h3>
        ${this.renderFilterNote()} ${this.renderRecency(report, this.innerWidth, true)}
      </div>`;
    const side = this.showRecency && this.innerWidth >= SIDE_BY_SIDE;
    const heatWidth = side ? ((this.innerWidth - 12) * 2) / 3 : this.innerWidth;
    return html`<div class="heat-root ${this.showRecency ? '' : 'fit'}">
      <h3 part="title">${title}</h3>
      ${this.renderFilterNote()}
      <div class="panels ${side ? 'side' : ''}">
        <div>${this.renderHeatmap(report, heatWidth)}</div>
        ${
          this.showRecency
            ? html`<div>
                <h4>${this.msg('cohort.title.recency')}</h4>
                ${
                  report.recency?.length
                    ? this.renderRecency(report, side ? (this.innerWidth - 12) / 3 : this.innerWidth, false)
                    : html`<p class="note">${this.msg('cohort.noRecency')}</p>`
                }
              </div>`
            : nothing
        }
      </div>
      ${this.renderTip(report)}
    </div>`;
  }

  /* ---------------------------------------------------------------- heatmap */

  private renderHeatmap(report: Report, width: number): TemplateResult {
    const rows = report.cohorts.rows;
    const grain = this.grainOf(report);
    const mode = this.heatMode;
    const unit = this.cellUnit;
    const fs = this.fontSize;
    const cols = Math.max(0, ...rows.map((r) => rowValues(r, mode).length));
    // Row labels keep the cohort size: the numeric date when the long label is too wide.
    const longLabels = rows.map((r) => `${this.cohortLabel(r.cohort, grain)} · ${this.fmt(r.size, 'count')}`);
    const widest = Math.max(0, ...longLabels.map((s) => textWidth(s, fs * 0.9)));
    const rowLabels =
      widest + 8 <= Math.max(160, width) * 0.4
        ? longLabels
        : rows.map((r) => `${this.cohortLabel(r.cohort, grain, true)} · ${this.fmt(r.size, 'count')}`);
    // Retention cells at the kit's one precision for percentages; amounts compact.
    const cellFormat = (v: number) => this.fmt(v, unit, unit !== 'ratio');
    const grid = heatmapLayout(rows, mode, {
      width,
      fontSize: fs,
      rowLabels,
      colLabels: Array.from({ length: cols }, (_, k) => this.periodLabel(k, grain)),
      format: cellFormat,
    });
    const lengths = rows.map((r) => rowValues(r, mode).filter(Number.isFinite).length);
    const active = moveCell(lengths, this.active, '');
    const title = this.widgetLabel();
    const descId = `${this.uid}-desc`;
    const customers = rows.reduce((s, r) => s + (Number.isFinite(r.size) ? r.size : 0), 0);
    const k = cols > 1 ? 1 : 0;
    const atK = rows.map((r) => rowValues(r, mode)[k]).filter((v): v is number => Number.isFinite(v));
    const summary = this.msg('cohort.summary', {
      count: rows.length,
      customers: this.fmt(customers, 'count'),
      period: this.periodLabel(k, grain),
      value: this.fmt(atK.length ? atK.reduce((s, v) => s + v, 0) / atK.length : null, unit),
    });
    const labelW = grid.rowHeaderWidth - 8;
    const heat = this.heatColors();
    return html`<p class="sr-only" id=${descId}>${summary}</p>
      <div class="scroll-x">
        <svg
          part="chart"
          role="grid"
          aria-label=${title}
          aria-describedby=${descId}
          aria-rowcount=${rows.length + 1}
          width=${grid.width}
          height=${grid.height}
          viewBox="0 0 ${grid.width} ${grid.height}"
          @keydown=${(e: KeyboardEvent) => this.onGridKeydown(e, lengths)}
          @pointerleave=${() => (this.tip = null)}
        >
          <g role="row" aria-rowindex="1">
            <g role="columnheader">
              <text class="head" x="0" y=${fs}>
                ${fit(`${this.msg('cohort.cohort')} · ${this.msg('cohort.size').toLowerCase()}`, labelW, fs * 0.8)}
              </text>
            </g>
            ${grid.cols.map(
              (c, i) =>
                svg`<g role="columnheader" aria-label=${this.periodLabel(i, grain)}><text class="head" x=${c.x} y=${fs} text-anchor="middle">${c.label}</text></g>`,
            )}
          </g>
          ${rows.map((r, i) => {
            const y = grid.rows[i].y;
            return svg`<g role="row" aria-rowindex=${i + 2}>
              <g role="rowheader" aria-label=${`${this.cohortLabel(r.cohort, grain)}, ${this.fmt(r.size, 'count')} ${this.msg('cohort.size').toLowerCase()}`}>
                <text class="row-label" x="0" y=${y} dominant-baseline="central">${fit(rowLabels[i], labelW, fs * 0.9)}</text>
              </g>
              ${grid.cells
                .filter((c) => c.row === i)
                .map((c) => {
                  const color = cellColor(c.t);
                  const isActive = c.row === active.row && c.col === active.col;
                  return svg`<g
                    role="gridcell"
                    id=${`${this.uid}-cell-${c.row}-${c.col}`}
                    tabindex=${isActive ? 0 : -1}
                    aria-label=${this.cellText(r, c.col, c.value, grain)}
                    data-row=${c.row}
                    data-col=${c.col}
                    data-value=${c.value}
                    @focus=${() => this.showTip(c.row, c.col)}
                    @blur=${() => (this.tip = null)}
                    @pointerenter=${() => this.showTip(c.row, c.col)}
                    @click=${() => (this.active = { row: c.row, col: c.col })}
                  ><rect class="cell" x=${c.x + 1} y=${c.y + 1} width=${c.width} height=${c.height} rx="3" style=${styleProps({ fill: color })}></rect><rect class="ring" x=${c.x} y=${c.y} width=${c.width + 2} height=${c.height + 2} rx="4"></rect></g>`;
                })}
            </g>`;
          })}
          <g class="cell-texts" aria-hidden="true">
            ${grid.cells.map((c) => {
              const light = lightText(c.t, heat);
              const textClass =
                light === null ? (c.t > 0.5 ? 'light-text' : 'dark-text') : light ? 'fixed-light' : 'fixed-dark';
              return svg`<text class="cell-value ${textClass}" data-cell=${`${c.row}-${c.col}`} x=${c.x + 1 + c.width / 2} y=${c.y + 1 + c.height / 2} text-anchor="middle" dominant-baseline="central">${cellFormat(c.value)}</text>`;
            })}
          </g>
        </svg>
      </div>
      ${this.renderLegend(grid, unit)}`;
  }

  /**
   * The heat colours (low, high) of the current theme, as hex or `rgb()`: the page's
   * `--promo-*` values (any CSS colour, normalised by a canvas), else the theme defaults.
   */
  private heatColors(): [string, string] {
    const theme = this.resolvedTheme;
    const dark = theme === 'dark' || (theme === 'auto' && !!this.media?.matches);
    const cs = getComputedStyle(this);
    const pick = (name: 'color-heat-low' | 'color-heat-high') =>
      toRgb(cs.getPropertyValue(publicVar(name)).trim() || (dark ? TOKENS[name].dark : TOKENS[name].light));
    return [pick('color-heat-low'), pick('color-heat-high')];
  }

  private cellText(r: CohortRow, k: number, value: number, grain: 'month' | 'week'): string {
    const text = this.msg('cohort.cell', {
      cohort: this.cohortLabel(r.cohort, grain),
      size: this.fmt(r.size, 'count'),
      period: this.periodLabel(k, grain),
      value: this.fmt(value, this.cellUnit),
    });
    if (this.heatMode === 'revenue') return text;
    // Retention also in customers: the share of the cohort, as a count.
    return `${text} (${this.fmt(Math.round(value * r.size), 'count')}/${this.fmt(r.size, 'count')})`;
  }

  private renderLegend(grid: HeatmapLayout, unit: KpiUnit): TemplateResult {
    const id = `${this.uid}-grad`;
    const min = this.fmt(grid.domain[0], unit, true);
    const max = this.fmt(grid.domain[1], unit, true);
    return html`<div part="legend">
      <span>${min}</span>
      <svg
        role="img"
        aria-label=${this.msg('cohort.legend', { min, max })}
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
      >
        <defs>
          <linearGradient id=${id}>
            ${legendStops().map((s) => svg`<stop offset=${`${s.offset}%`} style=${styleProps({ 'stop-color': s.color })}></stop>`)}
          </linearGradient>
        </defs>
        <rect width="100" height="10" fill=${`url(#${id})`}></rect>
      </svg>
      <span>${max}${this.heatMode === 'retention' && grid.domain[1] < 1 ? '+' : ''}</span>
    </div>`;
  }

  private renderTip(report: Report) {
    const tip = this.tip;
    if (!tip || this.mode === 'recency') return nothing;
    const r = report.cohorts.rows[tip.row];
    const v = r ? rowValues(r, this.heatMode)[tip.col] : undefined;
    if (!r || v === undefined) return nothing;
    const grain = this.grainOf(report);
    return html`<div
      part="tooltip"
      aria-hidden="true"
      style=${styleProps({ left: `${tip.left}px`, top: `${tip.top}px` })}
    >
      ${this.cellText(r, tip.col, v, grain)}
    </div>`;
  }

  private showTip(row: number, col: number): void {
    const root = this.renderRoot.querySelector<HTMLElement>('.promo-root');
    const el = this.renderRoot.querySelector(`[id="${this.uid}-cell-${row}-${col}"]`);
    if (!root || !el) return;
    const rb = root.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    const left = Math.max(4, Math.min(rb.width - 220, b.left - rb.left));
    const below = b.bottom - rb.top + 4;
    const top = below + 60 > rb.height ? Math.max(0, b.top - rb.top - 64) : below;
    this.tip = { row, col, left, top };
  }

  private onGridKeydown(e: KeyboardEvent, lengths: number[]): void {
    if (!['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Escape'].includes(e.key)) return;
    e.preventDefault();
    if (e.key === 'Escape') {
      this.tip = null;
      return;
    }
    const next = moveCell(lengths, this.active, e.key, e.ctrlKey || e.metaKey);
    this.active = next;
    void this.updateComplete.then(() => {
      const el = this.renderRoot.querySelector<SVGGElement>(`[id="${this.uid}-cell-${next.row}-${next.col}"]`);
      el?.focus();
      el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    });
  }

  /* ---------------------------------------------------------------- recency */

  private renderRecency(report: Report, width: number, main: boolean): TemplateResult {
    const fs = this.fontSize;
    const rows = report.recency ?? [];
    const labels = rows.map((r) => this.msg('recency.segment', { segment: r.segment }));
    const customers = rows.map((r) => this.fmt(r.customers, 'count'));
    const revenue = rows.map((r) => this.fmt(r.revenue, 'currency', true));
    const valueWidth = Math.max(
      ...customers.map((s) => textWidth(s, fs * 0.85)),
      ...revenue.map((s) => textWidth(s, fs * 0.8)),
    );
    const labelWidth = Math.max(...labels.map((s) => textWidth(s, fs * 0.9)));
    const l = recencyLayout(rows, { width, fontSize: fs, labelWidth, valueWidth });
    const text = rows
      .map((r, i) =>
        this.msg('recency.row', {
          segment: r.segment,
          customers: customers[i],
          revenue: this.fmt(r.revenue, 'currency'),
        }),
      )
      .join('; ');
    const barH = Math.round(fs * 0.9);
    return html`<div class="rec-key" aria-hidden="true">
        <strong>${this.msg('cohort.size')}</strong> · ${this.msg('recency.revenue')}
      </div>
      <svg
        part=${main ? 'chart recency' : 'recency'}
        role="img"
        aria-label=${`${this.msg('cohort.title.recency')}: ${text}`}
        width=${l.width}
        height=${l.height}
        viewBox="0 0 ${l.width} ${l.height}"
      >
        ${l.bars.map(
          (b, i) => svg`<g>
          <text class="rec-label" x="0" y=${b.y + b.height / 2} dominant-baseline="central">${labels[i]}</text>
          <rect class="rec-track" x=${l.x0} y=${b.y + (b.height - barH) / 2} width=${l.x1 - l.x0} height=${barH} rx="2"></rect>
          <rect class="rec-bar" x=${b.x} y=${b.y + (b.height - barH) / 2} width=${b.width} height=${barH} rx="2"></rect>
          <text class="rec-value" x=${l.width} y=${b.y + b.height / 2 - fs * 0.35} text-anchor="end" dominant-baseline="central">${customers[i]}</text>
          <text class="rec-sub" x=${l.width} y=${b.y + b.height / 2 + fs * 0.5} text-anchor="end" dominant-baseline="central">${revenue[i]}</text>
        </g>`,
        )}
      </svg>`;
  }

  /* ---------------------------------------------------------------- table */

  protected override tableData(report: Report | null): DataTable | null {
    if (!report) return null;
    if (this.mode === 'recency')
      return {
        caption: this.widgetLabel(),
        columns: [this.msg('cohort.title.recency'), this.msg('cohort.size'), this.msg('recency.revenue')],
        numeric: [false, true, true],
        rows: (report.recency ?? []).map((r) => [
          cell(r.segment, this.msg('recency.segment', { segment: r.segment })),
          cell(r.customers, this.fmt(r.customers, 'count')),
          cell(r.revenue, this.fmt(r.revenue, 'currency')),
        ]),
      };
    const rows = report.cohorts?.rows ?? [];
    const grain = this.grainOf(report);
    const mode = this.heatMode;
    const cols = Math.max(0, ...rows.map((r) => rowValues(r, mode).length));
    return {
      caption: this.widgetLabel(),
      columns: [
        this.msg('cohort.cohort'),
        this.msg('cohort.size'),
        ...Array.from({ length: cols }, (_, k) => this.periodLabel(k, grain)),
      ],
      numeric: [false, true, ...Array.from({ length: cols }, () => true)],
      rows: rows.map((r) => {
        const vals = rowValues(r, mode);
        return [
          cell(r.cohort, this.cohortLabel(r.cohort, grain)),
          cell(r.size, this.fmt(r.size, 'count')),
          ...Array.from({ length: cols }, (_, k) =>
            k < vals.length && Number.isFinite(vals[k])
              ? cell(vals[k], this.fmt(vals[k], this.cellUnit))
              : cell(null, ''),
          ),
        ];
      }),
    };
  }
}

/** A label cut to `width` px. */
function fit(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const n = Math.max(1, Math.floor(width / (fontSize * 0.58)) - 1);
  return text.slice(0, n).trimEnd() + '…';
}
