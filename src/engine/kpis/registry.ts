/**
 * The KPI registry: the kit's KPIs (declared in `builtins.ts`) and the custom KPIs a page,
 * a worker module or a server registers, in one list the engine evaluates. Widgets never
 * read it: every report carries the metadata of its KPIs (`report.kpiMeta`, from
 * {@link describeKpi}).
 *
 * DOM-free.
 */
import type { KpiDefinition } from '../kpis.js';
import type { KpiMeta } from '../report-types.js';
import { KPI_POLARITIES, KPI_UNITS } from '../../core/vocabulary.js';
import { BUILT_IN_KPI_DECLARATIONS } from './builtins.js';

/** The kit's KPIs, in KPI-SPEC section 3 order (declared in `kpis/builtins.ts`). */
export const BUILT_IN_KPIS: readonly KpiDefinition[] = BUILT_IN_KPI_DECLARATIONS.map((d) =>
  Object.freeze({ ...d, builtIn: true }),
);

/** The KPI tiles of the board's default layout, in order (listed in `kpis/board-tiles.ts`). */
export { DEFAULT_BOARD_KPIS } from './board-tiles.js';

const registry = new Map<string, KpiDefinition>(BUILT_IN_KPIS.map((d) => [d.id, d]));
const listeners = new Set<() => void>();

const ID_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Registers a custom KPI (or replaces a custom one with the same id). Built-in ids cannot
 * be replaced. Throws a TypeError for an invalid definition, so mistakes show at startup.
 */
export function registerKpi(def: KpiDefinition): void {
  if (!def || typeof def !== 'object') throw new TypeError('registerKpi: expected a KPI definition object');
  if (typeof def.id !== 'string' || !ID_RE.test(def.id))
    throw new TypeError(`registerKpi: id must match ${ID_RE} (got ${JSON.stringify(def.id)})`);
  if (registry.get(def.id)?.builtIn)
    throw new TypeError(`registerKpi: "${def.id}" is a built-in KPI and cannot be replaced`);
  if (typeof def.compute !== 'function')
    throw new TypeError(`registerKpi: "${def.id}" needs a compute(measures, f) function`);
  if (!def.label || typeof def.label.en !== 'string' || typeof def.label.vi !== 'string')
    throw new TypeError(`registerKpi: "${def.id}" needs label.en and label.vi`);
  if (!(KPI_UNITS as readonly string[]).includes(def.unit))
    throw new TypeError(`registerKpi: "${def.id}" has unknown unit ${JSON.stringify(def.unit)}`);
  if (!(KPI_POLARITIES as readonly string[]).includes(def.polarity))
    throw new TypeError(`registerKpi: "${def.id}" has unknown polarity ${JSON.stringify(def.polarity)}`);
  if (def.additive !== undefined && typeof def.additive !== 'boolean')
    throw new TypeError(`registerKpi: "${def.id}" additive must be true or false`);
  for (const [name, m] of Object.entries(def.measures ?? {})) {
    if (!['orders', 'costs', 'exposures', 'loyalty'].includes(m?.collection) || typeof m.value !== 'function')
      throw new TypeError(`registerKpi: "${def.id}" measure "${name}" needs a collection and a value(record) function`);
  }
  registry.set(def.id, Object.freeze({ ...def, builtIn: false }));
  for (const l of listeners) l();
}

/** Removes a custom KPI. Returns whether one was removed. */
export function unregisterKpi(id: string): boolean {
  const d = registry.get(id);
  if (!d || d.builtIn) return false;
  registry.delete(id);
  for (const l of listeners) l();
  return true;
}

/** The definition of a KPI, built-in or custom. */
export function getKpi(id: string): KpiDefinition | undefined {
  return registry.get(id);
}

/** Every KPI, built-ins first in spec order, then custom ones in registration order. */
export function listKpis(): KpiDefinition[] {
  return [...registry.values()];
}

/**
 * The plain metadata of a KPI (no formula), as a report carries it in `report.kpiMeta`:
 * structured-clone and JSON safe, `additive` always set, optional fields only when present.
 */
export function describeKpi(def: KpiMeta): KpiMeta {
  const meta: KpiMeta = {
    id: def.id,
    label: { en: def.label.en, vi: def.label.vi },
    unit: def.unit,
    polarity: def.polarity,
    additive: def.additive === true,
  };
  if (def.description) meta.description = { en: def.description.en, vi: def.description.vi };
  if (def.dailyField) meta.dailyField = def.dailyField;
  if (def.dailyPer) meta.dailyPer = def.dailyPer;
  return meta;
}

/**
 * The metadata of registered KPIs by id (`ids`, default every registered KPI; unknown ids
 * are left out): what `report.kpiMeta` holds. For a report made by hand, so widgets can
 * show its KPIs: `report.kpiMeta = describeKpis(Object.keys(report.kpis))`.
 */
export function describeKpis(ids?: Iterable<string>): Record<string, KpiMeta> {
  const defs = ids === undefined ? [...registry.values()] : [...ids].map((id) => registry.get(id));
  return Object.fromEntries(defs.filter((d) => d !== undefined).map((d) => [d.id, describeKpi(d)]));
}

/** Calls `listener` whenever a custom KPI is registered or removed. Returns an unsubscribe function. */
export function onKpiRegistryChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
