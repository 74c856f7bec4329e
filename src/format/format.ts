/**
 * Number and date formatting through Intl, cached per locale and options.
 * DOM-free. Every number a widget shows goes through here.
 */
import type { KpiUnit, Locale } from '../core/vocabulary.js';

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

/** Fraction digits of a percentage: one rule for every ratio and relative change the kit shows. */
export const PERCENT_DIGITS = 1;

/** Intl options for a value of a unit. */
export function unitFormatOptions(unit: KpiUnit, options: FormatOptions = {}): Intl.NumberFormatOptions {
  const compact = options.compact
    ? ({ notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } as const)
    : {};
  switch (unit) {
    case 'currency':
      return { style: 'currency', currency: options.currency ?? 'USD', ...compact };
    case 'ratio':
      // Compact (axis ticks, narrow cells): no padded zero ("50%", "2.5%").
      return {
        style: 'percent',
        minimumFractionDigits: options.compact ? 0 : PERCENT_DIGITS,
        maximumFractionDigits: PERCENT_DIGITS,
      };
    case 'count':
      return { maximumFractionDigits: 0, ...compact };
    case 'number':
    default:
      return { maximumFractionDigits: 2, ...compact };
  }
}

/**
 * Vietnamese short scale words for compact amounts. Intl's short compact forms for `vi`
 * ("1,3 T", "900 Tr") are read wrongly (T is taken for triệu), so compact amounts use the
 * long words, with triệu shortened to the usual "tr": "1,3 tỷ ₫", "900 tr ₫", "12 nghìn".
 */
const VI_SHORT_WORDS: Record<string, string> = { triệu: 'tr' };

/** A compact amount in Vietnamese: the long scale word, the currency symbol where the locale puts it. */
function formatCompactVi(value: number, tag: string, intl: Intl.NumberFormatOptions): string {
  const { style, currency, currencyDisplay, ...rest } = intl;
  const words = numberFormat(tag, { ...rest, notation: 'compact', compactDisplay: 'long' })
    .format(value)
    .replace(/[\p{L}]+/gu, (w) => VI_SHORT_WORDS[w] ?? w);
  if (style !== 'currency') return words;
  // The symbol and its place from the plain currency format of the same locale.
  const parts = numberFormat(tag, { style, currency, currencyDisplay, maximumFractionDigits: 0 }).formatToParts(1);
  const at = parts.findIndex((p) => p.type === 'currency');
  const symbol = parts[at]?.value ?? currency ?? '';
  const numberAt = parts.findIndex((p) => p.type === 'integer');
  return at < numberAt ? `${symbol}${words}` : `${words}\u00a0${symbol}`;
}

/** Formats a value of a unit; `null` (and any non-finite number) gives "—". */
export function formatValue(value: number | null | undefined, unit: KpiUnit, options: FormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const tag = localeTag(options.locale);
  const intl = unitFormatOptions(unit, options);
  if (intl.notation === 'compact' && baseLocale(tag) === 'vi') return formatCompactVi(value, tag, intl);
  return numberFormat(tag, intl).format(value);
}

/** Formats a relative change (0.125 -> "+12.5%"). */
export function formatDelta(delta: number | null | undefined, options: FormatOptions = {}): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  return numberFormat(localeTag(options.locale), {
    style: 'percent',
    minimumFractionDigits: PERCENT_DIGITS,
    maximumFractionDigits: PERCENT_DIGITS,
    signDisplay: 'exceptZero',
  }).format(delta);
}

/** How a change is expressed (KPI-SPEC section 3). */
export type ChangeKind = 'percent' | 'points' | 'absolute';

/** A change against the comparison period, ready to show. */
export interface ChangeText {
  /**
   * `percent`: relative to a positive previous value; `points`: a ratio KPI's change in
   * percentage points; `absolute`: the change in the KPI's unit, when the previous value
   * is zero or negative (a percentage of such a base misleads).
   */
  kind: ChangeKind;
  /** Signed text of the change: "+12.5%", "+2.3" (points, without the unit word), "+44,719,000 ₫". */
  text: string;
  /** The same without its sign, for sentences ("up 12.5%"). */
  magnitude: string;
  /** Direction as shown: a change that rounds to zero at the shown precision is `flat`. */
  trend: 'up' | 'down' | 'flat';
  /** The change as a number in the kind's own scale: a fraction (`percent`), points, or the unit (`absolute`). */
  amount: number;
}

/**
 * The change of a KPI value against its comparison value, by the rule of KPI-SPEC
 * section 3: ratio KPIs change in percentage points; other KPIs by `delta` when the
 * previous value is positive, else by the absolute change. Null when there is nothing to
 * compare (either value missing).
 */
export function describeChange(
  kv: { value: number | null; previous: number | null; delta?: number | null },
  unit: KpiUnit,
  options: FormatOptions = {},
): ChangeText | null {
  const { value, previous } = kv;
  if (value === null || previous === null || !Number.isFinite(value) || !Number.isFinite(previous)) return null;
  const tag = localeTag(options.locale);
  let kind: ChangeKind;
  let amount: number;
  let abs: (n: number) => string;
  if (unit === 'ratio') {
    kind = 'points';
    amount = (value - previous) * 100;
    const f = numberFormat(tag, { minimumFractionDigits: PERCENT_DIGITS, maximumFractionDigits: PERCENT_DIGITS });
    abs = (n) => f.format(n);
  } else if (previous > 0) {
    kind = 'percent';
    amount = kv.delta ?? (value - previous) / previous;
    // The size of a relative change is written as a ratio is, in full (12.5%).
    abs = (n) => formatValue(n, 'ratio', { locale: options.locale });
  } else {
    kind = 'absolute';
    amount = value - previous;
    abs = (n) => formatValue(n, unit, options);
  }
  const magnitude = abs(Math.abs(amount));
  // Zero at the shown precision reads as no change, whatever the sign of the raw number.
  const shownZero = !/[1-9]/.test(magnitude);
  const trend = shownZero ? 'flat' : amount > 0 ? 'up' : 'down';
  const sign = trend === 'up' ? '+' : trend === 'down' ? '\u2212' : '';
  return { kind, text: `${sign}${magnitude}`, magnitude, trend, amount };
}
