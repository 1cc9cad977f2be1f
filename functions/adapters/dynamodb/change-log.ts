// The changes index read as a log: in commit order with a cursor that never skips a change, or newest first. The
// index's writes are spread over several partitions (keys.ts); every read merges them in position order.
//
// A change's position is when the put that committed it was attempted (keys.ts), so a change that commits late
// can still land behind entries already served. The log therefore serves a position only once it is older than
// a settle window that outlasts any put attempt (changePutTimeoutMs, after which an attempt is abandoned and
// retried under a fresh position) plus the clock skew between writer and reader and the index's propagation
// delay: by then every change that will ever hold an older position is visible, and a cursor moves past none.
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Change } from '../../core/model.ts';
import type { ChangeFilter, ChangeLog, Page } from '../../core/ports.ts';
import { type Item, toItem } from './items.ts';
import { changePositionShape, changeShardCount, changesPartitions, metricPartitionKey } from './keys.ts';
import { changeFromItem } from './metric-items.ts';
import { changePutTimeoutMs } from './metric-store.ts';
import { assertPageLimit, decodeCursor, encodeCursor } from './paging.ts';
import { table } from './table-layout.ts';

/** A filtered read evaluates at most this many index entries per requested item, then hands back a cursor. */
export const scanBudgetPerItem = 10;

/**
 * The shortest settle window that is sound where writer and reader share a clock and the index is updated with
 * the item (DynamoDB Local): one put attempt, and a second for the write DynamoDB received just before the
 * writer gave up on it. On AWS, clock skew and index propagation come on top.
 */
export const minimumSettleMs = changePutTimeoutMs + 1000;

export interface ChangeLogOptions {
  /** How old a position must be before changesAfter serves it. */
  settleMs: number;
  now?: () => Date;
}

interface Entry {
  change: Change;
  position: string;
}

interface ChangeScan {
  entries: Entry[];
  /** Position of the last entry evaluated, when the scan stopped on its budget before the end of its range. */
  stoppedAt?: string;
}

interface FilterClause {
  FilterExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  values: Record<string, string>;
}

/** Each filter compares one attribute the observation item carries for it (see metric-items.ts). */
function filterClause(filter: ChangeFilter): FilterClause {
  const tests = [
    ['pk', filter.metric === undefined ? undefined : metricPartitionKey(filter.metric)],
    ['region', filter.region],
    ['changeType', filter.type],
  ].filter((test): test is [string, string] => test[1] !== undefined);
  if (tests.length === 0) return { values: {} };
  return {
    FilterExpression: tests.map(([attribute]) => `#${attribute} = :${attribute}`).join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(tests.map(([attribute]) => [`#${attribute}`, attribute])),
    values: Object.fromEntries(tests.map(([attribute, value]) => [`:${attribute}`, value])),
  };
}

/** Positions from `after` (inclusive: the caller skips it) up to `before` (exclusive), or the whole index. */
function keyCondition(range: { after: string | undefined; before: string | undefined }) {
  if (range.before === undefined) return { expression: 'gsi1pk = :partition', values: {} };
  if (range.after === undefined) {
    return { expression: 'gsi1pk = :partition AND gsi1sk < :before', values: { ':before': range.before } };
  }
  return {
    // BETWEEN is the only two-sided condition; positions hold a '#', so none equals the bare time `before`.
    expression: 'gsi1pk = :partition AND gsi1sk BETWEEN :after AND :before',
    values: { ':after': range.after, ':before': range.before },
  };
}

export class DynamoChangeLog implements ChangeLog {
  private readonly settleMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    options: ChangeLogOptions,
  ) {
    this.settleMs = options.settleMs;
    this.now = options.now ?? (() => new Date());
  }

  async changesAfter(options: { after?: string; limit: number } & ChangeFilter): Promise<Page<Change>> {
    assertPageLimit(options.limit);
    const after =
      options.after === undefined ? undefined : decodeCursor('after', options.after, changePositionShape);
    const settled = new Date(this.now().getTime() - this.settleMs).toISOString();
    if (after !== undefined && after >= settled) return { items: [] };
    // One more than asked tells whether another page exists.
    const scan = await this.scan({
      ascending: true,
      after,
      before: settled,
      wanted: options.limit + 1,
      budget: options.limit * scanBudgetPerItem,
      filter: options,
    });
    const served = scan.entries.slice(0, options.limit);
    const items = served.map((entry) => entry.change);
    const last = served.at(-1);
    if (scan.entries.length > options.limit && last !== undefined)
      return { items, cursor: encodeCursor(last.position) };
    // The budget ran out before `limit` matches: resume after the last entry looked at, not the last match.
    if (scan.stoppedAt !== undefined) return { items, cursor: encodeCursor(scan.stoppedAt) };
    // Caught up with what has settled: the cursor is where to poll from later.
    return last === undefined ? { items } : { items, cursor: encodeCursor(last.position) };
  }

  /** Newest first, settled or not: a feed shows what is there now and identifies items by event id. */
  async latestChanges(options: { limit: number } & ChangeFilter): Promise<Change[]> {
    assertPageLimit(options.limit);
    const scan = await this.scan({
      ascending: false,
      after: undefined,
      before: undefined,
      wanted: options.limit,
      budget: options.limit * scanBudgetPerItem,
      filter: options,
    });
    return scan.entries.map((entry) => entry.change);
  }

  /**
   * The entries of every partition of the index in position order (ascending or descending), merged: each
   * partition is read a page at a time, and only as far as the merge needs it. Positions are unique, so the merge
   * is one total order, the same as when the index had a single partition.
   */
  private async scan(request: ScanRequest): Promise<ChangeScan> {
    const readers = changesPartitions.map(
      (partition) =>
        new PartitionReader(this.client, this.tableName, partition, request, {
          budget: Math.ceil(request.budget / changesPartitions.length),
          pageSize: Math.ceil(request.wanted / changeShardCount) + 1,
        }),
    );
    const before = (a: string, b: string) => (request.ascending ? a < b : a > b);
    const entries: Entry[] = [];
    while (entries.length < request.wanted) {
      const empty = readers.filter((reader) => reader.needsPage);
      if (empty.length > 0) {
        await Promise.all(empty.map((reader) => reader.readPage()));
        continue;
      }
      // A partition that stopped on its budget may still hold entries up to where it stopped: nothing past that
      // point can be served before it is read.
      let next: PartitionReader | undefined;
      let horizon: string | undefined;
      for (const reader of readers) {
        const head = reader.head?.position ?? reader.stoppedAt;
        if (head === undefined) continue;
        if (reader.head === undefined) {
          if (horizon === undefined || before(head, horizon)) horizon = head;
        } else if (next?.head === undefined || before(head, next.head.position)) next = reader;
      }
      const nextEntry = next?.head;
      if (nextEntry === undefined || (horizon !== undefined && !before(nextEntry.position, horizon))) {
        return horizon === undefined ? { entries } : { entries, stoppedAt: horizon };
      }
      entries.push(nextEntry);
      next?.take();
    }
    return { entries };
  }
}

interface ScanRequest {
  ascending: boolean;
  after: string | undefined;
  before: string | undefined;
  wanted: number;
  budget: number;
  filter: ChangeFilter;
}

/** One partition of the index, read page by page in position order within the range and filter of a scan. */
class PartitionReader {
  private readonly buffer: Entry[] = [];
  private startKey: Item | undefined;
  private started = false;
  private budget: number;
  /** The last entry evaluated, when the partition's budget ran out before the end of its range. */
  stoppedAt: string | undefined;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly partition: string,
    private readonly request: ScanRequest,
    limits: { budget: number; pageSize: number },
  ) {
    this.budget = limits.budget;
    this.pageSize = limits.pageSize;
  }

  private readonly pageSize: number;

  get head(): Entry | undefined {
    return this.buffer[0];
  }

  take(): void {
    this.buffer.shift();
  }

  /** Nothing buffered, and more to read. */
  get needsPage(): boolean {
    return (
      this.buffer.length === 0 &&
      (!this.started || this.startKey !== undefined) &&
      this.budget > 0 &&
      this.stoppedAt === undefined
    );
  }

  async readPage(): Promise<void> {
    const { values, ...filter } = filterClause(this.request.filter);
    const filtered = filter.FilterExpression !== undefined;
    const range = keyCondition(this.request);
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: table.changeIndex.name,
          KeyConditionExpression: range.expression,
          ...filter,
          ExpressionAttributeValues: toItem({ ':partition': this.partition, ...range.values, ...values }),
          ScanIndexForward: this.request.ascending,
          // Unfiltered, every entry matches: a page of about this partition's share, and the `after` entry itself.
          Limit: filtered ? this.budget : Math.min(this.budget, this.pageSize + 1),
          ExclusiveStartKey: this.startKey,
        }),
      );
      this.started = true;
      for (const item of page.Items ?? []) {
        const position = item.gsi1sk?.S ?? '';
        if (position !== this.request.after) this.buffer.push({ change: changeFromItem(item), position });
      }
      this.budget -= page.ScannedCount ?? 0;
      this.startKey = page.LastEvaluatedKey;
    } while (this.buffer.length === 0 && this.startKey !== undefined && this.budget > 0);
    // Entries past the last one evaluated stay unknown: the merge serves nothing beyond it.
    if (this.budget <= 0 && this.startKey !== undefined) this.stoppedAt = this.startKey.gsi1sk?.S;
  }
}
