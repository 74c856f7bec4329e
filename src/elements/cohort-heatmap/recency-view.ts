/**
 * The recency segments of `<promo-cohort-heatmap>`: customers by days since their last order
 * (0-7, 8-14, 15-28, 29+) as bars, with each segment's revenue in the period.
 */
import { html, svg, type TemplateResult } from 'lit';
import type { Report } from '../../engine/report-types.js';
import { textMeasurer } from '../shared/measure-text.js';
import { recencyLayout } from './layout.js';
import { fmt, msg, type HeatmapView } from './view-host.js';

/** The recency bars in `width` px; `main`: they are the widget's chart (recency mode). */
export function renderRecency(v: HeatmapView, report: Report, width: number, main: boolean): TemplateResult {
  const fs = v.fontSize;
  const rows = report.recency ?? [];
  const labels = rows.map((r) => msg(v, 'recency.segment', { segment: r.segment }));
  const customers = rows.map((r) => fmt(v, r.customers, 'count'));
  const revenue = rows.map((r) => fmt(v, r.revenue, 'currency', true));
  // Measured in the font they are drawn in: customers bold, revenue and labels regular.
  const measure = textMeasurer(v.root);
  const measureBold = textMeasurer(v.root, '600');
  const valueWidth = Math.max(
    ...customers.map((s) => measureBold(s, fs * 0.85)),
    ...revenue.map((s) => measure(s, fs * 0.8)),
  );
  const labelWidth = Math.max(...labels.map((s) => measure(s, fs * 0.9)));
  const l = recencyLayout(rows, { width, fontSize: fs, labelWidth, valueWidth });
  const text = rows
    .map((r, i) =>
      msg(v, 'recency.row', {
        segment: r.segment,
        customers: customers[i],
        revenue: fmt(v, r.revenue, 'currency'),
      }),
    )
    .join('; ');
  const barH = Math.round(fs * 0.9);
  return html`<div class="rec-key" aria-hidden="true">
      <strong>${msg(v, 'cohort.size')}</strong> · ${msg(v, 'recency.revenue')}
    </div>
    <svg
      part=${main ? 'chart recency' : 'recency'}
      role="img"
      aria-label=${`${msg(v, 'cohort.title.recency')}: ${text}`}
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
