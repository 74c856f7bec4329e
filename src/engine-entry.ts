/**
 * promo-kpi-kit/engine: the headless KPI engine, with the data layer it reads (records,
 * validation, `createDataset`). No DOM, no Lit: runs in Node, Workers and pages alike.
 *
 * This file only gathers the public API of the layers; it is the package entry, not part
 * of the engine, so the engine itself never imports the layers above it.
 */
export * from './engine/index.js';
export * from './data/index.js';

/**
 * The adapters and the number formatters are kept here for compatibility: code that
 * imported them from `promo-kpi-kit/engine` keeps working.
 *
 * @deprecated Import adapters (`csvAdapter`, `registerAdapter`, ...) and formatters
 * (`formatValue`, `formatDelta`, `localeTag`, `baseLocale`) from `promo-kpi-kit`; a later
 * major version drops them from `promo-kpi-kit/engine`, which is the headless engine only.
 */
export * from './adapters/index.js';
export { formatValue, formatDelta, localeTag, baseLocale } from './format/format.js';
export type { FormatOptions } from './format/format.js';
