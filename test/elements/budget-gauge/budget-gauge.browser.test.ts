import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/budget-gauge/define.js';
import type { PromoBudgetGauge } from '../../../src/elements/budget-gauge/budget-gauge.js';
import { gaugeGeometry, gaugeState } from '../../../src/elements/budget-gauge/layout.js';
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

  it('reads the pace: under-spending is flagged, an ended campaign shows its outcome', () => {
    // C1: day 24 of 47 with 30 % spent: pace 58.8 %, well below plan (the spec says on-track).
    expect(gaugeState(PACING.C1)).to.deep.equal({ status: 'under-pace', ended: false });
    // Day 12 of 12 with 66.6 % spent, not yet ended: under-spending, not "on track".
    const lastDay = { status: 'on-track', ended: false, pace: 0.666, spent: 666_000, budget: 1_000_000 } as const;
    expect(gaugeState(lastDay)).to.deep.equal({ status: 'under-pace', ended: false });
    // The boundary: a pace of exactly 80 % is on track.
    expect(gaugeState({ ...lastDay, pace: 0.8 }).status).to.equal('on-track');
    expect(gaugeState({ ...lastDay, pace: 0.7999 }).status).to.equal('under-pace');
    expect(gaugeState(PACING.C3)).to.deep.equal({ status: 'over-budget', ended: false });
    expect(gaugeState(PACING.C4)).to.deep.equal({ status: 'scheduled', ended: false });
    expect(gaugeState(PACING.C5)).to.deep.equal({ status: 'at-risk', ended: false });
    // Ended: C2 spent 80 % of its budget (under); over and on budget too.
    expect(gaugeState(PACING.C2)).to.deep.equal({ status: 'under-pace', ended: true });
    const ended = { status: 'over-budget', ended: true, pace: 1.1, spent: 1_100_000, budget: 1_000_000 } as const;
    expect(gaugeState(ended)).to.deep.equal({ status: 'over-budget', ended: true });
    expect(gaugeState({ ...ended, status: 'on-track', spent: 950_000 })).to.deep.equal({
      status: 'on-track',
      ended: true,
    });
    expect(gaugeState({ ...ended, status: 'on-track', spent: 900_000 }).status).to.equal('on-track');
    expect(gaugeState({ ...ended, status: 'on-track', spent: 899_999 }).status).to.equal('under-pace');
  });
});

describe('<promo-budget-gauge>', () => {
  it('lists many campaigns one row each, each status in words and colour, under one legend', async () => {
    const el = await gauge(400);
    const rows = $$(el, '[part~="campaign"]');
    expect(rows.map((r) => r.dataset.campaign)).to.deep.equal(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(rows.every((r) => r.classList.contains('row'))).to.equal(true);
    expect(rows.map((r) => text(r.querySelector('[part~="name"]')))).to.deep.equal(CAMPAIGN_INFO.map((c) => c.name));
    expect(rows.map((r) => text(r.querySelector('[part~="status"]')))).to.deep.equal([
      'Under-spending',
      'Ended · Under budget',
      'Over budget',
      'Scheduled',
      'At risk',
    ]);
    const colours = rows.map((r) => getComputedStyle(r.querySelector('[part~="status"] .word')!).color);
    expect(colours).to.deep.equal(['#8250df', '#8250df', '#cf222e', '#5c6570', '#9a6700'].map(rgb));
    // The dot and the spent bar wear the same colour as the words.
    rows.forEach((r, i) => {
      expect(getComputedStyle(r.querySelector('[part~="status"] .dot')!).backgroundColor).to.equal(colours[i]);
      expect(getComputedStyle(r.querySelector('.spent')!).fill).to.equal(colours[i]);
    });
    // One legend, whose spent key shows each status colour on screen.
    expect($$(el, '[part~="legend"]')).to.have.length(1);
    const keys = $$(el, '[part~="legend"] .key.split > span').map((k) => getComputedStyle(k).backgroundColor);
    expect(keys).to.deep.equal(['#8250df', '#cf222e', '#5c6570', '#9a6700'].map(rgb));
    expect(text($(el, '[part~="title"]'))).to.equal('Budget pacing');
    // Each campaign is a compact row, not a card with six figures.
    expect($(el, 'dl[part~="figures"]')).to.equal(null);
    for (const r of rows) expect(r.getBoundingClientRect().height).to.be.lessThan(100);
    await expect(el).to.be.accessible();
  });

  it('on a wide card, each campaign is one line, and the bars of every row line up', async () => {
    const el = await gauge(900);
    const rows = $$(el, '[part~="campaign"]');
    for (const r of rows) {
      const mids = [...r.children].map((c) => {
        const b = c.getBoundingClientRect();
        return b.top + b.height / 2;
      });
      expect(Math.max(...mids) - Math.min(...mids)).to.be.lessThan(6);
    }
    const starts = rows.map((r) => Math.round(r.querySelector('svg')!.getBoundingClientRect().left));
    expect(new Set(starts).size).to.equal(1);
  });

  it('shows a few campaigns in full, narrowed by include (an array or its string form)', async () => {
    const el = await gauge(600);
    (el as unknown as { include: string }).include = 'C1, C3';
    await settle(el);
    const rows = $$(el, '[part~="campaign"]');
    expect(rows.map((r) => r.dataset.campaign)).to.deep.equal(['C1', 'C3']);
    expect(rows.some((r) => r.classList.contains('row'))).to.equal(false);
    expect($$(el, '[part~="figures"]')).to.have.length(2);
    el.include = ['C3', 'C4', 'C5'];
    await settle(el);
    expect($$(el, '[part~="campaign"].row').map((r) => r.dataset.campaign)).to.deep.equal(['C3', 'C4', 'C5']);
  });

  it('lays out six figures in full rows, labels on one line, the name once', async () => {
    for (const [width, perRow] of [
      [400, 2],
      [640, 3],
    ] as const) {
      const el = await gauge(width, { campaign: 'C1', locale: 'vi' });
      const cells = $$(el, '[part~="figures"] > div');
      expect(cells).to.have.length(6);
      const byRow = new Map<number, number>();
      for (const c of cells) {
        const top = Math.round(c.getBoundingClientRect().top);
        byRow.set(top, (byRow.get(top) ?? 0) + 1);
      }
      expect([...byRow.values()], `${width} px`).to.deep.equal(Array(6 / perRow).fill(perRow));
      for (const dt of $$(el, '[part~="figures"] dt')) {
        const line = parseFloat(getComputedStyle(dt).lineHeight) || 20;
        expect(dt.getBoundingClientRect().height).to.be.lessThan(line * 1.5);
      }
      // Each figure's value starts where its label starts (no list indent).
      for (const cell of cells) {
        const dt = cell.querySelector('dt')!.getBoundingClientRect();
        const dd = cell.querySelector('dd')!.getBoundingClientRect();
        expect(Math.abs(dd.left - dt.left)).to.be.lessThan(1);
      }
      // The title names the campaign; the card does not repeat it.
      expect($(el, '[part~="name"]')).to.equal(null);
    }
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
      'Tết sớm: Under-spending. Spent ₫9,000,000 of ₫30,000,000 (30.0%); expected by today ₫15,319,149; projected at end ₫17,625,000; remaining ₫21,000,000; projected revenue ₫47,000,000.',
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

  it('an ended campaign shows only what is new: spent, budget, the result, the revenue made', async () => {
    const el = await gauge(640, { campaign: 'C2', locale: 'vi' });
    const cells = $$(el, '[part~="figures"] > div');
    expect(cells.map((c) => c.dataset.figure)).to.deep.equal(['spent', 'budget', 'remaining', 'revenue']);
    const labels = $$(el, '[part~="figures"] dt').map(text);
    expect(labels).to.deep.equal(['Đã chi', 'Ngân sách', 'Còn lại', 'Doanh thu']);
    expect(labels.join(' ')).to.not.contain('dự báo');
    // Two rows of two, none left alone.
    expect(new Set(cells.map((c) => Math.round(c.getBoundingClientRect().top))).size).to.equal(2);
  });

  it('values never wrap (compact when too wide); legend items wrap whole', async () => {
    for (const width of [300, 375, 420, 480, 500, 540, 640]) {
      for (const campaign of ['C1', 'C2', 'C3']) {
        const el = await gauge(width, { campaign, locale: 'vi' });
        for (const dd of $$(el, '[part~="figures"] dd')) {
          const line = parseFloat(getComputedStyle(dd).lineHeight) || 20;
          expect(dd.getBoundingClientRect().height, `${campaign} ${width} px ${text(dd)}`).to.be.lessThan(line * 1.5);
          expect(dd.scrollWidth, `${campaign} ${width} px ${text(dd)}`).to.be.at.most(dd.clientWidth + 1);
        }
      }
    }
    // Full figures where they fit, compact only where measured too wide.
    const wide = await gauge(640, { campaign: 'C1', locale: 'vi' });
    expect(text($(wide, '[part~="figures"]'))).to.contain('9.000.000');
    for (let width = 280; width <= 420; width += 10) {
      const el = await gauge(width, { locale: 'vi' });
      const legend = $(el, '[part~="legend"]');
      for (const item of [...legend.children] as HTMLElement[]) {
        const line = parseFloat(getComputedStyle(item).lineHeight) || 16;
        expect(item.getBoundingClientRect().height, `${width} px ${text(item)}`).to.be.lessThan(line * 1.5);
      }
    }
  });

  it('speaks Vietnamese, compacts amounts on a 280 px card, and is accessible in the dark theme', async () => {
    const el = await gauge(280, { campaign: 'C1', locale: 'vi', theme: 'dark' });
    expect(text($(el, '[part~="status"]'))).to.equal('Chi dưới kế hoạch');
    expect(text($(el, '[part~="title"]'))).to.equal('Tiến độ ngân sách · Tết sớm');
    // Vietnamese compact amounts use the words people read: "9 tr ₫", not Intl's "9 Tr ₫".
    expect(text($(el, '[part~="figures"]'))).to.contain('Đã chi 9 tr ₫ (30,0%)');
    expect(getComputedStyle($(el, '[part~="status"] .word')).color).to.equal(rgb('#a371f7'));
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
    // Alone, with no report: it says where its data comes from.
    expect(text($(el, '[part~="empty"]'))).to.equal(
      'Chưa có số liệu: hãy đặt thành phần này trong promo-kpi-board hoặc gán cho nó một báo cáo (report).',
    );
  });
});
