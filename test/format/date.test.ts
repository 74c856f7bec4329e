/**
 * Calendar days in the reader's language: a day is read once (`YYYY-MM-DD`, UTC midnight),
 * formatted with no time zone moving it, and shifted by whole days.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, formatDay, formatDayRange } from '../../src/format/date.js';

test('a day is formatted as that calendar day, in either language', () => {
  assert.equal(formatDay('2026-11-01', 'en'), 'Nov 1, 2026');
  assert.match(formatDay('2026-11-01', 'vi'), /1 thg 11,? 2026/);
  assert.equal(formatDay('2026-11-01', 'en', { year: false }), 'Nov 1');
});

test('text that is not a real calendar day is shown as it is, never rolled over to another day', () => {
  for (const bad of ['2025-02-30', '2025-13-01', '2025-1-1', 'soon']) assert.equal(formatDay(bad, 'en'), bad, bad);
  assert.equal(formatDayRange('2025-02-30', '2025-03-05', 'en'), '2025-02-30 – 2025-03-05');
});

test('years below 100 are read as written, not as 19xx', () => {
  assert.match(formatDay('0050-03-01', 'en'), /\b50\b/);
  assert.doesNotMatch(formatDay('0050-03-01', 'en'), /1950/);
});

test('addDays shifts across months, years and leap days', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-02-28', 1), '2025-03-01');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2026-03-01', -28), '2026-02-01');
  assert.equal(addDays('2025-02-30', 1), null);
});
