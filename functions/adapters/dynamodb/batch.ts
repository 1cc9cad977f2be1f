// BatchWriteItem and BatchGetItem with their unprocessed remainders retried, a bounded number of times.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { type Item, itemSizeBytes } from './items.ts';

export class UnprocessedItemsError extends Error {
  override name = 'UnprocessedItemsError';
  constructor(
    readonly operation: 'BatchWriteItem' | 'BatchGetItem',
    readonly tableName: string,
    readonly remaining: number,
  ) {
    super(
      `${operation} on table ${tableName} left ${remaining} items unprocessed after ${maxAttempts} attempts`,
    );
  }
}

const maxAttempts = 8;
const writeBatchItems = 25;
/** Well under the 16 MB request limit, so that one batch also fits in the client's request timeout. */
const writeBatchBytes = 2 * 1024 * 1024;
const getBatchKeys = 100;

const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random())));

function writeBatches(items: Item[]): Item[][] {
  const batches: Item[][] = [];
  let current: Item[] = [];
  let currentBytes = 0;
  for (const item of items) {
    const bytes = itemSizeBytes(item);
    if (
      current.length === writeBatchItems ||
      (current.length > 0 && currentBytes + bytes > writeBatchBytes)
    ) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function writeRequests(
  client: DynamoDBClient,
  tableName: string,
  requests: WriteRequest[],
): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === maxAttempts) throw new UnprocessedItemsError('BatchWriteItem', tableName, pending.length);
    if (attempt > 0) await backoff(attempt);
    const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
    pending = output.UnprocessedItems?.[tableName] ?? [];
  }
}

/** Unconditional puts: for items whose key already identifies their content. */
export async function putItems(client: DynamoDBClient, tableName: string, items: Item[]): Promise<void> {
  for (const batch of writeBatches(items)) {
    await writeRequests(
      client,
      tableName,
      batch.map((item) => ({ PutRequest: { Item: item } })),
    );
  }
}

export async function deleteItems(client: DynamoDBClient, tableName: string, keys: Item[]): Promise<void> {
  for (let start = 0; start < keys.length; start += writeBatchItems) {
    await writeRequests(
      client,
      tableName,
      keys.slice(start, start + writeBatchItems).map((key) => ({ DeleteRequest: { Key: key } })),
    );
  }
}

/** Consistent reads; the result is in no particular order and lacks the keys that have no item. */
export async function getItems(client: DynamoDBClient, tableName: string, keys: Item[]): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += getBatchKeys) {
    let pending = keys.slice(start, start + getBatchKeys);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === maxAttempts) throw new UnprocessedItemsError('BatchGetItem', tableName, pending.length);
      if (attempt > 0) await backoff(attempt);
      const output = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(output.Responses?.[tableName] ?? []));
      pending = output.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}
