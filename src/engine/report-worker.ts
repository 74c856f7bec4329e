/**
 * Reports computed in a Web Worker, so the page stays responsive while large datasets are
 * aggregated.
 *
 * ```ts
 * import { createReportWorker } from 'promo-kpi-kit/engine';
 * const worker = createReportWorker({ kpiModules: [new URL('./my-kpis.js', import.meta.url)] });
 * await worker.load(input, { timeZone: 'Asia/Ho_Chi_Minh' });
 * board.report = await worker.report({ from: '2025-03-01', to: '2025-03-31', timeZone: 'Asia/Ho_Chi_Minh' });
 * await worker.append({ orders: newOrders }); // live data: the next report is incremental
 * ```
 *
 * The dataset lives in the worker: the page sends plain records (KPI-SPEC section 1) and
 * receives plain reports. Custom KPIs are functions, which cannot be posted to a worker:
 * put the `registerKpi` calls in an ES module and pass its URL in `kpiModules` (the worker
 * imports it before any report; register them in the page too if the page needs their
 * labels). The default worker script is `worker.js` next to this module (the package
 * ships it as `promo-kpi-kit/engine/worker`). An app bundler that does not copy it can
 * pass its own: `createReportWorker({ worker: new Worker(new URL('promo-kpi-kit/engine/worker',
 * import.meta.url), { type: 'module' }) })`, the pattern Vite and webpack 5 bundle.
 *
 * DOM-free apart from the `Worker` global.
 */
import type { AppendResult } from '../data/dataset.js';
import type { DataInput } from '../data/records.js';
import type { Report, ReportOptions, SegmentQuery } from './report-types.js';
import type { DatasetSummary, WorkerRequest, WorkerResponse } from './worker-protocol.js';
import type { PlatformAbortSignal, PlatformURL, PlatformWorker } from '../data/platform.js';

/** Records per message when a long list is sent to the worker. */
export const LOAD_CHUNK = 50_000;

/** What a load in the worker built. */
export interface WorkerLoadResult {
  /** Valid orders. */
  orders: number;
  /** Data issues raised. */
  issues: number;
  version: number;
  summary: DatasetSummary;
}

/** Lets the page run (input, rendering) between two chunks. */
const pause = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof s?.yield === 'function' ? s.yield() : new Promise((r) => setTimeout(r, 0));
};

export interface ReportWorkerOptions {
  /** The worker script (default: `worker.js` next to this module). Use it for a self-hosted copy. */
  url?: string | PlatformURL;
  /** ES modules that call `registerKpi`, imported in the worker before any report. */
  kpiModules?: (string | PlatformURL)[];
  /** An existing worker speaking the protocol (the other options are then ignored but `kpiModules`). */
  worker?: PlatformWorker;
}

export interface ReportWorker {
  /**
   * Builds the worker's dataset from plain input (replacing any previous one). Lists longer
   * than {@link LOAD_CHUNK} records are posted in chunks with a pause for the page in between,
   * so no single structured clone blocks the page for long; `signal` stops a load midway (it
   * then rejects). Resolves with counts and the summary of the data.
   */
  load(input: DataInput, options?: { timeZone?: string; signal?: PlatformAbortSignal }): Promise<WorkerLoadResult>;
  /** Appends records to the worker's dataset (live data). Resolves with what it added and the new summary. */
  append(
    records: DataInput,
    options?: { timeZone?: string },
  ): Promise<Pick<AppendResult, 'added' | 'issues'> & { version: number; summary: DatasetSummary }>;
  /** The report of the worker's dataset; incremental after an append. */
  report(options: ReportOptions): Promise<Report>;
  /**
   * The customer ids of one segment of the worker's dataset, sorted by code point
   * (`segmentCustomers`, KPI-SPEC 7.3). Rejects for a segment or `of` the options do not define.
   */
  segmentCustomers(options: ReportOptions, query: SegmentQuery): Promise<string[]>;
  /** Imports more KPI modules in the worker. */
  importKpis(urls: (string | PlatformURL)[]): Promise<void>;
  /** Stops the worker; pending requests reject. */
  terminate(): void;
}

/** Starts a worker that holds a dataset and computes reports. */
export function createReportWorker(options: ReportWorkerOptions = {}): ReportWorker {
  const worker =
    options.worker ??
    (options.url
      ? new Worker(options.url, { type: 'module' })
      : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const fail = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(msg.error));
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault?.();
    fail(new Error(`report worker failed: ${e.message || 'could not start (check the worker URL)'}`));
  };
  const send = <T>(
    req: WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id });
    });
  const toUrls = (urls: (string | URL)[]): string[] => urls.map((u) => String(u));
  // Requests are answered in order, so reports never run before the KPI modules are in.
  const ready = options.kpiModules?.length
    ? send<void>({ type: 'import', urls: toUrls(options.kpiModules) })
    : Promise.resolve();
  ready.catch(() => undefined);
  return {
    load: async (input, o) => {
      const signal = o?.signal;
      const lists =
        input !== null && typeof input === 'object' && !Array.isArray(input)
          ? Object.keys(input).filter((k) => {
              const v = (input as Record<string, unknown>)[k];
              return Array.isArray(v) && v.length > LOAD_CHUNK;
            })
          : [];
      if (!lists.length) return send<WorkerLoadResult>({ type: 'load', input, timeZone: o?.timeZone });
      const head: Record<string, unknown> = { ...input };
      for (const k of lists) head[k] = [];
      const acks = [send<null>({ type: 'load-begin', input: head, streamed: lists, timeZone: o?.timeZone })];
      // A failed chunk is reported by the load itself; keep the others from being unhandled.
      acks[0]!.catch(() => undefined);
      for (const k of lists) {
        const list = (input as Record<string, unknown[]>)[k]!;
        for (let i = 0; i < list.length; i += LOAD_CHUNK) {
          await pause();
          signal?.throwIfAborted();
          const ack = send<null>({ type: 'load-chunk', key: k, records: list.slice(i, i + LOAD_CHUNK) });
          ack.catch(() => undefined);
          acks.push(ack);
        }
      }
      await pause();
      signal?.throwIfAborted();
      const end = send<WorkerLoadResult>({ type: 'load-end' });
      return (await Promise.all([end, ...acks]))[0];
    },
    append: (records, o) => send({ type: 'append', records, timeZone: o?.timeZone }),
    report: async (o) => {
      await ready;
      return send<Report>({ type: 'report', options: o });
    },
    segmentCustomers: async (o, query) => {
      await ready;
      return send<string[]>({ type: 'segment', options: o, query });
    },
    importKpis: (urls) => send<void>({ type: 'import', urls: toUrls(urls) }),
    terminate: () => {
      worker.terminate();
      fail(new Error('report worker terminated'));
    },
  };
}

/**
 * One report computed in a throw-away worker (for a one-off; keep a {@link createReportWorker}
 * for repeated reports or live data).
 */
export async function computeReportInWorker(
  input: DataInput,
  options: ReportOptions,
  workerOptions: ReportWorkerOptions = {},
): Promise<Report> {
  const w = createReportWorker(workerOptions);
  try {
    await w.load(input, { timeZone: options.timeZone });
    return await w.report(options);
  } finally {
    w.terminate();
  }
}
