// Puts issued in the same turn of the event loop travel together in BatchWriteItem requests.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { putItems } from './batch.ts';
import { type Item, primaryKey } from './items.ts';

interface Waiting {
  item: Item;
  settle: (error?: unknown) => void;
}

/**
 * For items whose key fully determines their content (so an unconditional put of the same key writes the same
 * thing): the pipeline's concurrent writers then share one request per 25 items instead of one each.
 */
export class CoalescingWriter {
  private waiting: Waiting[] = [];

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  put(item: Item): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.waiting.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    // BatchWriteItem refuses the same key twice in one request; equal keys carry equal content here.
    const byKey = new Map(batch.map(({ item }) => [JSON.stringify(primaryKey(item)), item]));
    try {
      await putItems(this.client, this.tableName, [...byKey.values()]);
      for (const { settle } of batch) settle();
    } catch (error) {
      for (const { settle } of batch) settle(error);
    }
  }
}
