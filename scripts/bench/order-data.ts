/**
 * Seeded order records for the data benchmarks: the shape of a Vietnamese export (ISO
 * times with +07:00, ids as strings, 40 % of orders in one of 20 campaigns), as JSON
 * objects or as CSV text.
 */
import { seeded } from './util.js';

export const CAMPAIGNS = 20;
const CHANNELS = ['store', 'web', 'app', 'marketplace', 'social'];
const T0 = Date.UTC(2025, 0, 1);
const YEAR = 365 * 86_400_000;

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** ISO-8601 with the +07:00 offset of a Vietnamese export. */
function iso(t: number): string {
  const d = new Date(t + 7 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}+07:00`;
}

const rngs = new Map<number, () => number>();

/**
 * `n` orders of `customers` customers from the generator of `seed`; `idBase` numbers the
 * ids, `rng` continues a generator (see {@link generatorOf}).
 */
export function generate(n: number, seed: number, customers: number, idBase = 0, rng?: () => number) {
  const rnd = rng ?? seeded(seed);
  rngs.set(seed, rnd);
  const orders: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const revenue = Math.round(rnd() * 2_000_000) / 10;
    const o: Record<string, unknown> = {
      id: `ORD-${pad(idBase + i, 8)}`,
      customerId: `CUS-${pad(Math.floor(rnd() * customers), 6)}`,
      time: iso(T0 + Math.floor(rnd() * YEAR)),
      revenue,
      discount: Math.round(revenue * 0.1 * 10) / 10,
      cogs: Math.round(revenue * 0.6 * 10) / 10,
      campaignId: rnd() < 0.4 ? `C${Math.floor(rnd() * CAMPAIGNS)}` : undefined,
      channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)],
    };
    orders[i] = o;
  }
  return orders;
}

/** The generator last used for `seed`, to continue its sequence. */
export function generatorOf(seed: number): (() => number) | undefined {
  return rngs.get(seed);
}

/** The campaigns the orders name: C0 .. C19, all of 2025. */
export const campaigns = Array.from({ length: CAMPAIGNS }, (_, i) => ({
  id: `C${i}`,
  name: `Campaign ${i}`,
  start: '2025-01-01',
  end: '2025-12-31',
  budget: 1_000_000,
}));

/** The same orders as CSV text, generated in chunks (the object array is not kept alive). */
export function toCsv(n: number, seed: number, customers: number): string {
  const chunks = ['id,customerId,time,revenue,discount,cogs,campaignId,channel'];
  for (let from = 0; from < n; from += 100_000) {
    const rng = from === 0 ? undefined : generatorOf(seed);
    const part = generate(Math.min(100_000, n - from), seed, customers, from, rng);
    chunks.push(
      part
        .map(
          (o) =>
            `${o.id},${o.customerId},${o.time},${o.revenue},${o.discount},${o.cogs},${o.campaignId ?? ''},${o.channel}`,
        )
        .join('\n'),
    );
  }
  return chunks.join('\n');
}
