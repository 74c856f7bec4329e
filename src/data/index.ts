/**
 * The data layer: the canonical input shape, record-by-record validation and the columnar
 * dataset the engine reads. DOM-free, and free of zod: the zod schemas are the
 * `promo-kpi-kit/schema` entry (src/schema/).
 */
export * from './schema.js';
export { explainRecord, issueMessage, makeIssue } from './validate.js';
export * from './dataset.js';
export type * from './columns.js';
