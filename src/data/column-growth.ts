/**
 * How the dataset's typed-array columns are made and grown (geometric growth, headroom after
 * a bulk build), and {@link DayCache}, the local day of an instant with the zone offset
 * cached per UTC day.
 *
 * DOM-free.
 */
import { MS_PER_DAY, type Zone } from '../core/time.js';

export type Columns = { length: number } & Record<string, unknown>;
export type TypedArray = Int8Array | Int16Array | Uint16Array | Int32Array | Float64Array;

export function allocate<T extends { length: number }>(
  shape: Record<Exclude<keyof T, 'length'>, new (n: number) => TypedArray>,
  cap: number,
): T {
  const cols: Record<string, unknown> = { length: 0 };
  for (const [k, ctor] of Object.entries(shape)) cols[k] = new (ctor as new (n: number) => TypedArray)(cap);
  return cols as T;
}

export function capacityOf(cols: Columns): number {
  for (const k in cols) if (k !== 'length') return (cols[k] as TypedArray).length;
  return 0;
}

/** Reallocates every column of `cols` to `cap` rows, keeping the first `length`. */
export function resize(cols: Columns, cap: number): void {
  for (const k in cols) {
    if (k === 'length') continue;
    const old = cols[k] as TypedArray;
    const next = new (old.constructor as new (n: number) => TypedArray)(cap);
    next.set(old.length > cap ? old.subarray(0, cap) : old);
    cols[k] = next;
  }
}

export function ensure(cols: Columns, rows: number): void {
  const cap = capacityOf(cols);
  if (rows > cap) resize(cols, Math.max(rows, Math.ceil(cap * 1.5) + 16));
}

/** Headroom kept after a bulk build: the first appends then copy nothing. */
export function headroom(n: number): number {
  return n + 1024 + (n >> 6);
}

/**
 * Local day of an instant, with the zone offset cached per UTC day: a zone changes offset
 * at most once a day, so when the offsets at both ends of a UTC day agree they hold for
 * the whole day. Two offset look-ups per day of data instead of one per 15 minutes.
 */
export class DayCache {
  readonly #zone: Zone;
  /** Offsets of UTC days `#base ..`, NaN when it changes that day, UNSET when not looked up yet. */
  readonly #window = new Float64Array(4096).fill(UNSET);
  #base = NaN;
  /** Days outside the window. */
  readonly #cache = new Map<number, number>();

  constructor(zone: Zone) {
    this.#zone = zone;
  }

  day(epochMs: number): number {
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    if (this.#base !== this.#base) this.#base = utcDay - 2048;
    const w = utcDay - this.#base;
    let off: number;
    if (w >= 0 && w < 4096) {
      off = this.#window[w]!;
      if (off === UNSET) this.#window[w] = off = this.#offsetOf(utcDay);
    } else {
      const cached = this.#cache.get(utcDay);
      off = cached ?? this.#offsetOf(utcDay);
      if (cached === undefined) this.#cache.set(utcDay, off);
    }
    if (off !== off) return this.#zone.day(epochMs);
    return Math.floor((epochMs + off) / MS_PER_DAY);
  }

  #offsetOf(utcDay: number): number {
    const a = this.#zone.offset(utcDay * MS_PER_DAY);
    const b = this.#zone.offset(utcDay * MS_PER_DAY + MS_PER_DAY - 1);
    return a === b ? a : NaN;
  }
}

/** A window slot not looked up yet (no zone is a year off UTC). */
export const UNSET = 1e15;
