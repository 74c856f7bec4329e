/**
 * The bars view of `<promo-campaign-chart>`: one horizontal bar per campaign on a KPI,
 * ranked, with an optional second metric. Bars are toggle buttons: a click, Enter or Space
 * selects one (it stays highlighted, the others dim, `aria-pressed="true"`), another is
 * picked directly, the same one again unselects. Filtering the board by the selection is
 * a separate button shown with it.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Report } from '../../engine/report-types.js';
import type { KpiReason, KpiUnit } from '../../core/vocabulary.js';
import { reasonText } from '../../i18n/strings.js';
import { changeCell, showChange } from '../shared/change.js';
import { cell, type DataCell, type DataTable } from '../shared/data-table.js';
import { listKey } from '../shared/list-keys.js';
import { textMeasurer } from '../shared/measure-text.js';
import { renderSelection } from '../shared/selection.js';
import { styleProps } from '../shared/style-props.js';
import {
  OTHERS_ID,
  barLayout,
  rankCampaigns,
  valuesFit,
  type BarLayout,
  type CampaignDatum,
  type Ranking,
  type SecondaryMode,
} from './bar-layout.js';
import type { ChartViewHost } from './view-host.js';
import { renderTooltip } from './tooltip.js';

type Row = CampaignDatum & { rank: number | null; count?: number };

/** Font sizes of the value texts, in em of the chart's font (as in the styles: `.value`, `.value.second`). */
const VALUE_EM = 0.92;
const SECOND_EM = 0.8;

export class BarsView {
  /** Index of the campaign row that takes focus (roving tabindex). */
  private focusIndex = 0;
  /** Tooltip of a row, and where to show it. */
  private tip: { index: number; left: number; top: number } | null = null;
  private ranking: Ranking | null = null;
  private layout: BarLayout | null = null;

  constructor(private readonly host: ChartViewHost) {}

  /** Forgets the tooltip (new data or settings). */
  reset(): void {
    this.tip = null;
  }

  /** The campaigns ranked: as drawn (top `limit`, then "others" or scrolling), or `all` (the table: never folded). */
  private rank(report: Report, all = false): Ranking {
    const h = this.host;
    return rankCampaigns(h.campaignData(report), {
      polarity: h.polarityOf(h.metric),
      limit: all ? Number.MAX_SAFE_INTEGER : Math.max(2, Number.isFinite(h.limit) ? h.limit : 10),
      additive: !all && h.additive(h.metric),
      secondaryAdditive: h.additive(h.secondaryMetric),
    });
  }

  /** Id of a campaign row's element. */
  private rowId(index: number): string {
    return `${this.host.uid}-opt-${index}`;
  }

  private rowName(id: string, count?: number): string {
    return id === OTHERS_ID ? this.host.msg('chart.others', { count: count ?? 0 }) : this.host.name(id);
  }

  render(report: Report): TemplateResult {
    const h = this.host;
    const ranking = this.rank(report);
    const rows: Row[] = ranking.rows.map((r) => ({ ...r, name: this.rowName(r.id, r.count) }));
    const unit = h.unitOf(h.metric);
    const unit2 = h.unitOf(h.secondaryMetric);
    const mode = h.secondaryMode;
    const width = h.chartWidth;
    const fs = h.fontSize;
    const { values, seconds, valueWidth } = this.valueTexts(rows, width, unit, unit2);
    const layout = barLayout(rows, {
      width,
      fontSize: fs,
      secondary: mode,
      valueLabels: values,
      secondaryLabels: seconds,
      valueWidth,
      tick: (v) => h.fmt(v, unit, true),
      secondaryTick: (v) => h.fmt(v, unit2, true),
    });
    this.ranking = ranking;
    this.layout = layout;
    const focus = Math.min(this.focusIndex, rows.length - 1);
    const title = h.title();
    const descId = `${h.uid}-desc`;
    const best = rows.find((r) => r.rank === 1);
    const summary = [
      best
        ? h.msg('chart.summary', {
            count: ranking.rows.length + Math.max(0, ranking.folded - 1),
            name: best.name,
            value: h.fmt(best.value, unit),
          })
        : '',
      h.msg('chart.select'),
    ].join(' ');
    const rowH = layout.rows[0]?.height ?? 0;
    const scrolling = ranking.mode === 'scroll';
    const maxHeight = scrolling ? layout.plot.y0 + rowH * h.limit + rowH / 2 : 0;
    const reasons = rows.flatMap((r) => [r.reason, r.secondaryReason]).filter((r): r is KpiReason => !!r);
    const { x0, x1, y0, y1 } = layout.plot;
    const picked = rows.some((r) => r.id === h.selected && r.id !== OTHERS_ID);
    return html`<div class="chart-root">
      <h3 part="title">${title}</h3>
      ${mode === 'none' ? nothing : this.renderLegend(mode)} ${this.renderSelection(picked)}
      <p class="sr-only" id=${descId}>${summary}</p>
      <div
        class="scroll ${scrolling ? 'scrolling' : ''}"
        style=${styleProps(scrolling ? { maxHeight: `${maxHeight}px` } : {})}
      >
        <svg
          part="chart"
          class=${picked ? 'picked' : ''}
          role="group"
          aria-label=${title}
          aria-describedby=${descId}
          width=${layout.width}
          height=${layout.height}
          viewBox="0 0 ${layout.width} ${layout.height}"
          @keydown=${this.onKeydown}
          @pointerleave=${() => this.setTip(null)}
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
          ${rows.map((r, i) => this.renderRow(r, i, layout, focus, unit, unit2, values[i]!, seconds[i] ?? ''))}
        </svg>
      </div>
      ${this.renderTip(rows, unit, unit2)} ${h.partial(reasons)}
    </div>`;
  }

  /**
   * The values printed beside the bars, and the width of their column: in full when they
   * fit the room the chart gives them (measured in the font they are drawn in), else all
   * compact ("1,3 tỷ ₫"), so a value never wraps or runs out of the card. The full values
   * stay in the tooltip, the table and each bar's accessible name.
   */
  private valueTexts(
    rows: readonly Row[],
    width: number,
    unit: KpiUnit,
    unit2: KpiUnit,
  ): { values: string[]; seconds: string[]; valueWidth: number } {
    const h = this.host;
    const fs = h.fontSize;
    const root = h.find('.promo-root');
    const bold = textMeasurer(root, '600');
    const plain = textMeasurer(root);
    const texts = (compact: boolean) => {
      const values = rows.map((r) => h.fmt(r.value, unit, compact));
      const seconds = h.secondaryMode === 'none' ? [] : rows.map((r) => h.fmt(r.secondary, unit2, compact));
      const valueWidth = Math.ceil(
        Math.max(
          bold('—', fs * VALUE_EM),
          ...values.map((v) => bold(v, fs * VALUE_EM)),
          ...seconds.map((v) => plain(v, fs * SECOND_EM)),
        ),
      );
      return { values, seconds, valueWidth };
    };
    const full = texts(false);
    return valuesFit(width, full.valueWidth) ? full : texts(true);
  }

  /** The selection and the one explicit step from it. */
  private renderSelection(picked: boolean): TemplateResult {
    const h = this.host;
    const id = picked ? h.selected : '';
    return renderSelection({
      name: id ? h.name(id) : '',
      filtered: !!id && h.filtered === id,
      msg: (key, params) => h.msg(key, params),
      filter: (on) => h.filterBy(on ? id : null),
    });
  }

  private renderLegend(mode: SecondaryMode): TemplateResult {
    const h = this.host;
    return html`<ul part="legend">
      <li>
        <svg width="14" height="10" aria-hidden="true"><rect class="bar" width="14" height="10" rx="2"></rect></svg>
        ${h.kpiLabel(h.metric)}
      </li>
      <li>
        <svg width="14" height="10" aria-hidden="true">
          ${
            mode === 'paired'
              ? svg`<rect class="bar2" y="2" width="14" height="7" rx="2"></rect>`
              : svg`<circle class="dot" cx="7" cy="5" r="4.5"></circle>`
          }
        </svg>
        ${mode === 'marker' ? h.msg('chart.topAxis', { kpi: h.kpiLabel(h.secondaryMetric) }) : h.kpiLabel(h.secondaryMetric)}
      </li>
    </ul>`;
  }

  /** A value in full, or "—" and why it is missing. */
  private valueText(v: number | null | undefined, unit: KpiUnit, reason?: KpiReason): string {
    return v === null || v === undefined
      ? `— (${reasonText(this.host.locale, reason ?? 'no-data')})`
      : this.host.fmt(v, unit);
  }

  private rowText(r: Row, unit: KpiUnit, unit2: KpiUnit): string {
    const h = this.host;
    const total = this.ranking?.rows.filter((x) => x.rank !== null).length ?? 0;
    const parts = [r.name, `${h.kpiLabel(h.metric)}: ${this.valueText(r.value, unit, r.reason)}`];
    if (h.secondaryMode !== 'none')
      parts.push(`${h.kpiLabel(h.secondaryMetric)}: ${this.valueText(r.secondary, unit2, r.secondaryReason)}`);
    if (r.rank !== null) parts.push(h.msg('chart.rankOf', { rank: r.rank, total }));
    if (r.id !== OTHERS_ID) {
      const kv = h.report?.byCampaign[r.id]?.[h.metric];
      const c = kv ? showChange(kv, unit, { locale: h.locale, currency: h.currency }) : null;
      if (c) parts.push(`${c.signed} ${h.msg('previous').toLowerCase()}`);
    }
    return parts.join('; ');
  }

  private renderRow(
    r: Row,
    i: number,
    layout: BarLayout,
    focus: number,
    unit: KpiUnit,
    unit2: KpiUnit,
    valueText: string,
    secondText: string,
  ) {
    const h = this.host;
    const g = layout.rows[i]!;
    const others = r.id === OTHERS_ID;
    const selected = !others && r.id === h.selected;
    const fs = h.fontSize;
    const reasonX = layout.zeroX + 4;
    return svg`<g
      role="button"
      class="row ${selected ? 'selected' : ''}"
      id=${this.rowId(i)}
      data-id=${others ? nothing : r.id}
      tabindex=${i === focus ? 0 : -1}
      aria-pressed=${others ? nothing : selected ? 'true' : 'false'}
      aria-disabled=${others ? 'true' : nothing}
      aria-label=${this.rowText(r, unit, unit2)}
      @click=${() => this.choose(i)}
      @focus=${() => this.showTip(i)}
      @blur=${() => this.setTip(null)}
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
      ${h.secondaryMode === 'none' ? nothing : this.renderSecond(r, g, layout)}
    </g>
    <g class="row-text ${selected ? 'selected' : ''}" aria-hidden="true">
      <text class="label" x=${g.labelX} y=${g.labelY} text-anchor=${layout.arrangement === 'side' ? 'end' : 'start'} dominant-baseline="central">${selected ? '✓ ' : ''}${g.label}</text>
      ${
        g.bar
          ? nothing
          : svg`<text class="reason" x=${reasonX} y=${g.valueY} dominant-baseline="central">${fitReason(reasonText(h.locale, r.reason ?? 'no-data'), layout.plot.x1 - reasonX, fs * 0.8)}</text>`
      }
      <text class="value" x=${layout.valueX} y=${g.valueY} text-anchor="end" dominant-baseline="central">${valueText}</text>
      ${
        h.secondaryMode === 'none'
          ? nothing
          : svg`<text class="value second" x=${layout.valueX} y=${g.secondY} text-anchor="end" dominant-baseline="central">${secondText}</text>`
      }
    </g>`;
  }

  /** The second lane's shapes: a bar (same unit) or a dot on its track (own axis). */
  private renderSecond(r: CampaignDatum, g: BarLayout['rows'][number], layout: BarLayout) {
    if (!g.second || r.secondary === null || r.secondary === undefined) return nothing;
    if (g.second.kind === 'bar')
      return svg`<rect class="bar2" x=${g.second.x} y=${g.second.y} width=${g.second.width} height=${g.second.height} rx="2"></rect>`;
    return svg`<line class="track2" x1=${layout.plot.x0} x2=${layout.plot.x1} y1=${g.secondY} y2=${g.secondY}></line><circle class="dot" cx=${g.second.cx} cy=${g.second.cy} r=${Math.max(4, this.host.fontSize * 0.35)}></circle>`;
  }

  private renderTip(rows: Row[], unit: KpiUnit, unit2: KpiUnit) {
    const tip = this.tip;
    if (!tip) return nothing;
    const r = rows[tip.index];
    return r ? renderTooltip(this.rowText(r, unit, unit2), tip.left, tip.top) : nothing;
  }

  private setTip(tip: BarsView['tip']): void {
    if (tip === this.tip) return;
    this.tip = tip;
    this.host.requestUpdate();
  }

  /** Places the tooltip under the row (or above it near the bottom of the frame). */
  private showTip(index: number): void {
    const h = this.host;
    const root = h.find<HTMLElement>('.promo-root');
    const row = h.find(`[id="${this.rowId(index)}"]`);
    if (!root || !row) return;
    const rb = root.getBoundingClientRect();
    const b = row.getBoundingClientRect();
    const bar = this.layout?.rows[index]?.bar;
    const left = Math.max(4, Math.min(rb.width - 200, (bar ? bar.x + bar.width : 0) * 0.5 + (b.left - rb.left)));
    const below = b.bottom - rb.top + 2;
    const top = below + 90 > rb.height ? Math.max(0, b.top - rb.top - 92) : below;
    this.setTip({ index, left, top });
  }

  private onKeydown = (e: KeyboardEvent): void => {
    const n = this.ranking?.rows.length ?? 0;
    if (!n) return;
    if (e.key === 'Escape') {
      this.setTip(null);
      return;
    }
    const action = listKey(e.key, this.focusIndex, n);
    if (!action) return;
    e.preventDefault();
    if ('choose' in action) return this.choose(Math.min(this.focusIndex, n - 1));
    const i = action.move;
    this.focusIndex = i;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const el = this.host.find<SVGGElement>(`[id="${this.rowId(i)}"]`);
      el?.focus();
      el?.scrollIntoView?.({ block: 'nearest' });
    });
  };

  /** Selects the row's campaign, or unselects it when it is the selected one. Never filters. */
  private choose(index: number): void {
    const row = this.ranking?.rows[index];
    this.focusIndex = index;
    this.host.requestUpdate();
    if (!row || row.id === OTHERS_ID) return;
    this.host.select(this.host.selected === row.id ? null : row.id);
  }

  /** Every campaign, never folded. */
  table(report: Report): DataTable {
    const h = this.host;
    const unit = h.unitOf(h.metric);
    const unit2 = h.unitOf(h.secondaryMetric);
    const second = h.secondaryMode !== 'none';
    const rows = this.rank(report, true).rows;
    const val = (v: number | null | undefined, u: KpiUnit, reason?: KpiReason): DataCell =>
      cell(v ?? null, this.valueText(v, u, reason));
    return {
      caption: h.title(),
      columns: [
        h.msg('campaign'),
        h.msg('chart.rank'),
        h.kpiLabel(h.metric),
        ...(second ? [h.kpiLabel(h.secondaryMetric)] : []),
        `${h.msg('change')} (${h.kpiLabel(h.metric)})`,
      ],
      numeric: [false, true, true, ...(second ? [true] : []), true],
      rows: rows.map((r) => {
        const kv = report.byCampaign[r.id]?.[h.metric];
        return [
          cell(r.name),
          cell(r.rank, r.rank === null ? '—' : String(r.rank)),
          val(r.value, unit, r.reason),
          ...(second ? [val(r.secondary, unit2, r.secondaryReason)] : []),
          kv ? changeCell(kv, unit, { locale: h.locale, currency: h.currency }) : cell(null, '—'),
        ];
      }),
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
