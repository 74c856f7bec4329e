import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OTHERS_ID,
  barLayout,
  MAX_TICKS,
  bucketDaily,
  campaignsByRevenue,
  fitText,
  nearestIndex,
  rankCampaigns,
  trendLayout,
  valuesFit,
  VALUE_SHARE,
  type CampaignDatum,
} from '../../../src/elements/campaign-chart/layout.js';
import { DAILY } from '../../fixtures/report.js';

const DATA: CampaignDatum[] = [
  { id: 'A', name: 'Alpha', value: 300 },
  { id: 'B', name: 'Beta', value: 1200 },
  { id: 'C', name: 'Gamma', value: null, reason: 'missing-cogs' },
  { id: 'D', name: 'Delta', value: 700 },
];

test('higher-is-better puts the largest first; nulls last without a rank', () => {
  const r = rankCampaigns(DATA, { polarity: 'higher-is-better', limit: 10, additive: true });
  assert.deepEqual(
    r.rows.map((x) => [x.id, x.rank]),
    [
      ['B', 1],
      ['D', 2],
      ['A', 3],
      ['C', null],
    ],
  );
  assert.equal(r.mode, 'all');
});

test('lower-is-better puts the smallest first (CAC, costs)', () => {
  const r = rankCampaigns(DATA, { polarity: 'lower-is-better', limit: 10, additive: false });
  assert.deepEqual(
    r.rows.map((x) => x.id),
    ['A', 'D', 'B', 'C'],
  );
});

test('beyond the limit an additive KPI folds the rest into "others", a ratio scrolls', () => {
  const many: CampaignDatum[] = Array.from({ length: 100 }, (_, i) => ({
    id: `K${i}`,
    name: `Campaign ${i}`,
    value: i + 1,
    secondary: 2 * (i + 1),
  }));
  const r = rankCampaigns(many, { polarity: 'higher-is-better', limit: 8, additive: true, secondaryAdditive: true });
  assert.equal(r.mode, 'others');
  assert.equal(r.rows.length, 8);
  assert.equal(r.folded, 93);
  const others = r.rows[7];
  assert.equal(others.id, OTHERS_ID);
  assert.equal(others.count, 93);
  // 1 + 2 + ... + 93
  assert.equal(others.value, (93 * 94) / 2);
  assert.equal(others.secondary, 93 * 94);
  const s = rankCampaigns(many, { polarity: 'higher-is-better', limit: 8, additive: false });
  assert.equal(s.mode, 'scroll');
  assert.equal(s.rows.length, 100);
});

test('bar lengths are proportional to the values from a zero baseline, in rank order', () => {
  const rows = rankCampaigns(DATA, { polarity: 'higher-is-better', limit: 10, additive: true }).rows;
  const l = barLayout(rows, {
    width: 600,
    fontSize: 14,
    secondary: 'none',
    valueLabels: rows.map((r) => String(r.value ?? '—')),
    tick: String,
  });
  assert.equal(l.arrangement, 'side');
  const [b, d, a, c] = l.rows;
  assert.equal(c.bar, null);
  assert.equal(b.bar!.x, l.zeroX);
  // Domain [0, 1200] is already nice: B spans the plot.
  assert.equal(b.bar!.x + b.bar!.width, l.plot.x1);
  assert.ok(Math.abs(d.bar!.width / b.bar!.width - 700 / 1200) < 0.01);
  assert.ok(Math.abs(a.bar!.width / b.bar!.width - 300 / 1200) < 0.01);
  assert.ok(b.y < d.y && d.y < a.y && a.y < c.y);
  assert.ok(l.ticks.length >= 2 && l.ticks[0].label === '0');
});

test('axis labels never touch: long labels get fewer ticks', () => {
  const rows = rankCampaigns(
    [
      { id: 'A', name: 'Flash sale', value: 1_332_518_000 },
      { id: 'B', name: 'Year end', value: 1_036_957_000 },
    ],
    { polarity: 'higher-is-better', limit: 10, additive: true },
  ).rows;
  const opts = { fontSize: 14, secondary: 'none' as const, valueLabels: ['1.332.518.000 ₫', '1.036.957.000 ₫'] };
  const short = barLayout(rows, { ...opts, width: 500, tick: (v: number) => String(v / 1e8) });
  const long = barLayout(rows, { ...opts, width: 500, tick: (v: number) => `${v} ₫` });
  assert.ok(long.ticks.length < short.ticks.length, `${long.ticks.length} < ${short.ticks.length}`);
  // However wide, about six ticks (the demo's 1,440 px board had 15).
  for (const width of [800, 1400, 2400]) {
    const wide = barLayout(rows, { ...opts, width, tick: (v: number) => String(v / 1e8) });
    assert.ok(wide.ticks.length >= 3 && wide.ticks.length <= MAX_TICKS, `${width}: ${wide.ticks.length}`);
  }
  for (const l of [short, long]) {
    for (let i = 1; i < l.ticks.length; i++) {
      const room = l.ticks[i].x - l.ticks[i - 1].x;
      const half = (t: { label: string }) => (t.label.length * 14 * 0.8 * 0.58) / 2;
      assert.ok(room >= half(l.ticks[i]) + half(l.ticks[i - 1]), `${l.ticks[i - 1].label} / ${l.ticks[i].label}`);
    }
  }
});

test('negative values go left of zero; narrow widths put labels above bars', () => {
  const rows = rankCampaigns(
    [
      { id: 'P', name: 'Plus', value: 100 },
      { id: 'M', name: 'Minus', value: -50 },
    ],
    { polarity: 'higher-is-better', limit: 10, additive: true },
  ).rows;
  const l = barLayout(rows, { width: 280, fontSize: 14, secondary: 'none', valueLabels: ['100', '-50'], tick: String });
  assert.equal(l.arrangement, 'stacked');
  const m = l.rows[1].bar!;
  assert.ok(m.x < l.zeroX);
  assert.equal(Math.round(m.x + m.width), Math.round(l.zeroX));
  assert.ok(l.rows[1].labelY < m.y);
});

test('a second metric: paired bars share the axis, markers get their own', () => {
  const rows = rankCampaigns(
    [
      { id: 'A', name: 'A', value: 100, secondary: 50 },
      { id: 'B', name: 'B', value: 40, secondary: 0.5 },
    ],
    { polarity: 'higher-is-better', limit: 10, additive: true },
  ).rows;
  const paired = barLayout(rows, {
    width: 600,
    fontSize: 14,
    secondary: 'paired',
    valueLabels: ['', ''],
    tick: String,
  });
  const s = paired.rows[0].second!;
  assert.equal(s.kind, 'bar');
  if (s.kind === 'bar') assert.ok(Math.abs(s.width / paired.rows[0].bar!.width - 0.5) < 0.01);
  const marker = barLayout(rows, {
    width: 600,
    fontSize: 14,
    secondary: 'marker',
    valueLabels: ['', ''],
    tick: String,
  });
  const dot = marker.rows[0].second!;
  assert.equal(dot.kind, 'dot');
  if (dot.kind === 'dot') assert.equal(dot.cx, marker.plot.x1);
  assert.ok(marker.secondaryTicks.length >= 2);
  assert.ok(marker.plot.y0 > 0);
});

test('labels are cut with an ellipsis to fit', () => {
  assert.equal(fitText('Short', 200, 14), 'Short');
  const cut = fitText('A very long campaign name that never ends', 80, 14);
  assert.ok(cut.endsWith('…') && cut.length < 12);
});

test('daily buckets: days, and ISO weeks from Monday, with the store total', () => {
  const day = bucketDaily(DAILY, ['C1', 'C2'], 'day');
  assert.equal(day.buckets.length, 7);
  assert.deepEqual(day.series[0].values, [1_200_000, 1_500_000, 1_600_000, 1_900_000, 1_800_000, 2_000_000, 2_000_000]);
  // 2026-11-01 is a Sunday: week of Monday 10-26 holds 1 day, week of 11-02 the other 6.
  const week = bucketDaily(DAILY, ['C1', 'C2'], 'week');
  assert.deepEqual(week.buckets, ['2026-10-26', '2026-11-02']);
  assert.deepEqual(week.days, [1, 6]);
  assert.deepEqual(week.series[0].values, [1_200_000, 10_800_000]);
  assert.deepEqual(week.series[1].values, [500_000, 1_500_000]);
  assert.equal(week.total[0], DAILY[0].allRevenue);
  assert.equal(
    week.total[0] + week.total[1],
    DAILY.reduce((s, d) => s + d.allRevenue, 0),
  );
  assert.deepEqual(campaignsByRevenue(DAILY), ['C1', 'C5', 'C2', 'C3']);
});

test('trend geometry: the store total bounds every line; ticks and nearest point', () => {
  const data = bucketDaily(DAILY, ['C1'], 'day');
  const l = trendLayout(data, { width: 500, height: 220, fontSize: 14, tick: String, dateLabel: (d) => d.slice(5) });
  assert.equal(l.xs.length, 7);
  assert.equal(l.xs[0], l.plot.x0);
  assert.equal(l.xs[6], l.plot.x1);
  // Store total is above (smaller y) each campaign's line on every day.
  l.lines[0].points.forEach((p, i) =>
    assert.ok(p!.y >= 0 && p!.y <= l.plot.y1 && data.total[i] >= data.series[0].values[i]!),
  );
  assert.match(l.totalArea, /^M/);
  assert.equal(l.xTicks[0].label, '11-01');
  assert.equal(l.xTicks[l.xTicks.length - 1].label, '11-07');
  assert.equal(nearestIndex(l.xs, l.xs[3] + 2), 3);
});

test('the "others" row stays out of the scale: its bar is cut at the plot edge and marked', () => {
  const many: CampaignDatum[] = Array.from({ length: 30 }, (_, i) => ({ id: `K${i}`, name: `K${i}`, value: i + 1 }));
  const rows = rankCampaigns(many, { polarity: 'higher-is-better', limit: 5, additive: true }).rows;
  const l = barLayout(rows, {
    width: 600,
    fontSize: 14,
    secondary: 'none',
    valueLabels: rows.map(String),
    tick: String,
  });
  // Domain from the top 4 (30 .. 27): the winner spans the plot; others (1 + ... + 26 = 351) is cut.
  assert.equal(l.rows[0].bar!.x + l.rows[0].bar!.width, l.plot.x1);
  assert.equal(l.rows[0].bar!.clipped, false);
  const others = l.rows[4].bar!;
  assert.equal(others.clipped, true);
  assert.equal(others.x + others.width, l.plot.x1);
});

test('trend scale: the store total and the campaigns share one axis, so no line rises above the total', () => {
  const data = bucketDaily(DAILY, ['C1', 'C2', 'C5'], 'day');
  const top = Math.max(...data.total);
  const l = trendLayout(data, { width: 700, height: 260, fontSize: 14, tick: String, dateLabel: (d) => d });
  const ticks = l.yTicks.map((t) => Number(t.label));
  const step = ticks[1] - ticks[0];
  assert.equal(ticks[0], 0);
  // The axis holds the store total (the largest value), with whole steps from zero.
  assert.ok(ticks[ticks.length - 1] >= top && ticks[ticks.length - 2] < top, `${ticks} vs ${top}`);
  assert.ok(ticks.every((v, i) => Math.abs(v - i * step) < 1e-6));
  // On every day each campaign's point is at or below the total's (larger y), at its true height.
  const totalYs = [...l.totalLine.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[2]));
  const y = (v: number) => l.plot.y1 - ((l.plot.y1 - l.plot.y0) * v) / ticks[ticks.length - 1];
  for (const line of l.lines)
    line.points.forEach((p, i) => {
      assert.ok(p!.y >= totalYs[i]! - 0.01, `${line.id} day ${i}: ${p!.y} above the total ${totalYs[i]}`);
      const v = data.series.find((s) => s.id === line.id)!.values[i]!;
      assert.ok(Math.abs(p!.y - y(v)) < 0.11, `${line.id} day ${i}: ${p!.y} vs ${y(v)}`);
    });
});

test('trend axis: its labels get their measured width, the plot starts after them', () => {
  const data = bucketDaily(DAILY, ['C1'], 'day');
  const o = { width: 375, height: 200, fontSize: 14, tick: String, dateLabel: (d: string) => d };
  const wide = (s: string, fs: number) => s.length * fs * 1.2;
  const l = trendLayout(data, { ...o, measure: wide });
  const widest = Math.max(...l.yTicks.map((t) => wide(t.label, 14 * 0.85)));
  assert.ok(l.plot.x0 >= widest + 6, `${l.plot.x0} after ${widest}`);
  assert.ok(trendLayout(data, o).plot.x0 < l.plot.x0);
});

test('trend marks: a campaign that starts and ends in one bucket gets one mark', () => {
  const data = bucketDaily(DAILY, ['C1', 'C2'], 'day');
  const o = { width: 600, height: 220, fontSize: 14, tick: String, dateLabel: (d: string) => d };
  const runs = [
    { start: '2026-11-03', end: '2026-11-03' },
    { start: '2026-11-02', end: '2026-11-04' },
  ];
  const l = trendLayout(data, { ...o, runs });
  assert.deepEqual(
    l.marks.map((m) => [m.series, m.kind]),
    [
      [0, 'run'],
      [1, 'start'],
      [1, 'end'],
    ],
  );
  // By week, a run inside one week is one mark too.
  const week = trendLayout(bucketDaily(DAILY, ['C1', 'C2'], 'week'), { ...o, runs });
  assert.ok(week.marks.every((m) => m.kind === 'run'));
});

test('values are written in full while their column takes at most VALUE_SHARE of the room beside the labels', () => {
  // Stacked (narrow): the whole row is the room.
  assert.equal(valuesFit(310, Math.floor(310 * VALUE_SHARE) - 8), true);
  assert.equal(valuesFit(310, Math.ceil(310 * VALUE_SHARE)), false);
  // Beside a label column (28 % of 700 = 196 px, then a gap).
  const room = (700 - 196 - 8) * VALUE_SHARE;
  assert.equal(valuesFit(700, Math.floor(room) - 8), true);
  assert.equal(valuesFit(700, Math.ceil(room) - 7), false);
  // The measured width sizes the value column: the bars end before it.
  const rows = rankCampaigns(DATA, { polarity: 'higher-is-better', limit: 10, additive: true }).rows;
  const o = { width: 600, fontSize: 14, secondary: 'none' as const, valueLabels: rows.map(() => 'x'), tick: String };
  const l = barLayout(rows, { ...o, valueWidth: 150 });
  assert.equal(l.plot.x1, 600 - 150 - 8);
  assert.ok(barLayout(rows, o).plot.x1 > l.plot.x1);
});
