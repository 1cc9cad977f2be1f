import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Change } from '../../core/model.ts';
import type { ChangeFilter, ChangeLog, Page } from '../../core/ports.ts';
import { type Item, toItem } from './items.ts';
import { changeSortKey, changesPartition, metricPartitionKey } from './keys.ts';
import { changeFromItem } from './metric-items.ts';
import { assertPageLimit, decodeCursor, encodeCursor } from './paging.ts';
import { table } from './table-layout.ts';

/** A filtered read evaluates at most this many index entries per requested item, then hands back a cursor. */
export const scanBudgetPerItem = 10;

/** What every change sort key looks like: an ISO recording time, '#', the event id. */
const changeSortKeyShape = /^\d{4}-\d{2}-\d{2}T[^#]*#.+$/s;

/** The cursor that resumes a change log right after `change`, for consumers that stop and come back. */
export const changeCursor = (change: Pick<Change, 'recordedAt' | 'eventId'>): string =>
  encodeCursor(changeSortKey(change));

interface ChangeScan {
  changes: Change[];
  /** Sort key of the last entry evaluated, when the scan stopped before the end of the index. */
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

export class DynamoChangeLog implements ChangeLog {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async changesAfter(options: { after?: string; limit: number } & ChangeFilter): Promise<Page<Change>> {
    assertPageLimit(options.limit);
    const after =
      options.after === undefined ? undefined : decodeCursor('after', options.after, changeSortKeyShape);
    // One more than asked tells whether another page exists.
    const scan = await this.scan({
      ascending: true,
      after,
      wanted: options.limit + 1,
      budget: options.limit * scanBudgetPerItem,
      filter: options,
    });
    const items = scan.changes.slice(0, options.limit);
    const last = items.at(-1);
    if (scan.changes.length > options.limit && last !== undefined)
      return { items, cursor: changeCursor(last) };
    // The budget ran out before `limit` matches: resume after the last entry looked at, not the last match.
    if (scan.stoppedAt !== undefined) return { items, cursor: encodeCursor(scan.stoppedAt) };
    return { items };
  }

  async latestChanges(options: { limit: number } & ChangeFilter): Promise<Change[]> {
    assertPageLimit(options.limit);
    const scan = await this.scan({
      ascending: false,
      after: undefined,
      wanted: options.limit,
      budget: options.limit * scanBudgetPerItem,
      filter: options,
    });
    return scan.changes;
  }

  private async scan(request: {
    ascending: boolean;
    after: string | undefined;
    wanted: number;
    budget: number;
    filter: ChangeFilter;
  }): Promise<ChangeScan> {
    const { values, ...filter } = filterClause(request.filter);
    const filtered = filter.FilterExpression !== undefined;
    let budget = request.budget;
    const changes: Change[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: table.changeIndex.name,
          KeyConditionExpression:
            request.after === undefined ? 'gsi1pk = :partition' : 'gsi1pk = :partition AND gsi1sk > :after',
          ...filter,
          ExpressionAttributeValues: toItem({
            ':partition': changesPartition,
            ':after': request.after,
            ...values,
          }),
          ScanIndexForward: request.ascending,
          // Unfiltered, every entry matches: read no more than needed.
          Limit: filtered ? budget : Math.min(budget, request.wanted - changes.length),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (changes.length < request.wanted) changes.push(changeFromItem(item));
      }
      budget -= page.ScannedCount ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined && changes.length < request.wanted && budget > 0);
    const stoppedAt = changes.length < request.wanted ? startKey?.gsi1sk?.S : undefined;
    return stoppedAt === undefined ? { changes } : { changes, stoppedAt };
  }
}
