import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/reactivation/define.js';
import type { PromoReactivation, PromoSegmentSelectDetail } from '../../../src/elements/reactivation/reactivation.js';
import { segmentLabels } from '../../../src/elements/reactivation/layout.js';
import { addDays } from '../../../src/format/date.js';
import { boundsValue } from '../../../src/elements/shared/converters.js';
import type { SegmentQuery } from '../../../src/engine/report-types.js';
import { makeReportV2, type ReportV2 } from '../../fixtures/report-v2.js';
import { $, $$, boardState, captureExport, settle, text, TestBoard } from '../shared/helpers.js';

/** A customer source: ids made from the request, so a test sees which list was asked for. */
const LISTS: Record<string, string[]> = {
  '0-7|reactivation': ['K-10', 'K-2', '=cmd'],
  '8-14|reactivation': ['K-3', 'K-4', 'K-5'],
  '8-14|returned': ['K-4'],
  '15-28|reactivation': [],
  '29+|reactivation': ['K-9'],
};
const requests: SegmentQuery[] = [];
const source = (r: SegmentQuery) => {
  requests.push(r);
  return Promise.resolve(LISTS[`${r.segment}|${r.of}`] ?? []);
};

async function widget(
  attrs: Record<string, string> = {},
  report: ReportV2 | null = makeReportV2(),
  width = 720,
  resolve: typeof source | null = source,
): Promise<PromoReactivation> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  const el = document.createElement('promo-reactivation');
  el.setAttribute('currency', 'VND');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (report) el.report = report;
  el.resolveCustomers = resolve ?? undefined;
  wrap.append(el);
  await settle(el);
  return el;
}

const rows = (el: Element) => $$<HTMLElement>(el, '[part~="segment"]');
const field = (row: Element, f: string) => text(row.querySelector(`[data-field="${f}"] .fig-value`));

describe('<promo-reactivation>', () => {
  it('one row per segment: customers, returned, rate, orders, revenue', async () => {
    const el = await widget();
    expect(text($(el, '[part~="title"]'))).to.equal('Re-activation by days since last order');
    expect(text($(el, '[part~="base-day"]'))).to.equal('Days counted to Oct 31, 2026, the day before the period.');
    expect(rows(el).map((r) => text(r.querySelector('.seg')))).to.deep.equal([
      '0–7 days',
      '8–14 days',
      '15–28 days',
      '29+ days',
    ]);
    const r = rows(el)[1]!;
    expect([field(r, 'customers'), field(r, 'returned'), field(r, 'rate'), field(r, 'orders')]).to.deep.equal([
      '30',
      '9',
      '30.0%',
      '12',
    ]);
    // The option's name is its text: each figure with its name.
    expect(text(r)).to.equal('8–14 days Customers 30 Returned 9 Return rate 30.0% Orders 12 Revenue ₫3.2M');
    expect(r.title).to.equal(
      '8–14 days since last order: 30 customers, 9 returned (30.0%), 12 orders, revenue ₫3,200,000',
    );
    // Rate bars against the highest rate (0.45).
    const fill = (i: number) => parseFloat(rows(el)[i]!.querySelector<HTMLElement>('.fill')!.style.width);
    expect(fill(0)).to.be.closeTo(100, 0.01);
    expect(fill(3)).to.be.closeTo((0.08 / 0.45) * 100, 0.01);
    await expect(el).to.be.accessible();
  });

  it('choosing a segment (click, Enter, Space) fires promo-segment-select with ids()', async () => {
    const el = await widget();
    const seen: PromoSegmentSelectDetail[] = [];
    el.addEventListener('promo-segment-select', (e) => seen.push((e as CustomEvent<PromoSegmentSelectDetail>).detail));
    rows(el)[1]!.click();
    await settle(el);
    expect(seen[0]!.segment).to.equal('8-14');
    expect(seen[0]!.of).to.equal('reactivation');
    expect(seen[0]!.customers).to.equal(30);
    expect(await seen[0]!.ids()).to.deep.equal(['K-3', 'K-4', 'K-5']);
    expect(rows(el)[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(text($(el, '[part~="chosen"]'))).to.equal('Chosen: 8–14 days, Everyone in the segment: 30 customers.');
    // The list switch: those who returned.
    const radio = $$<HTMLInputElement>(el, '[part~="list-switch"] input')[1]!;
    radio.click();
    await settle(el);
    expect(el.of).to.equal('returned');
    rows(el)[1]!.focus();
    rows(el)[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await settle(el);
    expect(seen[1]!.of).to.equal('returned');
    expect(seen[1]!.customers).to.equal(9);
    expect(await seen[1]!.ids()).to.deep.equal(['K-4']);
    // Arrow keys move the focus; Space chooses.
    rows(el)[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(rows(el)[2]);
    rows(el)[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    await settle(el);
    expect(seen[2]!.segment).to.equal('15-28');
  });

  it('without a customer source, ids() rejects in words and the list items are not offered', async () => {
    const el = await widget({}, makeReportV2(), 720, null);
    let detail: PromoSegmentSelectDetail | null = null;
    el.addEventListener('promo-segment-select', (e) => (detail = (e as CustomEvent).detail));
    rows(el)[0]!.click();
    await settle(el);
    expect(detail).to.not.equal(null);
    let message = '';
    await detail!.ids().catch((e: Error) => (message = e.message));
    expect(message).to.equal('Customer lists are not available: the data source cannot list customers.');
    expect($(el, '[part~="list-switch"]')).to.equal(null);
    expect($(el, '[data-action="customers"]')).to.equal(null);
  });

  it('inside a board: the board’s segmentCustomers gives the ids', async () => {
    const board = await fixture<TestBoard>(html`<test-board><promo-reactivation></promo-reactivation></test-board>`);
    const el = board.querySelector('promo-reactivation')!;
    const asked: SegmentQuery[] = [];
    board.state = {
      ...boardState({ report: makeReportV2() }),
      segmentCustomers: (r) => {
        asked.push(r);
        return Promise.resolve(['B-1']);
      },
    };
    await settle(el);
    let detail: PromoSegmentSelectDetail | null = null;
    board.addEventListener('promo-segment-select', (e) => (detail = (e as CustomEvent).detail));
    rows(el)[3]!.click();
    expect(await detail!.ids()).to.deep.equal(['B-1']);
    expect(asked).to.deep.equal([{ segment: '29+', of: 'reactivation' }]);
  });

  it('exports the chosen segment’s customer list as CSV (formulas neutralised), or every segment’s', async () => {
    const el = await widget();
    let detail: { filename: string; blob: Blob } | null = null;
    el.addEventListener('promo-export', (e) => {
      e.preventDefault();
      detail = (e as CustomEvent).detail;
    });
    const button = $<HTMLButtonElement>(el, '[data-action="customers"]');
    expect(text(button)).to.equal('Export customer list (CSV), every segment');
    await el.exportCustomers();
    // A byte-order mark first, so spreadsheets read UTF-8 (text() drops it).
    expect([...new Uint8Array(await detail!.blob.arrayBuffer()).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    let csv = await detail!.blob.text();
    expect(csv).to.equal(
      "Customer ID,Days since last order\r\nK-10,0-7\r\nK-2,0-7\r\n'=cmd,0-7\r\nK-3,8-14\r\nK-4,8-14\r\nK-5,8-14\r\nK-9,29+\r\n",
    );
    rows(el)[1]!.click();
    await settle(el);
    expect(text($(el, '[data-action="customers"]'))).to.equal('Export customer list (CSV)');
    el.of = 'returned';
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="customers"]').click();
    await new Promise((r) => setTimeout(r, 20));
    csv = await detail!.blob.text();
    expect(csv).to.equal('Customer ID,Days since last order\r\nK-4,8-14\r\n');
    expect(detail!.filename).to.equal('promo-customers-8-14-returned.csv');
  });

  it('a failing source: promo-error with the reason, nothing exported', async () => {
    const el = await widget({}, makeReportV2(), 720, () => Promise.reject(new Error('warehouse offline')));
    let message = '';
    el.addEventListener('promo-error', (e) => (message = (e as CustomEvent).detail.message));
    expect(await el.exportCustomers('0-7')).to.equal(null);
    expect(message).to.equal('The customer list could not be loaded: warehouse offline');
  });

  it('bounds: as attribute, array or string; bad bounds named on screen and in promo-config-error', async () => {
    const el = await widget({ bounds: '7,14,28' });
    expect($(el, '[part~="note"]')).to.equal(null);
    el.bounds = [3, 10];
    await settle(el);
    expect(text($(el, '[part~="note"]'))).to.equal(
      'The report has the segments 0–7, 8–14, 15–28, 29+, not those of the bounds 3,10.',
    );
    const errors: unknown[] = [];
    el.addEventListener('promo-config-error', (e) => errors.push((e as CustomEvent).detail));
    // The string form, as a framework sets it.
    (el as unknown as { bounds: string }).bounds = '7,14';
    await settle(el);
    expect(el.bounds).to.deep.equal([7, 14]);
    (el as unknown as { bounds: string }).bounds = '14,7';
    await settle(el);
    expect(text($(el, '[part~="config-error"]'))).to.equal(
      'bounds="14,7" ignored: expected increasing whole numbers of days, such as 7,14,28. Using the default.',
    );
    expect(errors).to.have.length(1);
    expect((errors[0] as { property: string }).property).to.equal('bounds');
    // The rows are still there.
    expect(rows(el)).to.have.length(4);
  });

  it('narrow card: figures under the segment name, with their names', async () => {
    const el = await widget({}, makeReportV2(), 340);
    expect($(el, '.ra-root').classList.contains('narrow')).to.equal(true);
    const r = rows(el)[0]!;
    const label = r.querySelector<HTMLElement>('[data-field="customers"] .fig-label')!;
    expect(text(label)).to.equal('Customers');
    expect(label.getBoundingClientRect().width).to.be.greaterThan(20);
    expect(r.getBoundingClientRect().width).to.be.at.most(340);
    await expect(el).to.be.accessible();
  });

  it('Vietnamese, table view and empty state', async () => {
    const el = await widget({ locale: 'vi' });
    expect(text($(el, '[part~="title"]'))).to.equal('Khách quay lại theo số ngày từ đơn gần nhất');
    // the day before the period (2026-11-01) in the reader's calendar, never ISO
    expect(text($(el, '[part~="base-day"]'))).to.equal('Số ngày tính đến 31 thg 10, 2026, ngày trước kỳ báo cáo.');
    const en = await widget();
    expect(text($(en, '[part~="base-day"]'))).to.equal('Days counted to Oct 31, 2026, the day before the period.');
    el.toggleTable();
    await settle(el);
    expect($$(el, '[part~="table"] thead th').map(text)).to.deep.equal([
      'Số ngày từ đơn gần nhất',
      'Số khách',
      'Đã quay lại',
      'Tỷ lệ quay lại',
      'Số đơn',
      'Doanh thu',
    ]);
    const csv = await (await captureExport(el, 'csv')).blob.text();
    expect(csv).to.contain('8-14,30,9,0.3,12,3200000');
    const empty = await widget({}, { ...makeReportV2(), reactivation: [] });
    expect(text($(empty, '[part~="empty"]'))).to.equal('Nothing to show for this period.');
  });
});

describe('re-activation bounds', () => {
  it('reads strings and arrays; refuses anything not strictly increasing positive integers', () => {
    const read = (v: unknown) => {
      const r = boundsValue.read(v);
      return r.ok ? r.value : false;
    };
    expect(read('7, 14,28')).to.deep.equal([7, 14, 28]);
    expect(read([7, 14])).to.deep.equal([7, 14]);
    expect(read(['3', '9'])).to.deep.equal([3, 9]);
    expect(read('')).to.deep.equal([]);
    for (const bad of ['7,7', '0,3', '-1', '2.5', 'a', [1, 1], {}, '7,,14', 7])
      expect(read(bad), JSON.stringify(bad)).to.equal(false);
    expect(segmentLabels([7, 14, 28])).to.deep.equal(['0-7', '8-14', '15-28', '29+']);
    expect(segmentLabels([3])).to.deep.equal(['0-3', '4+']);
  });
});

describe('re-activation base day', () => {
  it('is the day before the period, across months, years and leap days; none for a day that does not exist', async () => {
    expect(addDays('2026-11-01', -1)).to.equal('2026-10-31');
    expect(addDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addDays('2024-03-01', -1)).to.equal('2024-02-29');
    expect(addDays('2025-03-01', -1)).to.equal('2025-02-28');
    expect(addDays('0050-03-01', -1)).to.equal('0050-02-28');
    for (const bad of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '2025-01-01T00:00Z', ''])
      expect(addDays(bad, -1), bad).to.equal(null);
    // A period that does not start on a real day: no base-day line, the rest shown.
    const el = await widget({}, { ...makeReportV2(), period: { ...makeReportV2().period, from: '2026-02-30' } });
    expect($(el, '[part~="base-day"]')).to.equal(null);
    expect(rows(el)).to.have.length(4);
  });
});
