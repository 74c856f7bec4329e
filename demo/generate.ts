/**
 * Seeded demo data: a Vietnamese retail chain (VND, Asia/Ho_Chi_Minh) over two calendar years
 * (the data's year and the one before, so a comparison with the same period last year shows
 * something), in the canonical input shape of the KPI spec (sections 1 and 7).
 *
 * Pure and deterministic: the same options give the same data, in Node, a Worker or the
 * page. About 200k orders by default over the whole span, the business a quarter larger
 * each year; weekly (weekends busier) and seasonal patterns (the run-up to Tết on each
 * year's lunar date, the quiet Tết holiday, the 11.11 / 12.12 peaks), campaigns with budgets
 * and targets every year (earlier years' ids end in their year: `TET-2024`), promotion
 * costs, ad exposures, and a share of orders that no campaign is attributed to.
 *
 * Orders carry `attributes`: `region` (HCM, HN, DN, CT, HP: where the customer lives),
 * `category` (the basket's main product category) and, for orders placed in a store or
 * collected there, `store` (ids like `Q1-01`; one store opens during the last year).
 * Customers come back at their own pace: most orders are from customers who bought in the
 * last month, some from customers who had lapsed (more of them during campaigns), so the
 * 7/14/28-day re-activation segments all hold customers who return at different rates.
 * About half of the customers are loyalty members (most join at their first order, some
 * during a points campaign); members earn points on store, web, app and social orders,
 * redeem them, and collect app check-in points, each event with its channel.
 *
 * `createOrderStream` continues the same chain after the last generated day, for a live feed.
 */
import { daysFromCivil, formatDay } from '../src/core/time.js';

export type DemoCampaign = {
  id: string;
  name: string;
  start: string;
  end: string;
  budget?: number;
  type?: 'discount' | 'gift' | 'bundle' | 'points' | 'voucher' | 'other';
  targets?: Record<string, number>;
};

/** Order attributes (KPI-SPEC 7.2): the customer's region, the basket's category, the store if any. */
export type DemoAttributes = { region: string; category: string; store?: string };

export type DemoOrder = {
  id: string;
  customerId: string;
  time: string;
  revenue: number;
  discount: number;
  cogs: number;
  campaignId: string | null;
  channel: string;
  attributes: DemoAttributes;
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
  /** Approximate number of orders over all the years generated (default 200 000). */
  orders?: number;
  /** Last calendar year of the data (default 2025; campaign dates follow it). */
  year?: number;
  /** Calendar years generated, ending with `year` (default 2: the year and the one before). */
  years?: number;
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

/** Mulberry32: a small seeded generator, for reproducible data (the demo's, the benchmarks' and the tests'). */
export function seeded(seed: number): () => number {
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
  /** Product categories the offer is about (attributed orders are mostly of these). */
  categories?: readonly string[];
}

/** Targets that grow with the size of the business (the others are ratios). */
const ABSOLUTE_TARGETS = new Set(['revenue', 'newCustomers', 'grossProfit', 'orders', 'buyers']);

/** Round to 3 significant digits, as a planner would write a budget. */
function roundBudget(v: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, v))) - 2);
  return Math.round(v / step) * step;
}

/** Lunar New Year (Tết) by year: the sale runs in the three weeks before it. */
const TET: Record<number, [number, number]> = {
  2019: [2, 5],
  2020: [1, 25],
  2021: [2, 12],
  2022: [2, 1],
  2023: [1, 22],
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
};

/** The day of Tết in `year` (29 January for a year outside the table). */
function tetDay(year: number): number {
  const [m, d] = TET[year] ?? [1, 29];
  return daysFromCivil(year, m, d);
}

/**
 * The campaign plans of a year. Budgets and absolute targets are written for a business of
 * 200k orders a year and scale with `scale`, so a smaller or larger store keeps the same
 * margins. Campaigns of a year before the last one have the year after their id and name.
 */
function plans(year: number, scale: number, last: boolean): Plan[] {
  const d = (m: number, day: number) => `${year}-${pad2(m)}-${pad2(day)}`;
  const tet = tetDay(year);
  const all = [...DEMO_CHANNELS];
  const online = ['web', 'app', 'marketplace', 'social'];
  const list: Array<Omit<Plan, 'start' | 'end'>> = [
    {
      campaign: {
        id: 'TET',
        name: `Tết Sale ${year}`,
        start: formatDay(tet - 23),
        end: formatDay(tet - 2),
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
      categories: ['FMCG', 'Fresh', 'Home'],
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
      categories: ['Fashion', 'Electronics'],
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
      categories: ['FMCG'],
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
    if (!last) {
      campaign.id = `${campaign.id}-${year}`;
      if (!campaign.name.includes(String(year))) campaign.name = `${campaign.name} (${year})`;
    }
    if (campaign.budget !== undefined) campaign.budget = roundBudget(campaign.budget * scale);
    if (campaign.targets)
      campaign.targets = Object.fromEntries(
        Object.entries(campaign.targets).map(([k, v]) => [k, ABSOLUTE_TARGETS.has(k) ? roundBudget(v * scale) : v]),
      );
    return { ...p, campaign, start: daysFromCivil(sy, sm, sd), end: daysFromCivil(ey, em, ed) };
  });
}

/** Seasonal multiplier of base traffic on a day of `year` (Tết run-up and holiday, Q4 peak). */
function season(day: number, year: number): number {
  const dt = day - tetDay(year);
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

/** Regions of the chain (where its customers live), with their share of customers. */
export const DEMO_REGIONS = ['HCM', 'HN', 'DN', 'CT', 'HP'] as const;
const REGION_WEIGHTS = [0.48, 0.3, 0.1, 0.06, 0.06];

/** A store of the chain: its id, region, share of the region's customers, and opening date. */
export interface DemoStore {
  id: string;
  region: (typeof DEMO_REGIONS)[number];
  weight: number;
  /** For a store that opened during the last year: `MM-DD` of that year (its customers shopped at `fallback` before). */
  opens?: string;
  fallback?: string;
}

/** The chain's stores: district code and number (`Q1-01`: District 1, store 1). */
export const DEMO_STORES: readonly DemoStore[] = [
  { id: 'Q1-01', region: 'HCM', weight: 0.18 },
  { id: 'Q1-02', region: 'HCM', weight: 0.1 },
  { id: 'Q3-01', region: 'HCM', weight: 0.15 },
  { id: 'Q7-01', region: 'HCM', weight: 0.15 },
  { id: 'BT-01', region: 'HCM', weight: 0.13 },
  { id: 'GV-01', region: 'HCM', weight: 0.11 },
  { id: 'TD-01', region: 'HCM', weight: 0.1 },
  { id: 'TD-02', region: 'HCM', weight: 0.08, opens: '03-15', fallback: 'TD-01' },
  { id: 'HK-01', region: 'HN', weight: 0.3 },
  { id: 'CG-01', region: 'HN', weight: 0.3 },
  { id: 'DD-01', region: 'HN', weight: 0.25 },
  { id: 'BD-01', region: 'HN', weight: 0.15 },
  { id: 'HC-01', region: 'DN', weight: 0.6 },
  { id: 'ST-01', region: 'DN', weight: 0.4 },
  { id: 'NK-01', region: 'CT', weight: 1 },
  { id: 'LC-01', region: 'HP', weight: 1 },
];
const STORES_BY_REGION = DEMO_REGIONS.map((r) => DEMO_STORES.filter((s) => s.region === r));

/** Product categories, their share of ordinary baskets and their basket size against the average. */
export const DEMO_CATEGORIES = ['FMCG', 'Fresh', 'Home', 'Beauty', 'Fashion', 'Electronics'] as const;
const CATEGORY_WEIGHTS = [0.34, 0.22, 0.13, 0.12, 0.11, 0.08];
const CATEGORY_BASKET = [0.8, 0.7, 1.2, 1.1, 1.4, 2.8];

/** Channels loyalty events happen in (marketplace orders earn no points: the platform owns them). */
export const DEMO_LOYALTY_CHANNELS = ['store', 'web', 'app', 'social'] as const;

/** A uniform number in [0, 1) from a customer number and a salt: traits that never change. */
function trait(n: number, salt: number): number {
  let h = Math.imul(n ^ Math.imul(salt, 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Growth of the business from one year to the next. */
const GROWTH = 1.25;
/** Share of new customers among orders, outside and during a campaign. */
const NEW_SHARE = [0.18, 0.26];
/** Share of returning orders from any customer, most of them lapsed (the rest: recent buyers). */
const LAPSED_SHARE = [0.25, 0.42];
/** Days of orders whose customers count as "recent" (their chance to buy again). */
const RECENT_DAYS = 35;
/** Welcome points of a new member. */
const WELCOME_POINTS = 100;

/** Generator state shared by the years and the live stream. */
interface Chain {
  rand: () => number;
  plans: Plan[];
  customers: number;
  orderSeq: number;
  /** Customers of the last orders (a ring): recent, frequent buyers come back most. */
  recent: Int32Array;
  recentN: number;
  recentAt: number;
  /** Per customer number: 1 when a loyalty member. */
  member: Uint8Array;
  /** Per customer number: points balance. */
  points: Float64Array;
  members: number[];
  /** Day the store that opens in the last year opens. */
  opens: Map<string, number>;
}

function newChain(seed: number, plansList: Plan[], lastYear: number, recentSize: number, capacity: number): Chain {
  const opens = new Map<string, number>();
  for (const s of DEMO_STORES)
    if (s.opens) {
      const [m, d] = s.opens.split('-').map(Number) as [number, number];
      opens.set(s.id, daysFromCivil(lastYear, m, d));
    }
  return {
    rand: seeded(seed),
    plans: plansList,
    customers: 0,
    orderSeq: 0,
    recent: new Int32Array(Math.max(1, recentSize)),
    recentN: 0,
    recentAt: 0,
    member: new Uint8Array(capacity),
    points: new Float64Array(capacity),
    members: [],
    opens,
  };
}

function grow(chain: Chain, n: number): void {
  if (n < chain.member.length) return;
  const size = Math.max(n + 1, chain.member.length * 2);
  const member = new Uint8Array(size);
  member.set(chain.member);
  const points = new Float64Array(size);
  points.set(chain.points);
  chain.member = member;
  chain.points = points;
}

const customerId = (n: number) => `KH${String(n).padStart(6, '0')}`;

/**
 * The customer of a new order: a new one, a recent buyer (picked from the last weeks'
 * orders, so frequent buyers come back most) or any earlier customer (most of them lapsed;
 * campaigns bring more of them back). Returns the customer number, negative when new.
 */
function customerFor(chain: Chain, campaign: boolean): number {
  const { rand } = chain;
  const c = campaign ? 1 : 0;
  let n: number;
  if (chain.customers === 0 || rand() < NEW_SHARE[c]!) n = -++chain.customers;
  else if (chain.recentN === 0 || rand() < LAPSED_SHARE[c]!) n = 1 + Math.floor(rand() * chain.customers);
  else n = chain.recent[Math.floor(rand() * chain.recentN)]!;
  const k = Math.abs(n);
  chain.recent[chain.recentAt] = k;
  chain.recentAt = (chain.recentAt + 1) % chain.recent.length;
  if (chain.recentN < chain.recent.length) chain.recentN++;
  grow(chain, k);
  return n;
}

/** The home store of customer `n` on `day` (a store not yet open sends its customers to its fallback). */
function homeStore(chain: Chain, n: number, region: number, day: number): string {
  const stores = STORES_BY_REGION[region]!;
  let u = trait(n, 2);
  let store = stores[stores.length - 1]!;
  for (const s of stores) {
    if (u < s.weight) {
      store = s;
      break;
    }
    u -= s.weight;
  }
  const opens = chain.opens.get(store.id);
  return opens !== undefined && day < opens ? store.fallback! : store.id;
}

/** List price of a basket in VND: log-normal around 320k, rounded to 1 000 đ. */
function basket(rand: () => number, factor: number): number {
  const v = Math.exp(Math.log(320_000) + 0.62 * normal(rand)) * factor;
  return Math.max(15_000, Math.min(30_000_000, Math.round(v / 1000) * 1000));
}

function makeOrder(chain: Chain, day: number, second: number, active: Plan[], loyalty: DemoLoyalty[]): DemoOrder {
  const { rand } = chain;
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
  const signed = customerFor(chain, plan !== null);
  const n = Math.abs(signed);
  const id = customerId(n);
  // Joining the loyalty programme: most members at their first order, some during a points campaign.
  const join = trait(n, 3);
  const time = localTime(day, second);
  if (chain.member[n] === 0 && ((signed < 0 && join < 0.4) || (join < 0.55 && plan?.campaign.type === 'points'))) {
    chain.member[n] = 1;
    chain.members.push(n);
    chain.points[n] = WELCOME_POINTS;
    const where = channel === 'marketplace' ? 'app' : channel;
    loyalty.push({ customerId: id, time, earned: WELCOME_POINTS, redeemed: 0, channel: where });
  }
  const member = chain.member[n] === 1;
  const categoryIndex =
    plan?.categories && rand() < 0.6
      ? DEMO_CATEGORIES.indexOf(plan.categories[Math.floor(rand() * plan.categories.length)] as 'FMCG')
      : DEMO_CATEGORIES.indexOf(pick(DEMO_CATEGORIES, CATEGORY_WEIGHTS, rand()));
  const list = basket(rand, CATEGORY_BASKET[categoryIndex]! * (member ? 1.12 : 1));
  const discount = plan ? Math.round((list * plan.discount * (0.6 + 0.8 * rand())) / 1000) * 1000 : 0;
  const revenue = Math.max(0, list - discount);
  // Cost of goods: 48-60 % of the list price (the discount comes out of the margin).
  const cogs = Math.round((list * (0.48 + 0.12 * rand())) / 1000) * 1000;
  chain.orderSeq++;
  if (member && channel !== 'marketplace') {
    const earned = Math.floor(revenue / 10_000) * (plan?.points ?? 1);
    const balance = chain.points[n]!;
    const redeemed = balance >= 300 && rand() < 0.15 ? Math.floor((balance * (0.3 + 0.7 * rand())) / 100) * 100 : 0;
    chain.points[n] = balance + earned - redeemed;
    if (earned > 0 || redeemed > 0) loyalty.push({ customerId: id, time, earned, redeemed, channel });
  }
  const region = pick([0, 1, 2, 3, 4], REGION_WEIGHTS, trait(n, 1));
  const attributes: DemoAttributes = { region: DEMO_REGIONS[region]!, category: DEMO_CATEGORIES[categoryIndex]! };
  // In-store orders, and app orders collected in store, name the customer's store.
  if (channel === 'store' || (channel === 'app' && rand() < 0.4)) attributes.store = homeStore(chain, n, region, day);
  return {
    id: `DH${String(chain.orderSeq).padStart(7, '0')}`,
    customerId: id,
    time,
    revenue,
    discount,
    cogs,
    campaignId: plan ? plan.campaign.id : null,
    channel,
    attributes,
  };
}

/** App and Zalo check-ins of members on a day: a few points each. */
function checkIns(chain: Chain, day: number, loyalty: DemoLoyalty[]): void {
  const { rand, members } = chain;
  const count = Math.round(members.length * 0.0015 * (0.7 + 0.6 * rand()));
  for (let i = 0; i < count; i++) {
    const n = members[Math.floor(rand() * members.length)]!;
    const earned = 5 + Math.floor(rand() * 16);
    chain.points[n] = chain.points[n]! + earned;
    const channel = rand() < 0.7 ? 'app' : 'social';
    loyalty.push({ customerId: customerId(n), time: localTime(day, secondOfDay(rand)), earned, redeemed: 0, channel });
  }
}

function activePlans(chain: Chain, day: number): Plan[] {
  return chain.plans.filter((p) => day >= p.start && day <= p.end);
}

/** The years generated and their share of the orders (the business grows by GROWTH a year). */
function yearsOf(options: DemoOptions): { year: number; share: number }[] {
  const last = options.year ?? 2025;
  const count = Math.max(1, Math.floor(options.years ?? 2));
  const weights = Array.from({ length: count }, (_, i) => GROWTH ** i);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, i) => ({ year: last - count + 1 + i, share: w / sum }));
}

function allPlans(options: DemoOptions): Plan[] {
  const total = options.orders ?? 200_000;
  const last = options.year ?? 2025;
  return yearsOf(options).flatMap(({ year, share }) => plans(year, (total * share) / 200_000, year === last));
}

/**
 * Generates the demo chain's years (`years`, default 2, ending with `year`). Deterministic
 * for a given `seed`; about 200k orders (or `orders`) over the span, plus costs, exposures
 * and loyalty events.
 */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? 2025;
  const total = options.orders ?? 200_000;
  const last = options.year ?? 2025;
  // 365 days x the average multiplier of seasons, weekdays and campaigns (about 1.26) ~ orders.
  const years = yearsOf(options);
  const daily = (total * years[0]!.share) / 365 / 1.26;
  const chain = newChain(seed, allPlans(options), last, Math.round(daily * RECENT_DAYS), Math.ceil(total * 0.3) + 16);
  const { rand } = chain;
  const orders: DemoOrder[] = [];
  const loyalty: DemoLoyalty[] = [];
  const costs: DemoCost[] = [];
  const exposures: DemoExposure[] = [];

  for (const { year, share } of years) {
    const base = (total * share) / 365 / 1.26;
    for (let day = daysFromCivil(year, 1, 1), end = daysFromCivil(year, 12, 31); day <= end; day++) {
      const active = activePlans(chain, day);
      let v = base * season(day, year) * WEEKDAY[isoWeekday(day)]!;
      for (const p of active) v *= 1 + p.lift;
      const n = Math.max(0, Math.round(v * (0.9 + 0.2 * rand())));
      const seconds = new Int32Array(n);
      for (let i = 0; i < n; i++) seconds[i] = secondOfDay(rand);
      seconds.sort();
      for (let i = 0; i < n; i++) orders.push(makeOrder(chain, day, seconds[i]!, active, loyalty));
      checkIns(chain, day, loyalty);
      spendOf(chain, day, active, costs, exposures);
    }
  }
  return { campaigns: chain.plans.map((p) => p.campaign), orders, costs, exposures, loyalty };
}

/** The costs and ad exposures of the campaigns running on a day. */
function spendOf(chain: Chain, day: number, active: Plan[], costs: DemoCost[], exposures: DemoExposure[]): void {
  const { rand } = chain;
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

/** A source of new orders that continues a generated span, for the live demo. */
export interface OrderStream {
  /** The next `count` orders (with their loyalty events). */
  next(count: number): { orders: DemoOrder[]; loyalty: DemoLoyalty[] };
}

/**
 * More orders for the last day of the generated span (same customers, members and points,
 * same seed family), so a live feed can append to the demo data and the numbers of the
 * default period move. Times advance by 5 to 40 seconds per order from `startTime`
 * (default: 31 December of the last year, 12:00 Vietnam time); ids continue after the
 * generated ones.
 */
export function createOrderStream(data: DemoData, options: DemoOptions & { startTime?: number } = {}): OrderStream {
  const year = options.year ?? 2025;
  const numberOf = (id: string) => Number(id.slice(2));
  let customers = 0;
  for (const o of data.orders) customers = Math.max(customers, numberOf(o.customerId));
  const days = yearsOf(options).length * 365;
  const recent = data.orders.slice(-Math.max(1, Math.round((data.orders.length / days) * RECENT_DAYS)));
  const chain = newChain((options.seed ?? 2025) ^ 0x5eed, allPlans(options), year, recent.length, customers + 1);
  chain.customers = customers;
  chain.orderSeq = data.orders.length;
  for (const o of recent) chain.recent[chain.recentN++] = numberOf(o.customerId);
  for (const l of data.loyalty) {
    const n = numberOf(l.customerId);
    if (chain.member[n] === 0) {
      chain.member[n] = 1;
      chain.members.push(n);
    }
    chain.points[n] = chain.points[n]! + l.earned - l.redeemed;
  }
  let t = options.startTime ?? daysFromCivil(year, 12, 31) * MS_PER_DAY - OFFSET_MS + 12 * 3_600_000;
  return {
    next(count) {
      const orders: DemoOrder[] = [];
      const loyalty: DemoLoyalty[] = [];
      for (let i = 0; i < count; i++) {
        t += Math.round(5_000 + chain.rand() * 35_000);
        const local = t + OFFSET_MS;
        const day = Math.floor(local / MS_PER_DAY);
        const second = Math.floor((local - day * MS_PER_DAY) / 1000);
        orders.push(makeOrder(chain, day, second, activePlans(chain, day), loyalty));
      }
      return { orders, loyalty };
    },
  };
}
