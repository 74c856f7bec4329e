/** The small hand-computed dataset most engine tests start from. */
import type { MiniInput } from './mini-dataset.js';

/**
 * P = 2025-03-01 .. 2025-03-10 (10 days), P' = 2025-02-19 .. 2025-02-28. UTC.
 * C1 03-01..03-10 budget 1000; C2 02-20..03-05 no budget; C3 03-01..03-31 budget 500, no orders.
 */
export const base: MiniInput = {
  campaigns: [
    { id: 'C1', start: '2025-03-01', end: '2025-03-10', budget: 1000 },
    { id: 'C2', start: '2025-02-20', end: '2025-03-05' },
    { id: 'C3', start: '2025-03-01', end: '2025-03-31', budget: 500 },
  ],
  orders: [
    {
      id: 'o1',
      customerId: 'a',
      time: '2025-03-01T10:00:00Z',
      revenue: 100,
      discount: 10,
      cogs: 60,
      campaignId: 'C1',
      channel: 'web',
    },
    {
      id: 'o2',
      customerId: 'a',
      time: '2025-03-03T09:00:00Z',
      revenue: 50,
      discount: 5,
      cogs: 30,
      campaignId: 'C1',
      channel: 'store',
    },
    {
      id: 'o3',
      customerId: 'b',
      time: '2025-03-02T12:00:00Z',
      revenue: 200,
      discount: 20,
      cogs: 120,
      campaignId: 'C2',
      channel: 'web',
    },
    {
      id: 'o4',
      customerId: 'b',
      time: '2025-02-25T12:00:00Z',
      revenue: 80,
      cogs: 50,
      campaignId: 'C2',
      channel: 'web',
    },
    // At local midnight: belongs to 03-04. No cogs, no channel.
    { id: 'o5', customerId: 'c', time: '2025-03-04T00:00:00Z', revenue: 40, campaignId: 'C1' },
    // Not attributed: in O, not in A.
    {
      id: 'o6',
      customerId: 'd',
      time: '2025-03-05T08:00:00Z',
      revenue: 70,
      cogs: 40,
      campaignId: null,
      channel: 'web',
    },
    // Names an unknown campaign: in O, not in A.
    { id: 'o7', customerId: 'e', time: '2025-03-06T15:00:00Z', revenue: 30, cogs: 10, campaignId: 'ZZ' },
  ],
  costs: [
    { campaignId: 'C1', date: '2025-03-01', amount: 100 },
    { campaignId: 'C1', date: '2025-02-25', amount: 40 },
    { campaignId: 'C2', date: '2025-03-02', amount: 60 },
    { campaignId: 'C3', date: '2025-03-02', amount: 25 },
  ],
  exposures: [
    {
      campaignId: 'C1',
      date: '2025-03-01',
      impressions: 1000,
      reach: 400,
      clicks: 50,
      engagements: 80,
      channel: 'web',
    },
    {
      campaignId: 'C2',
      date: '2025-03-02',
      impressions: 500,
      reach: 100,
      clicks: 10,
      engagements: 20,
      channel: 'store',
    },
  ],
  loyalty: [
    { customerId: 'a', time: '2025-03-02T10:00:00Z', earned: 100, redeemed: 20 },
    { customerId: 'b', time: '2025-02-26T10:00:00Z', earned: 50 },
    { customerId: 'c', time: '2025-03-05T10:00:00Z', redeemed: 30, channel: 'app' },
  ],
};
