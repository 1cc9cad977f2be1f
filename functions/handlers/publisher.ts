// Stream consumer: every recorded change is published to the topic, at least once, under its deterministic id.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { changeFromStreamImage } from '../adapters/dynamodb/index.ts';
import { PublishError } from '../adapters/sns/publisher.ts';
import { logger, metrics, publisherDependencies } from '../composition-root.ts';
import type { Change } from '../core/model.ts';
import type { ChangePublisher } from '../core/ports.ts';
import { MalformedRecordError } from './stream-records.ts';

function changeOf(record: DynamoDBRecord): Change | undefined {
  try {
    const image = record.dynamodb?.NewImage;
    if (image === undefined)
      throw new MalformedRecordError(`stream record ${record.eventID ?? '(no id)'} has no NewImage`);
    return changeFromStreamImage(image);
  } catch (error) {
    logger.error('unreadable stream record', { eventID: record.eventID, error: error as Error });
    return undefined;
  }
}

/**
 * The whole batch goes out in PublishBatch calls of ten (per-record processing would cost one call per change);
 * only the records whose entries failed are reported, so the event-source mapping retries just those.
 */
export function makePublisherHandler(deps: { publisher: ChangePublisher }) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = event.Records.map((record) => ({ record, change: changeOf(record) }));
    const unreadable = records.filter(({ change }) => change === undefined).map(({ record }) => record);
    const changes = records.flatMap(({ change }) => (change === undefined ? [] : [change]));
    let failedIds = new Set<string>();
    try {
      await deps.publisher.publish(changes);
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      logger.warn('some changes were not published', { failures: error.failures });
      failedIds = new Set(error.failedEventIds);
    }
    const failed = [
      ...unreadable,
      ...records
        .filter(({ change }) => change !== undefined && failedIds.has(change.eventId))
        .map(({ record }) => record),
    ];
    metrics.addMetric('ChangesPublished', MetricUnit.Count, changes.length - failedIds.size);
    metrics.addMetric('ChangesNotPublished', MetricUnit.Count, failed.length);
    metrics.publishStoredMetrics();
    return {
      batchItemFailures: failed.map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })),
    };
  };
}

export const handler = makePublisherHandler(publisherDependencies());
