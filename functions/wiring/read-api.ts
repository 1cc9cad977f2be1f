// The read API's dependencies.
import { DynamoBriefStore } from '../adapters/dynamodb/brief-store.ts';
import { DynamoChangeLog } from '../adapters/dynamodb/change-log.ts';
import { DynamoMetricStore } from '../adapters/dynamodb/metric-store.ts';
import type { ReadDeps } from '../handlers/read-api.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { config } from './environment.ts';

export function readApiDependencies(): ReadDeps {
  return {
    briefs: new DynamoBriefStore(dynamoDbClient(), tableName()),
    metrics: new DynamoMetricStore(dynamoDbClient(), tableName()),
    changes: new DynamoChangeLog(dynamoDbClient(), tableName(), { settleMs: config.CHANGES_SETTLE_MS }),
  };
}
