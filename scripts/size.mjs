#!/usr/bin/env node
/**
 * `npm run size`: what the kit costs a page. Bundles `src/index.ts` (every element, the
 * engine, lit, the d3 modules, zod) with esbuild, minified, and prints its gzipped size,
 * the size of each element's own entry (`src/elements/<name>/define.ts`), and the largest
 * contributors of the whole kit, grouped by package (node_modules) or by source folder.
 * Exits 1 when the whole kit is over the budget (40 KB gzipped).
 *
 *   node scripts/size.mjs [--json] [--top N]
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUDGET = 40 * 1024;
const args = process.argv.slice(2);
const json = args.includes('--json');
const top = Number(args[args.indexOf('--top') + 1]) || 12;
const root = join(import.meta.dirname, '..');

/** Bundles a module of the repository, or (`{ contents }`) a few import lines. */
async function bundle(entry) {
  const input =
    typeof entry === 'string'
      ? { entryPoints: [join(root, entry)] }
      : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } };
  const r = await build({
    ...input,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const code = r.outputFiles[0].contents;
  return { entry, min: code.length, gzip: gzipSync(code, { level: 9 }).length, metafile: r.metafile };
}

/** `node_modules/d3-scale/src/linear.js` -> `d3-scale`; `src/engine/kpis.ts` -> `src/engine`. */
function group(path) {
  const p = relative(root, path).replace(/\\/g, '/');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = p.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = p.split('/');
  if (parts[0] === 'src' && parts[1] === 'elements') return parts.slice(0, 3).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : p;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const kit = await bundle('src/index.ts');
const elements = [];
for (const name of readdirSync(join(root, 'src/elements')).sort()) {
  const define = `src/elements/${name}/define.ts`;
  if (existsSync(join(root, define))) elements.push({ name, ...(await bundle(define)) });
}
// The widgets together, without the board (and so without the engine, data layer,
// adapters and zod): what a page pays that renders reports computed elsewhere.
const widgets = await bundle({
  contents: elements
    .filter((e) => e.name !== 'kpi-board')
    .map((e) => `import './src/elements/${e.name}/define.ts';`)
    .join('\n'),
});

const out = Object.values(kit.metafile.outputs)[0];
const groups = new Map();
for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
  const g = group(path);
  groups.set(g, (groups.get(g) ?? 0) + bytesInOutput);
}
const contributors = [...groups.entries()]
  .map(([name, min]) => ({ name, min, gzipShare: Math.round((min / kit.min) * kit.gzip) }))
  .sort((a, b) => b.min - a.min);

const over = kit.gzip > BUDGET;
if (json) {
  console.log(
    JSON.stringify(
      {
        kit: { min: kit.min, gzip: kit.gzip, budget: BUDGET },
        elements: elements.map(({ name, min, gzip }) => ({ name, min, gzip })),
        widgets: { min: widgets.min, gzip: widgets.gzip },
        contributors,
      },
      null,
      2,
    ),
  );
} else {
  console.log(`whole kit (src/index.ts): ${kb(kit.min)} minified, ${kb(kit.gzip)} gzipped (budget ${kb(BUDGET)})`);
  console.log('\nper element entry (define.ts, deps included):');
  for (const e of elements)
    console.log(`  ${e.name.padEnd(18)} ${kb(e.min).padStart(9)} min  ${kb(e.gzip).padStart(8)} gz`);
  console.log(
    `  ${`${elements.length - 1} widgets`.padEnd(18)} ${kb(widgets.min).padStart(9)} min  ${kb(widgets.gzip).padStart(8)} gz  (without the board)`,
  );
  console.log(`\nlargest contributors to the whole kit (minified bytes; gz = share of the gzipped total):`);
  for (const c of contributors.slice(0, top))
    console.log(`  ${c.name.padEnd(30)} ${kb(c.min).padStart(9)} min  ~${kb(c.gzipShare).padStart(8)} gz`);
  if (contributors.length > top) console.log(`  ... ${contributors.length - top} more`);
  console.log(over ? `\nOVER BUDGET by ${kb(kit.gzip - BUDGET)}` : `\nwithin budget (${kb(BUDGET - kit.gzip)} left)`);
}
process.exit(over ? 1 : 0);
