// Shard lineage and expired iterators cannot be produced on DynamoDB Local (it never splits a shard and its
// iterators outlive these tests), so this file drives the runner with a scripted stream that answers the same calls.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { type StreamRunner, startStreamRunner } from '../../infra/sandbox/stream-runner/index.ts';

const streamArn = 'arn:aws:dynamodb:ddblocal:000000000000:table/scripted/stream/2026-01-01T00:00:00.000';

interface ScriptedShard {
  shardId: string;
  parentShardId?: string;
  closed: boolean;
  records: _Record[];
}

function streamRecord(sequence: number): _Record {
  const sequenceNumber = String(sequence).padStart(21, '0');
  return {
    eventID: `event-${sequence}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ddblocal',
    dynamodb: {
      ApproximateCreationDateTime: new Date(),
      Keys: { pk: { S: 'same-item' }, sk: { S: `REV#${sequence}` } },
      NewImage: { pk: { S: 'same-item' }, sk: { S: `REV#${sequence}` }, sequence: { N: String(sequence) } },
      SequenceNumber: sequenceNumber,
      SizeBytes: 40,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** Answers DescribeStream, GetShardIterator and GetRecords (two records a page) like DynamoDB Streams. */
function scriptedStream(shards: ScriptedShard[], options: { expireIteratorOnce?: string } = {}) {
  let iteratorToExpire = options.expireIteratorOnce;
  const calls: string[] = [];
  const send = async (command: unknown) => {
    if (command instanceof DescribeStreamCommand) {
      calls.push('DescribeStream');
      return {
        StreamDescription: {
          StreamArn: streamArn,
          Shards: shards.map((shard) => ({
            ShardId: shard.shardId,
            ...(shard.parentShardId === undefined ? {} : { ParentShardId: shard.parentShardId }),
          })),
        },
      };
    }
    if (command instanceof GetShardIteratorCommand) {
      const { ShardId, ShardIteratorType, SequenceNumber } = command.input;
      calls.push(`GetShardIterator ${ShardId} ${ShardIteratorType} ${SequenceNumber ?? ''}`.trim());
      const shard = shards.find((candidate) => candidate.shardId === ShardId);
      const position =
        ShardIteratorType === 'TRIM_HORIZON'
          ? 0
          : (shard?.records.findIndex((record) => record.dynamodb?.SequenceNumber === SequenceNumber) ?? -2) +
            1;
      return { ShardIterator: `${ShardId}|${position}` };
    }
    if (command instanceof GetRecordsCommand) {
      const iterator = command.input.ShardIterator ?? '';
      if (iterator === iteratorToExpire) {
        iteratorToExpire = undefined;
        throw Object.assign(new Error('Iterator expired'), { name: 'ExpiredIteratorException' });
      }
      const [shardId, position] = iterator.split('|');
      const shard = shards.find((candidate) => candidate.shardId === shardId);
      const start = Number(position);
      const page = shard?.records.slice(start, start + 2) ?? [];
      const next = start + page.length;
      const atEnd = next >= (shard?.records.length ?? 0);
      return {
        Records: page,
        ...(atEnd && shard?.closed ? {} : { NextShardIterator: `${shardId}|${next}` }),
      };
    }
    throw new Error(`unexpected command ${String(command)}`);
  };
  return { client: { send } as unknown as DynamoDBStreamsClient, calls };
}

const running: StreamRunner[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((runner) => runner.stop()));
});

function startScripted(client: DynamoDBStreamsClient, handled: number[]) {
  const runner = startStreamRunner({
    consumerName: 'scripted',
    consumer: {
      batchSize: 2,
      maxBatchingWindowSeconds: 0,
      retryAttempts: 1,
      maxRecordAgeSeconds: 3600,
      bisectBatchOnError: false,
      parallelizationFactor: 1,
      filters: [],
    },
    handler: async (event) => {
      // Slow enough that a child read at the same time as its parent would overtake it.
      await new Promise((resolve) => setTimeout(resolve, 15));
      handled.push(
        ...event.Records.map((record: DynamoDBRecord) => Number(record.dynamodb?.NewImage?.sequence?.N)),
      );
    },
    streamArn,
    streamsClient: client,
    dataDir: mkdtempSync(join(tmpdir(), 'stream-runner-lineage-')),
    pollIntervalMs: 10,
    shardDiscoveryIntervalMs: 50,
  });
  running.push(runner);
  return runner;
}

describe('stream runner across shards', () => {
  it('reads a child shard only after its parent is closed and fully handled', async () => {
    const { client } = scriptedStream([
      { shardId: 'child-a', parentShardId: 'parent', closed: false, records: [7, 8].map(streamRecord) },
      { shardId: 'parent', closed: true, records: [1, 2, 3, 4, 5].map(streamRecord) },
      { shardId: 'child-b', parentShardId: 'parent', closed: false, records: [6].map(streamRecord) },
    ]);
    const handled: number[] = [];
    const runner = startScripted(client, handled);
    await runner.idle();

    expect(handled.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect([...handled].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('resumes after the last record read when an iterator expires, losing and repeating nothing', async () => {
    const { client, calls } = scriptedStream(
      [{ shardId: 'only', closed: false, records: [1, 2, 3, 4, 5].map(streamRecord) }],
      { expireIteratorOnce: 'only|2' },
    );
    const handled: number[] = [];
    const runner = startScripted(client, handled);
    await runner.idle();

    expect(handled).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toContain(`GetShardIterator only AFTER_SEQUENCE_NUMBER ${'2'.padStart(21, '0')}`);
  });
});
