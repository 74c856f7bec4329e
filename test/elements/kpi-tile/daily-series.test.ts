/**
 * A tile's daily series from the report's daily points: a ratio's day is that day's
 * numerator over that day's denominator, and a day where either is unknown (null: an
 * order without cogs, no exposure record) or the denominator is 0 is a gap, never 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dailySeries } from '../../../src/elements/kpi-tile/layout.js';
import type { DailyPoint } from '../../../src/engine/report-types.js';

const day = (date: string, p: Partial<DailyPoint>): DailyPoint => ({
  date,
  revenue: 0,
  orders: 0,
  buyers: 0,
  discountCost: 0,
  spend: 0,
  allRevenue: 0,
  byCampaign: {},
  ...p,
});

const daily = [
  day('2026-11-01', { grossProfit: 50, promoCost: 100, buyers: 4, reach: 200 }),
  day('2026-11-02', { grossProfit: null, promoCost: 80, buyers: 3, reach: null }),
  day('2026-11-03', { grossProfit: -20, promoCost: 0, buyers: 0, reach: 100 }),
  day('2026-11-04', { grossProfit: 30, promoCost: 60, buyers: 2 }),
];

test('ROI by day: gross profit / promotion cost of that day; unknown profit or no cost is a gap', () => {
  assert.deepEqual(dailySeries(daily, { dailyField: 'grossProfit', dailyPer: 'promoCost' }), [0.5, null, null, 0.5]);
});

test('conversion by day: buyers / reach of that day; a day without exposure records is a gap', () => {
  assert.deepEqual(dailySeries(daily, { dailyField: 'buyers', dailyPer: 'reach' }), [0.02, null, 0, null]);
});

test('a sum by day: null and missing values are gaps', () => {
  assert.deepEqual(dailySeries(daily, { dailyField: 'grossProfit' }), [50, null, -20, 30]);
  assert.deepEqual(dailySeries(daily, { dailyField: 'reach' }), [200, null, 100, null]);
});
