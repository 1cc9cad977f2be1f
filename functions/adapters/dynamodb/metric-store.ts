import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import type { MetricHead, MetricStore, Page, StoredObservation } from '../../core/ports.ts';
import { getItems } from './batch.ts';
import { CoalescingWriter } from './coalescing-writer.ts';
import { type Item, primaryKey, toItem } from './items.ts';
import {
  headSortKey,
  metricPartitionKey,
  metricsPartition,
  observationPrefix,
  observationSortKey,
} from './keys.ts';
import {
  copiedObservationItem,
  headFromItem,
  headItem,
  observationItem,
  storedObservationFromItem,
} from './metric-items.ts';
import { assertPageLimit, decodeCursor, encodeCursor } from './paging.ts';
import { queryAll } from './query-all.ts';
import { table } from './table-layout.ts';

const isConditionFailure = (error: unknown): boolean => error instanceof ConditionalCheckFailedException;

/**
 * How long one put of a change may take, the SDK's own retries included, before it is abandoned and attempted
 * anew: the change log's settle window must exceed it (see change-log.ts).
 */
export const changePutTimeoutMs = 2000;
const changePutAttempts = 3;
/** Copies a merge writes at once: a one-off editors' action, kept from crowding out the pipeline's writes. */
const copiesInFlight = 8;

export class ChangePutTimeoutError extends Error {
  override name = 'ChangePutTimeoutError';
}

export interface MetricStoreOptions {
  /** The clock that stamps each change's position in the changes index. */
  now?: () => Date;
}

export class DynamoMetricStore implements MetricStore {
  private readonly observationWriter: CoalescingWriter;
  private readonly now: () => Date;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    options: MetricStoreOptions = {},
  ) {
    this.observationWriter = new CoalescingWriter(client, tableName);
    this.now = options.now ?? (() => new Date());
  }

  async getHead(metric: string): Promise<MetricHead | undefined> {
    const item = await this.getItem(metricPartitionKey(metric), headSortKey);
    return item === undefined ? undefined : headFromItem(item);
  }

  async getCommittedHeads(metrics: readonly string[]): Promise<Map<string, MetricHead>> {
    const keys = [...new Set(metrics)].map((metric) =>
      toItem({ pk: metricPartitionKey(metric), sk: headSortKey }),
    );
    const heads = (await getItems(this.client, this.tableName, keys)).map(headFromItem);
    const pendingKeys = heads.flatMap((head) =>
      head.pending === undefined
        ? []
        : [
            toItem({
              pk: metricPartitionKey(head.metric),
              sk: observationSortKey(head.pending.observation.key),
            }),
          ],
    );
    const committed = new Set(
      (await getItems(this.client, this.tableName, pendingKeys)).map(
        (item) => `${item.pk?.S}\n${item.sk?.S}`,
      ),
    );
    return new Map(
      heads.map((head) => {
        const pendingKey =
          head.pending &&
          `${metricPartitionKey(head.metric)}\n${observationSortKey(head.pending.observation.key)}`;
        if (pendingKey === undefined || !committed.has(pendingKey)) return [head.metric, head];
        const { pending: _committed, ...rest } = head;
        return [head.metric, rest];
      }),
    );
  }

  async claimHead(head: MetricHead, expectedVersion: number | undefined): Promise<boolean> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: headItem(head),
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: toItem({ ':expected': expectedVersion }),
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async getObservation(metric: string, key: string): Promise<StoredObservation | undefined> {
    const item = await this.getItem(metricPartitionKey(metric), observationSortKey(key));
    return item === undefined ? undefined : storedObservationFromItem(item);
  }

  /**
   * An observation's content is fixed by the head claim that committed it (a roll-forward writes the very same
   * pending copy), so one without a change is written unconditionally, batched with the other writers' puts.
   * One with a change also takes a position in the changes index, which must not move once taken: see putChange.
   * Either replaces a merge's copy under the same key (copyHistory), which holds no position.
   */
  async putObservation(stored: StoredObservation): Promise<void> {
    if (stored.change === null) await this.observationWriter.put(observationItem(stored, this.now()));
    else await this.putChange(stored, stored.change.eventId);
  }

  /**
   * A change's position is the moment its put is attempted, and the change log serves a position only once it
   * is older than a settle window, which must therefore outlast any attempt: each attempt has a deadline (the
   * SDK's retries of the same payload happen within it) and the next attempt takes a fresh position. The put
   * never replaces an existing item: when an earlier attempt or a racing writer committed the change, its
   * position stays where readers may already have seen it.
   */
  private async putChange(stored: StoredObservation, eventId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: observationItem(stored, this.now()),
            ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(copiedFrom)',
          }),
          { abortSignal: AbortSignal.timeout(changePutTimeoutMs) },
        );
        return;
      } catch (error) {
        if (isConditionFailure(error)) return;
        if ((error as Error).name !== 'AbortError') throw error;
        if (attempt === changePutAttempts) {
          throw new ChangePutTimeoutError(
            `change ${eventId} was not stored within ${changePutTimeoutMs} ms, ${changePutAttempts} times`,
            { cause: error },
          );
        }
      }
    }
  }

  async copyHistory(from: string, into: string): Promise<number> {
    const held = new Set((await this.observationItems(into, 'sk')).map((item) => item.sk?.S));
    const missing = (await this.observationItems(from)).filter((item) => !held.has(item.sk?.S));
    let copied = 0;
    const copyNext = async (): Promise<void> => {
      for (let item = missing.pop(); item !== undefined; item = missing.pop()) {
        const stored = storedObservationFromItem(item);
        const copy = { ...stored, observation: { ...stored.observation, metric: into } };
        try {
          await this.client.send(
            new PutItemCommand({
              TableName: this.tableName,
              Item: copiedObservationItem(copy, from, this.now()),
              // Never over an observation of `into`: its own writer, or this very copy made before a crash.
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
          copied++;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(copiesInFlight, missing.length) }, copyNext));
    return copied;
  }

  /** Every observation item of a metric, or only the attributes named. */
  private observationItems(metric: string, projection?: string): Promise<Item[]> {
    return queryAll(this.client, this.tableName, {
      pk: metricPartitionKey(metric),
      prefix: observationPrefix,
      ...(projection === undefined ? {} : { projection }),
    });
  }

  async previousObservation(metric: string, key: string): Promise<StoredObservation | undefined> {
    const ownSortKey = observationSortKey(key);
    // One sort key condition only: BETWEEN includes the key itself, which is skipped below.
    const { Items: items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :own',
        ExpressionAttributeValues: toItem({
          ':pk': metricPartitionKey(metric),
          ':first': observationPrefix,
          ':own': ownSortKey,
        }),
        ScanIndexForward: false,
        Limit: 2,
        ConsistentRead: true,
      }),
    );
    const previous = items?.find((item) => item.sk?.S !== ownSortKey);
    return previous === undefined ? undefined : storedObservationFromItem(previous);
  }

  async history(
    metric: string,
    options: { limit: number; before?: string },
  ): Promise<Page<StoredObservation>> {
    assertPageLimit(options.limit);
    const pk = metricPartitionKey(metric);
    const before = options.before === undefined ? undefined : decodeCursor('before', options.before);
    const { Items: items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': pk, ':prefix': observationPrefix }),
        ScanIndexForward: false,
        // One more than asked tells whether another page exists.
        Limit: options.limit + 1,
        ConsistentRead: true,
        ...(before === undefined
          ? {}
          : { ExclusiveStartKey: toItem({ pk, sk: observationSortKey(before) }) }),
      }),
    );
    const observations = items.slice(0, options.limit).map(storedObservationFromItem);
    const last = observations.at(-1);
    return items.length > options.limit && last !== undefined
      ? { items: observations, cursor: encodeCursor(last.observation.key) }
      : { items: observations };
  }

  async listHeads(options: { limit: number; after?: string }): Promise<Page<MetricHead>> {
    assertPageLimit(options.limit);
    const after = options.after === undefined ? undefined : decodeCursor('after', options.after);
    const { Items: entries = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: table.metricIndex.name,
        KeyConditionExpression:
          after === undefined ? 'gsi2pk = :partition' : 'gsi2pk = :partition AND gsi2sk > :after',
        ExpressionAttributeValues: toItem({ ':partition': metricsPartition, ':after': after }),
        Limit: options.limit + 1,
      }),
    );
    const page = entries.slice(0, options.limit);
    // The index holds keys only (see table-definition.ts): the heads themselves come from the table.
    const heads = await getItems(this.client, this.tableName, page.map(primaryKey));
    const byMetric = new Map(heads.map((item) => [item.gsi2sk?.S, headFromItem(item)]));
    const metrics = page.flatMap((entry) => entry.gsi2sk?.S ?? []);
    const items = metrics.flatMap((metric) => byMetric.get(metric) ?? []);
    const lastMetric = metrics.at(-1);
    return entries.length > options.limit && lastMetric !== undefined
      ? { items, cursor: encodeCursor(lastMetric) }
      : { items };
  }

  private async getItem(pk: string, sk: string): Promise<Item | undefined> {
    const { Item: item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: toItem({ pk, sk }), ConsistentRead: true }),
    );
    return item;
  }
}
