import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cellColor,
  heatmapLayout,
  legendStops,
  lightText,
  luminance,
  moveCell,
  recencyLayout,
  textWidth,
} from '../../../src/elements/cohort-heatmap/layout.js';
import { REPORT } from '../../fixtures/report.js';

const ROWS = [
  { cohort: '2026-09', size: 40, retention: [1, 0.4, 0.2], revenue: [8_000_000, 3_000_000, 1_000_000] },
  { cohort: '2026-10', size: 20, retention: [1, 0.3], revenue: [5_000_000, 2_000_000] },
  { cohort: '2026-11', size: 10, retention: [1], revenue: [2_000_000] },
];
const opts = (width: number) => ({
  width,
  fontSize: 14,
  rowLabels: ROWS.map((r) => r.cohort),
  colLabels: ['M0', 'M1', 'M2'],
  format: (v: number) => `${Math.round(v * 100)}%`,
});

test('retention grid: a triangle of cells, colour scale from 0 to the largest later-period value', () => {
  const l = heatmapLayout(ROWS, 'retention', opts(400));
  assert.equal(l.cells.length, 6);
  assert.deepEqual(l.domain, [0, 0.4]);
  const at = (r: number, c: number) => l.cells.find((x) => x.row === r && x.col === c)!;
  assert.equal(at(0, 1).t, 1);
  assert.equal(at(0, 2).t, 0.5);
  assert.equal(at(1, 1).t, 0.75);
  // Period 0 (100 %) clamps to the top of the scale.
  assert.equal(at(2, 0).t, 1);
  assert.equal(at(1, 1).x, l.rowHeaderWidth + l.cellWidth);
  assert.ok(at(1, 1).y > at(0, 1).y);
  assert.equal(l.cols.length, 3);
});

test('revenue grid spans 0 to the largest revenue, period 0 included', () => {
  const l = heatmapLayout(ROWS, 'revenue', { ...opts(400), format: (v: number) => String(v) });
  assert.deepEqual(l.domain, [0, 8_000_000]);
  assert.equal(l.cells.find((c) => c.row === 1 && c.col === 0)!.t, 0.625);
});

test('narrow widths: every cell as wide as the widest value and column label, the grid scrolls', () => {
  const wide = Array.from({ length: 12 }, (_, i) => (i === 0 ? 1 : 0.123));
  const format = (v: number) => `${(v * 100).toFixed(1)}%`;
  const l = heatmapLayout([{ cohort: '2025-12', size: 3, retention: wide, revenue: [] }], 'retention', {
    ...opts(200),
    colLabels: Array.from({ length: 12 }, (_, k) => `Tuần ${k}`),
    format,
  });
  // "100.0%" (6 characters at 0.8 of 14 px) and "Tuần 10" (7) decide: 7 x 14 x 0.8 x 0.58 + 6.
  assert.equal(l.cellWidth, Math.ceil(textWidth('Tuần 10', 14 * 0.8) + 6));
  // 2 px clear on either side of the value inside its cell (drawn 2 px narrower than the column).
  for (const c of l.cells) assert.ok(textWidth(format(c.value), 14 * 0.8) + 4 <= c.width);
  assert.ok(l.width > 200);
  assert.equal(l.scrolls, true);
  // Wide enough cards still cap cells at 96 px.
  const roomy = heatmapLayout(ROWS, 'retention', opts(1400));
  assert.equal(roomy.cellWidth, 96);
});

test('row headers: long, short, then date over size, the first form that lets the grid fit', () => {
  const rows = ROWS;
  const o = {
    ...opts(0),
    rowLabels: rows.map((r) => `${r.cohort} long label · ${r.size}`),
    shortRowLabels: rows.map((r) => `${r.cohort} · ${r.size}`),
    rowLines: rows.map((r) => [r.cohort, String(r.size)] as const),
    corner: ['Cohort group', 'customers'] as const,
  };
  const wide = heatmapLayout(rows, 'retention', { ...o, width: 900 });
  assert.equal(wide.rowForm, 'long');
  assert.deepEqual(wide.corner, ['Cohort group · customers']);
  assert.equal(wide.rows[0]!.label, o.rowLabels[0]);
  assert.equal(wide.scrolls, false);
  const mid = heatmapLayout(rows, 'retention', { ...o, width: 330 });
  assert.equal(mid.rowForm, 'short');
  const narrow = heatmapLayout(rows, 'retention', { ...o, width: 200 });
  assert.equal(narrow.rowForm, 'lines');
  assert.deepEqual(narrow.rows[0]!.lines, o.rowLines[0]);
  // The corner on two lines, each whole, and a header band tall enough for them.
  assert.deepEqual(narrow.corner, ['Cohort group', 'customers']);
  assert.ok(narrow.headerHeight > wide.headerHeight);
  assert.ok(narrow.rowHeaderWidth >= textWidth('Cohort group', 14 * 0.8));
  for (const l of [wide, mid, narrow]) assert.ok(l.width <= Math.max(160, l === wide ? 900 : l === mid ? 330 : 200));
});

test('colours: a mix of the heat tokens; white or black text, whichever contrasts more', () => {
  assert.equal(cellColor(0.25), 'color-mix(in oklab, var(--_color-heat-high) 25%, var(--_color-heat-low))');
  assert.equal(cellColor(7), cellColor(1));
  const light: [string, string] = ['#eef4fb', '#0b4a9c'];
  assert.equal(lightText(0, light), false);
  assert.equal(lightText(1, light), true);
  const dark: [string, string] = ['#1c2a3a', '#79c0ff'];
  assert.equal(lightText(0, dark), true);
  assert.equal(lightText(1, dark), false);
  assert.equal(lightText(0.5, null), null);
  assert.equal(lightText(0.5, ['oklch(50% 0.1 200)', 'nonsense']), null);
  assert.ok(Math.abs(luminance('#ffffff')! - 1) < 1e-9);
  assert.equal(luminance('rgb(0, 0, 0)'), 0);
  assert.equal(legendStops(5).length, 5);
  assert.equal(legendStops(5)[4].offset, 100);
  // The legend runs from the low colour to the high one, offsets rising.
  const stops = legendStops(5);
  assert.deepEqual(
    stops.map((x) => x.offset),
    [0, 25, 50, 75, 100],
  );
  assert.equal(stops[0].color, cellColor(0));
  assert.equal(stops[4].color, cellColor(1));
  assert.equal(stops[1].color, cellColor(0.25));
});

test('keyboard movement stays inside the triangle', () => {
  const lengths = [3, 2, 1];
  assert.deepEqual(moveCell(lengths, { row: 0, col: 2 }, 'ArrowDown'), { row: 1, col: 1 });
  assert.deepEqual(moveCell(lengths, { row: 2, col: 0 }, 'ArrowRight'), { row: 2, col: 0 });
  assert.deepEqual(moveCell(lengths, { row: 1, col: 0 }, 'End'), { row: 1, col: 1 });
  assert.deepEqual(moveCell(lengths, { row: 1, col: 1 }, 'Home', true), { row: 0, col: 0 });
  assert.deepEqual(moveCell(lengths, { row: 0, col: 0 }, 'ArrowUp'), { row: 0, col: 0 });
});

test('recency bars are proportional to customers (fixture report)', () => {
  const l = recencyLayout(REPORT.recency, { width: 400, fontSize: 14, labelWidth: 60, valueWidth: 80 });
  assert.equal(l.bars.length, 4);
  const [a, , , d] = l.bars;
  assert.equal(d.width, l.x1 - l.x0);
  assert.ok(Math.abs(a.width / d.width - 58 / 120) < 0.01);
  assert.equal(a.revenue, 35_000_000);
});
