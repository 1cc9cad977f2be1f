// The topic's publisher of changes and digests alike, their email texts linking to the public site's pages.
import { SnsChangePublisher } from '../adapters/sns/publisher.ts';
import { config } from './environment.ts';
import { snsClient, topicArn } from './sns.ts';

export function eventPublisher(): SnsChangePublisher {
  return new SnsChangePublisher(snsClient(), topicArn(), { linkBase: config.PUBLIC_BASE_URL });
}
