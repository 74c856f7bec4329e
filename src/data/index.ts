/**
 * The data layer: the canonical input shape, record-by-record validation and the columnar
 * dataset the engine reads. DOM-free, and free of zod: the zod schemas are the
 * `promo-kpi-kit/schema` entry (src/schema/).
 */
export * from './records.js';
export { endBeforeStart, expected, explainRecord, issueMessage, makeIssue, show } from './explain.js';
export * from './dataset.js';
export type * from './columns.js';
