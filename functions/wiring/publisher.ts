// The publisher consumer's dependencies.
import { DynamoFailureStore } from '../adapters/dynamodb/failure-store.ts';
import { SnsChangePublisher } from '../adapters/sns/publisher.ts';
import type { PublisherDeps } from '../handlers/publisher.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { config } from './environment.ts';
import { snsClient, topicArn } from './sns.ts';

export function publisherDependencies(): PublisherDeps {
  return {
    publisher: new SnsChangePublisher(snsClient(), topicArn(), { linkBase: config.PUBLIC_BASE_URL }),
    failures: new DynamoFailureStore(dynamoDbClient(), tableName()),
  };
}
