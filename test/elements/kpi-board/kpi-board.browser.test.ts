import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard, QueryChangeDetail } from '../../../src/elements/kpi-board/define.js';
import { boardContext, type BoardState } from '../../../src/context/context.js';
import { computeReport } from '../../../src/engine/report.js';
import { formatValue } from '../../../src/format/format.js';
import { registerAdapter } from '../../../src/adapters/registry.js';
import {
  AdapterError,
  type Adapter,
  type AdapterUpdate,
  type SubscribeContext,
} from '../../../src/adapters/adapter.js';

/** A widget written outside the kit: records every board state it is given. */
class StateSpy extends LitElement {
  states: BoardState[] = [];
  constructor() {
    super();
    new ContextConsumer(this, {
      context: boardContext,
      subscribe: true,
      callback: (s) => {
        if (s) this.states.push(s);
      },
    });
  }
  get last(): BoardState | undefined {
    return this.states[this.states.length - 1];
  }
}
if (!customElements.get('state-spy')) customElements.define('state-spy', StateSpy);

/** Four orders in one week: revenue 350 in all, web 100 (+70 unattributed), C1 150, C2 200. */
const DATA = {
  campaigns: [
    { id: 'C1', name: 'Tết Sale', start: '2026-11-01', end: '2026-11-30', budget: 1000 },
    { id: 'C2', name: 'Flash 11.11', start: '2026-11-01', end: '2026-11-30', budget: 500 },
  ],
  orders: [
    {
      id: 'o1',
      customerId: 'a',
      time: '2026-11-05T10:00:00Z',
      revenue: 100,
      cogs: 40,
      campaignId: 'C1',
      channel: 'web',
    },
    {
      id: 'o2',
      customerId: 'b',
      time: '2026-11-06T10:00:00Z',
      revenue: 200,
      cogs: 80,
      campaignId: 'C2',
      channel: 'store',
    },
    {
      id: 'o3',
      customerId: 'a',
      time: '2026-11-07T10:00:00Z',
      revenue: 50,
      cogs: 20,
      campaignId: 'C1',
      channel: 'store',
    },
    {
      id: 'o4',
      customerId: 'c',
      time: '2026-11-07T11:00:00Z',
      revenue: 70,
      cogs: 30,
      campaignId: null,
      channel: 'web',
    },
  ],
};

const sr = (el: Element) => el.shadowRoot!;
/** The test server serves TypeScript sources, so the worker is named by its source file. */
const workerUrl = new URL('../../../src/engine/worker.ts', import.meta.url).href;
const revenueOf = (board: PromoKpiBoard) => board.currentReport?.kpis.revenue?.value;

async function ready(board: PromoKpiBoard): Promise<void> {
  await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 5000 });
  await board.reportComplete();
}

async function makeBoard(extra = ''): Promise<PromoKpiBoard> {
  const board = await fixture<PromoKpiBoard>(
    html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07" currency="VND" locale="en" theme="light"
      >${extra === 'spy' ? html`<state-spy></state-spy>` : ''}</promo-kpi-board
    >`,
  );
  board.data = DATA;
  await ready(board);
  return board;
}

describe('<promo-kpi-board>', () => {
  it('provides the report, query, locale, currency and theme through the context', async () => {
    const board = await makeBoard('spy');
    const spy = board.querySelector<StateSpy>('state-spy')!;
    await waitUntil(() => spy.last?.report, 'context received');
    const s = spy.last!;
    expect(s.report!.kpis.revenue!.value).to.equal(350);
    expect(s.report!.kpis.orders!.value).to.equal(3);
    // A short period gets weekly cohorts.
    expect(s.query).to.deep.equal({ from: '2026-11-01', to: '2026-11-07', timeZone: 'UTC', cohortGrain: 'week' });
    expect(s.locale).to.equal('en');
    expect(s.currency).to.equal('VND');
    expect(s.theme).to.equal('light');
    expect(s.status).to.equal('ready');
    expect(s.lastUpdated).to.be.a('number');
    expect(s.campaigns!.map((c) => c.name)).to.deep.equal(['Tết Sale', 'Flash 11.11']);
    // A new object on every change, never a mutated one.
    const before = spy.states.length;
    board.locale = 'vi';
    await board.updateComplete;
    expect(spy.states.length).to.equal(before + 1);
    expect(spy.last).to.not.equal(s);
    expect(spy.last!.locale).to.equal('vi');
    expect(s.locale).to.equal('en');
  });

  it('shows the numbers computeReport gives, in the tiles', async () => {
    const board = await makeBoard();
    const expected = computeReport(DATA, { from: '2026-11-01', to: '2026-11-07', timeZone: 'UTC' });
    const tiles = [...sr(board).querySelectorAll('promo-kpi-tile')];
    expect(tiles.map((t) => t.getAttribute('kpi'))).to.deep.equal([
      'revenue',
      'grossProfit',
      'roi',
      'aov',
      'conversionRate',
      'newCustomers',
      'cac',
      'retentionRate',
    ]);
    await (tiles[0] as LitElement).updateComplete;
    const text = sr(tiles[0]!).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(formatValue(expected.kpis.revenue!.value, 'currency', { locale: 'en', currency: 'VND' }));
    expect(revenueOf(board)).to.equal(350);
  });

  it('a channel filter change gives new numbers and fires promo-query-change with the whole query', async () => {
    const board = await makeBoard();
    const store = sr(board).querySelector<HTMLInputElement>('details[part="channels"] input[value="store"]')!;
    expect(store.checked).to.equal(true);
    const event = oneEvent(board, 'promo-query-change');
    store.click();
    const { detail } = (await event) as CustomEvent<QueryChangeDetail>;
    expect(detail.query).to.deep.equal({
      from: '2026-11-01',
      to: '2026-11-07',
      timeZone: 'UTC',
      cohortGrain: 'week',
      channels: ['web'],
    });
    await waitUntil(() => revenueOf(board) === 100, 'web-only revenue');
    expect(board.getAttribute('channels')).to.equal('web');
    // The last ticked channel cannot be unticked (that used to tick every channel again), and
    // the menu says why; "Select all" still shows every channel.
    await board.updateComplete;
    const menu = sr(board).querySelector<HTMLDetailsElement>('details[part="channels"]')!;
    const web = menu.querySelector<HTMLInputElement>('input[value="web"]')!;
    expect(web.checked).to.equal(true);
    expect(web.disabled).to.equal(true);
    expect(menu.querySelector<HTMLInputElement>('input[value="store"]')!.disabled).to.equal(false);
    const hint = sr(board).getElementById(web.getAttribute('aria-describedby')!)!;
    expect(hint.textContent!.trim()).to.equal('At least one stays ticked. Tick another first, or choose Select all.');
    web.click();
    await board.updateComplete;
    expect(web.checked).to.equal(true);
    expect(board.channels).to.deep.equal(['web']);
    menu.querySelector<HTMLButtonElement>('button.link')!.click();
    await board.updateComplete;
    expect(board.channels).to.deep.equal([]);
    expect(web.disabled).to.equal(false);
    expect(menu.querySelector('.hint')).to.equal(null);
  });

  it('the period presets and date inputs change the query', async () => {
    const board = await makeBoard();
    const select = sr(board).querySelector<HTMLSelectElement>('select[name="preset"]')!;
    // Presets end on the last day with orders (2026-11-07).
    select.value = 'last-7';
    select.dispatchEvent(new Event('change'));
    await board.updateComplete;
    expect(board.query.from).to.equal('2026-11-01');
    expect(board.query.to).to.equal('2026-11-07');
    const from = sr(board).querySelector<HTMLInputElement>('input[name="from"]')!;
    const event = oneEvent(board, 'promo-query-change');
    from.value = '2026-11-06';
    from.dispatchEvent(new Event('change'));
    const { detail } = (await event) as CustomEvent<QueryChangeDetail>;
    expect(detail.preset).to.equal('custom');
    expect(detail.query.from).to.equal('2026-11-06');
    await waitUntil(() => revenueOf(board) === 250, 'revenue from the 6th');
    // A campaign's own run filters to it.
    select.value = 'campaign:C2';
    select.dispatchEvent(new Event('change'));
    await board.updateComplete;
    expect(board.query).to.deep.include({ from: '2026-11-01', to: '2026-11-30', campaignIds: ['C2'] });
    await waitUntil(() => revenueOf(board) === 200, 'C2 revenue');
  });

  it('selecting a campaign in the chart only highlights it; its "Filter by" button filters the board, shown as a removable chip', async () => {
    const board = await makeBoard();
    const chart = sr(board).querySelector('promo-campaign-chart:not([view="trend"])') as LitElement;
    await waitUntil(() => chart.shadowRoot?.querySelector('[role="button"][data-id="C1"]'), 'chart drawn');
    const bar = () => chart.shadowRoot!.querySelector<SVGGElement>('[role="button"][data-id="C1"]')!;
    const changes: QueryChangeDetail[] = [];
    board.addEventListener('promo-query-change', (e) => changes.push((e as CustomEvent<QueryChangeDetail>).detail));
    bar().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await chart.updateComplete;
    await board.updateComplete;
    // Choosing is not filtering: the board still shows every campaign, the chart every bar.
    expect(changes).to.deep.equal([]);
    expect(board.campaigns).to.deep.equal([]);
    expect(bar().getAttribute('aria-pressed')).to.equal('true');
    expect(chart.shadowRoot!.querySelectorAll('[role="button"][data-id]').length).to.be.greaterThan(1);
    expect(sr(board).querySelector('[part~="filter-chip"]')).to.equal(null);
    const event = oneEvent(board, 'promo-query-change');
    chart.shadowRoot!.querySelector<HTMLButtonElement>('[part~="filter-action"]')!.click();
    const { detail } = (await event) as CustomEvent<QueryChangeDetail>;
    expect(detail.query.campaignIds).to.deep.equal(['C1']);
    await waitUntil(() => revenueOf(board) === 150, 'C1 revenue');
    // The chart shows the board's filter as its selection; the filter bar shows it as a chip.
    await chart.updateComplete;
    expect(chart.getAttribute('selected')).to.equal('C1');
    await board.updateComplete;
    const chip = sr(board).querySelector<HTMLElement>('[part~="filter-chip"]')!;
    expect(chip.textContent!.replace(/\s+/g, ' ').trim()).to.contain('Tết Sale');
    const remove = chip.querySelector<HTMLButtonElement>('button')!;
    expect(remove.getAttribute('aria-label')).to.match(/^Remove filter/);
    remove.focus();
    remove.click();
    await waitUntil(() => revenueOf(board) === 350, 'all campaigns again');
    expect(board.campaigns).to.deep.equal([]);
    await board.updateComplete;
    expect(sr(board).querySelector('[part~="filter-chip"]')).to.equal(null);
  });

  it('passes targets to the tiles', async () => {
    const board = await makeBoard();
    board.targets = { revenue: 700 };
    await board.updateComplete;
    const tile = sr(board).querySelector('promo-kpi-tile[kpi="revenue"]') as LitElement & { target?: number };
    expect(tile.target).to.equal(700);
    await tile.updateComplete;
    expect(tile.shadowRoot!.querySelector('[part="target"]')).to.not.equal(null);
  });

  it('an adapter error keeps the last good numbers on screen, with the message', async () => {
    let fail = false;
    const adapter = {
      name: 'flaky',
      async load() {
        if (fail) throw new Error('HTTP 503 from /orders');
        return DATA;
      },
    };
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07"></promo-kpi-board>`,
    );
    board.adapter = adapter;
    await ready(board);
    expect(revenueOf(board)).to.equal(350);
    fail = true;
    const error = oneEvent(board, 'promo-board-error');
    board.reload();
    expect(((await error) as CustomEvent<{ message: string }>).detail.message).to.equal('HTTP 503 from /orders');
    await board.updateComplete;
    const alert = sr(board).querySelector('[part="message"][role="alert"]')!;
    expect(alert.textContent).to.contain('HTTP 503 from /orders');
    expect(alert.textContent).to.contain('last numbers');
    expect(revenueOf(board)).to.equal(350);
    expect(sr(board).querySelectorAll('promo-kpi-tile').length).to.equal(8);
    // Retry after the source recovers.
    fail = false;
    sr(board).querySelector<HTMLButtonElement>('[part="message"] button')!.click();
    await waitUntil(() => !sr(board).querySelector('[role="alert"]'), 'error cleared');
  });

  it('drops the data of a load that a newer one overtook', async () => {
    let finishOld!: (data: unknown) => void;
    const slow: Adapter = {
      load: () =>
        new Promise((resolve) => {
          finishOld = resolve as (data: unknown) => void;
        }),
    };
    const fast: Adapter = { load: async () => DATA };
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07"></promo-kpi-board>`,
    );
    const errors: unknown[] = [];
    board.addEventListener('promo-board-error', (e) => errors.push(e));
    board.adapter = slow;
    await board.updateComplete;
    board.adapter = fast;
    await ready(board);
    expect(revenueOf(board)).to.equal(350);
    // The overtaken load answers late with other numbers: they never reach the screen.
    finishOld({ ...DATA, orders: DATA.orders.slice(0, 1) });
    await new Promise((r) => setTimeout(r, 50));
    await board.updateComplete;
    expect(revenueOf(board)).to.equal(350);
    expect(errors.length).to.equal(0);
    expect(sr(board).querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows loading, then an error with no numbers when the first load fails', async () => {
    let reject!: (e: Error) => void;
    const adapter: Adapter = { load: () => new Promise<never>((_, r) => (reject = r)) };
    const board = await fixture<PromoKpiBoard>(html`<promo-kpi-board time-zone="UTC"></promo-kpi-board>`);
    board.adapter = adapter;
    await board.updateComplete;
    expect(sr(board).querySelector('[part="message"]')!.textContent).to.contain('Loading');
    reject(new Error('offline'));
    await waitUntil(() => sr(board).querySelector('[role="alert"]'), 'error shown');
    expect(sr(board).querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded: offline');
    // Said once: the widgets show a quiet placeholder, not the error again.
    const widgets = [...sr(board).querySelectorAll<LitElement>('*')].filter((el) => el.localName.startsWith('promo-'));
    expect(widgets.length).to.be.greaterThan(0);
    await Promise.all(widgets.map((w) => w.updateComplete));
    let alerts = sr(board).querySelectorAll('[role="alert"]').length;
    for (const w of widgets) {
      alerts += w.shadowRoot!.querySelectorAll('[role="alert"], [part~="error"]').length;
      expect(w.shadowRoot!.textContent).to.not.contain('offline');
      expect(w.shadowRoot!.querySelector('[part~="unavailable"]'), w.localName).to.not.equal(null);
    }
    expect(alerts).to.equal(1);
  });

  it('appends streamed records, shows when it was last updated, and keeps the numbers when the stream drops', async () => {
    let push!: (update: AdapterUpdate) => void;
    let ctx!: SubscribeContext;
    const adapter: Adapter = {
      load: async () => DATA,
      subscribe(onUpdate, context) {
        push = onUpdate;
        ctx = context;
        context.onStatus?.('open');
      },
    };
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07"></promo-kpi-board>`,
    );
    board.adapter = adapter;
    await ready(board);
    await board.updateComplete;
    expect(sr(board).querySelector('.live')).to.not.equal(null);
    const time = sr(board).querySelector('[part="status"] time')!;
    expect(time.textContent).to.match(/^Updated /);
    push({
      type: 'append',
      records: {
        orders: [
          {
            id: 'o5',
            customerId: 'd',
            time: '2026-11-07T12:00:00Z',
            revenue: 25,
            campaignId: 'C2',
            channel: 'app',
            cogs: 10,
          },
          // A repeat of o1 (at-least-once delivery) is not counted twice.
          {
            id: 'o1',
            customerId: 'a',
            time: '2026-11-05T10:00:00Z',
            revenue: 100,
            cogs: 40,
            campaignId: 'C1',
            channel: 'web',
          },
        ],
      },
    });
    await waitUntil(() => revenueOf(board) === 375, 'appended order counted once');
    ctx.onStatus?.('reconnecting');
    ctx.onError?.(new AdapterError('stream', 'The live stream dropped; reconnecting'));
    await board.updateComplete;
    expect(sr(board).querySelector('.live')).to.equal(null);
    expect(sr(board).querySelector('[role="alert"]')!.textContent).to.contain('The live stream dropped');
    expect(revenueOf(board)).to.equal(375);
    // The board stops listening when removed.
    board.remove();
    expect(ctx.signal.aborted).to.equal(true);
  });

  it('can be used by keyboard alone', async () => {
    const board = await makeBoard();
    const root = sr(board);
    root.querySelector<HTMLSelectElement>('select[name="preset"]')!.focus();
    // From the period select, Tab reaches the date inputs, then the campaign menu.
    const menu = root.querySelector<HTMLElement>('details[part="campaigns"] summary')!;
    menu.focus();
    await sendKeys({ press: 'Enter' });
    expect(root.querySelector<HTMLDetailsElement>('details[part="campaigns"]')!.open).to.equal(true);
    await sendKeys({ press: 'Tab' }); // "Select all"(disabled, skipped) -> first checkbox
    expect(root.activeElement?.getAttribute('value')).to.equal('C1');
    const event = oneEvent(board, 'promo-query-change');
    await sendKeys({ press: 'Space' });
    expect(((await event) as CustomEvent<QueryChangeDetail>).detail.query.campaignIds).to.deep.equal(['C2']);
    await waitUntil(() => revenueOf(board) === 200, 'C2 only');
    // Escape closes the menu and returns to its summary.
    await sendKeys({ press: 'Escape' });
    expect(root.querySelector<HTMLDetailsElement>('details[part="campaigns"]')!.open).to.equal(false);
    expect(root.activeElement).to.equal(menu);
  });

  it('closes its menus on an outside press, and keeps one menu of the kit open at a time', async () => {
    const board = await makeBoard();
    const root = sr(board);
    const campaigns = root.querySelector<HTMLDetailsElement>('details[part="campaigns"]')!;
    const channels = root.querySelector<HTMLDetailsElement>('details[part="channels"]')!;
    const click = async (el: Element) => {
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
      await new Promise((r) => setTimeout(r, 20));
    };
    await click(campaigns.querySelector('summary')!);
    expect(campaigns.open).to.equal(true);
    // Ticking an item of a multi-select keeps it open.
    await click(campaigns.querySelector('input[value="C1"]')!);
    expect(campaigns.open).to.equal(true);
    // Opening the channel menu closes the campaign menu.
    await click(channels.querySelector('summary')!);
    expect(channels.open).to.equal(true);
    expect(campaigns.open).to.equal(false);
    // A press elsewhere on the page closes it.
    await click(root.querySelector('.period .field-label')!);
    expect(channels.open).to.equal(false);
    // A widget's "data and export" menu and a filter menu are never open together.
    await click(channels.querySelector('summary')!);
    expect(channels.open).to.equal(true);
    const tile = root.querySelector('promo-kpi-tile')!;
    await click(tile.shadowRoot!.querySelector('[part~="actions"] summary')!);
    expect(tile.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="actions"]')!.open).to.equal(true);
    expect(channels.open).to.equal(false);
    await click(campaigns.querySelector('summary')!);
    expect(campaigns.open).to.equal(true);
    expect(tile.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="actions"]')!.open).to.equal(false);
  });

  it('computes in the engine worker when asked (or for large data), with the same numbers', async () => {
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board
        worker="always"
        worker-url=${workerUrl}
        time-zone="UTC"
        from="2026-11-01"
        to="2026-11-07"
      ></promo-kpi-board>`,
    );
    board.data = DATA;
    await ready(board);
    expect(board.dataSummary?.where).to.equal('worker');
    expect(board.computedIn).to.equal('worker');
    expect(revenueOf(board)).to.equal(350);
    expect(board.channelList).to.deep.equal(['web', 'store']);
    expect(board.campaignList.map((c) => c.id)).to.deep.equal(['C1', 'C2']);
    board.appendRecords({
      orders: [
        { id: 'o9', customerId: 'e', time: '2026-11-07T13:00:00Z', revenue: 5, campaignId: 'C1', channel: 'app' },
      ],
    });
    await waitUntil(() => revenueOf(board) === 355, 'appended in the worker');
    expect(board.channelList).to.deep.equal(['web', 'store', 'app']);
    sr(board).querySelector<HTMLInputElement>('details[part="channels"] input[value="web"]')!.click();
    await waitUntil(() => revenueOf(board) === 255, 'filter (store and app) computed in the worker');
  });

  it('says how many records were left out of the numbers', async () => {
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07"></promo-kpi-board>`,
    );
    board.data = {
      ...DATA,
      orders: [...DATA.orders, { id: 'bad', customerId: 'x', time: '2026-11-06T10:00:00Z', revenue: '12,5' }],
    };
    await ready(board);
    expect(revenueOf(board)).to.equal(350);
    await board.updateComplete;
    expect(sr(board).querySelector('.issues')!.textContent).to.contain(
      'Records left out of the numbers (data problems): 1',
    );
  });

  it('loads through a registered adapter named in HTML (adapter + src), built-in or a user adapter', async () => {
    const src = new URL('./fixtures/week.json', import.meta.url).href;
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board
        adapter="json"
        src=${src}
        time-zone="UTC"
        from="2026-11-01"
        to="2026-11-07"
      ></promo-kpi-board>`,
    );
    await ready(board);
    expect(revenueOf(board)).to.equal(350);

    registerAdapter('week-api', (options: Record<string, unknown>) => ({
      load: async () => ({ ...DATA, orders: DATA.orders.filter((o) => o.channel === options.channel) }),
    }));
    const own = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board
        adapter="week-api"
        adapter-options='{"channel": "store"}'
        time-zone="UTC"
        from="2026-11-01"
        to="2026-11-07"
      ></promo-kpi-board>`,
    );
    await ready(own);
    expect(revenueOf(own)).to.equal(250);
  });

  it('names the problem when the adapter is unknown or the file is missing', async () => {
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board adapter="no-such" time-zone="UTC"></promo-kpi-board>`,
    );
    await waitUntil(() => sr(board).querySelector('[role="alert"]'), 'error shown');
    expect(sr(board).querySelector('[role="alert"]')!.textContent).to.contain('No adapter named "no-such"');
    const missing = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board adapter="json" src="/no-such-file.json" time-zone="UTC"></promo-kpi-board>`,
    );
    await waitUntil(() => sr(missing).querySelector('[role="alert"]'), 'error shown', { timeout: 5000 });
    expect(sr(missing).querySelector('[role="alert"]')!.textContent).to.contain('404');
  });

  it('is accessible', async () => {
    const board = await makeBoard();
    await expect(board).to.be.accessible();
  });

  it('shows slotted widgets instead of the default layout', async () => {
    const board = await makeBoard('spy');
    await board.updateComplete;
    expect(sr(board).querySelector('promo-kpi-tile')).to.equal(null);
    const spy = board.querySelector<StateSpy>('state-spy')!;
    expect(spy.last!.report!.kpis.revenue!.value).to.equal(350);
  });
});
