/**
 * What computing on the page takes (the dataset builder, the aggregation, segment lists and
 * the summary of a dataset), gathered in one module so the board can load it with a
 * dynamic `import()` only when it computes on the page: with a worker, the page never
 * needs it.
 *
 * DOM-free.
 */
export * from './page-compute.js';
export { summarizeDataset } from './worker-protocol.js';
