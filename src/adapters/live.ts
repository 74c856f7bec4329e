/**
 * Live adapters: Server-Sent Events and WebSocket streams whose messages carry records to
 * append. They reconnect with exponential backoff after a drop, and deduplicate so that
 * at-least-once delivery never double counts: a message id seen before is skipped (the
 * SSE `id:` field or an `id` in the JSON message), and the dataset itself keeps one order
 * per order id.
 *
 * A message is JSON: the canonical input (`{ "orders": [...] }`, optionally with an `id`),
 * or a bare array of orders.
 *
 * SSE is read over `fetch` (not EventSource), so the headers hook works for auth and the
 * same code runs in browsers, Workers and Node.
 *
 * DOM-free.
 */
import { COLLECTIONS, type DataInput } from '../data/records.js';
import {
  AdapterError,
  httpAdvice,
  toAdapterError,
  type Adapter,
  type AdapterQuery,
  type AdapterUpdate,
  type SubscribeContext,
} from './adapter.js';
import { headersFor, sleep, type HttpOptions } from './http.js';

export interface RetryOptions {
  /** First delay before reconnecting, ms (default 500). */
  initialMs?: number;
  /** Longest delay, ms (default 30 000). */
  maxMs?: number;
  /** Gives up after this many failed attempts in a row (default: never). */
  maxAttempts?: number;
}

export interface LiveAdapterOptions {
  url: string;
  /** Adapter for the initial snapshot; without it the data starts empty and fills live. */
  base?: Adapter;
  retry?: RetryOptions;
  /** Message ids remembered for deduplication (default 10 000). */
  dedupeWindow?: number;
}

export interface SseAdapterOptions extends LiveAdapterOptions, Pick<HttpOptions, 'headers' | 'fetch' | 'init'> {}

/** A WebSocket constructor with the browser API (the global one, or `ws` in Node). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

export interface WebSocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code?: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface WebSocketAdapterOptions extends LiveAdapterOptions {
  protocols?: string | string[];
  /** WebSocket implementation (default: the global one). */
  WebSocket?: WebSocketConstructor;
}

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with jitter. */
export function backoffDelay(attempt: number, retry: RetryOptions = {}): number {
  const initial = retry.initialMs ?? 500;
  const max = retry.maxMs ?? 30_000;
  const base = Math.min(max, initial * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.25));
}

/** Remembers the last `size` message ids. */
class RecentIds {
  #set = new Set<string>();
  readonly #size: number;
  constructor(size: number) {
    this.#size = size;
  }
  /** False when `id` was seen already. */
  add(id: string): boolean {
    if (this.#set.has(id)) return false;
    this.#set.add(id);
    if (this.#set.size > this.#size) this.#set.delete(this.#set.values().next().value!);
    return true;
  }
}

/** Reads one message into records and its message id; throws a `stream` error when unreadable. */
export function parseLiveMessage(text: string, source: string): { id?: string; records: DataInput } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AdapterError(
      'stream',
      `${source} sent a message that is not JSON (${(e as Error).message}); it was skipped`,
      {
        source,
        cause: e,
      },
    );
  }
  if (Array.isArray(json)) return { records: { orders: json } };
  if (json === null || typeof json !== 'object')
    throw new AdapterError(
      'stream',
      `${source} sent ${String(json)}; expected { "orders": [...] } or a list of orders`,
      {
        source,
      },
    );
  const obj = json as Record<string, unknown>;
  const records: DataInput = {};
  let any = false;
  for (const c of COLLECTIONS)
    if (obj[c] !== undefined) {
      (records as Record<string, unknown>)[c] = obj[c];
      any = true;
    }
  if (!any)
    throw new AdapterError(
      'stream',
      `${source} sent a message without campaigns, orders, costs, exposures or loyalty; it was skipped`,
      { source },
    );
  const id = typeof obj.id === 'string' || typeof obj.id === 'number' ? String(obj.id) : undefined;
  return id === undefined ? { records } : { id, records };
}

function describeLive(name: string, url: string) {
  return () => ({ name, collections: COLLECTIONS, live: true, source: url });
}

function baseLoad(options: LiveAdapterOptions): Adapter['load'] {
  return async (query, context) => (options.base ? options.base.load(query, context) : {});
}

/** Delivers a message: dedupe by message id, then hand the records over. */
function deliverer(options: LiveAdapterOptions, onUpdate: (u: AdapterUpdate) => void, ctx: SubscribeContext) {
  const seen = new RecentIds(options.dedupeWindow ?? 10_000);
  return (data: string, eventId?: string) => {
    try {
      const msg = parseLiveMessage(data, options.url);
      const id = eventId || msg.id;
      if (id !== undefined && !seen.add(id)) return;
      onUpdate({ type: 'append', records: msg.records });
    } catch (e) {
      ctx.onError?.(toAdapterError(e, options.url));
    }
  };
}

/** Server-Sent Events (`text/event-stream`) read over fetch. */
export function sseAdapter(options: SseAdapterOptions): Adapter {
  return {
    load: baseLoad(options),
    describe: describeLive('sse', options.url),
    subscribe(onUpdate, ctx) {
      void runSse(options, deliverer(options, onUpdate, ctx), ctx, ctx.query ?? {});
    },
  };
}

async function runSse(
  options: SseAdapterOptions,
  deliver: (data: string, id?: string) => void,
  ctx: SubscribeContext,
  query: AdapterQuery,
): Promise<void> {
  const { signal } = ctx;
  const doFetch = options.fetch ?? fetch;
  let attempt = 0;
  let lastId = '';
  let retryMs: number | undefined;
  while (!signal.aborted) {
    ctx.onStatus?.(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      const headers = await headersFor(options, options.url, query);
      const res = await doFetch(options.url, {
        ...options.init,
        headers: { Accept: 'text/event-stream', ...headers, ...(lastId ? { 'Last-Event-ID': lastId } : {}) },
        signal,
      });
      if (!res.ok || !res.body)
        throw new AdapterError(
          'http',
          `${options.url} answered HTTP ${res.status} to the live stream: ${httpAdvice(res.status)}`,
          { status: res.status, source: options.url },
        );
      ctx.onStatus?.('open');
      attempt = 0;
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let data: string[] = [];
      // The last event id (sent as Last-Event-ID on reconnect) stays until a new `id:` field
      // changes it; an event is deduplicated only by an `id:` field of its own, so an event
      // without one is never taken for a repeat of the event before it.
      let eventId = '';
      let ownId = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + (buffer[nl] === '\r' && buffer[nl + 1] === '\n' ? 2 : 1));
          if (line === '') {
            if (data.length) deliver(data.join('\n'), ownId && eventId ? eventId : undefined);
            lastId = eventId;
            data = [];
            ownId = false;
            continue;
          }
          if (line.startsWith(':')) continue; // comment / keep-alive
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let val = colon < 0 ? '' : line.slice(colon + 1);
          if (val.startsWith(' ')) val = val.slice(1);
          if (field === 'data') data.push(val);
          else if (field === 'id' && !val.includes('\0')) {
            eventId = val;
            ownId = true;
          } else if (field === 'retry' && /^\d+$/.test(val)) retryMs = Number(val);
        }
      }
      if (signal.aborted) break;
      throw new AdapterError('stream', `The live stream ${options.url} was closed by the server; reconnecting`, {
        source: options.url,
      });
    } catch (e) {
      if (signal.aborted) break;
      const err = toAdapterError(e, options.url);
      ctx.onError?.(
        err.kind === 'network'
          ? new AdapterError('stream', `The live stream ${options.url} dropped (${err.message}); reconnecting`, {
              source: options.url,
              cause: err,
            })
          : err,
      );
    }
    attempt++;
    if (options.retry?.maxAttempts !== undefined && attempt > options.retry.maxAttempts) {
      ctx.onError?.(
        new AdapterError('stream', `The live stream ${options.url} is down; gave up after ${attempt - 1} attempts`, {
          source: options.url,
        }),
      );
      break;
    }
    await sleep(retryMs !== undefined && attempt === 1 ? retryMs : backoffDelay(attempt - 1, options.retry), signal);
  }
  ctx.onStatus?.('closed');
}

/** A WebSocket stream. */
export function webSocketAdapter(options: WebSocketAdapterOptions): Adapter {
  return {
    load: baseLoad(options),
    describe: describeLive('websocket', options.url),
    subscribe(onUpdate, ctx) {
      const WS = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (!WS) {
        ctx.onError?.(
          new AdapterError('config', 'No WebSocket in this runtime; pass one as the WebSocket option (e.g. from "ws")'),
        );
        return;
      }
      const deliver = deliverer(options, onUpdate, ctx);
      const { signal } = ctx;
      let attempt = 0;
      let socket: WebSocketLike | null = null;
      const connect = () => {
        if (signal.aborted) return;
        ctx.onStatus?.(attempt === 0 ? 'connecting' : 'reconnecting');
        let ws: WebSocketLike;
        try {
          ws = new WS(options.url, options.protocols);
        } catch (e) {
          ctx.onError?.(
            new AdapterError('config', `Cannot open ${options.url}: ${(e as Error).message}`, { cause: e }),
          );
          return;
        }
        socket = ws;
        let opened = false;
        ws.onopen = () => {
          opened = true;
          attempt = 0;
          ctx.onStatus?.('open');
        };
        ws.onmessage = (ev) => {
          const d = ev.data;
          if (typeof d === 'string') deliver(d);
          else if (d instanceof ArrayBuffer || ArrayBuffer.isView(d))
            deliver(new TextDecoder().decode(d as ArrayBuffer));
          else if (d && typeof (d as Blob).text === 'function') void (d as Blob).text().then((t) => deliver(t));
        };
        ws.onerror = () => {};
        ws.onclose = (ev) => {
          socket = null;
          if (signal.aborted) return;
          ctx.onError?.(
            new AdapterError(
              'stream',
              opened
                ? `The live stream ${options.url} dropped (code ${ev.code ?? '?'}${ev.reason ? `: ${ev.reason}` : ''}); reconnecting`
                : `${options.url} could not be reached; check the address (reconnecting)`,
              { source: options.url },
            ),
          );
          attempt++;
          if (options.retry?.maxAttempts !== undefined && attempt > options.retry.maxAttempts) {
            ctx.onError?.(
              new AdapterError(
                'stream',
                `The live stream ${options.url} is down; gave up after ${attempt - 1} attempts`,
                {
                  source: options.url,
                },
              ),
            );
            ctx.onStatus?.('closed');
            return;
          }
          ctx.onStatus?.('reconnecting');
          void sleep(backoffDelay(attempt - 1, options.retry), signal).then(connect);
        };
      };
      signal.addEventListener(
        'abort',
        () => {
          socket?.close(1000, 'closed by the client');
          ctx.onStatus?.('closed');
        },
        { once: true },
      );
      connect();
    },
  };
}
