import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatValue } from '../../format/format.js';
import { addDays, formatDay } from '../../format/date.js';
import type { ReactivationRow, Report, SegmentQuery } from '../../engine/report-types.js';
import { listKey } from '../shared/list-keys.js';
import { PromoWidget } from '../shared/widget.js';
import { boundsValue, functionValue, oneOf, textValue } from '../shared/converters.js';
import { cell, type DataTable } from '../shared/data-table.js';
import type { PromoErrorDetail } from '../shared/widget.js';
import { reactivationStyles } from './reactivation.styles.js';
import { REACTIVATION_LISTS, segmentLabels, segmentText, type ReactivationList } from './layout.js';
import { reactivationText, type ReactivationMessageKey } from '../../i18n/reactivation.js';
import type { StringParams } from '../../i18n/translate.js';

export { REACTIVATION_LISTS, segmentLabels };
export type { ReactivationList };

/** Detail of `promo-segment-select`. */
export interface PromoSegmentSelectDetail {
  /** The segment label, e.g. `8-14`. */
  segment: string;
  /** `reactivation`: everyone in the segment; `returned`: those of it who ordered in the period. */
  of: ReactivationList;
  /** How many customers the list holds. */
  customers: number;
  /** Resolves to the customer ids of the list, sorted by code point (rejects when the source cannot list customers). */
  ids: () => Promise<string[]>;
}

/** Width below which a segment's figures go under its name. */
const NARROW = 520;

/** The figures of a segment, in the order of the columns, each with its unit. */
const FIGURES = {
  customers: 'count',
  returned: 'count',
  rate: 'ratio',
  orders: 'count',
  revenue: 'currency',
} as const satisfies Record<string, 'count' | 'currency' | 'ratio'>;
type Figure = keyof typeof FIGURES;
const FIGURE_NAMES = Object.keys(FIGURES) as Figure[];

/**
 * Re-activation by days since last order: the customers of each segment (`0-7`, `8-14`,
 * `15-28`, `29+` days from their last order to the day before the period), how many of them
 * returned (ordered in the period, in the selection), the return rate, and their orders and
 * revenue. Reads `report.reactivation`.
 *
 * `bounds` names the segments the page expects (`bounds="7,14,28"`; the property also takes
 * an array). Inside `<promo-kpi-board>` the board computes the report with its
 * `recency-bounds`; a report with other segments is shown as it is, with a note.
 *
 * The segments are an ARIA listbox: Tab reaches it, the arrow keys move, Enter or Space (or
 * a click) chooses one and fires `promo-segment-select` with the segment, the size of the
 * list (everyone in the segment, or those who returned: the `of` switch) and `ids()`, which
 * resolves to the customer ids, for a CRM to act on. Inside a board the ids come from the
 * board's data (the engine, its worker, or the adapter's `segmentCustomers` for a
 * warehouse); alone, from `resolveCustomers`. "Export customer list (CSV)" in the menu
 * downloads the chosen segment's list (every segment's when none is chosen).
 *
 * @summary Customers by days since last order, who returned during the period, and their lists.
 *
 * @csspart base - The widget's frame.
 * @csspart title - The title.
 * @csspart base-day - The day the days are counted to.
 * @csspart list-switch - The choice of list (everyone in the segment, or those who returned).
 * @csspart segments - The listbox of segments.
 * @csspart segment - One segment row.
 * @csspart rate - A segment's return-rate bar.
 * @csspart chosen - What was chosen, and the list's size.
 * @csspart note - Notes on the report's segments.
 * @csspart config-error - A property value that is not valid, named, with the default used instead.
 * @csspart actions - The "data and export" menu (with "Export customer list (CSV)").
 * @csspart table - The data table ("show as table").
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message.
 *
 * @cssproperty --promo-color-surface - Background.
 * @cssproperty --promo-color-surface-muted - Rate tracks, hovered and chosen rows, skeleton, table header.
 * @cssproperty --promo-color-text - Text.
 * @cssproperty --promo-color-text-muted - Headers and notes.
 * @cssproperty --promo-color-border - Frame and row separators.
 * @cssproperty --promo-color-accent - Return-rate bars, the chosen row's edge.
 * @cssproperty --promo-color-focus - Focus ring.
 * @cssproperty --promo-color-bad - Configuration errors.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Frame shadow.
 *
 * @event promo-segment-select - A segment was chosen by click, Enter or Space (bubbles, composed); `detail: { segment, of, customers, ids }`, `ids()` resolving to the customer ids.
 * @event promo-config-error - `bounds`, `of` or `selected` is not valid (bubbles, composed); `detail: { element, property, attribute, value, message }`. The widget goes on with its default.
 * @event promo-error - A render or export failed, a customer list could not be loaded, or the Vietnamese strings (shown in English instead); `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded (the table, or a customer list); `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoReactivation extends PromoWidget {
  static override styles = reactivationStyles;

  /** The reactive properties, in Lit's static `properties` (not its decorators: see `PromoWidget.properties`). */
  static override properties: PropertyDeclarations = {
    bounds: { converter: boundsValue },
    of: { reflect: true, converter: oneOf(REACTIVATION_LISTS) },
    resolveCustomers: { attribute: false, converter: functionValue },
    selected: { converter: textValue },
    focusIndex: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /**
   * The segment bounds in days: `"7,14,28"` (attribute), `[7, 14, 28]` or the string (property).
   * Empty (default): the report's segments.
   * @type {number[] | string}
   */
  bounds: number[] = [];

  /** The list a chosen segment gives: `reactivation` (everyone in the segment, default) or `returned` (those who returned). */
  of: ReactivationList = 'reactivation';

  /**
   * Resolves a segment's customer ids when the widget is used alone (inside a board, the
   * board's data is used): for example `(r) => Promise.resolve(segmentCustomers(data, options, r))`.
   */
  resolveCustomers: ((request: SegmentQuery) => Promise<string[]>) | undefined = undefined;

  /** The chosen segment's label (highlighted). */
  selected = '';

  private focusIndex = 0;
  private busy = false;

  private rowsOf(report: Report | null): ReactivationRow[] {
    const rows = report?.reactivation;
    return Array.isArray(rows) ? rows : [];
  }

  /** What resolves customer lists: `resolveCustomers`, else the board's. */
  private get resolver(): ((request: SegmentQuery) => Promise<string[]>) | undefined {
    return this.resolveCustomers ?? (this.report ? undefined : this.board?.segmentCustomers);
  }

  private fmt(v: number | null | undefined, unit: 'count' | 'currency' | 'ratio', compact = false): string {
    return formatValue(v, unit, { locale: this.activeLocale, currency: this.money, compact });
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: ReactivationMessageKey, params?: StringParams): string {
    return reactivationText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    return this.msg('reactivation.title');
  }

  protected override isEmpty(report: Report | null): boolean {
    return this.rowsOf(report).length === 0;
  }

  /** A figure of a segment in full, in the reader's language. */
  private full(r: ReactivationRow, f: Figure): string {
    return this.fmt(r[f], FIGURES[f]);
  }

  private rowText(r: ReactivationRow): string {
    const params: StringParams = { segment: segmentText(r.segment) };
    for (const f of FIGURE_NAMES) params[f] = this.full(r, f);
    return this.msg('reactivation.row', params);
  }

  protected override renderContent(report: Report): TemplateResult {
    const rows = this.rowsOf(report);
    const focus = Math.min(this.focusIndex, rows.length - 1);
    const narrow = this.width > 0 && this.width < NARROW;
    const before = addDays(report.period.from, -1);
    const baseDay = before === null ? null : formatDay(before, this.activeLocale);
    const maxRate = Math.max(0, ...rows.map((r) => r.rate ?? 0));
    const hintId = `${this.uid}-hint`;
    const lists = !!this.resolver;
    const chosen = rows.find((r) => r.segment === this.selected);
    return html`<div class="ra-root ${narrow ? 'narrow' : ''}">
      <h3 part="title">${this.widgetLabel()}</h3>
      ${baseDay ? html`<p part="base-day">${this.msg('reactivation.base', { date: baseDay })}</p>` : nothing}
      ${lists ? this.renderSwitch() : nothing}
      <div class="heads" aria-hidden="true">
        <span>${this.msg('reactivation.segment')}</span>
        ${FIGURE_NAMES.map(
          (f) => html`<span class=${f === 'rate' ? '' : 'num'}>${this.msg(`reactivation.${f}`)}</span>`,
        )}
      </div>
      <div
        part="segments"
        role="listbox"
        aria-label=${this.widgetLabel()}
        aria-describedby=${hintId}
        @keydown=${this.onKeydown}
      >
        ${rows.map((r, i) => {
          const isChosen = r.segment === this.selected;
          // The rate bar: against the highest rate, so differences between segments show.
          const fill = maxRate > 0 && r.rate !== null ? r.rate / maxRate : 0;
          return html`<div
            part="segment"
            role="option"
            id=${`${this.uid}-seg-${i}`}
            data-segment=${r.segment}
            tabindex=${i === focus ? 0 : -1}
            aria-selected=${isChosen ? 'true' : 'false'}
            title=${this.rowText(r)}
            @click=${() => this.choose(i)}
            @focus=${() => (this.focusIndex = i)}
          >
            <span class="seg">${this.msg('reactivation.segmentDays', { segment: segmentText(r.segment) })}</span>
            ${FIGURE_NAMES.map((f) =>
              f === 'rate'
                ? html`<span class="rate-cell">
                    <span part="rate" class="track" aria-hidden="true"
                      ><span class="fill" data-width=${`${fill * 100}%`}></span
                    ></span>
                    ${this.figure(f, this.fmt(r.rate, 'ratio'))}
                  </span>`
                : // Counts shortened on narrow cards; revenue always.
                  this.figure(f, this.fmt(r[f], FIGURES[f], narrow || f === 'revenue')),
            )}
          </div>`;
        })}
      </div>
      <p class="sr-only" id=${hintId}>${this.msg('reactivation.hint')}</p>
      <p part="chosen" role="status">
        ${
          chosen
            ? this.msg('reactivation.chosen', {
                segment: segmentText(chosen.segment),
                of: this.msg(`reactivation.of.${this.of}`),
                count: this.fmt(this.of === 'returned' ? chosen.returned : chosen.customers, 'count'),
              })
            : ''
        }
      </p>
      ${this.renderNotes(rows)}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The rate bars' widths, written through the CSSOM as a strict Content-Security-Policy
    // allows (a style attribute it would refuse).
    for (const fill of this.renderRoot.querySelectorAll<HTMLElement>('.fill')) fill.style.width = fill.dataset.width!;
  }

  /**
   * One figure of a segment: its name (read by assistive technology; shown on narrow cards,
   * where the column headings are hidden) and its value, then a space (between the figures
   * of the option's name).
   */
  private figure(field: Figure, value: string): TemplateResult {
    return html`<span class="num fig" data-field=${field}
      ><span class="fig-label">${this.msg(`reactivation.${field}`)} </span><span class="fig-value">${value}</span></span
    > `;
  }

  private renderSwitch(): TemplateResult {
    const name = `${this.uid}-of`;
    return html`<fieldset part="list-switch">
      <legend>${this.msg('reactivation.list')}</legend>
      ${REACTIVATION_LISTS.map(
        (of) =>
          html`<label
            ><input type="radio" name=${name} value=${of} .checked=${this.of === of} @change=${() => (this.of = of)} />
            ${this.msg(`reactivation.of.${of}`)}</label
          >`,
      )}
    </fieldset>`;
  }

  private renderNotes(rows: ReactivationRow[]): TemplateResult | typeof nothing {
    const notes: string[] = [];
    const bounds = this.bounds;
    if (bounds.length) {
      const expected = segmentLabels(bounds);
      const got = rows.map((r) => r.segment);
      if (expected.join() !== got.join())
        notes.push(
          this.msg('reactivation.mismatch', {
            report: got.map(segmentText).join(', '),
            bounds: bounds.join(','),
          }),
        );
    }
    if (rows.every((r) => r.customers === 0)) notes.push(this.msg('reactivation.noCustomers'));
    return notes.length ? html`<p part="note">${notes.join(' ')}</p>` : nothing;
  }

  private onKeydown = (e: KeyboardEvent): void => {
    const n = this.rowsOf(this.shownReport).length;
    if (!n) return;
    const action = listKey(e.key, this.focusIndex, n, true);
    if (!action) return;
    e.preventDefault();
    if ('choose' in action) return this.choose(Math.min(this.focusIndex, n - 1));
    const i = action.move;
    this.focusIndex = i;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[id="${this.uid}-seg-${i}"]`)?.focus(),
    );
  };

  /** The ids of a segment's list, through the resolver; rejects with a message in words when there is none. */
  private idsOf(segment: string, of: ReactivationList): Promise<string[]> {
    const resolve = this.resolver;
    if (!resolve) return Promise.reject(new Error(this.msg('reactivation.noList')));
    try {
      return Promise.resolve(resolve({ segment, of }));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Chooses the segment of row `index` and fires `promo-segment-select`. */
  private choose(index: number): void {
    const row = this.rowsOf(this.shownReport)[index];
    this.focusIndex = index;
    if (!row) return;
    this.selected = row.segment;
    const of = this.of;
    const detail: PromoSegmentSelectDetail = {
      segment: row.segment,
      of,
      customers: of === 'returned' ? row.returned : row.customers,
      ids: () => this.idsOf(row.segment, of),
    };
    this.dispatchEvent(new CustomEvent('promo-segment-select', { detail, bubbles: true, composed: true }));
  }

  protected override hasChart(): boolean {
    return false;
  }

  protected override renderMenuItems(): TemplateResult | typeof nothing {
    if (!this.resolver) return nothing;
    const chosen = this.rowsOf(this.shownReport).some((r) => r.segment === this.selected);
    return html`<button
      type="button"
      data-action="customers"
      ?disabled=${this.busy}
      @click=${() => void this.exportCustomers()}
    >
      ${this.msg(chosen ? 'reactivation.exportList' : 'reactivation.exportAll')}
    </button>`;
  }

  /**
   * Exports a customer list as CSV (customer id, segment): of `segment` (default: the chosen
   * one; every segment when none is chosen), everyone in it or those who returned (default:
   * `of`). Fires a cancelable `promo-export`; unless cancelled, the file is downloaded.
   * Resolves with the blob, or null when the list could not be made (a `promo-error` says why).
   */
  async exportCustomers(segment = this.selected, of: ReactivationList = this.of): Promise<Blob | null> {
    const rows = this.rowsOf(this.shownReport);
    const segments = segment && rows.some((r) => r.segment === segment) ? [segment] : rows.map((r) => r.segment);
    this.busy = true;
    try {
      const lists = await Promise.all(segments.map((s) => this.idsOf(s, of)));
      // What writes and downloads the file is loaded on the first export (a user's action).
      const { exportCustomerList } = await import('./customer-list.js');
      return await exportCustomerList(this, segments, lists, of, {
        caption: this.msg('reactivation.list'),
        columns: [this.msg('reactivation.customerId'), this.msg('reactivation.segment')],
      });
    } catch (error) {
      const message = this.msg('reactivation.listError', {
        message: error instanceof Error ? error.message : String(error),
      });
      this.dispatchEvent(
        new CustomEvent<PromoErrorDetail>('promo-error', { detail: { message, error }, bubbles: true, composed: true }),
      );
      return null;
    } finally {
      this.busy = false;
    }
  }

  protected override tableData(report: Report | null): DataTable | null {
    const rows = this.rowsOf(report);
    if (!rows.length) return null;
    return {
      caption: this.widgetLabel(),
      columns: [this.msg('reactivation.segment'), ...FIGURE_NAMES.map((f) => this.msg(`reactivation.${f}`))],
      numeric: [false, ...FIGURE_NAMES.map(() => true)],
      rows: rows.map((r) => [
        cell(r.segment, this.msg('reactivation.segmentDays', { segment: segmentText(r.segment) })),
        ...FIGURE_NAMES.map((f) => cell(r[f], this.full(r, f))),
      ]),
    };
  }
}
