/**
 * Geometry of the campaign chart, one module per view: `bar-layout.ts` (ranking and bars)
 * and `trend-layout.ts` (sales over time). This module gathers them for importers.
 */
export * from './bar-layout.js';
export * from './trend-layout.js';
export { TREND_GRAINS } from './trend-options.js';
export { fitText, textWidth } from '../shared/text-fit.js';
