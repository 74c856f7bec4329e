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
import { AdapterError, type Adapter } from './adapter.js';
import { registerBuiltinAdapters } from './builtins.js';

/** Options as they come from attributes (strings) or properties (anything). */
export type AdapterOptions = Record<string, unknown>;

/** Makes an adapter from its options. */
export type AdapterFactory<O extends AdapterOptions = AdapterOptions> = (options: O) => Adapter;

const factories = new Map<string, AdapterFactory>();

/**
 * Registers an adapter factory under `name` (lower-case letters, digits and `-`). A later
 * registration under the same name replaces the earlier one.
 */
export function registerAdapter<O extends AdapterOptions>(name: string, factory: AdapterFactory<O>): void {
  registerBuiltinAdapters();
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    throw new AdapterError('config', `Adapter name "${name}": use lower-case letters, digits and "-" (e.g. "my-api")`);
  factories.set(name, factory as AdapterFactory);
}

/** Names of the registered adapters. */
export function adapterNames(): string[] {
  registerBuiltinAdapters();
  return [...factories.keys()].sort();
}

/**
 * Creates an adapter by name. Throws an {@link AdapterError} of kind `config` for an
 * unknown name, naming the registered ones.
 */
export function createAdapter(name: string, options: AdapterOptions = {}): Adapter {
  // Built-ins are registered on first use, so a bundler dropping side effects cannot lose them.
  registerBuiltinAdapters();
  const factory = factories.get(name);
  if (!factory)
    throw new AdapterError(
      'config',
      `No adapter named "${name}"; registered: ${adapterNames().join(', ') || 'none'}. Register it with registerAdapter("${name}", factory)`,
    );
  return factory(options);
}
