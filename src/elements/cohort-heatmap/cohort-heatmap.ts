import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Report } from '../../engine/report-types.js';
import { cell, type DataTable } from '../shared/data-table.js';
import { PromoWidget } from '../shared/widget.js';
import { renderFilterNote } from '../shared/notes.js';
import { tokenProbes } from '../shared/token-probes.js';
import { baseFontSize, innerWidth } from '../shared/inner-width.js';
import { FontsLoadedController } from '../shared/measure-text.js';
import { booleanValue, oneOf } from '../shared/converters.js';
import { cohortHeatmapStyles } from './cohort-heatmap.styles.js';
import { HEATMAP_MODES, periodCount, rowValues, type HeatmapMode } from './layout.js';
import { HeatmapGridView } from './grid-view.js';
import { renderRecency } from './recency-view.js';
import { cohortLabel, fmt, periodLabel, unitOf, type HeatmapView } from './view-host.js';
import { cohortText, type CohortMessageKey } from '../../i18n/cohort-heatmap.js';
import type { StringParams } from '../../i18n/translate.js';

export { HEATMAP_MODES };
export type { HeatmapMode };

/** Width from which the recency panel goes beside the heatmap (`show-recency`). */
const SIDE_BY_SIDE = 720;

/**
 * Customers grouped by the month or ISO week of their first order (the grain the report was
 * computed with), by period since that first order: `mode="retention"` (share of the cohort
 * ordering again in period k; period 0 is 100 %) or `mode="revenue"` (the cohort's revenue in
 * period k). Colour follows a sequential scale, with a legend; every cell is made wide enough
 * for its value (measured in the font it is drawn in) and shows it, so colour is never the
 * only carrier, and every cell has a tooltip and an accessible name.
 *
 * The grid is an ARIA grid: Tab reaches it, the arrow keys move between cells (Home / End
 * to the row's ends, Ctrl+Home / Ctrl+End to the corners). On a narrow card the row headers
 * shorten (numeric date, then date over cohort size) and the corner header takes two lines
 * so the grid fits; when it still does not, it scrolls sideways, with a fade at the edge
 * while there is more to the right and the row headers kept in view.
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
 * @event promo-error - A render or export failed, or the Vietnamese strings could not be loaded (shown in English instead); `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoCohortHeatmap extends PromoWidget {
  static override styles = cohortHeatmapStyles;

  /** The reactive properties, in Lit's static `properties` (not its decorators: see `PromoWidget.properties`). */
  static override properties: PropertyDeclarations = {
    mode: { converter: oneOf(HEATMAP_MODES) },
    showRecency: { attribute: 'show-recency', type: Boolean, converter: booleanValue('show-recency') },
  };

  /** `retention` (default), `revenue`, or `recency` (customers by days since their last order). */
  mode: HeatmapMode = 'retention';

  /** The heat colours, read in script from these probes (the cell text is picked against them): a change of either re-renders the map. */
  protected override readonly colorProbes = tokenProbes(this, ['color-heat-low', 'color-heat-high']);

  /** Shows the recency segments beside the heatmap (below it on narrow cards). */
  showRecency = false;

  /** The grid, its keyboard cursor and its tooltip. */
  readonly #grid = new HeatmapGridView(this);

  constructor() {
    super();
    // Texts measured in a fallback font are measured again once the page's fonts load.
    new FontsLoadedController(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('mode') || changed.has('report') || changed.has('board')) this.#grid.reset();
  }

  /**
   * What the grid, the recency bars and the table draw with: the settings of this render.
   * The base font size (the --promo-font-size token, followed live) sizes rows and text widths.
   */
  #view(report: Report | null): HeatmapView {
    return {
      uid: this.uid,
      fontSize: baseFontSize(this, this.probedFontSize),
      mode: this.mode === 'revenue' ? 'revenue' : 'retention',
      locale: this.activeLocale,
      currency: this.money,
      grain: report?.cohorts?.grain === 'week' ? 'week' : 'month',
      title: this.widgetLabel(),
      root: this.renderRoot?.querySelector('.promo-root') ?? null,
    };
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: CohortMessageKey, params?: StringParams): string {
    return cohortText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    // The mode is always one of HEATMAP_MODES (its converter keeps the default for anything else).
    return this.msg(`cohort.title.${this.mode}`);
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
    const v = this.#view(report);
    // Width available inside the frame (px).
    const width = innerWidth(v.root, this.width, 560, 160);
    if (this.mode === 'recency')
      return html`<div class="heat-root">
        <h3 part="title">${v.title}</h3>
        ${renderFilterNote(this.boardQuery, v.locale)} ${renderRecency(v, report, width, true)}
      </div>`;
    const side = this.showRecency && width >= SIDE_BY_SIDE;
    const heatWidth = side ? ((width - 12) * 2) / 3 : width;
    return html`<div class="heat-root ${this.showRecency ? '' : 'fit'}">
      <h3 part="title">${v.title}</h3>
      ${renderFilterNote(this.boardQuery, v.locale)}
      <div class="panels ${side ? 'side' : ''}">
        <div>${this.#grid.render(report, heatWidth, v, this.#heatColors())}</div>
        ${
          this.showRecency
            ? html`<div>
                <h4>${this.msg('cohort.title.recency')}</h4>
                ${
                  report.recency?.length
                    ? renderRecency(v, report, side ? (width - 12) / 3 : width, false)
                    : html`<p class="note">${this.msg('cohort.noRecency')}</p>`
                }
              </div>`
            : nothing
        }
      </div>
      ${this.#grid.renderTip(report, v)}
    </div>`;
  }

  /**
   * The heat colours (low, high) as the page resolves them in the current theme: the computed
   * `rgb()` colours of the token probes, which carry `--_color-heat-low` and `--_color-heat-high`
   * inside the root (the page's `--promo-*` values, else the theme's defaults). Empty on the
   * first render, before the probes are in the root; the resize observer's first report
   * renders the map again before it is painted.
   */
  #heatColors(): string[] {
    return this.colorProbes.map((p) => getComputedStyle(p).color);
  }

  /* ---------------------------------------------------------------- table */

  protected override tableData(report: Report | null): DataTable | null {
    if (!report) return null;
    const v = this.#view(report);
    if (this.mode === 'recency')
      return {
        caption: v.title,
        columns: [this.msg('cohort.title.recency'), this.msg('cohort.size'), this.msg('recency.revenue')],
        numeric: [false, true, true],
        rows: (report.recency ?? []).map((r) => [
          cell(r.segment, this.msg('recency.segment', { segment: r.segment })),
          cell(r.customers, fmt(v, r.customers, 'count')),
          cell(r.revenue, fmt(v, r.revenue, 'currency')),
        ]),
      };
    const rows = report.cohorts?.rows ?? [];
    const cols = periodCount(rows, v.mode);
    return {
      caption: v.title,
      columns: [
        this.msg('cohort.cohort'),
        this.msg('cohort.size'),
        ...Array.from({ length: cols }, (_, k) => periodLabel(v, k)),
      ],
      numeric: [false, true, ...Array.from({ length: cols }, () => true)],
      rows: rows.map((r) => {
        const vals = rowValues(r, v.mode);
        return [
          cell(r.cohort, cohortLabel(v, r.cohort)),
          cell(r.size, fmt(v, r.size, 'count')),
          ...Array.from({ length: cols }, (_, k) =>
            Number.isFinite(vals[k]) ? cell(vals[k], fmt(v, vals[k], unitOf(v))) : cell(null, ''),
          ),
        ];
      }),
    };
  }
}
