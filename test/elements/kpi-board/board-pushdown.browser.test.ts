/**
 * A board fed by a warehouse: `pushdownAdapter` (an object, or `adapter="pushdown"` by name).
 * The endpoint is a fetch that answers with the aggregates the kit's own engine computes over
 * a fixture dataset, so the board's tiles must equal `computeReport` over the same data; it
 * answers a summary request with the engine's `summarizeDataset` (a current endpoint), a 400
 * (an endpoint of an older version), or a network failure.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';
import { pushdownAdapter } from '../../../src/adapters/pushdown.js';
import { createDataset } from '../../../src/data/dataset.js';
import type { Dataset } from '../../../src/data/columns.js';
import { datasetAggregates } from '../../../src/engine/compute.js';
import { computeReport } from '../../../src/engine/report.js';
import type { ReportOptions } from '../../../src/engine/report-types.js';
import { summarizeDataset } from '../../../src/engine/worker-protocol.js';
import { formatValue } from '../../../src/format/format.js';

const DATA = await (await fetch(new URL('./fixtures/week.json', import.meta.url).href)).json();
const DATASET = createDataset(DATA, { timeZone: 'UTC' });
/** The same orders with a region each (o1 HCM, o2 HN, ...). */
const REGIONS = ['HCM', 'HN'];
const ATTR_DATA = {
  ...DATA,
  orders: (DATA.orders as object[]).map((o, i) => ({ ...o, attributes: { region: REGIONS[i % 2] } })),
};
const ATTR_DATASET = createDataset(ATTR_DATA, { timeZone: 'UTC' });
const PERIOD = { from: '2026-11-01', to: '2026-11-07', timeZone: 'UTC' };
const URL_ = '/api/kpi';
/** The last order's day of the fixture. */
const LAST_DAY = '2026-11-07';

/** How the endpoint answers a summary request. */
type SummaryMode = 'answer' | 'old' | 'network';

/**
 * A warehouse endpoint over a dataset: records each request body; `fail` makes it answer 503;
 * `summary` says how it answers a summary request.
 */
function endpoint(ds: Dataset = DATASET, summary: SummaryMode = 'answer') {
  const state = { requests: [] as Record<string, unknown>[], fail: false, summary, truncated: [] as string[] };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = async (_url: unknown, init?: { body?: unknown }): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    state.requests.push(body);
    if (body.summary) {
      if (state.summary === 'network') throw new TypeError('Failed to fetch');
      if (state.summary === 'old')
        return json({ error: 'invalid query', issues: [{ path: '', message: 'Unrecognized key: "summary"' }] }, 400);
      return json({ ...summarizeDataset(ds), truncatedAttributes: state.truncated });
    }
    if (state.fail) return json({ error: 'warehouse offline' }, 503);
    const { aggregates } = datasetAggregates(ds, body as unknown as ReportOptions);
    return json(aggregates);
  };
  return { state, fetch };
}

/** The report requests (not summary requests) an endpoint received. */
const reports = (state: { requests: Record<string, unknown>[] }) => state.requests.filter((r) => !r.summary);
const summaries = (state: { requests: Record<string, unknown>[] }) => state.requests.filter((r) => r.summary);

const sr = (el: Element) => el.shadowRoot!;
const revenueOf = (board: PromoKpiBoard) => board.currentReport?.kpis.revenue?.value;

async function ready(board: PromoKpiBoard): Promise<void> {
  await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 5000 });
  await board.reportComplete();
}

async function mount(): Promise<PromoKpiBoard> {
  return fixture<PromoKpiBoard>(
    html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07" currency="VND" locale="en" theme="light">
    </promo-kpi-board>`,
  );
}

/** The text of the revenue tile. */
async function revenueTile(board: PromoKpiBoard): Promise<string> {
  const tile = sr(board).querySelector('promo-kpi-tile[kpi="revenue"]') as LitElement;
  await tile.updateComplete;
  return sr(tile).textContent!.replace(/\s+/g, ' ');
}

const money = (value: number | null | undefined) =>
  formatValue(value ?? null, 'currency', { locale: 'en', currency: 'VND' });

describe('<promo-kpi-board> through a warehouse (pushdown)', () => {
  it('shows the numbers computeReport gives over the same data, without loading any rows', async () => {
    const { state, fetch } = endpoint();
    const adapter = pushdownAdapter({ url: URL_, fetch });
    let loads = 0;
    adapter.load = async () => {
      loads++;
      return {};
    };
    const board = await mount();
    board.adapter = adapter;
    await ready(board);
    const expected = computeReport(DATA, { ...PERIOD, cohortGrain: 'week' });
    expect(board.currentReport).to.deep.equal(expected);
    expect(revenueOf(board)).to.equal(350);
    expect(await revenueTile(board)).to.contain(money(expected.kpis.revenue!.value));
    expect(loads).to.equal(0);
    expect(board.computedIn).to.equal('warehouse');
    // The summary comes from the warehouse: campaign names, runs and budgets, the last day.
    await waitUntil(() => board.dataSummary?.lastDay !== null, 'summary published');
    const summary = board.dataSummary!;
    expect(summary.where).to.equal('warehouse');
    expect(summary.campaigns.map((c) => [c.id, c.name, c.start, c.end, c.budget])).to.deep.equal([
      ['C1', 'Tết Sale', '2026-11-01', '2026-11-30', 1000],
      ['C2', 'Flash 11.11', '2026-11-01', '2026-11-30', 500],
    ]);
    expect(summary.channels).to.have.members(['web', 'store']);
    expect(summary.lastDay).to.equal(Date.parse(LAST_DAY) / 86_400_000);
    expect(summary.orders).to.equal(4);
    await board.updateComplete;
    const campaignLabels = [...sr(board).querySelectorAll('details[part="campaigns"] label')].map((l) =>
      l.textContent!.trim(),
    );
    expect(campaignLabels.join(' | ')).to.contain('Tết Sale').and.contain('Flash 11.11');
    const channelInputs = sr(board).querySelectorAll<HTMLInputElement>('details[part="channels"] input');
    expect([...channelInputs].map((i) => i.value)).to.have.members(['web', 'store']);
    // One report request and one summary request: neither the summary nor the grown summary asks for the report again.
    await new Promise((r) => setTimeout(r, 100));
    await board.reportComplete();
    expect(reports(state).length).to.equal(1);
    expect(summaries(state)).to.deep.equal([{ timeZone: 'UTC', summary: true }]);
    expect(reports(state)[0]).to.include({
      from: '2026-11-01',
      to: '2026-11-07',
      timeZone: 'UTC',
      shape: 'aggregates',
    });
  });

  it('offers the attributes of the summary: a filter menu each, and a breakdown of the report by each', async () => {
    const { state, fetch } = endpoint(ATTR_DATASET);
    // As if the endpoint's maxAttributeValues had cut the list: the board passes the word on.
    state.truncated = ['region'];
    const board = await mount();
    board.adapter = pushdownAdapter({ url: URL_, fetch });
    await waitUntil(() => board.currentReport?.byAttribute?.region !== undefined, 'broken down by region', {
      timeout: 5000,
    });
    await board.reportComplete();
    expect(board.dataSummary!.attributes).to.deep.equal({ region: REGIONS });
    expect(board.dataSummary!.truncatedAttributes).to.deep.equal(['region']);
    expect(reports(state).at(-1)!.breakdowns).to.deep.equal(['region']);
    const expected = computeReport(ATTR_DATA, { ...PERIOD, cohortGrain: 'week', breakdowns: ['region'] });
    expect(board.currentReport).to.deep.equal(expected);
    await board.updateComplete;
    const menu = sr(board).querySelector<HTMLDetailsElement>('details[part="attribute-filter"]')!;
    expect(menu.dataset.attribute).to.equal('region');
    expect([...menu.querySelectorAll('label.check')].map((l) => l.textContent!.trim())).to.deep.equal(REGIONS);
    // The menu says its list is cut.
    expect(menu.querySelector('p.hint')!.textContent).to.contain('more values than are listed');
    const region = sr(board).querySelector('promo-breakdown[by="region"]') as LitElement;
    await region.updateComplete;
    const keys = [...region.shadowRoot!.querySelectorAll('[data-key]')].map((g) => g.getAttribute('data-key'));
    expect(keys).to.have.members(REGIONS);
    // A choice in the menu filters the warehouse's numbers.
    menu.querySelector<HTMLInputElement>('input[value="HN"]')!.click();
    await waitUntil(() => reports(state).at(-1)!.filters !== undefined, 'filtered request');
    expect(reports(state).at(-1)!.filters).to.deep.equal({ region: ['HCM'] });
    // A whole list has no such note.
    state.truncated = [];
    board.reload();
    await waitUntil(() => summaries(state).length === 2, 'summary asked again');
    await waitUntil(() => board.dataSummary?.truncatedAttributes?.length === 0, 'whole list');
    await board.updateComplete;
    const again = sr(board).querySelector<HTMLDetailsElement>('details[part="attribute-filter"]')!;
    expect(again.textContent).not.to.contain('more values than are listed');
  });

  it('ends the period presets at the last order, as with data on the page', async () => {
    const { state, fetch } = endpoint();
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board time-zone="UTC" period="last-7" currency="VND" locale="en"></promo-kpi-board>`,
    );
    board.adapter = pushdownAdapter({ url: URL_, fetch });
    await waitUntil(() => board.currentReport?.period.to === LAST_DAY, 'the preset ends at the last order', {
      timeout: 5000,
    });
    await board.reportComplete();
    expect(board.query).to.include({ from: '2026-11-01', to: LAST_DAY });
    expect(reports(state).at(-1)).to.include({ from: '2026-11-01', to: LAST_DAY });
    expect(revenueOf(board)).to.equal(350);
    expect(summaries(state).length).to.equal(1);
  });

  for (const mode of ['old', 'network'] as const)
    it(`works as before with an endpoint whose summary request fails (${mode === 'old' ? 'an older endpoint: 400' : 'a network error'}), showing no error`, async () => {
      const { state, fetch } = endpoint(ATTR_DATASET, mode);
      const errors: unknown[] = [];
      const board = await mount();
      board.addEventListener('promo-board-error', (e) => errors.push(e));
      board.adapter = pushdownAdapter({ url: URL_, fetch });
      await ready(board);
      await new Promise((r) => setTimeout(r, 100));
      await board.reportComplete();
      expect(revenueOf(board)).to.equal(350);
      expect(summaries(state).length).to.equal(1);
      // The summary comes from the reports: campaigns by id, their run the report's period, no last day.
      const summary = board.dataSummary!;
      expect(summary.campaigns.map((c) => [c.id, c.name, c.start, c.end, c.budget])).to.deep.equal([
        ['C1', 'C1', '2026-11-01', '2026-11-07', 1000],
        ['C2', 'C2', '2026-11-01', '2026-11-07', 500],
      ]);
      expect(summary.attributes).to.deep.equal({});
      expect(summary.lastDay).to.equal(null);
      expect(errors).to.deep.equal([]);
      await board.updateComplete;
      expect(sr(board).querySelector('[role="alert"]')).to.equal(null);
      expect(reports(state).length).to.equal(1);
    });

  it('keeps a campaign a report names that the summary does not, and asks for the summary again on reload', async () => {
    const { state, fetch } = endpoint();
    // A summary that misses C2 (a campaign added after it was read).
    const partial: typeof fetch = async (url, init) => {
      const res = await fetch(url, init);
      const body = JSON.parse(String(init?.body)) as { summary?: boolean };
      if (!body.summary) return res;
      const s = (await res.json()) as { campaigns: { id: string }[] };
      return new Response(JSON.stringify({ ...s, campaigns: s.campaigns.filter((c) => c.id !== 'C2') }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const board = await mount();
    board.adapter = pushdownAdapter({ url: URL_, fetch: partial });
    await ready(board);
    await waitUntil(() => board.dataSummary?.lastDay !== null, 'summary published');
    await new Promise((r) => setTimeout(r, 50));
    await board.reportComplete();
    expect(board.dataSummary!.campaigns.map((c) => [c.id, c.name])).to.deep.equal([
      ['C1', 'Tết Sale'],
      ['C2', 'C2'],
    ]);
    board.reload();
    await waitUntil(() => summaries(state).length === 2, 'summary asked again');
    await board.reportComplete();
    expect(board.dataSummary!.campaigns.map((c) => c.id)).to.have.members(['C1', 'C2']);
  });

  it('sends a new request with the filter when a filter changes, and keeps the menus', async () => {
    const { state, fetch } = endpoint();
    const board = await mount();
    board.adapter = pushdownAdapter({ url: URL_, fetch });
    await ready(board);
    const store = sr(board).querySelector<HTMLInputElement>('details[part="channels"] input[value="store"]')!;
    store.click();
    await waitUntil(() => reports(state).length === 2, 'second request');
    await waitUntil(() => revenueOf(board) !== 350, 'new numbers');
    await board.reportComplete();
    expect(reports(state)[1]!.channels).to.deep.equal(['web']);
    const expected = computeReport(DATA, { ...PERIOD, cohortGrain: 'week', channels: ['web'] });
    expect(board.currentReport).to.deep.equal(expected);
    expect(await revenueTile(board)).to.contain(money(expected.kpis.revenue!.value));
    // The channel the filter left out stays in the menu.
    await board.updateComplete;
    const values = [...sr(board).querySelectorAll<HTMLInputElement>('details[part="channels"] input')];
    expect(values.map((i) => i.value)).to.have.members(['web', 'store']);
    expect(reports(state).length).to.equal(2);
  });

  it('keeps the last numbers and shows the error when the endpoint fails', async () => {
    const { state, fetch } = endpoint();
    const board = await mount();
    board.adapter = pushdownAdapter({ url: URL_, fetch });
    await ready(board);
    expect(revenueOf(board)).to.equal(350);
    state.fail = true;
    const error = oneEvent(board, 'promo-board-error');
    board.channels = ['web'];
    const { detail } = (await error) as CustomEvent<{ message: string }>;
    expect(detail.message).to.contain('503').and.contain('warehouse offline');
    await board.updateComplete;
    const alert = sr(board).querySelector('[part="message"][role="alert"]')!;
    expect(alert.textContent).to.contain('warehouse offline');
    expect(alert.textContent).to.contain('last numbers');
    expect(revenueOf(board)).to.equal(350);
    expect(await revenueTile(board)).to.contain(money(350));
    // Retry once the warehouse is back: the filtered numbers come.
    state.fail = false;
    sr(board).querySelector<HTMLButtonElement>('[part="message"] button')!.click();
    await waitUntil(() => !sr(board).querySelector('[role="alert"]'), 'error cleared');
    await board.reportComplete();
    expect(revenueOf(board)).to.equal(computeReport(DATA, { ...PERIOD, channels: ['web'] }).kpis.revenue!.value);
  });

  it('goes through the same path by name (adapter="pushdown" src=...)', async () => {
    const { state, fetch } = endpoint();
    const original = globalThis.fetch;
    const urls: string[] = [];
    globalThis.fetch = ((url: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(url));
      return fetch(url, init as { body?: unknown });
    }) as typeof globalThis.fetch;
    try {
      const board = await fixture<PromoKpiBoard>(
        html`<promo-kpi-board
          adapter="pushdown"
          src="/api/kpi"
          time-zone="UTC"
          from="2026-11-01"
          to="2026-11-07"
          currency="VND"
          locale="en"
        ></promo-kpi-board>`,
      );
      await ready(board);
      expect(board.computedIn).to.equal('warehouse');
      await waitUntil(() => board.dataSummary?.lastDay !== null, 'summary published');
      await board.reportComplete();
      expect(urls).to.deep.equal([URL_, URL_]);
      expect(reports(state).length).to.equal(1);
      expect(summaries(state).length).to.equal(1);
      expect(board.dataSummary!.campaigns[0]!.name).to.equal('Tết Sale');
      const expected = computeReport(DATA, { ...PERIOD, cohortGrain: 'week' });
      expect(board.currentReport).to.deep.equal(expected);
      expect(await revenueTile(board)).to.contain(money(expected.kpis.revenue!.value));
    } finally {
      globalThis.fetch = original;
    }
  });
});
