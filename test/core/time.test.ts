import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromCivil, formatDay, parseInstant, parseLocalDate, weekStart, zoneFor } from '../../src/core/time.js';

test('local dates round-trip and reject impossible dates', () => {
  assert.equal(parseLocalDate('1970-01-01'), 0);
  assert.equal(formatDay(parseLocalDate('2024-02-29')!), '2024-02-29');
  assert.equal(parseLocalDate('2025-02-29'), null);
  assert.equal(parseLocalDate('2025-13-01'), null);
  assert.equal(parseLocalDate('25-1-1'), null);
  assert.equal(weekStart(parseLocalDate('2025-01-05')!), parseLocalDate('2024-12-30'));
});

test('instants: offsets, wall clock in a zone, epoch ms', () => {
  const hcm = zoneFor('Asia/Ho_Chi_Minh');
  assert.equal(parseInstant('2025-01-01T00:30:00+07:00', hcm), Date.UTC(2024, 11, 31, 17, 30));
  assert.equal(parseInstant('2025-01-01T00:30:00', hcm), Date.UTC(2024, 11, 31, 17, 30));
  assert.equal(parseInstant(1735689600000, hcm), 1735689600000);
  assert.equal(hcm.day(Date.UTC(2024, 11, 31, 17, 0)), daysFromCivil(2025, 1, 1));
  assert.equal(parseInstant('2025-01-01T25:00:00', hcm), null);
  assert.equal(parseInstant('yesterday', hcm), null);
});

test('daylight saving: New York gap and overlap', () => {
  const ny = zoneFor('America/New_York');
  // 2025-03-09 02:30 does not exist; read with the offset before the jump -> 03:30 EDT = 07:30Z.
  assert.equal(parseInstant('2025-03-09T02:30:00', ny), Date.UTC(2025, 2, 9, 7, 30));
  // 2025-11-02 01:30 happens twice; the earlier (EDT) instant is taken.
  assert.equal(parseInstant('2025-11-02T01:30:00', ny), Date.UTC(2025, 10, 2, 5, 30));
  assert.equal(ny.day(Date.UTC(2025, 2, 9, 4, 59)), daysFromCivil(2025, 3, 8));
  assert.equal(ny.day(Date.UTC(2025, 2, 9, 5, 0)), daysFromCivil(2025, 3, 9));
  assert.equal(ny.startOfDay(daysFromCivil(2025, 11, 2)), Date.UTC(2025, 10, 2, 4, 0));
});
