/**
 * The kit on a page with a strict Content-Security-Policy: the page (demo/csp.html) and the
 * kit bundled by esbuild are served with `script-src 'self'; style-src 'self'` as a real
 * header; in Chromium the board and every widget render, tooltips and tables open, and no
 * `securitypolicyviolation` event fires, from the first render on, in any shadow root.
 *
 * Every report counts, named by the element that caused it (a style attribute written as text
 * rather than through the CSSOM, an inline script); a style attribute left in the DOM with no
 * declaration applied counts too. The states the page shows are checked to be there (tooltips
 * of both chart views and the heatmap, every table, the recency bars, the tiles' target bars
 * and sparklines, the gauges, the re-activation rate bars, the breakdown), so none drops out
 * of the test unnoticed. The policy is probed last, for a style attribute and an inline script.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright';

// 'report-sample' only asks the browser to put the refused text's start in the report.
const CSP = "default-src 'self'; script-src 'self' 'report-sample'; style-src 'self' 'report-sample'";
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
  const thrown: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => thrown.push(String(e)));
  // Registered by the browser itself before any page script (not an inline script). The event is
  // composed: one capturing listener on the document sees violations inside every shadow root.
  // Each names the element that wrote the style (its shadow hosts first) and what it wrote.
  await page.addInitScript(`
    window.__name = (n) => {
      if (!n || n.nodeType !== 1) return n === document ? 'document' : String(n && n.nodeName);
      const names = [];
      for (let el = n; el; el = el.getRootNode().host) {
        const cls = (el.getAttribute('class') || '').trim();
        const part = el.getAttribute('part');
        names.unshift(el.localName + (el.id ? '#' + el.id : '') + (cls ? '.' + cls.split(/\\s+/).join('.') : '') + (part ? '[part="' + part + '"]' : ''));
      }
      return names.join(' > ');
    };
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(e.effectiveDirective + ' on ' + window.__name(e.composedPath()[0] || e.target) + ': ' + JSON.stringify(e.sample) + ' (' + e.sourceFile + ':' + e.lineNumber + ')'),
      true,
    );
  `);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

  // Interact: hover and focus every focusable mark (tooltips), then open every table. Nothing
  // collected so far is cleared: a violation of the first render counts as much as a later one.
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
    const hostOf = (el) => window.__name(el.getRootNode().host);
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    await frame();
    await frame();
    const tooltips = new Set();
    for (const el of deep(document).filter((e) => e.hasAttribute('tabindex') && e.localName !== 'button')) {
      el.focus();
      el.dispatchEvent(new PointerEvent('pointerenter', { bubbles: true }));
      const r = el.getBoundingClientRect();
      el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 }));
      await frame();
      const tip = el.getRootNode().querySelector('[part~="tooltip"]');
      if (shown(tip)) tooltips.add(hostOf(el));
    }
    const toggles = deep(document).filter((e) => e.getAttribute('data-action') === 'table');
    for (const el of toggles) el.click();
    await frame();
    await frame();
    const tables = toggles.filter((el) => shown(el.getRootNode().querySelector('[part~="table"]'))).map(hostOf);
    await new Promise((r) => setTimeout(r, 150));
    const all = deep(document);
    const count = (host, sel) =>
      all.filter((e) => e.matches(host) && e.shadowRoot).reduce((n, e) => n + [...e.shadowRoot.querySelectorAll(sel)].filter(shown).length, 0);
    // A style attribute the policy refused stays in the DOM with no declaration applied.
    const refused = all
      .filter((e) => (e.getAttribute('style') || '').trim() && e.style.length === 0)
      .map((e) => 'style attribute not applied on ' + window.__name(e) + ': ' + JSON.stringify(e.getAttribute('style')));
    // Each distinct report once, with how many times it came.
    const seen = new Map();
    for (const v of [...window.__csp, ...refused]) seen.set(v, (seen.get(v) || 0) + 1);
    const violations = [...seen].map(([v, n]) => (n > 1 ? n + ' x ' : '') + v);
    // The policy really is on, for styles and scripts, and reported where this test listens.
    const before = window.__csp.length;
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.body.append(probe, script);
    await new Promise((r) => setTimeout(r, 100));
    probe.remove();
    script.remove();
    const tiles = all.filter((e) => e.localName === 'promo-kpi-tile');
    const revenueTile = tiles.find((t) => t.getAttribute('kpi') === 'revenue');
    return {
      violations,
      enforced: window.__csp.slice(before).map((v) => v.split(' ')[0]).sort(),
      inlineRan: window.__inline === true,
      tiles: tiles.length,
      revenueText: (revenueTile && revenueTile.shadowRoot ? revenueTile.shadowRoot.textContent : '').replace(/\\s+/g, ' ').trim(),
      charts: all.filter((e) => e.localName === 'promo-campaign-chart').length,
      tooltips: [...tooltips].sort(),
      toggles: toggles.length,
      tables,
      states: {
        'trend lines': count('promo-campaign-chart[view=trend]', 'path.total'),
        'campaign bars': count('promo-campaign-chart:not([view=trend])', '[part~="chart"] rect'),
        'heatmap cells': count('promo-cohort-heatmap', 'rect.cell'),
        'heatmap recency bars': count('promo-cohort-heatmap#heat', '[part~="recency"]'),
        'tile sparklines': count('promo-kpi-tile', '[part~="sparkline"] path'),
        'tile target bars': count('promo-kpi-tile', '[part~="target"] .fill'),
        gauges: count('promo-budget-gauge', '[part~="gauge"]'),
        'reactivation rate bars': count('promo-reactivation', '[part~="rate"] .fill'),
        'breakdown bars': count('promo-breakdown', '[part~="chart"] rect'),
        'loyalty panel': count('promo-loyalty-panel', '[part~="title"]'),
      },
      adopted: (document.querySelector('promo-kpi-board').shadowRoot.adoptedStyleSheets || []).length,
    };
  })()`)) as {
    violations: string[];
    enforced: string[];
    inlineRan: boolean;
    tiles: number;
    revenueText: string;
    charts: number;
    tooltips: string[];
    toggles: number;
    tables: string[];
    states: Record<string, number>;
    adopted: number;
  };

  const cspErrors = errors.filter((e) => /Content Security Policy|Refused/i.test(e));
  assert.ok(!result.violations.length, `CSP violations:\n${result.violations.join('\n')}`);
  assert.deepEqual(thrown, [], 'nothing throws on the page');
  assert.deepEqual(result.enforced, ['script-src-elem', 'style-src-attr'], 'the policy is enforced and reported');
  assert.equal(result.inlineRan, false, 'an inline script does not run');
  // The console reports the probe's two refusals and nothing else.
  assert.equal(cspErrors.length, 2, `console:\n${cspErrors.join('\n')}`);

  // The states the page shows, so a violation in any of them is seen.
  assert.ok(result.tiles >= 8, `tiles: ${result.tiles}`);
  assert.match(result.revenueText, /\d/, 'the revenue tile shows a number');
  // The board's default layout holds the campaign trend and the comparison; the page adds a trend of its own.
  assert.equal(result.charts, 3);
  for (const [state, n] of Object.entries(result.states)) assert.ok(n > 0, `${state} drawn: ${n}`);
  for (const host of [
    'promo-campaign-chart.trend',
    'promo-campaign-chart.chart',
    'promo-campaign-chart#trend',
    'promo-cohort-heatmap.heatmap',
    'promo-cohort-heatmap#heat',
  ])
    assert.ok(
      result.tooltips.some((t) => t.endsWith(host)),
      `a tooltip shown in ${host}: ${result.tooltips.join(', ')}`,
    );
  assert.ok(result.toggles >= 8, `table toggles: ${result.toggles}`);
  assert.equal(result.tables.length, result.toggles, `tables open: ${result.tables.join(', ')}`);
  assert.ok(result.adopted > 0, 'styles come from adopted stylesheets');
  await page.close();
});
