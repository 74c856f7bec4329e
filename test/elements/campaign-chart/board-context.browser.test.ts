import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../../src/elements/campaign-chart/define.js';
import type { PromoCampaignChart } from '../../../src/elements/campaign-chart/campaign-chart.js';
import { boardContext, type BoardCampaign, type BoardState } from '../../../src/context/context.js';
import { kpisOf, makeReport } from '../../fixtures/report.js';
import { emptyMeasures } from '../../../src/engine/kpis.js';
import { $$, settle } from '../shared/helpers.js';

/** The period of the fixture report is 2026-11-01 .. 2026-11-07. */
function reportWith(ids: Record<string, { revenue: number; orders: number; spend: number }>) {
  const report = makeReport();
  report.byCampaign = {};
  for (const [id, m] of Object.entries(ids))
    report.byCampaign[id] = kpisOf({ ...emptyMeasures(7, 365), ...m }, emptyMeasures(7, 365));
  return report;
}

const campaign = (id: string, start: string, end: string): BoardCampaign => ({
  id,
  name: `Campaign ${id}`,
  start,
  end,
  budget: null,
  type: null,
  targets: {},
});

async function inBoard(state: Partial<BoardState>): Promise<PromoCampaignChart> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
  new ContextProvider(host, {
    context: boardContext,
    initialValue: {
      report: null,
      query: { from: '2026-11-01', to: '2026-11-07' },
      locale: 'en',
      currency: 'VND',
      theme: 'light',
      status: 'ready',
      error: null,
      lastUpdated: null,
      ...state,
    },
  });
  const el = document.createElement('promo-campaign-chart');
  host.append(el);
  await settle(el);
  return el;
}

const rowNames = (el: Element) =>
  $$<SVGGElement>(el, '[role="button"]').map((o) => o.getAttribute('aria-label')!.split('; ')[0]);

describe('<promo-campaign-chart> inside a board', () => {
  it('leaves out campaigns that did not run in the period and have no orders or spend in it', async () => {
    const report = reportWith({
      A: { revenue: 500, orders: 2, spend: 100 }, // runs in the period
      B: { revenue: 0, orders: 0, spend: 0 }, // runs in the period, sold nothing: still shown
      C: { revenue: 0, orders: 0, spend: 0 }, // ended before the period: left out
      D: { revenue: 0, orders: 0, spend: 50 }, // ended before, but spend dated in the period: shown
    });
    const el = await inBoard({
      report,
      campaigns: [
        campaign('A', '2026-10-20', '2026-11-30'),
        campaign('B', '2026-11-05', '2026-11-10'),
        campaign('C', '2026-01-01', '2026-01-31'),
        campaign('D', '2026-09-01', '2026-09-30'),
      ],
    });
    expect(rowNames(el)).to.deep.equal(['Campaign A', 'Campaign B', 'Campaign D']);
  });

  it('keeps every campaign when it is used alone (no campaign dates known)', async () => {
    const el = document.createElement('promo-campaign-chart');
    el.report = reportWith({ A: { revenue: 500, orders: 2, spend: 0 }, C: { revenue: 0, orders: 0, spend: 0 } });
    const host = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
    host.append(el);
    await settle(el);
    expect(rowNames(el)).to.have.length(2);
  });
});
