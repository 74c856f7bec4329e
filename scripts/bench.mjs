#!/usr/bin/env node
/**
 * `npm run bench [filter]`: runs every benchmark in scripts/bench/.
 *  - `*.bench.ts` run in Node (through tsx) and, bundled by esbuild, in headless Chromium;
 *  - `*.node-bench.ts` run in Node only.
 * A benchmark module prints its figures with console.log; the figures and ratios are
 * computed inside the module, against baselines run in the same process.
 * Options: `--node` or `--browser` to run one side only; a word filters file names.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'scripts/bench');
const args = process.argv.slice(2);
const side = args.includes('--node') ? 'node' : args.includes('--browser') ? 'browser' : 'both';
const filter = args.find((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.node-bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

let failed = false;

// Heap growth of the board over many mounts, data replacements and streams (Chromium, after gc()).
if (side !== 'node' && (!filter || 'heap'.includes(filter))) {
  console.log('\n### test/reliability/leaks-heap.heap.ts — headless Chromium (heap after gc)');
  const r = spawnSync(
    process.execPath,
    ['node_modules/@web/test-runner/dist/bin.js', '--files', 'test/reliability/leaks-heap.heap.ts'],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (r.status !== 0) failed = true;
}

for (const f of files) {
  if (side !== 'browser') {
    console.log(`\n### ${f} — Node ${process.version}`);
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(dir, f)],
      {
        stdio: 'inherit',
        cwd: root,
      },
    );
    if (r.status !== 0) failed = true;
  }
  if (side !== 'node' && f.endsWith('.bench.ts')) {
    console.log(`\n### ${f} — headless Chromium`);
    if (!(await runInBrowser(join(dir, f)))) failed = true;
  }
}
process.exit(failed ? 1 : 0);

async function runInBrowser(file) {
  const work = mkdtempSync(join(tmpdir(), 'promo-bench-'));
  try {
    await build({
      entryPoints: [file],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(work, 'bench.js'),
      logLevel: 'warning',
      tsconfig: join(root, 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"' },
      platform: 'browser',
    });
    writeFileSync(
      join(work, 'index.html'),
      `<!doctype html><meta charset="utf-8"><script type="module">
        try { await import('./bench.js'); window.__done = 'ok'; } catch (e) { console.error(String(e && e.stack || e)); window.__done = 'error'; }
      </script>`,
    );
    const server = createServer((req, res) => {
      const name = req.url === '/' ? 'index.html' : req.url.slice(1).split('?')[0];
      try {
        const body = readFileSyncSafe(join(work, name));
        res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const { chromium } = await import('playwright');
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc --max-old-space-size=8192',
      ],
    });
    try {
      const page = await browser.newPage();
      page.on('console', (m) => console.log(m.type() === 'error' ? `error: ${m.text()}` : m.text()));
      page.on('pageerror', (e) => console.log(`page error: ${e}`));
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => window.__done, null, { timeout: 15 * 60_000, polling: 500 });
      return (await page.evaluate(() => window.__done)) === 'ok';
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

import { readFileSync } from 'node:fs';
function readFileSyncSafe(p) {
  return readFileSync(p);
}
