/**
 * The grid of `<promo-cohort-heatmap>`: cohorts by period since first order as an ARIA grid
 * of coloured cells, each with its value printed, an accessible name and a tooltip; the
 * colour legend below it.
 */
import { html, nothing, svg, type ReactiveController, type TemplateResult } from 'lit';
import type { CohortRow, Report } from '../../engine/report-types.js';
import type { KpiUnit } from '../../core/vocabulary.js';
import { styleProps } from '../shared/style-props.js';
import { GridCursor } from './grid-keys.js';
import {
  cellColor,
  heatmapLayout,
  legendStops,
  lightText,
  rowValues,
  textWidth,
  type HeatmapLayout,
} from './layout.js';
import type { CohortGrain, HeatmapViewHost } from './view-host.js';

export class HeatmapGridView implements ReactiveController {
  /** The hovered or focused cell's tooltip, and where it shows. */
  private tip: { row: number; col: number; left: number; top: number } | null = null;
  private readonly cursor: GridCursor;

  constructor(private readonly host: HeatmapViewHost) {
    host.addController(this);
    this.cursor = new GridCursor(
      host,
      (row, col) => this.cellId(row, col),
      (selector) => host.find(selector),
      () => this.hideTip(),
    );
  }

  hostConnected(): void {}

  /** Forgets the tooltip (new data or settings). */
  reset(): void {
    this.tip = null;
  }

  private cellId(row: number, col: number): string {
    return `${this.host.uid}-cell-${row}-${col}`;
  }

  private hideTip(): void {
    this.tip = null;
    this.host.requestUpdate();
  }

  /** The grid in `width` px, with its summary and legend. */
  render(report: Report, width: number, grain: CohortGrain): TemplateResult {
    const h = this.host;
    const rows = report.cohorts.rows;
    const mode = h.heatMode;
    const unit = h.cellUnit;
    const fs = h.fontSize;
    const cols = Math.max(0, ...rows.map((r) => rowValues(r, mode).length));
    // Row labels keep the cohort size: the numeric date when the long label is too wide.
    const longLabels = rows.map((r) => `${h.cohortLabel(r.cohort, grain)} · ${h.fmt(r.size, 'count')}`);
    const widest = Math.max(0, ...longLabels.map((s) => textWidth(s, fs * 0.9)));
    const rowLabels =
      widest + 8 <= Math.max(160, width) * 0.4
        ? longLabels
        : rows.map((r) => `${h.cohortLabel(r.cohort, grain, true)} · ${h.fmt(r.size, 'count')}`);
    // Retention cells at the kit's one precision for percentages; amounts compact.
    const cellFormat = (v: number) => h.fmt(v, unit, unit !== 'ratio');
    const grid = heatmapLayout(rows, mode, {
      width,
      fontSize: fs,
      rowLabels,
      colLabels: Array.from({ length: cols }, (_, k) => h.periodLabel(k, grain)),
      format: cellFormat,
    });
    const lengths = rows.map((r) => rowValues(r, mode).filter(Number.isFinite).length);
    const active = this.cursor.active(lengths);
    const title = h.title();
    const descId = `${h.uid}-desc`;
    const customers = rows.reduce((s, r) => s + (Number.isFinite(r.size) ? r.size : 0), 0);
    const k = cols > 1 ? 1 : 0;
    const atK = rows.map((r) => rowValues(r, mode)[k]).filter((v): v is number => Number.isFinite(v));
    const summary = h.msg('cohort.summary', {
      count: rows.length,
      customers: h.fmt(customers, 'count'),
      period: h.periodLabel(k, grain),
      value: h.fmt(atK.length ? atK.reduce((s, v) => s + v, 0) / atK.length : null, unit),
    });
    const labelW = grid.rowHeaderWidth - 8;
    const heat = h.heatColors();
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
          @keydown=${(e: KeyboardEvent) => this.cursor.onKeydown(e, lengths)}
          @pointerleave=${() => this.hideTip()}
        >
          <g role="row" aria-rowindex="1">
            <g role="columnheader">
              <text class="head" x="0" y=${fs}>
                ${fit(`${h.msg('cohort.cohort')} · ${h.msg('cohort.size').toLowerCase()}`, labelW, fs * 0.8)}
              </text>
            </g>
            ${grid.cols.map(
              (c, i) =>
                svg`<g role="columnheader" aria-label=${h.periodLabel(i, grain)}><text class="head" x=${c.x} y=${fs} text-anchor="middle">${c.label}</text></g>`,
            )}
          </g>
          ${rows.map((r, i) => {
            const y = grid.rows[i].y;
            return svg`<g role="row" aria-rowindex=${i + 2}>
              <g role="rowheader" aria-label=${`${h.cohortLabel(r.cohort, grain)}, ${h.fmt(r.size, 'count')} ${h.msg('cohort.size').toLowerCase()}`}>
                <text class="row-label" x="0" y=${y} dominant-baseline="central">${fit(rowLabels[i], labelW, fs * 0.9)}</text>
              </g>
              ${grid.cells
                .filter((c) => c.row === i)
                .map((c) => {
                  const color = cellColor(c.t);
                  const isActive = c.row === active.row && c.col === active.col;
                  return svg`<g
                    role="gridcell"
                    id=${this.cellId(c.row, c.col)}
                    tabindex=${isActive ? 0 : -1}
                    aria-label=${this.cellText(r, c.col, c.value, grain)}
                    data-row=${c.row}
                    data-col=${c.col}
                    data-value=${c.value}
                    @focus=${() => this.showTip(c.row, c.col)}
                    @blur=${() => this.hideTip()}
                    @pointerenter=${() => this.showTip(c.row, c.col)}
                    @click=${() => this.cursor.set({ row: c.row, col: c.col })}
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

  /** The accessible name (and tooltip) of a cell. */
  private cellText(r: CohortRow, k: number, value: number, grain: CohortGrain): string {
    const h = this.host;
    const text = h.msg('cohort.cell', {
      cohort: h.cohortLabel(r.cohort, grain),
      size: h.fmt(r.size, 'count'),
      period: h.periodLabel(k, grain),
      value: h.fmt(value, h.cellUnit),
    });
    if (h.heatMode === 'revenue') return text;
    // Retention also in customers: the share of the cohort, as a count.
    return `${text} (${h.fmt(Math.round(value * r.size), 'count')}/${h.fmt(r.size, 'count')})`;
  }

  private renderLegend(grid: HeatmapLayout, unit: KpiUnit): TemplateResult {
    const h = this.host;
    const id = `${h.uid}-grad`;
    const min = h.fmt(grid.domain[0], unit, true);
    const max = h.fmt(grid.domain[1], unit, true);
    return html`<div part="legend">
      <span>${min}</span>
      <svg
        role="img"
        aria-label=${h.msg('cohort.legend', { min, max })}
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
      <span>${max}${h.heatMode === 'retention' && grid.domain[1] < 1 ? '+' : ''}</span>
    </div>`;
  }

  /** The tooltip of the hovered or focused cell. */
  renderTip(report: Report, grain: CohortGrain) {
    const tip = this.tip;
    if (!tip || this.host.recencyMode) return nothing;
    const r = report.cohorts.rows[tip.row];
    const v = r ? rowValues(r, this.host.heatMode)[tip.col] : undefined;
    if (!r || v === undefined) return nothing;
    return html`<div
      part="tooltip"
      aria-hidden="true"
      style=${styleProps({ left: `${tip.left}px`, top: `${tip.top}px` })}
    >
      ${this.cellText(r, tip.col, v, grain)}
    </div>`;
  }

  private showTip(row: number, col: number): void {
    const root = this.host.find<HTMLElement>('.promo-root');
    const el = this.host.find(`[id="${this.cellId(row, col)}"]`);
    if (!root || !el) return;
    const rb = root.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    const left = Math.max(4, Math.min(rb.width - 220, b.left - rb.left));
    const below = b.bottom - rb.top + 4;
    const top = below + 60 > rb.height ? Math.max(0, b.top - rb.top - 64) : below;
    this.tip = { row, col, left, top };
    this.host.requestUpdate();
  }
}

/** A label cut to `width` px. */
function fit(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const n = Math.max(1, Math.floor(width / (fontSize * 0.58)) - 1);
  return text.slice(0, n).trimEnd() + '…';
}
