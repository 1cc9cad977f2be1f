// The table's client and name, for the functions that touch the table; built on first use, once per cold start.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../adapters/dynamodb/client.ts';
import { required } from '../config.ts';
import { tracer } from '../observability.ts';
import { config } from './environment.ts';

let client: DynamoDBClient | undefined;

export function dynamoDbClient(): DynamoDBClient {
  client ??= tracer.captureAWSv3Client(
    createDynamoDbClient({
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: config.DYNAMODB_ENDPOINT }),
    }),
  );
  return client;
}

export const tableName = (): string => required(config, 'TABLE_NAME');
