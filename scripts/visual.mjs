#!/usr/bin/env node
/**
 * Visual regression check: seeded stories (from the built Storybook, `storybook-static/`) and
 * the demo board (served by Vite) are captured in headless Chromium and compared with the
 * committed reference images, pixel by pixel with a small tolerance (pixelmatch).
 *
 *   npm run test:visual                    compare every case
 *   npm run test:visual -- --update        write the current captures as the new references
 *   npm run test:visual -- --only demo     only the cases whose name contains "demo"
 *
 * References: story captures in test/visual/references/, demo captures in docs/screenshots/
 * (the README and the layout guide show the same files). A failing case writes
 * `<name>.actual.png` and `<name>.diff.png` (changed pixels in red) to .test-results/visual/
 * and names them. The Storybook build is made first when it is missing or older than the
 * sources (`npm run build-storybook`).
 *
 * Rendering is made deterministic: fixed data (seeded stories and demo), a fixed clock (the
 * board's "updated at" time), the Vietnamese locale and Asia/Ho_Chi_Minh zone for the browser,
 * reduced motion with every animation and transition off (also inside shadow roots), fonts
 * loaded, each board's report complete, and a capture taken only once two in a row match.
 * The browser is CHROME_PATH or /usr/bin/chromium (playwright library, no browser download).
 */
/* global CSSStyleSheet, requestAnimationFrame, Event -- used in functions that run in the page */
import { spawnSync } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, relative } from 'node:path';
import { chromium } from 'playwright';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const repo = resolve(import.meta.dirname, '..');
const STORY_REFS = join(repo, 'test/visual/references');
const DEMO_REFS = join(repo, 'docs/screenshots');
const OUT = join(repo, '.test-results/visual');

/** Per-pixel colour distance pixelmatch tolerates (0..1; anti-aliased pixels are ignored). */
const PIXEL_THRESHOLD = 0.1;
/** Share of an image's pixels that may differ before a case fails (0.02 %). */
const MAX_DIFF_RATIO = 0.0002;

/** "Now" for every page: the last day of the demo data, in the afternoon in Ho Chi Minh City. */
const FIXED_NOW = new Date('2025-12-31T16:30:00+07:00');

/**
 * Stories: about two of each widget (light and dark, Vietnamese where the story has it) and
 * the board, captured at one viewport width (the story sets the widget's width).
 */
const STORIES = [
  'elements-kpi-tile--vietnamese',
  'elements-kpi-tile--dark',
  'elements-kpi-tile--narrow',
  'elements-budget-gauge--on-track',
  'elements-budget-gauge--dark',
  'elements-campaign-chart--vietnamese',
  'elements-campaign-chart--dark-trend',
  'elements-cohort-heatmap--vietnamese',
  'elements-cohort-heatmap--dark',
  'elements-breakdown--vietnamese',
  'elements-breakdown--dark',
  'elements-re-activation--vietnamese',
  'elements-re-activation--dark',
  'elements-loyalty-panel--vietnamese',
  'elements-loyalty-panel--dark',
  'elements-kpi-board--vietnamese',
  'elements-kpi-board--dark',
];
const STORY_VIEWPORT = { width: 1280, height: 800 };

/** The demo page (Vietnamese) at the widths of a laptop, a small laptop, a tablet and a phone. */
const DEMO = [
  { theme: 'light', widths: [1440, 1024, 768, 375] },
  { theme: 'dark', widths: [1440, 768, 375] },
];

const args = process.argv.slice(2);
const update = args.includes('--update');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const wanted = (name) => !only || name.includes(only);

// ---- servers ----

/** Newest modification time of the files under some folders. */
function newest(dirs) {
  let t = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }))
      if (f.isFile()) t = Math.max(t, statSync(join(f.parentPath, f.name)).mtimeMs);
  }
  return t;
}

function ensureStorybook() {
  const index = join(repo, 'storybook-static/index.json');
  const sources = newest(['src', 'stories', '.storybook', 'demo', 'test/fixtures'].map((d) => join(repo, d)));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('visual: building Storybook (storybook-static is missing or older than the sources)');
  const r = spawnSync('npm', ['run', '-s', 'build-storybook'], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build-storybook failed');
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A static file server for storybook-static on a free port. */
async function serveStatic(root) {
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(root, `.${path}`);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** The demo (`npm start`) on Vite's dev server, on a free port. */
async function serveDemo() {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: join(repo, 'vite.config.ts'),
    root: join(repo, 'demo'),
    logLevel: 'error',
    server: { port: 0 },
  });
  await server.listen();
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}

// ---- pages ----

/**
 * In the page: turns animations and transitions off in the document and in every shadow
 * root, then waits until every Lit element has finished updating, the fonts are loaded and
 * two frames have passed, and nothing asked for another update meanwhile.
 */
async function settle(page) {
  await page.evaluate(async () => {
    const css =
      '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }';
    const sheet = (window.__visualSheet ??= (() => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    })());
    const roots = [];
    const walk = (root) => {
      roots.push(root);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    for (let round = 0; round < 20; round++) {
      roots.length = 0;
      walk(document);
      for (const root of roots)
        if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      const elements = roots.flatMap((r) => [...r.querySelectorAll('*')]).filter((el) => 'updateComplete' in el);
      const done = await Promise.all(elements.map((el) => el.updateComplete));
      await document.fonts.ready;
      await frame();
      const again = elements.some((el) => el.isUpdatePending);
      if (done.every(Boolean) && !again && round > 0) return;
    }
  });
}

/** Waits for every board of the page to have a complete report (the demo generates its data first). */
async function boardsReady(page) {
  await page.waitForFunction(
    () => [...document.querySelectorAll('promo-kpi-board')].every((b) => b.currentReport),
    null,
    { timeout: 180_000 },
  );
  await page.evaluate(() =>
    Promise.all([...document.querySelectorAll('promo-kpi-board')].map((b) => b.reportComplete())),
  );
}

/** A capture taken once two in a row are the same (a late layout change shows as a retry). */
async function stableShot(page, target) {
  let last = null;
  for (let i = 0; i < 6; i++) {
    await settle(page);
    const shot = await target.screenshot({
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      ...(target === page ? { fullPage: true } : {}),
    });
    if (last && shot.equals(last)) return shot;
    last = shot;
    await page.waitForTimeout(150);
  }
  throw new Error('the page kept changing between captures');
}

// ---- compare ----

/** Re-encodes a capture as RGB (captures are opaque) at the best compression: same pixels, a third fewer bytes. */
function encode(png) {
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, deflateLevel: 9, deflateStrategy: 1 });
}

/** A copy of an image on a larger canvas, the new area magenta. */
function pad(png, width, height) {
  const out = new PNG({ width, height });
  for (let i = 0; i < out.data.length; i += 4) out.data.set([255, 0, 255, 255], i);
  PNG.bitblt(png, out, 0, 0, png.width, png.height, 0, 0);
  return out;
}

const results = [];
/** Records a case's result and prints it at once (a long run shows its progress). */
results.add = (r) => {
  results.push(r);
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.note}`);
};

function check(name, buffer, refDir) {
  const ref = join(refDir, `${name}.png`);
  const actual = PNG.sync.read(buffer);
  rmSync(join(OUT, `${name}.actual.png`), { force: true });
  rmSync(join(OUT, `${name}.diff.png`), { force: true });
  if (update) {
    mkdirSync(refDir, { recursive: true });
    writeFileSync(ref, encode(actual));
    results.add({ name, ok: true, note: `updated ${relative(repo, ref)} (${actual.width}x${actual.height})` });
    return;
  }
  const fail = (note, diff) => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.actual.png`), encode(actual));
    if (diff) writeFileSync(join(OUT, `${name}.diff.png`), encode(diff));
    const files = [`${name}.actual.png`, diff ? `${name}.diff.png` : null].filter(Boolean);
    results.add({ name, ok: false, note: `${note}; see ${files.map((f) => relative(repo, join(OUT, f))).join(', ')}` });
  };
  if (!existsSync(ref)) return fail(`no reference ${relative(repo, ref)} (run npm run test:visual -- --update)`);
  const expected = PNG.sync.read(readFileSync(ref));
  const sameSize = expected.width === actual.width && expected.height === actual.height;
  // Of different sizes, both are laid on the larger canvas (the rest magenta) for the diff.
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const a = sameSize ? expected : pad(expected, width, height);
  const b = sameSize ? actual : pad(actual, width, height);
  const diff = new PNG({ width, height });
  const changed = pixelmatch(a.data, b.data, diff.data, width, height, { threshold: PIXEL_THRESHOLD });
  if (!sameSize)
    return fail(`size ${actual.width}x${actual.height}, reference ${expected.width}x${expected.height}`, diff);
  const ratio = changed / (width * height);
  if (ratio > MAX_DIFF_RATIO)
    return fail(`${changed} pixels differ (${(ratio * 100).toFixed(3)} %, at most ${MAX_DIFF_RATIO * 100} %)`, diff);
  results.add({ name, ok: true, note: changed ? `${changed} pixels within tolerance` : 'same' });
}

// ---- run ----

const started = Date.now();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--lang=vi-VN',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--force-color-profile=srgb',
    '--hide-scrollbars',
    '--font-render-hinting=none',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const servers = [];
const errors = [];

async function newPage(viewport) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXED_NOW);
  page.on('pageerror', (e) => errors.push(String(e)));
  return page;
}

/** Runs one case; a timeout or a page that never settles fails that case, not the run. */
async function attempt(name, fn) {
  try {
    await fn();
  } catch (e) {
    results.add({ name, ok: false, note: String(e?.message ?? e).split('\n')[0] });
  }
}

async function runStories(stories) {
  const index = JSON.parse(readFileSync(join(repo, 'storybook-static/index.json'), 'utf8'));
  const sb = await serveStatic(join(repo, 'storybook-static'));
  servers.push(sb);
  const page = await newPage(STORY_VIEWPORT);
  for (const { id, name } of stories)
    await attempt(name, async () => {
      if (!index.entries[id]) throw new Error(`no story ${id} in the Storybook build`);
      await page.goto(`${sb.url}/iframe.html?id=${id}&viewMode=story`);
      await page.waitForFunction(() => document.querySelector('#storybook-root #root-inner')?.children.length, null, {
        timeout: 30_000,
      });
      await boardsReady(page);
      // The story's own element (its width is the story's), else the whole root.
      const root = page.locator('#storybook-root #root-inner');
      const target = (await root.locator(':scope > *').count()) === 1 ? root.locator(':scope > *') : root;
      check(name, await stableShot(page, target), STORY_REFS);
    });
  await page.context().close();
}

async function runDemo(cases) {
  const demo = await serveDemo();
  servers.push(demo);
  const page = await newPage({ width: 1440, height: 900 });
  await page.goto(demo.url);
  await boardsReady(page);
  for (const { theme, width, name } of cases)
    await attempt(name, async () => {
      // The demo's own switch (no click: no focus ring or hover in the capture).
      await page.evaluate((on) => {
        const box = document.querySelector('#dark');
        if (box.checked !== on) {
          box.checked = on;
          box.dispatchEvent(new Event('change'));
        }
      }, theme === 'dark');
      await page.setViewportSize({ width, height: 900 });
      await boardsReady(page);
      check(name, await stableShot(page, page), DEMO_REFS);
    });
  await page.context().close();
}

try {
  const stories = STORIES.map((id) => ({ id, name: `story-${id.replace(/^elements-/, '')}` })).filter((s) =>
    wanted(s.name),
  );
  const demoCases = DEMO.flatMap(({ theme, widths }) =>
    widths.map((w) => ({ theme, width: w, name: `demo-${w}-${theme}` })),
  ).filter((c) => wanted(c.name));
  if (stories.length) ensureStorybook();
  // The demo generates two years of data while the stories are captured.
  await Promise.all([
    stories.length ? runStories(stories) : null,
    demoCases.length
      ? runDemo(demoCases).catch((e) => {
          for (const c of demoCases) results.add({ name: c.name, ok: false, note: `demo did not load: ${e.message}` });
        })
      : null,
  ]);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}

for (const r of results) if (!r.ok) console.log(`FAIL ${r.name}: ${r.note}`);
for (const e of errors) console.log(`page error: ${e}`);
const failed = results.filter((r) => !r.ok).length;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `visual: ${results.length - failed} passed, ${failed} failed in ${seconds} s` +
    (failed ? ' (references: npm run test:visual -- --update)' : ''),
);
process.exit(failed || (errors.length && !update) ? 1 : 0);
