// The corrections function's dependencies.
import { DynamoAliasStore } from '../adapters/dynamodb/alias-store.ts';
import { DynamoMetricStore } from '../adapters/dynamodb/metric-store.ts';
import { defaultAliases } from '../core/default-aliases.ts';
import type { CorrectionsDeps } from '../handlers/corrections.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { now } from './environment.ts';

export function correctionsDependencies(): CorrectionsDeps {
  return {
    aliases: new DynamoAliasStore(dynamoDbClient(), tableName()),
    defaultAliases,
    metrics: new DynamoMetricStore(dynamoDbClient(), tableName()),
    now,
  };
}
