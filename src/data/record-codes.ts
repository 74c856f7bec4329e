/**
 * The codes of what a record names: its campaign (the index of a campaign known so far)
 * and its channel or cost category (a code of a small dictionary), with the issue reported
 * when there is none.
 *
 * DOM-free.
 */
import { StringDictionary, type SmallDictionary } from './compact/index.js';
import { makeIssue } from './explain.js';
import type { IssueLog } from './issue-log.js';
import type { CollectionName } from './records.js';

/** Most distinct channels, and most distinct cost categories, a dataset holds. */
export const MAX_CODES = 32767;

export class RecordCodes {
  /** Campaign codes by id (codes are the indexes of the dataset's `campaigns`). */
  readonly campaignIndex = new Map<string, number>();
  /** Campaign ids by code, to look ids up in place. */
  readonly campaignIds = new StringDictionary();
  readonly #log: IssueLog;

  constructor(log: IssueLog) {
    this.#log = log;
  }

  /** Makes `id` the campaign of the next code. */
  addCampaign(id: string, code: number): void {
    this.campaignIndex.set(id, code);
    this.campaignIds.intern(id);
  }

  /** The code of campaign `id` named by a row, or -1 (none, or not known yet: noted for when it comes). */
  campaign(collection: CollectionName, id: string | undefined, index: number, row: number): number {
    if (id === undefined) return -1;
    const code = this.campaignIndex.get(id);
    if (code !== undefined) return code;
    this.#log.unknownCampaign(collection, id, index, row);
    return -1;
  }

  /** The code of a channel or cost category in `dict`, or -1 (none, or one more than it holds: reported). */
  channel(
    value: string | undefined,
    dict: SmallDictionary,
    collection: CollectionName,
    index: number,
    path: string,
  ): number {
    if (value === undefined) return -1;
    const c = dict.intern(value);
    if (c < 0)
      this.#log.report(
        makeIssue(collection, index, path, `more than ${MAX_CODES} distinct values; this one is left out`),
      );
    return c;
  }
}
