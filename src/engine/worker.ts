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
import type { ReportOptions } from './types.js';
import { computeReport } from './report.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

let dataset: LiveDataset | null = null;

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
      dataset = createDataset(req.input, { timeZone: req.timeZone });
      return { orders: dataset.orders.length, issues: dataset.issues.length, version: dataset.version };
    }
    case 'append': {
      if (!dataset) dataset = createDataset({}, { timeZone: req.timeZone });
      const r = dataset.append(req.records);
      return { added: r.added, issues: r.issues, version: dataset.version };
    }
    case 'report': {
      if (!dataset) dataset = createDataset({}, { timeZone: (req.options as ReportOptions | undefined)?.timeZone });
      return computeReport(dataset, req.options);
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
