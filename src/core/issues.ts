/**
 * The validation finding every layer reports in (KPI-SPEC section 4).
 *
 * Ground floor: imports nothing of the kit but the collection names. DOM-free.
 */
import type { CollectionName } from './collections.js';

/** A validation finding: one bad record, or a summary such as unknown campaigns. */
export interface DataIssue {
  /** The collection of the record, or `options` for a finding about the report options. */
  collection: CollectionName | 'options';
  index: number;
  id?: string;
  path: string;
  message: string;
}
