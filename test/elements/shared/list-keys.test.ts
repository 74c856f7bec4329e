import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listKey } from '../../../src/elements/shared/list-keys.js';

test('list keys: arrows move by one within the list, Home/End to the ends, Enter/Space choose', () => {
  assert.deepEqual(listKey('ArrowDown', 1, 4), { move: 2 });
  assert.deepEqual(listKey('ArrowRight', 3, 4), { move: 3 });
  assert.deepEqual(listKey('ArrowUp', 0, 4), { move: 0 });
  assert.deepEqual(listKey('ArrowLeft', 2, 4), { move: 1 });
  assert.deepEqual(listKey('Home', 3, 4), { move: 0 });
  assert.deepEqual(listKey('End', 0, 4), { move: 3 });
  assert.deepEqual(listKey('Enter', 0, 4), { choose: true });
  assert.deepEqual(listKey(' ', 0, 4), { choose: true });
  assert.equal(listKey('a', 0, 4), null);
  // A focus index past the end (the list shrank) moves from the last option.
  assert.deepEqual(listKey('ArrowUp', 9, 4), { move: 2 });
  // Vertical lists leave Left and Right to the controls in their rows.
  assert.equal(listKey('ArrowRight', 0, 4, true), null);
  assert.deepEqual(listKey('ArrowDown', 0, 4, true), { move: 1 });
  assert.equal(listKey('ArrowDown', 0, 0), null);
});
