/**
 * Number and date formatting through Intl, cached per locale and options.
 * DOM-free. Every number a widget shows goes through here.
 */
import type { KpiUnit, Locale } from '../engine/types.js';

/** BCP 47 tags for the shipped locales. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-US', vi: 'vi-VN' };

export interface FormatOptions {
  /** `en`, `vi`, or any BCP 47 tag (`en-GB`). */
  locale?: string;
  /** ISO 4217 code, e.g. `VND`. */
  currency?: string;
  /** Short form: 1.2M, 12 tr. */
  compact?: boolean;
}

const cache = new Map<string, Intl.NumberFormat>();

/** Resolves `en`/`vi` to a full tag; passes other tags through. */
export function localeTag(locale: string | undefined): string {
  if (!locale) return LOCALE_TAGS.en;
  return (LOCALE_TAGS as Record<string, string>)[locale] ?? locale;
}

/** The shipped locale nearest to a tag (`vi-VN` -> `vi`; anything else -> `en`). */
export function baseLocale(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(tag, options);
    } catch {
      f = new Intl.NumberFormat('en-US', { ...options, currency: options.currency ? 'USD' : undefined });
    }
    cache.set(key, f);
  }
  return f;
}

/** Intl options for a value of a unit. */
export function unitFormatOptions(unit: KpiUnit, options: FormatOptions = {}): Intl.NumberFormatOptions {
  const compact = options.compact ? ({ notation: 'compact', maximumFractionDigits: 1 } as const) : {};
  switch (unit) {
    case 'currency':
      return { style: 'currency', currency: options.currency ?? 'USD', ...compact };
    case 'ratio':
      return { style: 'percent', maximumFractionDigits: 1 };
    case 'count':
      return { maximumFractionDigits: 0, ...compact };
    case 'number':
    default:
      return { maximumFractionDigits: 2, ...compact };
  }
}

/** Formats a value of a unit; `null` (and any non-finite number) gives "—". */
export function formatValue(value: number | null | undefined, unit: KpiUnit, options: FormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(localeTag(options.locale), unitFormatOptions(unit, options)).format(value);
}

/** Formats a relative change (0.125 -> "+12.5%"). */
export function formatDelta(delta: number | null | undefined, options: FormatOptions = {}): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  return numberFormat(localeTag(options.locale), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(delta);
}
