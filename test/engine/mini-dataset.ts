/**
 * A tiny, unvalidated Dataset builder for engine tests: lets the engine be tested on its
 * own contract (src/data/columns.ts) independently of the data layer. Records must be valid.
 */
import type { CampaignRecord, Dataset, Dictionary } from '../../src/data/columns.js';
import { parseInstant, parseLocalDate, zoneFor } from '../../src/core/time.js';

class Dict implements Dictionary {
  values: string[] = [];
  map = new Map<string, number>();
  get size(): number {
    return this.values.length;
  }
  value(code: number): string {
    return this.values[code]!;
  }
  code(value: string): number {
    return this.map.get(value) ?? -1;
  }
  add(value: string): number {
    let c = this.map.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.map.set(value, c);
    }
    return c;
  }
}

export interface MiniInput {
  campaigns?: { id: string; name?: string; start: string; end: string; budget?: number }[];
  orders?: {
    id: string;
    customerId: string;
    time: string | number;
    revenue: number;
    discount?: number;
    cogs?: number;
    campaignId?: string | null;
    channel?: string;
  }[];
  costs?: { campaignId: string; date: string; amount: number; category?: string }[];
  exposures?: {
    campaignId: string;
    date: string;
    impressions?: number;
    reach?: number;
    clicks?: number;
    engagements?: number;
    channel?: string;
  }[];
  loyalty?: { customerId: string; time: string | number; earned?: number; redeemed?: number; channel?: string }[];
}

/** A mutable mini dataset: `append` adds rows (no capacity games: columns are rebuilt). */
export function miniDataset(input: MiniInput, timeZone = 'UTC'): Dataset & { append(more: MiniInput): void } {
  const zone = zoneFor(timeZone);
  const customers = new Dict();
  const channels = new Dict();
  const categories = new Dict();
  const campaigns: CampaignRecord[] = [];
  const campaignIndex = new Map<string, number>();
  const orderIds: string[] = [];
  const o = {
    customer: [] as number[],
    time: [] as number[],
    day: [] as number[],
    revenue: [] as number[],
    discount: [] as number[],
    cogs: [] as number[],
    campaign: [] as number[],
    channel: [] as number[],
  };
  const c = { campaign: [] as number[], day: [] as number[], amount: [] as number[], category: [] as number[] };
  const e = {
    campaign: [] as number[],
    day: [] as number[],
    impressions: [] as number[],
    reach: [] as number[],
    clicks: [] as number[],
    engagements: [] as number[],
    channel: [] as number[],
  };
  const l = {
    customer: [] as number[],
    time: [] as number[],
    day: [] as number[],
    earned: [] as number[],
    redeemed: [] as number[],
    channel: [] as number[],
  };
  const ds = {
    timeZone,
    version: 0,
    campaigns,
    campaignIndex,
    customers,
    channels,
    costCategories: categories,
    orders: null as unknown as Dataset['orders'],
    costs: null as unknown as Dataset['costs'],
    exposures: null as unknown as Dataset['exposures'],
    loyalty: null as unknown as Dataset['loyalty'],
    firstOrder: new Int32Array(0),
    issues: [],
    append(more: MiniInput) {
      for (const cp of more.campaigns ?? []) {
        campaignIndex.set(cp.id, campaigns.length);
        campaigns.push({
          id: cp.id,
          name: cp.name ?? cp.id,
          start: parseLocalDate(cp.start)!,
          end: parseLocalDate(cp.end)!,
          budget: cp.budget ?? null,
          type: null,
          targets: {},
        });
      }
      for (const r of more.orders ?? []) {
        orderIds.push(r.id);
        o.customer.push(customers.add(r.customerId));
        const t = parseInstant(r.time, zone)!;
        o.time.push(t);
        o.day.push(zone.day(t));
        o.revenue.push(r.revenue);
        o.discount.push(r.discount ?? 0);
        o.cogs.push(r.cogs ?? NaN);
        o.campaign.push(r.campaignId ? (campaignIndex.get(r.campaignId) ?? -1) : -1);
        o.channel.push(r.channel ? channels.add(r.channel) : -1);
      }
      for (const r of more.costs ?? []) {
        c.campaign.push(campaignIndex.get(r.campaignId) ?? -1);
        c.day.push(parseLocalDate(r.date)!);
        c.amount.push(r.amount);
        c.category.push(r.category ? categories.add(r.category) : -1);
      }
      for (const r of more.exposures ?? []) {
        e.campaign.push(campaignIndex.get(r.campaignId) ?? -1);
        e.day.push(parseLocalDate(r.date)!);
        e.impressions.push(r.impressions ?? 0);
        e.reach.push(r.reach ?? 0);
        e.clicks.push(r.clicks ?? 0);
        e.engagements.push(r.engagements ?? 0);
        e.channel.push(r.channel ? channels.add(r.channel) : -1);
      }
      for (const r of more.loyalty ?? []) {
        l.customer.push(customers.add(r.customerId));
        const t = parseInstant(r.time, zone)!;
        l.time.push(t);
        l.day.push(zone.day(t));
        l.earned.push(r.earned ?? 0);
        l.redeemed.push(r.redeemed ?? 0);
        l.channel.push(r.channel ? channels.add(r.channel) : -1);
      }
      ds.orders = {
        length: o.customer.length,
        customer: Int32Array.from(o.customer),
        time: Float64Array.from(o.time),
        day: Uint16Array.from(o.day),
        revenue: Float64Array.from(o.revenue),
        discount: Float64Array.from(o.discount),
        cogs: Float64Array.from(o.cogs),
        campaign: Int16Array.from(o.campaign),
        channel: Int16Array.from(o.channel),
      };
      ds.costs = {
        length: c.campaign.length,
        campaign: Int16Array.from(c.campaign),
        day: Int32Array.from(c.day),
        amount: Float64Array.from(c.amount),
        category: Int16Array.from(c.category),
      };
      ds.exposures = {
        length: e.campaign.length,
        campaign: Int16Array.from(e.campaign),
        day: Int32Array.from(e.day),
        impressions: Float64Array.from(e.impressions),
        reach: Float64Array.from(e.reach),
        clicks: Float64Array.from(e.clicks),
        engagements: Float64Array.from(e.engagements),
        channel: Int16Array.from(e.channel),
      };
      ds.loyalty = {
        length: l.customer.length,
        customer: Int32Array.from(l.customer),
        time: Float64Array.from(l.time),
        day: Uint16Array.from(l.day),
        earned: Float64Array.from(l.earned),
        redeemed: Float64Array.from(l.redeemed),
        channel: Int16Array.from(l.channel),
      };
      const first = new Int32Array(customers.size).fill(-1);
      for (let i = 0; i < o.customer.length; i++) {
        const cu = o.customer[i]!;
        const f = first[cu]!;
        if (f < 0 || o.time[i]! < o.time[f]! || (o.time[i] === o.time[f] && orderIds[i]! < orderIds[f]!)) first[cu] = i;
      }
      ds.firstOrder = first;
      ds.version++;
    },
  };
  ds.append(input);
  return ds as Dataset & { append(more: MiniInput): void };
}
