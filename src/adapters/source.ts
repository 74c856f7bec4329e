/**
 * `DataSource`: runs an adapter for the board. It turns what `load` returns into a
 * dataset, aborts a load when a newer query arrives, applies live updates, and keeps the
 * last good dataset when a load or a stream fails (the board keeps showing numbers, with
 * the error beside them).
 *
 * DOM-free.
 */
import { createDataset, isDataset, type LiveDataset } from '../data/dataset.js';
import type { Dataset } from '../data/columns.js';
import {
  AdapterError,
  toAdapterError,
  type Adapter,
  type AdapterQuery,
  type AdapterUpdate,
  type LiveStatus,
  type LoadResult,
} from './adapter.js';

export interface DataSourceState {
  /** The last good dataset (null before the first successful load). */
  dataset: Dataset | null;
  /** The last fault, cleared by the next success. */
  error: AdapterError | null;
  loading: boolean;
  /** Live connection state, when subscribed. */
  live: LiveStatus | null;
}

export interface DataSourceOptions {
  /** Zone used when the query names none (default `UTC`). */
  timeZone?: string;
  /** Called after every change of state. */
  onChange?(state: DataSourceState): void;
}

function toDataset(result: LoadResult, timeZone: string): Dataset {
  return isDataset(result) ? result : createDataset(result, { timeZone });
}

function canAppend(ds: Dataset | null): ds is LiveDataset {
  return !!ds && typeof (ds as Partial<LiveDataset>).append === 'function';
}

export class DataSource {
  readonly adapter: Adapter;
  #options: DataSourceOptions;
  #state: DataSourceState = { dataset: null, error: null, loading: false, live: null };
  #load: AbortController | null = null;
  #live: AbortController | null = null;

  constructor(adapter: Adapter, options: DataSourceOptions = {}) {
    this.adapter = adapter;
    this.#options = options;
  }

  get state(): DataSourceState {
    return this.#state;
  }

  get dataset(): Dataset | null {
    return this.#state.dataset;
  }

  get error(): AdapterError | null {
    return this.#state.error;
  }

  /**
   * Loads for `query`, aborting a load still running. Resolves with the dataset now held:
   * the new one, or the last good one when this load failed (see `error`). Never rejects.
   */
  async load(query: AdapterQuery = {}): Promise<Dataset | null> {
    this.#load?.abort();
    const controller = new AbortController();
    this.#load = controller;
    this.#set({ loading: true });
    const timeZone = query.timeZone ?? this.#options.timeZone ?? 'UTC';
    try {
      const result = await this.adapter.load({ ...query, timeZone }, { signal: controller.signal });
      if (controller.signal.aborted) return this.#state.dataset;
      this.#set({ dataset: toDataset(result, timeZone), error: null, loading: false });
    } catch (e) {
      // A load replaced by a newer one is not a fault to show.
      if (this.#load !== controller) return this.#state.dataset;
      this.#set({ error: toAdapterError(e, this.adapter.describe?.().source ?? 'the data source'), loading: false });
    } finally {
      if (this.#load === controller) this.#load = null;
    }
    return this.#state.dataset;
  }

  /** Loads, then follows live updates when the adapter can subscribe. */
  async start(query: AdapterQuery = {}): Promise<Dataset | null> {
    const ds = await this.load(query);
    this.#subscribe(query);
    return ds;
  }

  /** Applies one live update (also usable to feed records by hand). */
  apply(update: AdapterUpdate, query: AdapterQuery = {}): void {
    if (update.type === 'replace') {
      this.#set({ dataset: toDataset(update.data, query.timeZone ?? this.#options.timeZone ?? 'UTC'), error: null });
      return;
    }
    let ds = this.#state.dataset;
    if (!ds) ds = createDataset({}, { timeZone: query.timeZone ?? this.#options.timeZone ?? 'UTC' });
    if (!canAppend(ds)) {
      this.#set({
        error: new AdapterError('config', 'Live records arrived but the dataset of this adapter cannot be appended to'),
      });
      return;
    }
    ds.append(update.records);
    // A new state object (same dataset, new version) so consumers notice.
    this.#set({ dataset: ds });
  }

  /** Stops loads and live updates. */
  close(): void {
    this.#load?.abort();
    this.#live?.abort();
    this.#load = null;
    this.#live = null;
    this.#set({ loading: false, live: null });
  }

  #subscribe(query: AdapterQuery): void {
    this.#live?.abort();
    this.#live = null;
    if (!this.adapter.subscribe) return;
    const controller = new AbortController();
    this.#live = controller;
    this.adapter.subscribe((update) => !controller.signal.aborted && this.apply(update, query), {
      signal: controller.signal,
      query,
      onError: (error) => !controller.signal.aborted && this.#set({ error }),
      onStatus: (live) => !controller.signal.aborted && this.#set({ live }),
    });
  }

  #set(patch: Partial<DataSourceState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#options.onChange?.(this.#state);
  }
}
