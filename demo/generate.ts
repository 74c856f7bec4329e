/**
 * Seeded demo data: a Vietnamese retailer (VND, Asia/Ho_Chi_Minh) over one calendar year,
 * in the canonical input shape of the KPI spec (section 1).
 *
 * Pure and deterministic: the same options give the same data, in Node, a Worker or the
 * page. About 200k orders by default; weekly (weekends busier) and seasonal patterns (the
 * run-up to Tết, the quiet Tết holiday, the 11.11 / 12.12 peaks), campaigns with budgets and
 * targets, promotion costs, ad exposures and loyalty points, and a share of orders that no
 * campaign is attributed to.
 *
 * `createOrderStream` continues the same store after the last generated day, for a live feed.
 */
import { daysFromCivil, formatDay } from '../src/engine/time.js';

export type DemoCampaign = {
  id: string;
  name: string;
  start: string;
  end: string;
  budget?: number;
  type?: 'discount' | 'gift' | 'bundle' | 'points' | 'voucher' | 'other';
  targets?: Record<string, number>;
};

export type DemoOrder = {
  id: string;
  customerId: string;
  time: string;
  revenue: number;
  discount: number;
  cogs: number;
  campaignId: string | null;
  channel: string;
};

export type DemoCost = {
  campaignId: string;
  date: string;
  amount: number;
  category: string;
};

export type DemoExposure = {
  campaignId: string;
  date: string;
  channel: string;
  impressions: number;
  reach: number;
  clicks: number;
  engagements: number;
};

export type DemoLoyalty = {
  customerId: string;
  time: string;
  earned: number;
  redeemed: number;
  channel: string;
};

export type DemoData = {
  campaigns: DemoCampaign[];
  orders: DemoOrder[];
  costs: DemoCost[];
  exposures: DemoExposure[];
  loyalty: DemoLoyalty[];
};

export interface DemoOptions {
  /** Seed of the random source (default 2025). */
  seed?: number;
  /** Approximate number of orders over the year (default 200 000). */
  orders?: number;
  /** Calendar year of the data (default 2025; campaign dates follow it). */
  year?: number;
}

/** The time zone the demo data is in. */
export const DEMO_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The currency of every amount. */
export const DEMO_CURRENCY = 'VND';
/** Sales channels of the retailer, with their share of ordinary traffic. */
export const DEMO_CHANNELS = ['store', 'web', 'app', 'marketplace', 'social'] as const;
const CHANNEL_WEIGHTS = [0.42, 0.14, 0.2, 0.17, 0.07];
/** Channels that run ads (exposures). */
const AD_CHANNELS = ['web', 'app', 'marketplace', 'social'] as const;

/** Share of a campaign's budget planned for spend (media, staff, gifts); discounts take the rest. */
const SPEND_SHARE = 0.45;
/** Cost of a thousand ad impressions, VND. */
const CPM_VND = 1_200_000;

const OFFSET = '+07:00';
const OFFSET_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Mulberry32. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal (Box–Muller). */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function pick<T>(items: readonly T[], weights: readonly number[], r: number): T {
  let acc = 0;
  for (let i = 0; i < items.length; i++) {
    acc += weights[i]!;
    if (r < acc) return items[i]!;
  }
  return items[items.length - 1]!;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DDTHH:mm:ss+07:00` of a local day number and second of the day. */
function localTime(day: number, second: number): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  const s = second % 60;
  return `${formatDay(day)}T${pad2(h)}:${pad2(m)}:${pad2(s)}${OFFSET}`;
}

/** Plan of one campaign: when, how much lift, how it is attributed and spent. */
interface Plan {
  campaign: DemoCampaign;
  start: number;
  end: number;
  /** Extra orders on a campaign day, as a multiple of the base traffic. */
  lift: number;
  /** Share of the day's orders attributed to the campaign. */
  share: number;
  /** Discount as a share of the list price, for attributed orders. */
  discount: number;
  /** Channels the campaign runs in (attributed orders only come from these). */
  channels: readonly string[];
  /** Planned spend over the run, as a share of the budget. */
  spendRatio: number;
  /** Points multiplier for attributed orders. */
  points: number;
}

/** Targets that grow with the size of the business (the others are ratios). */
const ABSOLUTE_TARGETS = new Set(['revenue', 'newCustomers', 'grossProfit', 'orders', 'buyers']);

/** Round to 3 significant digits, as a planner would write a budget. */
function roundBudget(v: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, v))) - 2);
  return Math.round(v / step) * step;
}

/**
 * The campaign plans of a year. Budgets and absolute targets are written for a business of
 * 200k orders a year and scale with `scale`, so a smaller or larger store keeps the same margins.
 */
function plans(year: number, scale: number): Plan[] {
  const d = (m: number, day: number) => `${year}-${pad2(m)}-${pad2(day)}`;
  const all = [...DEMO_CHANNELS];
  const online = ['web', 'app', 'marketplace', 'social'];
  const list: Array<Omit<Plan, 'start' | 'end'>> = [
    {
      campaign: {
        id: 'TET',
        name: `Tết Sale ${year}`,
        start: d(1, 6),
        end: d(1, 27),
        budget: 1_800_000_000,
        type: 'discount',
        targets: { revenue: 9_000_000_000, roi: 1.5, newCustomers: 4000 },
      },
      lift: 0.9,
      share: 0.55,
      discount: 0.15,
      channels: all,
      spendRatio: 0.95,
      points: 1,
    },
    {
      campaign: {
        id: 'LOYALTY-X2',
        name: 'Nhân đôi điểm thưởng',
        start: d(3, 1),
        end: d(4, 30),
        budget: 600_000_000,
        type: 'points',
        targets: { retentionRate: 0.3, revenue: 6_000_000_000 },
      },
      lift: 0.15,
      share: 0.3,
      discount: 0,
      channels: ['store', 'app'],
      spendRatio: 0.8,
      points: 2,
    },
    {
      campaign: {
        id: 'BOGO',
        name: 'Mua 1 tặng 1',
        start: d(6, 1),
        end: d(6, 21),
        budget: 900_000_000,
        type: 'bundle',
        targets: { revenue: 4_500_000_000, roi: 1.2 },
      },
      lift: 0.6,
      share: 0.45,
      discount: 0.22,
      channels: all,
      spendRatio: 1.12,
      points: 1,
    },
    {
      campaign: {
        id: 'BACK-TO-SCHOOL',
        name: 'Mùa tựu trường',
        start: d(8, 15),
        end: d(9, 5),
        budget: 500_000_000,
        type: 'voucher',
        targets: { revenue: 2_500_000_000 },
      },
      lift: 0.25,
      share: 0.25,
      discount: 0.1,
      channels: online,
      spendRatio: 0.9,
      points: 1,
    },
    {
      campaign: {
        id: 'MID-AUTUMN',
        name: 'Trung thu đoàn viên',
        start: d(9, 22),
        end: d(10, 6),
        budget: 400_000_000,
        type: 'gift',
      },
      lift: 0.3,
      share: 0.3,
      discount: 0.05,
      channels: ['store', 'web', 'app'],
      spendRatio: 0.85,
      points: 1,
    },
    {
      campaign: {
        id: 'FLASH-1111',
        name: 'Flash sale 11.11',
        start: d(11, 11),
        end: d(11, 11),
        budget: 550_000_000,
        type: 'discount',
        targets: { revenue: 1_500_000_000, conversionRate: 0.02 },
      },
      lift: 8,
      share: 0.8,
      discount: 0.2,
      channels: ['app', 'marketplace', 'web', 'social'],
      spendRatio: 1.05,
      points: 1,
    },
    {
      campaign: {
        id: 'BLACK-FRIDAY',
        name: 'Black Friday',
        start: d(11, 27),
        end: d(11, 30),
        budget: 450_000_000,
        type: 'discount',
      },
      lift: 1.2,
      share: 0.5,
      discount: 0.25,
      channels: online,
      spendRatio: 0.9,
      points: 1,
    },
    {
      campaign: {
        id: 'FLASH-1212',
        name: 'Flash sale 12.12',
        start: d(12, 12),
        end: d(12, 12),
        budget: 650_000_000,
        type: 'discount',
        targets: { revenue: 1_800_000_000, conversionRate: 0.02 },
      },
      lift: 9,
      share: 0.8,
      discount: 0.2,
      channels: ['app', 'marketplace', 'web', 'social'],
      spendRatio: 0.7,
      points: 1,
    },
    {
      campaign: {
        id: 'YEAR-END',
        name: 'Sale cuối năm',
        start: d(12, 20),
        end: d(12, 31),
        budget: 700_000_000,
        type: 'voucher',
        targets: { revenue: 3_000_000_000 },
      },
      lift: 0.35,
      share: 0.35,
      discount: 0.12,
      channels: all,
      spendRatio: 1.1,
      points: 1,
    },
  ];
  return list.map((p) => {
    const [sy, sm, sd] = p.campaign.start.split('-').map(Number) as [number, number, number];
    const [ey, em, ed] = p.campaign.end.split('-').map(Number) as [number, number, number];
    const campaign = { ...p.campaign };
    if (campaign.budget !== undefined) campaign.budget = roundBudget(campaign.budget * scale);
    if (campaign.targets)
      campaign.targets = Object.fromEntries(
        Object.entries(campaign.targets).map(([k, v]) => [k, ABSOLUTE_TARGETS.has(k) ? roundBudget(v * scale) : v]),
      );
    return { ...p, campaign, start: daysFromCivil(sy, sm, sd), end: daysFromCivil(ey, em, ed) };
  });
}

/** Seasonal multiplier of base traffic on a day of the year (Tết run-up and holiday, Q4 peak). */
function season(day: number, year: number): number {
  const tet = daysFromCivil(year, 1, 29); // Lunar New Year 2025; close enough for other years
  const dt = day - tet;
  let m = 1;
  if (dt >= -21 && dt < 0)
    m *= 1.35 + (0.4 * (21 + dt)) / 21; // shopping before Tết
  else if (dt >= 0 && dt <= 4)
    m *= 0.35; // shops close for the holiday
  else if (dt > 4 && dt <= 10) m *= 0.8;
  const month = Math.floor(((day - daysFromCivil(year, 1, 1)) / 365) * 12);
  m *= [1, 0.9, 0.95, 0.95, 1, 1, 0.95, 0.95, 1, 1.05, 1.15, 1.25][Math.min(11, Math.max(0, month))]!;
  return m;
}

/** Weekday multiplier: 1 = Monday ... 7 = Sunday. */
const WEEKDAY = [0, 0.86, 0.84, 0.88, 0.92, 1.05, 1.28, 1.22];

function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Seconds into the day of an order: a busy lunch hour and a busier evening. */
function secondOfDay(rand: () => number): number {
  const r = rand();
  let hour: number;
  if (r < 0.08) hour = 7 + rand() * 4;
  else if (r < 0.38) hour = 11 + rand() * 3;
  else if (r < 0.55) hour = 14 + rand() * 4;
  else if (r < 0.93) hour = 18 + rand() * 4;
  else hour = 22 + rand() * 1.99;
  return Math.min(86_399, Math.floor(hour * 3600));
}

/** Generator state shared by the year and the live stream. */
interface Store {
  rand: () => number;
  plans: Plan[];
  customers: number;
  orderSeq: number;
  /** Base orders per day before patterns. */
  base: number;
}

function newStore(seed: number, orders: number, year: number): Store {
  // 365 days x the average multiplier of seasons, weekdays and campaigns (about 1.26) ~ orders.
  return {
    rand: random(seed),
    plans: plans(year, orders / 200_000),
    customers: 0,
    orderSeq: 0,
    base: orders / 365 / 1.26,
  };
}

/** A customer for a new order: a new one, or a returning one (recent customers return more). */
function customerFor(store: Store, newShare: number): string {
  const { rand } = store;
  if (store.customers === 0 || rand() < newShare) {
    store.customers++;
    return `KH${String(store.customers).padStart(6, '0')}`;
  }
  // Skewed towards the most recent customers, with a long tail of loyal old ones.
  const back = Math.floor(store.customers * Math.pow(rand(), 2.2));
  const n = Math.max(1, store.customers - back);
  return `KH${String(n).padStart(6, '0')}`;
}

/** List price of a basket in VND: log-normal around 320k, rounded to 1 000 đ. */
function basket(rand: () => number): number {
  const v = Math.exp(Math.log(320_000) + 0.62 * normal(rand));
  return Math.max(15_000, Math.min(12_000_000, Math.round(v / 1000) * 1000));
}

function makeOrder(
  store: Store,
  day: number,
  second: number,
  active: Plan[],
  loyalty: DemoLoyalty[] | null,
): DemoOrder {
  const { rand } = store;
  let plan: Plan | null = null;
  for (const p of active) {
    if (rand() < p.share / active.length) {
      plan = p;
      break;
    }
  }
  const channel = plan
    ? plan.channels[Math.floor(rand() * plan.channels.length)]!
    : pick(DEMO_CHANNELS, CHANNEL_WEIGHTS, rand());
  const list = basket(rand);
  const discount = plan ? Math.round((list * plan.discount * (0.6 + 0.8 * rand())) / 1000) * 1000 : 0;
  const revenue = Math.max(0, list - discount);
  // Cost of goods: 48-60 % of the list price (the discount comes out of the margin).
  const cogs = Math.round((list * (0.48 + 0.12 * rand())) / 1000) * 1000;
  const customerId = customerFor(store, plan ? 0.3 : 0.2);
  store.orderSeq++;
  const time = localTime(day, second);
  if (loyalty && rand() < 0.45) {
    const earned = Math.floor(revenue / 10_000) * (plan?.points ?? 1);
    const redeemed = rand() < 0.12 ? Math.round(earned * (2 + rand() * 6)) : 0;
    if (earned > 0 || redeemed > 0) loyalty.push({ customerId, time, earned, redeemed, channel });
  }
  return {
    id: `DH${String(store.orderSeq).padStart(7, '0')}`,
    customerId,
    time,
    revenue,
    discount,
    cogs,
    campaignId: plan ? plan.campaign.id : null,
    channel,
  };
}

function activePlans(store: Store, day: number): Plan[] {
  return store.plans.filter((p) => day >= p.start && day <= p.end);
}

/** Expected number of orders on a day (before noise). */
function dayVolume(store: Store, day: number, year: number, active: Plan[]): number {
  let v = store.base * season(day, year) * WEEKDAY[isoWeekday(day)]!;
  for (const p of active) v *= 1 + p.lift;
  return v;
}

/**
 * Generates one year of the demo retailer. Deterministic for a given `seed`; about 200k
 * orders (or `orders`) plus costs, exposures and loyalty events.
 */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? 2025;
  const year = options.year ?? 2025;
  const store = newStore(seed, options.orders ?? 200_000, year);
  const { rand } = store;
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  const orders: DemoOrder[] = [];
  const loyalty: DemoLoyalty[] = [];
  const costs: DemoCost[] = [];
  const exposures: DemoExposure[] = [];

  for (let day = first; day <= last; day++) {
    const active = activePlans(store, day);
    const n = Math.max(0, Math.round(dayVolume(store, day, year, active) * (0.9 + 0.2 * rand())));
    const seconds = new Int32Array(n);
    for (let i = 0; i < n; i++) seconds[i] = secondOfDay(rand);
    seconds.sort();
    for (let i = 0; i < n; i++) orders.push(makeOrder(store, day, seconds[i]!, active, loyalty));

    const date = formatDay(day);
    for (const p of active) {
      const budget = p.campaign.budget ?? 0;
      const days = p.end - p.start + 1;
      // Spend outside discounts: the budget also covers the discounts granted on orders.
      const daily = (budget * p.spendRatio * SPEND_SHARE) / days;
      // Front-loaded media, steady staff cost, gifts for gift/bundle offers.
      const media = daily * (0.55 + 0.3 * rand()) * (day === p.start ? 1.6 : 1);
      costs.push({ campaignId: p.campaign.id, date, amount: Math.round(media / 1000) * 1000, category: 'media' });
      const staff = daily * 0.2 * (0.8 + 0.4 * rand());
      costs.push({ campaignId: p.campaign.id, date, amount: Math.round(staff / 1000) * 1000, category: 'staff' });
      if (p.campaign.type === 'gift' || p.campaign.type === 'bundle' || p.campaign.type === 'points') {
        const gifts = daily * 0.15 * (0.8 + 0.4 * rand());
        costs.push({ campaignId: p.campaign.id, date, amount: Math.round(gifts / 1000) * 1000, category: 'gifts' });
      }
      for (const channel of AD_CHANNELS) {
        if (!p.channels.includes(channel)) continue;
        const impressions = Math.round((media / CPM_VND) * 1000 * (0.5 + rand()));
        const reach = Math.round(impressions * (0.35 + 0.2 * rand()));
        const clicks = Math.round(impressions * (0.008 + 0.02 * rand()));
        const engagements = Math.round(reach * (0.02 + 0.05 * rand()));
        exposures.push({ campaignId: p.campaign.id, date, channel, impressions, reach, clicks, engagements });
      }
    }
  }
  return { campaigns: store.plans.map((p) => p.campaign), orders, costs, exposures, loyalty };
}

/** A source of new orders that continues a generated year, for the live demo. */
export interface OrderStream {
  /** The next `count` orders (with their loyalty events). */
  next(count: number): { orders: DemoOrder[]; loyalty: DemoLoyalty[] };
}

/**
 * More orders for the last day of the generated year (same customers, same seed family), so
 * a live feed can append to the demo data and the numbers of the default period move. Times
 * advance by 5 to 40 seconds per order from `startTime` (default: 31 December, 12:00 Vietnam
 * time); ids continue after the generated ones.
 */
export function createOrderStream(data: DemoData, options: DemoOptions & { startTime?: number } = {}): OrderStream {
  const year = options.year ?? 2025;
  const store = newStore((options.seed ?? 2025) ^ 0x5eed, options.orders ?? 200_000, year);
  store.customers = new Set(data.orders.map((o) => o.customerId)).size;
  store.orderSeq = data.orders.length;
  let t = options.startTime ?? daysFromCivil(year, 12, 31) * MS_PER_DAY - OFFSET_MS + 12 * 3_600_000;
  return {
    next(count) {
      const orders: DemoOrder[] = [];
      const loyalty: DemoLoyalty[] = [];
      for (let i = 0; i < count; i++) {
        t += Math.round(5_000 + store.rand() * 35_000);
        const local = t + OFFSET_MS;
        const day = Math.floor(local / MS_PER_DAY);
        const second = Math.floor((local - day * MS_PER_DAY) / 1000);
        orders.push(makeOrder(store, day, second, activePlans(store, day), loyalty));
      }
      return { orders, loyalty };
    },
  };
}
