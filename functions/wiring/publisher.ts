// The publisher consumer's dependencies.
import { SnsChangePublisher } from '../adapters/sns/publisher.ts';
import type { PublisherDeps } from '../handlers/publisher.ts';
import { config } from './environment.ts';
import { snsClient, topicArn } from './sns.ts';

export function publisherDependencies(): PublisherDeps {
  return {
    publisher: new SnsChangePublisher(snsClient(), topicArn(), { linkBase: config.PUBLIC_BASE_URL }),
  };
}
