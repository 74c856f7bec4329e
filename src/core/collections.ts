/**
 * The collections of the canonical input (KPI-SPEC section 1), in ingest order
 * (campaigns first). Every layer names a collection with these words.
 *
 * Ground floor: imports nothing of the kit. DOM-free.
 */
export const COLLECTIONS = ['campaigns', 'orders', 'costs', 'exposures', 'loyalty'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
