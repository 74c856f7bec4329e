#!/usr/bin/env node
/**
 * `npm run size`: what the kit costs a page, entry by entry, against its budget.
 *
 * Each public browser entry is bundled the way an app's bundler would (esbuild, minified,
 * code splitting on, every library included): the whole kit (`import 'promo-kpi-kit'`,
 * `src/index.ts`) and each element (`promo-kpi-kit/<name>`, `src/elements/<name>/define.ts`).
 * An entry's figure is the gzipped size of what the page loads when it imports it: the entry
 * file and every chunk it imports statically. Chunks behind a dynamic `import()` are printed
 * beside it: those loaded on a user's action (the file writer of an export), on a setting
 * (the campaign chart's trend view), or when the board computes on the page rather than in
 * its worker (its engine, which a board given fewer than 100,000 orders loads after its first
 * paint), and the Vietnamese strings (loaded the first time an element on the page speaks
 * Vietnamese). The whole kit counts them all, so its figure is everything the kit can load.
 *
 *   node scripts/size.mjs [--check] [--json] [--top N] [--why <entry>]
 *
 * --check   exits 1 when an entry is over its budget, or, for an entry whose budget is not
 *           met yet (NOT_YET_MET), over its ceiling there; the gap to the budget is printed
 *           for every entry over it
 * --top N   the N largest contributors to the whole kit, by package or source folder
 * --why E   the files of entry E (`kit`, `kpi-tile`, ...) by size, largest first
 *
 * The Vietnamese pack (`promo-kpi-kit/vi`, `src/vi.ts`: every Vietnamese table in the app's
 * bundle, for an app whose users speak Vietnamese) is printed as a locale pack: its figure, no
 * budget, and not part of the whole kit (which already counts the same strings as its chunks
 * on demand).
 *
 * Three floors are printed under the entries (scripts/size-floor/): Lit alone, the kit's element
 * base without the widget's parts, and the smallest widget the shared base allows; they show
 * how much of an entry is its own code, and what each layer under it costs.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const KB = 1024;
/** Budgets in gzipped bytes. The board is the whole kit behind one element. */
const BUDGETS = { kit: 80 * KB, 'kpi-board': 80 * KB, 'kpi-tile': 12 * KB, widget: 20 * KB };
/**
 * Entries not yet within their budget, each with a ceiling about 5 % above its figure when
 * last lowered (2026-12-06, after each widget's strings moved to its own table; the board
 * entry met its budget on 2026-12-07, once it loaded its page engine and adapters on demand;
 * the widgets' lowered on 2026-12-07, after token descriptions left the runtime and the
 * sparkline stopped bundling d3-shape, d3-path and d3-array, and unused converters were
 * shaken out; then about 0.3 KB above their figures once the shared base stopped making every
 * widget load the config words of every kind, the partial-data and filter notes, and
 * styleProps; again when the Vietnamese strings left the bundles for chunks loaded on demand,
 * which brought the breakdown within its budget; the gauge, loyalty panel and re-activation
 * panel have met theirs since): `--check`
 * fails above the ceiling so nothing grows unnoticed while the gap is closed. Lower a
 * ceiling whenever an entry shrinks; delete the entry once it is within its budget (then
 * the budget itself is enforced).
 */
const NOT_YET_MET = {
  // Raised from 117 KB on 2026-12-07 (the board entry loads its page engine and adapters on
  // demand, and esbuild's code splitting cuts the whole kit into more chunks: 3.7 KB gz more,
  // no code added), then lowered as the kit shrank; raised by 0.5 KB on 2026-12-07 for the
  // board computing through a warehouse's aggregates (an adapter's `pushdown`), then lowered
  // again as the kit shrank; raised from 117.0 KB by the 2,898 B measured on 2026-12-07 when
  // the Vietnamese strings became chunks loaded on demand, one per string module (the same
  // strings, cut into twelve chunks that each compress alone: 119,490 -> 122,388 B gz, no
  // string added).
  kit: 117.0 * KB + 2898,
  'campaign-chart': 25.1 * KB,
  'cohort-heatmap': 22.2 * KB,
  'kpi-tile': 20.4 * KB,
};

const args = process.argv.slice(2);
const check = args.includes('--check');
const json = args.includes('--json');
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) || 12 : 0;
const why = args.includes('--why') ? args[args.indexOf('--why') + 1] : null;
const root = join(import.meta.dirname, '..');

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

/**
 * Bundles one entry with code splitting. Returns the gzipped and minified bytes loaded at
 * import (`gzip`, `min`), those of chunks loaded on demand (`lazyGzip`, `lazyMin`), and the
 * bytes each source file puts into the loaded output (`inputs`).
 */
async function measure(entry) {
  const r = await build({
    entryPoints: { entry: join(root, entry) },
    bundle: true,
    splitting: true,
    outdir: join(root, '.size-out'),
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
  const files = new Map(r.outputFiles.map((f) => [relative(root, f.path).replace(/\\/g, '/'), f.contents]));
  const outputs = r.metafile.outputs;
  // The entry's own output (`entry.js`): each chunk behind a dynamic import is an entry point of
  // the metafile too, and may come first.
  const start = Object.keys(outputs).find((k) => outputs[k].entryPoint && k.endsWith('/entry.js'));
  // Static imports are loaded with the entry; dynamic ones on demand.
  const eager = new Set();
  const walk = (out) => {
    if (eager.has(out)) return;
    eager.add(out);
    for (const i of outputs[out].imports) if (i.kind === 'import-statement' && outputs[i.path]) walk(i.path);
  };
  walk(start);
  const m = { min: 0, gzip: 0, lazyMin: 0, lazyGzip: 0, inputs: new Map() };
  for (const [out, meta] of Object.entries(outputs)) {
    if (out.endsWith('.map')) continue;
    const bytes = files.get(out);
    if (eager.has(out)) {
      m.min += bytes.length;
      m.gzip += gz(bytes);
      for (const [path, { bytesInOutput }] of Object.entries(meta.inputs))
        m.inputs.set(path, (m.inputs.get(path) ?? 0) + bytesInOutput);
    } else {
      m.lazyMin += bytes.length;
      m.lazyGzip += gz(bytes);
    }
  }
  return m;
}

/** `node_modules/d3-scale/src/linear.js` -> `d3-scale`; `src/engine/kpis.ts` -> `src/engine`. */
function group(path) {
  const p = relative(root, join(root, path)).replace(/\\/g, '/');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = p.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = p.split('/');
  if (parts[0] === 'src' && parts[1] === 'elements') return parts.slice(0, 3).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : p;
}

const entries = [{ name: 'kit', file: 'src/index.ts', budget: BUDGETS.kit, countLazy: true }];
for (const name of readdirSync(join(root, 'src/elements')).sort()) {
  const file = `src/elements/${name}/define.ts`;
  if (existsSync(join(root, file))) entries.push({ name, file, budget: BUDGETS[name] ?? BUDGETS.widget });
}
/** Locale packs: printed with their figure, no budget, not in the whole kit. */
entries.push({ name: 'vi', file: 'src/vi.ts', budget: Infinity, pack: true });
for (const e of entries) {
  Object.assign(e, await measure(e.file));
  e.total = e.gzip + (e.countLazy ? e.lazyGzip : 0);
  e.over = e.total > e.budget;
  e.ceiling = e.over ? (NOT_YET_MET[e.name] ?? e.budget) : e.budget;
  e.failed = e.total > e.ceiling;
}
/**
 * Floors, measured the same way, printed for reference (no budget): Lit alone as a widget
 * uses it, and the smallest widget the base allows. An entry's figure minus the widget floor
 * is what that element adds of its own.
 */
const floors = [
  { name: 'Lit alone (element, properties, styles, context, resize)', file: 'scripts/size-floor/lit-element.ts' },
  { name: 'the element base (a PromoElement drawing one value)', file: 'scripts/size-floor/element.ts' },
  { name: 'the widget base (a widget drawing one label)', file: 'scripts/size-floor/widget.ts' },
];
for (const f of floors) Object.assign(f, await measure(f.file));
const over = entries.filter((e) => e.over);
const failed = entries.filter((e) => e.failed);

if (json) {
  console.log(
    JSON.stringify(
      entries.map(({ name, file, min, gzip, lazyMin, lazyGzip, total, budget, over, ceiling, failed }) => ({
        name,
        file,
        min,
        gzip,
        lazyMin,
        lazyGzip,
        total,
        budget,
        over,
        ceiling,
        failed,
      })),
      null,
      2,
    ),
  );
} else {
  console.log('entry (import)                        min        gz   on demand gz    budget');
  for (const e of entries) {
    const label =
      e.name === 'kit' ? 'promo-kpi-kit (whole kit)' : `promo-kpi-kit/${e.name}${e.pack ? ' (locale pack)' : ''}`;
    const lazy = e.lazyGzip ? `${e.countLazy ? '+' : ' '}${kb(e.lazyGzip)}` : '';
    console.log(
      `  ${label.padEnd(32)} ${kb(e.min).padStart(9)} ${kb(e.gzip).padStart(9)} ${lazy.padStart(14)} ${(e.pack ? '-' : kb(e.budget)).padStart(9)}  ${e.pack ? 'no budget' : e.over ? `OVER by ${kb(e.total - e.budget)}` : 'ok'}`,
    );
  }
  console.log(
    '  (gz: loaded on import; on demand: chunks behind a dynamic import (a user action, a setting, or the page engine of a board), counted in the whole kit)',
  );
  console.log('\nfloors (what an element pays before it draws anything; no budget):');
  for (const f of floors)
    console.log(
      `  ${f.name.padEnd(Math.max(...floors.map((x) => x.name.length)))} ${kb(f.min).padStart(9)} ${kb(f.gzip).padStart(9)}`,
    );
  /** An entry's files by folder (package, `src/<layer>`, `src/elements/<element>`), largest first, at most `n`. */
  const byFolder = (e, n) => {
    const groups = new Map();
    for (const [path, bytes] of e.inputs) groups.set(group(path), (groups.get(group(path)) ?? 0) + bytes);
    const rows = [...groups].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
    for (const [name, min] of rows.slice(0, n))
      console.log(`  ${name.padEnd(32)} ${kb(min).padStart(9)} min  ~${kb((min / e.min) * e.gzip).padStart(8)} gz`);
    if (rows.length > n) console.log(`  ... ${rows.length - n} more`);
  };
  if (top) {
    console.log('\nlargest contributors to the whole kit (minified bytes; gz = share of the gzipped total):');
    byFolder(entries[0], top);
  }
  if (why) {
    const e = entries.find((x) => x.name === why);
    if (!e) console.log(`\nno entry "${why}" (entries: ${entries.map((x) => x.name).join(', ')})`);
    else {
      console.log(`\n${why} by folder (minified bytes; gz = share of its gzipped total):`);
      byFolder(e, Infinity);
      console.log(`\nfiles of ${why} loaded on import (minified bytes):`);
      for (const [path, bytes] of [...e.inputs].sort((a, b) => b[1] - a[1]).filter(([, b]) => b > 0))
        console.log(`  ${String(bytes).padStart(7)}  ${path}`);
    }
  }
  if (over.length) {
    console.log(`\nOVER BUDGET (${over.length} of ${entries.length} entries; gap to close):`);
    for (const e of over)
      console.log(
        `  ${e.name.padEnd(16)} ${kb(e.total).padStart(9)} > ${kb(e.budget).padStart(8)}: ${kb(e.total - e.budget)} to go${e.failed ? `, ABOVE ITS CEILING ${kb(e.ceiling)}` : ` (ceiling ${kb(e.ceiling)})`}`,
      );
  } else console.log('\nevery entry within its budget');
  if (check)
    console.log(failed.length ? `\nsize check FAILED: ${failed.map((e) => e.name).join(', ')}` : '\nsize check passed');
}
process.exit(check && failed.length ? 1 : 0);
