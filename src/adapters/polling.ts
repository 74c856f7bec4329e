/**
 * Polling: re-loads any adapter at an interval and hands each fresh snapshot over as a
 * `replace` update. A failed poll is reported and the last good data stays.
 *
 * DOM-free.
 */
import { toAdapterError, type Adapter } from './adapter.js';
import { sleep } from './http.js';

export interface PollingOptions {
  /** Milliseconds between the end of one load and the start of the next (default 60 000, at least 100). */
  intervalMs?: number;
}

export function pollingAdapter(inner: Adapter, options: PollingOptions = {}): Adapter {
  const interval = Math.max(100, options.intervalMs ?? 60_000);
  const adapter: Adapter = {
    load: (query, context) => inner.load(query, context),
    subscribe(onUpdate, ctx) {
      const { signal } = ctx;
      const source = inner.describe?.().source ?? 'the data source';
      const loop = async () => {
        while (!signal.aborted) {
          await sleep(interval, signal);
          if (signal.aborted) break;
          try {
            const data = await inner.load(ctx.query ?? {}, { signal });
            if (!signal.aborted) onUpdate({ type: 'replace', data });
          } catch (e) {
            if (!signal.aborted) ctx.onError?.(toAdapterError(e, source));
          }
        }
        ctx.onStatus?.('closed');
      };
      ctx.onStatus?.('open');
      void loop();
    },
  };
  if (inner.describe) {
    const describe = inner.describe.bind(inner);
    adapter.describe = () => ({ ...describe(), live: true });
  }
  return adapter;
}
