/**
 * The Vietnamese strings, one module per string module in `src/i18n/vi/`, loaded on demand
 * (`src/i18n/translate.ts`): each holds the keys of its English tables and nothing else, in
 * plain data (importing nothing at run time, so a bundler's chunk of it carries no library);
 * the lookups stay DOM-free and give English until the strings are loaded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as shared from '../../src/i18n/strings.js';
import { CHANNEL_LABEL_MESSAGES, ATTRIBUTE_LABEL_MESSAGES, channelLabel } from '../../src/i18n/labels.js';
import { SELECTION_MESSAGES } from '../../src/i18n/selection.js';
import { TILE_MESSAGES } from '../../src/i18n/kpi-tile.js';
import { GAUGE_MESSAGES } from '../../src/i18n/budget-gauge.js';
import { CHART_MESSAGES } from '../../src/i18n/campaign-chart.js';
import { TREND_MESSAGES } from '../../src/i18n/campaign-trend.js';
import { COHORT_MESSAGES } from '../../src/i18n/cohort-heatmap.js';
import { BREAKDOWN_MESSAGES } from '../../src/i18n/breakdown.js';
import { REACTIVATION_MESSAGES } from '../../src/i18n/reactivation.js';
import { LOYALTY_MESSAGES } from '../../src/i18n/loyalty-panel.js';
import { BOARD_MESSAGES, bt } from '../../src/i18n/board-strings.js';
import { loadStrings } from '../../src/i18n/translate.js';

const VI_DIR = join(import.meta.dirname, '../../src/i18n/vi');

const EXPECTED = Object.fromEntries(
  Object.entries(shared.EXPECTED_WORDS).map(([kind, words]) => [`config.expected.${kind}`, words]),
);

/** Each Vietnamese module with the English tables it translates. */
const MODULES: Record<string, Record<string, string>[]> = {
  strings: [
    shared.MESSAGES,
    shared.KPI_COLUMN_MESSAGES,
    shared.KPI_SERIES_MESSAGES,
    shared.CAMPAIGN_MESSAGES,
    shared.POINTS_MESSAGES,
    shared.COMPARE_MESSAGES,
    shared.REASON_MESSAGES,
    shared.PARTIAL_MESSAGES,
    shared.FILTER_NOTE_MESSAGES,
    EXPECTED,
  ],
  labels: [CHANNEL_LABEL_MESSAGES, ATTRIBUTE_LABEL_MESSAGES],
  selection: [SELECTION_MESSAGES],
  'kpi-tile': [TILE_MESSAGES],
  'budget-gauge': [GAUGE_MESSAGES],
  'campaign-chart': [CHART_MESSAGES],
  'campaign-trend': [TREND_MESSAGES],
  'cohort-heatmap': [COHORT_MESSAGES],
  breakdown: [BREAKDOWN_MESSAGES],
  reactivation: [REACTIVATION_MESSAGES],
  'loyalty-panel': [LOYALTY_MESSAGES],
  'board-strings': [BOARD_MESSAGES],
};

const viOf = async (name: string): Promise<Record<string, string>> =>
  ((await import(`../../src/i18n/vi/${name}.ts`)) as { default: Record<string, string> }).default;

test('every Vietnamese module is listed here, and holds the keys of its English tables, each a non-empty string', async () => {
  const files = readdirSync(VI_DIR).map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual(files.sort(), Object.keys(MODULES).sort());
  for (const [name, tables] of Object.entries(MODULES)) {
    const vi = await viOf(name);
    const english = Object.assign({}, ...tables) as Record<string, string>;
    assert.deepEqual(Object.keys(vi).sort(), Object.keys(english).sort(), name);
    for (const [key, s] of Object.entries(vi)) {
      assert.ok(typeof s === 'string' && s.trim(), `${name}: ${key}`);
      // The same placeholders as the English string.
      const names = (x: string) => [...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(names(s), names(english[key]!), `${name}: ${key}`);
    }
  }
});

test('the string modules, the board’s too, have no key in common: one store of Vietnamese strings, each key one meaning', async () => {
  const seen = new Map<string, string>();
  for (const name of Object.keys(MODULES))
    for (const key of Object.keys(await viOf(name))) {
      assert.equal(seen.get(key), undefined, `${key} in ${seen.get(key)} and ${name}`);
      seen.set(key, name);
    }
  // The board's words for its loading, empty and error states and "no comparison" have keys of their own.
  assert.ok(['board.loading', 'board.empty', 'board.error', 'board.compare.none'].every((k) => k in BOARD_MESSAGES));
});

test('the Vietnamese modules are plain data: no import at run time (a chunk importing Lit would split Lit out)', () => {
  for (const file of readdirSync(VI_DIR)) {
    const source = readFileSync(join(VI_DIR, file), 'utf8');
    for (const line of source.match(/^import\b.*$/gm) ?? []) assert.match(line, /^import type\b/, `${file}: ${line}`);
    assert.doesNotMatch(source, /^export\s*(\*|\{[^}]*\})\s*from\b/m, file);
    assert.doesNotMatch(source, /\bimport\(/, file);
  }
});

test('lookups are DOM-free: English until the Vietnamese strings are loaded, then Vietnamese', async () => {
  assert.equal(typeof document, 'undefined');
  assert.equal(loadStrings('en'), undefined, 'English waits for nothing');
  assert.equal(shared.t('vi', 'loading'), 'Loading…');
  assert.equal(bt('vi', 'board.loading'), 'Loading data…');
  assert.equal(channelLabel('vi-VN', 'store'), 'Store');
  const failed = await loadStrings('vi-VN');
  assert.deepEqual(failed, []);
  assert.equal(shared.t('vi', 'loading'), 'Đang tải…');
  assert.equal(bt('vi', 'board.loading'), 'Đang tải dữ liệu…');
  assert.equal(shared.t('vi', 'empty'), 'Không có số liệu nào trong khoảng thời gian này.');
  assert.equal(bt('vi', 'board.empty'), 'Chưa có đơn hàng nào trong dữ liệu.');
  assert.equal(channelLabel('vi-VN', 'store'), 'Cửa hàng');
  assert.equal(shared.reasonText('vi', 'no-budget'), 'chưa đặt ngân sách');
  // English is unchanged, and nothing is left to load.
  assert.equal(shared.t('en', 'loading'), 'Loading…');
  assert.equal(loadStrings('vi'), undefined);
});

test('registerLocale: a registered language wins, its missing keys read English; a registered vi overrides the shipped Vietnamese', async () => {
  const { registerLocale, englishStrings } = await import('../../src/elements/shared/locale.js');
  await loadStrings('vi');
  registerLocale('fr', { ...englishStrings(), loading: 'Chargement…' });
  assert.equal(shared.t('fr-FR', 'loading'), 'Chargement…');
  assert.equal(shared.t('fr', 'exportCsv'), 'Export CSV');
  // Overrides of a few Vietnamese words (a table of some keys only, as a host may register).
  registerLocale('vi', { loading: 'Chờ chút…' } as Parameters<typeof registerLocale>[1]);
  assert.equal(shared.t('vi-VN', 'loading'), 'Chờ chút…');
  assert.equal(shared.t('vi', 'empty'), 'Không có số liệu nào trong khoảng thời gian này.');
  assert.equal(bt('vi', 'retry'), 'Thử lại');
  assert.equal(shared.t('en', 'loading'), 'Loading…');
});
