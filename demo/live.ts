/**
 * The demo's data source: an adapter that loads the generated year and, while "live" is
 * on, streams new orders into the board (the board appends them incrementally).
 */
import { createOrderStream, generateDemoData, type DemoData } from './generate.js';

type Listener = (records: Record<string, unknown[]>) => void;

export interface DemoAdapterHandle {
  /** The adapter object, for `board.adapter`. */
  adapter: object;
  /** Starts or stops the stream of new orders. */
  setLive(on: boolean): void;
}

/** One generated data set shared by every board of the page, and a stream of new orders into it. */
export function createDemoAdapter(options: { intervalMs?: number; batch?: number } = {}): DemoAdapterHandle {
  const intervalMs = options.intervalMs ?? 1500;
  const batch = options.batch ?? 8;
  let data: DemoData | null = null;
  const listeners = new Set<Listener>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let stream: ReturnType<typeof createOrderStream> | null = null;

  const adapter = {
    name: 'demo',
    async load(_query: unknown, { signal }: { signal?: AbortSignal } = {}) {
      signal?.throwIfAborted();
      data ??= generateDemoData();
      return data;
    },
    subscribe(listener: Listener, { signal }: { signal?: AbortSignal } = {}) {
      listeners.add(listener);
      const off = () => listeners.delete(listener);
      signal?.addEventListener('abort', off, { once: true });
      return off;
    },
  };

  return {
    adapter,
    setLive(on) {
      if (on && !timer) {
        timer = setInterval(() => {
          if (!data) return;
          stream ??= createOrderStream(data);
          const { orders, loyalty } = stream.next(batch);
          for (const l of listeners) l({ orders, loyalty });
        }, intervalMs);
      } else if (!on && timer) {
        clearInterval(timer);
        timer = null;
      }
    },
  };
}
