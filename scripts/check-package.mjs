#!/usr/bin/env node
/**
 * Checks the package as a user gets it: packs the tarball, runs publint and
 * are-the-types-wrong on it, installs it into an empty folder, imports
 * `promo-kpi-kit/engine` in plain Node and `promo-kpi-kit` in headless Chromium, checks the
 * engine keeps the worker in the shape app bundlers emit, and type-checks a file using
 * `promo-kpi-kit/engine` with `lib: ["es2023"]` and no `@types/node`, and checks the
 * Vietnamese strings ship as modules of their own (`dist/i18n/vi/`), which a bundler emits as
 * chunks loaded on demand, and that an element speaking Vietnamese renders them; with the
 * Vietnamese pack (`promo-kpi-kit/vi`), that they are all in the app's bundle and a
 * Vietnamese element loads no chunk on demand; and that the editor hints for HTML files
 * (`types/vscode.html-custom-data.json`) list every element.
 * Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
const work = mkdtempSync(join(tmpdir(), 'promo-kpi-kit-pack-'));
try {
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  const tarball = join(work, out.trim().split('\n').pop());
  console.log(`packed ${tarball}`);

  run('npx', ['--no-install', 'publint', '--strict', tarball]);
  // The stylesheet is a file, not a module: nothing to type.
  run('npx', [
    '--no-install',
    'attw',
    tarball,
    '--profile',
    'esm-only',
    '--exclude-entrypoints',
    './theme/brand-example.css',
  ]);

  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], { cwd: app });

  // The worker in the shape Vite, webpack 5, Rollup, Parcel and esbuild detect, next to its script.
  const kit = join(app, 'node_modules/promo-kpi-kit');
  const engineJs = readFileSync(join(kit, 'dist/engine/report-worker.js'), 'utf8');
  if (!/new Worker\(new URL\(["']\.\/worker\.js["'], import\.meta\.url\), \{ type: ["']module["'] \}\)/.test(engineJs))
    throw new Error(
      "dist/engine/report-worker.js lost new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })",
    );
  if (!existsSync(join(kit, 'dist/engine/worker.js'))) throw new Error('dist/engine/worker.js is not in the package');
  console.log("worker: new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }) kept in dist");

  // The editor hints the README points VS Code to, for every element the package's manifest defines.
  const hints = JSON.parse(readFileSync(join(kit, 'types/vscode.html-custom-data.json'), 'utf8'));
  const tags = JSON.parse(readFileSync(join(kit, 'custom-elements.json'), 'utf8'))
    .modules.flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => d.tagName)
    .sort();
  if (JSON.stringify(hints.tags.map((t) => t.name).sort()) !== JSON.stringify(tags))
    throw new Error('types/vscode.html-custom-data.json does not list the elements of custom-elements.json');
  console.log(`editor hints: types/vscode.html-custom-data.json lists the ${tags.length} elements`);

  // The engine's types without the DOM lib or @types/node (zod's own declarations name URL:
  // a project checking declaration files sees those, in node_modules/zod only).
  writeFileSync(
    join(app, 'engine-types.ts'),
    `import { computeReport, createDataset, createReportWorker, type Report, type ReportWorkerOptions } from 'promo-kpi-kit/engine';
const ds = createDataset({ orders: [] }, { timeZone: 'Asia/Ho_Chi_Minh' });
const report: Report = computeReport(ds, { from: '2025-03-01', to: '2025-03-31' });
const options: ReportWorkerOptions = { url: '/assets/worker.js' };
export const used = [report.kpis, options, createReportWorker];
`,
  );
  writeFileSync(
    join(app, 'tsconfig.engine.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['es2023'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ['engine-types.ts'],
    }),
  );
  let tscOut = '';
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.engine.json'], { cwd: app, encoding: 'utf8' });
  } catch (e) {
    tscOut = String(e.stdout ?? '') + String(e.stderr ?? '');
  }
  const errors = tscOut.split('\n').filter((l) => /error TS/.test(l));
  const ours = errors.filter((l) => !l.startsWith('node_modules/zod/'));
  if (ours.length) throw new Error('promo-kpi-kit/engine types need more than lib es2023:\n' + ours.join('\n'));
  console.log(
    `types: promo-kpi-kit/engine compiles with lib es2023, no @types/node` +
      (errors.length ? ` (${errors.length} errors inside zod's own declarations, which name URL)` : ''),
  );

  // Plain Node 20: the engine entry, no DOM.
  run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const e = await import('promo-kpi-kit/engine');
       if (typeof e.parseLocalDate !== 'function') throw new Error('engine entry is missing its exports');
       if (typeof globalThis.document !== 'undefined') throw new Error('unexpected DOM');
       console.log('node: promo-kpi-kit/engine imported, ' + Object.keys(e).length + ' exports');`,
    ],
    { cwd: app },
  );

  // The zod schemas, their own entry: the main entry and the engine do not load zod.
  run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const s = await import('promo-kpi-kit/schema');
       const r = s.validateCollection('orders', [{ id: 'O1', customerId: 'K1', time: 0, revenue: '12,5' }]);
       if (!s.orderSchema || r.issues.length !== 2) throw new Error('schema entry is missing its exports');
       console.log('node: promo-kpi-kit/schema imported: ' + r.issues.map((i) => i.message).join('; '));`,
    ],
    { cwd: app },
  );

  // The Vietnamese strings: one module per string module of the source, each in the package.
  const viModules = readdirSync(join(root, 'src/i18n/vi')).map((f) => f.replace(/\.ts$/, '.js'));
  const missing = viModules.filter((f) => !existsSync(join(kit, 'dist/i18n/vi', f)));
  if (!viModules.length || missing.length)
    throw new Error(`dist/i18n/vi lacks ${missing.join(', ') || 'every module'}`);
  console.log(`strings: ${viModules.length} Vietnamese modules in dist/i18n/vi, loaded on demand`);

  // Browser: bundle `import 'promo-kpi-kit'` as a user's bundler would (dynamic imports as
  // chunks of their own) and load it in Chromium.
  writeFileSync(join(app, 'entry.js'), `import 'promo-kpi-kit';\n`);
  run(
    join(root, 'node_modules/.bin/esbuild'),
    [
      'entry.js',
      '--bundle',
      '--splitting',
      '--format=esm',
      '--outdir=out',
      '--metafile=meta.json',
      '--log-level=warning',
    ],
    { cwd: app },
  );
  const meta = JSON.parse(readFileSync(join(app, 'meta.json'), 'utf8'));
  const viChunks = Object.entries(meta.outputs)
    .filter(([, o]) => Object.keys(o.inputs).some((i) => i.includes('/dist/i18n/vi/')))
    .map(([path, o]) => ({ path, imports: o.imports.length }));
  if (viChunks.length !== viModules.length || viChunks.some((c) => c.imports))
    throw new Error(`the Vietnamese strings are not ${viModules.length} chunks importing nothing`);
  console.log(`bundle: the Vietnamese strings are ${viChunks.length} chunks of their own, importing nothing`);
  // Dependencies stay dependencies: nothing of node_modules is copied into dist, so the app's
  // bundle holds one Lit (a copy in dist would bring a second lit-html with it).
  if (existsSync(join(kit, 'dist/node_modules')))
    throw new Error('dist/node_modules: a dependency was bundled into dist');
  const inputs = Object.keys(meta.inputs);
  const litCores = inputs.filter((p) => p.endsWith('lit-html/lit-html.js'));
  if (litCores.length !== 1)
    throw new Error(`the app's bundle holds ${litCores.length} lit-html: ${litCores.join(', ')}`);
  console.log(`bundle: one lit-html (${litCores[0]}), nothing of node_modules in dist`);
  // The Vietnamese pack, imported after an element as an app may: every Vietnamese table in
  // the app's bundle (loaded with the entry), none left in a chunk on demand.
  writeFileSync(join(app, 'entry-vi.js'), `import 'promo-kpi-kit/kpi-tile';\nimport 'promo-kpi-kit/vi';\n`);
  run(
    join(root, 'node_modules/.bin/esbuild'),
    [
      'entry-vi.js',
      '--bundle',
      '--splitting',
      '--format=esm',
      '--outdir=out-vi',
      '--metafile=meta-vi.json',
      '--log-level=warning',
    ],
    { cwd: app },
  );
  const metaVi = JSON.parse(readFileSync(join(app, 'meta-vi.json'), 'utf8'));
  const packEager = new Set();
  const walkPack = (out) => {
    if (packEager.has(out)) return;
    packEager.add(out);
    for (const i of metaVi.outputs[out].imports) if (i.kind === 'import-statement') walkPack(i.path);
  };
  walkPack('out-vi/entry-vi.js');
  const packVi = new Set(
    [...packEager].flatMap((o) => Object.keys(metaVi.outputs[o].inputs).filter((i) => i.includes('/dist/i18n/vi/'))),
  );
  if (packVi.size !== viModules.length)
    throw new Error(`the pack bundles ${packVi.size} of the ${viModules.length} Vietnamese modules with the entry`);
  console.log(`bundle: with promo-kpi-kit/vi, the ${packVi.size} Vietnamese modules are loaded with the entry`);
  writeFileSync(
    join(app, 'index-vi.html'),
    `<!doctype html><html lang="vi"><body><promo-kpi-tile state="loading"></promo-kpi-tile><script type="module" src="out-vi/entry-vi.js"></script></body></html>`,
  );
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><body><promo-kpi-tile label="Revenue" value="1000" unit="currency" currency="VND"></promo-kpi-tile><promo-kpi-tile locale="vi" state="loading"></promo-kpi-tile><script type="module" src="out/entry.js"></script></body></html>`,
  );
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const requested = [];
  const server = createServer((req, res) => {
    const file = req.url === '/' ? 'index.html' : req.url.slice(1);
    requested.push(file);
    try {
      const body = readFileSync(join(app, file));
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => customElements.get('promo-kpi-tile') !== undefined, null, { timeout: 10_000 });
    const [text, viText] = await page.evaluate(async () =>
      Promise.all(
        [...document.querySelectorAll('promo-kpi-tile')].map(async (el) => {
          await el.updateComplete;
          return el.shadowRoot.textContent.replace(/\s+/g, ' ').trim();
        }),
      ),
    );
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    if (!text.includes('Revenue')) throw new Error('element did not render: ' + text);
    console.log(`browser: promo-kpi-tile defined and rendered "${text}"`);
    const viLoaded = viChunks.filter((c) => requested.includes(c.path));
    if (viText !== 'Đang tải…' || !viLoaded.length)
      throw new Error(`the Vietnamese tile rendered "${viText}" (${viLoaded.length} string chunks loaded)`);
    console.log(`browser: a Vietnamese tile rendered "${viText}" once ${viLoaded.length} string chunks came in`);

    requested.length = 0;
    const packPage = await browser.newPage();
    packPage.on('pageerror', (e) => errors.push(String(e)));
    await packPage.goto(`http://127.0.0.1:${server.address().port}/index-vi.html`);
    await packPage.waitForFunction(() => customElements.get('promo-kpi-tile') !== undefined, null, { timeout: 10_000 });
    const packText = await packPage.evaluate(async () => {
      const el = document.querySelector('promo-kpi-tile');
      await el.updateComplete;
      return el.shadowRoot.textContent.replace(/\s+/g, ' ').trim();
    });
    const onDemand = requested.filter((f) => f.endsWith('.js') && !packEager.has(f));
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    if (packText !== 'Đang tải…' || onDemand.length)
      throw new Error(
        `with the pack, the Vietnamese tile rendered "${packText}" and loaded ${onDemand.join(', ')} on demand`,
      );
    console.log(
      `browser: with promo-kpi-kit/vi, a Vietnamese tile rendered "${packText}", no chunk loaded on demand (${requested.filter((f) => f.endsWith('.js')).length} files, all with the entry)`,
    );
  } finally {
    server.close();
    await browser.close();
  }
  console.log('package check passed');
} finally {
  rmSync(work, { recursive: true, force: true });
}
