/**
 * Reports over a dataset (no dependency on the data layer's builder, so the server side
 * and tests can use it with any {@link Dataset}).
 *
 * DOM-free.
 */
import type { Dataset } from '../data/columns.js';
import { aggregate, type AggregateOptions } from './aggregation/aggregate-dataset.js';
import type { Aggregates, ResolvedOptions } from './aggregates-contract.js';
import { finishReport } from './finish.js';
import { resolveOptions } from './options.js';
import type { DataIssue } from '../core/issues.js';
import type { Report, ReportOptions } from './report-types.js';

/** Report options plus engine switches. */
export interface ComputeReportOptions extends ReportOptions, AggregateOptions {}

/**
 * Resolves options against a dataset. A dataset's local dates were taken in its own zone,
 * so when `options.timeZone` names another zone the dataset's zone is used and an
 * `options` issue says so.
 */
export function resolveForDataset(ds: Dataset, options: Partial<ReportOptions> | null | undefined): ResolvedOptions {
  const o = resolveOptions(options);
  if (o.timeZone === ds.timeZone) return o;
  const asked = options && typeof options === 'object' ? options.timeZone : undefined;
  const z = resolveOptions({ ...(options ?? {}), timeZone: ds.timeZone } as ReportOptions);
  if (asked !== undefined && asked !== null)
    z.issues.push({
      collection: 'options',
      index: 0,
      path: 'timeZone',
      message: `timeZone: the dataset was built in ${ds.timeZone}, so its local dates are taken there (asked for ${JSON.stringify(asked)})`,
    });
  return z;
}

/** The aggregates of a dataset's report (the first half of `computeReport`). */
export function datasetAggregates(
  ds: Dataset,
  options: Partial<ComputeReportOptions> | null | undefined,
): { aggregates: Aggregates; options: ResolvedOptions } {
  const o = resolveForDataset(ds, options);
  return { aggregates: aggregate(ds, o, { cache: options?.cache, tuning: options?.tuning }), options: o };
}

/** The report of a dataset; never throws (an internal failure is reported as an issue). */
export function datasetReport(ds: Dataset, options: Partial<ComputeReportOptions> | null | undefined): Report {
  try {
    const { aggregates, options: o } = datasetAggregates(ds, options);
    return finishReport(aggregates, o);
  } catch (e) {
    return failedReport(options, e);
  }
}

/** An empty report that carries the error as an issue (nothing is made up: every KPI is null). */
export function failedReport(options: Partial<ReportOptions> | null | undefined, error: unknown): Report {
  const o = resolveOptions(options);
  const issue: DataIssue = {
    collection: 'options',
    index: 0,
    path: '',
    message: `the report could not be computed: ${error instanceof Error ? error.message : String(error)}`,
  };
  return {
    period: { from: o.from, to: o.to, days: o.days },
    previous: o.previousFrom !== null && o.previousTo !== null ? { from: o.previousFrom, to: o.previousTo } : null,
    kpis: {},
    byCampaign: {},
    byChannel: {},
    daily: [],
    cohorts: { grain: o.cohortGrain, rows: [] },
    recency: [],
    reactivation: [],
    loyaltyByChannel: {},
    pacing: {},
    issues: [...o.issues, issue],
  };
}
