/**
 * The grid of `<promo-cohort-heatmap>`: cohorts by period since first order as an ARIA grid
 * of coloured cells, each with its value printed, an accessible name and a tooltip; the
 * colour legend below it. The keyboard moves a roving cursor over the cells of the triangle
 * (arrow keys, Home / End, Ctrl+Home / Ctrl+End), focus follows it and scrolls the cell into
 * view; Escape closes the tooltip.
 */
import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CohortRow, Report } from '../../engine/report-types.js';
import { textMeasurer } from '../shared/measure-text.js';
import {
  cellColor,
  heatmapLayout,
  legendStops,
  lightText,
  moveCell,
  periodCount,
  rowValues,
  type HeatmapLayout,
} from './layout.js';
import { cohortLabel, fmt, msg, periodLabel, unitOf, type HeatmapView } from './view-host.js';

interface Cell {
  row: number;
  col: number;
}

const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Escape'];

export class HeatmapGridView implements ReactiveController {
  /** The hovered or focused cell's tooltip, and where it shows. */
  private tip: { row: number; col: number; left: number; top: number } | null = null;
  /** The cell that takes focus (roving tabindex). */
  private cursor: Cell = { row: 0, col: 0 };

  /** `host`: the element the grid is drawn in. */
  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  /** Room the row headers keep at the start of a grid that scrolls (px; 0 when it fits). */
  private stickyWidth = 0;

  /** An element of the host's shadow root. */
  private find<T extends Element>(selector: string): T | null {
    return this.host.renderRoot?.querySelector<T>(selector) ?? null;
  }

  /**
   * After each render: where the tooltip shows and the scroll state of the grid. Positions
   * are written through the CSSOM, which a strict Content-Security-Policy allows (as are the
   * colours, bound to `.style`, which sets its text through the CSSOM too).
   */
  hostUpdated(): void {
    const tip = this.tip && this.find<HTMLElement>('[part~="tooltip"]');
    if (tip) Object.assign(tip.style, { left: `${this.tip!.left}px`, top: `${this.tip!.top}px` });
    this.syncScroll();
  }

  /**
   * Keeps the row headers in view while the grid scrolls sideways (`--sx` moves their layer
   * by the scroll offset), and marks the frame scrolled (`data-scrolled`) and with more to
   * the right (`data-more`), which the styles show.
   */
  private syncScroll(): void {
    const scroller = this.find<HTMLElement>('.scroll-x');
    const wrap = scroller?.parentElement;
    if (!scroller || !wrap) return;
    // A cell scrolled into view by the keyboard stops beside the row headers, not under them.
    scroller.style.scrollPaddingInlineStart = this.stickyWidth ? `${this.stickyWidth}px` : '';
    const sx = Math.max(0, scroller.scrollLeft);
    scroller.querySelector('svg')?.style.setProperty('--sx', `${sx}px`);
    wrap.toggleAttribute('data-scrolled', sx > 0);
    wrap.toggleAttribute('data-more', sx + scroller.clientWidth < scroller.scrollWidth - 1);
  }

  /** Forgets the tooltip (new data or settings). */
  reset(): void {
    this.tip = null;
  }

  /** A cell of the grid. */
  private cellAt({ row, col }: Cell): SVGGElement | null {
    return this.find(`[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
  }

  /** The cell an event on the grid happened in, if any (one listener on the grid serves every cell). */
  private cellOf(e: Event): Cell | null {
    const g = (e.target as Element).closest<SVGGElement>('[role="gridcell"]');
    return g && { row: Number(g.dataset.row), col: Number(g.dataset.col) };
  }

  private hideTip(): void {
    this.tip = null;
    this.host.requestUpdate();
  }

  /** Puts the cursor on a cell (a click; null: a click beside the cells). */
  private setCursor(cell: Cell | null): void {
    if (!cell) return;
    this.cursor = cell;
    this.host.requestUpdate();
  }

  /** Handles a key on the grid whose rows have `lengths` cells. */
  private onKeydown(e: KeyboardEvent, lengths: readonly number[]): void {
    if (!KEYS.includes(e.key)) return;
    e.preventDefault();
    if (e.key === 'Escape') return this.hideTip();
    const next = moveCell(lengths, this.cursor, e.key, e.ctrlKey || e.metaKey);
    this.setCursor(next);
    void this.host.updateComplete.then(() => {
      const el = this.cellAt(next);
      el?.focus();
      el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    });
  }

  /** The grid in `width` px, with its summary and legend; `heat`: the heat colours (low, high). */
  render(report: Report, width: number, v: HeatmapView, heat: readonly string[]): TemplateResult {
    const rows = report.cohorts.rows;
    const mode = v.mode;
    const unit = unitOf(v);
    const cols = periodCount(rows, mode);
    // Row labels keep the cohort size: the numeric date when the long label is too wide, on
    // two lines (date over size) when the grid would not fit otherwise.
    const size = (r: CohortRow) => fmt(v, r.size, 'count');
    const sizeWord = msg(v, 'cohort.size').toLowerCase();
    const corner = [msg(v, 'cohort.cohort'), sizeWord] as const;
    const rowLines = rows.map((r) => [cohortLabel(v, r.cohort, true), size(r)] as const);
    // Retention cells at the kit's one precision for percentages; amounts compact.
    const cellFormat = (x: number) => fmt(v, x, unit, unit !== 'ratio');
    const grid = heatmapLayout(rows, mode, {
      width,
      fontSize: v.fontSize,
      rowLabels: rows.map((r) => `${cohortLabel(v, r.cohort)} · ${size(r)}`),
      shortRowLabels: rowLines.map((l) => l.join(' · ')),
      rowLines,
      corner,
      colLabels: Array.from({ length: cols }, (_, k) => periodLabel(v, k)),
      format: cellFormat,
      measure: textMeasurer(v.root),
    });
    const lengths = rows.map((r) => rowValues(r, mode).filter(Number.isFinite).length);
    const active = moveCell(lengths, this.cursor, '');
    const descId = `${v.uid}-desc`;
    const customers = rows.reduce((s, r) => s + (Number.isFinite(r.size) ? r.size : 0), 0);
    const k = cols > 1 ? 1 : 0;
    // The cells of period k: the values the cohorts have there.
    const atK = grid.cells.filter((c) => c.col === k);
    const summary = msg(v, 'cohort.summary', {
      count: rows.length,
      customers: fmt(v, customers, 'count'),
      period: periodLabel(v, k),
      value: fmt(v, atK.length ? atK.reduce((s, c) => s + c.value, 0) / atK.length : null, unit),
    });
    this.stickyWidth = grid.scrolls ? grid.rowHeaderWidth : 0;
    return html`<p class="sr-only" id=${descId}>${summary}</p>
      <div class="scroll-wrap ${grid.scrolls ? 'scrolls' : ''}">
        <div class="scroll-x" @scroll=${() => this.syncScroll()}>
          <svg
            part="chart"
            role="grid"
            aria-label=${v.title}
            aria-describedby=${descId}
            aria-rowcount=${rows.length + 1}
            width=${grid.width}
            height=${grid.height}
            viewBox="0 0 ${grid.width} ${grid.height}"
            @keydown=${(e: KeyboardEvent) => this.onKeydown(e, lengths)}
            @focusin=${(e: Event) => this.showTip(this.cellOf(e))}
            @pointerover=${(e: Event) => this.showTip(this.cellOf(e))}
            @click=${(e: Event) => this.setCursor(this.cellOf(e))}
            @focusout=${() => this.hideTip()}
            @pointerleave=${() => this.hideTip()}
          >
            <g role="row" aria-rowindex="1">
              <g role="columnheader" aria-label=${corner.join(' · ')}>${this.renderCorner(grid, v.fontSize)}</g>
              ${grid.cols.map(
                (c) =>
                  svg`<g role="columnheader" aria-label=${c.label}><text class="head" x=${c.x} y=${grid.headBaseline} text-anchor="middle">${c.label}</text></g>`,
              )}
            </g>
            ${rows.map((r, i) => {
              return svg`<g role="row" aria-rowindex=${i + 2}>
              <g role="rowheader" aria-label=${`${cohortLabel(v, r.cohort)}, ${size(r)} ${sizeWord}`}>
                ${this.renderRowLabel(grid, i, v.fontSize)}
              </g>
              ${grid.cells
                .filter((c) => c.row === i)
                .map((c) => {
                  const color = cellColor(c.t);
                  const isActive = c.row === active.row && c.col === active.col;
                  return svg`<g
                    role="gridcell"
                    tabindex=${isActive ? 0 : -1}
                    aria-label=${cellText(v, r, c.col, c.value)}
                    data-row=${c.row}
                    data-col=${c.col}
                    data-value=${c.value}
                  ><rect class="cell" x=${c.x + 1} y=${c.y + 1} width=${c.width} height=${c.height} rx="3" .style=${`fill: ${color}`}></rect><rect class="ring" x=${c.x} y=${c.y} width=${c.width + 2} height=${c.height + 2} rx="4"></rect></g>`;
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
            ${
              grid.scrolls
                ? svg`<g class="sticky-col" aria-hidden="true">
                  <rect class="sticky-bg" x="0" y="0" width=${grid.rowHeaderWidth - 2} height=${grid.height}></rect>
                  <line class="sticky-edge" x1=${grid.rowHeaderWidth - 2} x2=${grid.rowHeaderWidth - 2} y1="0" y2=${grid.height}></line>
                  ${this.renderCorner(grid, v.fontSize)}
                  ${rows.map((_, i) => this.renderRowLabel(grid, i, v.fontSize))}
                </g>`
                : nothing
            }
          </svg>
        </div>
      </div>
      ${renderLegend(v, grid)}`;
  }

  /** The header above the row headers, on one line or two. */
  private renderCorner(grid: HeatmapLayout, fs: number) {
    const [first, second] = grid.corner;
    return second === undefined
      ? svg`<text class="head" x="0" y=${grid.headBaseline}>${first}</text>`
      : svg`<text class="head" x="0" y=${grid.headBaseline - Math.round(fs * 1.05)}>${first}</text><text class="head" x="0" y=${grid.headBaseline}>${second}</text>`;
  }

  /** A row's header: its label, or date over size. */
  private renderRowLabel(grid: HeatmapLayout, i: number, fs: number) {
    const row = grid.rows[i]!;
    if (!row.lines)
      return svg`<text class="row-label" x="0" y=${row.y} dominant-baseline="central">${row.label}</text>`;
    return svg`<text class="row-label lines" x="0" y=${row.y - fs * 0.42} dominant-baseline="central">${row.lines[0]}</text><text class="row-size" x="0" y=${row.y + fs * 0.52} dominant-baseline="central">${row.lines[1]}</text>`;
  }

  /** The tooltip of the hovered or focused cell. */
  renderTip(report: Report, v: HeatmapView) {
    const tip = this.tip;
    if (!tip) return nothing;
    const r = report.cohorts.rows[tip.row];
    const value = r ? rowValues(r, v.mode)[tip.col] : undefined;
    if (!r || value === undefined) return nothing;
    return html`<div part="tooltip" aria-hidden="true">${cellText(v, r, tip.col, value)}</div>`;
  }

  /** Shows the tooltip of a cell (hovered or focused); nothing for a point of the grid outside the cells. */
  private showTip(cell: Cell | null): void {
    const root = this.find<HTMLElement>('.promo-root');
    const el = cell && this.cellAt(cell);
    if (!root || !el) return;
    const rb = root.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    const left = Math.max(4, Math.min(rb.width - 220, b.left - rb.left));
    const below = b.bottom - rb.top + 4;
    const top = below + 60 > rb.height ? Math.max(0, b.top - rb.top - 64) : below;
    this.tip = { ...cell, left, top };
    this.host.requestUpdate();
  }
}

/** The accessible name (and tooltip) of a cell. */
function cellText(v: HeatmapView, r: CohortRow, k: number, value: number): string {
  const size = fmt(v, r.size, 'count');
  const text = msg(v, 'cohort.cell', {
    cohort: cohortLabel(v, r.cohort),
    size,
    period: periodLabel(v, k),
    value: fmt(v, value, unitOf(v)),
  });
  if (v.mode === 'revenue') return text;
  // Retention also in customers: the share of the cohort, as a count.
  return `${text} (${fmt(v, Math.round(value * r.size), 'count')}/${size})`;
}

/** The colour legend: the scale's two ends and a gradient between them. */
function renderLegend(v: HeatmapView, grid: HeatmapLayout): TemplateResult {
  const id = `${v.uid}-grad`;
  const unit = unitOf(v);
  const min = fmt(v, grid.domain[0], unit, true);
  const max = fmt(v, grid.domain[1], unit, true);
  return html`<div part="legend">
    <span>${min}</span>
    <svg role="img" aria-label=${msg(v, 'cohort.legend', { min, max })} viewBox="0 0 100 10" preserveAspectRatio="none">
      <defs>
        <linearGradient id=${id}>
          ${legendStops().map((s) => svg`<stop offset=${`${s.offset}%`} .style=${`stop-color: ${s.color}`}></stop>`)}
        </linearGradient>
      </defs>
      <rect width="100" height="10" fill=${`url(#${id})`}></rect>
    </svg>
    <span>${max}${v.mode === 'retention' && grid.domain[1] < 1 ? '+' : ''}</span>
  </div>`;
}
