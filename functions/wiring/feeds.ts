// The feeds function's dependencies: the change log, and where links point.
import { DynamoChangeLog } from '../adapters/dynamodb/change-log.ts';
import type { FeedDeps } from '../handlers/feeds.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { config } from './environment.ts';

export function feedDependencies(): FeedDeps {
  return {
    changes: new DynamoChangeLog(dynamoDbClient(), tableName(), { settleMs: config.CHANGES_SETTLE_MS }),
    publicBaseUrl: config.PUBLIC_BASE_URL,
  };
}
