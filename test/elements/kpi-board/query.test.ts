import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocalDate } from '../../../src/core/time.js';
import { boardPeriod, boardQuery, changeQuery, shownPreset } from '../../../src/elements/kpi-board/query.js';

const anchor = parseLocalDate('2026-03-31')!;
const board = {
  from: '',
  to: '',
  period: 'last-28' as const,
  cohortGrain: 'auto' as const,
  campaigns: [],
  channels: [],
  compare: 'previous' as const,
  filters: {},
  recencyBounds: [],
};

test('the period shown: valid dates, else the preset ending on `to` or on the anchor', () => {
  assert.deepEqual(boardPeriod('2026-03-01', '2026-03-10', 'last-7', anchor), { from: '2026-03-01', to: '2026-03-10' });
  assert.deepEqual(boardPeriod('', '', 'last-7', anchor), { from: '2026-03-25', to: '2026-03-31' });
  assert.deepEqual(boardPeriod('', '2026-03-10', 'last-7', anchor), { from: '2026-03-04', to: '2026-03-10' });
  // Reversed dates are not a period; `custom` and `campaign` fall back to the last 28 days.
  assert.deepEqual(boardPeriod('2026-03-10', '2026-03-01', 'custom', anchor), { from: '2026-02-02', to: '2026-03-01' });
});

test('the query holds only what differs from the engine defaults', () => {
  assert.deepEqual(boardQuery(board, 'Asia/Ho_Chi_Minh', anchor, []), {
    from: '2026-03-04',
    to: '2026-03-31',
    timeZone: 'Asia/Ho_Chi_Minh',
    cohortGrain: 'week',
  });
  const q = boardQuery(
    {
      ...board,
      from: '2025-01-01',
      to: '2026-03-31',
      campaigns: ['c1'],
      channels: ['web'],
      compare: 'year',
      filters: { store: ['Q1'], region: [] },
      recencyBounds: [7, 14],
    },
    'UTC',
    anchor,
    ['store'],
  );
  assert.deepEqual(q, {
    from: '2025-01-01',
    to: '2026-03-31',
    timeZone: 'UTC',
    campaignIds: ['c1'],
    channels: ['web'],
    compare: 'year',
    filters: { store: ['Q1'] },
    breakdowns: ['store'],
    recencyBounds: [7, 14],
  });
});

test("a user's change: presets set their period, bad dates are left out, empty filter lists dropped", () => {
  const now = { from: '', to: '', period: 'last-28' as const };
  assert.deepEqual(changeQuery({ preset: 'last-7' }, now, anchor), {
    next: { from: '2026-03-25', to: '2026-03-31', period: 'last-7', preset: 'last-7' },
    badDates: false,
  });
  assert.deepEqual(changeQuery({ from: '2026-03-20' }, now, anchor), {
    next: { from: '2026-03-20', to: '2026-03-31', preset: 'custom' },
    badDates: false,
  });
  assert.deepEqual(changeQuery({ from: '2026-04-20', campaigns: ['c1'] }, now, anchor), {
    next: {},
    badDates: true,
  });
  assert.deepEqual(changeQuery({ filters: { store: ['Q1'], region: [] }, compare: 'none' }, now, anchor), {
    next: { filters: { store: ['Q1'] }, compare: 'none' },
    badDates: false,
  });
});

test("a campaign's own run shows as the campaign preset, other periods as the preset they match", () => {
  const list = [{ id: 'c1', start: '2026-03-01', end: '2026-03-15' }];
  assert.equal(shownPreset('2026-03-01', '2026-03-15', ['c1'], list, anchor), 'campaign');
  assert.equal(shownPreset('2026-03-01', '2026-03-15', [], list, anchor), 'custom');
  assert.equal(shownPreset('2026-03-25', '2026-03-31', ['c1'], list, anchor), 'last-7');
});
