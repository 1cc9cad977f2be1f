import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb/client.ts';
import {
  createTableInput,
  ensureTable,
  TableDefinitionMismatchError,
} from '../../functions/adapters/dynamodb/table-definition.ts';
import { table } from '../../infra/topology.ts';
import { localClient } from './dynamodb-fixtures.ts';

describe('createTableInput', () => {
  const input = createTableInput('any-name');

  it('takes its keys and indexes from the topology', () => {
    expect(input.KeySchema).toEqual([
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = Object.fromEntries(
      (input.GlobalSecondaryIndexes ?? []).map((index) => [
        index.IndexName,
        index.KeySchema?.map((key) => key.AttributeName),
      ]),
    );
    expect(indexes).toEqual({
      [table.changeIndex.name]: [table.changeIndex.partitionKey, table.changeIndex.sortKey],
      [table.metricIndex.name]: [table.metricIndex.partitionKey, table.metricIndex.sortKey],
    });
    expect(input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: table.streamView });
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('projects whole items into the changes index and keys only into the metrics index', () => {
    const projections = Object.fromEntries(
      (input.GlobalSecondaryIndexes ?? []).map((index) => [
        index.IndexName,
        index.Projection?.ProjectionType,
      ]),
    );
    expect(projections).toEqual({ changes: 'ALL', metrics: 'KEYS_ONLY' });
  });
});

describe('ensureTable', () => {
  const client = localClient();

  it('creates the table once and accepts it on every later call, concurrent ones included', async () => {
    const tableName = `dynamodb-table-${randomUUID().slice(0, 8)}`;
    await Promise.all([ensureTable(client, tableName), ensureTable(client, tableName)]);
    await ensureTable(client, tableName);
    const { Table: description } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(description?.TableStatus).toBe('ACTIVE');
    const { TableNames: names = [] } = await client.send(new ListTablesCommand({}));
    expect(names.filter((name) => name === tableName)).toHaveLength(1);
  });

  it('refuses a table of the same name created without the indexes', async () => {
    const tableName = `dynamodb-table-old-${randomUUID().slice(0, 8)}`;
    const { GlobalSecondaryIndexes: _, ...withoutIndexes } = createTableInput(tableName);
    await client.send(
      new CreateTableCommand({
        ...withoutIndexes,
        AttributeDefinitions: withoutIndexes.AttributeDefinitions?.filter((definition) =>
          [table.partitionKey, table.sortKey].includes(definition.AttributeName as 'pk' | 'sk'),
        ),
      }),
    );
    await expect(ensureTable(client, tableName)).rejects.toThrow(TableDefinitionMismatchError);
  });
});

describe('createDynamoDbClient', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let endpoint: string;
  beforeAll(async () => {
    // Accepts connections and never answers: a hung service.
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up on a service that never answers within its bounded attempts', async () => {
    const client = createDynamoDbClient({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const started = Date.now();
    await expect(client.send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
    const elapsed = Date.now() - started;
    // Three attempts of 3 s each, with the SDK's short backoff between them.
    expect(elapsed).toBeGreaterThanOrEqual(9000);
    expect(elapsed).toBeLessThan(15_000);
    expect(sockets.length).toBe(3);
  }, 20_000);
});
