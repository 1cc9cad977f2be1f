// The table as the sandbox creates it, derived from the same topology the CDK stack reads.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  type ProjectionType,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { table } from './table-layout.ts';

/** The projection of each index, as topology.ts declares it. */
export const indexProjections = {
  [table.changeIndex.name]: table.changeIndex.projection,
  [table.metricIndex.name]: table.metricIndex.projection,
} as const satisfies Record<string, ProjectionType>;

export class TableDefinitionMismatchError extends Error {
  override name = 'TableDefinitionMismatchError';
}

const secondaryIndexes = [table.changeIndex, table.metricIndex];

export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    table.partitionKey,
    table.sortKey,
    ...secondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: secondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: indexProjections[index.name] },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamView },
  };
}

/** Creates the table if absent and waits until it is ACTIVE; a table of an older layout is refused, not reused. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 5 }, { TableName: tableName });
  const { Table: description } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const indexNames = new Set(description?.GlobalSecondaryIndexes?.map((index) => index.IndexName));
  const missing = secondaryIndexes.map((index) => index.name).filter((name) => !indexNames.has(name));
  if (missing.length > 0) {
    throw new TableDefinitionMismatchError(
      `table ${tableName} exists without the indexes ${missing.join(', ')}: delete it or use another table name`,
    );
  }
  if (description?.StreamSpecification?.StreamViewType !== table.streamView) {
    throw new TableDefinitionMismatchError(
      `table ${tableName} has stream view ${description?.StreamSpecification?.StreamViewType ?? 'none'}, expected ${table.streamView}`,
    );
  }
}
