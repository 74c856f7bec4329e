#!/usr/bin/env node
/* global Event -- used in page.evaluate callbacks, which run in the page */
/**
 * The host matrix: the packed tarball of the kit installed into host apps as users build
 * them (React 19, Vue 3 and Svelte 5 with Vite, webpack 5, Angular 20, plain HTML with an
 * import map and with an esbuild bundle), each built and opened in headless Chromium.
 *
 * The apps' own code is the README's, as written: every code block after a
 * `<!-- host: <app>/<file> -->` marker is written to that file of the app before it is
 * built (a snippet that breaks fails here). test/hosts/<app>/ holds only what the README
 * leaves to the reader (index.html, the entry, the bundler config).
 *
 * For each app: the revenue on the tiles equals the engine's figure for the board's query
 * (120 000 orders, computed here in Node from the same tarball), the board computes in its
 * Web Worker, a period change reaches the host's listener (the README's `console.log`), a
 * static `<promo-kpi-tile>` child of a custom board shows the number too, and no page error.
 * The React app's TSX is type-checked with `tsc`. Prints the time of each step and each
 * host's bundle cost of the kit (the kit with lit and d3-array, gzipped; the worker apart).
 *
 *   npm run build && node test/hosts/run.mjs [--only react,vue] [--keep]
 *
 * Works in a folder of the system's temp dir (`HOSTS_WORK` to choose another): one `npm ci`
 * for every app (kept between runs while test/hosts/package-lock.json is unchanged), then
 * the tarball added with `npm install`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  symlinkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { findBrowser } from '../../scripts/find-browser.mjs';

const root = resolve(import.meta.dirname, '../..');
const here = import.meta.dirname;
// Outside the repository, so no bundler finds the kit's sources by walking up from an app;
// one folder per checkout, kept between runs.
const work =
  process.env.HOSTS_WORK ||
  join(tmpdir(), `promo-kpi-kit-hosts-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;

const HOSTS = ['html-importmap', 'html-bundle', 'webpack', 'react', 'vue', 'svelte', 'angular'].filter(
  (h) => !only || only.includes(h),
);
/** The kit and the packages it brings to a page (its dependencies). */
const KIT = /node_modules[\\/](promo-kpi-kit|lit|lit-html|lit-element|@lit[\\/][^\\/]+|d3-array|internmap)[\\/]/;

const started = Date.now();
const times = {};
const costs = {};
const failures = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function sh(cmd, argv, opts = {}) {
  return execFileSync(cmd, argv, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
}
function timed(name, fn) {
  const t = Date.now();
  try {
    return fn();
  } finally {
    times[name] = (times[name] ?? 0) + (Date.now() - t);
  }
}
async function timedAsync(name, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    times[name] = (times[name] ?? 0) + (Date.now() - t);
  }
}

// ---- the README's snippets ----

/** `<!-- host: app/file [app/file ...] -->` followed by a fenced block: file -> text. */
export function readmeSnippets(readme) {
  const out = new Map();
  const re = /<!-- host: ([^>]+?) -->\s*\n```[\w-]*\n([\s\S]*?)\n```/g;
  for (const m of readme.matchAll(re))
    for (const file of m[1].split(/\s+/)) {
      if (out.has(file)) throw new Error(`README: two snippets for ${file}`);
      out.set(file, m[2] + '\n');
    }
  return out;
}

// ---- the data every app loads from /orders.json ----

/** 120 000 orders over 60 days (deterministic), two campaigns, three channels. */
function makeData() {
  const campaigns = [
    { id: 'TET', name: 'Tết Sale', start: '2026-01-20', end: '2026-02-28', budget: 900_000_000 },
    { id: 'FLASH', name: 'Flash 3.3', start: '2026-02-15', end: '2026-03-10', budget: 300_000_000 },
  ];
  const channels = ['store', 'web', 'app'];
  const orders = [];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const start = Date.parse('2026-01-10T00:00:00Z');
  for (let i = 0; i < 120_000; i++) {
    const t = start + Math.floor(rnd() * 60 * 86_400_000);
    const revenue = 50_000 + Math.round(rnd() * 40) * 25_000;
    const c = rnd();
    orders.push({
      id: `o${i}`,
      customerId: `k${Math.floor(rnd() * 30_000)}`,
      time: new Date(t).toISOString(),
      revenue,
      cogs: Math.round(revenue * 0.6),
      campaignId: c < 0.45 ? 'TET' : c < 0.7 ? 'FLASH' : null,
      channel: channels[Math.floor(rnd() * 3)],
    });
  }
  return { campaigns, orders };
}

// ---- serving a built app ----

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

function serve(dir, ordersJson) {
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (url === '/orders.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(ordersJson);
    }
    // The import-map page reads the packages from the shared install, as a static host would.
    const base = url.startsWith('/node_modules/') ? work : dir;
    let file = join(base, url);
    if (!file.startsWith(base)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      // A single-page app's fallback: what a production server answers for an unknown path.
      const index = join(dir, 'index.html');
      res.writeHead(url.endsWith('.js') ? 404 : 200, { 'content-type': 'text/html' });
      return res.end(url.endsWith('.js') ? '' : readFileSync(index));
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

// ---- the apps ----

const bin = (name) => join(work, 'node_modules/.bin', name);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
function walk(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

/** Bytes of the kit in an esbuild metafile (Angular's stats.json): inputs matching KIT, minified, not gzipped. */
function metafileCost(metafile) {
  let bytes = 0;
  for (const out of Object.values(metafile.outputs))
    for (const [input, v] of Object.entries(out.inputs ?? {})) if (KIT.test(input)) bytes += v.bytesInOutput;
  return bytes;
}

/** How each app is built, where its page is, and what the kit costs in it. */
const BUILD = {
  'html-importmap': (app) => ({ out: app, cost: null }),
  'html-bundle': (app) => {
    sh(bin('esbuild'), ['main.js', '--bundle', '--minify', '--format=esm', '--outdir=dist', '--log-level=warning'], {
      cwd: app,
    });
    // esbuild does not follow new Worker(new URL(...)): the README bundles the worker beside it.
    sh(
      bin('esbuild'),
      [
        join(work, 'node_modules/promo-kpi-kit/dist/engine/worker.js'),
        '--bundle',
        '--minify',
        '--format=esm',
        '--outfile=dist/promo-worker.js',
        '--log-level=warning',
      ],
      { cwd: app },
    );
    cpSync(join(app, 'index.html'), join(app, 'dist/index.html'));
    // The kit's cost: the same bundling of `import 'promo-kpi-kit'` alone.
    const kitOnly = sh(bin('esbuild'), ['--bundle', '--minify', '--format=esm', '--log-level=warning'], {
      cwd: app,
      input: "import 'promo-kpi-kit';\n",
      stdio: ['pipe', 'pipe', 'pipe'],
      encoding: null,
    });
    return { out: join(app, 'dist'), cost: { gzip: gz(kitOnly) } };
  },
  webpack: (app) => {
    sh(bin('webpack'), ['--config', 'webpack.config.mjs', '--mode', 'production'], { cwd: app });
    return { out: join(app, 'dist'), cost: chunkCost(join(app, 'dist'), /kit/) };
  },
  react: (app) => {
    sh(bin('vite'), ['build', '--config', 'vite.cost.mjs', '--logLevel', 'warn'], { cwd: app });
    return { out: join(app, 'dist'), cost: chunkCost(join(app, 'dist'), /kit/) };
  },
  vue: (app) => {
    sh(bin('vite'), ['build', '--config', 'vite.cost.mjs', '--logLevel', 'warn'], { cwd: app });
    return { out: join(app, 'dist'), cost: chunkCost(join(app, 'dist'), /kit/) };
  },
  svelte: (app) => {
    sh(bin('vite'), ['build', '--config', 'vite.cost.mjs', '--logLevel', 'warn'], { cwd: app });
    return { out: join(app, 'dist'), cost: chunkCost(join(app, 'dist'), /kit/) };
  },
  angular: (app) => {
    sh(bin('ng'), ['build', '--configuration', 'production', '--stats-json'], {
      cwd: app,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' },
    });
    const stats = JSON.parse(readFileSync(join(app, 'dist/host/stats.json'), 'utf8'));
    return { out: join(app, 'dist/host/browser'), cost: { min: metafileCost(stats) } };
  },
};

/** The gzipped size of the kit's chunk (named by the app's bundler config) and of the worker. */
function chunkCost(dir, name) {
  const js = walk(dir).filter((f) => f.endsWith('.js'));
  const kit = js.filter((f) => name.test(relative(dir, f)));
  if (!kit.length) throw new Error(`no kit chunk in ${dir}: ${js.map((f) => relative(dir, f)).join(', ')}`);
  return { gzip: kit.reduce((n, f) => n + gz(readFileSync(f)), 0) };
}

/** Opens the app and checks what a user sees. */
async function check(browser, host, url, expected) {
  const page = await browser.newPage();
  const errors = [];
  const queries = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.text().startsWith('query')) queries.push(m.text());
  });
  const kitRequests = [];
  page.on('response', (r) => {
    if (KIT.test(new URL(r.url()).pathname)) kitRequests.push(r);
  });
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} (${r.status()})`);
  });
  try {
    await page.goto(url);
    await page
      .waitForFunction(
        () => {
          const boards = [...document.querySelectorAll('promo-kpi-board')];
          return boards.length >= 2 && boards.every((b) => b.currentReport && b.computedIn);
        },
        null,
        { timeout: 60_000 },
      )
      .catch((e) => {
        // Say why: what the page printed and which requests failed.
        const why = [...errors, ...failed.map((f) => `request failed: ${f}`)];
        throw new Error(`${e.message}${why.length ? `\n    ${why.join('\n    ')}` : ''}`);
      });
    const seen = await page.evaluate(async () => {
      const [main, custom] = document.querySelectorAll('promo-kpi-board');
      await main.reportComplete();
      await custom.reportComplete();
      const valueOf = (tile) => tile?.shadowRoot?.querySelector('[part~="value"]')?.textContent.trim() ?? '';
      const tiles = [...main.shadowRoot.querySelectorAll('promo-kpi-tile')];
      const child = custom.querySelector('promo-kpi-tile');
      return {
        query: main.query,
        customQuery: custom.query,
        computedIn: [main.computedIn, custom.computedIn],
        revenue: main.currentReport.kpis.revenue.value,
        kpis: tiles.map((t) => t.getAttribute('kpi')),
        tile: valueOf(tiles[0]),
        target: tiles[0]?.target,
        child: valueOf(child),
      };
    });
    const want = expected(seen.query);
    const problems = [];
    if (seen.revenue !== want.revenue) problems.push(`revenue ${seen.revenue}, the engine says ${want.revenue}`);
    if (!/\d/.test(seen.tile)) problems.push(`the revenue tile shows "${seen.tile}"`);
    if (JSON.stringify(seen.kpis) !== JSON.stringify(['revenue', 'grossProfit', 'roi', 'aov']))
      problems.push(`tiles ${JSON.stringify(seen.kpis)} (kpis given as a string)`);
    if (seen.target !== 5_000_000_000) problems.push(`revenue target ${seen.target} (targets given as JSON text)`);
    if (seen.computedIn.some((w) => w !== 'worker')) problems.push(`computed in ${seen.computedIn.join(', ')}`);
    // Same data, same default period: the child tile shows the board's revenue.
    if (JSON.stringify(seen.customQuery) !== JSON.stringify(seen.query) || seen.child !== seen.tile)
      problems.push(`static child tile shows "${seen.child}" (board tile "${seen.tile}")`);
    // A period change in the board reaches the host's listener.
    await page.evaluate(() => {
      const main = document.querySelector('promo-kpi-board');
      const select = main.shadowRoot.querySelector('select[name="preset"]');
      select.value = 'last-7';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(() => true);
    const t0 = Date.now();
    while (!queries.length && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 50));
    if (!queries.length) problems.push('the period change did not reach the host listener');
    if (errors.length) problems.push(`page errors: ${errors.join(' | ')}`);
    let cost = null;
    if (host === 'html-importmap') {
      let bytes = 0;
      for (const r of kitRequests) if (!r.url().includes('/engine/worker') && r.ok()) bytes += gz(await r.body());
      cost = { gzip: bytes, files: kitRequests.length };
    }
    return { problems, seen, queries, cost };
  } finally {
    await page.close();
  }
}

async function main() {
  mkdirSync(work, { recursive: true });
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('no dist/: run `npm run build` first');

  // 1. The tarball, as `npm publish` would send it.
  const tarball = timed('pack', () => {
    for (const f of readdirSync(work)) if (f.endsWith('.tgz')) rmSync(join(work, f));
    const name = sh('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root }).trim().split('\n').pop();
    return join(work, name);
  });

  // 2. One install for every app, then the kit from its tarball.
  timed('install', () => {
    const lock = readFileSync(join(here, 'package-lock.json'));
    const hash = createHash('sha256')
      .update(lock)
      .update(readFileSync(join(here, 'package.json')))
      .digest('hex');
    const stamp = join(work, 'node_modules/.host-deps');
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
      cpSync(join(here, 'package.json'), join(work, 'package.json'));
      cpSync(join(here, 'package-lock.json'), join(work, 'package-lock.json'));
      sh('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
      writeFileSync(stamp, hash);
    }
    sh('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball]);
  });

  // 3. The apps: test/hosts/<app> plus the README's snippets.
  const snippets = readmeSnippets(readFileSync(join(root, 'README.md'), 'utf8'));
  for (const host of HOSTS)
    if (![...snippets.keys()].some((k) => k.startsWith(`${host}/`))) failures.push(`${host}: no README snippet`);
  for (const host of HOSTS) {
    const app = join(work, host);
    rmSync(app, { recursive: true, force: true });
    cpSync(join(here, host), app, { recursive: true });
    // Each app sees the shared install as its own node_modules (paths in angular.json, README commands).
    symlinkSync(join(work, 'node_modules'), join(app, 'node_modules'), 'dir');
    for (const [file, text] of snippets)
      if (file.startsWith(`${host}/`)) {
        // A snippet may be the only file of its folder (git keeps no empty folder).
        mkdirSync(dirname(join(work, file)), { recursive: true });
        writeFileSync(join(work, file), text);
      }
  }

  // 4. The expected numbers: the engine of the same tarball, in Node.
  const data = makeData();
  const ordersJson = JSON.stringify(data);
  const engine = await import(pathToFileURL(join(work, 'node_modules/promo-kpi-kit/dist/engine-entry.js')).href);
  const dataset = engine.createDataset(data, { timeZone: 'Asia/Ho_Chi_Minh' });
  const expected = (query) => ({ revenue: engine.computeReport(dataset, query).kpis.revenue.value });

  // 5. The React app's TSX type-checks (the README's component, the JSX types, the wrappers).
  if (HOSTS.includes('react'))
    timed('react: tsc', () => {
      try {
        sh(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: join(work, 'react') });
      } catch (e) {
        failures.push(`react: tsc\n${e.stdout}${e.stderr}`);
      }
    });

  // The Vue and Svelte typings compile and type the props and events.
  if (!only)
    timed('vue, svelte: tsc', () => {
      const dir = join(work, 'types');
      rmSync(dir, { recursive: true, force: true });
      cpSync(join(here, 'types'), dir, { recursive: true });
      try {
        sh(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: dir });
      } catch (e) {
        failures.push(`vue/svelte typings: tsc\n${e.stdout}${e.stderr}`);
      }
    });

  // 6. Build, open and check each app.
  const { chromium } = await import(pathToFileURL(join(root, 'node_modules/playwright/index.mjs')).href);
  const browser = await chromium.launch({
    executablePath: findBrowser({ install: true }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    for (const host of HOSTS) {
      let built;
      try {
        built = timed(`${host}: build`, () => BUILD[host](join(work, host)));
      } catch (e) {
        failures.push(`${host}: build failed\n${e.stdout ?? ''}${e.stderr ?? ''}${e.stack ?? e}`);
        continue;
      }
      const server = await serve(built.out, ordersJson);
      try {
        const r = await timedAsync(`${host}: browser`, () =>
          check(browser, host, `http://127.0.0.1:${server.address().port}/`, expected),
        );
        costs[host] = built.cost ?? r.cost;
        if (r.problems.length) failures.push(`${host}: ${r.problems.join('; ')}`);
        else
          console.log(
            `ok ${host}: revenue ${r.seen.tile} (= engine), worker, static child, listener got ${r.queries.length} change(s)`,
          );
      } catch (e) {
        failures.push(`${host}: ${e.message}`);
      } finally {
        server.close();
      }
    }
  } finally {
    await browser.close();
  }

  // 7. Figures.
  console.log('\nbundle cost of the kit (with lit and d3-array; the worker apart):');
  for (const [host, c] of Object.entries(costs))
    console.log(
      `  ${host.padEnd(15)} ${c.gzip !== undefined ? `${kb(c.gzip)} gzipped` : `${kb(c.min)} minified`}${c.files ? ` in ${c.files} files` : ''}`,
    );
  console.log('\ntimes:');
  for (const [k, v] of Object.entries(times)) console.log(`  ${k.padEnd(22)} ${secs(v)}`);
  console.log(`  ${'total'.padEnd(22)} ${secs(Date.now() - started)}`);
  if (failures.length) {
    console.log(`\nhost matrix: ${failures.length} failed\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`\nhost matrix: ${HOSTS.length} hosts passed`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((e) => {
    console.error(`host matrix: ${e.message}`);
    process.exit(1);
  });
