/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/budget-gauge/define.js';
import '../src/theme/brand-example.css';
import { WIDGET_STATES } from '../src/elements/shared/widget.js';
import { CAMPAIGN_INFO, REPORT } from '../test/fixtures/report.js';

/** The fixture report without the pacing of C2: a campaign with no budget. */
const PARTIAL = { ...REPORT, pacing: Object.fromEntries(Object.entries(REPORT.pacing).filter(([id]) => id !== 'C2')) };

interface GaugeArgs {
  partial?: boolean;
  campaign: string;
  locale: string;
  currency: string;
  theme: 'auto' | 'light' | 'dark';
  state: (typeof WIDGET_STATES)[number];
  width: string;
}

const gauge = (a: GaugeArgs) =>
  html`<promo-budget-gauge
    campaign=${a.campaign || nothing}
    locale=${a.locale}
    currency=${a.currency}
    theme=${a.theme}
    state=${a.state}
    .report=${a.partial ? PARTIAL : REPORT}
    .campaigns=${CAMPAIGN_INFO}
  ></promo-budget-gauge>`;

const meta: Meta<GaugeArgs> = {
  title: 'Elements/Budget gauge',
  component: 'promo-budget-gauge',
  args: { campaign: '', locale: 'en', currency: 'VND', theme: 'light', state: 'auto', width: '560px' },
  argTypes: {
    campaign: { control: 'select', options: ['', ...CAMPAIGN_INFO.map((c) => c.id)] },
    locale: { control: 'select', options: ['en', 'vi', 'vi-VN'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    state: { control: 'select', options: WIDGET_STATES },
    width: { control: 'text' },
  },
  render: (a) => html`<div style="width: ${a.width}">${gauge(a)}</div>`,
};
export default meta;

type Story = StoryObj<GaugeArgs>;

/** Every campaign with a budget: on track, ended, over budget, scheduled, at risk. */
export const Playground: Story = {};

export const OnTrack: Story = { args: { campaign: 'C1', width: '420px' } };
export const OverBudget: Story = { args: { campaign: 'C3', width: '420px' } };
export const AtRisk: Story = { args: { campaign: 'C5', width: '420px' } };
export const Scheduled: Story = { args: { campaign: 'C4', width: '420px' } };
export const Ended: Story = { args: { campaign: 'C2', width: '420px' } };

export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const Error: Story = { args: { state: 'error' } };

/** Partial data: a campaign without a budget is named as such, the others are shown. */
export const PartialData: Story = { args: { partial: true } };

/** The light theme, whatever the viewer's colour scheme. */
export const Light: Story = { args: { theme: 'light', campaign: 'C1', width: '420px' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${gauge(a)}</div>`,
};

export const English: Story = { args: { locale: 'en', campaign: 'C3', width: '420px' } };
export const Vietnamese: Story = { args: { locale: 'vi' } };

/** A 280 px phone card. */
export const Narrow: Story = { args: { width: '280px' } };

export const Wide: Story = { args: { width: '1100px' } };

/** A white-label brand, in CSS alone (src/theme/brand-example.css). */
export const BrandTheme: Story = {
  render: (a) => html`<div class="brand-lotus" style="width: 560px">${gauge({ ...a, campaign: '' })}</div>`,
};
