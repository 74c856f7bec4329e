/**
 * A board fed by a warehouse: `pushdownAdapter` (an object, or `adapter="pushdown"` by name).
 * The endpoint is a fetch that answers with the aggregates the kit's own engine computes over
 * a fixture dataset, so the board's tiles must equal `computeReport` over the same data.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard } from '../../../src/elements/kpi-board/define.js';
import { pushdownAdapter } from '../../../src/adapters/pushdown.js';
import { createDataset } from '../../../src/data/dataset.js';
import { datasetAggregates } from '../../../src/engine/compute.js';
import { computeReport } from '../../../src/engine/report.js';
import type { ReportOptions } from '../../../src/engine/report-types.js';
import { formatValue } from '../../../src/format/format.js';

const DATA = await (await fetch(new URL('./fixtures/week.json', import.meta.url).href)).json();
const DATASET = createDataset(DATA, { timeZone: 'UTC' });
const PERIOD = { from: '2026-11-01', to: '2026-11-07', timeZone: 'UTC' };
const URL_ = '/api/kpi';

/** A warehouse endpoint over the fixture: records each request body; `fail` makes it answer 503. */
function endpoint() {
  const state = { requests: [] as Record<string, unknown>[], fail: false };
  const fetch = async (_url: unknown, init?: { body?: unknown }): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    state.requests.push(body);
    if (state.fail)
      return new Response(JSON.stringify({ error: 'warehouse offline' }), {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    const { aggregates } = datasetAggregates(DATASET, body as unknown as ReportOptions);
    return new Response(JSON.stringify(aggregates), { headers: { 'content-type': 'application/json' } });
  };
  return { state, fetch };
}

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
    // The summary comes from the report: campaigns by id, channels, no last day.
    const summary = board.dataSummary!;
    expect(summary.where).to.equal('warehouse');
    expect(summary.campaigns.map((c) => [c.id, c.name, c.start, c.end, c.budget])).to.deep.equal([
      ['C1', 'C1', '2026-11-01', '2026-11-07', 1000],
      ['C2', 'C2', '2026-11-01', '2026-11-07', 500],
    ]);
    expect(summary.channels).to.have.members(['web', 'store']);
    expect(summary.attributes).to.deep.equal({});
    expect(summary.lastDay).to.equal(null);
    await board.updateComplete;
    const channelInputs = sr(board).querySelectorAll<HTMLInputElement>('details[part="channels"] input');
    expect([...channelInputs].map((i) => i.value)).to.have.members(['web', 'store']);
    // One request: republishing the summary the report grew does not ask for the report again.
    await new Promise((r) => setTimeout(r, 100));
    await board.reportComplete();
    expect(state.requests.length).to.equal(1);
    expect(state.requests[0]).to.include({
      from: '2026-11-01',
      to: '2026-11-07',
      timeZone: 'UTC',
      shape: 'aggregates',
    });
  });

  it('sends a new request with the filter when a filter changes, and keeps the menus', async () => {
    const { state, fetch } = endpoint();
    const board = await mount();
    board.adapter = pushdownAdapter({ url: URL_, fetch });
    await ready(board);
    const store = sr(board).querySelector<HTMLInputElement>('details[part="channels"] input[value="store"]')!;
    store.click();
    await waitUntil(() => state.requests.length === 2, 'second request');
    await waitUntil(() => revenueOf(board) !== 350, 'new numbers');
    await board.reportComplete();
    expect(state.requests[1]!.channels).to.deep.equal(['web']);
    const expected = computeReport(DATA, { ...PERIOD, cohortGrain: 'week', channels: ['web'] });
    expect(board.currentReport).to.deep.equal(expected);
    expect(await revenueTile(board)).to.contain(money(expected.kpis.revenue!.value));
    // The channel the filter left out stays in the menu.
    await board.updateComplete;
    const values = [...sr(board).querySelectorAll<HTMLInputElement>('details[part="channels"] input')];
    expect(values.map((i) => i.value)).to.have.members(['web', 'store']);
    expect(state.requests.length).to.equal(2);
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
      expect(urls).to.deep.equal([URL_]);
      expect(state.requests.length).to.equal(1);
      const expected = computeReport(DATA, { ...PERIOD, cohortGrain: 'week' });
      expect(board.currentReport).to.deep.equal(expected);
      expect(await revenueTile(board)).to.contain(money(expected.kpis.revenue!.value));
    } finally {
      globalThis.fetch = original;
    }
  });
});
