/**
 * The board's data side, kept out of the element: loads through the source (inline data, an
 * adapter object, or a registered adapter by name), applies live updates, and computes
 * reports — on the page over a dataset, or in the engine's Web Worker for large plain input
 * (the dataset then lives in the worker, the input is posted to it in chunks, and the worker
 * answers with the small summary the filters need, so no whole-data pass runs on the page).
 * The code of computing on the page (the dataset builder and the aggregation) and the
 * registered adapters are loaded with a dynamic `import()` the first time they are needed:
 * a board given its data or an adapter object never loads the adapters, and computing in the
 * worker, it never loads the former either; an adapter given by name comes with the code of
 * computing on the page (board-adapters.ts), which its data needs unless it is large.
 * An adapter with the `pushdown` capability (a warehouse) is never loaded from: no dataset is
 * built, each report is assembled from the aggregates the adapter returns for its query with
 * the engine's `finishReport`, which comes with the code of computing on the page (one chunk
 * the board already loads: a chunk of its own would cut the kit into more, larger pieces),
 * and the summary the filters need is asked of the warehouse and grown by the reports
 * ({@link warehouseSummary}).
 *
 * DOM-free apart from the worker the engine starts.
 */
import { createReportWorker, type ReportWorker, type WorkerLoadResult } from '../../engine/report-worker.js';
import type { Report, ReportOptions, SegmentQuery } from '../../engine/report-types.js';
export { DEFAULT_BOARD_KPIS } from '../../engine/kpis/board-tiles.js';
import { isDataset, type Dataset } from '../../data/columns.js';
import type { LiveDataset } from '../../data/dataset.js';
import type { DataInput } from '../../data/records.js';
import type { Adapter, AdapterUpdate, LoadResult, PushdownCapability } from '../../adapters/adapter.js';
import type { BoardCampaign } from '../../context/context.js';
import { errorText } from '../shared/export-action.js';
/** What the board element needs of the data layer and adapters, through the one module allowed to reach them. */
export { isDataset, type DataInput, type Adapter };

export type BoardSource =
  | { kind: 'none' }
  | { kind: 'data'; data: unknown }
  | { kind: 'adapter'; adapter: Adapter }
  | { kind: 'named'; name: string; src: string; options?: Record<string, unknown> };

/** The board's source: inline `data` first, then an adapter object, then a registered adapter by name. */
export function boardSource(
  data: unknown,
  adapter: string | Adapter | undefined,
  src: string,
  options: Record<string, unknown>,
): BoardSource {
  if (data !== undefined && data !== null) return { kind: 'data', data };
  if (adapter && typeof adapter === 'object') return { kind: 'adapter', adapter };
  if (typeof adapter === 'string' && adapter) return { kind: 'named', name: adapter, src, options };
  return { kind: 'none' };
}

/** When to compute in the engine's Web Worker. */
export const WORKER_MODES = ['auto', 'always', 'never'] as const;
export type WorkerMode = (typeof WORKER_MODES)[number];
/** Plain input with at least this many orders is computed in a worker under `worker="auto"`. */
export const WORKER_THRESHOLD = 100_000;

/** What the page knows of the data, wherever the dataset lives. */
export interface DataSummary {
  campaigns: BoardCampaign[];
  channels: string[];
  /** Order attribute names with their values (in order of first appearance). */
  attributes: Record<string, string[]>;
  /** Local day number of the latest order, or null without orders. */
  lastDay: number | null;
  orders: number;
  /**
   * Through a warehouse: the attributes whose values its summary lists only in part (the
   * first ones in code-point order, up to the endpoint's `maxAttributeValues`).
   */
  truncatedAttributes?: string[];
  /** Changes whenever the data does. */
  version: number;
  /**
   * Where reports are computed: `page`, `worker` (the engine's Web Worker), or `warehouse`
   * (an adapter's `pushdown`: the data stays where it lives; campaigns, channels, attribute
   * values, `lastDay` and `orders` come from the warehouse's summary, plus what reports name
   * that it did not; without a summary (an endpoint that does not answer one), those the
   * reports have named so far, campaign names being their ids, `lastDay` null and `orders` the
   * most orders a report has counted).
   */
  where: 'page' | 'worker' | 'warehouse';
  /**
   * Why reports are computed on the page although the worker mode asked for a worker (no
   * `Worker` here, or the worker script could not start); null otherwise.
   */
  workerFallback: string | null;
}

export interface BoardEngineEvents {
  /** The data changed (first load, reload, a snapshot, or an append). */
  onData(summary: DataSummary): void;
  /** A load, stream or append failed; the current data (if any) stays. */
  onError(message: string, error: unknown): void;
  /** Whether a live subscription is open. */
  onLive(live: boolean): void;
}

/** What computing on the page takes, loaded on first use. */
type PageEngine = typeof import('../../engine/page-engine.js');
let pageEngine: Promise<PageEngine> | null = null;

/** Loads the code of computing on the page (once; a failed load is tried again next time). */
function loadPageEngine(): Promise<PageEngine> {
  pageEngine ??= import('../../engine/page-engine.js').catch((error: unknown) => {
    pageEngine = null;
    throw error;
  });
  return pageEngine;
}

function pageSummary(page: PageEngine, ds: Dataset, workerFallback: string | null): DataSummary {
  return { ...page.summarizeDataset(ds), version: ds.version, where: 'page', workerFallback };
}

/** Whether `list` holds the same strings as `other`, in the same order. */
function sameList(list: readonly string[], other: readonly string[]): boolean {
  return list.length === other.length && list.every((x, i) => x === other[i]);
}

/**
 * `previous` with the campaigns, channels and attribute values it lacks added (in order of
 * first appearance, so a filter that narrows a report never empties a menu), and `orders`
 * the larger count. Returns `previous` itself when nothing changed (the lists only grow).
 */
function grown(
  previous: DataSummary,
  campaigns: BoardCampaign[],
  channels: string[],
  attributes: Record<string, string[]>,
  orders: number,
): DataSummary {
  const known = new Set(previous.campaigns.map((c) => c.id));
  const all = [...previous.campaigns, ...campaigns.filter((c) => !known.has(c.id) && known.add(c.id))];
  const channelsNext = [...new Set([...previous.channels, ...channels])];
  const attributesNext: Record<string, string[]> = { ...previous.attributes };
  let attributesChanged = false;
  for (const [name, values] of Object.entries(attributes)) {
    const before = attributesNext[name] ?? [];
    const after = [...new Set([...before, ...values])];
    if (attributesNext[name] && sameList(before, after)) continue;
    attributesNext[name] = after;
    attributesChanged = true;
  }
  orders = Math.max(previous.orders, orders);
  const changed =
    all.length !== previous.campaigns.length ||
    !sameList(channelsNext, previous.channels) ||
    attributesChanged ||
    orders !== previous.orders;
  return changed
    ? { ...previous, campaigns: all, channels: channelsNext, attributes: attributesNext, orders }
    : previous;
}

/**
 * The summary of a warehouse's data after a report: the one before, with the campaigns,
 * channels and attribute values the report names added, and `orders` the larger of the
 * known count and the report's. A campaign the summary did not name is known by its id
 * only: its name is the id, its run the period of the first report that named it, its
 * budget the one its pacing shows (else null). Returns `previous` itself when nothing
 * changed, so the board republishes only a summary that did.
 */
export function warehouseSummary(previous: DataSummary, report: Report): DataSummary {
  const { period, pacing } = report;
  return grown(
    previous,
    [...Object.keys(report.byCampaign), ...Object.keys(pacing)].map((id) => ({
      id,
      name: id,
      start: period.from,
      end: period.to,
      budget: pacing[id]?.budget ?? null,
      type: null,
      targets: {},
    })),
    Object.keys(report.byChannel),
    Object.fromEntries(Object.entries(report.byAttribute ?? {}).map(([name, values]) => [name, Object.keys(values)])),
    report.kpis.orders?.value ?? 0,
  );
}

/**
 * Creates a registered adapter by name (the adapter registry is loaded on first use, with the
 * code the page computes with: see board-adapters.ts).
 */
async function namedAdapter(name: string, options: Record<string, unknown>): Promise<Adapter> {
  const { createAdapter } = await import('./board-adapters.js');
  return createAdapter(name, options);
}

export class BoardEngine {
  workerMode: WorkerMode = 'auto';
  /** The worker script; empty: the engine's default. */
  workerUrl = '';
  private dataset: Dataset | null = null;
  /** The code of computing on the page, once loaded (with the first dataset on the page). */
  private page: PageEngine | null = null;
  /** The adapter of the current load, for its optional `segmentCustomers` (a warehouse). */
  private adapter: Adapter | null = null;
  /** The current adapter's `pushdown` (a warehouse): reports are asked of it, no dataset is built. */
  private pushdown: PushdownCapability | null = null;
  private worker: ReportWorker | null = null;
  private summary: DataSummary | null = null;
  private timeZone = 'UTC';
  /** Ends the current load and its live subscription when a newer load starts or the board stops. */
  private abort: AbortController | null = null;
  private version = 0;
  /** Stops posting the input of a worker load that newer data replaced. */
  private using: AbortController | null = null;

  constructor(private readonly events: BoardEngineEvents) {}

  /** Stops loading and streaming, and the worker. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.using?.abort();
    this.using = null;
    this.worker?.terminate();
    this.worker = null;
    this.events.onLive(false);
  }

  /** Takes loaded data: a dataset stays on the page; large plain input goes to a worker. */
  private async use(input: LoadResult | unknown, current: AbortSignal): Promise<void> {
    const tz = this.timeZone;
    this.using?.abort();
    this.using = null;
    if (isDataset(input)) return this.usePage(current, () => input);
    const data = (input ?? {}) as DataInput;
    const orders = Array.isArray(data.orders) ? data.orders.length : 0;
    const wanted = this.workerMode === 'always' || (this.workerMode === 'auto' && orders >= WORKER_THRESHOLD);
    const build = (page: PageEngine) => page.createDataset(data, { timeZone: tz });
    if (!wanted) return this.usePage(current, build);
    if (typeof Worker === 'undefined') return this.usePage(current, build, 'Web Workers are not available here');
    const using = new AbortController();
    this.using = using;
    let worker: ReportWorker | null = null;
    let loaded: WorkerLoadResult;
    try {
      worker = createReportWorker(this.workerUrl ? { url: this.workerUrl } : {});
      loaded = await worker.load(data, { timeZone: tz, signal: using.signal });
    } catch (error) {
      worker?.terminate();
      if (using.signal.aborted) return;
      this.using = null;
      // The worker could not start (blocked, or a bundle without the worker file): compute on
      // the page and say so.
      if (!current.aborted) await this.usePage(current, build, errorText(error));
      return;
    }
    if (current.aborted || using.signal.aborted) {
      worker.terminate();
      return;
    }
    this.using = null;
    this.worker?.terminate();
    this.worker = worker;
    this.dataset = null;
    this.publish({ ...loaded.summary, version: 0, where: 'worker', workerFallback: null });
  }

  /**
   * Computes on the page: loads the page's engine code (the first time), builds the dataset
   * with it and publishes its summary; does nothing when a newer load took over meanwhile.
   */
  private async usePage(
    current: AbortSignal,
    dataset: (page: PageEngine) => Dataset,
    workerFallback: string | null = null,
  ): Promise<void> {
    const page = await loadPageEngine();
    if (current.aborted) return;
    const ds = dataset(page);
    this.page = page;
    this.worker?.terminate();
    this.worker = null;
    this.dataset = ds;
    this.publish(pageSummary(page, ds, workerFallback));
  }

  /**
   * Publishes a summary; `sameData`: the data did not change (a warehouse's summary grown by a
   * report), so the version stays and no report is computed again for it.
   */
  private publish(summary: DataSummary, sameData = false): void {
    this.summary = { ...summary, version: sameData ? this.version : ++this.version };
    this.events.onData(this.summary);
  }

  /**
   * (Re)loads from the source; the previous data stays on screen until the new one is ready.
   * Resolves once the first data is in use (and the live subscription, if any, is open);
   * rejects when the load fails. Sequencing is the caller's: `signal` (a task's) ends this
   * load when a newer one starts, and a newer `load` ends it too. Later failures of the live
   * subscription go to `onError`.
   */
  async load(source: BoardSource, query: ReportOptions, timeZone: string, signal?: AbortSignal): Promise<void> {
    this.abort?.abort();
    this.abort = null;
    this.adapter = null;
    this.pushdown = null;
    this.events.onLive(false);
    this.timeZone = timeZone;
    if (source.kind === 'none') return;
    const abort = new AbortController();
    this.abort = abort;
    const current = abort.signal;
    if (signal?.aborted) abort.abort();
    else if (signal) {
      // A task's signal is aborted only if a newer run starts while this one is pending; a
      // completed run's signal never is, so the link is removed when this load ends instead.
      const onAbort = () => abort.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      current.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), { once: true });
    }
    if (source.kind === 'data') return this.use(source.data, current);
    const adapter: Adapter =
      source.kind === 'adapter'
        ? source.adapter
        : await namedAdapter(source.name, { ...source.options, ...(source.src ? { src: source.src } : {}) });
    if (current.aborted) return;
    if (adapter && typeof adapter.pushdown?.aggregate === 'function') return this.useWarehouse(adapter, current);
    if (!adapter || typeof adapter.load !== 'function')
      throw new TypeError('The adapter has no load(query, { signal }) method');
    const adapterQuery = { ...query, timeZone };
    this.adapter = adapter;
    const input = await adapter.load(adapterQuery, { signal: current });
    if (current.aborted) return;
    await this.use(input, current);
    if (current.aborted || typeof adapter.subscribe !== 'function') return;
    let reported = false;
    adapter.subscribe((update) => !current.aborted && this.apply(update, current), {
      signal: current,
      query: adapterQuery,
      onError: (error) => !current.aborted && this.events.onError(errorText(error), error),
      onStatus: (status) => {
        reported = true;
        if (!current.aborted) this.events.onLive(status === 'open');
      },
    });
    // Adapters that do not report a status are live once subscribed.
    if (!reported) this.events.onLive(true);
  }

  /**
   * Computes through an adapter's `pushdown`: nothing is loaded (the data stays in the
   * warehouse); the summary starts empty, is asked of the warehouse beside the first report
   * ({@link warehouseFacts}) and grows with the reports.
   */
  private useWarehouse(adapter: Adapter, current: AbortSignal): void {
    this.using?.abort();
    this.using = null;
    this.worker?.terminate();
    this.worker = null;
    this.dataset = null;
    this.adapter = adapter;
    const pushdown = (this.pushdown = adapter.pushdown!);
    if (pushdown.summary) void this.warehouseFacts(pushdown, current);
    this.publish({
      campaigns: [],
      channels: [],
      attributes: {},
      lastDay: null,
      orders: 0,
      version: 0,
      where: 'warehouse',
      workerFallback: null,
    });
  }

  /**
   * Publishes the warehouse's summary (campaign names, runs and budgets, channels, attribute
   * values, the last day) with what the reports named meanwhile. A failure (an endpoint
   * without the summary request) is no error: the summary keeps growing from the reports.
   */
  private async warehouseFacts(pushdown: PushdownCapability, current: AbortSignal): Promise<void> {
    try {
      const s = await pushdown.summary!({ timeZone: this.timeZone }, { signal: current });
      const known = this.summary;
      if (this.pushdown !== pushdown || current.aborted || !known) return;
      this.publish(grown({ ...known, ...s }, known.campaigns, known.channels, known.attributes, known.orders), true);
    } catch {
      // Reports alone tell what the data holds.
    }
  }

  private apply(update: AdapterUpdate, current: AbortSignal): void {
    if (update.type === 'replace')
      this.use(update.data, current).catch(
        (error: unknown) => !current.aborted && this.events.onError(errorText(error), error),
      );
    else this.append(update.records);
  }

  /** Appends records (validated; repeated ids are not counted twice). */
  append(records: DataInput): void {
    const worker = this.worker;
    if (worker) {
      worker.append(records, { timeZone: this.timeZone }).then(
        (r) =>
          this.worker === worker && this.publish({ ...r.summary, version: 0, where: 'worker', workerFallback: null }),
        (error: unknown) => this.events.onError(errorText(error), error),
      );
      return;
    }
    const ds = this.dataset as LiveDataset | null;
    const page = this.page;
    if (!ds || !page) return;
    try {
      if (typeof ds.append !== 'function') throw new TypeError('This dataset cannot be appended to');
      ds.append(records);
      this.publish(pageSummary(page, ds, this.summary?.workerFallback ?? null));
    } catch (error) {
      this.events.onError(errorText(error), error);
    }
  }

  /** Whether a segment's customers can be listed: the adapter can, or the data is here or in the worker. */
  get canListCustomers(): boolean {
    return typeof this.adapter?.segmentCustomers === 'function' || this.worker !== null || this.dataset !== null;
  }

  /**
   * The customer ids of one segment of a query (KPI-SPEC 7.3), sorted by code point: through
   * the adapter's `segmentCustomers` when it has one (a warehouse), else the report worker,
   * else the engine over the page's dataset.
   */
  async segmentCustomers(query: ReportOptions, segment: SegmentQuery): Promise<string[]> {
    const adapter = this.adapter;
    if (adapter && typeof adapter.segmentCustomers === 'function') {
      return adapter.segmentCustomers({ ...query, timeZone: this.timeZone }, segment);
    }
    if (this.worker) return this.worker.segmentCustomers(query, segment);
    if (!this.dataset || !this.page) throw new Error('No data loaded');
    return this.page.segmentCustomers(this.dataset, query, segment);
  }

  /**
   * The report of a query (only new rows are visited after an append); through a warehouse,
   * the aggregates of the query (`signal` ends the request when a newer query overtakes it)
   * assembled on the page, and the summary republished when the report named campaigns,
   * channels or attribute values it did not know.
   */
  async compute(query: ReportOptions, signal?: AbortSignal): Promise<Report> {
    const pushdown = this.pushdown;
    if (pushdown) {
      const { finishReport, resolveOptions } = await loadPageEngine();
      const resolved = resolveOptions({ ...query, timeZone: this.timeZone });
      const report = finishReport(await pushdown.aggregate(resolved, signal ? { signal } : {}), resolved);
      const summary = this.summary;
      if (this.pushdown === pushdown && summary) {
        const next = warehouseSummary(summary, report);
        if (next !== summary) this.publish(next, true);
      }
      return report;
    }
    if (this.worker) return this.worker.report(query);
    if (!this.dataset || !this.page) throw new Error('No data loaded');
    return this.page.computeReport(this.dataset, query);
  }
}
