/**
 * `computeReport`: the report of KPI-SPEC section 6 from plain input or a dataset.
 *
 * DOM-free: runs in Node, in a Worker and in the page.
 */
import { createDataset, isDataset } from '../data/dataset.js';
import type { Dataset } from '../data/columns.js';
import { datasetReport, failedReport, type ComputeReportOptions } from './compute.js';
import { resolveOptions } from './options.js';
import type { Report } from './report-types.js';

/** The plain input of KPI-SPEC section 1 (records are validated when the dataset is built). */
export type ReportInput = Parameters<typeof createDataset>[0];

/**
 * Computes the report of KPI-SPEC section 6.
 *
 * `data` is the plain input of section 1 (a dataset is built in `options.timeZone`) or a
 * dataset from `createDataset`. Keep the dataset and `append` to it: the next report of
 * the same options only visits the new rows and the customers they name. Never throws on
 * bad data or options: they are reported in `issues` and the rest is computed.
 */
export function computeReport(data: Dataset | ReportInput, options: ComputeReportOptions): Report {
  try {
    const ds = isDataset(data) ? data : createDataset(data, { timeZone: resolveOptions(options).timeZone });
    return datasetReport(ds, options);
  } catch (e) {
    return failedReport(options, e);
  }
}
