// Clients for reading the table's stream: bounded in time and attempts, like every AWS client of this project.
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface StreamsClientOptions {
  endpoint: string;
  region: string;
  /** DynamoDB Local accepts any key; these defaults keep the SDK from searching the machine for real ones. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function createStreamsClient(options: StreamsClientOptions): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 3000 }),
  });
}

export class StreamNotEnabledError extends Error {
  override name = 'StreamNotEnabledError';
}

export async function latestStreamArn(dynamodb: DynamoDBClient, tableName: string): Promise<string> {
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  const arn = Table?.LatestStreamArn;
  if (arn === undefined || Table?.StreamSpecification?.StreamEnabled !== true) {
    throw new StreamNotEnabledError(
      `table ${tableName} has no enabled stream (StreamSpecification: ${JSON.stringify(Table?.StreamSpecification)})`,
    );
  }
  return arn;
}
