/**
 * Source audit: nothing in src/ can turn data into markup or inline styles. Markup only
 * reaches the DOM through Lit templates (which escape values); no innerHTML,
 * insertAdjacentHTML, document.write, unsafeHTML/unsafeSVG/unsafeStatic, eval or Function;
 * style attributes only through the CSSOM (`styleProps`), never `styleMap` (whose first
 * render writes a style attribute a strict CSP refuses) nor a style attribute bound to text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|js|mjs)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => join(d.parentPath, d.name));
}

/** Code without comments (JSDoc may mention the APIs it avoids). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const FORBIDDEN: [RegExp, string][] = [
  [/\.innerHTML\s*[+]?=/, 'innerHTML assignment'],
  [/\.outerHTML\s*[+]?=/, 'outerHTML assignment'],
  [/insertAdjacentHTML\s*\(/, 'insertAdjacentHTML'],
  [/document\.write(ln)?\s*\(/, 'document.write'],
  [/\bunsafeHTML\b|\bunsafeSVG\b|\bunsafeStatic\b|unsafe-html|unsafe-svg/, 'Lit unsafe directives'],
  // (DOMParser of SVG the kit serialised itself, with XMLSerializer escaping text, is fine.)
  [/createContextualFragment|\.setHTMLUnsafe|parseHTMLUnsafe|['"]text\/html['"]/, 'HTML parsing'],
  [/\beval\s*\(|\bnew\s+Function\s*\(/, 'eval / new Function'],
  [/\bstyleMap\b|style-map\.js/, 'styleMap (writes a style attribute on first render)'],
  [/\sstyle=\$\{\s*`/, 'a style attribute bound to text'],
  [/setAttribute\(\s*['"]style['"]/, "setAttribute('style')"],
  [/\.style\.cssText\s*=/, 'style.cssText (fine for CSP, but keep one way)'],
  [/\son[a-z]+=\$\{/, 'an on* attribute bound to a value (use @event)'],
];

test('src/ never writes markup or inline style attributes from values', () => {
  const files = sources('src');
  assert.ok(files.length > 50, `only ${files.length} files found`);
  const found: string[] = [];
  for (const f of files) {
    const text = code(readFileSync(f, 'utf8'));
    for (const [re, what] of FORBIDDEN) {
      const m = re.exec(text);
      if (m) found.push(`${f}: ${what}: ${m[0]}`);
    }
  }
  assert.deepEqual(found, []);
});

test('the audit catches what it looks for', () => {
  const bad = [
    'el.innerHTML = name;',
    'x.insertAdjacentHTML("beforeend", s)',
    'html`${unsafeHTML(s)}`',
    'html`<div style=${styleMap({ a: 1 })}>`',
    'svg`<rect style=${`fill:${c}`}>`',
    "el.setAttribute('style', s)",
    'html`<img onerror=${x}>`',
    'new DOMParser().parseFromString(s, "text/html")',
  ];
  for (const b of bad)
    assert.ok(
      FORBIDDEN.some(([re]) => re.test(code(b))),
      b,
    );
  assert.ok(!FORBIDDEN.some(([re]) => re.test(code('/** never innerHTML = */ html`<b>${name}</b>`'))));
});
