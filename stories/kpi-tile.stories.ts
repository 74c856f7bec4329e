import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/kpi-tile/define.js';

interface TileArgs {
  label: string;
  value: number | null;
  unit: 'currency' | 'count' | 'ratio' | 'number';
  locale: string;
  currency: string;
}

const meta: Meta<TileArgs> = {
  title: 'Elements/KPI tile',
  component: 'promo-kpi-tile',
  args: { label: 'Promotion revenue', value: 1_284_500_000, unit: 'currency', locale: 'vi', currency: 'VND' },
  argTypes: {
    unit: { control: 'select', options: ['currency', 'count', 'ratio', 'number'] },
    locale: { control: 'select', options: ['en', 'vi'] },
  },
  render: (a) =>
    html`<promo-kpi-tile
      label=${a.label}
      .value=${a.value}
      unit=${a.unit}
      locale=${a.locale}
      currency=${a.currency}
    ></promo-kpi-tile>`,
};
export default meta;

type Story = StoryObj<TileArgs>;

export const Playground: Story = {};
export const Ratio: Story = { args: { label: 'ROI', value: 0.342, unit: 'ratio', locale: 'en' } };
export const NoValue: Story = { args: { label: 'CAC', value: null, unit: 'currency' } };
