/**
 * Heap snapshot comparison of the board in headless Chromium (CDP HeapProfiler): runs N cycles
 * of a scenario (mount, replace or stream, as in test/reliability/leaks-heap.heap.ts), takes a
 * snapshot, runs 2N more, takes another, and prints the object kinds whose count changed by
 * N/4 or more, then the counts of the kit's own objects and elements. Not run by
 * `npm run bench`; run it by hand to find what grows when the heap bench reports kept objects:
 *
 *   node scripts/bench/heap-snapshot.mjs mount|replace|stream [N=60]
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const here = dirname(fileURLToPath(import.meta.url));
const kind = process.argv[2] || 'mount';
const N = Number(process.argv[3] || 60);
const work = mkdtempSync(join(tmpdir(), 'promo-heap-'));
await build({
  entryPoints: [join(here, 'heap-snapshot.page.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(work, 'page.js'),
  tsconfig: join(here, '../../tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  platform: 'browser',
  keepNames: true,
  logLevel: 'warning',
});
writeFileSync(
  join(work, 'index.html'),
  '<!doctype html><meta charset="utf-8"><script type="module" src="./page.js"></script>',
);
const server = createServer((req, res) => {
  const name = req.url === '/' ? 'index.html' : req.url.slice(1).split('?')[0];
  try {
    const body = readFileSync(join(work, name));
    res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`page error: ${e}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => 'heapCycles' in window);
  const cdp = await page.context().newCDPSession(page);

  /** Object counts by kind (type:constructor or element) and total self size, after a full GC. */
  const snapshot = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const chunks = [];
    const onChunk = (e) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const s = JSON.parse(chunks.join(''));
    const fields = s.snapshot.meta.node_fields;
    const types = s.snapshot.meta.node_types[0];
    const [w, iType, iName, iSize] = [
      fields.length,
      fields.indexOf('type'),
      fields.indexOf('name'),
      fields.indexOf('self_size'),
    ];
    const counts = new Map();
    let total = 0;
    for (let i = 0; i < s.nodes.length; i += w) {
      total += s.nodes[i + iSize];
      const type = types[s.nodes[i + iType]];
      if (type !== 'object' && type !== 'native') continue;
      const key = `${type}:${s.strings[s.nodes[i + iName]].slice(0, 80)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { counts, total };
  };

  await page.evaluate(([k, n]) => window.heapCycles(k, n), [kind, N]);
  const a = await snapshot();
  await page.evaluate(([k, n]) => window.heapCycles(k, n), [kind, 2 * N]);
  const b = await snapshot();
  const mb = (x) => (x / 1e6).toFixed(2);
  console.log(`${kind}: heap snapshot ${mb(a.total)} MB after ${N} cycles, ${mb(b.total)} MB after ${3 * N}`);
  console.log('kinds whose count changed by N/4 or more (after N -> after 3N):');
  for (const [k, v] of b.counts) {
    const was = a.counts.get(k) ?? 0;
    if (Math.abs(v - was) >= Math.max(1, N / 4)) console.log(`  ${was} -> ${v}  ${k}`);
  }
  console.log('kit objects and elements (after N -> after 3N):');
  for (const [k, v] of b.counts)
    if (/Promo|Dataset|Report|<promo-/.test(k) && !k.includes('blink::'))
      console.log(`  ${a.counts.get(k) ?? 0} -> ${v}  ${k}`);
} finally {
  await browser.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
