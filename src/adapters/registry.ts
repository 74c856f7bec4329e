/**
 * The adapter registry: the board picks an adapter by name from HTML attributes
 * (`<promo-kpi-board adapter="csv" src="/orders.csv">`), and users add their own.
 *
 * @example
 * registerAdapter('my-api', (options) => ({
 *   async load(query, { signal }) {
 *     const res = await fetch(`${options.src}?from=${query.from}`, { signal });
 *     return { orders: await res.json() };
 *   },
 * }));
 * const adapter = createAdapter('my-api', { src: '/api/orders' });
 *
 * DOM-free.
 */
import type { Adapter } from './adapter.js';
import { registerBuiltinAdapters } from './builtins.js';
import { factoryNames, makeAdapter, setFactory, type AdapterFactory, type AdapterOptions } from './factory-table.js';

export type { AdapterFactory, AdapterOptions } from './factory-table.js';

/**
 * Registers an adapter factory under `name` (lower-case letters, digits and `-`). A later
 * registration under the same name replaces the earlier one, a built-in's too.
 */
export function registerAdapter<O extends AdapterOptions>(name: string, factory: AdapterFactory<O>): void {
  registerBuiltinAdapters();
  setFactory(name, factory);
}

/** Names of the registered adapters. */
export function adapterNames(): string[] {
  registerBuiltinAdapters();
  return factoryNames();
}

/**
 * Creates an adapter by name. Throws an `AdapterError` of kind `config` for an
 * unknown name, naming the registered ones.
 */
export function createAdapter(name: string, options: AdapterOptions = {}): Adapter {
  // Built-ins are registered on first use, so a bundler dropping side effects cannot lose them.
  registerBuiltinAdapters();
  return makeAdapter(name, options);
}
