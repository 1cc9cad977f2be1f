// The pipeline consumer's dependencies.
import { DynamoBriefStore } from '../adapters/dynamodb/brief-store.ts';
import { DynamoFailureStore } from '../adapters/dynamodb/failure-store.ts';
import { DynamoMetricStore } from '../adapters/dynamodb/metric-store.ts';
import type { PipelineDeps } from '../handlers/pipeline.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { now } from './environment.ts';
import { eventPublisher } from './events.ts';

export function pipelineDependencies(): PipelineDeps {
  return {
    briefs: new DynamoBriefStore(dynamoDbClient(), tableName()),
    metrics: new DynamoMetricStore(dynamoDbClient(), tableName()),
    digests: eventPublisher(),
    failures: new DynamoFailureStore(dynamoDbClient(), tableName()),
    now,
  };
}
