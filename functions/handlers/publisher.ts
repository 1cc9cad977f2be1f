// Stream consumer: every recorded change is published to the topic, at least once, under its deterministic id.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { changeFromItem } from '../adapters/dynamodb/index.ts';
import type { ChangePublisher, FailureStore } from '../core/ports.ts';
import { instrumented, metrics } from '../observability.ts';
import { publisherDependencies } from '../wiring/publisher.ts';
import { keptForReplayMetric } from './replay-metric.ts';
import { keepForReplay, newImageOf } from './stream-records.ts';

/**
 * Records are independent (subscribers de-duplicate on the event id and order by the event's data), so they are
 * published in parallel; a failed one is reported alone and retried by the event-source mapping.
 */
export interface PublisherDeps {
  publisher: ChangePublisher;
  failures: FailureStore;
}

export function makePublisherHandler(deps: PublisherDeps) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return async (event: DynamoDBStreamEvent) => {
    const failed = new Map<DynamoDBRecord, unknown>();
    const processRecord = async (record: DynamoDBRecord) => {
      try {
        await deps.publisher.publish([changeFromItem(newImageOf(record))]);
      } catch (error) {
        failed.set(record, error);
        throw error;
      }
    };
    const response = await processPartialResponse(event, processRecord, processor, {
      processInParallel: true,
    });
    const failures = response.batchItemFailures.length;
    metrics.addMetric('ChangesPublished', MetricUnit.Count, event.Records.length - failures);
    metrics.addMetric('ChangesNotPublished', MetricUnit.Count, failures);
    const kept = await keepForReplay(deps.failures, 'publisher', failed, (image) => ({
      eventId: changeFromItem(image).eventId,
    }));
    metrics.addMetric(keptForReplayMetric, MetricUnit.Count, kept);
    return response;
  };
}

export const handler = instrumented(makePublisherHandler(publisherDependencies()));
