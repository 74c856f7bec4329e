/**
 * Compact structures that keep a million orders within a few tens of bytes each:
 *  - {@link IdSet}: order-id dedupe as a set of 53-bit string hashes in one Float64Array
 *    (open addressing, linear probing). Ids themselves are not kept. Two different ids
 *    share a hash with probability about n² / 2^54 over n ids (5.6e-5 for a million,
 *    5.6e-3 for ten million); such a pair would be reported as a duplicate, never
 *    silently merged into a count.
 *  - {@link StringDictionary}: a growable string <-> code dictionary whose strings live in
 *    one character pool (Latin-1 bytes, widened to UTF-16 the first time a wider character
 *    arrives) with an Int32Array hash table whose entries carry spare hash bits, so a
 *    probe rarely reads a string that does not match: about 17 bytes per short id instead
 *    of the 70 or so of a Map and an array of strings.
 * Strings can be hashed, looked up and added straight from a range of a larger text (a CSV
 * file) without making a string first (`keyAt`, `hashAt`, `internHashed`, `codeAt`).
 *  - {@link StringSlots}: one replaceable string per code (the id of each customer's first
 *    order), in a pool too.
 *
 * DOM-free.
 */
import type { Dictionary } from './columns.js';

const TWO_POW_21 = 2097152;
/** Where `touch` reads are stored, so they are not left out as unused. */
export const touched = new Float64Array(1);

/**
 * Frees the memory of a typed array that nothing else refers to, at once (its buffer is
 * detached where `ArrayBuffer.prototype.transfer` exists). A dropped typed array would
 * wait for the collector, and a browser may count it as held for a while after that: a
 * build that grows its tables would look as if it kept every smaller copy.
 */
export function release(a: { buffer: ArrayBufferLike }): void {
  const buffer = a.buffer as ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer; detached?: boolean };
  if (typeof buffer.transfer === 'function' && buffer.detached !== true) buffer.transfer(0);
}
const TWO_POW_32 = 4294967296;

/**
 * The last hashes computed (see {@link hashString}), held in a typed array: a number kept in
 * a module variable would be boxed on every store (they do not fit a small integer).
 */
const last = new Uint32Array(2);

/** Two independent 32-bit hashes of a string (FNV-1a and a multiplicative one, both finalized), left in `last`. */
function hashString(s: string): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  last[0] = fmix(a) >>> 0;
  last[1] = fmix(b ^ s.length) >>> 0;
}

/**
 * {@link hashString} one character at a time, for a reader that hashes a cell as it scans
 * it: start from HASH_A0 and HASH_B0, step each character, end with the length. The ends are
 * what `IdSet.keyOfHashes` and `StringDictionary` hashes take.
 */
export const HASH_A0 = 0x811c9dc5 | 0;
export const HASH_B0 = 0x9747b28c | 0;
export function hashStepA(a: number, c: number): number {
  return Math.imul(a ^ c, 16777619);
}
export function hashStepB(b: number, c: number): number {
  b = Math.imul(b ^ c, 0x5bd1e995);
  return b ^ (b >>> 15);
}
export function hashEndA(a: number): number {
  return fmix(a) >>> 0;
}
export function hashEndB(b: number, length: number): number {
  return fmix(b ^ length) >>> 0;
}

/** {@link hashString} of `text.slice(start, end)`, without making the slice. */
function hashRange(text: string, start: number, end: number): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  last[0] = fmix(a) >>> 0;
  last[1] = fmix(b ^ (end - start)) >>> 0;
}

/** {@link hashString} of characters held in a pool (same result for the same string). */
function hashChars(chars: Uint8Array | Uint16Array, start: number, end: number): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = start; i < end; i++) {
    const c = chars[i]!;
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  last[0] = fmix(a) >>> 0;
  last[1] = fmix(b ^ (end - start)) >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Slot of a 32-bit hash in a table of `cap` slots (multiply-shift range reduction). */
function slotOf(h: number, cap: number): number {
  const s = Math.floor((h * cap) / TWO_POW_32);
  return s < cap ? s : 0;
}

/** A set of strings, held as 53-bit hashes (see the module comment for collisions). */
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

/** A character pool: Latin-1 bytes until a wider character arrives, then UTF-16. */
class CharPool {
  chars: Uint8Array | Uint16Array;
  length = 0;

  constructor(capacity = 1024) {
    this.chars = new Uint8Array(capacity);
  }

  push(s: string): number {
    const start = this.length;
    const end = start + s.length;
    let chars = this.chars;
    if (end > chars.length) chars = this.#grow(end);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 255 && chars instanceof Uint8Array) chars = this.#widen();
      chars[start + i] = c;
    }
    this.length = end;
    return start;
  }

  /** Appends `text.slice(from, to)`; returns where it starts. */
  pushRange(text: string, from: number, to: number): number {
    const start = this.length;
    const end = start + (to - from);
    let chars = this.chars;
    if (end > chars.length) chars = this.#grow(end);
    for (let i = from, j = start; i < to; i++, j++) {
      const c = text.charCodeAt(i);
      if (c > 255 && chars instanceof Uint8Array) chars = this.#widen();
      chars[j] = c;
    }
    this.length = end;
    return start;
  }

  read(start: number, end: number): string {
    const chars = this.chars;
    if (end - start < 64) {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(chars[i]!);
      return s;
    }
    return String.fromCharCode.apply(null, Array.from(chars.subarray(start, end)));
  }

  equals(start: number, end: number, s: string): boolean {
    if (end - start !== s.length) return false;
    const chars = this.chars;
    // Ids often share a prefix and differ at the end: compare from the end.
    for (let i = s.length - 1; i >= 0; i--) if (chars[start + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Whether pool characters `[start, end)` equal `text.slice(from, to)`. */
  equalsAt(start: number, end: number, text: string, from: number, to: number): boolean {
    if (end - start !== to - from) return false;
    const chars = this.chars;
    for (let i = to - from - 1; i >= 0; i--) if (chars[start + i] !== text.charCodeAt(from + i)) return false;
    return true;
  }

  trim(): void {
    const chars = this.chars;
    if (chars.length > this.length + 64) {
      this.chars = chars.slice(0, this.length + 64);
      release(chars);
    }
  }

  #grow(min: number): Uint8Array | Uint16Array {
    const chars = this.chars;
    const next = new (chars.constructor as Uint8ArrayConstructor)(Math.max(min, chars.length * 2));
    next.set(chars);
    this.chars = next;
    release(chars);
    return next;
  }

  #widen(): Uint16Array {
    const chars = this.chars;
    const wide = new Uint16Array(chars.length);
    wide.set(chars);
    this.chars = wide;
    release(chars);
    return wide;
  }
}

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
export class SmallDictionary implements Dictionary {
  #values: string[] = [];
  #codes = new Map<string, number>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#values.length;
  }

  value(code: number): string {
    return this.#values[code] ?? '';
  }

  code(value: string): number {
    return this.#codes.get(value) ?? -1;
  }

  /** {@link code} of `text.slice(start, end)`; compares in place while the dictionary is small. */
  codeAt(text: string, start: number, end: number): number {
    const values = this.#values;
    if (values.length > 16) return this.code(text.slice(start, end));
    const n = end - start;
    outer: for (let c = 0; c < values.length; c++) {
      const v = values[c]!;
      if (v.length !== n) continue;
      for (let i = 0; i < n; i++) if (v.charCodeAt(i) !== text.charCodeAt(start + i)) continue outer;
      return c;
    }
    return -1;
  }

  /** The code of `value`, adding it when new; -1 when the dictionary is full. */
  intern(value: string): number {
    let c = this.#codes.get(value);
    if (c === undefined) {
      if (this.#values.length >= this.#limit) return -1;
      c = this.#values.length;
      this.#values.push(value);
      this.#codes.set(value, c);
    }
    return c;
  }

  get byteLength(): number {
    let n = 0;
    for (const v of this.#values) n += 64 + v.length * 2;
    return n;
  }
}

/**
 * One string per code that can be replaced (the id of each customer's first order). Built
 * from a plain array during a bulk build (`fromArray`), then held in a pool; a replaced
 * string leaves its old characters behind until the next `compact`.
 */
export class StringSlots {
  #pool = new CharPool();
  #start = new Uint32Array(0);
  /** Length of each string; 255 marks a longer one, held in `#long`. */
  #len = new Uint8Array(0);
  #long = new Map<number, string>();
  /** Characters of the current strings (the rest of the pool is garbage). */
  #live = 0;

  get(code: number): string {
    const n = this.#len[code] ?? 0;
    if (n === 255) return this.#long.get(code) ?? '';
    const at = this.#start[code]!;
    return this.#pool.read(at, at + n);
  }

  set(code: number, s: string): void {
    if (code >= this.#start.length) {
      const n = Math.max(code + 1, Math.ceil(this.#start.length * 1.5) + 16);
      const start = new Uint32Array(n);
      start.set(this.#start);
      const len = new Uint8Array(n);
      len.set(this.#len);
      release(this.#start);
      release(this.#len);
      this.#start = start;
      this.#len = len;
    }
    const old = this.#len[code]!;
    if (old === 255) this.#long.delete(code);
    else this.#live -= old;
    this.#put(code, s);
    // Old strings pile up on live data: rewrite when more than half the pool is garbage.
    if (this.#pool.length > 4096 && this.#pool.length > 2 * this.#live) this.#compact();
  }

  /** Replaces every slot: `values[code]`, or "" for an undefined entry. */
  fromArray(values: readonly (string | undefined)[]): void {
    this.#release();
    this.#pool = new CharPool();
    this.#long.clear();
    this.#live = 0;
    const n = values.length;
    this.#start = new Uint32Array(n + (n >> 7) + 16);
    this.#len = new Uint8Array(this.#start.length);
    for (let c = 0; c < n; c++) this.#put(c, values[c] ?? '');
    this.#pool.trim();
  }

  /**
   * Replaces every slot, sized exactly: slot `c` is `text` from `at[c] / 65536` for
   * `at[c] % 65536` characters when `at[c] >= 0`, else `values[c]` ("" when undefined).
   */
  fromRanges(n: number, text: string, at: ArrayLike<number>, values: readonly (string | undefined)[]): void {
    this.#release();
    let chars = 0;
    for (let c = 0; c < n; c++) {
      const a = at[c] ?? -1;
      const len = a >= 0 ? a % 65536 : (values[c]?.length ?? 0);
      if (len < 255) chars += len;
    }
    this.#pool = new CharPool(chars + 64);
    this.#long.clear();
    this.#live = 0;
    this.#start = new Uint32Array(n + (n >> 7) + 16);
    this.#len = new Uint8Array(this.#start.length);
    for (let c = 0; c < n; c++) {
      const a = at[c] ?? -1;
      if (a < 0) {
        this.#put(c, values[c] ?? '');
        continue;
      }
      const from = Math.floor(a / 65536);
      const len = a % 65536;
      if (len >= 255) this.#put(c, text.slice(from, from + len));
      else {
        this.#start[c] = this.#pool.pushRange(text, from, from + len);
        this.#len[c] = len;
        this.#live += len;
      }
    }
  }

  get byteLength(): number {
    let n = this.#pool.chars.byteLength + this.#start.byteLength + this.#len.byteLength;
    for (const v of this.#long.values()) n += 64 + 2 * v.length;
    return n;
  }

  #put(code: number, s: string): void {
    if (s.length >= 255) {
      this.#len[code] = 255;
      this.#long.set(code, s);
      return;
    }
    this.#start[code] = this.#pool.push(s);
    this.#len[code] = s.length;
    this.#live += s.length;
  }

  /** Frees the pool and slot arrays about to be replaced. */
  #release(): void {
    release(this.#pool.chars);
    release(this.#start);
    release(this.#len);
  }

  #compact(): void {
    const values: string[] = [];
    for (let c = 0; c < this.#start.length; c++) values.push(this.get(c));
    this.fromArray(values);
  }
}
