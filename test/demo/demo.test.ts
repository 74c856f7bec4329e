/**
 * End to end, in headless Chromium (playwright, the system's Chromium): the demo page and
 * the framework pages served by Vite, driven like a user would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { build, createServer, type ViteDevServer } from 'vite';
import { generateDemoData, DEMO_TIME_ZONE } from '../../demo/generate.js';
import { computeReport } from '../../src/engine/report.js';
import { getKpi } from '../../src/engine/kpis/registry.js';
import { formatValue } from '../../src/format/format.js';
import { DEFAULT_BOARD_KPIS } from '../../src/elements/kpi-board/kpi-board.js';

const repo = resolve(import.meta.dirname, '../..');
const TILES = [...DEFAULT_BOARD_KPIS];
/** Intl output differs only in kinds of spaces between Node's and Chromium's ICU. */
const norm = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Modification time of the newest file under a folder. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (f.isFile()) newest = Math.max(newest, statSync(resolve(f.parentPath, f.name)).mtimeMs);
  return newest;
}

let browser: Browser;
const servers: ViteDevServer[] = [];

async function serve(options: { configFile: string; root: string }): Promise<string> {
  const server = await createServer({ ...options, logLevel: 'error', server: { port: 0 } });
  await server.listen();
  servers.push(server);
  return server.resolvedUrls!.local[0]!;
}

/** A page that records console errors and uncaught exceptions. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/** The full (non-compact) value of each tile, as its `title` shows it. */
async function tileValues(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const kpi of TILES) {
    const value = page.locator(`#board promo-kpi-tile[kpi="${kpi}"] [part="value"]`);
    out[kpi] = norm((await value.getAttribute('title')) ?? (await value.textContent()));
  }
  return out;
}

function expectedValues(from: string, to: string, extra: { channels?: string[] } = {}): Record<string, string> {
  const report = computeReport(generateDemoData(), { from, to, timeZone: DEMO_TIME_ZONE, ...extra });
  const out: Record<string, string> = {};
  for (const kpi of TILES) {
    const unit = getKpi(kpi)!.unit;
    out[kpi] = norm(formatValue(report.kpis[kpi]!.value, unit, { locale: 'vi', currency: 'VND' }));
  }
  return out;
}

/** Two years of demo data are generated in the page first: on a loaded machine that takes a while. */
async function boardReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const b = document.querySelector('#board') as (HTMLElement & { currentReport: unknown }) | null;
      const tile = b?.shadowRoot?.querySelector('promo-kpi-tile');
      return !!b?.currentReport && !!tile?.shadowRoot?.querySelector('[part="value"]');
    },
    null,
    { timeout: 120_000 },
  );
  await page.evaluate(() =>
    (document.querySelector('#board') as HTMLElement & { reportComplete(): Promise<unknown> }).reportComplete(),
  );
}

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** The order attributes of the demo data, in the order the board finds them. */
const DEMO_BREAKDOWNS = ['region', 'category', 'store'];

describe('demo (npm start)', () => {
  let url = '';
  before(async () => {
    url = await serve({ configFile: resolve(repo, 'vite.config.ts'), root: resolve(repo, 'demo') });
  });

  it('loads with no console errors and the tiles show the numbers computeReport gives', async () => {
    const { page, errors } = await open(url);
    await boardReady(page);
    // The default period: the last 28 days of data (the demo year ends on 2025-12-31).
    const query = await page.evaluate(
      () => (document.querySelector('#board') as HTMLElement & { query: object }).query,
    );
    // The board breaks the report down by every attribute the demo orders carry.
    assert.deepEqual(query, {
      from: '2025-12-04',
      to: '2025-12-31',
      timeZone: DEMO_TIME_ZONE,
      cohortGrain: 'week',
      breakdowns: DEMO_BREAKDOWNS,
    });
    assert.deepEqual(await tileValues(page), expectedValues('2025-12-04', '2025-12-31'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a filter change updates the tiles and the URL', async () => {
    const { page, errors } = await open(url);
    await boardReady(page);
    const before = await tileValues(page);
    await page.locator('#board details[part="channels"] summary').click();
    await page.locator('#board details[part="channels"] input[value="store"]').uncheck();
    const channels = ['web', 'app', 'marketplace', 'social'];
    await page.waitForFunction(() => {
      const c = new URL(location.href).searchParams.get('channels');
      return !!c && c.split(',').length === 4 && !c.split(',').includes('store');
    });
    await boardReady(page);
    const after = await tileValues(page);
    assert.notDeepEqual(after, before);
    // Board channel order follows the data's dictionary; compare as sets through the query.
    const q = await page.evaluate(
      () => (document.querySelector('#board') as HTMLElement & { query: { channels: string[] } }).query,
    );
    assert.deepEqual([...q.channels].sort(), [...channels].sort());
    assert.deepEqual(after, expectedValues('2025-12-04', '2025-12-31', { channels: q.channels }));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the whole board can be used by keyboard alone', async () => {
    const { page, errors } = await open(url);
    await boardReady(page);
    /** A description of the focused element, through shadow roots. */
    const focused = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el
          ? `${el.tagName.toLowerCase()}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el.getAttribute('value') ? `[value=${el.getAttribute('value')}]` : ''}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}`
          : '';
      });
    const tabTo = async (what: string, max = 40) => {
      for (let i = 0; i < max; i++) {
        if ((await focused()).startsWith(what)) return;
        await page.keyboard.press('Tab');
      }
      assert.fail(`${what} not reached by Tab (at ${await focused()})`);
    };
    const query = () =>
      page.evaluate(() => (document.querySelector('#board') as HTMLElement & { query: Record<string, unknown> }).query);
    // Period: a preset picked with the arrow keys.
    await tabTo('select[name=preset]');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      () => (document.querySelector('#board') as HTMLElement & { query: { from: string } }).query.from === '2025-10-03',
    );
    // Campaigns: open the menu with Enter, toggle a campaign with Space.
    await tabTo('summary');
    await page.keyboard.press('Enter');
    await tabTo('input[name=campaigns][value=TET]');
    await page.keyboard.press('Space');
    assert.equal(((await query()).campaignIds as string[]).includes('TET'), false);
    // Reset with the keyboard.
    await tabTo('button', 60);
    while (
      !(await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.classList.contains('reset') ?? false;
      }))
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal((await query()).campaignIds, undefined);
    // The campaign chart: a campaign chosen with Enter is selected; filtering the board by it is
    // the next, explicit step (its "Filter by" button, in the selection line above the bars).
    await tabTo('g[role=button]', 80);
    await page.keyboard.press('Enter');
    assert.equal((await query()).campaignIds, undefined);
    for (let i = 0; i < 40; i++) {
      const onFilter = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.classList.contains('filter-action') ?? false;
      });
      if (onFilter) break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        (
          (document.querySelector('#board') as HTMLElement & { query: { campaignIds?: string[] } }).query.campaignIds ??
          []
        ).length === 1,
    );
    await boardReady(page);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the live switch streams new orders into the board', async () => {
    const { page, errors } = await open(url);
    await boardReady(page);
    const state = () =>
      page.evaluate(() => {
        const b = document.querySelector('#board') as HTMLElement & {
          currentReport: { kpis: { orders: { value: number } } };
          dataSummary: { orders: number };
        };
        return {
          orders: b.dataSummary.orders,
          shown: b.currentReport.kpis.orders.value,
          live: !!b.shadowRoot!.querySelector('.live'),
        };
      });
    const before = await state();
    assert.equal(before.live, false);
    await page.locator('#live').check();
    await page.waitForFunction(
      (n) =>
        (document.querySelector('#board') as HTMLElement & { dataSummary: { orders: number } }).dataSummary.orders > n,
      before.orders,
      { timeout: 15_000 },
    );
    await boardReady(page);
    const after = await state();
    assert.equal(after.live, true);
    // The new orders fall on the last day of the period, so the period's orders grow.
    assert.ok(after.shown > before.shown, `${after.shown} > ${before.shown}`);
    await page.locator('#live').uncheck();
    await page.waitForFunction(() => !document.querySelector('#board')!.shadowRoot!.querySelector('.live'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('opens the view a URL names', async () => {
    const { page, errors } = await open(`${url}?from=2025-11-11&to=2025-11-11&campaigns=FLASH-1111`);
    await boardReady(page);
    const q = await page.evaluate(() => (document.querySelector('#board') as HTMLElement & { query: object }).query);
    assert.deepEqual(q, {
      from: '2025-11-11',
      to: '2025-11-11',
      timeZone: DEMO_TIME_ZONE,
      cohortGrain: 'week',
      campaignIds: ['FLASH-1111'],
      breakdowns: DEMO_BREAKDOWNS,
    });
    assert.equal(
      await page.locator('#board select[name="preset"]').inputValue(),
      'campaign:FLASH-1111',
      'the period shows the campaign run',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('framework pages use the built package', () => {
  before(async () => {
    // Build when dist/ is missing or older than the sources, so the pages test today's code.
    const built = resolve(repo, 'dist/elements/kpi-board/define.js');
    if (!existsSync(built) || newestSource(resolve(repo, 'src')) > statSync(built).mtimeMs)
      await build({ configFile: resolve(repo, 'vite.config.ts'), logLevel: 'error' });
  });

  for (const name of ['html', 'react', 'vue']) {
    it(`${name}: renders the board with numbers, no console errors`, async () => {
      const url = await serve({
        configFile: resolve(repo, 'demo/pages.vite.config.ts'),
        root: resolve(repo, 'demo', name),
      });
      const { page, errors } = await open(url);
      await page.waitForFunction(() => {
        const b = document.querySelector('promo-kpi-board') as (HTMLElement & { currentReport: unknown }) | null;
        return !!b?.currentReport;
      });
      const value = page.locator('promo-kpi-board promo-kpi-tile[kpi="revenue"] [part="value"]');
      assert.match(norm(await value.textContent()), /\d/);
      // The board really comes from dist/ (the built package), not from src/.
      const fromDist = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((r) => r.name.includes('/dist/') || r.name.includes('promo-kpi-kit')),
      );
      assert.ok(fromDist, 'loaded from dist/');
      if (name !== 'html') {
        // The host framework hears the board's events.
        await page.locator('promo-kpi-board select[name="preset"]').selectOption('last-7');
        await page.waitForFunction(() =>
          (document.querySelector('#query')?.textContent ?? '').includes('"from":"2025-12-25"'),
        );
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
