/**
 * The board over data with order attributes and loyalty (KPI-SPEC section 7): the comparison
 * select, one filter per attribute, both in the query, the event and the URL form; the new
 * panels in the default layout; promo-segment-select reaching the host with ids().
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/kpi-board/define.js';
import type { PromoKpiBoard, QueryChangeDetail } from '../../../src/elements/kpi-board/define.js';
import { queryFromParams, queryToParams } from '../../../src/elements/kpi-board/query.js';
import { computeReport } from '../../../src/engine/report.js';
import { segmentCustomers } from '../../../src/engine/segments.js';
import type { PromoSegmentSelectDetail } from '../../../src/elements/reactivation/reactivation.js';
import type { Adapter } from '../../../src/adapters/adapter.js';
import type { ReportOptions, SegmentQuery } from '../../../src/engine/report-types.js';

const order = (
  id: string,
  customerId: string,
  time: string,
  revenue: number,
  store: string | null,
  region: string,
) => ({
  id,
  customerId,
  time,
  revenue,
  campaignId: 'C1',
  channel: 'store',
  attributes: store ? { store, region } : { region },
});

/**
 * Customers a, b, c ordered before the period (2026-11-01 .. 11-07): a on 10-28 (3 days
 * before the base day 10-31: segment 0-7), b on 10-20 (11 days: 8-14), c on 10-01 (30: 29+).
 * In the period a and c return; d is new. Stores Q1-01 (HCM), HN-01 (HN); one order without a store.
 */
const DATA = {
  campaigns: [{ id: 'C1', name: 'Tết Sale', start: '2025-10-01', end: '2026-11-30' }],
  orders: [
    order('p1', 'a', '2026-10-28T10:00:00Z', 10, 'Q1-01', 'HCM'),
    order('p2', 'b', '2026-10-20T10:00:00Z', 20, 'HN-01', 'HN'),
    order('p3', 'c', '2026-10-01T10:00:00Z', 30, 'Q1-01', 'HCM'),
    order('o1', 'a', '2026-11-02T10:00:00Z', 100, 'Q1-01', 'HCM'),
    order('o2', 'c', '2026-11-03T10:00:00Z', 200, 'HN-01', 'HN'),
    order('o3', 'd', '2026-11-04T10:00:00Z', 50, null, 'HCM'),
    order('y1', 'a', '2025-11-03T10:00:00Z', 70, 'Q1-01', 'HCM'),
  ],
  loyalty: [
    { customerId: 'a', time: '2026-11-02T10:00:00Z', earned: 100, redeemed: 0, channel: 'store' },
    { customerId: 'c', time: '2026-11-03T10:00:00Z', earned: 40, redeemed: 20, channel: 'app' },
  ],
};

const sr = (el: Element) => el.shadowRoot!;

async function makeBoard(attrs = ''): Promise<PromoKpiBoard> {
  const board = await fixture<PromoKpiBoard>(
    html`<promo-kpi-board
      time-zone="UTC"
      from="2026-11-01"
      to="2026-11-07"
      currency="VND"
      locale="en"
      theme="light"
    ></promo-kpi-board>`,
  );
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) board.setAttribute(k, v);
  board.data = DATA;
  await waitUntil(() => board.currentReport !== null, 'report computed', { timeout: 5000 });
  await board.reportComplete();
  return board;
}

describe('<promo-kpi-board> with attributes, comparison and re-activation', () => {
  it('asks for a breakdown by every attribute and shows the new panels', async () => {
    const board = await makeBoard();
    expect(board.query.breakdowns).to.deep.equal(['store', 'region']);
    expect(board.currentReport!.byAttribute!.store!['Q1-01']!.revenue).to.equal(100);
    const bys = [...sr(board).querySelectorAll('promo-breakdown')].map((b) => b.getAttribute('by'));
    expect(bys).to.deep.equal(['channel', 'store', 'region']);
    expect(sr(board).querySelector('promo-reactivation')).to.not.equal(null);
    expect(sr(board).querySelector('promo-loyalty-panel')).to.not.equal(null);
    await expect(board).to.be.accessible();
  });

  it('the comparison select changes the query, the numbers and fires promo-query-change', async () => {
    const board = await makeBoard();
    const select = sr(board).querySelector<HTMLSelectElement>('select[name="compare"]')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Previous period',
      'Same period last year',
      'No comparison',
    ]);
    const event = oneEvent(board, 'promo-query-change');
    select.value = 'year';
    select.dispatchEvent(new Event('change'));
    const { detail } = (await event) as CustomEvent<QueryChangeDetail>;
    expect(detail.query.compare).to.equal('year');
    await waitUntil(() => board.currentReport?.previous?.from === '2025-11-01', 'last year compared');
    // Last year's same week: a's 70.
    expect(board.currentReport!.kpis.revenue!.previous).to.equal(70);
    expect(board.getAttribute('compare')).to.equal('year');
  });

  it('one filter per attribute; a choice filters the numbers and is in the query and the URL', async () => {
    const board = await makeBoard();
    const menus = [...sr(board).querySelectorAll<HTMLDetailsElement>('details[part="attribute-filter"]')];
    expect(menus.map((m) => m.dataset.attribute)).to.deep.equal(['store', 'region']);
    const labels = [...menus[0]!.querySelectorAll('label.check')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['HN-01', 'Q1-01']);
    const q1 = menus[0]!.querySelector<HTMLInputElement>('input[value="HN-01"]')!;
    const event = oneEvent(board, 'promo-query-change');
    q1.click(); // unticking HN-01 leaves Q1-01
    const { detail } = (await event) as CustomEvent<QueryChangeDetail>;
    expect(detail.query.filters).to.deep.equal({ store: ['Q1-01'] });
    // Only o1 (Q1-01): the order without a store fails the filter.
    await waitUntil(() => board.currentReport?.kpis.revenue?.value === 100, 'store filter applied');
    const params = queryToParams(detail.query);
    expect(params.getAll('f.store')).to.deep.equal(['Q1-01']);
    expect(queryFromParams(params).filters).to.deep.equal({ store: ['Q1-01'] });
    // Reset clears the attribute filters too.
    sr(board).querySelector<HTMLButtonElement>('button.reset')!.click();
    await waitUntil(() => board.currentReport?.kpis.revenue?.value === 350, 'filters cleared');
    expect(board.query.filters).to.equal(undefined);
  });

  it('filters as an attribute (JSON) or a property (object or its JSON text)', async () => {
    const board = await makeBoard('filters={"region":["HN"]}');
    await waitUntil(() => board.currentReport?.kpis.revenue?.value === 200, 'HN only');
    (board as unknown as { filters: string }).filters = '{"region":["HCM"]}';
    await waitUntil(() => board.currentReport?.kpis.revenue?.value === 150, 'HCM only');
    board.filters = {};
    await waitUntil(() => board.currentReport?.kpis.revenue?.value === 350, 'no filter');
  });

  it('choosing a value in a breakdown selects it; its "Filter by" button filters the board; "Remove filter" clears it', async () => {
    const board = await makeBoard();
    const region = sr(board).querySelector('promo-breakdown[by="region"]')!;
    const update = () => (region as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await update();
    const hn = () => region.shadowRoot!.querySelector<SVGGElement>('[role="button"][data-key="HN"]')!;
    hn().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await update();
    expect(hn().getAttribute('aria-pressed')).to.equal('true');
    expect(board.query.filters ?? {}).to.deep.equal({});
    region.shadowRoot!.querySelector<HTMLButtonElement>('[part~="filter-action"]')!.click();
    await waitUntil(() => board.currentReport?.kpis.revenue?.value === 200, 'HN chosen');
    expect(board.query.filters).to.deep.equal({ region: ['HN'] });
    await board.updateComplete;
    expect(sr(board).querySelector('[part~="filter-chip"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('HN');
    await waitUntil(
      () => region.shadowRoot!.querySelector('[part~="filter-action"]')?.textContent?.trim() === 'Remove filter',
      'filtered by the selection',
    );
    region.shadowRoot!.querySelector<HTMLButtonElement>('[part~="filter-action"]')!.click();
    await waitUntil(() => board.currentReport?.kpis.revenue?.value === 350, 'cleared');
  });

  it('promo-segment-select reaches the host; ids() are the engine’s segmentCustomers of the query', async () => {
    const board = await makeBoard();
    const widget = sr(board).querySelector('promo-reactivation')!;
    await waitUntil(() => widget.shadowRoot!.querySelectorAll('[part~="segment"]').length === 4, 'segments');
    const event = oneEvent(board, 'promo-segment-select');
    widget.shadowRoot!.querySelector<HTMLElement>('[data-segment="0-7"]')!.click();
    const { detail } = (await event) as CustomEvent<PromoSegmentSelectDetail>;
    expect(detail.segment).to.equal('0-7');
    expect(detail.customers).to.equal(1);
    const expected = segmentCustomers(DATA, board.query, { segment: '0-7', of: 'reactivation' });
    expect(await detail.ids()).to.deep.equal(expected);
    expect(expected).to.deep.equal(['a']);
    const report = computeReport(DATA, board.query);
    expect(report.reactivation.map((r) => [r.segment, r.customers, r.returned])).to.deep.equal([
      ['0-7', 1, 1],
      ['8-14', 1, 0],
      ['15-28', 0, 0],
      ['29+', 1, 1],
    ]);
  });

  it('an adapter with segmentCustomers lists the customers (a warehouse pushdown)', async () => {
    const asked: [ReportOptions, SegmentQuery][] = [];
    const adapter: Adapter & { segmentCustomers(o: ReportOptions, q: SegmentQuery): Promise<string[]> } = {
      load: () => Promise.resolve(DATA),
      segmentCustomers: (o, q) => {
        asked.push([o, q]);
        return Promise.resolve(['W-1', 'W-2']);
      },
    };
    const board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board time-zone="UTC" from="2026-11-01" to="2026-11-07" .adapter=${adapter}></promo-kpi-board>`,
    );
    await waitUntil(() => board.currentReport !== null, 'report', { timeout: 5000 });
    const widget = sr(board).querySelector('promo-reactivation')!;
    await waitUntil(() => widget.shadowRoot!.querySelector('[data-segment="29+"]'), 'segments');
    const event = oneEvent(board, 'promo-segment-select');
    widget.shadowRoot!.querySelector<HTMLElement>('[data-segment="29+"]')!.click();
    const { detail } = (await event) as CustomEvent<PromoSegmentSelectDetail>;
    expect(await detail.ids()).to.deep.equal(['W-1', 'W-2']);
    expect(asked[0]![1]).to.deep.equal({ segment: '29+', of: 'reactivation' });
    expect(asked[0]![0].from).to.equal('2026-11-01');
  });

  it('URL form: compare, recency bounds and repeated attribute values (commas kept) round-trip', () => {
    const q: ReportOptions = {
      from: '2026-01-20',
      to: '2026-02-05',
      timeZone: 'Asia/Ho_Chi_Minh',
      compare: 'year',
      recencyBounds: [3, 10],
      filters: { store: ['Q1-01', 'Kho 2, Q7'], region: ['HCM'] },
    };
    const params = queryToParams(q);
    expect(params.get('compare')).to.equal('year');
    expect(params.get('recency')).to.equal('3,10');
    expect(queryFromParams(new URLSearchParams(params.toString()))).to.deep.equal(q);
    expect(queryToParams({ from: '2026-01-01', to: '2026-01-02', compare: 'previous' }).has('compare')).to.equal(false);
    const bad = queryFromParams(new URLSearchParams('compare=decade&recency=9,3&f.1bad=x&f.ok='));
    expect(bad).to.deep.equal({});
  });
});
