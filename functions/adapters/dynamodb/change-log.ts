// The changes index read as a log: in commit order with a cursor that never skips a change, or newest first.
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
import { changePositionShape, changesPartition, metricPartitionKey } from './keys.ts';
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

  private async scan(request: {
    ascending: boolean;
    after: string | undefined;
    before: string | undefined;
    wanted: number;
    budget: number;
    filter: ChangeFilter;
  }): Promise<ChangeScan> {
    const { values, ...filter } = filterClause(request.filter);
    const filtered = filter.FilterExpression !== undefined;
    const range = keyCondition(request);
    let budget = request.budget;
    const entries: Entry[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: table.changeIndex.name,
          KeyConditionExpression: range.expression,
          ...filter,
          ExpressionAttributeValues: toItem({ ':partition': changesPartition, ...range.values, ...values }),
          ScanIndexForward: request.ascending,
          // Unfiltered, every entry matches: read no more than needed, and the `after` entry itself.
          Limit: filtered ? budget : Math.min(budget, request.wanted - entries.length + 1),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const position = item.gsi1sk?.S ?? '';
        if (position !== request.after && entries.length < request.wanted)
          entries.push({ change: changeFromItem(item), position });
      }
      budget -= page.ScannedCount ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined && entries.length < request.wanted && budget > 0);
    const stoppedAt = entries.length < request.wanted ? startKey?.gsi1sk?.S : undefined;
    return stoppedAt === undefined ? { entries } : { entries, stoppedAt };
  }
}
