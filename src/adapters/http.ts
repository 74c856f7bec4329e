/**
 * Fetching for the HTTP adapters: a headers hook (auth), a timeout, the caller's abort
 * signal, and every fault as an {@link AdapterError}.
 *
 * DOM-free (uses the global `fetch` of browsers, Workers and Node 18+).
 */
import { AdapterError, httpAdvice, toAdapterError, type AdapterQuery } from './adapter.js';
import type { PlatformAbortSignal, PlatformFetch, PlatformRequestInit } from '../data/platform.js';

/** Headers, or a function returning them (called for every request: refresh a token there). */
export type HeadersOption =
  | Record<string, string>
  | ((url: string, query: AdapterQuery) => Record<string, string> | Promise<Record<string, string>>);

export interface HttpOptions {
  headers?: HeadersOption;
  /** Milliseconds before a request is given up (default 30 000; 0 for none). */
  timeoutMs?: number;
  /** Extra `fetch` init (credentials, mode, ...). */
  init?: PlatformRequestInit;
  /** A fetch implementation (default: the global one). */
  fetch?: PlatformFetch;
}

/**
 * Runs one request: `send` is given a signal that aborts when `signal` does or after
 * `timeoutMs` (0: never), and any fault becomes an {@link AdapterError} naming `source`
 * (`timeout` when the time ran out). The one timeout and abort handling of the HTTP
 * adapters (`fetchText`, the pushdown adapter's requests).
 */
export async function timedRequest<T>(
  source: string,
  timeoutMs: number,
  signal: PlatformAbortSignal | undefined,
  send: (signal: PlatformAbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  let timedOut = false;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  try {
    return await send(controller.signal);
  } catch (e) {
    throw toAdapterError(e, source, timedOut);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The headers of a request to `url`: the headers option, or what its hook returns. */
export async function headersFor(
  options: Pick<HttpOptions, 'headers'>,
  url: string,
  query: AdapterQuery,
): Promise<Record<string, string> | undefined> {
  return typeof options.headers === 'function' ? options.headers(url, query) : options.headers;
}

/**
 * Waits `ms`, or less when `signal` aborts. The abort listener is removed after the wait:
 * one per wait of a loop would pile up.
 */
export function sleep(ms: number, signal: PlatformAbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The loads of one adapter, one at a time: a new load aborts the one still running, and so
 * does the caller's `signal`. `run` is given the load's own signal, and `replaced()`, true
 * once a newer load has started.
 */
export function latestLoad(): <T>(
  signal: PlatformAbortSignal | undefined,
  run: (signal: PlatformAbortSignal, replaced: () => boolean) => Promise<T>,
) => Promise<T> {
  let current: AbortController | null = null;
  return async (signal, run) => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await run(controller.signal, () => current !== controller);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (current === controller) current = null;
    }
  };
}

/**
 * Fetches `url` and returns the response text. Aborts on `signal` or after the timeout;
 * a non-2xx status becomes an `http` error naming the status and what to check.
 */
export async function fetchText(
  url: string,
  query: AdapterQuery,
  options: HttpOptions,
  signal?: PlatformAbortSignal,
): Promise<string> {
  if (signal?.aborted) throw toAdapterError(signal.reason ?? { name: 'AbortError' }, url);
  return timedRequest(url, options.timeoutMs ?? 30_000, signal, async (requestSignal) => {
    const headers = await headersFor(options, url, query);
    const doFetch = options.fetch ?? fetch;
    const res = await doFetch(url, {
      ...options.init,
      headers: { ...(options.init?.headers as Record<string, string> | undefined), ...headers },
      signal: requestSignal,
    });
    if (!res.ok) {
      throw new AdapterError(
        'http',
        `${url} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}: ${httpAdvice(res.status)}`,
        { status: res.status, source: url },
      );
    }
    return await res.text();
  });
}

/** Adds query parameters to a URL (relative URLs stay relative). */
export function withParams(url: string, params: Record<string, string | undefined> | undefined): string {
  if (!params) return url;
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  if (entries.length === 0) return url;
  const qs = new URLSearchParams(entries).toString();
  return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}
