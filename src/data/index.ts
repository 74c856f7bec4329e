/**
 * The data layer: canonical schema (zod), record-by-record validation and the columnar
 * dataset the engine reads. DOM-free.
 */
export * from './schema.js';
export { explainRecord, validateCollection, issueMessage, makeIssue } from './validate.js';
export * from './dataset.js';
export type * from './types.js';
