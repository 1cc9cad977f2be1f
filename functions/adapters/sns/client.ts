// The one place SNS clients are built, so every one has bounded time per attempt and bounded attempts.
import { SNSClient } from '@aws-sdk/client-sns';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface SnsClientOptions {
  region: string;
  /** The local SNS of the sandbox, or a test server; absent on AWS. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** A hung SNS call must fail fast enough to be retried within one Lambda invocation. */
export const snsTimeouts = { connectionTimeoutMs: 1000, requestTimeoutMs: 3000, maxAttempts: 3 } as const;

export function createSnsClient(options: SnsClientOptions): SNSClient {
  return new SNSClient({
    region: options.region,
    maxAttempts: snsTimeouts.maxAttempts,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: snsTimeouts.connectionTimeoutMs,
      requestTimeout: snsTimeouts.requestTimeoutMs,
      // Without it, @smithy/node-http-handler 4.x only logs a warning when requestTimeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
}
