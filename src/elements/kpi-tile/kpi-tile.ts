import { html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatValue } from '../../format/format.js';
import { formatDay, formatDayRange } from '../../format/date.js';
import { changeCell, showChange } from '../shared/change.js';
import { KPI_UNITS, type KpiUnit } from '../../core/vocabulary.js';
import type { KpiMeta, KpiValue, Report } from '../../engine/report-types.js';
import { kpiLabel, kpiMeta, own } from '../shared/kpi-meta.js';
import { reasonText } from '../../i18n/strings.js';
import { PromoWidget, WidgetError } from '../shared/widget.js';
import { booleanValue, numberValue, oneOf } from '../shared/converters.js';
import { cell, type DataTable } from '../shared/data-table.js';
import { kpiTileStyles } from './kpi-tile.styles.js';
import { dailySeries, sparkline, targetProgress } from './layout.js';
import { ARROWS, toneOf } from '../shared/tone.js';
import { tileText, type TileMessageKey } from '../../i18n/kpi-tile.js';
import type { StringParams } from '../../i18n/translate.js';

const SPARK_HEIGHT = 36;

/**
 * One KPI of a report: its label (from the report's KPI metadata, in the locale), its value
 * formatted by unit, the change against the previous period with an arrow coloured by the
 * KPI's polarity, a sparkline of the daily series, and progress to a target. A KPI with no
 * value shows "—" and the reason in words.
 *
 * Reads `report.kpis[kpi]`, or `report.byCampaign[campaign][kpi]` with `campaign`. Without
 * a report (and outside a board), `label`, `value` and `unit` show a value of your own.
 *
 * @summary Shows one KPI: value, change, trend and target.
 *
 * @csspart base - The tile's frame.
 * @csspart label - The KPI label.
 * @csspart value - The formatted value (or "—").
 * @csspart reason - Why the value is missing, in words.
 * @csspart delta - The change against the previous period (arrow, signed percentage).
 * @csspart chart - The sparkline SVG (also exported as SVG/PNG).
 * @csspart sparkline - The sparkline SVG.
 * @csspart target - Progress to the target (bar and text).
 * @csspart actions - The "data and export" menu.
 * @csspart table - The data table ("show as table").
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty-state message.
 * @csspart error - The error message.
 *
 * @cssproperty --promo-color-surface - Tile background.
 * @cssproperty --promo-color-surface-muted - Skeleton, target track and table header background.
 * @cssproperty --promo-color-text - Value colour.
 * @cssproperty --promo-color-text-muted - Label and caption colour.
 * @cssproperty --promo-color-border - Tile border.
 * @cssproperty --promo-color-accent - Sparkline and target bar.
 * @cssproperty --promo-color-focus - Focus ring.
 * @cssproperty --promo-color-good - A change for the better; target met.
 * @cssproperty --promo-color-bad - A change for the worse.
 * @cssproperty --promo-color-neutral - A change that is neither.
 * @cssproperty --promo-font-family - Font.
 * @cssproperty --promo-font-size - Base font size.
 * @cssproperty --promo-radius - Corner radius.
 * @cssproperty --promo-space - Padding and gaps.
 * @cssproperty --promo-shadow - Tile shadow.
 *
 * @event promo-error - A render or export failed, or the Vietnamese strings could not be loaded (shown in English instead); `detail: { message, error }`.
 * @event promo-export - Before an export is downloaded; `detail: { format, filename, blob }`; cancel it to handle the file yourself.
 */
export class PromoKpiTile extends PromoWidget {
  static override styles = kpiTileStyles;

  /** The reactive properties, in Lit's static `properties` (not its decorators: see `PromoWidget.properties`). */
  static override properties: PropertyDeclarations = {
    kpi: {},
    campaign: {},
    target: { converter: numberValue },
    compact: { type: Boolean, converter: booleanValue('compact') },
    label: {},
    value: { converter: numberValue },
    unit: { converter: oneOf(KPI_UNITS) },
  };

  /** KPI id (`revenue`, `roi`, `cac`, or a custom KPI's id) of the report's `kpis`. */
  kpi = '';

  /** A campaign id: show the KPI of that campaign alone (`report.byCampaign[id]`). */
  campaign = '';

  /** A goal for the value; default: the campaign's target for this KPI, if any. */
  target: number | undefined = undefined;

  /** Short numbers (1,2 tr, 12K). Also used automatically when the full value does not fit on one line. */
  compact = false;

  /** Label; default: the KPI's label from the report's metadata, in the locale. */
  label = '';

  /** A value of your own, shown when there is no report; `null` shows "—". */
  value: number | null = null;

  /** How the value is formatted; default: the KPI's unit from the report's metadata, else `number`. */
  unit: KpiUnit | undefined = undefined;

  /** The KPI's metadata in the report shown (label, unit, polarity, daily series). */
  private get meta(): KpiMeta | undefined {
    return kpiMeta(this.shownReport, this.kpi);
  }

  /** No report: show `value` and `label` as given (or "—"). */
  private get manual(): boolean {
    return !this.shownReport && (this.value !== null || !this.kpi);
  }

  private get resolvedUnit(): KpiUnit {
    return this.unit ?? this.meta?.unit ?? 'number';
  }

  /** The full value did not fit on one line at the width and text in `#fitKey`: shown compact. */
  #tooWide = false;
  #fitKey = '';

  private get fmt() {
    return { locale: this.activeLocale, currency: this.money, compact: this.compact || this.#tooWide };
  }

  /** A value in full (never compact): the tooltip, the table, the whole comparison phrase. */
  #full(value: number | null, unit = this.resolvedUnit): string {
    return formatValue(value, unit, { ...this.fmt, compact: false });
  }

  /** The share of the target bar filled in the last render (see `updated`). */
  #targetFill = 0;

  /**
   * The value never wraps: after each render, a full value wider than the tile turns
   * compact (the full one stays in the tooltip, the table and the accessible name); when
   * the width or the value changes, the full value is tried again.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The target bar's width, written through the CSSOM (allowed under a strict
    // Content-Security-Policy) as soon as it is rendered, before the browser paints.
    const fill = this.renderRoot.querySelector<HTMLElement>('[part~="target"] .fill');
    if (fill) fill.style.width = `${this.#targetFill * 100}%`;
    this.#fitComparison();
    const el = this.renderRoot.querySelector<HTMLElement>('[part~="value"]:not(.config-error)');
    if (!el || this.compact) return;
    const key = `${el.title}|${el.clientWidth}`;
    if (this.#tooWide) {
      if (key !== this.#fitKey) {
        this.#tooWide = false;
        this.requestUpdate();
      }
    } else if (el.scrollWidth > el.clientWidth + 1) {
      this.#tooWide = true;
      this.#fitKey = key;
      this.requestUpdate();
    }
  }

  /**
   * The comparison phrase ("previous period: ₫1,006,110,000") never breaks inside. Where it
   * does not fit the tile's width it shortens, a step at a time, to the shortest that fits:
   * the value in its shorter form (full or compact, whichever is shorter), then the short
   * phrase ("prev.: ₫1B"); the last step is cut with an ellipsis, the whole phrase in its title.
   */
  #vsStep = 0;
  #vsKey = '';

  /** The phrase at step `step` (see above); step -1 is the whole phrase, with the full value. */
  #comparison(previous: number | null, step = this.#vsStep): string {
    const unit = this.resolvedUnit;
    const full = this.#full(previous, unit);
    const compact = formatValue(previous, unit, { ...this.fmt, compact: true });
    const shorter = compact.length < full.length ? compact : full;
    const value = step < 0 ? full : step === 0 ? formatValue(previous, unit, this.fmt) : shorter;
    return this.msg(step < 2 ? 'delta.vs' : 'delta.vsShort', { value });
  }

  /** After a render: one step shorter while the phrase overflows; a new width or phrase starts over. */
  #fitComparison(): void {
    const vs = this.renderRoot.querySelector<HTMLElement>('[part~="delta"][data-trend] .vs');
    if (!vs) return;
    const key = `${vs.title}|${vs.parentElement!.clientWidth}`;
    if (this.#vsStep > 0 && key !== this.#vsKey) {
      this.#vsStep = 0;
      this.requestUpdate();
    } else if (this.#vsStep < 2 && vs.scrollWidth > vs.clientWidth + 1) {
      this.#vsStep++;
      this.#vsKey = key;
      this.requestUpdate();
    }
  }

  /** A UI string in the widget's locale: one of its own or a shared one. */
  protected override msg(key: TileMessageKey, params?: StringParams): string {
    return tileText(this.activeLocale, key, params);
  }

  protected override widgetLabel(): string {
    const base = this.label || kpiLabel(this.shownReport, this.kpi, this.activeLocale);
    return this.campaign ? `${base} · ${this.campaignName(this.campaign)}` : base;
  }

  protected override isEmpty(report: Report | null): boolean {
    // A value the tile can't read is shown where the value goes, even without a report.
    return !report && !this.manual && !this.configErrors.length;
  }

  /** Shown in place of the value (see `renderContent`). */
  protected override renderConfigErrors(): typeof nothing {
    return nothing;
  }

  /** The KPI's value in the report, or throws a user-facing error for an unknown KPI or campaign. */
  private valueIn(report: Report): KpiValue {
    // Own keys only: ids such as `toString` or `constructor` must not find Object's members.
    const scope = this.campaign ? own<Report['kpis']>(report.byCampaign, this.campaign) : report.kpis;
    if (!scope) throw new WidgetError(this.msg('unknownCampaign', { id: this.campaign }));
    const kv = own<KpiValue>(scope, this.kpi);
    if (!kv && !this.meta) throw new WidgetError(this.msg('unknownKpi', { id: this.kpi }));
    return kv ?? { value: null, previous: null, delta: null, change: null, reason: 'no-data' };
  }

  private dailySeries(report: Report): (number | null)[] {
    return dailySeries(report.daily, this.meta, this.campaign);
  }

  private get resolvedTarget(): number | undefined {
    if (Number.isFinite(this.target)) return this.target;
    return this.campaign ? this.campaignInfo(this.campaign)?.targets?.[this.kpi] : undefined;
  }

  protected override hasChart(report: Report | null): boolean {
    return !!report && this.dailySeries(report).length >= 2;
  }

  protected override renderContent(report: Report | null): TemplateResult {
    const label = this.widgetLabel();
    const unit = this.resolvedUnit;
    const kv: KpiValue = report
      ? this.valueIn(report)
      : { value: this.value, previous: null, delta: null, change: null };
    const narrow = this.width > 0 && this.width < 200;
    const problems = this.configErrors;
    // Four blocks, each in a row of its own (see TILE_ROWS): in a grid of tiles that shares
    // its rows, the labels, values, changes and trends of a row line up.
    const table = this.tableOpen ? this.tableData(report) : null;
    const more = [
      report ? this.renderSparkline(report) : nothing,
      this.renderTarget(kv.value, unit),
      table ? super.renderTable(table) : nothing,
    ];
    return html`<div class="tile ${narrow ? 'narrow' : ''}">
      <div part="label">${label}</div>
      <div class="figure">
        ${
          problems.length
            ? html`<div part="value config-error" class="config-error" role="alert">
                ${problems.map((p) => html`<div>${this.configMessage(p)}</div>`)}
              </div>`
            : html`<div part="value" title=${ifDefined(kv.value !== null ? this.#full(kv.value, unit) : undefined)}>
                ${formatValue(kv.value, unit, this.fmt)}
              </div>`
        }
        ${kv.value === null && kv.reason ? html`<div part="reason">${reasonText(this.activeLocale, kv.reason)}</div>` : nothing}
      </div>
      ${report ? this.renderDelta(kv) : nothing}
      ${more.some((m) => m !== nothing) ? html`<div class="more">${more}</div>` : nothing}
    </div>`;
  }

  /** The table is shown in the tile's last row (see `renderContent`), not after it. */
  protected override renderTable(): typeof nothing {
    return nothing;
  }

  private renderDelta(kv: KpiValue): TemplateResult {
    const c = showChange(kv, this.resolvedUnit, this.fmt);
    if (!c) return html`<div part="delta" class="tone-neutral"><span class="vs">${this.msg('delta.none')}</span></div>`;
    const trend = c.trend;
    const tone = toneOf(trend, this.meta?.polarity ?? 'neutral');
    // The words are keyed by the trend and the tone (`delta.up`, `delta.flat`, `delta.good`...);
    // a flat change is neutral.
    const words = `${this.msg(`delta.${trend}`, { value: c.spoken })}${tone === 'neutral' ? '' : `, ${this.msg(`delta.${tone}`)}`}`;
    const vs = this.#comparison(kv.previous);
    const whole = this.#comparison(kv.previous, -1);
    return html`<div part="delta" class="tone-${tone}" data-trend=${trend} data-tone=${tone} data-kind=${c.kind}>
      <span class="change" aria-hidden="true">${ARROWS[trend]} <bdi>${c.signed}</bdi></span>
      <span class="vs" aria-hidden="true" title=${whole}>${vs}</span>
      <span class="sr-only">${words}</span>
    </div>`;
  }

  private renderSparkline(report: Report): TemplateResult | typeof nothing {
    const values = this.dailySeries(report);
    const width = Math.max(80, this.width || 240);
    const g = sparkline(values, width, SPARK_HEIGHT);
    if (!g) return nothing;
    const label = this.msg('trend', { from: report.period.from, to: report.period.to });
    return html`<svg
      part="chart sparkline"
      role="img"
      aria-label=${label}
      viewBox="0 0 ${width} ${SPARK_HEIGHT}"
      preserveAspectRatio="none"
    >
      ${svg`<path d=${g.path} vector-effect="non-scaling-stroke"></path><circle cx=${g.last.x} cy=${g.last.y} r="2.5"></circle>`}
    </svg>`;
  }

  private renderTarget(value: number | null, unit: KpiUnit): TemplateResult | typeof nothing {
    const target = this.resolvedTarget;
    if (target === undefined) return nothing;
    const p = targetProgress(value, target, this.meta?.polarity ?? 'higher-is-better');
    this.#targetFill = p?.fill ?? 0;
    const targetText = formatValue(target, unit, this.fmt);
    const text = p
      ? this.msg('targetProgress', {
          percent: formatValue(p.ratio, 'ratio', { locale: this.activeLocale }),
          target: targetText,
        })
      : `${this.msg('target')}: ${targetText}`;
    return html`<div part="target">
      <div class="track" aria-hidden="true">
        <div class="fill ${p?.met ? 'met' : ''}"></div>
      </div>
      <span>${text}${p?.met ? ' ✓' : ''}</span>
    </div>`;
  }

  protected override tableData(report: Report | null): DataTable | null {
    const label = this.widgetLabel();
    const unit = this.resolvedUnit;
    const f = (v: number | null) => cell(v, this.#full(v, unit));
    if (!report) {
      return this.manual
        ? {
            caption: label,
            columns: [this.msg('kpi'), this.msg('value')],
            numeric: [false, true],
            rows: [[cell(label), f(this.value)]],
          }
        : null;
    }
    const kv = this.valueIn(report);
    const { period, previous } = report;
    const locale = this.activeLocale;
    const rows = [
      [cell(`${period.from} – ${period.to}`, formatDayRange(period.from, period.to, locale)), f(kv.value)],
      [
        previous
          ? cell(
              `${this.msg('previous')} (${previous.from} – ${previous.to})`,
              `${this.msg('previous')} (${formatDayRange(previous.from, previous.to, locale)})`,
            )
          : cell(this.msg('previous')),
        f(kv.previous),
      ],
      [cell(this.msg('change')), changeCell(kv, unit, this.fmt)],
    ];
    if (kv.value === null && kv.reason) rows[0][1] = cell(null, `— (${reasonText(this.activeLocale, kv.reason)})`);
    const target = this.resolvedTarget;
    if (target !== undefined) rows.push([cell(this.msg('target')), f(target)]);
    const series = this.dailySeries(report);
    if (series.length)
      report.daily.forEach((d, i) => rows.push([cell(d.date, formatDay(d.date, locale)), f(series[i] ?? null)]));
    return { caption: label, columns: [this.msg('date'), label], numeric: [false, true], rows };
  }
}
