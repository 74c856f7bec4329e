/** Report options exercised against every warehouse, and custom KPIs registered for them. */
import { registerKpi, unregisterKpi } from '../../src/engine/kpis/registry.js';
import type { ReportOptions } from '../../src/engine/report-types.js';

export const CASES: { name: string; options: ReportOptions }[] = [
  {
    name: 'February in Ho Chi Minh City, defaults',
    options: { from: '2025-02-01', to: '2025-02-28', timeZone: 'Asia/Ho_Chi_Minh' },
  },
  {
    name: 'campaign and channel filters, weekly cohorts, DST in New York, asOf inside the period',
    options: {
      from: '2025-03-01',
      to: '2025-03-31',
      timeZone: 'America/New_York',
      campaignIds: ['C1', 'C2', 'C4', 'nope'],
      channels: ['web', 'app', 'store'],
      cohortGrain: 'week',
      returnWindowDays: 14,
      asOf: '2025-03-20',
    },
  },
  {
    name: 'four months in UTC, asOf after the period, short lifetime',
    options: { from: '2025-01-01', to: '2025-04-30', timeZone: 'UTC', asOf: '2025-06-15', lifetimeDays: 180 },
  },
  {
    name: 'one day, half-hour zone, single campaign',
    options: { from: '2025-02-14', to: '2025-02-14', timeZone: 'Asia/Kolkata', campaignIds: ['C2'] },
  },
  {
    name: 'a period before any data (previous period empty too), asOf before every campaign',
    options: { from: '2024-10-01', to: '2024-10-31', timeZone: 'Europe/Paris' },
  },
  {
    name: 'clocks going back at midnight (Santiago, 2025-04-06), weekly cohorts',
    options: {
      from: '2025-04-01',
      to: '2025-04-12',
      timeZone: 'America/Santiago',
      cohortGrain: 'week',
      asOf: '2025-04-06',
    },
  },
  {
    name: 'an empty campaign selection',
    options: { from: '2025-02-01', to: '2025-03-15', campaignIds: [], channels: [] },
  },
  // KPI-SPEC section 7.
  {
    name: 'Tết against the same dates last year, breakdowns by store, region and category (Ho Chi Minh City)',
    options: {
      from: '2025-01-20',
      to: '2025-02-09',
      timeZone: 'Asia/Ho_Chi_Minh',
      compare: 'year',
      breakdowns: ['store', 'region', 'category'],
    },
  },
  {
    name: 'same period last year across 29 February (one day longer), category filter, New York',
    options: {
      from: '2025-02-27',
      to: '2025-03-02',
      timeZone: 'America/New_York',
      compare: 'year',
      filters: { category: ['FMCG', 'Mẹ & Bé'] },
      breakdowns: ['category', 'store'],
    },
  },
  {
    name: 'no comparison, two attribute filters and a channel filter, custom segment bounds (UTC)',
    options: {
      from: '2025-03-10',
      to: '2025-04-09',
      compare: 'none',
      filters: { store: ['Q1-01', 'HK-01', 'CG-02'], region: ['HCM', 'HN'] },
      channels: ['web', 'store'],
      recencyBounds: [3, 10, 45, 90],
      breakdowns: ['store'],
    },
  },
  {
    name: 'a filter on an attribute no order has, a breakdown by it (Europe/Paris)',
    options: {
      from: '2025-02-01',
      to: '2025-02-28',
      timeZone: 'Europe/Paris',
      filters: { ward: ['P1'] },
      breakdowns: ['ward', 'store'],
    },
  },
  {
    name: 'one segment bound, a campaign filter and a breakdown, half-hour zone, asOf after the period',
    options: {
      from: '2025-03-01',
      to: '2025-03-21',
      timeZone: 'Asia/Kolkata',
      recencyBounds: [30],
      campaignIds: ['C1', 'C3', 'C6'],
      breakdowns: ['category'],
      asOf: '2025-04-30',
    },
  },
  {
    name: 'the year before a leap day: P from 29 February 2024, Santiago',
    options: { from: '2024-02-29', to: '2024-03-31', timeZone: 'America/Santiago', compare: 'year' },
  },
];

/** Registers custom KPIs whose measures carry SQL; returns the cleanup. */
export function registerCustomKpis(): () => void {
  registerKpi({
    id: 'giftCostPerOrder',
    label: { en: 'Gift cost per order', vi: 'Chi phí quà tặng mỗi đơn' },
    unit: 'currency',
    polarity: 'lower-is-better',
    measures: {
      giftCost: {
        collection: 'costs',
        value: (c) => (c.category === 'gift' ? c.amount : 0),
        sql: "CASE WHEN category = 'gift' THEN amount ELSE 0 END",
      },
    },
    compute: (m, f) => f.div(m.custom.giftCost!, m.orders),
  });
  registerKpi({
    id: 'webShare',
    label: { en: 'Web share', vi: 'Tỷ trọng web' },
    unit: 'ratio',
    polarity: 'neutral',
    measures: {
      webRevenue: {
        collection: 'orders',
        value: (o) => (o.channel === 'web' ? o.revenue : 0),
        sql: "CASE WHEN channel = 'web' THEN revenue ELSE 0 END",
      },
    },
    compute: (m, f) => f.div(m.custom.webRevenue!, m.revenue),
  });
  registerKpi({
    id: 'clicksPerRedeemedPoint',
    label: { en: 'Clicks per redeemed point', vi: 'Lượt nhấp mỗi điểm đã đổi' },
    unit: 'number',
    polarity: 'neutral',
    measures: {
      bigClicks: {
        collection: 'exposures',
        value: (e) => (e.clicks > 100 ? e.clicks : 0),
        sql: 'CASE WHEN clicks > 100 THEN clicks ELSE 0 END',
      },
      redeemedOnline: {
        collection: 'loyalty',
        value: (l) => (l.channel === 'web' || l.channel === 'app' ? l.redeemed : 0),
        sql: "CASE WHEN channel IN ('web', 'app') THEN redeemed ELSE 0 END",
      },
    },
    compute: (m, f) => f.div(m.custom.bigClicks!, m.custom.redeemedOnline!),
  });
  registerKpi({
    id: 'revenuePerBuyerDay',
    label: { en: 'Revenue per buyer-day', vi: 'Doanh thu mỗi khách-ngày' },
    unit: 'currency',
    polarity: 'higher-is-better',
    compute: (m, f) => f.div(m.revenue, m.buyers * m.days),
  });
  return () => {
    for (const id of ['giftCostPerOrder', 'webShare', 'clicksPerRedeemedPoint', 'revenuePerBuyerDay'])
      unregisterKpi(id);
  };
}
