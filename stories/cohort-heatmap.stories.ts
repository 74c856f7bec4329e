/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/cohort-heatmap/define.js';
import '../src/theme/brand-example.css';
import { WIDGET_STATES } from '../src/elements/shared/widget.js';
import { HEATMAP_MODES } from '../src/elements/cohort-heatmap/layout.js';
import { REPORT } from '../test/fixtures/report.js';
import { monthCohortReport } from '../test/elements/cohort-heatmap/fixtures.js';

interface HeatArgs {
  partial?: boolean;
  mode: (typeof HEATMAP_MODES)[number];
  showRecency: boolean;
  grain: 'month' | 'week';
  locale: string;
  currency: string;
  theme: 'auto' | 'light' | 'dark';
  state: (typeof WIDGET_STATES)[number];
  width: string;
}

const MONTHS = monthCohortReport();

/** Monthly cohorts where one month gained no customers, and no recency data. */
const PARTIAL = {
  ...MONTHS,
  cohorts: {
    ...MONTHS.cohorts,
    rows: MONTHS.cohorts.rows.map((r, i) => (i === 1 ? { ...r, size: 0, retention: [], revenue: [] } : r)),
  },
  recency: [],
};

const heatmap = (a: HeatArgs) =>
  html`<promo-cohort-heatmap
    mode=${a.mode}
    ?show-recency=${a.showRecency}
    locale=${a.locale}
    currency=${a.currency}
    theme=${a.theme}
    state=${a.state}
    .report=${a.partial ? PARTIAL : a.grain === 'week' ? REPORT : MONTHS}
  ></promo-cohort-heatmap>`;

const meta: Meta<HeatArgs> = {
  title: 'Elements/Cohort heatmap',
  component: 'promo-cohort-heatmap',
  args: {
    mode: 'retention',
    showRecency: false,
    grain: 'month',
    locale: 'en',
    currency: 'VND',
    theme: 'light',
    state: 'auto',
    width: '640px',
  },
  argTypes: {
    mode: { control: 'inline-radio', options: HEATMAP_MODES },
    grain: {
      control: 'inline-radio',
      options: ['month', 'week'],
      description: 'Which fixture report: monthly or weekly cohorts',
    },
    locale: { control: 'select', options: ['en', 'vi', 'vi-VN'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    state: { control: 'select', options: WIDGET_STATES },
    width: { control: 'text' },
  },
  render: (a) => html`<div style="width: ${a.width}">${heatmap(a)}</div>`,
};
export default meta;

type Story = StoryObj<HeatArgs>;

/** Monthly cohorts, retention by month since first order. */
export const Playground: Story = {};
export const Revenue: Story = { args: { mode: 'revenue' } };
export const WeeklyCohorts: Story = { args: { grain: 'week' } };
export const Recency: Story = { args: { mode: 'recency' } };
/** Recency beside the heatmap on a wide card. */
export const WithRecency: Story = { args: { showRecency: true, width: '1000px' } };

export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const Error: Story = { args: { state: 'error' } };

/** Partial data: an empty cohort (skipped by the keyboard) and no recency segments. */
export const PartialData: Story = { args: { partial: true, showRecency: true } };

/** The light theme, whatever the viewer's colour scheme. */
export const Light: Story = { args: { theme: 'light', mode: 'revenue' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${heatmap(a)}</div>`,
};
export const DarkRecency: Story = {
  args: { theme: 'dark', showRecency: true },
  render: (a) => html`<div style="background: #0d1117; padding: 16px; width: ${a.width}">${heatmap(a)}</div>`,
};
export const English: Story = { args: { locale: 'en', grain: 'week' } };
export const Vietnamese: Story = { args: { locale: 'vi', mode: 'revenue' } };

/** A 280 px phone card: the grid scrolls sideways when it must. */
export const Narrow: Story = { args: { width: '280px' } };
export const NarrowRecency: Story = { args: { width: '280px', mode: 'recency' } };
export const Wide: Story = { args: { width: '1100px' } };

/** A white-label brand, in CSS alone (src/theme/brand-example.css). */
export const BrandTheme: Story = {
  render: (a) => html`<div class="brand-lotus" style="width: 640px">${heatmap(a)}</div>`,
};
