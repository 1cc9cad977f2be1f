// The topic's client and ARN, for the functions that publish or subscribe; built on first use, once per cold start.
import type { SNSClient } from '@aws-sdk/client-sns';
import { createSnsClient } from '../adapters/sns/client.ts';
import { required } from '../config.ts';
import { tracer } from '../observability.ts';
import { config } from './environment.ts';

let client: SNSClient | undefined;

export function snsClient(): SNSClient {
  client ??= tracer.captureAWSv3Client(
    createSnsClient({
      region: config.AWS_REGION,
      ...(config.SNS_ENDPOINT === undefined ? {} : { endpoint: config.SNS_ENDPOINT }),
    }),
  );
  return client;
}

export const topicArn = (): string => required(config, 'TOPIC_ARN');
