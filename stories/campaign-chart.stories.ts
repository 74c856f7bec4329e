/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/campaign-chart/define.js';
import '../src/theme/brand-example.css';
import { WIDGET_STATES } from '../src/elements/shared/widget.js';
import { CAMPAIGN_INFO, REPORT } from '../test/fixtures/report.js';
import { manyCampaignsReport } from '../test/elements/campaign-chart/fixtures.js';

interface ChartArgs {
  metric: string;
  secondaryMetric: string;
  view: 'bars' | 'trend';
  grain: 'day' | 'week';
  limit: number;
  selected: string;
  locale: string;
  currency: string;
  theme: 'auto' | 'light' | 'dark';
  state: (typeof WIDGET_STATES)[number];
  width: string;
  campaignCount: number;
}

/** The fixture with every campaign's revenue 12,345 times larger (C1: 148,140,000,000 ₫). */
const BIG = structuredClone(REPORT);
for (const k of Object.values(BIG.byCampaign)) if (k?.revenue?.value) k.revenue.value *= 12_345;

const MANY = new Map<number, ReturnType<typeof manyCampaignsReport>>();
const many = (n: number) => {
  if (!MANY.has(n)) MANY.set(n, manyCampaignsReport(n));
  return MANY.get(n)!;
};

const chart = (a: ChartArgs) => {
  const data = a.campaignCount ? many(a.campaignCount) : { report: REPORT, campaigns: CAMPAIGN_INFO };
  return html`<promo-campaign-chart
    metric=${a.metric}
    secondary-metric=${a.secondaryMetric || nothing}
    view=${a.view}
    grain=${a.grain}
    limit=${a.limit}
    selected=${a.selected || nothing}
    locale=${a.locale}
    currency=${a.currency}
    theme=${a.theme}
    state=${a.state}
    .report=${data.report}
    .campaigns=${data.campaigns}
  ></promo-campaign-chart>`;
};

const meta: Meta<ChartArgs> = {
  title: 'Elements/Campaign chart',
  component: 'promo-campaign-chart',
  args: {
    metric: 'revenue',
    secondaryMetric: '',
    view: 'bars',
    grain: 'day',
    limit: 10,
    selected: '',
    locale: 'en',
    currency: 'VND',
    theme: 'light',
    state: 'auto',
    width: '640px',
    campaignCount: 0,
  },
  argTypes: {
    metric: {
      control: 'select',
      options: ['revenue', 'orders', 'roi', 'cac', 'promoCost', 'grossProfit', 'ctr', 'aov'],
    },
    secondaryMetric: { control: 'select', options: ['', 'promoCost', 'roi', 'orders', 'spend'] },
    view: { control: 'inline-radio', options: ['bars', 'trend'] },
    grain: { control: 'inline-radio', options: ['day', 'week'] },
    selected: { control: 'select', options: ['', ...CAMPAIGN_INFO.map((c) => c.id)] },
    locale: { control: 'select', options: ['en', 'vi', 'vi-VN'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    state: { control: 'select', options: WIDGET_STATES },
    width: { control: 'text' },
    campaignCount: { control: { type: 'number', min: 0, max: 100 }, description: '0: the five fixture campaigns' },
  },
  render: (a) => html`<div style="width: ${a.width}">${chart(a)}</div>`,
};
export default meta;

type Story = StoryObj<ChartArgs>;

/** Revenue by campaign; C4 (not started) shows "—" with the reason. */
export const Playground: Story = {};
/** Lower is better: the cheapest customer acquisition comes first. */
export const Cac: Story = { args: { metric: 'cac' } };
/** ROI, with C5's missing cost of goods in words. */
export const Roi: Story = { args: { metric: 'roi' } };
/** Revenue against promotion cost, on one axis. */
export const RevenueAndCost: Story = { args: { secondaryMetric: 'promoCost' } };
/** Revenue with ROI as dots on their own axis. */
export const RevenueAndRoi: Story = { args: { secondaryMetric: 'roi', selected: 'C1' } };
/** 100 campaigns on an additive KPI: top 9 plus "Others (91)". */
export const HundredCampaigns: Story = { args: { campaignCount: 100 } };
/** 100 campaigns on a ratio: every campaign, scrolling. */
export const HundredCampaignsScroll: Story = { args: { campaignCount: 100, metric: 'ctr' } };
/**
 * Sales over time. A campaign's revenue is part of the store's (its attributed orders are
 * some of all orders), so the store total (area) and the campaigns (lines) share one
 * revenue axis: a line never rises above the area, and the gap between them is the rest of
 * the store's sales; the tooltip and the table give each campaign's share. The view's code
 * is loaded when it is first shown.
 */
export const Trend: Story = { args: { view: 'trend' } };
/** A campaign selected in the bars view stays selected here: its line bold, the others dimmed. */
export const TrendSelected: Story = { args: { view: 'trend', selected: 'C2' } };
export const TrendByWeek: Story = { args: { view: 'trend', grain: 'week' } };

export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const Error: Story = { args: { state: 'error' } };

/** Partial data: campaigns whose ROI cannot be computed are listed with the reason. */
export const PartialData: Story = { args: { metric: 'roi', secondaryMetric: 'promoCost' } };

/** The light theme, whatever the viewer's colour scheme. */
export const Light: Story = { args: { theme: 'light', view: 'trend' } };

export const Dark: Story = {
  args: { theme: 'dark', secondaryMetric: 'roi' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${chart(a)}</div>`,
};
export const DarkTrend: Story = {
  args: { theme: 'dark', view: 'trend' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${chart(a)}</div>`,
};
export const English: Story = { args: { locale: 'en', metric: 'orders' } };
export const Vietnamese: Story = { args: { locale: 'vi', secondaryMetric: 'promoCost' } };
export const VietnameseTrend: Story = { args: { locale: 'vi', view: 'trend' } };

/** A 280 px phone card: labels above the bars, short numbers. */
export const Narrow: Story = { args: { width: '280px', secondaryMetric: 'roi' } };
export const NarrowTrend: Story = { args: { width: '280px', view: 'trend' } };
/**
 * Values beside the bars are written in full while they fit the room the card gives them
 * (measured), else compact ("148,1 tỷ ₫"); the full values stay in the tooltip, the table
 * and each bar's accessible name. Here every revenue is 12,345 times the fixture's.
 */
export const LargeValues: Story = {
  args: { locale: 'vi', width: '360px' },
  render: (a) =>
    html`<div style="width: ${a.width}">
      <promo-campaign-chart
        metric=${a.metric}
        locale=${a.locale}
        currency=${a.currency}
        theme=${a.theme}
        .report=${BIG}
        .campaigns=${CAMPAIGN_INFO}
      ></promo-campaign-chart>
    </div>`,
};
export const Wide: Story = { args: { width: '1100px', secondaryMetric: 'promoCost' } };

/** A white-label brand, in CSS alone (src/theme/brand-example.css). */
export const BrandTheme: Story = {
  render: (a) => html`<div class="brand-lotus" style="width: 640px">${chart(a)}</div>`,
};
