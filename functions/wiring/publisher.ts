// The publisher consumer's dependencies.
import { DynamoFailureStore } from '../adapters/dynamodb/failure-store.ts';
import type { PublisherDeps } from '../handlers/publisher.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { eventPublisher } from './events.ts';

export function publisherDependencies(): PublisherDeps {
  return {
    publisher: eventPublisher(),
    failures: new DynamoFailureStore(dynamoDbClient(), tableName()),
  };
}
