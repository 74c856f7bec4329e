/**
 * The Vietnamese pack (`import 'promo-kpi-kit/vi'`, `src/vi.ts`): every table of
 * `src/i18n/vi/` in the string store as the pack runs, whichever string modules loaded before
 * it or load after it, so nothing is left to load on demand. DOM-free.
 *
 * A process of its own (this file): the string modules here load before the pack, as in an
 * app importing the elements first (the browser test imports the pack first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../src/i18n/strings.js';
import { tileText } from '../../src/i18n/kpi-tile.js';
import { loadStrings, phrase } from '../../src/i18n/translate.js';

const VI_DIR = join(import.meta.dirname, '../../src/i18n/vi');
const MODULES = readdirSync(VI_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

test('the pack imports every Vietnamese module, each once', () => {
  const pack = readFileSync(join(import.meta.dirname, '../../src/vi.ts'), 'utf8');
  const imported = [...pack.matchAll(/^import \w+ from '\.\/i18n\/vi\/([\w-]+)\.js';$/gm)].map((m) => m[1]);
  assert.ok(MODULES.length > 10);
  assert.deepEqual([...imported].sort(), [...MODULES].sort());
});

test('before the pack, Vietnamese strings wait for their load; after it, every key of every module reads Vietnamese, nothing is loaded', async () => {
  // String modules loaded before the pack (the shared strings and the tile's, imported above).
  assert.equal(t('vi', 'loading'), 'Loading…');
  assert.ok(loadStrings('vi'), 'the tables of the modules loaded so far are waited for');
  await import('../../src/vi.js');
  // A string module loaded after the pack (the board's strings) has nothing to wait for either.
  const { bt } = await import('../../src/i18n/board-strings.js');
  assert.equal(loadStrings('vi'), undefined);
  assert.equal(loadStrings('vi-VN', true), undefined);
  let keys = 0;
  for (const name of MODULES) {
    const table = ((await import(`../../src/i18n/vi/${name}.ts`)) as { default: Record<string, string> }).default;
    for (const [key, vi] of Object.entries(table)) {
      assert.equal(phrase('vi', key, 'ENGLISH'), vi, `${name}: ${key}`);
      keys++;
    }
  }
  assert.ok(keys > 200, `${keys} keys`);
  // The lookups the elements make.
  assert.equal(t('vi', 'loading'), 'Đang tải…');
  assert.equal(tileText('vi-VN', 'target'), 'Mục tiêu');
  assert.equal(bt('vi', 'board.empty'), 'Chưa có đơn hàng nào trong dữ liệu.');
  // English is unchanged.
  assert.equal(t('en', 'loading'), 'Loading…');
  assert.equal(bt('en', 'board.empty'), 'No orders in the data yet.');
});
