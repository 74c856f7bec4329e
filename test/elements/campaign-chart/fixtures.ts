/**
 * Known reports for the campaign chart beyond the shared fixture: many campaigns (top N plus
 * "others", scrolling), with long names.
 */
import { emptyMeasures } from '../../../src/engine/kpis.js';
import type { CampaignInfo } from '../../../src/elements/shared/widget.js';
import type { Report } from '../../../src/engine/report-types.js';
import { kpisOf, makeReport } from '../../fixtures/report.js';

/**
 * `n` campaigns K001 .. Knnn: campaign i (1-based) has revenue i x 100,000 VND, i x 2 orders,
 * i buyers, spend 50,000 x (n - i + 1), discount 10,000 x i, cogs 40 % of revenue, reach
 * 1,000 x i, impressions 3,000 x i, clicks 10 x i x (i mod 10 + 1) (CTR (i mod 10 + 1) / 300),
 * and the previous period had half the revenue.
 */
export function manyCampaignsReport(n: number): { report: Report; campaigns: CampaignInfo[] } {
  const report = makeReport();
  const campaigns: CampaignInfo[] = [];
  report.byCampaign = {};
  for (let i = 1; i <= n; i++) {
    const id = `K${String(i).padStart(3, '0')}`;
    const base = emptyMeasures(7, 365);
    const p = {
      ...base,
      revenue: i * 100_000,
      orders: i * 2,
      buyers: i,
      discountCost: 10_000 * i,
      spend: 50_000 * (n - i + 1),
      cogs: i * 40_000,
      allRevenue: 35_000_000,
      reach: 1_000 * i,
      impressions: 3_000 * i,
      clicks: 10 * i * ((i % 10) + 1),
      engagements: 20 * i,
      exposureRecords: 1,
      newCustomers: Math.ceil(i / 2),
    };
    const prev = { ...base, revenue: i * 50_000, orders: i, buyers: i, allRevenue: 30_000_000, cogs: i * 20_000 };
    report.byCampaign[id] = kpisOf(p, prev);
    campaigns.push({ id, name: i % 7 === 0 ? `Khuyến mãi cuối tuần siêu lớn số ${i}` : `Campaign ${i}` });
  }
  return { report, campaigns };
}
