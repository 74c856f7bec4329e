/**
 * The string hashes of the compact structures: two independent 32-bit hashes of a string
 * (FNV-1a and a multiplicative one, both finalized), of a range of a larger text, of pool
 * characters, or one character at a time as a reader scans a cell; all give the same
 * result for the same string. Hand-written for the ingest hot path (`npm run bench data`).
 *
 * DOM-free.
 */
export const TWO_POW_21 = 2097152;
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
export const TWO_POW_32 = 4294967296;

/**
 * The last hashes computed (see {@link hashString}), held in a typed array: a number kept in
 * a module variable would be boxed on every store (they do not fit a small integer).
 */
export const last = new Uint32Array(2);

/** Two independent 32-bit hashes of a string (FNV-1a and a multiplicative one, both finalized), left in `last`. */
export function hashString(s: string): void {
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
export function hashRange(text: string, start: number, end: number): void {
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
export function hashChars(chars: Uint8Array | Uint16Array, start: number, end: number): void {
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
export function slotOf(h: number, cap: number): number {
  const s = Math.floor((h * cap) / TWO_POW_32);
  return s < cap ? s : 0;
}

/** A set of strings, held as 53-bit hashes (see the module comment for collisions). */
