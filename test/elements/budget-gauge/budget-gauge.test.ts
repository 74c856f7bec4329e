import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/budget-gauge/define.js';
import type { PromoBudgetGauge } from '../../../src/elements/budget-gauge/budget-gauge.js';
import { gaugeGeometry, gaugeStatuses } from '../../../src/elements/budget-gauge/layout.js';
import { CAMPAIGN_INFO, makeReport, PACING, REPORT } from '../../fixtures/report.js';
import { $, $$, captureExport, rgb, settle, text } from '../shared/helpers.js';

async function gauge(width: number, attrs: { campaign?: string; locale?: string; theme?: 'light' | 'dark' } = {}) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px">
      <promo-budget-gauge
        campaign=${attrs.campaign ?? ''}
        locale=${attrs.locale ?? 'en'}
        theme=${attrs.theme ?? 'light'}
        currency="VND"
        .campaigns=${CAMPAIGN_INFO}
        .report=${REPORT}
      ></promo-budget-gauge>
    </div>`,
  );
  const el = wrap.querySelector('promo-budget-gauge')!;
  await settle(el);
  return el;
}

describe('budget-gauge layout', () => {
  it('scales to the largest of budget, spent and projected spend', () => {
    // C3: budget 2.0M, spent 2.1M, projected 4.2M, expected 1.0M; 200 px between 2 and 202.
    expect(gaugeGeometry(PACING.C3, 204, 28)).to.deep.equal({
      width: 204,
      height: 28,
      budgetX: 97.24,
      spentX: 102,
      projectedX: 202,
      expectedX: 49.62,
      maxX: 202,
      barY: 7,
      barHeight: 14,
    });
    // C1: the budget is the end of the scale; 9M spent of 30M is 30 %, expected 15.32M.
    const c1 = gaugeGeometry(PACING.C1, 204, 28);
    expect([c1.budgetX, c1.spentX, c1.projectedX, c1.expectedX]).to.deep.equal([202, 62, 119.5, 104.13]);
    // Not started: no projection.
    expect(gaugeGeometry(PACING.C4, 204, 28).projectedX).to.equal(null);
  });

  it('shows ended campaigns as ended, keeping an overspend', () => {
    expect(gaugeStatuses(PACING.C2)).to.deep.equal(['ended']);
    expect(gaugeStatuses({ status: 'over-budget', ended: true })).to.deep.equal(['ended', 'over-budget']);
    expect(gaugeStatuses(PACING.C5)).to.deep.equal(['at-risk']);
  });
});

describe('<promo-budget-gauge>', () => {
  it('shows every campaign with a budget, each status in words and colour', async () => {
    const el = await gauge(400);
    const rows = $$(el, '[part~="campaign"]');
    expect(rows.map((r) => r.dataset.campaign)).to.deep.equal(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(rows.map((r) => text(r.querySelector('[part~="name"]')))).to.deep.equal(CAMPAIGN_INFO.map((c) => c.name));
    expect(rows.map((r) => text(r.querySelector('[part~="status"]')))).to.deep.equal([
      'On track',
      'Ended',
      'Over budget',
      'Scheduled',
      'At risk',
    ]);
    const colours = rows.map((r) => getComputedStyle(r.querySelector('[part~="status"] .word')!).color);
    expect(colours).to.deep.equal(['#1a7f37', '#57606a', '#cf222e', '#5c6570', '#9a6700'].map(rgb));
    expect(text($(el, '[part~="title"]'))).to.equal('Budget pacing');
    await expect(el).to.be.accessible();
  });

  it('draws spent, projected, budget and the pacing marker at the host width', async () => {
    const el = await gauge(400, { campaign: 'C1' });
    const svg = $(el, 'svg[part~="gauge"]');
    expect(svg.getAttribute('viewBox')).to.equal('0 0 400 28');
    const g = gaugeGeometry(PACING.C1, 400, 28);
    // 9M of 30M over 396 px from x = 2.
    expect(g.spentX).to.equal(120.8);
    expect(Number(svg.querySelector('.spent')!.getAttribute('width'))).to.be.closeTo(118.8, 1e-9);
    expect(Number(svg.querySelector('.projected')!.getAttribute('x'))).to.equal(120.8);
    expect(Number(svg.querySelector('.projected')!.getAttribute('width'))).to.be.closeTo(g.projectedX! - 120.8, 1e-9);
    expect(Number(svg.querySelector('.expected')!.getAttribute('x1'))).to.equal(g.expectedX);
    expect(Number(svg.querySelector('.budget-line')!.getAttribute('x1'))).to.equal(398);
    expect(svg.getAttribute('aria-label')).to.equal(
      'Tết sớm: On track. Spent ₫9,000,000 of ₫30,000,000 (30.0%); expected by today ₫15,319,149; projected at end ₫17,625,000; remaining ₫21,000,000; projected revenue ₫47,000,000.',
    );
    const figures = text($(el, '[part~="figures"]'));
    expect(figures).to.contain('Spent ₫9,000,000 (30.0%)');
    expect(figures).to.contain('Budget ₫30,000,000');
    expect(figures).to.contain('Expected by today ₫15,319,149');
    expect(figures).to.contain('Projected at end ₫17,625,000');
    expect(figures).to.contain('Remaining ₫21,000,000');
    expect(figures).to.contain('Projected revenue ₫47,000,000');
    expect(text($(el, '[part~="days"]'))).to.equal('Day 24 of 47 · pace 58.8%');
  });

  it('shows an overspend in words, and no pacing marker before start or after the end', async () => {
    const el = await gauge(400, { campaign: 'C3' });
    expect(text($(el, '[part~="figures"]'))).to.contain('Remaining over by ₫100,000');
    expect($(el, '[part~="figures"] .over')).to.not.equal(null);
    const c4 = await gauge(400, { campaign: 'C4' });
    expect($(c4, '.expected')).to.equal(null);
    expect(text($(c4, '[part~="figures"]'))).to.contain('Projected at end —');
    const c2 = await gauge(400, { campaign: 'C2' });
    expect($(c2, '.expected')).to.equal(null);
  });

  it('speaks Vietnamese, compacts amounts on a 280 px card, and is accessible in the dark theme', async () => {
    const el = await gauge(280, { campaign: 'C1', locale: 'vi', theme: 'dark' });
    expect(text($(el, '[part~="status"]'))).to.equal('Đúng tiến độ');
    expect(text($(el, '[part~="title"]'))).to.equal('Tiến độ ngân sách · Tết sớm');
    // Vietnamese compact amounts use the words people read: "9 tr ₫", not Intl's "9 Tr ₫".
    expect(text($(el, '[part~="figures"]'))).to.contain('Đã chi 9 tr ₫ (30,0%)');
    expect(getComputedStyle($(el, '[part~="status"] .word')).color).to.equal(rgb('#3fb950'));
    await expect(el).to.be.accessible();
  });

  it('says why a campaign has no gauge, and when nothing has a budget', async () => {
    const report = makeReport();
    delete report.pacing.C5;
    const el = await fixture<PromoBudgetGauge>(
      html`<promo-budget-gauge campaign="C5" .campaigns=${CAMPAIGN_INFO} .report=${report}></promo-budget-gauge>`,
    );
    expect(text($(el, '[part~="empty"]'))).to.equal('=HYPERLINK("x") voucher: no budget set.');
    el.campaign = '';
    await el.updateComplete;
    expect($$(el, '[part~="campaign"]')).to.have.length(4);
    expect(text($(el, '[part~="partial"]'))).to.equal('Some values could not be computed. No budget set.');
    el.report = { ...report, pacing: {} };
    await el.updateComplete;
    expect(text($(el, '[part~="empty"]'))).to.equal('No campaign with a budget in this report.');
    el.campaign = 'C9';
    await el.updateComplete;
    expect(text($(el, '[part~="error"]'))).to.equal('Unknown campaign "C9"');
    await expect(el).to.be.accessible();
  });

  it('opens its table by keyboard and exports neutralised CSV', async () => {
    const el = await gauge(600);
    $(el, '[part~="actions"] summary').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const rows = $$(el, 'table[part~="table"] tbody tr');
    expect(rows).to.have.length(5);
    expect([...rows[2].children].map((c) => text(c))).to.deep.equal([
      'Tích điểm x2',
      'Over budget',
      '₫2,000,000',
      '₫2,100,000',
      '₫1,000,000',
      '₫4,200,000',
      '-₫100,000',
      '₫3,000,000',
      '210.0%',
      '7/14',
    ]);
    await expect(el).to.be.accessible();
    const csv = (await (await captureExport(el, 'csv')).blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).to.equal(
      'Campaign,Status,Budget,Spent,Expected by today,Projected at end,Remaining,Projected revenue,Pace,Days elapsed',
    );
    expect(csv[3]).to.equal('Tích điểm x2,Over budget,2000000,2100000,1000000,4200000,-100000,3000000,2.1,7/14');
    const p = PACING.C5;
    expect(csv[5]).to.equal(
      `"'=HYPERLINK(""x"") voucher",At risk,1200000,1000000,840000,${p.projected},200000,${p.projectedRevenue},${p.pace},7/10`,
    );
  });

  it('exports every gauge in one SVG with colours inlined', async () => {
    const el = await gauge(400);
    const svg = await (await captureExport(el, 'svg')).blob.text();
    expect(svg.match(/<svg/g)).to.have.length(1 + 5);
    expect(svg).to.not.contain('var(');
    // Over-budget red and at-risk amber bars.
    expect(svg).to.contain('fill="rgb(207, 34, 46)"');
    expect(svg).to.contain('fill="rgb(154, 103, 0)"');
    const png = await captureExport(el, 'png');
    expect(png.blob.size).to.be.greaterThan(100);
  });

  it('shows loading and error states', async () => {
    const el = await fixture<PromoBudgetGauge>(html`<promo-budget-gauge state="loading"></promo-budget-gauge>`);
    expect($(el, '[part~="skeleton"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    el.state = 'error';
    await el.updateComplete;
    expect(text($(el, '[part~="error"]'))).to.equal('This widget could not be shown.');
    el.locale = 'vi';
    el.state = 'auto';
    await el.updateComplete;
    expect(text($(el, '[part~="empty"]'))).to.equal('Không có dữ liệu trong kỳ này.');
  });
});
