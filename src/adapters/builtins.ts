/**
 * Registers the built-in adapters under their names, reading options as they come from
 * HTML attributes (strings) or properties:
 *
 * | name | options |
 * |---|---|
 * | `inline` | `data` |
 * | `json` | `src` or `sources`, `columns`, `headers`, `timeout` (ms), `params` |
 * | `csv` | `src` or `sources`, `columns`, `separator`, `decimal`, `headers`, `timeout` |
 *
 * `columns` maps canonical fields, order attributes as `attributes.<name>`, to the source's
 * columns or properties: an object, JSON, or `orders.attributes.store=Cửa hàng; loyalty.channel=Kênh`
 * (see column-mapping.ts).
 * | `sse` | `src` (stream URL), `base` (adapter for the snapshot), `headers` |
 * | `websocket` | `src` (ws:// URL), `base`, `protocols`, `WebSocket` |
 * | `polling` | `of` (name of the adapter to poll), `interval` (ms), and that adapter's options |
 * | `pushdown` | `src` (the endpoint of a `promo-kpi-kit/server` handler), `headers`, `timeout` |
 *
 * DOM-free.
 */
import { AdapterError, type Adapter } from './adapter.js';
import { csvAdapter, type CsvAdapterOptions } from './csv.js';
import { inlineAdapter, type InlineAdapterOptions } from './inline.js';
import { jsonAdapter, type JsonAdapterOptions } from './json.js';
import { sseAdapter, webSocketAdapter, type SseAdapterOptions, type WebSocketAdapterOptions } from './live.js';
import { pollingAdapter } from './polling.js';
import { pushdownAdapter, type PushdownAdapterOptions } from './pushdown.js';
import { factoryNames, makeAdapter, setFactory, type AdapterFactory, type AdapterOptions } from './factory-table.js';

function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Options with attribute spellings mapped: `src` -> `url`, `timeout` -> `timeoutMs`, JSON strings parsed. */
function normalize(o: AdapterOptions): AdapterOptions {
  const out: AdapterOptions = { ...o };
  const timeout = num(o.timeout ?? o.timeoutMs);
  if (timeout !== undefined) out.timeoutMs = timeout;
  // `columns` has a string form of its own (parseColumns), read by the adapters.
  for (const k of ['sources', 'headers', 'text'] as const) {
    if (typeof o[k] === 'string') {
      try {
        out[k] = JSON.parse(o[k] as string);
      } catch (e) {
        throw new AdapterError('config', `The ${k} option is not valid JSON: ${(e as Error).message}`, { cause: e });
      }
    }
  }
  return out;
}

function liveUrl(o: AdapterOptions, name: string): string {
  const url = (o.url ?? o.src) as string | undefined;
  if (!url) throw new AdapterError('config', `The ${name} adapter needs src (its URL)`);
  return url;
}

function baseOf(o: AdapterOptions): Adapter | undefined {
  const b = o.base;
  if (typeof b === 'string') return makeAdapter(b, o);
  return b as Adapter | undefined;
}

let registered = false;

/** Registers the built-in adapters (done on import of the adapters entry; safe to call again). */
export function registerBuiltinAdapters(): void {
  if (registered) return;
  registered = true;
  // A user's own registration under a built-in name (made before this ran) wins.
  const keep = (name: string, factory: AdapterFactory) => {
    if (!factoryNames().includes(name)) setFactory(name, factory);
  };
  keep('inline', (o) => inlineAdapter(o as InlineAdapterOptions));
  keep('json', (o) => jsonAdapter(normalize(o) as JsonAdapterOptions));
  keep('csv', (o) => csvAdapter(normalize(o) as CsvAdapterOptions));
  keep('sse', (o) => {
    const n = normalize(o);
    return sseAdapter({ ...(n as Partial<SseAdapterOptions>), url: liveUrl(n, 'sse'), base: baseOf(n) });
  });
  keep('websocket', (o) => {
    const n = normalize(o);
    return webSocketAdapter({
      ...(n as Partial<WebSocketAdapterOptions>),
      url: liveUrl(n, 'websocket'),
      base: baseOf(n),
    });
  });
  keep('pushdown', (o) => {
    const n = normalize(o);
    return pushdownAdapter({ ...(n as Partial<PushdownAdapterOptions>), url: liveUrl(n, 'pushdown') });
  });
  keep('polling', (o) => {
    const of = o.of ?? o.adapter;
    if (typeof of !== 'string' || of === 'polling')
      throw new AdapterError('config', 'The polling adapter needs of: the name of the adapter to poll (e.g. "json")');
    return pollingAdapter(makeAdapter(of, o), { intervalMs: num(o.interval ?? o.intervalMs) });
  });
}
