/**
 * The inline adapter: data given as a property (`board.data = { campaigns, orders }`).
 *
 * DOM-free.
 */
import type { DataInput } from '../data/records.js';
import type { Dataset } from '../data/columns.js';
import { abortedError, type Adapter } from './adapter.js';

export interface InlineAdapterOptions {
  /** The canonical input, or a dataset built with createDataset. */
  data?: DataInput | Dataset;
}

/** An inline adapter; set `data` on it to change what the next load returns. */
export interface InlineAdapter extends Adapter {
  data: DataInput | Dataset;
}

export function inlineAdapter(options: InlineAdapterOptions = {}): InlineAdapter {
  return {
    data: options.data ?? {},
    async load(_query, { signal } = {}) {
      if (signal?.aborted) throw abortedError('inline data');
      return this.data;
    },
    describe() {
      return {
        name: 'inline',
        collections: ['campaigns', 'orders', 'costs', 'exposures', 'loyalty'],
        live: false,
        source: 'inline data',
      };
    },
  };
}
