/**
 * The engine's derived data of each dataset, kept in a WeakMap keyed by the dataset (so it
 * goes with it) and checked against the dataset's row counts on every call: the customer
 * index, each customer's first loyalty day, the accumulators of the last option sets.
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import { Gathered } from './batch-customers.js';
import { updateIndex, type CustomerIndex } from './customer-index.js';
import { NO_DAY, type State } from './state.js';

/**
 * Each customer's first loyalty day over the loyalty rows `0 .. length`, and a log of the
 * changes made by rows after the first computation: (row, customer, day before), so a state
 * counted at fewer rows can tell which customers' membership moved since, and from what.
 */
export interface LoyaltyFirst {
  /** Whether `day` was computed once (rows after it are logged). */
  computed: boolean;
  length: number;
  day: Int32Array;
  logRow: number[];
  logCustomer: number[];
  logDay: number[];
}

/** How an {@link aggregate} call was served. */
export type AggregateMode = 'cached' | 'incremental' | 'full';

/** Scratch of the incremental update: the customers a batch names. */
export interface Touched {
  /** The orders of those customers, gathered for the update. */
  gathered: Gathered;
  /** `list[0 .. count]`: the customers, each marked in `mark` with the batch's `gen`. */
  mark: Int32Array;
  list: Int32Array;
  gen: number;
}

/**
 * What the engine keeps for one dataset: its customer index, first loyalty days, the
 * states of the last option sets, the incremental update's scratch, and how the last call
 * was served.
 */
export interface EngineCache {
  index?: CustomerIndex;
  loyaltyFirst?: LoyaltyFirst;
  states: Map<string, State>;
  touched: Touched;
  mode: AggregateMode;
}

/** The engine's derived data, per dataset (dropped with the dataset). */
const caches = new WeakMap<Dataset, EngineCache>();

/** The cache of a dataset, made on first use. */
export function cacheOf(ds: Dataset): EngineCache {
  let c = caches.get(ds);
  if (!c) {
    c = {
      states: new Map(),
      touched: { gathered: new Gathered(), mark: new Int32Array(0), list: new Int32Array(0), gen: 0 },
      mode: 'full',
    };
    caches.set(ds, c);
  }
  return c;
}

/** Drops the cached index and states of a dataset (they are rebuilt on the next call). */
export function clearEngineCache(ds: Dataset): void {
  caches.delete(ds);
}

/** How the last aggregation of a dataset was served ('full' when it was never aggregated). */
export function aggregateMode(ds: Dataset): AggregateMode {
  return caches.get(ds)?.mode ?? 'full';
}

/**
 * Each customer's first loyalty day (NO_DAY when none), brought up to the dataset's
 * loyalty rows (a local day is a non-decreasing function of the time, so the earliest
 * event's day is the smallest day).
 */
export function loyaltyFirstOf(ds: Dataset): LoyaltyFirst {
  const c = cacheOf(ds);
  const ly = ds.loyalty;
  const nc = ds.customers.size;
  let lf = c.loyaltyFirst;
  if (!lf || ly.length < lf.length)
    lf = c.loyaltyFirst = {
      computed: false,
      length: 0,
      day: new Int32Array(nc).fill(NO_DAY),
      logRow: [],
      logCustomer: [],
      logDay: [],
    };
  if (lf.day.length < nc) {
    const d = new Int32Array(Math.max(nc, Math.ceil(lf.day.length * 1.5))).fill(NO_DAY);
    d.set(lf.day);
    lf.day = d;
  }
  const day = lf.day;
  const cust = ly.customer;
  const lday = ly.day;
  const log = lf.computed;
  for (let i = lf.length; i < ly.length; i++) {
    const cc = cust[i]!;
    if (lday[i]! >= day[cc]!) continue;
    if (log) {
      lf.logRow.push(i);
      lf.logCustomer.push(cc);
      lf.logDay.push(day[cc]!);
    }
    day[cc] = lday[i]!;
  }
  lf.length = ly.length;
  lf.computed = true;
  return lf;
}

/** The per-customer index of a dataset (built or extended as needed, cached by dataset version). */
export function indexOf(ds: Dataset): CustomerIndex {
  const c = cacheOf(ds);
  c.index = updateIndex(ds, c.index);
  return c.index;
}
