/**
 * KPI facts as widgets read them: from the report's `kpiMeta` (filled by the engine, the
 * report worker and the warehouse), never from the engine's registry, so a widget bundle
 * carries no formula and a report made elsewhere renders its custom KPIs. Defensive: a
 * report made by hand may lack the metadata or hold anything.
 */
import { DAILY_MEASURES, KPI_POLARITIES, KPI_UNITS } from '../../core/vocabulary.js';
import type { KpiMeta, Report } from '../../engine/report-types.js';
import { baseLocale } from '../../format/format.js';

/** `o[k]` when `o` is an object holding `k` as its own key (ids such as `toString` find nothing), else undefined. */
export const own = <T>(o: unknown, k: string): T | undefined =>
  o !== null && typeof o === 'object' && Object.hasOwn(o, k) ? ((o as Record<string, T>)[k] ?? undefined) : undefined;

/**
 * The entry of KPI `id` in `report` when it has a label in both locales, a known unit and a
 * known polarity, its daily fields as given: what the label, unit, polarity, additivity and
 * presence readers need, so a widget reading only those does not bundle the daily measures
 * (`kpiMeta` checks them too).
 */
export function checkedMeta(report: Report | null | undefined, id: string): KpiMeta | undefined {
  if (!id) return undefined;
  const m = own<KpiMeta>(own(report, 'kpiMeta'), id);
  if (!m || typeof m !== 'object') return undefined;
  const label = m.label as unknown;
  if (!label || typeof label !== 'object' || typeof m.label.en !== 'string' || typeof m.label.vi !== 'string')
    return undefined;
  if (!(KPI_UNITS as readonly unknown[]).includes(m.unit)) return undefined;
  if (!(KPI_POLARITIES as readonly unknown[]).includes(m.polarity)) return undefined;
  return m;
}

/**
 * The metadata of KPI `id` in `report`, or undefined when the report carries none (or an
 * entry without a label in both locales, a known unit and a known polarity).
 */
export function kpiMeta(report: Report | null | undefined, id: string): KpiMeta | undefined {
  const m = checkedMeta(report, id);
  if (!m) return undefined;
  // A daily series names measures of `report.daily` points, or there is none.
  const daily = (f: unknown) => f === undefined || (DAILY_MEASURES as readonly unknown[]).includes(f);
  if (!daily(m.dailyField) || !daily(m.dailyPer)) {
    const { dailyField: _f, dailyPer: _p, ...rest } = m;
    return rest;
  }
  return m;
}

/** The label of KPI `id` in `locale` from the report, or the id itself when the report has none. */
export function kpiLabel(report: Report | null | undefined, id: string, locale: string): string {
  return checkedMeta(report, id)?.label[baseLocale(locale)] ?? id;
}

/** Whether KPI `id` adds up across campaigns (per the report; false when unknown). */
export function kpiAdditive(report: Report | null | undefined, id: string): boolean {
  return checkedMeta(report, id)?.additive === true;
}

/** Whether the report knows KPI `id`: it carries its metadata or a value of it. */
export function reportHasKpi(report: Report, id: string): boolean {
  return checkedMeta(report, id) !== undefined || own(own(report, 'kpis'), id) !== undefined;
}
