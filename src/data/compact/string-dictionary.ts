/**
 * {@link StringDictionary}: a growable string <-> code dictionary (customer ids) whose
 * strings live in one {@link CharPool}, with an Int32Array hash table whose entries carry
 * spare hash bits, so a probe rarely reads a string that does not match: about 17 bytes per
 * short id instead of the 70 or so of a Map and an array of strings. Strings can be hashed,
 * looked up and added straight from a range of a larger text (a CSV file) without making a
 * string first (`hashAt`, `internHashed`, `codeAt`).
 *
 * DOM-free.
 */
import type { Dictionary } from '../columns.js';
import { CharPool } from './char-pool.js';
import { hashChars, hashRange, hashString, last, release, slotOf, touched } from './hash.js';

/**
 * A growable string dictionary (customer ids): code <-> value, codes 0, 1, 2, ...
 *
 * Table entries hold `code + 1` in their low bits and the high bits of the value's second
 * hash above them (as many as the table size leaves free), so a probe compares characters
 * only when those bits agree.
 */
export class StringDictionary implements Dictionary {
  #pool = new CharPool();
  /** Start of each code's string in the pool; code c ends where c + 1 starts. */
  #starts = new Uint32Array(256);
  #size = 0;
  /** Hash table of entries (0 = empty), see the class comment. */
  #table = new Int32Array(512);
  /** Bits of an entry above the code (0 when the table is too large to leave any). */
  #tagMask = tagMaskFor(512);
  /** Filled by a bulk build (which calls `trim` at its end): the table grows faster. */
  #bulk: boolean;

  constructor(bulk = false) {
    this.#bulk = bulk;
  }

  get size(): number {
    return this.#size;
  }

  value(code: number): string {
    if (code < 0 || code >= this.#size) return '';
    return this.#pool.read(this.#starts[code]!, this.#end(code));
  }

  code(value: string): number {
    hashString(value);
    const i = this.#probe(null, value, 0, value.length);
    const c = this.#table[i]!;
    return c === 0 ? -1 : (c & ~this.#tagMask) - 1;
  }

  /** {@link code} of `text.slice(start, end)`, without making the slice. */
  codeAt(text: string, start: number, end: number): number {
    hashRange(text, start, end);
    const i = this.#probe(text, '', start, end);
    const c = this.#table[i]!;
    return c === 0 ? -1 : (c & ~this.#tagMask) - 1;
  }

  /** The code of `value`, adding it when new. */
  intern(value: string): number {
    hashString(value);
    const i = this.#probe(null, value, 0, value.length);
    const c = this.#table[i]!;
    if (c !== 0) return (c & ~this.#tagMask) - 1;
    return this.#add(i, this.#pool.push(value));
  }

  /** Stores the two hashes of `text.slice(start, end)` at `k` of `a` and `b`, for {@link touch} and {@link internHashed}. */
  hashAt(text: string, start: number, end: number, a: Int32Array, b: Int32Array, k: number): void {
    hashRange(text, start, end);
    a[k] = last[0]!;
    b[k] = last[1]!;
  }

  /**
   * Reads, for the `n` values whose hashes {@link hashAt} stored, their first table slot,
   * then the first entry of the probe whose hash bits agree (almost always the value's own
   * entry) and the start and first character of its string, to bring them into the cache.
   * Each pass reads one level for every value (the loads of a pass do not wait for each
   * other). `codes` receives the code of that entry, or -1 when the probe meets an empty
   * slot first (a new value); `at` is scratch.
   */
  touchAll(a: Int32Array, b: Int32Array, codes: Int32Array, at: Int32Array, n: number): void {
    const table = this.#table;
    const cap = table.length;
    const mask = this.#tagMask;
    for (let k = 0; k < n; k++) codes[k] = table[slotOf(a[k]! >>> 0, cap)]!;
    const starts = this.#starts;
    for (let k = 0; k < n; k++) {
      const tag = b[k]! & mask;
      let e = codes[k]!;
      if (e !== 0 && (e & mask) !== tag) {
        // Displaced by earlier entries: the value's entry is further along the probe (in cache).
        let i = slotOf(a[k]! >>> 0, cap);
        do {
          if (++i === cap) i = 0;
          e = table[i]!;
        } while (e !== 0 && (e & mask) !== tag);
      }
      const c = e !== 0 ? (e & ~mask) - 1 : -1;
      codes[k] = c;
      at[k] = starts[c < 0 ? 0 : c]!;
    }
    const chars = this.#pool.chars;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += chars[at[k]!]!;
    touched[0] = sum;
  }

  /** {@link hashAt} of a string. */
  hashOf(value: string, a: Int32Array, b: Int32Array, k: number): void {
    hashString(value);
    a[k] = last[0]!;
    b[k] = last[1]!;
  }

  /**
   * {@link intern} with the hashes {@link hashOf} stored. `guess` is a code the value may
   * have (from {@link touchAll}): when that code's string is the value, the table is not
   * read again.
   */
  internHashedString(value: string, a: number, b: number, guess = -1): number {
    if (guess >= 0 && guess < this.#size && this.#pool.equals(this.#starts[guess]!, this.#starts[guess + 1]!, value))
      return guess;
    last[0] = a >>> 0;
    last[1] = b >>> 0;
    const i = this.#probe(null, value, 0, value.length);
    const c = this.#table[i]!;
    if (c !== 0) return (c & ~this.#tagMask) - 1;
    return this.#add(i, this.#pool.push(value));
  }

  /**
   * {@link intern} of `text.slice(start, end)`, with its hashes from {@link hashAt}: a string
   * is made only for a new value, in the pool. `guess` as in {@link internHashedString}.
   */
  internHashed(text: string, start: number, end: number, a: number, b: number, guess = -1): number {
    if (
      guess >= 0 &&
      guess < this.#size &&
      this.#pool.equalsAt(this.#starts[guess]!, this.#starts[guess + 1]!, text, start, end)
    )
      return guess;
    last[0] = a >>> 0;
    last[1] = b >>> 0;
    const i = this.#probe(text, '', start, end);
    const c = this.#table[i]!;
    if (c !== 0) return (c & ~this.#tagMask) - 1;
    return this.#add(i, this.#pool.pushRange(text, start, end));
  }

  /**
   * Slot of the last hashed value (`text.slice(start, end)` when `text` is given, else
   * `value`): its entry, or the empty slot where it would go.
   */
  #probe(text: string | null, value: string, start: number, end: number): number {
    const table = this.#table;
    const cap = table.length;
    const mask = this.#tagMask;
    const tag = last[1]! & mask;
    const pool = this.#pool;
    const starts = this.#starts;
    let i = slotOf(last[0]!, cap);
    for (;;) {
      const e = table[i]!;
      if (e === 0) return i;
      if ((e & mask) === tag) {
        const c = (e & ~mask) - 1;
        const s = starts[c]!;
        const t = starts[c + 1]!;
        if (text === null ? pool.equals(s, t, value) : pool.equalsAt(s, t, text, start, end)) return i;
      }
      if (++i === cap) i = 0;
    }
  }

  /** Adds the string just pushed at `at` in the pool, in the empty slot `i` found for it. */
  #add(i: number, at: number): number {
    const h = last[0]!;
    const tagB = last[1]!;
    const code = this.#size;
    if (code + 1 >= this.#starts.length) {
      const next = new Uint32Array(this.#starts.length * 2);
      next.set(this.#starts);
      release(this.#starts);
      this.#starts = next;
    }
    this.#starts[code] = at;
    this.#size = code + 1;
    this.#starts[code + 1] = this.#pool.length;
    let table = this.#table;
    let cap = table.length;
    if (this.#size > cap * 0.75) {
      // Grow fourfold while small in a bulk build (fewer rehashes); trim() sizes it at the end.
      this.#rehash(cap * (this.#bulk && cap < 1 << 20 ? 4 : 2));
      table = this.#table;
      cap = table.length;
      i = slotOf(h, cap);
      while (table[i] !== 0) if (++i === cap) i = 0;
    }
    table[i] = (tagB & this.#tagMask) | (code + 1);
    return code;
  }

  /** Releases spare capacity after a bulk build. */
  trim(): void {
    this.#pool.trim();
    this.#bulk = false;
    const want = this.#size + 2 + (this.#size >> 6);
    const starts = this.#starts;
    if (starts.length > want) {
      this.#starts = starts.slice(0, want);
      release(starts);
    }
    // Load 0.7: live data may bring a few new values before the table has to grow.
    const cap = Math.max(512, Math.ceil(this.#size / 0.7));
    if (cap < this.#table.length) this.#rehash(cap);
  }

  get byteLength(): number {
    return this.#pool.chars.byteLength + this.#starts.byteLength + this.#table.byteLength;
  }

  #end(code: number): number {
    return this.#starts[code + 1]!;
  }

  #rehash(cap: number): void {
    const table = new Int32Array(cap);
    const mask = tagMaskFor(cap);
    const chars = this.#pool.chars;
    const starts = this.#starts;
    for (let c = 0; c < this.#size; c++) {
      hashChars(chars, starts[c]!, starts[c + 1]!);
      let i = slotOf(last[0]!, cap);
      while (table[i] !== 0) if (++i === cap) i = 0;
      table[i] = (last[1]! & mask) | (c + 1);
    }
    release(this.#table);
    this.#table = table;
    this.#tagMask = mask;
  }
}

/**
 * The entry bits above the codes a table of `cap` slots can hold (codes + 1 stay below
 * `cap`), up to bit 29: entries stay small integers, which a plain array holds unboxed.
 */
function tagMaskFor(cap: number): number {
  const bits = 32 - Math.clz32(cap);
  return bits >= 30 ? 0 : ~((1 << bits) - 1) & 0x3fffffff;
}

/** A small dictionary (channels, cost categories) on a Map. */
