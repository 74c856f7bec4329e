/**
 * A known report for the cohort heatmap: monthly cohorts July .. November 2026 (a triangle:
 * the July cohort has 5 months, November 1), sizes and retention written out, revenue =
 * retained members x 250,000 VND per month.
 */
import type { CohortRow, Report } from '../../../src/engine/report-types.js';
import { makeReport } from '../../fixtures/report.js';

const SIZES = [120, 95, 80, 64, 40];
const RETENTION = [[1, 0.42, 0.3, 0.25, 0.2], [1, 0.38, 0.27, 0.21], [1, 0.45, 0.31], [1, 0.4], [1]];
const LABELS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

export const MONTH_ROWS: CohortRow[] = LABELS.map((cohort, i) => ({
  cohort,
  size: SIZES[i],
  retention: RETENTION[i],
  revenue: RETENTION[i].map((r) => Math.round(r * SIZES[i]) * 250_000),
}));

export function monthCohortReport(): Report {
  const report = makeReport();
  report.cohorts = {
    grain: 'month',
    rows: MONTH_ROWS.map((r) => ({ ...r, retention: [...r.retention], revenue: [...r.revenue] })),
  };
  return report;
}
