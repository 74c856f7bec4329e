/**
 * {@link IdSet}: order-id dedupe as a set of 53-bit string hashes in one Float64Array (open
 * addressing, linear probing). Ids themselves are not kept. Two different ids share a hash
 * with probability about n² / 2^54 over n ids (5.6e-5 for a million, 5.6e-3 for ten
 * million); such a pair would be reported as a duplicate, never silently merged into a count.
 *
 * DOM-free.
 */
import { hashRange, hashString, last, release, slotOf, touched, TWO_POW_21 } from './hash.js';

export class IdSet {
  #keys: Float64Array;
  #size = 0;

  constructor(expected = 16) {
    this.#keys = new Float64Array(Math.max(16, Math.ceil(expected / 0.85)));
  }

  get size(): number {
    return this.#size;
  }

  /** Adds `s`; returns false when it (or a string of the same hash) was already there. */
  add(s: string): boolean {
    hashString(s);
    return this.addKey(last[0]! * TWO_POW_21 + (last[1]! >>> 11) || 1);
  }

  /**
   * The key `text.slice(start, end)` is held as, for {@link addKey}: batch callers compute
   * the keys of many ids first, {@link touchAll} their slots (the memory loads then overlap
   * instead of waiting one after the other), then add them.
   */
  keyAt(text: string, start: number, end: number): number {
    hashRange(text, start, end);
    return last[0]! * TWO_POW_21 + (last[1]! >>> 11) || 1;
  }

  /** The key of the hashes of a string ({@link hashEndA}, {@link hashEndB}). */
  static keyOfHashes(a: number, b: number): number {
    return a * TWO_POW_21 + (b >>> 11) || 1;
  }

  /** {@link keyAt} of a string. */
  keyOf(s: string): number {
    hashString(s);
    return last[0]! * TWO_POW_21 + (last[1]! >>> 11) || 1;
  }

  /** Reads the slots the first `n` keys start probing at, to bring them into the cache. */
  touchAll(keys: Float64Array, n: number): void {
    const table = this.#keys;
    const cap = table.length;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += table[slotOf(Math.floor(keys[k]! / TWO_POW_21), cap)]!;
    touched[0] = sum;
  }

  /** {@link add} of a key from {@link keyAt}. */
  addKey(key: number): boolean {
    if (this.#size + 1 > this.#keys.length * 0.92) this.#resize(Math.ceil(((this.#size + 1) * 2) / 0.92));
    const keys = this.#keys;
    const cap = keys.length;
    let i = slotOf(Math.floor(key / TWO_POW_21), cap);
    for (;;) {
      const k = keys[i]!;
      if (k === 0) {
        keys[i] = key;
        this.#size++;
        return true;
      }
      if (k === key) return false;
      if (++i === cap) i = 0;
    }
  }

  has(s: string): boolean {
    hashString(s);
    const key = last[0]! * TWO_POW_21 + (last[1]! >>> 11) || 1;
    const keys = this.#keys;
    const cap = keys.length;
    let i = slotOf(last[0]!, cap);
    for (;;) {
      const k = keys[i]!;
      if (k === 0) return false;
      if (k === key) return true;
      if (++i === cap) i = 0;
    }
  }

  /**
   * Shrinks the table to `size / load` slots after a bulk build, when it is well over that
   * (a table presized for the input is left alone: rehashing a million keys costs more
   * than the few spare slots).
   */
  trim(load = 0.85): void {
    const cap = Math.max(16, Math.ceil(this.#size / load));
    if (this.#keys.length > cap * 1.1) this.#resize(cap);
  }

  get byteLength(): number {
    return this.#keys.byteLength;
  }

  #resize(cap: number): void {
    const old = this.#keys;
    const keys = new Float64Array(cap);
    for (let j = 0; j < old.length; j++) {
      const key = old[j]!;
      if (key === 0) continue;
      // The high 32 bits of the key are hash A, which places it.
      let i = slotOf(Math.floor(key / TWO_POW_21), cap);
      while (keys[i] !== 0) if (++i === cap) i = 0;
      keys[i] = key;
    }
    this.#keys = keys;
    release(old);
  }
}
