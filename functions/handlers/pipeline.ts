// Stream consumer: each new brief revision becomes observations and changes, one metric at a time.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, metrics, pipelineDependencies } from '../composition-root.ts';
import { observationsOf } from '../core/observations.ts';
import type { BriefStore, MetricStore } from '../core/ports.ts';
import { recordObservation } from '../core/record-observation.ts';
import { MalformedRecordError, newImageOf } from './stream-records.ts';

export interface PipelineDeps {
  briefs: BriefStore;
  metrics: MetricStore;
  now: () => Date;
}

/** Metrics of one brief are independent of each other; a few at a time keeps a 500-figure brief quick. */
const metricsInFlight = 8;

export function makePipelineHandler(deps: PipelineDeps) {
  const processRecord = async (record: DynamoDBRecord) => {
    const image = newImageOf(record);
    const { briefId, revision } = image;
    if (typeof briefId !== 'string' || typeof revision !== 'number') {
      throw new MalformedRecordError(`stream record ${record.eventID} is not a brief revision`);
    }
    const stored = await deps.briefs.getRevision(briefId, revision);
    if (stored === undefined)
      throw new MalformedRecordError(`revision ${revision} of ${briefId} is not readable`);
    const pending = observationsOf(stored);
    let changes = 0;
    const observations = pending.length;
    const workers = Array.from({ length: Math.min(metricsInFlight, pending.length) }, async () => {
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const stored = await recordObservation(deps.metrics, next, deps.now);
        if (stored.change !== null) changes++;
      }
    });
    await Promise.all(workers);
    metrics.addMetric('ObservationsRecorded', MetricUnit.Count, observations);
    metrics.addMetric('ChangesRecorded', MetricUnit.Count, changes);
    logger.info('brief revision recorded', { briefId, revision, figures: stored.figures.length });
  };
  // Records in order: a revision and its successor of the same brief must not overtake each other.
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return async (event: DynamoDBStreamEvent) => {
    try {
      return await processPartialResponse(event, processRecord, processor, { processInParallel: false });
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export const handler = makePipelineHandler(pipelineDependencies());
