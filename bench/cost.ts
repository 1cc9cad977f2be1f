// What a million briefs cost on AWS on-demand prices, from the usage one brief measured in the sandbox.
import { functions } from '../infra/topology.ts';

/**
 * us-east-1 list prices, as read in 2025 (DynamoDB after its November 2024 on-demand cut). They are inputs, not
 * facts this code can check: update them here and the tables follow.
 */
export const prices = {
  region: 'us-east-1',
  asOf: '2025',
  dynamoDbWriteRequestUnitPerMillion: 0.625,
  dynamoDbReadRequestUnitPerMillion: 0.125,
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequestPerMillion: 0.2,
  /** Billed per 64 KB chunk of a request's payload; a PublishBatch of up to ten small events is one request. */
  snsPublishRequestPerMillion: 0.5,
  snsPublishChunkBytes: 64 * 1024,
  snsHttpDeliveryPerMillion: 0.6,
  /** HTTP API, first 300 million requests a month, billed per 512 KB chunk. */
  apiGatewayHttpRequestPerMillion: 1.0,
} as const;

/** The usage of one uploaded brief; everything a million briefs are billed for scales from it. */
export interface UsagePerBrief {
  writeRequestUnits: number;
  readRequestUnits: number;
  /** Changes (events) the brief caused, on average. */
  changes: number;
  /** Mean size of one published event, bytes. */
  eventBytes: number;
  /** Handler milliseconds per brief, by function (a rough proxy: see the assumptions). */
  ingestMs: number;
  pipelineMs: number;
  publisherMs: number;
  /** Invocations per brief: a stream batch carries several briefs or changes. */
  pipelineInvocations: number;
  publisherInvocations: number;
  /** HTTP subscribers that each change is delivered to. */
  httpSubscribers: number;
}

export interface CostLine {
  item: string;
  quantityPerMillionBriefs: number;
  unit: string;
  usd: number;
}

export interface CostPerMillionBriefs {
  prices: typeof prices;
  usage: UsagePerBrief;
  lines: CostLine[];
  totalUsd: number;
}

const gb = (memoryMb: number) => memoryMb / 1024;
const perMillion = 1_000_000;

export function costPerMillionBriefs(usage: UsagePerBrief): CostPerMillionBriefs {
  const lambdaGbSeconds = (memoryMb: number, ms: number) => gb(memoryMb) * (ms / 1000) * perMillion;
  const maxBatchEntries = 10;
  const batchBytes = Math.min(maxBatchEntries, Math.max(1, usage.changes)) * usage.eventBytes;
  const publishRequestsPerChange =
    Math.ceil(batchBytes / prices.snsPublishChunkBytes) /
    Math.min(maxBatchEntries, Math.max(1, usage.changes));
  const gbSecondLines: [string, number, number][] = [
    ['ingest', functions.ingest.memoryMb, usage.ingestMs],
    ['pipeline', functions.pipeline.memoryMb, usage.pipelineMs],
    ['publisher', functions.publisher.memoryMb, usage.publisherMs],
  ];
  const lines: CostLine[] = [
    {
      item: 'DynamoDB writes',
      quantityPerMillionBriefs: usage.writeRequestUnits * perMillion,
      unit: 'write request units',
      usd: usage.writeRequestUnits * prices.dynamoDbWriteRequestUnitPerMillion,
    },
    {
      item: 'DynamoDB reads',
      quantityPerMillionBriefs: usage.readRequestUnits * perMillion,
      unit: 'read request units',
      usd: usage.readRequestUnits * prices.dynamoDbReadRequestUnitPerMillion,
    },
    {
      item: 'API Gateway (POST /briefs)',
      quantityPerMillionBriefs: perMillion,
      unit: 'requests',
      usd: prices.apiGatewayHttpRequestPerMillion,
    },
    ...gbSecondLines.map(([name, memoryMb, ms]) => ({
      item: `Lambda ${name} (${memoryMb} MB, arm64)`,
      quantityPerMillionBriefs: lambdaGbSeconds(memoryMb, ms),
      unit: 'GB-seconds',
      usd: lambdaGbSeconds(memoryMb, ms) * prices.lambdaArmGbSecond,
    })),
    {
      item: 'Lambda requests (all functions)',
      quantityPerMillionBriefs: (1 + usage.pipelineInvocations + usage.publisherInvocations) * perMillion,
      unit: 'requests',
      usd: (1 + usage.pipelineInvocations + usage.publisherInvocations) * prices.lambdaRequestPerMillion,
    },
    {
      item: 'SNS publish (PublishBatch)',
      quantityPerMillionBriefs: usage.changes * publishRequestsPerChange * perMillion,
      unit: 'billed requests',
      usd: usage.changes * publishRequestsPerChange * prices.snsPublishRequestPerMillion,
    },
    {
      item: `SNS HTTP deliveries (${usage.httpSubscribers} subscriber)`,
      quantityPerMillionBriefs: usage.changes * usage.httpSubscribers * perMillion,
      unit: 'deliveries',
      usd: usage.changes * usage.httpSubscribers * prices.snsHttpDeliveryPerMillion,
    },
  ];
  return { prices, usage, lines, totalUsd: lines.reduce((sum, line) => sum + line.usd, 0) };
}

export const costAssumptions = [
  `Prices: AWS ${prices.region} on-demand list prices as of ${prices.asOf} (see bench/cost.ts); no free tier, no savings plans.`,
  'DynamoDB units are the ones measured in the sandbox (ReturnConsumedCapacity of DynamoDB Local; failed conditional writes charged by item size and empty queries at the minimum, as DynamoDB Local reports nothing for them); reading the table stream from Lambda is free.',
  'Lambda durations are in-process sandbox timings on a shared 2-core machine: ingest = upload latency p50 (includes the local gateway), pipeline = busy span of the one stream shard divided by briefs (an upper bound), publisher = assumed 100 ms per invocation. Real Lambda times differ, in both directions.',
  'Lambda invocations: one pipeline invocation per brief and one publisher invocation per brief (the worst case of a trickle; under load both batch several records).',
  'SNS: every change published once (retries ignored), PublishBatch billed per 64 KB of payload, one HTTP subscriber receiving every change; email or SQS subscribers are priced differently.',
  'Storage, data transfer, CloudWatch logs and the read side (feeds, /changes) are not included.',
];
