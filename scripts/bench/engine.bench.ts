/**
 * Engine benchmark: `computeReport` on a ready dataset of 100k, 1M and 5M seeded orders
 * (50 campaigns, about N/5 customers, a year of dates, costs, exposures, loyalty), the
 * median of several runs, against a straightforward array-of-objects implementation of the
 * same aggregation run in the same process; and the incremental update after a 10k and a
 * 1k batch, whose report is checked against a full recompute.
 *
 * The baseline produces the same `Aggregates` and goes through the same `finishReport`, so
 * at 100k the two reports are compared for equality (amounts are whole numbers, so sums
 * are exact whatever the order of addition).
 */
import type { CampaignRecord, Dataset, Dictionary } from '../../src/data/columns.js';
import {
  AGGREGATES_VERSION,
  type Aggregates,
  type ResolvedOptions,
  type ScopeMeasures,
} from '../../src/engine/aggregates-contract.js';
import {
  aggregateMode,
  clearEngineCache,
  LARGE_BATCH,
  LARGE_BATCH_MIN,
} from '../../src/engine/aggregation/internal.js';
import { datasetReport, resolveForDataset } from '../../src/engine/compute.js';
import { finishReport } from '../../src/engine/finish.js';
import { emptyMeasures, type Measures } from '../../src/engine/kpis.js';
import { formatDay, formatMonth, monthIndex, parseLocalDate, weekStart, zoneFor } from '../../src/core/time.js';
import { RECENCY_SEGMENTS } from '../../src/core/vocabulary.js';
import type { ReportOptions } from '../../src/engine/report-types.js';
import { fmtMs, gc, isBrowser, median, report, seeded } from './util.js';

const TZ = 'Asia/Ho_Chi_Minh';
const CAMPAIGNS = 50;
const CHANNELS = ['store', 'web', 'app', 'marketplace', 'social'];
const DAY0 = parseLocalDate('2025-01-01')!;

class ArrayDict implements Dictionary {
  constructor(readonly values: string[]) {}
  get size(): number {
    return this.values.length;
  }
  value(code: number): string {
    return this.values[code]!;
  }
  code(value: string): number {
    return this.values.indexOf(value);
  }
}

interface OrderObj {
  id: string;
  customerId: string;
  time: number;
  day: number;
  revenue: number;
  discount: number;
  cogs: number | null;
  campaignId: string | null;
  channel: string | null;
}
interface Plain {
  campaigns: CampaignRecord[];
  orders: OrderObj[];
  costs: { campaignId: string; day: number; amount: number }[];
  exposures: {
    campaignId: string;
    day: number;
    impressions: number;
    reach: number;
    clicks: number;
    engagements: number;
    channel: string | null;
  }[];
  loyalty: { customerId: string; day: number; earned: number; redeemed: number; channel: string | null }[];
}

/** Growable columns, so the incremental benchmark can append. */
function growF64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/**
 * Seeded columns for `n` orders, and a function that makes the plain objects the
 * baseline reads (called after the engine is timed: their heap would slow the
 * collections during the engine's runs).
 */
function generate(
  n: number,
  seed: number,
): { ds: Dataset & { appendOrders(k: number): void }; makePlain: () => Plain } {
  const rand = seeded(seed);
  const zone = zoneFor(TZ);
  const nCust = Math.max(1, Math.floor(n / 5));
  const campaigns: CampaignRecord[] = [];
  for (let c = 0; c < CAMPAIGNS; c++) {
    const start = DAY0 + Math.floor(rand() * 330);
    const end = Math.min(DAY0 + 364, start + 14 + Math.floor(rand() * 60));
    campaigns.push({
      id: `C${c}`,
      name: `Campaign ${c}`,
      start,
      end,
      budget: c % 5 === 4 ? null : 1_000_000 + Math.floor(rand() * 9_000_000),
      type: 'discount',
      targets: {},
    });
  }
  const startMs = zone.startOfDay(DAY0);
  const yearMs = 365 * 86_400_000;
  let cap = Math.ceil(n * 1.02) + 20_000;
  let customer: Int32Array = new Int32Array(cap);
  let time: Float64Array = new Float64Array(cap);
  let day: Uint16Array = new Uint16Array(cap);
  let revenue: Float64Array = new Float64Array(cap);
  let discount: Float64Array = new Float64Array(cap);
  let cogs: Float64Array = new Float64Array(cap);
  let campaign: Int16Array = new Int16Array(cap);
  let channel: Int16Array = new Int16Array(cap);
  const firstOrder = new Int32Array(nCust).fill(-1);
  let len = 0;
  const customers = new ArrayDict(Array.from({ length: nCust }, (_, i) => `u${i}`));
  const addOrder = (): void => {
    if (len === cap) {
      cap *= 2;
      const gi = (a: Int32Array): Int32Array => {
        const b = new Int32Array(cap);
        b.set(a);
        return b;
      };
      const g16 = (a: Int16Array): Int16Array => {
        const b = new Int16Array(cap);
        b.set(a);
        return b;
      };
      customer = gi(customer);
      day = (() => {
        const b = new Uint16Array(cap);
        b.set(day);
        return b;
      })();
      campaign = g16(campaign);
      channel = g16(channel);
      time = growF64(time, cap);
      revenue = growF64(revenue, cap);
      discount = growF64(discount, cap);
      cogs = growF64(cogs, cap);
    }
    const i = len++;
    const c = Math.floor(rand() * nCust);
    const t = startMs + Math.floor((rand() * yearMs) / 60_000) * 60_000;
    const d = zone.day(t);
    customer[i] = c;
    time[i] = t;
    day[i] = d;
    const rev = 50_000 + Math.floor(rand() * 950) * 1000;
    revenue[i] = rev;
    // About 70 % attributed, to a campaign running that day when there is one.
    let cam = -1;
    if (rand() < 0.7) {
      const k = Math.floor(rand() * CAMPAIGNS);
      for (let j = 0; j < CAMPAIGNS; j++) {
        const cc = (k + j) % CAMPAIGNS;
        if (campaigns[cc]!.start <= d && d <= campaigns[cc]!.end) {
          cam = cc;
          break;
        }
      }
    }
    campaign[i] = cam;
    discount[i] = cam >= 0 ? Math.floor((rev * 0.1) / 1000) * 1000 : 0;
    cogs[i] = rand() < 0.02 ? NaN : Math.floor((rev * 0.6) / 1000) * 1000;
    channel[i] = rand() < 0.05 ? -1 : Math.floor(rand() * CHANNELS.length);
    const f = firstOrder[c]!;
    // Ties in time are broken by row (the ids below are zero-padded row numbers).
    if (f < 0 || t < time[f]!) firstOrder[c] = i;
  };
  for (let i = 0; i < n; i++) addOrder();

  // Costs and exposures: one row per campaign day; loyalty: N/10 events.
  const costRows: [number, number, number][] = [];
  const expRows: [number, number, number, number, number, number, number][] = [];
  campaigns.forEach((cp, c) => {
    for (let d = cp.start; d <= cp.end; d++) {
      costRows.push([c, d, 10_000 + Math.floor(rand() * 90) * 1000]);
      const imp = 1000 + Math.floor(rand() * 9000);
      const reach = Math.floor(imp * 0.4);
      expRows.push([
        c,
        d,
        imp,
        reach,
        Math.floor(imp * 0.03),
        Math.floor(reach * 0.1),
        Math.floor(rand() * CHANNELS.length),
      ]);
    }
  });
  const nLoy = Math.floor(n / 10);
  const ly = {
    customer: new Int32Array(nLoy),
    time: new Float64Array(nLoy),
    day: new Uint16Array(nLoy),
    earned: new Float64Array(nLoy),
    redeemed: new Float64Array(nLoy),
    channel: new Int16Array(nLoy),
  };
  for (let i = 0; i < nLoy; i++) {
    const t = startMs + Math.floor((rand() * yearMs) / 60_000) * 60_000;
    ly.customer[i] = Math.floor(rand() * nCust);
    ly.time[i] = t;
    ly.day[i] = zone.day(t);
    ly.earned[i] = Math.floor(rand() * 100);
    ly.redeemed[i] = Math.floor(rand() * 50);
    ly.channel[i] = Math.floor(rand() * CHANNELS.length);
  }

  const ds = {
    timeZone: TZ,
    version: 1,
    campaigns,
    campaignIndex: new Map(campaigns.map((c, i) => [c.id, i])),
    customers,
    channels: new ArrayDict(CHANNELS),
    costCategories: new ArrayDict([]),
    get orders() {
      return { length: len, customer, time, day, revenue, discount, cogs, campaign, channel };
    },
    costs: {
      length: costRows.length,
      campaign: Int16Array.from(costRows, (r) => r[0]),
      day: Int32Array.from(costRows, (r) => r[1]),
      amount: Float64Array.from(costRows, (r) => r[2]),
      category: new Int16Array(costRows.length).fill(-1),
    },
    exposures: {
      length: expRows.length,
      campaign: Int16Array.from(expRows, (r) => r[0]),
      day: Int32Array.from(expRows, (r) => r[1]),
      impressions: Float64Array.from(expRows, (r) => r[2]),
      reach: Float64Array.from(expRows, (r) => r[3]),
      clicks: Float64Array.from(expRows, (r) => r[4]),
      engagements: Float64Array.from(expRows, (r) => r[5]),
      channel: Int16Array.from(expRows, (r) => r[6]),
    },
    loyalty: { length: nLoy, ...ly },
    firstOrder,
    issues: [],
    appendOrders(k: number) {
      for (let i = 0; i < k; i++) addOrder();
      this.version++;
    },
  };

  // The first `n` rows (the dataset before any append).
  const makePlain = (): Plain => {
    const orders: OrderObj[] = new Array(n);
    for (let i = 0; i < n; i++)
      orders[i] = {
        id: String(i).padStart(9, '0'),
        customerId: customers.value(customer[i]!),
        time: time[i]!,
        day: day[i]!,
        revenue: revenue[i]!,
        discount: discount[i]!,
        cogs: Number.isNaN(cogs[i]!) ? null : cogs[i]!,
        campaignId: campaign[i]! >= 0 ? campaigns[campaign[i]!]!.id : null,
        channel: channel[i]! >= 0 ? CHANNELS[channel[i]!]! : null,
      };
    return {
      campaigns,
      orders,
      costs: costRows.map(([c, d, a]) => ({ campaignId: campaigns[c]!.id, day: d, amount: a })),
      exposures: expRows.map(([c, d, i, r, k, e, ch]) => ({
        campaignId: campaigns[c]!.id,
        day: d,
        impressions: i,
        reach: r,
        clicks: k,
        engagements: e,
        channel: CHANNELS[ch]!,
      })),
      loyalty: Array.from({ length: nLoy }, (_, i) => ({
        customerId: customers.value(ly.customer[i]!),
        day: ly.day[i]!,
        earned: ly.earned[i]!,
        redeemed: ly.redeemed[i]!,
        channel: CHANNELS[ly.channel[i]!]!,
      })),
    };
  };
  return { ds: ds as unknown as Dataset & { appendOrders(k: number): void }, makePlain };
}

// ---------------------------------------------------------------------------------------
// Baseline: the same aggregates, written the obvious way over arrays of objects.

function baselineAggregates(data: Plain, o: ResolvedOptions): Aggregates {
  const selected = data.campaigns.filter((c) => o.campaignIds === null || o.campaignIds.includes(c.id));
  const selIds = new Set(selected.map((c) => c.id));
  const chOk = (ch: string | null): boolean => o.channels === null || (ch !== null && o.channels.includes(ch));
  const periodOf = (d: number): number =>
    d >= o.fromDay && d <= o.toDay ? 0 : d >= o.previousFromDay && d <= o.previousToDay ? 1 : -1;
  const inA = (x: OrderObj): boolean =>
    x.campaignId !== null && selIds.has(x.campaignId) && chOk(x.channel) && periodOf(x.day) >= 0;

  const firstOf = new Map<string, OrderObj>();
  const byCustomer = new Map<string, OrderObj[]>();
  for (const x of data.orders) {
    const f = firstOf.get(x.customerId);
    if (!f || x.time < f.time || (x.time === f.time && x.id < f.id)) firstOf.set(x.customerId, x);
    const l = byCustomer.get(x.customerId);
    if (l) l.push(x);
    else byCustomer.set(x.customerId, [x]);
  }

  const scopes = ['*', ...selected.map((c) => c.id)];
  const meas = new Map<string, Measures[]>(
    scopes.map((s) => [s, [emptyMeasures(o.days, o.lifetimeDays), emptyMeasures(o.days, o.lifetimeDays)]]),
  );
  const ordersOf = new Map<string, Map<string, OrderObj[]>>(); // scope|p -> customer -> orders
  const allRev = [0, 0];
  const allOrd = [0, 0];
  // Members: customers with a loyalty event on or before the end of the period.
  const firstLoyalty = new Map<string, number>();
  for (const l of data.loyalty) if (!(firstLoyalty.get(l.customerId)! <= l.day)) firstLoyalty.set(l.customerId, l.day);
  const ends = [o.toDay, o.previousToDay];
  const isMember = (cust: string, p: number): boolean => (firstLoyalty.get(cust) ?? Infinity) <= ends[p]!;
  const members = ends.map((end) => [...firstLoyalty.values()].filter((d) => d <= end).length);
  const memRev = [0, 0];
  const memOrd = [0, 0];
  for (const x of data.orders) {
    const p = periodOf(x.day);
    if (p < 0 || !chOk(x.channel)) continue;
    allRev[p]! += x.revenue;
    allOrd[p]! += 1;
    if (isMember(x.customerId, p)) {
      memRev[p]! += x.revenue;
      memOrd[p]! += 1;
    }
    if (!inA(x)) continue;
    for (const s of ['*', x.campaignId!]) {
      const m = meas.get(s)![p]!;
      m.revenue += x.revenue;
      m.orders += 1;
      m.discountCost += x.discount;
      if (x.cogs === null) m.missingCogs += 1;
      else m.cogs += x.cogs;
      const key = `${s}|${p}`;
      let g = ordersOf.get(key);
      if (!g) ordersOf.set(key, (g = new Map()));
      const l = g.get(x.customerId);
      if (l) l.push(x);
      else g.set(x.customerId, [x]);
    }
  }
  const windowMs = o.returnWindowDays * 86_400_000;
  for (const s of scopes)
    for (const p of [0, 1]) {
      const m = meas.get(s)![p]!;
      m.allRevenue = allRev[p]!;
      m.allOrders = allOrd[p]!;
      m.memberRevenue = memRev[p]!;
      m.memberOrders = memOrd[p]!;
      m.members = members[p]!;
      for (const [cust, list] of ordersOf.get(`${s}|${p}`) ?? []) {
        m.buyers += 1;
        if (list.length >= 2) m.repeatBuyers += 1;
        const t = Math.min(...list.map((x) => x.time));
        if (byCustomer.get(cust)!.some((x) => x.time > t && x.time <= t + windowMs)) m.retainedBuyers += 1;
        const f = firstOf.get(cust)!;
        if (list.includes(f)) m.newCustomers += 1;
      }
    }
  for (const c of data.costs) {
    const p = periodOf(c.day);
    if (p < 0 || !selIds.has(c.campaignId)) continue;
    meas.get('*')![p]!.spend += c.amount;
    meas.get(c.campaignId)![p]!.spend += c.amount;
  }
  for (const e of data.exposures) {
    const p = periodOf(e.day);
    if (p < 0 || !selIds.has(e.campaignId) || !chOk(e.channel)) continue;
    for (const s of ['*', e.campaignId]) {
      const m = meas.get(s)![p]!;
      m.impressions += e.impressions;
      m.reach += e.reach;
      m.clicks += e.clicks;
      m.engagements += e.engagements;
      m.exposureRecords += 1;
    }
  }
  const active = [new Set<string>(), new Set<string>()];
  const outstanding = [0, 0];
  const loyaltyByChannel: Aggregates['loyaltyByChannel'] = {};
  for (const l of data.loyalty) {
    for (const p of [0, 1]) if (l.day <= ends[p]!) outstanding[p]! += l.earned - l.redeemed;
    const p = periodOf(l.day);
    if (p < 0 || !chOk(l.channel)) continue;
    active[p]!.add(l.customerId);
    for (const s of scopes) {
      meas.get(s)![p]!.pointsEarned += l.earned;
      meas.get(s)![p]!.pointsRedeemed += l.redeemed;
    }
    if (p === 0 && l.channel !== null) {
      const c = (loyaltyByChannel[l.channel] ??= { earned: 0, redeemed: 0 });
      c.earned += l.earned;
      c.redeemed += l.redeemed;
    }
  }
  for (const s of scopes)
    for (const p of [0, 1]) {
      meas.get(s)![p]!.activeMembers = active[p]!.size;
      meas.get(s)![p]!.pointsOutstanding = outstanding[p]!;
    }
  const scope = (s: string): ScopeMeasures => ({ current: meas.get(s)![0]!, previous: meas.get(s)![1]! });

  const byChannel: Aggregates['byChannel'] = {};
  const chBuyers = new Map<string, Set<string>>();
  const daily: Aggregates['daily'] = [];
  const dayBuyers: Set<string>[] = [];
  for (let d = 0; d < o.days; d++) {
    daily.push({
      date: formatDay(o.fromDay + d),
      revenue: 0,
      orders: 0,
      buyers: 0,
      discountCost: 0,
      spend: 0,
      allRevenue: 0,
      cogs: 0,
      missingCogs: 0,
      impressions: 0,
      reach: 0,
      clicks: 0,
      engagements: 0,
      exposureRecords: 0,
      newCustomers: 0,
      pointsEarned: 0,
      pointsRedeemed: 0,
      byCampaign: Object.fromEntries(selected.map((c) => [c.id, { revenue: 0, orders: 0 }])),
    });
    dayBuyers.push(new Set());
  }
  for (const x of data.orders) {
    if (periodOf(x.day) !== 0 || !chOk(x.channel)) continue;
    const pt = daily[x.day - o.fromDay]!;
    pt.allRevenue += x.revenue;
    if (!inA(x)) continue;
    pt.revenue += x.revenue;
    pt.orders += 1;
    pt.discountCost += x.discount;
    if (x.cogs === null) pt.missingCogs += 1;
    else pt.cogs += x.cogs;
    if (firstOf.get(x.customerId) === x) pt.newCustomers += 1;
    pt.byCampaign[x.campaignId!]!.revenue += x.revenue;
    pt.byCampaign[x.campaignId!]!.orders += 1;
    dayBuyers[x.day - o.fromDay]!.add(x.customerId);
    if (x.channel !== null) {
      const c = (byChannel[x.channel] ??= { revenue: 0, orders: 0, buyers: 0 });
      c.revenue += x.revenue;
      c.orders += 1;
      let b = chBuyers.get(x.channel);
      if (!b) chBuyers.set(x.channel, (b = new Set()));
      b.add(x.customerId);
    }
  }
  for (const [ch, b] of chBuyers) byChannel[ch]!.buyers = b.size;
  daily.forEach((pt, d) => (pt.buyers = dayBuyers[d]!.size));
  for (const c of data.costs)
    if (selIds.has(c.campaignId) && periodOf(c.day) === 0) daily[c.day - o.fromDay]!.spend += c.amount;
  for (const e of data.exposures) {
    if (periodOf(e.day) !== 0 || !selIds.has(e.campaignId) || !chOk(e.channel)) continue;
    const pt = daily[e.day - o.fromDay]!;
    pt.impressions += e.impressions;
    pt.reach += e.reach;
    pt.clicks += e.clicks;
    pt.engagements += e.engagements;
    pt.exposureRecords += 1;
  }
  for (const l of data.loyalty) {
    if (periodOf(l.day) !== 0 || !chOk(l.channel)) continue;
    daily[l.day - o.fromDay]!.pointsEarned += l.earned;
    daily[l.day - o.fromDay]!.pointsRedeemed += l.redeemed;
  }

  const bucket = (d: number): number => (o.cohortGrain === 'month' ? monthIndex(d) : (weekStart(d) - 4) / 7);
  const label = (b: number): string => (o.cohortGrain === 'month' ? formatMonth(b) : formatDay(b * 7 + 4));
  const bFrom = bucket(o.fromDay);
  const bTo = bucket(o.toDay);
  const rows = [];
  for (let b = bFrom; b <= bTo; b++)
    rows.push({
      cohort: label(b),
      size: 0,
      active: new Array(bTo - b + 1).fill(0),
      revenue: new Array(bTo - b + 1).fill(0),
    });
  const recency = RECENCY_SEGMENTS.map((segment) => ({ segment, customers: 0, revenue: 0 }));
  const reactivation = RECENCY_SEGMENTS.map((segment) => ({
    segment,
    customers: 0,
    returned: 0,
    orders: 0,
    revenue: 0,
  }));
  const segmentOf = (gap: number): number => (gap <= 7 ? 0 : gap <= 14 ? 1 : gap <= 28 ? 2 : 3);
  for (const [cust, list] of byCustomer) {
    const f = firstOf.get(cust)!;
    const fb = bucket(f.day);
    if (fb >= bFrom && fb <= bTo && (o.campaignIds === null || (f.campaignId !== null && selIds.has(f.campaignId)))) {
      const row = rows[fb - bFrom]!;
      row.size += 1;
      const seen = new Set<number>();
      for (const x of list) {
        const b = bucket(x.day);
        if (b < fb || b > bTo) continue;
        if (!seen.has(b)) row.active[b - fb] += 1;
        seen.add(b);
        row.revenue[b - fb] += x.revenue;
      }
    }
    const before = list.filter((x) => x.day <= o.asOfDay);
    if (before.length > 0) {
      const gap = o.asOfDay - Math.max(...before.map((x) => x.day));
      const seg = recency[segmentOf(gap)]!;
      seg.customers += 1;
      seg.revenue += list.filter((x) => periodOf(x.day) === 0).reduce((a, x) => a + x.revenue, 0);
    }
    const beforeFrom = list.filter((x) => x.day < o.fromDay);
    if (beforeFrom.length > 0) {
      const seg = reactivation[segmentOf(o.fromDay - 1 - Math.max(...beforeFrom.map((x) => x.day)))]!;
      seg.customers += 1;
      const inP = list.filter((x) => inA(x) && periodOf(x.day) === 0);
      if (inP.length > 0) seg.returned += 1;
      seg.orders += inP.length;
      seg.revenue += inP.reduce((a, x) => a + x.revenue, 0);
    }
  }

  const pacing: Aggregates['pacing'] = {};
  for (const c of selected) {
    if (c.budget === null) continue;
    const last = Math.min(o.asOfDay, c.end);
    const within = (d: number): boolean => d >= c.start && d <= last;
    let spent = 0;
    let rev = 0;
    for (const x of data.orders)
      if (x.campaignId === c.id && within(x.day)) {
        spent += x.discount;
        rev += x.revenue;
      }
    for (const k of data.costs) if (k.campaignId === c.id && within(k.day)) spent += k.amount;
    pacing[c.id] = { budget: c.budget, start: formatDay(c.start), end: formatDay(c.end), spent, revenue: rev };
  }

  return {
    version: AGGREGATES_VERSION,
    total: scope('*'),
    byCampaign: Object.fromEntries(selected.map((c) => [c.id, scope(c.id)])),
    byChannel,
    daily,
    cohorts: { grain: o.cohortGrain, rows },
    recency,
    reactivation,
    loyaltyByChannel: Object.fromEntries(
      CHANNELS.filter((c) => loyaltyByChannel[c]).map((c) => [c, loyaltyByChannel[c]!]),
    ),
    pacing,
    issues: [],
  };
}

// ---------------------------------------------------------------------------------------

/**
 * The baseline's time over the same data and, at 100k, the check that its reports equal
 * the engine's. In a function of its own, so that its objects are garbage when it returns
 * (locals of the module's top level would be kept by its suspended frame).
 */
async function baselineFigures(ds: Dataset, makePlain: () => Plain, n: number, engineMs: number): Promise<string> {
  const plain = makePlain();
  const o = resolveForDataset(ds, base);
  const baselineMs = await median(() => baselineAggregates(plain, o), n > 100_000 ? 3 : runs, 0);
  let extra = `; baseline (array of objects) ${fmtMs(baselineMs)}, engine is ${(baselineMs / engineMs).toFixed(1)}x faster`;
  if (n === 100_000) {
    for (const v of [base, variants[1]!, variants[2]!, variants[4]!]) {
      const ov = resolveForDataset(ds, v);
      const ra = finishReport(baselineAggregates(plain, ov), ov);
      // Channels in the dictionary's order, as the engine lists them.
      ra.byChannel = Object.fromEntries(CHANNELS.filter((c) => ra.byChannel[c]).map((c) => [c, ra.byChannel[c]!]));
      const a = JSON.stringify(ra);
      const b = JSON.stringify(datasetReport(ds, { ...v, cache: false }));
      if (a !== b) {
        const ja = JSON.parse(a);
        const jb = JSON.parse(b);
        for (const key of Object.keys(ja))
          if (JSON.stringify(ja[key]) !== JSON.stringify(jb[key]))
            console.log(
              key,
              JSON.stringify(ja[key]).slice(0, 600),
              '\n  engine:',
              JSON.stringify(jb[key]).slice(0, 600),
            );
        throw new Error(`engine and baseline reports differ for ${JSON.stringify(v)}`);
      }
    }
    extra += '; reports identical';
  }
  return extra;
}

/**
 * Appends `batch` orders and times the report of the base options, six times: the first
 * batch on its own (it also compiles the update's code), then the median of the other
 * five. The report after them must equal a full recompute.
 */
function appendBatches(
  ds: Dataset & { appendOrders(k: number): void },
  batch: number,
): { ms: number; firstMs: number; cpuMs: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let firstMs = 0;
  for (let r = 0; r < 6; r++) {
    ds.appendOrders(batch);
    gc();
    const c0 = cpuMs();
    const t0 = performance.now();
    datasetReport(ds, base);
    const t = performance.now() - t0;
    if (r === 0) firstMs = t;
    else {
      times.push(t);
      cpu.push(cpuMs() - c0);
    }
    const expected =
      batch > Math.max(LARGE_BATCH_MIN, (ds.orders.length - batch) * LARGE_BATCH) ? 'full' : 'incremental';
    if (aggregateMode(ds) !== expected) throw new Error(`expected ${expected}, got ${aggregateMode(ds)}`);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const updated = JSON.stringify(datasetReport(ds, base));
  if (aggregateMode(ds) !== 'cached') throw new Error(`expected the cached report, got ${aggregateMode(ds)}`);
  if (updated !== JSON.stringify(datasetReport(ds, { ...base, cache: false })))
    throw new Error(`the report after appending ${batch} orders differs from a full recompute`);
  return { ms: times[2]!, firstMs, cpuMs: cpu[2]! };
}

/** Process CPU time in ms (Node only; NaN in a browser): less sensitive than wall time to other work on a shared machine. */
function cpuMs(): number {
  const p = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process;
  if (!p) return NaN;
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
}

const runs = isBrowser ? 5 : 5;
const sizes = (
  globalThis as { process?: { env: Record<string, string | undefined> } }
).process?.env.ENGINE_BENCH_SIZES?.split(',').map(Number) ?? [100_000, 1_000_000, 5_000_000];
const targets: Record<number, number> = { 1_000_000: 50, 5_000_000: 500 };
const base: ReportOptions = { from: '2025-07-01', to: '2025-09-30', timeZone: TZ };
// Each run asks for a different report (cached aggregates are never reused), so every run is a full pass.
const variants: ReportOptions[] = [
  base,
  { ...base, channels: ['store', 'web'] },
  { ...base, cohortGrain: 'week' },
  { ...base, returnWindowDays: 14 },
  { ...base, asOf: '2025-09-15' },
  { ...base, lifetimeDays: 180 },
  { ...base, channels: ['app'] },
];

console.log(
  `engine: computeReport on a ready dataset (${runs} runs, median; ${isBrowser ? 'Chromium' : 'Node'}; shared 2-core machine, expect ±20 % noise)`,
);
// Node only; the specifier is a variable so the browser bundle does not try to include it.
const osModule = 'node:os';
const os = (globalThis as { process?: unknown }).process
  ? ((await import(osModule)) as { loadavg(): number[]; cpus(): unknown[] })
  : null;
if (os) console.log(`load average (1 min) at start: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
for (const n of sizes) {
  const withBaseline = n <= 1_000_000;
  const g = generate(n, 7);
  const ds = g.ds;
  const tIndex = performance.now();
  datasetReport(ds, { ...base, cache: false });
  const first = performance.now() - tIndex;
  let k = 0;
  const cpu: number[] = [];
  const engineMs = await median(() => {
    const c0 = cpuMs();
    datasetReport(ds, variants[k++ % variants.length]!);
    cpu.push(cpuMs() - c0);
  }, runs);
  let extra = `first call incl. customer index and order cube: ${fmtMs(first)}`;
  if (!isBrowser) extra += `; CPU time ${fmtMs(cpu.sort((a, b) => a - b)[Math.floor(cpu.length / 2)]!)}`;
  if (withBaseline) extra += await baselineFigures(ds, g.makePlain, n, engineMs);
  report(`computeReport ${n.toLocaleString('en-US')} orders`, engineMs, targets[n], extra);
  // The baseline's objects are garbage now: collect them before the next measurements.
  gc();

  // Incremental: batches appended to the dataset, then the report of the same options
  // (at 100k a 10k batch is over LARGE_BATCH of the orders: the engine then does a full pass).
  datasetReport(ds, base);
  for (const batch of [10_000, 1_000]) {
    const r = appendBatches(ds, batch);
    const mode = batch > Math.max(LARGE_BATCH_MIN, n * LARGE_BATCH) ? 'full pass (large batch)' : 'incremental update';
    report(
      `  + ${batch / 1000}k appended orders, ${mode}`,
      r.ms,
      undefined,
      `(median of 5 after a first batch of ${fmtMs(r.firstMs)}${isBrowser ? '' : `; CPU time ${fmtMs(r.cpuMs)}`}; equals a full recompute)`,
    );
  }
  clearEngineCache(ds);
  gc();
}
