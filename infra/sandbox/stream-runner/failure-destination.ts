// The sandbox's on-failure destination: one JSON line per discarded batch, shaped like Lambda's SQS/SNS record.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';

export type DiscardCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

/** What Lambda sends to an on-failure destination for a DynamoDB stream batch, plus the records' keys. */
export interface StreamFailureRecord {
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: DiscardCondition;
    approximateInvokeCount: number;
  };
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
  /** Sandbox only: Lambda sends metadata alone; the keys let one read the items again. */
  records: Array<Pick<DynamoDBRecord, 'eventID' | 'eventName'> & { sequenceNumber: string; keys: unknown }>;
}

export interface DiscardedBatch {
  requestId: string;
  functionArn: string;
  condition: DiscardCondition;
  invokeCount: number;
  /** The last invocation's error type (`Unhandled` for a throw or a timeout); absent for a partial failure or none. */
  functionError: string | undefined;
  shardId: string;
  streamArn: string;
  records: readonly DynamoDBRecord[];
}

export function failureRecord(batch: DiscardedBatch, now: Date): StreamFailureRecord {
  const first = batch.records[0];
  const last = batch.records.at(-1);
  if (first === undefined || last === undefined) {
    throw new RangeError(`a discarded batch needs at least one record, received ${batch.records.length}`);
  }
  return {
    requestContext: {
      requestId: batch.requestId,
      functionArn: batch.functionArn,
      condition: batch.condition,
      approximateInvokeCount: batch.invokeCount,
    },
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(batch.functionError === undefined ? {} : { functionError: batch.functionError }),
    },
    version: '1.0',
    timestamp: now.toISOString(),
    DDBStreamBatchInfo: {
      shardId: batch.shardId,
      startSequenceNumber: sequenceNumberOf(first),
      endSequenceNumber: sequenceNumberOf(last),
      approximateArrivalOfFirstRecord: arrivalOf(first),
      approximateArrivalOfLastRecord: arrivalOf(last),
      batchSize: batch.records.length,
      streamArn: batch.streamArn,
    },
    records: batch.records.map((record) => ({
      eventID: record.eventID,
      eventName: record.eventName,
      sequenceNumber: sequenceNumberOf(record),
      keys: record.dynamodb?.Keys,
    })),
  };
}

export async function appendFailureRecord(path: string, record: StreamFailureRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // One write per line with O_APPEND: concurrent appenders never interleave within a line.
  await appendFile(path, `${JSON.stringify(record)}\n`);
}

function sequenceNumberOf(record: DynamoDBRecord): string {
  return record.dynamodb?.SequenceNumber ?? '';
}

function arrivalOf(record: DynamoDBRecord): string {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  // Lambda writes these times without fractional seconds.
  return seconds === undefined ? '' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
