/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/kpi-board/define.js';
import '../src/theme/brand-example.css';
import '../demo/custom-widget.js';
import { BOARD_LAYOUTS } from '../src/elements/kpi-board/define.js';
import type { Adapter } from '../src/adapters/adapter.js';
import { generateDemoData } from '../demo/generate.js';

/** A smaller year of the demo retailer keeps the stories quick (same shape, same campaigns). */
const DATA = generateDemoData({ orders: 20_000 });

interface BoardArgs {
  locale: string;
  theme: 'auto' | 'light' | 'dark';
  layout: (typeof BOARD_LAYOUTS)[number];
  period: string;
  campaigns: string;
  channels: string;
  brand: boolean;
  width: string;
}

const board = (a: BoardArgs, data: unknown = DATA, adapter?: Adapter) =>
  html`<div class=${a.brand ? 'brand-lotus' : ''} style="width: ${a.width}; max-width: 100%">
    <promo-kpi-board
      locale=${a.locale}
      currency="VND"
      time-zone="Asia/Ho_Chi_Minh"
      theme=${a.theme}
      layout=${a.layout}
      period=${a.period}
      campaigns=${a.campaigns}
      channels=${a.channels}
      worker="never"
      .data=${adapter ? undefined : data}
      .adapter=${adapter}
    ></promo-kpi-board>
  </div>`;

const meta: Meta<BoardArgs> = {
  title: 'Elements/KPI board',
  component: 'promo-kpi-board',
  args: {
    locale: 'vi',
    theme: 'light',
    layout: 'full',
    period: 'last-28',
    campaigns: '',
    channels: '',
    brand: false,
    width: '1200px',
  },
  argTypes: {
    locale: { control: 'select', options: ['en', 'vi'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    layout: { control: 'select', options: BOARD_LAYOUTS },
    period: { control: 'select', options: ['last-7', 'last-14', 'last-28', 'last-90', 'this-month'] },
    campaigns: { control: 'text' },
    channels: { control: 'text' },
    brand: { control: 'boolean' },
    width: { control: 'text' },
  },
  render: (a) => board(a),
};
export default meta;

type Story = StoryObj<BoardArgs>;

/** The default layout over a generated year of a Vietnamese retailer (Vietnamese, VND). */
export const Playground: Story = {};

export const English: Story = { args: { locale: 'en' } };

export const Vietnamese: Story = { args: { locale: 'vi', layout: 'summary' } };

/** The light theme, whatever the viewer's colour scheme. */
export const Light: Story = { args: { theme: 'light', locale: 'en', layout: 'summary' } };

export const Dark: Story = {
  args: { theme: 'dark', locale: 'en' },
  decorators: [(s) => html`<div style="background:#0d1117; padding: 16px">${s()}</div>`],
};

/** The white-label example theme (src/theme/brand-example.css): CSS custom properties only. */
export const Brand: Story = { args: { brand: true } };

/** Filtered from attributes: one campaign, two channels. */
export const Filtered: Story = { args: { campaigns: 'FLASH-1212', channels: 'app,marketplace', locale: 'en' } };

export const TilesOnly: Story = { args: { layout: 'tiles' } };

/** A 280 px phone column. */
export const Narrow: Story = { args: { width: '280px', layout: 'summary' } };

/** A wide screen: the tiles and widgets spread out. */
export const Wide: Story = { args: { width: '1600px', locale: 'en' } };

/** Widgets slotted in replace the default layout; this one is written outside the kit (demo/custom-widget.ts). */
export const SlottedCustomWidget: Story = {
  args: { locale: 'en' },
  render: (a) =>
    html`<promo-kpi-board locale=${a.locale} currency="VND" time-zone="Asia/Ho_Chi_Minh" .data=${DATA}>
      <promo-kpi-tile kpi="revenue"></promo-kpi-tile>
      <demo-channel-mix></demo-channel-mix>
    </promo-kpi-board>`,
};

export const Loading: Story = {
  render: (a) => board(a, undefined, { load: () => new Promise(() => undefined) }),
};

export const LoadError: Story = {
  args: { locale: 'en' },
  render: (a) =>
    board(a, undefined, {
      load: () => Promise.reject(new Error('https://pos.example/api/orders answered 503; try again later')),
    }),
};

/** Partial data: no costs and no exposures, so the conversion rate shows its reason instead of a number. */
export const PartialData: Story = {
  args: { locale: 'en', layout: 'summary' },
  render: (a) => board(a, { campaigns: DATA.campaigns, orders: DATA.orders }),
};

export const NoOrders: Story = {
  args: { locale: 'en' },
  render: (a) => board(a, { campaigns: DATA.campaigns, orders: [] }),
};

/** A period typo and a record the data layer refuses: the problems list, opened, in Vietnamese. */
export const ConfigurationProblems: Story = {
  args: { locale: 'vi', layout: 'tiles', period: 'last-30' as BoardArgs['period'] },
  render: (a) =>
    board(a, { ...DATA, orders: [...DATA.orders, { id: 'bad-1', customerId: 'x', time: 'soon', revenue: 1 }] }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('promo-kpi-board')!;
    let toggle: HTMLButtonElement | null = null;
    for (let i = 0; i < 200 && !toggle; i++) {
      await new Promise((r) => setTimeout(r, 25));
      toggle = el.shadowRoot?.querySelector<HTMLButtonElement>('.problems-toggle') ?? null;
    }
    toggle?.click();
  },
};

/** Right to left: the board and its charts laid out mirrored. */
export const RightToLeft: Story = {
  args: { locale: 'en', layout: 'summary' },
  render: (a) => html`<div dir="rtl">${board(a)}</div>`,
};
