/**
 * The board's data side, kept out of the element: loads through the source (inline data, an
 * adapter object, or a registered adapter by name), applies live updates, and computes
 * reports — on the page over a dataset, or in the engine's Web Worker for large plain input
 * (the dataset then lives in the worker and the page keeps only a summary for the filters).
 * DOM-free apart from the worker the engine starts.
 */
import { computeReport } from '../../engine/report.js';
import { createReportWorker, type ReportWorker } from '../../engine/report-worker.js';
import { formatDay, parseInstant, zoneFor } from '../../engine/time.js';
import type { Report, ReportOptions } from '../../engine/types.js';
import type { Dataset } from '../../data/types.js';
import { createDataset, isDataset, type LiveDataset } from '../../data/dataset.js';
import { campaignSchema, type DataInput } from '../../data/schema.js';
import type { Adapter, AdapterUpdate, LoadResult } from '../../adapters/adapter.js';
import { createAdapter } from '../../adapters/registry.js';
import { registerBuiltinAdapters } from '../../adapters/builtins.js';
import type { BoardCampaign } from '../../context/context.js';

export type BoardSource =
  | { kind: 'none' }
  | { kind: 'data'; data: unknown }
  | { kind: 'adapter'; adapter: Adapter }
  | { kind: 'named'; name: string; src: string; options?: Record<string, unknown> };

/** When to compute in the engine's Web Worker. */
export const WORKER_MODES = ['auto', 'always', 'never'] as const;
export type WorkerMode = (typeof WORKER_MODES)[number];
/** Plain input with at least this many orders is computed in a worker under `worker="auto"`. */
export const WORKER_THRESHOLD = 100_000;

/** What the page knows of the data, wherever the dataset lives. */
export interface DataSummary {
  campaigns: BoardCampaign[];
  channels: string[];
  /** Local day number of the latest order, or null without orders. */
  lastDay: number | null;
  orders: number;
  /** Changes whenever the data does. */
  version: number;
  /** Where reports are computed. */
  where: 'page' | 'worker';
}

export interface BoardEngineEvents {
  /** The data changed (first load, reload, a snapshot, or an append). */
  onData(summary: DataSummary): void;
  /** A load, stream or append failed; the current data (if any) stays. */
  onError(message: string, error: unknown): void;
  /** Whether a live subscription is open. */
  onLive(live: boolean): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function datasetSummary(ds: Dataset): DataSummary {
  const campaigns = ds.campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    start: formatDay(c.start),
    end: formatDay(c.end),
    budget: c.budget,
    type: c.type,
    targets: c.targets,
  }));
  const channels: string[] = [];
  for (let i = 0; i < ds.channels.size; i++) channels.push(ds.channels.value(i));
  let lastDay = -Infinity;
  const day = ds.orders.day;
  for (let i = 0; i < ds.orders.length; i++) if (day[i]! > lastDay) lastDay = day[i]!;
  return {
    campaigns,
    channels,
    lastDay: ds.orders.length ? lastDay : null,
    orders: ds.orders.length,
    version: ds.version,
    where: 'page',
  };
}

/** Campaigns of plain input that pass the schema (the worker validates everything again). */
function inputCampaigns(input: DataInput): BoardCampaign[] {
  const out: BoardCampaign[] = [];
  const seen = new Set<string>();
  for (const raw of input.campaigns ?? []) {
    const r = campaignSchema.safeParse(raw);
    if (!r.success || seen.has(r.data.id)) continue;
    seen.add(r.data.id);
    out.push({
      id: r.data.id,
      name: r.data.name,
      start: r.data.start,
      end: r.data.end,
      budget: r.data.budget ?? null,
      type: r.data.type ?? null,
      targets: r.data.targets ?? {},
    });
  }
  return out;
}

/** Channels and latest order day of plain orders, folded into a running summary. */
function scanOrders(
  orders: DataInput['orders'],
  timeZone: string,
  into: { channels: string[]; lastDay: number | null },
): number {
  const zone = zoneFor(timeZone);
  const known = new Set(into.channels);
  let maxTime = -Infinity;
  let count = 0;
  for (const o of orders ?? []) {
    if (!o || typeof o !== 'object') continue;
    const rec = o as { channel?: unknown; time?: unknown };
    if (typeof rec.channel === 'string' && !known.has(rec.channel)) {
      known.add(rec.channel);
      into.channels.push(rec.channel);
    }
    const t = parseInstant(rec.time, zone);
    if (t !== null && t > maxTime) maxTime = t;
    count++;
  }
  if (maxTime > -Infinity) {
    const day = zone.day(maxTime);
    if (into.lastDay === null || day > into.lastDay) into.lastDay = day;
  }
  return count;
}

export class BoardEngine {
  workerMode: WorkerMode = 'auto';
  /** The worker script; empty: the engine's default. */
  workerUrl = '';
  private dataset: Dataset | null = null;
  private worker: ReportWorker | null = null;
  private summary: DataSummary | null = null;
  private timeZone = 'UTC';
  private abort: AbortController | null = null;
  private loadSeq = 0;
  private version = 0;

  constructor(private readonly events: BoardEngineEvents) {}

  /** Stops loading and streaming, and the worker. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.worker?.terminate();
    this.worker = null;
    this.events.onLive(false);
  }

  /** Takes loaded data: a dataset stays on the page; large plain input goes to a worker. */
  private async use(input: LoadResult | unknown, seq: number): Promise<void> {
    const tz = this.timeZone;
    if (isDataset(input)) return this.usePage(input);
    const data = (input ?? {}) as DataInput;
    const orders = Array.isArray(data.orders) ? data.orders.length : 0;
    const inWorker =
      typeof Worker !== 'undefined' &&
      (this.workerMode === 'always' || (this.workerMode === 'auto' && orders >= WORKER_THRESHOLD));
    if (!inWorker) return this.usePage(createDataset(data, { timeZone: tz }));
    let worker: ReportWorker | null = null;
    try {
      worker = createReportWorker(this.workerUrl ? { url: this.workerUrl } : {});
      await worker.load(data, { timeZone: tz });
    } catch {
      // No worker here (blocked, or a bundle without the worker file): compute on the page.
      worker?.terminate();
      if (seq === this.loadSeq) this.usePage(createDataset(data, { timeZone: tz }));
      return;
    }
    if (seq !== this.loadSeq) {
      worker.terminate();
      return;
    }
    this.worker?.terminate();
    this.worker = worker;
    this.dataset = null;
    const summary = { channels: [] as string[], lastDay: null as number | null };
    const count = scanOrders(data.orders, tz, summary);
    this.publish({ campaigns: inputCampaigns(data), ...summary, orders: count, version: 0, where: 'worker' });
  }

  private usePage(ds: Dataset): void {
    this.worker?.terminate();
    this.worker = null;
    this.dataset = ds;
    this.publish(datasetSummary(ds));
  }

  private publish(summary: DataSummary): void {
    this.summary = { ...summary, version: ++this.version };
    this.events.onData(this.summary);
  }

  /** (Re)loads from the source; the previous data stays on screen until the new one is ready. */
  load(source: BoardSource, query: ReportOptions, timeZone: string): void {
    this.abort?.abort();
    this.events.onLive(false);
    this.timeZone = timeZone;
    const seq = ++this.loadSeq;
    if (source.kind === 'none') return;
    const abort = new AbortController();
    this.abort = abort;
    const current = () => seq === this.loadSeq && !abort.signal.aborted;
    const fail = (error: unknown) => current() && this.events.onError(message(error), error);
    let adapter: Adapter;
    try {
      if (source.kind === 'data') {
        this.use(source.data, seq).catch(fail);
        return;
      }
      if (source.kind === 'named') registerBuiltinAdapters();
      adapter =
        source.kind === 'adapter'
          ? source.adapter
          : createAdapter(source.name, { ...source.options, ...(source.src ? { src: source.src } : {}) });
      if (!adapter || typeof adapter.load !== 'function')
        throw new TypeError('The adapter has no load(query, { signal }) method');
    } catch (error) {
      this.events.onError(message(error), error);
      return;
    }
    const adapterQuery = { ...query, timeZone };
    adapter
      .load(adapterQuery, { signal: abort.signal })
      .then(async (input) => {
        if (!current()) return;
        await this.use(input, seq);
        if (!current() || typeof adapter.subscribe !== 'function') return;
        let reported = false;
        adapter.subscribe((update) => current() && this.apply(update, seq), {
          signal: abort.signal,
          query: adapterQuery,
          onError: (error) => fail(error),
          onStatus: (status) => {
            reported = true;
            if (current()) this.events.onLive(status === 'open');
          },
        });
        // Adapters that do not report a status are live once subscribed.
        if (!reported) this.events.onLive(true);
      })
      .catch(fail);
  }

  private apply(update: AdapterUpdate, seq: number): void {
    if (update.type === 'replace')
      this.use(update.data, seq).catch((error: unknown) => this.events.onError(message(error), error));
    else this.append(update.records);
  }

  /** Appends records (validated; repeated ids are not counted twice). */
  append(records: DataInput): void {
    if (this.worker && this.summary) {
      const summary = { channels: [...this.summary.channels], lastDay: this.summary.lastDay };
      const count = scanOrders(records.orders, this.timeZone, summary);
      const base = this.summary;
      this.worker.append(records, { timeZone: this.timeZone }).then(
        (r) => this.publish({ ...base, ...summary, orders: base.orders + (r.added.orders ?? count) }),
        (error: unknown) => this.events.onError(message(error), error),
      );
      return;
    }
    const ds = this.dataset as LiveDataset | null;
    if (!ds) return;
    try {
      if (typeof ds.append !== 'function') throw new TypeError('This dataset cannot be appended to');
      ds.append(records);
      this.publish(datasetSummary(ds));
    } catch (error) {
      this.events.onError(message(error), error);
    }
  }

  /** The report of a query (only new rows are visited after an append). */
  async compute(query: ReportOptions): Promise<Report> {
    if (this.worker) return this.worker.report(query);
    if (!this.dataset) throw new Error('No data loaded');
    return computeReport(this.dataset, query);
  }
}
