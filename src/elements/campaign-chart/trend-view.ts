/**
 * The trend view of `<promo-campaign-chart>`, loaded on demand: each campaign's revenue as
 * a line (its own dash pattern, gaps outside its run, marks where it starts and ends)
 * inside the store's total revenue, an area, on one shared revenue axis. The selected
 * campaign's line is bold, the others step back. The left and right arrow keys move a
 * cursor across the periods. Lit's template tags and the shared helpers the element has
 * loaded come from its host (`host.lib`), so this module's chunk does not import them.
 */
import type { TemplateResult } from 'lit';
import type { Report } from '../../engine/report-types.js';
import { formatDay } from '../../format/date.js';
import { trendText, type TrendMessageKey } from '../../i18n/campaign-trend.js';
import type { StringParams } from '../../i18n/translate.js';
import type { DataTable } from '../shared/data-table.js';
import {
  bucketDaily,
  campaignsByRevenue,
  nearestIndex,
  trendLayout,
  type CampaignRun,
  type TrendData,
  type TrendLayout,
} from './trend-layout.js';
import type { ChartViewHost } from './view-host.js';

export { trendViewStyles } from './trend-view.styles.js';

/** Dash patterns of the trend lines, so series differ by more than colour. */
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2', '1 3', '12 4', '6 2 2 2'];
/** Most campaigns drawn by default (the largest by revenue), besides the selected one. */
const DEFAULT_SERIES = 4;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class TrendView {
  /** The period under the cursor (keyboard or pointer). */
  private cursor: number | null = null;
  /** Where the tooltip of the cursor's period is shown. */
  private tip: { left: number; top: number } | null = null;
  private data: TrendData | null = null;
  private layout: TrendLayout | null = null;

  constructor(private readonly host: ChartViewHost) {}

  /** Forgets the cursor (new data or settings). */
  reset(): void {
    this.cursor = null;
    this.tip = null;
  }

  /** One of the trend view's own strings, in the chart's locale. */
  private t(key: TrendMessageKey, params?: StringParams): string {
    return trendText(this.host.locale, key, params);
  }

  /** A day (`YYYY-MM-DD`) in the chart's locale. */
  private date(day: string, withYear = false): string {
    return formatDay(day, this.host.locale, { year: withYear });
  }

  /** A campaign's run: from the board's campaigns, else from `campaigns` items carrying `start` and `end`. */
  private run(id: string): CampaignRun | undefined {
    const { start, end } = (this.host.info(id) ?? {}) as { start?: unknown; end?: unknown };
    return typeof start === 'string' && typeof end === 'string' && DAY.test(start) && DAY.test(end)
      ? { start, end }
      : undefined;
  }

  private get grain(): 'day' | 'week' {
    return this.host.grain === 'week' ? 'week' : 'day';
  }

  /**
   * Campaigns drawn: those listed in `series`, else the largest by revenue, and the
   * selected campaign when it sold in the period and is not among them.
   */
  private ids(report: Report): string[] {
    const h = this.host;
    const listed = h.series
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (listed.length) return listed;
    const sold = campaignsByRevenue(report.daily);
    const ids = sold.slice(0, DEFAULT_SERIES);
    const pick = h.selected;
    if (pick && !ids.includes(pick) && sold.includes(pick)) ids.push(pick);
    return ids;
  }

  private bucket(report: Report): TrendData {
    const ids = this.ids(report);
    return bucketDaily(report.daily, ids, this.grain, Object.fromEntries(ids.map((id) => [id, this.run(id)])));
  }

  private bucketLabel(day: string, long = false): string {
    const d = this.date(day, long);
    return this.grain === 'week' && long ? this.t('weekOf', { date: d }) : d;
  }

  render(report: Report): TemplateResult {
    const h = this.host;
    const { html, svg, nothing, styleProps, seriesVar, textMeasurer } = h.lib;
    const data = this.bucket(report);
    this.data = data;
    const width = h.chartWidth;
    const fs = h.fontSize;
    const height = Math.round(Math.min(340, Math.max(200, width * 0.45)));
    const runs = data.series.map((s) => this.run(s.id));
    const layout = trendLayout(data, {
      width,
      height,
      fontSize: fs,
      tick: (v) => h.fmt(v, 'currency', true),
      dateLabel: (d) => this.bucketLabel(d),
      runs,
      measure: textMeasurer(h.find('.promo-root')),
    });
    this.layout = layout;
    const title = h.title();
    const sum = (a: readonly (number | null)[]) => a.reduce<number>((s, v) => s + (v ?? 0), 0);
    const total = sum(data.total);
    const summary = [
      this.t('trend.summary', {
        from: this.date(report.period.from, true),
        to: this.date(report.period.to, true),
        total: h.fmt(total, 'currency'),
        campaigns: data.series
          .map((s) => {
            const v = sum(s.values);
            return `${h.name(s.id)} ${h.fmt(v, 'currency')} (${h.fmt(total ? v / total : null, 'ratio')})`;
          })
          .join(', '),
      }),
      ...data.series.flatMap((s, i) => {
        const run = runs[i];
        return run
          ? [
              this.t('trend.run', {
                name: h.name(s.id),
                from: this.date(run.start, true),
                to: this.date(run.end, true),
              }),
            ]
          : [];
      }),
    ].join(' ');
    const { x0, x1, y0, y1 } = layout.plot;
    const c = this.cursor;
    const pick = h.selected;
    const picked = data.series.some((s) => s.id === pick);
    const descId = `${h.uid}-desc`;
    const hide = () => {
      this.cursor = null;
      this.tip = null;
      h.requestUpdate();
    };
    return html`<div class="chart-root">
      <h3 part="title">${title}</h3>
      <ul part="legend">
        <li>
          <svg width="22" height="12" aria-hidden="true">
            <rect class="area" width="22" height="12"></rect>
            <line class="total" x1="0" x2="22" y1="1" y2="1"></line>
          </svg>
          ${this.t('trend.total')}
        </li>
        ${data.series.map(
          (s, i) =>
            html`<li class=${!picked ? '' : s.id === pick ? 'selected' : 'dim'}>
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
              ${h.name(s.id)}${
                s.id === pick ? html`<span class="sr-only"> (${this.t('chart.selected')})</span>` : nothing
              }
            </li>`,
        )}
      </ul>
      <p class="sr-only" id=${descId}>${summary}</p>
      <svg
        part="chart"
        class="trend-plot ${picked ? 'picked' : ''}"
        role="img"
        tabindex="0"
        aria-label=${title}
        aria-describedby=${descId}
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        @keydown=${this.onKeydown}
        @pointermove=${this.onPointer}
        @pointerleave=${hide}
        @blur=${hide}
      >
        <path class="area" d=${layout.totalArea}></path>
        <path class="total" d=${layout.totalLine}></path>
        <g class="grid" aria-hidden="true">
          ${layout.yTicks.map(
            (t) => svg`<line x1=${x0} x2=${x1} y1=${t.y} y2=${t.y} class=${t.y === layout.zeroY ? 'zero' : ''}></line>`,
          )}
        </g>
        <g class="axis" aria-hidden="true">
          ${layout.yTicks.map(
            (t) =>
              svg`<text class="left-axis" x=${x0 - 6} y=${t.y} text-anchor="end" dominant-baseline="central">${t.label}</text>`,
          )}
          ${layout.xTicks.map((t) => svg`<text x=${t.x} y=${y1 + fs * 1.25} text-anchor=${t.anchor}>${t.label}</text>`)}
          <text class="axis-title left-axis" x="0" y=${fs * 0.8}>${this.t('trend.axis')}</text>
        </g>
        <g class="marks" aria-hidden="true">
          ${layout.marks.map(
            (m) =>
              svg`<g class="mark ${m.kind} ${data.series[m.series]!.id === pick ? 'selected' : ''}" data-series=${data.series[m.series]!.id} data-day=${m.day} style=${styleProps({ color: seriesVar(m.series) })}>
                <title>${this.t(m.kind === 'start' ? 'trend.starts' : m.kind === 'end' ? 'trend.ends' : 'trend.oneDay', { name: h.name(data.series[m.series]!.id) })}</title>
                <line x1=${m.x} x2=${m.x} y1=${y0} y2=${y1}></line>
                <path d=${m.kind === 'start' ? `M${m.x},${y0}l7,3.5l-7,3.5Z` : m.kind === 'end' ? `M${m.x},${y0}l-7,3.5l7,3.5Z` : `M${m.x},${y0}l4,4l-4,4l-4,-4Z`}></path>
              </g>`,
          )}
        </g>
        ${layout.lines
          .map((l, i) => [l, i] as const)
          // The selected line last: drawn over the others.
          .sort(([a], [b]) => Number(a.id === pick) - Number(b.id === pick))
          .map(
            ([l, i]) =>
              svg`<g class="line ${l.id === pick ? 'selected' : ''}" data-series=${l.id}><path class="series" data-series=${l.id} d=${l.path} style=${styleProps({ stroke: seriesVar(i) })} stroke-dasharray=${DASHES[i % DASHES.length] || nothing}></path>
            ${l.points.map((p, k) =>
              // Every point on a short or weekly series; else only a point with no
              // neighbour (a one-day campaign), which a line alone would not show.
              !p || (l.points.length > 16 && this.grain !== 'week' && (l.points[k - 1] || l.points[k + 1]))
                ? nothing
                : this.grain === 'week' && data.days[k]! < 7
                  ? svg`<circle class="partial" cx=${p.x} cy=${p.y} r="3" style=${styleProps({ stroke: seriesVar(i) })}></circle>`
                  : svg`<circle cx=${p.x} cy=${p.y} r="2.5" style=${styleProps({ fill: seriesVar(i) })}></circle>`,
            )}</g>`,
          )}
        ${
          c !== null && layout.xs[c] !== undefined
            ? svg`<line class="cursor" x1=${layout.xs[c]} x2=${layout.xs[c]} y1=${y0} y2=${y1}></line>`
            : nothing
        }
      </svg>
      <div class="sr-only" aria-live="polite">${c !== null ? this.periodText(c) : ''}</div>
      ${this.renderTip()}
    </div>`;
  }

  /** Everything about one period, in words (tooltip and live region). */
  private periodText(i: number): string {
    const h = this.host;
    const d = this.data;
    if (!d || !d.buckets[i]) return '';
    const parts = [this.bucketLabel(d.buckets[i]!, true)];
    if (this.grain === 'week' && d.days[i]! < 7) parts[0] += ` (${this.t('trend.days', { days: d.days[i]! })})`;
    parts.push(`${this.t('trend.total')}: ${h.fmt(d.total[i], 'currency')}`);
    for (const s of d.series) {
      const v = s.values[i] ?? null;
      const share = v !== null && d.total[i] ? v / d.total[i]! : null;
      parts.push(`${h.name(s.id)}: ${h.fmt(v, 'currency')}${v === null ? '' : ` (${h.fmt(share, 'ratio')})`}`);
    }
    return parts.join('; ');
  }

  private renderTip() {
    const tip = this.tip;
    const { nothing, renderTooltip } = this.host.lib;
    return !tip || this.cursor === null ? nothing : renderTooltip(this.periodText(this.cursor), tip.left, tip.top);
  }

  private moveCursor(i: number): void {
    const h = this.host;
    const svgEl = h.find<SVGSVGElement>('svg[part~="chart"]');
    const root = h.find<HTMLElement>('.promo-root');
    const n = this.data?.buckets.length ?? 0;
    if (!svgEl || !root || !n) return;
    const idx = Math.max(0, Math.min(n - 1, i));
    this.cursor = idx;
    const rb = root.getBoundingClientRect();
    const sb = svgEl.getBoundingClientRect();
    const layoutW = Number(svgEl.getAttribute('width')) || sb.width;
    const scale = sb.width / layoutW || 1;
    const xs = this.layout?.xs ?? [];
    // Right to left, the chart is drawn mirrored (see the shared styles).
    const x = h.rtl ? sb.right - rb.left - (xs[idx] ?? 0) * scale : (xs[idx] ?? 0) * scale + (sb.left - rb.left);
    const left = x > rb.width / 2 ? Math.max(4, x - 232) : x + 12;
    this.tip = { left, top: sb.top - rb.top + 8 };
    h.requestUpdate();
  }

  private onKeydown = (e: KeyboardEvent): void => {
    const n = this.data?.buckets.length ?? 0;
    if (!n) return;
    const at = this.cursor ?? -1;
    // Time runs the way the text does: leftwards in right-to-left pages.
    const [later, earlier] = this.host.rtl ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    let i: number;
    if (e.key === later || e.key === 'ArrowDown') i = at < 0 ? 0 : at + 1;
    else if (e.key === earlier || e.key === 'ArrowUp') i = at < 0 ? n - 1 : at - 1;
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else if (e.key === 'Escape') {
      this.reset();
      this.host.requestUpdate();
      return;
    } else return;
    e.preventDefault();
    this.moveCursor(i);
  };

  private onPointer = (e: PointerEvent): void => {
    const svgEl = e.currentTarget as SVGSVGElement;
    const sb = svgEl.getBoundingClientRect();
    const layoutW = Number(svgEl.getAttribute('width')) || sb.width;
    const px = ((this.host.rtl ? sb.right - e.clientX : e.clientX - sb.left) * layoutW) / (sb.width || 1);
    const i = nearestIndex(this.layout?.xs ?? [], px);
    if (i !== this.cursor) this.moveCursor(i);
  };

  /** One row per period: the store total and each campaign drawn. */
  table(report: Report): DataTable {
    const h = this.host;
    const { cell } = h.lib;
    const data = this.bucket(report);
    const money = (v: number | null | undefined) =>
      v === null || v === undefined ? cell(null, '—') : cell(v, h.fmt(v, 'currency'));
    return {
      caption: h.title(),
      columns: [
        this.grain === 'week' ? this.t('weekOf', { date: '' }).trim() : h.msg('date'),
        this.t('trend.total'),
        ...data.series.map((s) => h.name(s.id)),
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
