// How many calls a second the sandbox's DynamoDB Local serves on this machine: the floor under the burst's time.
import {
  CreateTableCommand,
  DeleteTableCommand,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../functions/adapters/dynamodb/index.ts';

export interface DynamoDbCeiling {
  /** Conditional single-item puts, the shape of most of the pipeline's writes, sent `concurrency` at a time. */
  putsPerSecond: number;
  puts: number;
  concurrency: number;
  itemBytes: number;
}

const probeTable = 'bench-ceiling-probe';

/**
 * Puts to a table of its own, shaped as the real one (its indexes cost DynamoDB Local work on every write), with
 * items the size of an observation item and as many in flight as the pipeline keeps.
 */
export async function probeDynamoDbCeiling(
  client: DynamoDBClient,
  options: { puts?: number; concurrency?: number; itemBytes?: number } = {},
): Promise<DynamoDbCeiling> {
  const puts = options.puts ?? 1500;
  const concurrency = options.concurrency ?? 16;
  const itemBytes = options.itemBytes ?? 530;
  await client.send(new CreateTableCommand(createTableInput(probeTable)));
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < puts; index = next++) {
          await client.send(
            new PutItemCommand({
              TableName: probeTable,
              Item: {
                pk: { S: `METRIC#probe-${index % 300}` },
                sk: { S: `OBS#${String(index).padStart(8, '0')}` },
                body: { S: 'x'.repeat(itemBytes) },
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { putsPerSecond: Math.round(puts / seconds), puts, concurrency, itemBytes };
  } finally {
    await client.send(new DeleteTableCommand({ TableName: probeTable }));
  }
}
