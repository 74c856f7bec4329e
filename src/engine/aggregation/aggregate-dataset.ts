/**
 * Aggregation over the columnar dataset: the {@link Aggregates} of a report, and an
 * appended batch updates them in time proportional to the batch.
 *
 * The aggregates split in two parts:
 *  - Sums over orders (revenue, orders, discounts, cogs per scope, period, day and
 *    channel; the revenue of all orders; pacing): each order adds its own. A full pass
 *    reads them from an order cube (`order-cube.ts`), sums by (day, campaign, channel)
 *    built once per customer index, so a report only visits the cells of its days; without
 *    a cube (too many cells, or custom order measures) and for appended rows they are
 *    summed row by row (`order-rows.ts`).
 *  - Per-customer contributions (`customer-pass.ts`): distinct counts (buyers per scope,
 *    per day, per channel, per breakdown value), repeat buyers, retention (needs the
 *    customer's other orders), new customers (needs the customer's first order), cohorts,
 *    recency, re-activation and the orders of members (needs the customer's first loyalty
 *    day). Orders are visited customer by customer over a per-customer index
 *    (`customer-index.ts`) built once per dataset and cached on it (`dataset-cache.ts`).
 *  Costs, exposures and loyalty events are plain sums over their rows (`other-rows.ts`).
 *  Attribute filters are one pass flag per order row, extended as rows arrive; with
 *  filters the order sums are read row by row. Per-option state (the accumulators,
 *  `state.ts`, laid out as `slots.ts` derives from the measures' declaration) is cached
 *  per dataset too, for up to {@link MAX_STATES} option sets.
 *
 * An append is counted by the incremental update (`incremental.ts`). It falls back to a
 * full pass (`full-pass.ts`):
 *  - for options not seen before (or evicted): there is nothing to update;
 *  - when the campaigns changed (a campaign added or its dates/budget changed): campaign
 *    codes, the selection and the pacing windows shape every accumulator;
 *  - when the custom measures of the KPI registry changed: they are different columns;
 *  - when a collection has fewer rows than counted (not an append);
 *  - when the batch holds more than {@link LARGE_BATCH} of the orders already counted and
 *    more than {@link LARGE_BATCH_MIN} orders (a full pass is then cheaper than revisiting
 *    the customers it names).
 * With non-integer amounts, sums added in another order (cells, rows, customers) can
 * differ in the last bits of a float (about 1e-16 relative); counts are exact.
 *
 * DOM-free.
 */
import type { CampaignRecord, Dataset } from '../../data/columns.js';
import type { Aggregates, ResolvedOptions } from '../aggregates-contract.js';
import { buildAggregates } from './assemble.js';
import { buildIndex } from './customer-index.js';
import { aggregateMode, cacheOf, indexOf, type AggregateMode } from './dataset-cache.js';
import { fullPass } from './full-pass.js';
import { incrementalPass } from './incremental.js';
import type { EngineTuning } from './order-cube.js';
import { customSpecs, sameCustomSpecs } from './slots.js';
import { newState, optionsKey } from './state.js';

export { clearEngineCache } from './dataset-cache.js';
export type { AggregateMode } from './dataset-cache.js';
export type { EngineTuning } from './order-cube.js';

/**
 * Appended orders beyond this fraction of the orders already counted are aggregated by a
 * full pass: each appended order costs two visits of its customer's history (old and new
 * contribution), at random places in memory, while a full pass reads everything once in
 * order.
 */
export const LARGE_BATCH = 1 / 16;
/** Batches up to this many orders are always incremental. */
export const LARGE_BATCH_MIN = 4096;

/** Option sets whose accumulators are kept per dataset. */
export const MAX_STATES = 4;

export interface AggregateOptions {
  /** Reuse and update cached state for these options (default true). False forces a full pass and caches nothing. */
  cache?: boolean;
  /**
   * Tuning of the engine's derived data (default `{ cubeMinCells: 65536, cubeCellsPerOrder: 2 }`).
   * The limits apply when a full pass decides whether to read the order cube.
   */
  tuning?: Partial<EngineTuning>;
}

function sameCampaigns(a: readonly CampaignRecord[], b: readonly CampaignRecord[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.start !== y.start || x.end !== y.end || x.budget !== y.budget) return false;
  }
  return true;
}

/**
 * The dataset of the last {@link aggregate} call, for the deprecated {@link lastAggregateMode}
 * without a dataset only (weakly held: it never keeps a dataset alive).
 */
let lastDataset: WeakRef<Dataset> | undefined;

/**
 * How the last {@link aggregate} call of a dataset was served.
 * @deprecated A diagnostic: pass the dataset (`lastAggregateMode(ds)`). Without one it
 * answers for the dataset aggregated last, whichever caller that was.
 */
export function lastAggregateMode(ds?: Dataset): AggregateMode {
  const d = ds ?? lastDataset?.deref();
  return d ? aggregateMode(d) : 'full';
}

/**
 * Aggregates a dataset for resolved options. Cached per dataset and options: the same
 * call on an unchanged dataset reuses the result, and after an append only the new rows
 * (and the customers they name) are visited.
 */
export function aggregate(ds: Dataset, o: ResolvedOptions, opts: AggregateOptions = {}): Aggregates {
  const cache = cacheOf(ds);
  lastDataset = new WeakRef(ds);
  let idx = indexOf(ds);
  const useCache = opts.cache !== false;
  const key = optionsKey(o);
  let s = useCache ? cache.states.get(key) : undefined;
  if (
    s &&
    (!sameCustomSpecs(s.custom, customSpecs()) ||
      // A batch this large names a good share of the customers: a full pass is cheaper.
      ds.orders.length - s.ordersLen > Math.max(LARGE_BATCH_MIN, s.ordersLen * LARGE_BATCH) ||
      !sameCampaigns(s.campaigns, ds.campaigns) ||
      ds.orders.length < s.ordersLen ||
      ds.costs.length < s.costsLen ||
      ds.exposures.length < s.exposuresLen ||
      ds.loyalty.length < s.loyaltyLen)
  ) {
    cache.states.delete(key);
    s = undefined;
  }
  if (!s) {
    s = newState(ds, o);
    // A full pass reads the grouped records only: fold appended rows into the base first.
    if (idx.extraCount > 0) idx = cache.index = buildIndex(ds);
    fullPass(ds, s, idx, opts.tuning);
    cache.mode = 'full';
    if (useCache) {
      cache.states.set(key, s);
      if (cache.states.size > MAX_STATES) cache.states.delete(cache.states.keys().next().value!);
    }
  } else if (
    s.ordersLen !== ds.orders.length ||
    s.costsLen !== ds.costs.length ||
    s.exposuresLen !== ds.exposures.length ||
    s.loyaltyLen !== ds.loyalty.length
  ) {
    incrementalPass(ds, s, idx, cache.touched);
    cache.mode = 'incremental';
    cache.states.delete(key);
    cache.states.set(key, s);
  } else cache.mode = 'cached';
  return buildAggregates(ds, s);
}
