/**
 * What the page computes with: the dataset builder, the aggregation and segment lists, and
 * the report assembly and option resolution a board computing through a warehouse's
 * aggregates (an adapter's `pushdown`) needs of the engine. The
 * board loads it on demand, through `page-engine.ts` (which adds the summary of a dataset)
 * when it computes on the page, or with the registered adapters (`elements/kpi-board/
 * board-adapters.ts`) for an adapter given by name, whose data it computes on the page unless
 * it has 100,000 orders or more.
 *
 * DOM-free.
 */
export { createDataset } from '../data/dataset.js';
export { computeReport } from './report.js';
export { segmentCustomers } from './segments.js';
export { finishReport } from './finish.js';
export { resolveOptions } from './options.js';
