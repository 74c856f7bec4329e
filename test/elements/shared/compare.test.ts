import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareKind } from '../../../src/elements/shared/compare.js';
import type { Report } from '../../../src/engine/report-types.js';

/** A report's period and comparison period (compareKind reads their dates, not the day count). */
const report = (
  from: string,
  to: string,
  previous: Report['previous'] = null,
): Pick<Report, 'period' | 'previous'> => ({
  period: { from, to, days: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 },
  previous,
});

test('compareKind: none without a comparison period', () => {
  assert.equal(compareKind(null), 'none');
  assert.equal(compareKind(report('2026-11-01', '2026-11-28')), 'none');
});

test('compareKind: previous when the comparison ends the day before the period', () => {
  assert.equal(compareKind(report('2026-11-01', '2026-11-28', { from: '2026-10-04', to: '2026-10-31' })), 'previous');
  // Across a year end and a leap day.
  assert.equal(compareKind(report('2027-01-01', '2027-01-07', { from: '2026-12-25', to: '2026-12-31' })), 'previous');
  assert.equal(compareKind(report('2024-03-01', '2024-03-02', { from: '2024-02-28', to: '2024-02-29' })), 'previous');
});

test('compareKind: year for the same dates one year earlier', () => {
  assert.equal(compareKind(report('2026-11-01', '2026-11-28', { from: '2025-11-01', to: '2025-11-28' })), 'year');
  // A one-day period on 1 January: its previous day is also last year's 31 December.
  assert.equal(compareKind(report('2026-01-01', '2026-01-01', { from: '2025-01-01', to: '2025-01-01' })), 'year');
});

test('compareKind: an impossible period start is not read as the day before anything', () => {
  // 2025-02-30 is no calendar day: rolled over to 2 March it would make 1 March "the day
  // before" and the comparison the previous period; unread, the years differ: last year.
  assert.equal(compareKind(report('2025-02-30', '2025-03-05', { from: '2024-03-01', to: '2025-03-01' })), 'year');
});
