/**
 * The headless KPI engine: KPI registry, aggregation, report assembly, the report worker,
 * and the ground floor (time, issues, word lists) it speaks in. No DOM, no Lit: runs in
 * Node, Workers and pages alike. Imports only `core` and `data`; the package entry
 * `promo-kpi-kit/engine` is src/engine-entry.ts.
 */
export * from './report-types.js';
export * from '../core/index.js';
export * from './kpis.js';
export * from './kpis/registry.js';
export { MEASURES, MEASURE_NAMES, measureColumn } from './measures.js';
export type { MeasureCollection, MeasureContext, MeasureDeclaration, MeasureName } from './measures.js';
export * from './aggregates-contract.js';
export * from './options.js';
export * from './finish.js';
export * from './compute.js';
export { computeReport } from './report.js';
export { segmentCustomers, compareCodePoints } from './segments.js';
export type { ReportInput } from './report.js';
export { createReportWorker, computeReportInWorker } from './report-worker.js';
export type { ReportWorker, ReportWorkerOptions, WorkerLoadResult } from './report-worker.js';
export type { WorkerRequest, WorkerResponse, DatasetSummary, SummaryCampaign } from './worker-protocol.js';
export { aggregate, clearEngineCache, lastAggregateMode } from './aggregation/aggregate-dataset.js';
export type { AggregateOptions, AggregateMode, EngineTuning } from './aggregation/aggregate-dataset.js';
