/**
 * The table of adapter factories by name, as it is: no built-ins are added here. The
 * public functions of registry.ts fill it with the built-ins on first use; the built-ins
 * (builtins.ts) read and write it directly, so neither of the two imports the other.
 *
 * DOM-free.
 */
import { AdapterError, type Adapter } from './adapter.js';

/** Options as they come from attributes (strings) or properties (anything). */
export type AdapterOptions = Record<string, unknown>;

/** Makes an adapter from its options. */
export type AdapterFactory<O extends AdapterOptions = AdapterOptions> = (options: O) => Adapter;

const factories = new Map<string, AdapterFactory>();

/** Sets the factory of `name` (lower-case letters, digits and `-`), replacing an earlier one. */
export function setFactory<O extends AdapterOptions>(name: string, factory: AdapterFactory<O>): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    throw new AdapterError('config', `Adapter name "${name}": use lower-case letters, digits and "-" (e.g. "my-api")`);
  factories.set(name, factory as AdapterFactory);
}

/** Names in the table, sorted. */
export function factoryNames(): string[] {
  return [...factories.keys()].sort();
}

/** Makes the adapter of `name`; an {@link AdapterError} of kind `config` names the known ones when there is none. */
export function makeAdapter(name: string, options: AdapterOptions): Adapter {
  const factory = factories.get(name);
  if (!factory)
    throw new AdapterError(
      'config',
      `No adapter named "${name}"; registered: ${factoryNames().join(', ') || 'none'}. Register it with registerAdapter("${name}", factory)`,
    );
  return factory(options);
}
