// Stream records a consumer failed, kept in the table for `updates-feed replay`: written only when a record fails,
// so processing that succeeds costs nothing.
//
// failure: pk FAILURE#<consumer>, sk <pk of the record's item>|<sk of the record's item>, failure (attributes)
//
// No attribute a stream consumer's filter matches (sk REV#…, changeType): the items reach no consumer.
import {
  DeleteItemCommand,
  type DynamoDBClient,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { Consumer, FailedRecord, FailureStore, StoredFailure } from '../../core/ports.ts';
import { fromItem, type Item, toItem } from './items.ts';
import { failurePartitionKey } from './keys.ts';

const failureKey = (failure: Pick<FailedRecord, 'consumer' | 'keys'>): Item =>
  toItem({ pk: failurePartitionKey(failure.consumer), sk: `${failure.keys.pk}|${failure.keys.sk}` });

/** Long error messages are cut: the failure item must stay far below DynamoDB's item limit. */
const maxErrorLength = 2000;

export class DynamoFailureStore implements FailureStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async record(failure: FailedRecord, at: Date): Promise<void> {
    const details = {
      consumer: failure.consumer,
      keys: failure.keys,
      ...(failure.brief === undefined ? {} : { brief: failure.brief }),
      ...(failure.eventId === undefined ? {} : { eventId: failure.eventId }),
      error: failure.error.slice(0, maxErrorLength),
    };
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: failureKey(failure),
        UpdateExpression:
          'SET failure = :failure, lastFailedAt = :at, firstFailedAt = if_not_exists(firstFailedAt, :at) ADD attempts :one',
        ExpressionAttributeValues: toItem({ ':failure': details, ':at': at.toISOString(), ':one': 1 }),
      }),
    );
  }

  async list(consumer: Consumer): Promise<StoredFailure[]> {
    const failures: StoredFailure[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: toItem({ ':pk': failurePartitionKey(consumer) }),
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const { failure, attempts, firstFailedAt, lastFailedAt } = fromItem(item) as {
          failure: FailedRecord;
          attempts: number;
          firstFailedAt: string;
          lastFailedAt: string;
        };
        failures.push({ ...failure, attempts, firstFailedAt, lastFailedAt });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return failures;
  }

  async clear(failure: Pick<FailedRecord, 'consumer' | 'keys'>): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: failureKey(failure) }));
  }
}
