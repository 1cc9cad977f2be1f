// Stream consumer: every recorded change is published to the topic, at least once, under its deterministic id.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { changeFromItem } from '../adapters/dynamodb/index.ts';
import type { ChangePublisher } from '../core/ports.ts';
import { instrumented, metrics } from '../observability.ts';
import { publisherDependencies } from '../wiring/publisher.ts';
import { newImageOf } from './stream-records.ts';

/**
 * Records are independent (subscribers de-duplicate on the event id and order by the event's data), so they are
 * published in parallel; a failed one is reported alone and retried by the event-source mapping.
 */
export interface PublisherDeps {
  publisher: ChangePublisher;
}

export function makePublisherHandler(deps: PublisherDeps) {
  const processRecord = async (record: DynamoDBRecord) => {
    await deps.publisher.publish([changeFromItem(newImageOf(record))]);
  };
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return async (event: DynamoDBStreamEvent) => {
    const response = await processPartialResponse(event, processRecord, processor, {
      processInParallel: true,
    });
    const failures = response.batchItemFailures.length;
    metrics.addMetric('ChangesPublished', MetricUnit.Count, event.Records.length - failures);
    metrics.addMetric('ChangesNotPublished', MetricUnit.Count, failures);
    return response;
  };
}

export const handler = instrumented(makePublisherHandler(publisherDependencies()));
