/**
 * The ground floor of the kit: calendar and time-zone arithmetic, collection names, the
 * validation finding and the report's word lists. Imports nothing of the kit; every other
 * layer may import it. DOM-free.
 */
export * from './time.js';
export * from './collections.js';
export type * from './issues.js';
export * from './vocabulary.js';
