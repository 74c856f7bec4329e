/**
 * What the engine's own tests and benchmarks read of the aggregation: not exported by any
 * entry point of the package.
 */
export { aggregateMode } from './dataset-cache.js';
export { clearEngineCache, LARGE_BATCH, LARGE_BATCH_MIN, MAX_STATES } from './aggregate-dataset.js';
export { DEFAULT_TUNING, type EngineTuning } from './order-cube.js';
