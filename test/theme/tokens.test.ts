/**
 * Design tokens: every token an element uses is defined in src/theme/tokens.ts, and every
 * token defined there is used by some element (scans the sources of src/elements/**).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOKENS, tokenCss, SERIES_COUNT } from '../../src/theme/tokens.js';
import { tokenTable } from '../../src/theme/token-docs.js';

const ROOT = join(import.meta.dirname, '../../src/elements');
const files = readdirSync(ROOT, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(ROOT, f), 'utf8') }));
const defined = new Set(Object.keys(TOKENS));

/**
 * Token names a source uses: `var(--_x)`, `tokenVar('x')`, the palette through
 * `seriesVar(...)`, and a family named in a template (`var(--_color-status-${s})`): every
 * token of that prefix, or the prefix followed by `*` when no token has it.
 */
function uses(text: string): Set<string> {
  const out = new Set<string>();
  for (const [, n] of text.matchAll(/var\(\s*--_([a-z0-9-]+)(?![a-z0-9-]|\$\{)/g)) out.add(n);
  for (const [, prefix] of text.matchAll(/var\(\s*--_([a-z0-9-]+)\$\{/g)) {
    const family = [...defined].filter((n) => n.startsWith(prefix!));
    for (const n of family.length ? family : [`${prefix}*`]) out.add(n);
  }
  for (const [, n] of text.matchAll(/tokenVar\(\s*['"]([a-z0-9-]+)['"]/g)) out.add(n);
  if (/seriesVar\(/.test(text)) for (let i = 1; i <= SERIES_COUNT; i++) out.add(`color-series-${i}`);
  return out;
}

/** Private variables an element declares for itself (`--_bar-height: ...`). */
function localDeclarations(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--_([a-z0-9-]+)\s*:/g)].map((m) => m[1]));
}

test('the element sources are found', () => {
  assert.ok(files.some((f) => f.file.endsWith('kpi-tile.ts')));
});

test('every private token variable used by an element is defined (in TOKENS or in the element)', () => {
  const undefinedUses: string[] = [];
  for (const { file, text } of files) {
    const local = localDeclarations(text);
    for (const n of uses(text)) if (!defined.has(n) && !local.has(n)) undefinedUses.push(`${file}: --_${n}`);
  }
  assert.deepEqual(undefinedUses, []);
});

/**
 * Element-scoped public properties (a layout knob of one element, such as a board's gap)
 * are defined in that element's folder, with their default: `--_x: var(--promo-y, default)`.
 */
function scopedProperties(folder: string): Set<string> {
  const out = new Set<string>();
  for (const { file, text } of files)
    if (file.startsWith(`${folder}/`))
      for (const [, n] of text.matchAll(/--_[a-z0-9-]+\s*:\s*var\(\s*--promo-([a-z0-9-]+)\s*,/g)) out.add(n);
  return out;
}

test('every public --promo-* property named in an element (styles or @cssproperty docs) is defined', () => {
  const unknown: string[] = [];
  for (const { file, text } of files) {
    const scoped = scopedProperties(file.split('/')[0]);
    for (const [, n] of text.matchAll(/--promo-([a-z0-9-]+)/g))
      if (!defined.has(n) && !scoped.has(n)) unknown.push(`${file}: --promo-${n}`);
  }
  assert.deepEqual(unknown, []);
});

test('an element-scoped property does not shadow a token', () => {
  const folders = new Set(files.map((f) => f.file.split('/')[0]));
  const clashes = [...folders].flatMap((d) => [...scopedProperties(d)].filter((n) => defined.has(n)));
  assert.deepEqual(clashes, []);
});

test('every token is used by some element', () => {
  const used = new Set(files.flatMap(({ text }) => [...uses(text)]));
  assert.deepEqual(
    [...defined].filter((n) => !used.has(n)),
    [],
  );
});

test('the generated CSS maps every token to its private variable in light, auto-dark and forced dark', () => {
  const css = tokenCss('.r');
  for (const [name, t] of Object.entries(TOKENS)) {
    const dark = 'dark' in t ? t.dark : t.light;
    assert.ok(css.includes(`--_${name}: var(--promo-${name}, ${t.light});`), name);
    const forced = css.slice(css.indexOf('.r.theme-dark'));
    assert.ok(forced.includes(`--_${name}: var(--promo-${name}, ${dark});`), name);
  }
  assert.match(css, /@media \(prefers-color-scheme: dark\) \{\s*\.r\.theme-auto \{/);
  assert.equal(tokenTable().split('\n').length, defined.size + 2);
});

/** The board's page and the styles every widget shares take their spacing and text sizes from the scale tokens. */
test('the board, the tiles and the shared widget styles use the spacing and type scale', () => {
  for (const name of ['space-xs', 'space-s', 'space-m', 'space-l', 'font-size-s', 'font-size-m', 'font-size-xl'])
    assert.ok(name in TOKENS, name);
  const scaled = ['kpi-board/kpi-board.styles.ts', 'shared/styles.ts', 'kpi-tile/kpi-tile.styles.ts'];
  const loose: string[] = [];
  for (const { file, text } of files) {
    if (!scaled.includes(file.replaceAll('\\', '/'))) continue;
    for (const [m] of text.matchAll(/calc\(var\(--_space\)\s*\*\s*[\d.]+\)/g)) loose.push(`${file}: ${m}`);
    for (const [m] of text.matchAll(/font-size:\s*(?!1em)[\d.]+(em|px|rem)/g)) loose.push(`${file}: ${m}`);
  }
  assert.equal(scaled.filter((f) => files.some((x) => x.file.replaceAll('\\', '/') === f)).length, scaled.length);
  assert.deepEqual(loose, []);
});

test('a scale token follows the base token it is relative to', () => {
  const css = tokenCss('.r');
  assert.ok(css.includes('--_space-s: var(--promo-space-s, calc(var(--_space) * 0.5));'));
  assert.ok(css.includes('--_font-size-xl: var(--promo-font-size-xl, calc(var(--_font-size) * 2));'));
});
