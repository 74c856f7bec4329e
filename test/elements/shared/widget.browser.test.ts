import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, emulateMedia } from '@web/test-runner-commands';
import '../../../src/elements/kpi-tile/define.js';
import '../../../src/elements/budget-gauge/define.js';
import '../../../src/elements/cohort-heatmap/define.js';
import type { PromoKpiTile } from '../../../src/elements/kpi-tile/kpi-tile.js';
import { cell } from '../../../src/elements/shared/data-table.js';
import { csvField, toCsv, fileName } from '../../../src/elements/shared/csv.js';
import { makeReport, REPORT } from '../../fixtures/report.js';
import { $, $$, boardState, captureExport, settle, text, type TestBoard } from './helpers.js';

describe('CSV export helpers', () => {
  it('neutralises text cells starting with = + - @ tab or CR, and quotes when needed', () => {
    expect(csvField('=SUM(A1:A2)')).to.equal("'=SUM(A1:A2)");
    expect(csvField('+1')).to.equal("'+1");
    expect(csvField('-2+3')).to.equal("'-2+3");
    expect(csvField('@cmd')).to.equal("'@cmd");
    expect(csvField('\tx')).to.equal("'\tx");
    expect(csvField('\rx')).to.equal('"\'\rx"');
    expect(csvField('=HYPERLINK("x")')).to.equal('"\'=HYPERLINK(""x"")"');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('Tết sớm')).to.equal('Tết sớm');
    // Numbers are values, not formulas: a negative number stays a number.
    expect(csvField(-100000)).to.equal('-100000');
    expect(csvField(null)).to.equal('');
    expect(csvField(Number.NaN)).to.equal('');
  });

  it('writes a header row and CRLF lines', () => {
    const csv = toCsv({ caption: 'x', columns: ['a', 'b'], rows: [[cell('=x'), cell(1.5)]] });
    expect(csv).to.equal("a,b\r\n'=x,1.5\r\n");
  });

  it('names files from the caption without accents', () => {
    expect(fileName('Doanh thu khuyến mãi · Đợt 1', 'csv')).to.equal('promo-doanh-thu-khuyen-mai-dot-1.csv');
  });
});

describe('widget base (through <promo-kpi-tile>)', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  it('reads the report from the board context when it has no report property', async () => {
    const board = await fixture<TestBoard>(
      html`<test-board><promo-kpi-tile kpi="orders"></promo-kpi-tile></test-board>`,
    );
    board.state = boardState({ report: REPORT, locale: 'vi' });
    const tile = board.querySelector('promo-kpi-tile')!;
    await tile.updateComplete;
    expect(text($(tile, '[part~="value"]'))).to.equal('66');
    expect(text($(tile, '[part~="label"]'))).to.equal('Đơn hàng');
    // A new board value (replaced, not mutated) updates the tile.
    const r2 = makeReport();
    r2.kpis.orders = { value: 70, previous: 66, delta: 4 / 66, change: 4 };
    board.state = boardState({ report: r2, locale: 'en' });
    await tile.updateComplete;
    expect(text($(tile, '[part~="value"]'))).to.equal('70');
    expect(text($(tile, '[part~="label"]'))).to.equal('Orders');
  });

  it('takes campaign names and targets from the board', async () => {
    const board = await fixture<TestBoard>(
      html`<test-board><promo-kpi-tile kpi="revenue" campaign="C1"></promo-kpi-tile></test-board>`,
    );
    board.state = boardState({
      report: REPORT,
      campaigns: [
        {
          id: 'C1',
          name: 'Tết sớm',
          start: '2026-10-15',
          end: '2026-11-30',
          budget: 30_000_000,
          type: null,
          targets: { revenue: 24_000_000 },
        },
      ],
    });
    const tile = board.querySelector('promo-kpi-tile')!;
    await tile.updateComplete;
    expect(text($(tile, '[part~="label"]'))).to.equal('Promotion revenue · Tết sớm');
    // 12,000,000 of 24,000,000.
    expect(text($(tile, '[part~="target"]'))).to.equal('50.0% of target ₫24,000,000');
  });

  it('shows every state: loading (board and forced), error (board and forced), empty', async () => {
    const board = await fixture<TestBoard>(html`<test-board><promo-kpi-tile kpi="roi"></promo-kpi-tile></test-board>`);
    const tile = board.querySelector('promo-kpi-tile')!;
    board.state = boardState({ status: 'loading' });
    await tile.updateComplete;
    expect($(tile, '[part~="skeleton"]')).to.not.equal(null);
    expect($(tile, '[part~="base"]').getAttribute('aria-busy')).to.equal('true');
    expect(text($(tile, '[role="status"]'))).to.equal('Loading…');

    // The board says what failed; the widget inside only shows a quiet placeholder.
    board.state = boardState({ status: 'error', error: 'Could not load orders.csv', locale: 'vi' });
    await tile.updateComplete;
    expect($(tile, '[part~="error"]')).to.equal(null);
    expect($(tile, '[role="alert"]')).to.equal(null);
    expect(text($(tile, '[part~="unavailable"]'))).to.equal('Chưa có gì để hiển thị cho đến khi tải được dữ liệu.');
    board.state = boardState({ status: 'error', error: 'Could not load orders.csv' });
    await tile.updateComplete;
    expect(text($(tile, '[part~="unavailable"]'))).to.equal('Nothing to show until the data loads.');
    expect(text($(tile, '.state-title'))).to.not.equal('');

    tile.report = REPORT;
    tile.state = 'loading';
    await tile.updateComplete;
    expect($(tile, '[part~="skeleton"]')).to.not.equal(null);
    tile.state = 'empty';
    await tile.updateComplete;
    expect(text($(tile, '[part~="empty"]'))).to.equal('Nothing to show for this period.');
    tile.state = 'error';
    tile.errorMessage = 'Nope';
    await tile.updateComplete;
    expect(text($(tile, '[part~="error"]'))).to.equal('Nope');
    expect($(tile, '[part~="error"]').getAttribute('role')).to.equal('alert');
    tile.state = 'auto';
    await tile.updateComplete;
    expect($(tile, '[part~="value"]')).to.not.equal(null);
  });

  it('never throws out of render: a broken report shows the error part and fires promo-error once', async () => {
    const broken = { ...makeReport(), daily: null } as unknown as typeof REPORT;
    const errors: CustomEvent[] = [];
    const wrap = await fixture<HTMLDivElement>(html`<div @promo-error=${(e: CustomEvent) => errors.push(e)}></div>`);
    const tile = document.createElement('promo-kpi-tile');
    tile.kpi = 'revenue';
    tile.report = broken;
    wrap.append(tile);
    await tile.updateComplete;
    expect(text($(tile, '[part~="error"]'))).to.equal('This widget could not be shown.');
    expect(errors).to.have.length(1);
    expect(errors[0].detail.message).to.be.a('string').with.length.greaterThan(0);
    tile.locale = 'vi';
    await tile.updateComplete;
    expect(errors).to.have.length(1);
    tile.report = REPORT;
    await tile.updateComplete;
    expect($(tile, '[part~="error"]')).to.equal(null);
  });

  it('opens the data table and exports by keyboard only', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="revenue" currency="VND" .report=${REPORT}></promo-kpi-tile>`,
    );
    const summary = $(el, '[part~="actions"] summary');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($<HTMLDetailsElement>(el, '[part~="actions"]').open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('table');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const table = $(el, 'table[part~="table"]');
    expect(table).to.not.equal(null);
    expect($(el, '[data-action="table"]').getAttribute('aria-expanded')).to.equal('true');
    expect(text(table.querySelector('caption'))).to.equal('Promotion revenue');
    expect($$(el, 'tbody tr')).to.have.length(3 + 7);
    expect(text(table.querySelector('tbody tr td'))).to.equal('₫18,500,000');
    // Choosing an item closes the menu and puts the focus back on its summary.
    expect($<HTMLDetailsElement>(el, '[part~="actions"]').open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    await expect(el).to.be.accessible();

    let exported: string | null = null;
    el.addEventListener('promo-export', (e) => {
      e.preventDefault();
      exported = (e as CustomEvent).detail.format;
    });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('csv');
    await sendKeys({ press: 'Enter' });
    // The file writer is loaded on the first export: wait for it, however busy the machine.
    await waitUntil(() => exported !== null, 'no promo-export', { timeout: 5000 });
    expect(exported).to.equal('csv');
    expect($<HTMLDetailsElement>(el, '[part~="actions"]').open).to.equal(false);

    await sendKeys({ press: 'Enter' });
    expect($<HTMLDetailsElement>(el, '[part~="actions"]').open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect($<HTMLDetailsElement>(el, '[part~="actions"]').open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(summary);
  });

  it('closes its menu on a mouse pick, an outside press, and when another menu opens', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div style="display:flex;gap:24px;padding:24px">
        <promo-kpi-tile style="width:300px" kpi="revenue" currency="VND" .report=${REPORT}></promo-kpi-tile>
        <promo-kpi-tile style="width:300px" kpi="orders" .report=${REPORT}></promo-kpi-tile>
      </div>`,
    );
    const [a, b] = [...wrap.querySelectorAll<PromoKpiTile>('promo-kpi-tile')];
    await settle(a);
    await settle(b);
    const menuOf = (t: PromoKpiTile) => $<HTMLDetailsElement>(t, '[part~="actions"]');
    const click = async (el: Element) => {
      const r = el.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
      await new Promise((r) => setTimeout(r, 20));
    };
    // A mouse pick closes the menu.
    await click($(a, '[part~="actions"] summary'));
    expect(menuOf(a).open).to.equal(true);
    await click($(a, '[data-action="table"]'));
    await a.updateComplete;
    expect($(a, 'table[part~="table"]')).to.not.equal(null);
    expect(menuOf(a).open).to.equal(false);
    expect(a.shadowRoot!.activeElement).to.equal($(a, '[part~="actions"] summary'));
    // Opening another widget's menu closes the first.
    await click($(a, '[part~="actions"] summary'));
    expect(menuOf(a).open).to.equal(true);
    await click($(b, '[part~="actions"] summary'));
    expect(menuOf(b).open).to.equal(true);
    expect(menuOf(a).open).to.equal(false);
    // A press outside closes it; a press inside does not.
    $(b, '[data-action="csv"]').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(menuOf(b).open).to.equal(true);
    const r = wrap.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.x + 8), Math.round(r.y + 8)] });
    await new Promise((r) => setTimeout(r, 20));
    expect(menuOf(b).open).to.equal(false);
    // Listeners go with the element: a removed widget no longer reacts.
    const spy = menuOf(a);
    spy.open = true;
    a.remove();
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(spy.open).to.equal(true);
  });

  it('exports the chart as SVG with token colours inlined, and as PNG', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile kpi="revenue" theme="dark" .report=${REPORT}></promo-kpi-tile>`,
    );
    const svg = await captureExport(el, 'svg');
    expect(svg.filename).to.equal('promo-promotion-revenue.svg');
    const s = await svg.blob.text();
    expect(s).to.match(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(s).to.not.contain('var(');
    // Dark accent #58a6ff on the line, dark surface #161b22 as background.
    expect(s).to.contain('stroke="rgb(88, 166, 255)"');
    expect(s).to.contain('fill="rgb(22, 27, 34)"');
    const png = await captureExport(el, 'png');
    expect(png.blob.type).to.equal('image/png');
    const head = new Uint8Array(await png.blob.slice(0, 8).arrayBuffer());
    expect([...head]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
  });

  it('observes its size and stops when removed', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 180px">
        <promo-kpi-tile kpi="revenue" currency="VND" .report=${REPORT}></promo-kpi-tile>
      </div>`,
    );
    const el = wrap.querySelector('promo-kpi-tile')!;
    await settle(el);
    // Under 200 px the value is compact.
    expect(text($(el, '[part~="value"]'))).to.equal('₫18.5M');
    wrap.style.width = '480px';
    await settle(el);
    expect(text($(el, '[part~="value"]'))).to.equal('₫18,500,000');
    el.remove();
    expect((el as unknown as { observing: boolean }).observing).to.equal(false);
  });

  it('respects prefers-reduced-motion (no skeleton animation)', async () => {
    const el = await fixture<PromoKpiTile>(html`<promo-kpi-tile kpi="revenue" state="loading"></promo-kpi-tile>`);
    const bone = $(el, '.bone');
    expect(getComputedStyle(bone).animationName).to.equal('promo-pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(bone).animationName).to.equal('none');
  });

  it('says on the gauges and the heatmap that the channel and attribute filters do not apply', async () => {
    const board = await fixture<TestBoard>(
      html`<test-board
        ><promo-budget-gauge></promo-budget-gauge><promo-cohort-heatmap></promo-cohort-heatmap
        ><promo-kpi-tile kpi="revenue"></promo-kpi-tile
      ></test-board>`,
    );
    const [gauge, heat, tile] = [...board.children] as PromoKpiTile[];
    const note = (el: PromoKpiTile) => el.shadowRoot!.querySelector('[part~="filter-note"]') as HTMLElement | null;
    const query = { from: '2026-11-01', to: '2026-11-07' };
    board.state = boardState({ report: REPORT, query: { ...query, campaignIds: ['C1'] } });
    await Promise.all([gauge, heat, tile].map((e) => e.updateComplete));
    // A campaign filter does apply to them: no note.
    expect(note(gauge)).to.equal(null);
    expect(note(heat)).to.equal(null);
    board.state = boardState({ report: REPORT, query: { ...query, channels: ['web'] }, locale: 'vi' });
    await Promise.all([gauge, heat, tile].map((e) => e.updateComplete));
    expect(text(note(gauge))).to.equal('Bộ lọc kênh và thuộc tính không áp dụng cho phần này.');
    expect(text(note(heat))).to.equal('Bộ lọc kênh và thuộc tính không áp dụng cho phần này.');
    expect(note(gauge)!.getBoundingClientRect().height).to.be.greaterThan(0);
    // Panels the filter reaches say nothing.
    expect(note(tile)).to.equal(null);
    board.state = boardState({ report: REPORT, query: { ...query, filters: { region: ['North'] } }, locale: 'en' });
    await Promise.all([gauge, heat].map((e) => e.updateComplete));
    expect(text(note(heat))).to.equal('The channel and attribute filters do not apply to this panel.');
    expect(text(note(gauge))).to.equal('The channel and attribute filters do not apply to this panel.');
    // The heatmap's recency mode (no filter applies to the recency segments) says so too.
    heat.setAttribute('mode', 'recency');
    await heat.updateComplete;
    expect(text(note(heat))).to.equal('The channel and attribute filters do not apply to this panel.');
    board.state = boardState({ report: REPORT, query, locale: 'en' });
    await heat.updateComplete;
    expect(note(heat)).to.equal(null);
  });
});
