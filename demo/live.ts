/**
 * The demo's data source: an adapter that loads the generated year and, while "live" is
 * on, streams new orders into the board (the board appends them incrementally).
 */
import type { Adapter, AdapterUpdate, SubscribeContext } from '../src/adapters/adapter.js';
import { createOrderStream, generateDemoData, type DemoData } from './generate.js';

type Listener = (update: AdapterUpdate) => void;

export interface DemoAdapterHandle {
  /** The adapter object, for `board.adapter`. */
  adapter: Adapter;
  /** Starts or stops the stream of new orders. */
  setLive(on: boolean): void;
}

/** One generated data set shared by every board of the page, and a stream of new orders into it. */
export function createDemoAdapter(options: { intervalMs?: number; batch?: number } = {}): DemoAdapterHandle {
  const intervalMs = options.intervalMs ?? 1500;
  const batch = options.batch ?? 8;
  let data: DemoData | null = null;
  const listeners = new Map<Listener, SubscribeContext>();
  let live = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let stream: ReturnType<typeof createOrderStream> | null = null;

  const adapter: Adapter = {
    async load(_query, { signal } = {}) {
      signal?.throwIfAborted();
      data ??= generateDemoData();
      return data;
    },
    subscribe(listener, context) {
      listeners.set(listener, context);
      context.onStatus?.(live ? 'open' : 'closed');
      context.signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
    describe() {
      return { name: 'demo', collections: ['campaigns', 'orders', 'costs', 'exposures', 'loyalty'], live: true };
    },
  };

  return {
    adapter,
    setLive(on) {
      if (on !== live) for (const context of listeners.values()) context.onStatus?.(on ? 'open' : 'closed');
      live = on;
      if (on && !timer) {
        timer = setInterval(() => {
          if (!data) return;
          stream ??= createOrderStream(data);
          const { orders, loyalty } = stream.next(batch);
          for (const l of listeners.keys()) l({ type: 'append', records: { orders, loyalty } });
        }, intervalMs);
      } else if (!on && timer) {
        clearInterval(timer);
        timer = null;
      }
    },
  };
}
