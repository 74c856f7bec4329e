/**
 * The board's context provider: hands `boardContext` (`{ report, query, locale, currency,
 * theme, status, error, lastUpdated, campaigns, segmentCustomers }`) to every widget inside,
 * a new object only when something the widgets see has changed.
 */
import type { ReactiveElement } from 'lit';
import { ContextProvider } from '@lit/context';
import { boardContext, type BoardState } from '../../context/context.js';

/** The fields of the board's state the widgets compare by identity. */
const BY_IDENTITY = ['report', 'locale', 'currency', 'theme', 'status', 'error', 'lastUpdated', 'campaigns'] as const;

/**
 * Whether the widgets would see a change between two board states: a field above, the query
 * (by value), or whether customers can be listed.
 */
export function boardStateChanged(prev: BoardState | undefined, next: BoardState): boolean {
  return (
    !prev ||
    BY_IDENTITY.some((key) => prev[key] !== next[key]) ||
    JSON.stringify(prev.query) !== JSON.stringify(next.query) ||
    !prev.segmentCustomers !== !next.segmentCustomers
  );
}

export class BoardContextController {
  private readonly provider: ContextProvider<typeof boardContext>;

  constructor(
    host: ReactiveElement,
    private readonly state: () => BoardState,
  ) {
    this.provider = new ContextProvider(host, { context: boardContext, initialValue: state() });
  }

  /** Hands the widgets the board's state again, when they would see a change. */
  refresh(): void {
    const next = this.state();
    if (boardStateChanged(this.provider.value, next)) this.provider.setValue(next);
  }
}
