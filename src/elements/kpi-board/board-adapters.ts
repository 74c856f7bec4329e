/**
 * What a board loads on demand for an adapter given by name (`adapter="json"`): the adapter
 * registry, and with it what the page computes with (`engine/page-compute.ts`), since the
 * board computes a named adapter's data on the page unless it has 100,000 orders or more.
 * Loaded together, the adapters and the aggregation share one chunk of the data layer they
 * both stand on, rather than three chunks (data layer, adapters, aggregation) of a split
 * by who loads what. DOM-free.
 */
export { createAdapter } from '../../adapters/registry.js';
export * from '../../engine/page-compute.js';
