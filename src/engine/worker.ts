/**
 * The report worker's entry module: holds a dataset inside a Web Worker and answers
 * report requests, so the page stays responsive while millions of orders are aggregated.
 * Started by `createReportWorker()` (report-worker.ts); speaks the {@link WorkerRequest}
 * protocol.
 *
 * Custom KPIs are functions and cannot be posted to a worker: the page names ES modules
 * that call `registerKpi` (`kpiModules`), and the worker imports them before any report.
 *
 * DOM-free (worker scope only).
 */
import { createDataset, type LiveDataset } from '../data/dataset.js';
import type { DataInput } from '../data/records.js';
import type { ReportOptions } from './report-types.js';
import { computeReport } from './report.js';
import { segmentCustomers } from './segments.js';
import { summarizeDataset, type WorkerRequest, type WorkerResponse } from './worker-protocol.js';

let dataset: LiveDataset | null = null;
/** The input of a chunked load, filled by `load-chunk` until `load-end`. */
let loading: { input: unknown; timeZone?: string } | null = null;

const loaded = (ds: LiveDataset) => ({
  orders: ds.orders.length,
  issues: ds.issues.length,
  version: ds.version,
  summary: summarizeDataset(ds),
});

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = globalThis as unknown as WorkerScope;

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.type) {
    case 'import': {
      for (const url of req.urls) await import(/* @vite-ignore */ url);
      return null;
    }
    case 'load': {
      loading = null;
      dataset = createDataset(req.input, { timeZone: req.timeZone });
      return loaded(dataset);
    }
    case 'load-begin': {
      // The long lists arrive in chunks; the dataset is built from the whole input at the end,
      // so a chunked load gives exactly the dataset (and issues) of a single one.
      loading = { input: req.input, timeZone: req.timeZone };
      return null;
    }
    case 'load-chunk': {
      const list = loading && (loading.input as Record<string, unknown>)[req.key];
      if (!Array.isArray(list)) throw new Error(`load-chunk ${JSON.stringify(req.key)} outside a chunked load`);
      for (let i = 0; i < req.records.length; i++) list.push(req.records[i]);
      return null;
    }
    case 'load-end': {
      if (!loading) throw new Error('load-end outside a chunked load');
      const { input, timeZone } = loading;
      loading = null;
      dataset = createDataset(input as DataInput, { timeZone });
      return loaded(dataset);
    }
    case 'append': {
      if (!dataset) dataset = createDataset({}, { timeZone: req.timeZone });
      const r = dataset.append(req.records);
      return { added: r.added, issues: r.issues, version: dataset.version, summary: summarizeDataset(dataset) };
    }
    case 'report': {
      if (!dataset) dataset = createDataset({}, { timeZone: (req.options as ReportOptions | undefined)?.timeZone });
      return computeReport(dataset, req.options);
    }
    case 'segment': {
      if (!dataset) dataset = createDataset({}, { timeZone: (req.options as ReportOptions | undefined)?.timeZone });
      return segmentCustomers(dataset, req.options, req.query);
    }
    case 'compute':
      return computeReport(req.input, req.options);
    default:
      throw new Error(`unknown request ${JSON.stringify((req as { type?: unknown }).type)}`);
  }
}

scope.onmessage = (e) => {
  const req = e.data;
  handle(req).then(
    (result) => scope.postMessage({ id: req.id, ok: true, result }),
    (err: unknown) =>
      scope.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
