// The ingest function's dependencies.
import { DynamoBriefStore } from '../adapters/dynamodb/brief-store.ts';
import { DynamoMetricStore } from '../adapters/dynamodb/metric-store.ts';
import { defaultAliases } from '../core/default-aliases.ts';
import type { IngestDeps } from '../core/ingest.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { config, now } from './environment.ts';

export function ingestDependencies(): IngestDeps {
  return {
    briefs: new DynamoBriefStore(dynamoDbClient(), tableName()),
    metrics: new DynamoMetricStore(dynamoDbClient(), tableName()),
    now,
    aliases: defaultAliases,
    timeZone: config.NEWSROOM_TIME_ZONE,
  };
}
