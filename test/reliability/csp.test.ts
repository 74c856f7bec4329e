/**
 * The kit on a page with a strict Content-Security-Policy: the page (demo/csp.html) and the
 * kit bundled by esbuild are served with `script-src 'self'; style-src 'self'` as a real
 * header; in Chromium the board and every widget render, tooltips and tables open, and no
 * `securitypolicyviolation` event fires.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
let server: Server;
let url = '';
let browser: Browser;

before(async () => {
  const bundle = await build({
    entryPoints: ['demo/csp.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    minify: true,
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'error',
  });
  const files: Record<string, [string, string]> = {
    '/csp.html': [readFileSync('demo/csp.html', 'utf8'), 'text/html'],
    '/csp.css': [readFileSync('demo/csp.css', 'utf8'), 'text/css'],
    '/csp.js': [bundle.outputFiles[0]!.text, 'text/javascript'],
  };
  server = createServer((req, res) => {
    const f = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!f) {
      res.writeHead(404, { 'content-security-policy': CSP });
      return res.end();
    }
    res.writeHead(200, { 'content-type': `${f[1]}; charset=utf-8`, 'content-security-policy': CSP });
    res.end(f[0]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csp.html`;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

test('strict CSP: the board and every widget render, no violation', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // Registered by the browser itself before any page script (not an inline script).
  await page.addInitScript(`
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample),
    );
  `);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  // The CSP really is on: an inline style attribute set by the page is refused.
  const enforced: number = await page.evaluate(`(async () => {
    const d = document.createElement('div');
    d.setAttribute('style', 'color: red');
    document.body.append(d);
    await new Promise((r) => setTimeout(r, 50));
    const refused = window.__csp.length;
    window.__csp.length = 0;
    d.remove();
    return refused;
  })()`);
  assert.ok(enforced >= 1, 'the policy is enforced');
  errors.length = 0; // the probe's own console report

  // Interact: tooltips (focus every focusable element), tables, the trend and heatmap views.
  const result = (await page.evaluate(`(async () => {
    const deep = (root) => {
      const out = [];
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) out.push(...deep(el.shadowRoot));
      }
      return out;
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    for (const el of deep(document)) if (el.getAttribute('data-action') === 'table') el.click();
    await frame();
    for (const el of deep(document).filter((e) => e.hasAttribute('tabindex'))) {
      el.focus();
      el.dispatchEvent(new PointerEvent('pointerenter', { bubbles: true }));
      const r = el.getBoundingClientRect();
      el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 }));
      await frame();
    }
    await new Promise((r) => setTimeout(r, 100));
    const all = deep(document);
    const tiles = all.filter((e) => e.localName === 'promo-kpi-tile');
    const revenueTile = tiles.find((t) => t.getAttribute('kpi') === 'revenue');
    const cells = all.filter((e) => e.localName === 'rect' && (e.getAttribute('class') || '').includes('cell'));
    return {
      violations: window.__csp,
      tiles: tiles.length,
      revenueText: (revenueTile && revenueTile.shadowRoot ? revenueTile.shadowRoot.textContent : '').replace(/\\s+/g, ' ').trim(),
      charts: all.filter((e) => e.localName === 'promo-campaign-chart').length,
      paths: all.filter((e) => e.localName === 'path').length,
      cells: cells.length,
      cellFill: cells.length ? getComputedStyle(cells[0]).fill : '',
      tooltips: all.filter((e) => e.getAttribute('part') === 'tooltip').length,
      adopted: (document.querySelector('promo-kpi-board').shadowRoot.adoptedStyleSheets || []).length,
    };
  })()`)) as {
    violations: string[];
    tiles: number;
    revenueText: string;
    charts: number;
    paths: number;
    cells: number;
    cellFill: string;
    tooltips: number;
    adopted: number;
  };
  assert.deepEqual(result.violations, [], `CSP violations: ${result.violations.join('\n')}`);
  assert.deepEqual(
    errors.filter((e) => /Content Security Policy|Refused/i.test(e)),
    [],
  );
  assert.ok(result.tiles >= 8, `tiles: ${result.tiles}`);
  assert.match(result.revenueText, /\d/, 'the revenue tile shows a number');
  // The board's default layout holds the campaign trend and the comparison; the page adds a trend of its own.
  assert.equal(result.charts, 3);
  assert.ok(result.paths > 0, 'the trend view drew its lines');
  assert.ok(result.cells > 0, 'the heatmap drew its cells');
  assert.notEqual(result.cellFill, 'none', 'heatmap cells are coloured');
  assert.ok(result.adopted > 0, 'styles come from adopted stylesheets');
  await page.close();
});
