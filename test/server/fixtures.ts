/**
 * Test fixtures of the warehouse pushdown: a seeded generator of canonical input, loaders
 * into DuckDB and PostgreSQL tables, and a throwaway PostgreSQL cluster on loopback.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDriver } from '../../src/server/driver.js';

import { seeded } from '../../demo/generate.js';

export { seeded };

export type Campaign = {
  id: string;
  name: string;
  start: string;
  end: string;
  budget?: number;
  type?: 'discount' | 'gift' | 'bundle' | 'points' | 'voucher' | 'other';
};
export type Order = {
  id: string;
  customerId: string;
  time: number;
  revenue: number;
  discount?: number;
  cogs?: number;
  campaignId?: string | null;
  channel?: string;
  attributes?: Record<string, string>;
};
export type Cost = {
  campaignId: string;
  date: string;
  amount: number;
  category?: string;
};
export type Exposure = {
  campaignId: string;
  date: string;
  impressions: number;
  reach: number;
  clicks: number;
  engagements: number;
  channel?: string;
};
export type Loyalty = {
  customerId: string;
  time: number;
  earned: number;
  redeemed: number;
  channel?: string;
};
export interface Input {
  campaigns: Campaign[];
  orders: Order[];
  costs: Cost[];
  exposures: Exposure[];
  loyalty: Loyalty[];
}

const CHANNELS = ['store', 'web', 'app', 'marketplace', 'social'];
/** Stores and their region (KPI-SPEC 7.2 attributes). */
const STORES: [string, string][] = [
  ['Q1-01', 'HCM'],
  ['Q7-02', 'HCM'],
  ['HK-01', 'HN'],
  ['CG-02', 'HN'],
  ['HC-01', 'DN'],
];
const PRODUCT_CATEGORIES = ['FMCG', 'Fashion', 'Electronics', 'Mẹ & Bé'];
const CATEGORIES = ['media', 'gift', 'staff'];
const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A seeded data set over 2025-01-01 .. about 2025-05-10 (and some of 2024-01-01 ..
 * 2024-05-09, for year-on-year comparisons): campaigns with and without
 * budgets (one of 0), orders with and without campaign, channel, cogs and discount, some
 * naming an unknown campaign, some customers with two orders at the same instant (first
 * order ties), times spread over the whole day so local dates depend on the zone.
 */
export function generate(seed: number, nOrders = 3000): Input {
  const r = seeded(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const campaigns: Campaign[] = [];
  for (let i = 1; i <= 6; i++) {
    const start = BASE + Math.floor(r() * 60) * DAY;
    const end = start + Math.floor(10 + r() * 60) * DAY;
    const c: Campaign = { id: `C${i}`, name: `Campaign ${i}`, start: isoDay(start), end: isoDay(end) };
    if (i % 3 !== 0) c.budget = i === 5 ? 0 : Math.round(2000 + r() * 20000);
    if (i % 2 === 0) c.type = 'discount';
    campaigns.push(c);
  }
  const nCustomers = Math.max(20, Math.floor(nOrders / 6));
  const orders: Order[] = [];
  for (let i = 0; i < nOrders; i++) {
    const customerId = `u${Math.floor(r() ** 1.5 * nCustomers)}`;
    const time = BASE + Math.floor(r() * 130 * DAY);
    const o: Order = { id: `o${i}`, customerId, time, revenue: Math.round(r() * 50000) / 100 };
    const u = r();
    if (u < 0.6) o.campaignId = pick(campaigns).id;
    else if (u < 0.62) o.campaignId = 'CX';
    else if (u < 0.7) o.campaignId = null;
    if (r() < 0.85) o.channel = pick(CHANNELS);
    if (r() < 0.9) o.discount = Math.round(r() * 3000) / 100;
    if (r() < 0.97) o.cogs = Math.round(o.revenue * (0.3 + r() * 0.4) * 100) / 100;
    orders.push(o);
    // A twin at the same instant now and then: the first order is the smaller id.
    if (r() < 0.02) orders.push({ ...o, id: `o${i}b`, revenue: o.revenue + 1 });
  }
  const costs: Cost[] = [];
  for (let i = 0; i < 150; i++) {
    const c = pick(campaigns);
    const cost: Cost = {
      campaignId: c.id,
      date: isoDay(BASE + Math.floor(r() * 130) * DAY),
      amount: Math.round(r() * 500),
    };
    if (r() < 0.7) cost.category = pick(CATEGORIES);
    costs.push(cost);
  }
  const exposures: Exposure[] = [];
  for (let i = 0; i < 150; i++) {
    const impressions = Math.floor(r() * 10000);
    const reach = Math.floor(impressions * r());
    const e: Exposure = {
      campaignId: pick(campaigns).id,
      date: isoDay(BASE + Math.floor(r() * 130) * DAY),
      impressions,
      reach,
      clicks: Math.floor(reach * r() * 0.1),
      engagements: Math.floor(reach * r() * 0.2),
    };
    if (r() < 0.8) e.channel = pick(CHANNELS);
    exposures.push(e);
  }
  const loyalty: Loyalty[] = [];
  for (let i = 0; i < 300; i++) {
    const l: Loyalty = {
      customerId: `u${Math.floor(r() * nCustomers)}`,
      time: BASE + Math.floor(r() * 130 * DAY),
      earned: Math.floor(r() * 100),
      redeemed: r() < 0.5 ? Math.floor(r() * 50) : 0,
    };
    if (r() < 0.8) l.channel = pick(CHANNELS);
    loyalty.push(l);
  }
  // A year earlier (2024, 29 February included), from a stream of its own so the rest of
  // the data set does not move: orders of the same customers, costs, exposures and loyalty
  // events, for comparisons with the same period last year.
  const ry = seeded(seed + 104_729);
  const YEAR_AGO = Date.UTC(2024, 0, 1);
  const pickY = <T>(a: readonly T[]): T => a[Math.floor(ry() * a.length)]!;
  for (let i = 0; i < Math.floor(nOrders / 5); i++) {
    const o: Order = {
      id: `y${i}`,
      customerId: `u${Math.floor(ry() ** 1.5 * nCustomers)}`,
      time: YEAR_AGO + Math.floor(ry() * 130 * DAY),
      revenue: Math.round(ry() * 40000) / 100,
    };
    if (ry() < 0.6) o.campaignId = pickY(campaigns).id;
    if (ry() < 0.85) o.channel = pickY(CHANNELS);
    if (ry() < 0.9) o.discount = Math.round(ry() * 2000) / 100;
    if (ry() < 0.97) o.cogs = Math.round(o.revenue * 0.5 * 100) / 100;
    orders.push(o);
  }
  for (let i = 0; i < 40; i++) {
    const day = isoDay(YEAR_AGO + Math.floor(ry() * 130) * DAY);
    costs.push({ campaignId: pickY(campaigns).id, date: day, amount: Math.round(ry() * 400) });
    const impressions = Math.floor(ry() * 8000);
    exposures.push({
      campaignId: pickY(campaigns).id,
      date: day,
      impressions,
      reach: Math.floor(impressions / 2),
      clicks: Math.floor(impressions / 40),
      engagements: Math.floor(impressions / 20),
      channel: pickY(CHANNELS),
    });
    const l: Loyalty = {
      customerId: `u${Math.floor(ry() * nCustomers)}`,
      time: YEAR_AGO + Math.floor(ry() * 130 * DAY),
      earned: Math.floor(ry() * 80),
      redeemed: ry() < 0.4 ? Math.floor(ry() * 30) : 0,
    };
    if (ry() < 0.7) l.channel = pickY(CHANNELS);
    loyalty.push(l);
  }
  // Attributes from a stream of their own, so the rest of the data set does not move:
  // a store and its region on most orders, a category on most, some orders with neither.
  const ra = seeded(seed + 7919);
  for (const o of orders) {
    const attributes: Record<string, string> = {};
    if (ra() < 0.85) {
      const [store, region] = STORES[Math.floor(ra() * STORES.length)]!;
      attributes.store = store;
      attributes.region = region;
    }
    if (ra() < 0.8) attributes.category = PRODUCT_CATEGORIES[Math.floor(ra() * PRODUCT_CATEGORIES.length)]!;
    if (Object.keys(attributes).length > 0) o.attributes = attributes;
  }
  orders.push(
    ...returnWindowEdges('e30a', Date.UTC(2025, 1, 10, 5), 30, 'C1', 'web'),
    ...returnWindowEdges('e14a', Date.UTC(2025, 2, 5, 12), 14, 'C2', 'app'),
    ...returnWindowEdges('e30b', Date.UTC(2025, 1, 14, 6, 30), 30, 'C2', 'store'),
  );
  return { campaigns, orders, costs, exposures, loyalty };
}

/**
 * Two new customers on the edge of the return window (KPI-SPEC section 3, retentionRate:
 * another order timed in (t, t + returnWindowDays x 24 h]): each has a first order at
 * `t` (attributed to `campaignId`, sold through `channel`) and one later, unattributed
 * order without channel, `<tag>-in` exactly at t + windowDays x 24 h (retained), `<tag>-out`
 * 1 ms after it (not retained).
 */
export function returnWindowEdges(
  tag: string,
  t: number,
  windowDays: number,
  campaignId: string,
  channel: string,
): Order[] {
  const end = t + windowDays * DAY;
  return [
    { id: `${tag}-in-1`, customerId: `${tag}-in`, time: t, revenue: 100, campaignId, channel },
    { id: `${tag}-in-2`, customerId: `${tag}-in`, time: end, revenue: 10, campaignId: null },
    { id: `${tag}-out-1`, customerId: `${tag}-out`, time: t, revenue: 200, campaignId, channel },
    { id: `${tag}-out-2`, customerId: `${tag}-out`, time: end + 1, revenue: 20, campaignId: null },
  ];
}

type Value = string | number | null;

/** Order attributes read from a column each (the test tables hold them twice). */
export const ATTRIBUTE_COLUMNS = { columns: { store: 'store', region: 'region', category: 'category' } };
/** Order attributes read from the JSON object column. */
export const ATTRIBUTE_JSON = { json: 'attrs' };

/** Column lists of the default table layout (snake_case names, as the default mapping expects). */
export const TABLES: Record<keyof Input, { name: string; columns: [string, string, (x: never) => Value][] }> = {
  campaigns: {
    name: 'campaigns',
    columns: [
      ['id', 'TEXT', (c: Campaign) => c.id],
      ['name', 'TEXT', (c: Campaign) => c.name],
      ['start', 'DATE', (c: Campaign) => c.start],
      ['end', 'DATE', (c: Campaign) => c.end],
      ['budget', 'DOUBLE', (c: Campaign) => c.budget ?? null],
      ['type', 'TEXT', (c: Campaign) => c.type ?? null],
    ],
  },
  orders: {
    name: 'orders',
    columns: [
      ['id', 'TEXT', (o: Order) => o.id],
      ['customer_id', 'TEXT', (o: Order) => o.customerId],
      ['time', 'TIMESTAMPTZ', (o: Order) => o.time],
      ['revenue', 'DOUBLE', (o: Order) => o.revenue],
      ['discount', 'DOUBLE', (o: Order) => o.discount ?? null],
      ['cogs', 'DOUBLE', (o: Order) => o.cogs ?? null],
      ['campaign_id', 'TEXT', (o: Order) => o.campaignId ?? null],
      ['channel', 'TEXT', (o: Order) => o.channel ?? null],
      // Attributes twice: one column each, and all of them in a JSON object column.
      ['store', 'TEXT', (o: Order) => o.attributes?.store ?? null],
      ['region', 'TEXT', (o: Order) => o.attributes?.region ?? null],
      ['category', 'TEXT', (o: Order) => o.attributes?.category ?? null],
      ['attrs', 'JSON', (o: Order) => (o.attributes ? JSON.stringify(o.attributes) : null)],
    ],
  },
  costs: {
    name: 'costs',
    columns: [
      ['campaign_id', 'TEXT', (c: Cost) => c.campaignId],
      ['date', 'DATE', (c: Cost) => c.date],
      ['amount', 'DOUBLE', (c: Cost) => c.amount],
      ['category', 'TEXT', (c: Cost) => c.category ?? null],
    ],
  },
  exposures: {
    name: 'exposures',
    columns: [
      ['campaign_id', 'TEXT', (e: Exposure) => e.campaignId],
      ['date', 'DATE', (e: Exposure) => e.date],
      ['impressions', 'DOUBLE', (e: Exposure) => e.impressions],
      ['reach', 'DOUBLE', (e: Exposure) => e.reach],
      ['clicks', 'DOUBLE', (e: Exposure) => e.clicks],
      ['engagements', 'DOUBLE', (e: Exposure) => e.engagements],
      ['channel', 'TEXT', (e: Exposure) => e.channel ?? null],
    ],
  },
  loyalty: {
    name: 'loyalty',
    columns: [
      ['customer_id', 'TEXT', (l: Loyalty) => l.customerId],
      ['time', 'TIMESTAMPTZ', (l: Loyalty) => l.time],
      ['earned', 'DOUBLE', (l: Loyalty) => l.earned],
      ['redeemed', 'DOUBLE', (l: Loyalty) => l.redeemed],
      ['channel', 'TEXT', (l: Loyalty) => l.channel ?? null],
    ],
  },
};

/**
 * Creates the five tables (default names, or `prefix` + name) and inserts the input with
 * parameterised multi-row INSERTs. `timeAs`: TIMESTAMPTZ columns, or BIGINT epoch ms.
 */
export async function load(
  driver: SqlDriver,
  dialect: 'duckdb' | 'postgres',
  input: Input,
  opts: { prefix?: string; timeAs?: 'timestamptz' | 'epoch_ms' } = {},
): Promise<void> {
  const prefix = opts.prefix ?? '';
  const epoch = opts.timeAs === 'epoch_ms';
  for (const key of Object.keys(TABLES) as (keyof Input)[]) {
    const t = TABLES[key];
    const table = `"${prefix}${t.name}"`;
    const type = (sqlType: string) =>
      sqlType === 'TIMESTAMPTZ' && epoch
        ? 'BIGINT'
        : sqlType === 'DOUBLE' && dialect === 'postgres'
          ? 'double precision'
          : sqlType === 'JSON' && dialect === 'postgres'
            ? 'jsonb'
            : sqlType;
    await driver.query(`DROP TABLE IF EXISTS ${table}`, []);
    await driver.query(`CREATE TABLE ${table} (${t.columns.map(([n, ty]) => `"${n}" ${type(ty)}`).join(', ')})`, []);
    const rows = input[key] as never[];
    const batch = 500;
    for (let i = 0; i < rows.length; i += batch) {
      const chunk = rows.slice(i, i + batch);
      const params: Value[] = [];
      const tuples = chunk.map((row) => {
        const cells = t.columns.map(([, ty, get]) => {
          params.push(get(row));
          const ph = `$${params.length}`;
          if (ty === 'TIMESTAMPTZ')
            return epoch ? `CAST(${ph} AS BIGINT)` : `to_timestamp(CAST(${ph} AS DOUBLE PRECISION) / 1000.0)`;
          if (ty === 'DATE') return `CAST(${ph} AS DATE)`;
          if (ty === 'DOUBLE') return `CAST(${ph} AS DOUBLE PRECISION)`;
          if (ty === 'JSON') return `CAST(CAST(${ph} AS TEXT) AS ${dialect === 'postgres' ? 'jsonb' : 'JSON'})`;
          return `CAST(${ph} AS TEXT)`;
        });
        return `(${cells.join(', ')})`;
      });
      await driver.query(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, params);
    }
  }
}

// ---------------------------------------------------------------------------------------
// A throwaway PostgreSQL cluster.

/** The bin directory of the newest installed PostgreSQL, or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  port: number;
  host: string;
  user: string;
  stop(): void;
}

/**
 * initdb + pg_ctl start on 127.0.0.1 and a free port, in a temp dir, as the `postgres` OS
 * user when running as root (the server refuses to run as root). Throws when PostgreSQL
 * is not installed (`.ci/services` installs it).
 */
export async function startPostgres(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin)
    throw new Error('PostgreSQL is not installed (expected /usr/lib/postgresql/*/bin/initdb; run .ci/services)');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'promo-pg-'));
  if (asRoot) {
    const pw = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(pw), Number(gid));
  }
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale', 'C.UTF-8']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  return {
    port,
    host: '127.0.0.1',
    user: 'postgres',
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
