/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/kpi-tile/define.js';
import '../src/theme/brand-example.css';
import { listKpis } from '../src/engine/kpis/registry.js';
import { WIDGET_STATES } from '../src/elements/shared/widget.js';
import { CAMPAIGN_INFO, REPORT } from '../test/fixtures/report.js';

interface TileArgs {
  kpi: string;
  campaign: string;
  target: number | undefined;
  locale: string;
  currency: string;
  theme: 'auto' | 'light' | 'dark';
  state: (typeof WIDGET_STATES)[number];
  compact: boolean;
  width: string;
}

const tile = (a: TileArgs) =>
  html`<promo-kpi-tile
    kpi=${a.kpi}
    campaign=${a.campaign || nothing}
    target=${a.target ?? nothing}
    locale=${a.locale}
    currency=${a.currency}
    theme=${a.theme}
    state=${a.state}
    ?compact=${a.compact}
    .report=${REPORT}
    .campaigns=${CAMPAIGN_INFO}
  ></promo-kpi-tile>`;

const meta: Meta<TileArgs> = {
  title: 'Elements/KPI tile',
  component: 'promo-kpi-tile',
  args: {
    kpi: 'revenue',
    campaign: '',
    target: undefined,
    locale: 'en',
    currency: 'VND',
    theme: 'light',
    state: 'auto',
    compact: false,
    width: '320px',
  },
  argTypes: {
    kpi: { control: 'select', options: listKpis().map((k) => k.id) },
    campaign: { control: 'select', options: ['', ...CAMPAIGN_INFO.map((c) => c.id)] },
    locale: { control: 'select', options: ['en', 'vi', 'vi-VN', 'en-GB'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    state: { control: 'select', options: WIDGET_STATES },
    width: { control: 'text' },
  },
  render: (a) => html`<div style="width: ${a.width}">${tile(a)}</div>`,
};
export default meta;

type Story = StoryObj<TileArgs>;

/** Total promotion revenue of the fixture report (week of 2026-11-01, VND). */
export const Playground: Story = {};

/** A campaign's revenue with its target (from the campaign's `targets`). */
export const CampaignWithTarget: Story = { args: { campaign: 'C1' } };

/** CAC rose: an arrow up, coloured as bad because lower is better. */
export const LowerIsBetter: Story = { args: { kpi: 'cac' } };

/** A ratio KPI, per campaign. */
export const Ratio: Story = { args: { kpi: 'roi', campaign: 'C1' } };

/** Partial data: no value, and the reason in words. */
export const NullWithReason: Story = { args: { kpi: 'roi', campaign: 'C5' } };

export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const Error: Story = { args: { state: 'error' } };

/** The light theme, whatever the viewer's colour scheme. */
export const Light: Story = { args: { theme: 'light', kpi: 'grossProfit' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${tile(a)}</div>`,
};

export const English: Story = { args: { locale: 'en', kpi: 'revenue', campaign: 'C1' } };
export const Vietnamese: Story = { args: { locale: 'vi', kpi: 'revenue', campaign: 'C1' } };

/** A 280 px phone card: amounts get compact. */
export const Narrow: Story = { args: { width: '280px', campaign: 'C1' } };

/** Several tiles in a wide dashboard row. */
export const Wide: Story = {
  render: (a) =>
    html`<div style="display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; width: 1100px">
      ${tile({ ...a, kpi: 'revenue' })} ${tile({ ...a, kpi: 'roi', campaign: 'C1' })} ${tile({ ...a, kpi: 'cac' })}
      ${tile({ ...a, kpi: 'grossProfit' })}
    </div>`,
};

/** A white-label brand, in CSS alone (src/theme/brand-example.css), light and dark. */
export const BrandTheme: Story = {
  render: (a) =>
    html`<div class="brand-lotus" style="display: flex; gap: 12px">
      <div style="width: 300px">${tile({ ...a, campaign: 'C1' })}</div>
      <div theme="dark" style="width: 300px; background: #1a120c; padding: 12px">
        ${tile({ ...a, theme: 'dark', campaign: 'C1' })}
      </div>
    </div>`,
};

/** Without a report: a value of your own through `label`, `value` and `unit`. */
export const OwnValue: Story = {
  render: () =>
    html`<div style="width: 280px">
      <promo-kpi-tile
        label="Doanh thu"
        .value=${1_284_500_000}
        unit="currency"
        currency="VND"
        locale="vi"
      ></promo-kpi-tile>
    </div>`,
};
