// `updates-feed replay`: processes again the stream records a consumer failed and kept in the failure store, then
// clears each one that went through. Idempotent, like the consumers themselves: a record replayed twice, or one a
// retry already got through, records and publishes nothing twice (docs/replay.md).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Consumer, StoredFailure } from '../../functions/core/ports.ts';
import { sandboxEnvironmentFile } from '../../infra/sandbox/paths.ts';
import type { CommandIo } from './io.ts';

const consumers: readonly Consumer[] = ['pipeline', 'publisher'];

type ConsumerHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** The record the stream carried for the item, as it is now: a consumer reads only its keys and new image. */
function replayEvent(failure: StoredFailure, item: Record<string, AttributeValue>): DynamoDBStreamEvent {
  const keys = { pk: { S: failure.keys.pk }, sk: { S: failure.keys.sk } };
  return {
    Records: [
      {
        eventID: `replay-${failure.keys.pk}|${failure.keys.sk}`,
        eventName: 'INSERT',
        eventSource: 'updates-feed:replay',
        // The SDK's attribute shape and Lambda's are the same wire shape (functions/handlers/stream-records.ts).
        dynamodb: { Keys: keys, NewImage: item as never, SequenceNumber: '1', StreamViewType: 'NEW_IMAGE' },
      },
    ],
  };
}

function describe(failure: StoredFailure): string {
  const named = failure.brief
    ? `brief ${failure.brief.id} revision ${failure.brief.revision}`
    : failure.eventId
      ? `change ${failure.eventId}`
      : `item ${failure.keys.pk} ${failure.keys.sk}`;
  return `${failure.consumer}: ${named} (failed ${failure.attempts} times, last at ${failure.lastFailedAt}: ${failure.error})`;
}

export async function replayCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      consumer: { type: 'string' },
      'data-dir': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const chosen =
    values.consumer === undefined ? consumers : consumers.filter((name) => name === values.consumer);
  if (chosen.length === 0) {
    io.stderr(
      `--consumer must be one of ${consumers.join(', ')}, received ${JSON.stringify(values.consumer)}`,
    );
    return 2;
  }
  // A sandbox leaves the environment its functions run with; on AWS it comes from the shell (docs/replay.md).
  const environmentFile = sandboxEnvironmentFile(values['data-dir'] ?? '.sandbox');
  if (process.env.TABLE_NAME === undefined && existsSync(environmentFile)) {
    Object.assign(process.env, JSON.parse(readFileSync(environmentFile, 'utf8')) as Record<string, string>);
  }
  if (process.env.TABLE_NAME === undefined) {
    io.stderr(
      `no table: set TABLE_NAME (and TOPIC_ARN, AWS_REGION) for a deployed stage, or pass --data-dir of a running sandbox (no ${join(environmentFile)})`,
    );
    return 2;
  }
  // Loaded only now: the wiring reads the environment once, when it loads.
  const { GetItemCommand } = await import('@aws-sdk/client-dynamodb');
  const { dynamoDbClient, tableName } = await import('../../functions/wiring/dynamodb.ts');
  const { DynamoFailureStore } = await import('../../functions/adapters/dynamodb/failure-store.ts');
  const store = new DynamoFailureStore(dynamoDbClient(), tableName());
  const handlerOf = async (consumer: Consumer): Promise<ConsumerHandler> =>
    consumer === 'pipeline'
      ? (await import('../../functions/handlers/pipeline.ts')).handler
      : ((await import('../../functions/handlers/publisher.ts')).handler as ConsumerHandler);

  let stillFailing = 0;
  for (const consumer of chosen) {
    const failures = await store.list(consumer);
    if (failures.length === 0) continue;
    const handler = values['dry-run'] ? undefined : await handlerOf(consumer);
    for (const failure of failures) {
      io.stdout(describe(failure));
      if (handler === undefined) continue;
      const { Item: item } = await dynamoDbClient().send(
        new GetItemCommand({
          TableName: tableName(),
          Key: { pk: { S: failure.keys.pk }, sk: { S: failure.keys.sk } },
          ConsistentRead: true,
        }),
      );
      if (item === undefined) {
        io.stderr(
          `  the item is gone: nothing to replay; the failure is kept for you to clear or investigate`,
        );
        stillFailing += 1;
        continue;
      }
      const response = await handler(replayEvent(failure, item));
      if (response.batchItemFailures.length === 0) {
        await store.clear(failure);
        io.stdout('  replayed and cleared');
      } else {
        io.stderr('  failed again: kept, with one more attempt counted (see the function log for why)');
        stillFailing += 1;
      }
    }
  }
  return stillFailing === 0 ? 0 : 1;
}
