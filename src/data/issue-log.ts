/**
 * The validation report of a dataset (KPI-SPEC section 4): issues listed one by one up to a
 * cap per collection, then counted; rows naming a campaign not (yet) known, summed per
 * campaign; and the issues of the append under way, for its result.
 *
 * DOM-free.
 */
import type { DataIssue } from '../core/issues.js';
import type { CollectionName } from './records.js';
import { explainRecord, makeIssue, recordId } from './explain.js';

/** Rows of one collection naming one unknown campaign. */
interface Unknown {
  collection: CollectionName;
  id: string;
  count: number;
  firstIndex: number;
  rows: number[];
}

/** What the records of a collection are called in messages, as [one, many]: its name, loyalty records being events. */
function nouns(collection: CollectionName): [string, string] {
  const many = collection === 'loyalty' ? 'loyalty events' : collection;
  return [many.slice(0, -1), many];
}

function unknownSummary(u: Unknown, count: number): DataIssue {
  const [one, many] = nouns(u.collection);
  return {
    collection: u.collection,
    index: u.firstIndex,
    path: 'campaignId',
    message: count === 1 ? `1 ${one} names unknown campaign ${u.id}` : `${count} ${many} name unknown campaign ${u.id}`,
  };
}

export class IssueLog {
  /** Issues about the input as a whole (options, a collection that is not a list). */
  readonly other: DataIssue[] = [];
  readonly #maxListed: number;
  #listed: Record<CollectionName, number> = { campaigns: 0, orders: 0, costs: 0, exposures: 0, loyalty: 0 };
  #unlisted = new Map<CollectionName, { count: number; firstIndex: number }>();
  #recordIssues: DataIssue[] = [];
  #unknown = new Map<string, Unknown>();
  #cache: { version: number; issues: readonly DataIssue[] } | null = null;
  /** The issues of the append under way. */
  #pending: DataIssue[] | null = null;

  constructor(maxListed: number) {
    this.#maxListed = maxListed;
  }

  /** Every issue so far: other issues, record issues, then the summaries. */
  issues(version: number): readonly DataIssue[] {
    if (this.#cache?.version !== version) {
      const summaries: DataIssue[] = [];
      for (const u of this.#unknown.values()) summaries.push(unknownSummary(u, u.count));
      for (const [collection, u] of this.#unlisted) {
        summaries.push({
          collection,
          index: u.firstIndex,
          path: '',
          message: `${u.count} more invalid ${nouns(collection)[1]} are not listed (from ${collection}[${u.firstIndex}])`,
        });
      }
      this.#cache = { version, issues: [...this.other, ...this.#recordIssues, ...summaries] };
    }
    return this.#cache.issues;
  }

  report(issue: DataIssue): void {
    this.#pending?.push(issue);
    const c = issue.collection as CollectionName;
    if (this.#listed[c] < this.#maxListed) {
      this.#recordIssues.push(issue);
      this.#listed[c]++;
    } else {
      const u = this.#unlisted.get(c);
      if (u) u.count++;
      else this.#unlisted.set(c, { count: 1, firstIndex: issue.index });
    }
  }

  /** Reports a rejected record: every problem the explaining path finds. */
  reject(collection: CollectionName, record: unknown, index: number): void {
    const found = explainRecord(collection, record, index);
    if (found.length === 0) found.push(makeIssue(collection, index, '', 'rejected', recordId(collection, record)));
    // One record may have several bad fields: each is listed, the record counts once toward the cap.
    if (this.#listed[collection] < this.#maxListed) {
      for (const issue of found) {
        this.#pending?.push(issue);
        this.#recordIssues.push(issue);
      }
      this.#listed[collection]++;
    } else {
      this.report(found[0]!);
    }
  }

  /** Notes row `row` (record `index`) of a collection naming campaign `id`, not known yet. */
  unknownCampaign(collection: CollectionName, id: string, index: number, row: number): void {
    const key = `${collection}\u0000${id}`;
    let u = this.#unknown.get(key);
    if (!u) {
      u = { collection, id, count: 0, firstIndex: index, rows: [] };
      this.#unknown.set(key, u);
    }
    u.count++;
    u.rows.push(row);
  }

  /** The rows of a collection that named campaign `id` before it was known (no longer reported). */
  takeUnknown(collection: CollectionName, id: string): readonly number[] | undefined {
    const key = `${collection}\u0000${id}`;
    const u = this.#unknown.get(key);
    if (u) this.#unknown.delete(key);
    return u?.rows;
  }

  /** Collects the issues of `run` (an append), with a summary per unknown campaign it named. */
  during(run: () => void): DataIssue[] {
    const issues: DataIssue[] = [];
    this.#pending = issues;
    const before = new Map([...this.#unknown].map(([k, u]) => [k, u.count]));
    try {
      run();
    } finally {
      this.#pending = null;
    }
    for (const [k, u] of this.#unknown)
      if (u.count !== before.get(k)) issues.push(unknownSummary(u, u.count - (before.get(k) ?? 0)));
    return issues;
  }

  get byteLength(): number {
    let n = 0;
    for (const u of this.#unknown.values()) n += 64 + u.rows.length * 8;
    return n;
  }
}
