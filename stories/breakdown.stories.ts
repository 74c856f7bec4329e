/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/breakdown/define.js';
import '../src/theme/brand-example.css';
import { WIDGET_STATES } from '../src/elements/shared/widget.js';
import { BREAKDOWN_KPIS } from '../src/elements/breakdown/layout.js';
import { makeReportV2 } from '../test/fixtures/report-v2.js';

interface Args {
  by: string;
  kpi: (typeof BREAKDOWN_KPIS)[number];
  limit: number;
  report: 'full' | 'many' | 'partial';
  locale: string;
  currency: string;
  theme: 'auto' | 'light' | 'dark';
  state: (typeof WIDGET_STATES)[number];
  width: string;
}

const FULL = makeReportV2();

/** Twelve stores (folded into "Others" beyond the limit). */
const MANY = makeReportV2();
MANY.byAttribute!.store = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => {
    const revenue = Math.round(4_200_000 / (i + 1));
    const orders = Math.max(1, Math.round(16 / (i + 1)));
    return [`HCM-Q${i + 1}`, { revenue, orders, buyers: orders, aov: revenue / orders }];
  }),
);

/** Partial data: a store with no orders in the selection, and revenue without a store. */
const PARTIAL = makeReportV2();
PARTIAL.byAttribute!.store = {
  ...PARTIAL.byAttribute!.store,
  'DN-01': { revenue: 0, orders: 0, buyers: 0, aov: null },
};

const REPORTS = { full: FULL, many: MANY, partial: PARTIAL };

const widget = (a: Args) =>
  html`<promo-breakdown
    by=${a.by}
    kpi=${a.kpi}
    limit=${a.limit}
    locale=${a.locale}
    currency=${a.currency}
    theme=${a.theme}
    state=${a.state}
    .report=${REPORTS[a.report]}
  ></promo-breakdown>`;

const meta: Meta<Args> = {
  title: 'Elements/Breakdown',
  component: 'promo-breakdown',
  args: {
    by: 'channel',
    kpi: 'revenue',
    limit: 8,
    report: 'full',
    locale: 'en',
    currency: 'VND',
    theme: 'light',
    state: 'auto',
    width: '560px',
  },
  argTypes: {
    by: { control: 'select', options: ['channel', 'store', 'region', 'category'] },
    kpi: { control: 'inline-radio', options: BREAKDOWN_KPIS },
    report: { control: 'inline-radio', options: ['full', 'many', 'partial'], description: 'Which fixture report' },
    locale: { control: 'select', options: ['en', 'vi', 'vi-VN'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    state: { control: 'select', options: WIDGET_STATES },
    width: { control: 'text' },
  },
  render: (a) => html`<div style="width: ${a.width}">${widget(a)}</div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Revenue by channel, with each channel's share of the total. */
export const Playground: Story = {};
export const ByStore: Story = { args: { by: 'store' } };
export const ByRegionOrders: Story = { args: { by: 'region', kpi: 'orders' } };
/** Buyers: a customer who bought in several stores counts in each (a note says so). */
export const Buyers: Story = { args: { by: 'store', kpi: 'buyers' } };
/** AOV against the average basket of the selection. */
export const Aov: Story = { args: { by: 'store', kpi: 'aov' } };
/** Twelve stores: the top five and "Others (7)". */
export const ManyValues: Story = { args: { by: 'store', report: 'many', limit: 5 } };
/** A report without that breakdown. */
export const NotInReport: Story = { args: { by: 'category' } };

export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const Error: Story = { args: { state: 'error' } };
/** Partial data: a store without orders, and revenue of orders without a store. */
export const PartialData: Story = { args: { by: 'store', report: 'partial' } };

export const Light: Story = { args: { theme: 'light', by: 'store' } };
export const Dark: Story = {
  args: { theme: 'dark', by: 'store' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${widget(a)}</div>`,
};
export const English: Story = { args: { locale: 'en', by: 'region' } };
export const Vietnamese: Story = { args: { locale: 'vi', by: 'store' } };
/** A 280 px phone card: labels above the bars. */
export const Narrow: Story = { args: { width: '280px', by: 'store' } };
export const Wide: Story = { args: { width: '1100px', by: 'store', report: 'many' } };
/** A white-label brand, in CSS alone (src/theme/brand-example.css). */
export const BrandTheme: Story = {
  args: { by: 'store' },
  render: (a) => html`<div class="brand-lotus" style="width: 560px">${widget(a)}</div>`,
};
