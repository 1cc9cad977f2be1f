// Stream consumer: every recorded change is published to the topic, at least once, under its deterministic id.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { publisherDependencies } from '../composition-root.ts';
import type { Change } from '../core/model.ts';
import type { ChangePublisher } from '../core/ports.ts';
import { MalformedRecordError, newImageOf } from './stream-records.ts';

export function makePublisherHandler(deps: { publisher: ChangePublisher }) {
  const processRecord = async (record: DynamoDBRecord) => {
    const { change } = newImageOf(record);
    if (change === undefined || change === null) {
      throw new MalformedRecordError(`stream record ${record.eventID} carries no change`);
    }
    await deps.publisher.publish([change as Change]);
  };
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return (event: DynamoDBStreamEvent) =>
    processPartialResponse(event, processRecord, processor, { processInParallel: true });
}

export const handler = makePublisherHandler(publisherDependencies());
