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
 * Each has its file in this folder; this module gathers them.
 *
 * DOM-free.
 */
export { HASH_A0, HASH_B0, hashEndA, hashEndB, hashStepA, hashStepB, release, touched } from './hash.js';
export { IdSet } from './id-set.js';
export { StringDictionary } from './string-dictionary.js';
export { SmallDictionary } from './small-dictionary.js';
export { StringSlots } from './string-slots.js';
