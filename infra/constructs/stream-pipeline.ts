// The table stream's consumers: bounded retries, split batches, partial failures, and a queue for what still fails.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionName, FunctionSpec, StreamConsumer, StreamFilter } from '../topology.ts';
import {
  constructIdOf,
  type FunctionSettings,
  type SharedResources,
  TopologyFunction,
} from './topology-function.ts';

/** DynamoDB serves each stream shard to at most two concurrent readers; a third one is throttled. */
export const maxStreamReaders = 2;

export type StreamConsumerSpec = FunctionSpec & { stream: StreamConsumer };

export interface StreamPipelineProps {
  consumers: ReadonlyArray<readonly [FunctionName, StreamConsumerSpec]>;
  resources: SharedResources;
  settings: FunctionSettings;
  /**
   * Where readers find the pages, for the links in email: a consumer has no request whose host it could follow.
   * The CDN's URL makes no cycle, since nothing the CDN is built from depends on a consumer.
   */
  publicUrl: string;
}

export class StreamPipeline extends Construct {
  /** Where a record lands once its retries or its age are used up: its stream coordinates, to find it again. */
  readonly failureQueue: Queue;
  readonly consumers = new Map<FunctionName, NodejsFunction>();

  constructor(scope: Construct, id: string, props: StreamPipelineProps) {
    super(scope, id);
    if (props.consumers.length > maxStreamReaders) {
      const names = props.consumers.map(([name]) => name).join(', ');
      throw new Error(
        `a DynamoDB stream serves at most ${maxStreamReaders} readers, the topology declares ${props.consumers.length}: ${names}`,
      );
    }
    this.failureQueue = new Queue(this, 'FailureQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination of the stream mappings; it is drained by hand after the alarm',
    });

    for (const [name, spec] of props.consumers) {
      const { function: consumer } = new TopologyFunction(this, constructIdOf(name), {
        name,
        spec,
        resources: props.resources,
        settings: props.settings,
      });
      consumer.addEnvironment('PUBLIC_BASE_URL', props.publicUrl);
      consumer.addEventSource(streamEventSource(props.resources.table, spec.stream, this.failureQueue));
      this.consumers.set(name, consumer);
    }
  }
}

function streamEventSource(table: Table, stream: StreamConsumer, failureQueue: Queue): DynamoEventSource {
  // Table declares tableStreamArn as `string | undefined`, ITable as optional: the same at run time, told
  // apart only by exactOptionalPropertyTypes.
  return new DynamoEventSource(table as ITable, {
    // Records already in the stream (24 h) are the outbox too: start from the oldest one, never skip any.
    startingPosition: StartingPosition.TRIM_HORIZON,
    batchSize: stream.batchSize,
    maxBatchingWindow: Duration.seconds(stream.maxBatchingWindowSeconds),
    retryAttempts: stream.retryAttempts,
    maxRecordAge: Duration.seconds(stream.maxRecordAgeSeconds),
    bisectBatchOnError: stream.bisectBatchOnError,
    parallelizationFactor: stream.parallelizationFactor,
    reportBatchItemFailures: true,
    filters: stream.filters.map(lambdaFilterPattern),
    onFailure: new SqsDlq(failureQueue),
  });
}

/**
 * The topology's filter as a Lambda filter pattern. Lambda matches `exists` and `prefix` on leaf values only, so
 * both test the attribute's string value (`NewImage.<name>.S`): an attribute stored as a map never matches.
 * On one attribute a prefix replaces the existence test it implies.
 */
export function lambdaFilterPattern(filter: StreamFilter): Record<string, unknown> {
  const newImage: Record<string, unknown> = {};
  if (filter.newImageHas !== undefined) {
    newImage[filter.newImageHas] = { S: FilterRule.exists() };
  }
  if (filter.newImagePrefix !== undefined) {
    newImage[filter.newImagePrefix.attribute] = { S: FilterRule.beginsWith(filter.newImagePrefix.prefix) };
  }
  return FilterCriteria.filter({
    eventName: FilterRule.isEqual(filter.eventName),
    ...(Object.keys(newImage).length > 0 ? { dynamodb: { NewImage: newImage } } : {}),
  });
}
