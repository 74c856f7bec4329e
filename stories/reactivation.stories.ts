/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/reactivation/define.js';
import '../src/theme/brand-example.css';
import { WIDGET_STATES } from '../src/elements/shared/widget.js';
import { REACTIVATION_LISTS } from '../src/elements/reactivation/layout.js';
import type { SegmentQuery } from '../src/engine/report-types.js';
import { makeReportV2 } from '../test/fixtures/report-v2.js';

interface Args {
  bounds: string;
  of: (typeof REACTIVATION_LISTS)[number];
  lists: boolean;
  partial: boolean;
  locale: string;
  currency: string;
  theme: 'auto' | 'light' | 'dark';
  state: (typeof WIDGET_STATES)[number];
  width: string;
}

const FULL = makeReportV2();

/** Partial data: one segment with no customers (its rate is "—"). */
const PARTIAL = makeReportV2();
PARTIAL.reactivation[1] = { segment: '8-14', customers: 0, returned: 0, rate: null as never, orders: 0, revenue: 0 };

/** Customer ids of a segment, made up from the report's counts (a host page would ask its data). */
function demoCustomers({ segment, of }: SegmentQuery): Promise<string[]> {
  const row = FULL.reactivation.find((r) => r.segment === segment);
  const n = row ? (of === 'returned' ? row.returned : row.customers) : 0;
  return Promise.resolve(Array.from({ length: n }, (_, i) => `KH-${segment}-${String(i + 1).padStart(3, '0')}`));
}

const widget = (a: Args) =>
  html`<promo-reactivation
    bounds=${a.bounds}
    of=${a.of}
    locale=${a.locale}
    currency=${a.currency}
    theme=${a.theme}
    state=${a.state}
    .report=${a.partial ? PARTIAL : FULL}
    .resolveCustomers=${a.lists ? demoCustomers : undefined}
  ></promo-reactivation>`;

const meta: Meta<Args> = {
  title: 'Elements/Re-activation',
  component: 'promo-reactivation',
  args: {
    bounds: '7,14,28',
    of: 'reactivation',
    lists: true,
    partial: false,
    locale: 'en',
    currency: 'VND',
    theme: 'light',
    state: 'auto',
    width: '720px',
  },
  argTypes: {
    of: { control: 'inline-radio', options: REACTIVATION_LISTS },
    lists: { control: 'boolean', description: 'Whether customer lists can be resolved' },
    locale: { control: 'select', options: ['en', 'vi', 'vi-VN'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    state: { control: 'select', options: WIDGET_STATES },
    width: { control: 'text' },
  },
  render: (a) => html`<div style="width: ${a.width}">${widget(a)}</div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Segments 0-7, 8-14, 15-28 and 29+ days; choose one for its customer list. */
export const Playground: Story = {};
/** The list of those who returned. */
export const Returned: Story = { args: { of: 'returned' } };
/** No customer source: the segments only. */
export const WithoutLists: Story = { args: { lists: false } };
/** Bounds that are not valid are named, and the report's segments are still shown. */
export const BadBounds: Story = { args: { bounds: '14,7' } };

export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const Error: Story = { args: { state: 'error' } };
export const PartialData: Story = { args: { partial: true } };

export const Light: Story = { args: { theme: 'light' } };
export const Dark: Story = {
  args: { theme: 'dark' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${widget(a)}</div>`,
};
export const English: Story = { args: { locale: 'en' } };
export const Vietnamese: Story = { args: { locale: 'vi' } };
/** A 320 px phone card: figures under each segment's name. */
export const Narrow: Story = { args: { width: '320px' } };
export const Wide: Story = { args: { width: '1100px' } };
export const BrandTheme: Story = {
  render: (a) => html`<div class="brand-lotus" style="width: 720px">${widget(a)}</div>`,
};
