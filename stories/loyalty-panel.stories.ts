/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/loyalty-panel/define.js';
import '../src/theme/brand-example.css';
import { WIDGET_STATES } from '../src/elements/shared/widget.js';
import { makeReportV2, makeYearReport } from '../test/fixtures/report-v2.js';

interface Args {
  report: 'previous' | 'year' | 'partial';
  locale: string;
  currency: string;
  theme: 'auto' | 'light' | 'dark';
  state: (typeof WIDGET_STATES)[number];
  width: string;
}

/** Partial data: no non-member orders (their AOV has no value) and no channel on the points. */
const PARTIAL = makeReportV2();
PARTIAL.kpis.nonMemberAov = { value: null, previous: null, delta: null, change: null, reason: 'no-data' };
PARTIAL.loyaltyByChannel = {};

const REPORTS = { previous: makeReportV2(), year: makeYearReport(), partial: PARTIAL };

const widget = (a: Args) =>
  html`<promo-loyalty-panel
    locale=${a.locale}
    currency=${a.currency}
    theme=${a.theme}
    state=${a.state}
    .report=${REPORTS[a.report]}
  ></promo-loyalty-panel>`;

const meta: Meta<Args> = {
  title: 'Elements/Loyalty panel',
  component: 'promo-loyalty-panel',
  args: { report: 'previous', locale: 'en', currency: 'VND', theme: 'light', state: 'auto', width: '720px' },
  argTypes: {
    report: {
      control: 'inline-radio',
      options: ['previous', 'year', 'partial'],
      description: 'Which fixture report: compared with the previous period, last year, or partial data',
    },
    locale: { control: 'select', options: ['en', 'vi', 'vi-VN'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    state: { control: 'select', options: WIDGET_STATES },
    width: { control: 'text' },
  },
  render: (a) => html`<div style="width: ${a.width}">${widget(a)}</div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};
/** Compared with the same week one year earlier. */
export const SamePeriodLastYear: Story = { args: { report: 'year' } };

export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const Error: Story = { args: { state: 'error' } };
export const PartialData: Story = { args: { report: 'partial' } };

export const Light: Story = { args: { theme: 'light' } };
export const Dark: Story = {
  args: { theme: 'dark' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${widget(a)}</div>`,
};
export const English: Story = { args: { locale: 'en' } };
export const Vietnamese: Story = { args: { locale: 'vi' } };
export const Narrow: Story = { args: { width: '300px' } };
export const Wide: Story = { args: { width: '1100px' } };
export const BrandTheme: Story = {
  render: (a) => html`<div class="brand-lotus" style="width: 720px">${widget(a)}</div>`,
};
