/**
 * promo-kpi-kit/engine: the headless KPI engine. No DOM, no Lit: runs in Node, Workers
 * and pages alike.
 */
export * from './report-types.js';
export * from '../core/index.js';
export * from './kpis.js';
export * from './aggregates.js';
export * from './options.js';
export * from './finish.js';
export * from './compute.js';
export { computeReport } from './report.js';
export { segmentCustomers, compareCodePoints } from './segments.js';
export type { ReportInput } from './report.js';
export { createReportWorker, computeReportInWorker } from './report-worker.js';
export type { ReportWorker, ReportWorkerOptions, WorkerLoadResult } from './report-worker.js';
export type { WorkerRequest, WorkerResponse, DatasetSummary, SummaryCampaign } from './worker-protocol.js';
export { aggregate, clearEngineCache, lastAggregateMode } from './aggregate.js';
export type { AggregateOptions, AggregateMode } from './aggregate.js';
export type * from '../data/columns.js';
export * from '../data/index.js';
export * from '../adapters/index.js';
export { formatValue, formatDelta, localeTag, baseLocale } from '../format/format.js';
export type { FormatOptions } from '../format/format.js';
