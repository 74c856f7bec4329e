import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/loyalty-panel/define.js';
import type { PromoLoyaltyPanel } from '../../../src/elements/loyalty-panel/loyalty-panel.js';
import { LOYALTY_KPIS, sortChannels } from '../../../src/elements/loyalty-panel/layout.js';
import { makeReportV2, makeYearReport, type ReportV2 } from '../../fixtures/report-v2.js';
import { $, $$, captureExport, settle, text } from '../shared/helpers.js';

async function panel(attrs: Record<string, string> = {}, report: ReportV2 | null = makeReportV2(), width = 720) {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  const el = document.createElement('promo-loyalty-panel') as PromoLoyaltyPanel;
  el.setAttribute('currency', 'VND');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (report) el.report = report;
  wrap.append(el);
  await settle(el);
  return el;
}

const kpi = (el: Element, id: string) => $(el, `[part~="kpi"][data-kpi="${id}"]`);
const value = (el: Element, id: string) => text(kpi(el, id).querySelector('[part~="value"]'));
const delta = (el: Element, id: string) => text(kpi(el, id).querySelector('[part~="delta"]'));

describe('<promo-loyalty-panel>', () => {
  it('the loyalty KPIs with their changes; a ratio’s change in percentage points', async () => {
    const el = await panel();
    expect(text($(el, '[part~="title"]'))).to.equal('Loyalty programme');
    expect(value(el, 'members')).to.equal('1,200');
    // (1200 - 1100) / 1100 = +9.1 %.
    expect(delta(el, 'members')).to.equal('▲ +9.1% vs previous period');
    expect(value(el, 'memberRevenueShare')).to.equal('62.0%');
    // 0.62 - 0.55 = +7 points, not +12.7 %.
    expect(delta(el, 'memberRevenueShare')).to.equal('▲ +7.0 pts vs previous period');
    expect(value(el, 'memberAov')).to.equal('₫320,000');
    expect(text(kpi(el, 'memberAov').querySelector('.other'))).to.contain('₫240,000');
    expect(value(el, 'pointsEarned')).to.equal('50,000');
    // Redemption 12,000 / 50,000 = 24 %, before 37.5 %: -13.5 points, worse.
    expect(value(el, 'redemptionRate')).to.equal('24.0%');
    expect(delta(el, 'redemptionRate')).to.equal('▼ \u221213.5 pts vs previous period');
    expect(kpi(el, 'redemptionRate').querySelector('[part~="delta"]')!.getAttribute('data-tone')).to.equal('bad');
    expect(value(el, 'pointsOutstanding')).to.equal('380,000');
    await expect(el).to.be.accessible();
  });

  it('earned and redeemed by channel: bars on one scale, most earned first', async () => {
    const el = await panel();
    expect($$(el, 'svg[part~="chart"] .label').map(text)).to.deep.equal(['Store', 'App', 'Web']);
    const w = (sel: string) => $$(el, sel).map((r) => Number(r.getAttribute('width')));
    const earned = w('rect.earned');
    const redeemed = w('rect.redeemed');
    expect(earned[1]! / earned[0]!).to.be.closeTo(0.5, 0.01);
    expect(redeemed[0]! / earned[0]!).to.be.closeTo(8 / 30, 0.01);
    expect(redeemed[2]).to.equal(0);
    expect($(el, 'svg[part~="chart"]').getAttribute('aria-label')).to.equal(
      'Points by channel: Store: earned 30,000, redeemed 8,000; App: earned 15,000, redeemed 4,000; Web: earned 5,000, redeemed 0',
    );
  });

  it('compared with the same period last year, or with none', async () => {
    const el = await panel({}, makeYearReport());
    expect(delta(el, 'members')).to.equal('▲ +9.1% vs same period last year');
    const none = makeReportV2();
    none.previous = null;
    for (const k of Object.values(none.kpis)) Object.assign(k, { previous: null, delta: null, change: null });
    el.report = none;
    await settle(el);
    expect(delta(el, 'members')).to.equal('');
  });

  it('missing values show — with the reason; no loyalty data at all is the empty state', async () => {
    const report = makeReportV2();
    report.kpis.memberAov = { value: null, previous: null, delta: null, change: null, reason: 'no-data' };
    report.loyaltyByChannel = {};
    const el = await panel({}, report);
    expect(value(el, 'memberAov')).to.equal('—');
    expect(text(kpi(el, 'memberAov').querySelector('[part~="reason"]'))).to.equal(
      'not enough orders or customers in this period to work it out',
    );
    expect(text($(el, '[part~="channels"] .note'))).to.equal('No points activity with a channel in this period.');
    const bare = makeReportV2();
    for (const id of LOYALTY_KPIS) delete bare.kpis[id];
    bare.loyaltyByChannel = {};
    const empty = await panel({}, bare);
    expect(text($(empty, '[part~="empty"]'))).to.equal('No loyalty data in this report.');
  });

  it('Vietnamese, dark theme, table and exports', async () => {
    const el = await panel({ locale: 'vi', theme: 'dark' });
    expect(text($(el, '[part~="title"]'))).to.equal('Chương trình khách hàng thân thiết');
    expect(delta(el, 'memberRevenueShare')).to.equal('▲ +7,0 điểm % so với kỳ trước');
    expect(getComputedStyle($(el, '[part="base"]')).backgroundColor).to.equal('rgb(22, 27, 34)');
    el.toggleTable();
    await settle(el);
    expect($$(el, '[part~="table"] tbody tr').length).to.equal(9 + 6);
    const csv = await (await captureExport(el, 'csv')).blob.text();
    expect(csv).to.contain(',0.62,0.55,');
    expect(csv).to.contain('Tích · Cửa hàng,30000');
    const svg = await captureExport(el, 'svg');
    expect(await svg.blob.text()).to.contain('<rect');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px card', async () => {
    const el = await panel({}, makeReportV2(), 320);
    for (const k of $$(el, '[part~="kpi"]'))
      expect(k.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    expect($(el, 'svg[part~="chart"]').getBoundingClientRect().width).to.be.at.most(320);
    // Values stay on one line; ratios keep the one percent precision even when amounts are compact.
    for (const v of $$(el, '[part~="kpi"] [part~="value"]')) {
      const line = parseFloat(getComputedStyle(v).lineHeight);
      expect(v.getBoundingClientRect().height, v.textContent!).to.be.lessThan(line * 1.5);
    }
    for (const id of ['memberRevenueShare', 'redemptionRate'])
      expect($(el, `[data-kpi="${id}"] [part~="value"]`).textContent!.trim()).to.match(/\d[.,]\d%$/);
  });

  it('at every width, in Vietnamese: each figure shows whole in its cell and the cells make full rows', async () => {
    const report = makeReportV2();
    // The demo's figures: a members' AOV whose compact form ("446,2 nghìn ₫") is longer than the full one.
    report.kpis.memberAov = { ...report.kpis.memberAov!, value: 446_176 };
    report.kpis.nonMemberAov = { ...report.kpis.nonMemberAov!, value: 400_746 };
    report.kpis.pointsOutstanding = { ...report.kpis.pointsOutstanding!, value: 4_491_328 };
    for (const width of [300, 351, 460, 560, 680]) {
      const el = await panel({ locale: 'vi' }, report, width);
      const cells = $$(el, '[part~="kpi"]');
      const columns = new Set(cells.map((c) => Math.round(c.getBoundingClientRect().left))).size;
      expect(cells.length % columns, `${columns} columns at ${width} px`).to.equal(0);
      for (const v of $$(el, '[part~="kpi"] [part~="value"], [part~="kpi"] .other strong'))
        expect(v.scrollWidth, `"${v.textContent!.trim()}" at ${width} px`).to.be.at.most(
          v.clientWidth || v.scrollWidth,
        );
      if (width < 560) {
        expect(value(el, 'memberAov')).to.equal('446.176 ₫');
        expect(value(el, 'pointsOutstanding')).to.equal('4,5 tr');
      }
    }
  });

  it('sorts channels by points earned, then redeemed, then name', () => {
    expect(
      sortChannels({
        b: { earned: 5, redeemed: 1 },
        a: { earned: 5, redeemed: 1 },
        c: { earned: 5, redeemed: 3 },
        d: { earned: 9, redeemed: 0 },
      }).map((c) => c.channel),
    ).to.deep.equal(['d', 'c', 'a', 'b']);
  });
});
