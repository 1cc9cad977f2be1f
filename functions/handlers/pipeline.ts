// Stream consumer: each new brief revision becomes observations and changes, one metric at a time.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { compactRevisionFromImage, revisionReferenceFromItem } from '../adapters/dynamodb/index.ts';
import type { Observation } from '../core/model.ts';
import { observationsOf } from '../core/observations.ts';
import type {
  BriefRevision,
  BriefStore,
  DigestPublisher,
  FailureStore,
  MetricStore,
  StoredObservation,
} from '../core/ports.ts';
import { recordObservationsOfMetric } from '../core/record-observation.ts';
import { resolveMerges } from '../core/redirects.ts';
import { instrumented, logger, metrics } from '../observability.ts';
import { pipelineDependencies } from '../wiring/pipeline.ts';
import { keptForReplayMetric } from './replay-metric.ts';
import { publishRevisionDigests } from './revision-digests.ts';
import { keepForReplay, MalformedRecordError, newImageOf } from './stream-records.ts';

export interface PipelineDeps {
  briefs: BriefStore;
  metrics: MetricStore;
  digests: DigestPublisher;
  failures: FailureStore;
  now: () => Date;
}

/** Metrics are independent of each other, so several are recorded at once. */
const metricsInFlight = 32;

async function revisionOfRecord(deps: PipelineDeps, record: DynamoDBRecord): Promise<BriefRevision> {
  const image = newImageOf(record);
  // A revision item is never rewritten, so the image is what a read would return, without its unit and round trip.
  const carried = compactRevisionFromImage(image);
  if (carried !== undefined) return carried;
  const { briefId, revision } = revisionReferenceFromItem(image);
  const stored = await deps.briefs.getRevision(briefId, revision);
  if (stored === undefined)
    throw new MalformedRecordError(`revision ${revision} of ${briefId} is not readable`);
  return stored;
}

/**
 * The whole batch is grouped by metric, each metric's observations kept in record order: changes of one metric
 * are computed one at a time in write order, while different metrics proceed in parallel. (Powertools' batch
 * processor handles one record at a time, which cannot keep that order across records processed in parallel.)
 * A record fails, and is retried by the event-source mapping, when any of its observations could not be recorded,
 * or when, all recorded, its revision's digest could not be published; failed records are also kept for replay.
 */
export function makePipelineHandler(deps: PipelineDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const failed = new Map<DynamoDBRecord, unknown>();
    const loaded = await Promise.all(
      event.Records.map(async (record) => {
        try {
          return { record, revision: await revisionOfRecord(deps, record) };
        } catch (error) {
          logger.error('brief revision not processed', { eventID: record.eventID, error: error as Error });
          failed.set(record, error);
          return { record, revision: undefined };
        }
      }),
    );
    // One batched read of every head the batch touches, instead of one or two reads per metric; a merged
    // metric's figures are recorded in the metric it was merged into.
    const { metricOf, heads } = await resolveMerges(
      deps.metrics,
      loaded.flatMap(({ revision }) => revision?.figures.map((figure) => figure.metric) ?? []),
    );
    const recordedOf = new Map<DynamoDBRecord, StoredObservation[]>(loaded.map(({ record }) => [record, []]));
    const byMetric = new Map<string, { record: DynamoDBRecord; observation: Observation }[]>();
    for (const { record, revision } of loaded) {
      for (const observation of revision === undefined ? [] : observationsOf(revision, metricOf)) {
        const series = byMetric.get(observation.metric) ?? [];
        series.push({ record, observation });
        byMetric.set(observation.metric, series);
      }
    }
    const queue = [...byMetric.values()];
    let recorded = 0;
    let changes = 0;
    const workers = Array.from({ length: Math.min(metricsInFlight, queue.length) }, async () => {
      for (let series = queue.shift(); series !== undefined; series = queue.shift()) {
        try {
          const metric = series[0]?.observation.metric ?? '';
          const stored = await recordObservationsOfMetric(
            deps.metrics,
            series.map(({ observation }) => observation),
            deps.now,
            { head: heads.get(metric) },
          );
          stored.forEach((item, index) => {
            const record = series[index]?.record;
            if (record !== undefined) recordedOf.get(record)?.push(item);
          });
          recorded += stored.length;
          changes += stored.filter((item) => item.change !== null).length;
        } catch (error) {
          logger.error('metric not recorded', {
            metric: series[0]?.observation.metric,
            error: error as Error,
          });
          // What was recorded is idempotent; every record of the series is retried.
          for (const { record } of series) if (!failed.has(record)) failed.set(record, error);
        }
      }
    });
    await Promise.all(workers);
    const complete = loaded.flatMap(({ record, revision }) =>
      revision === undefined || failed.has(record)
        ? []
        : [{ record, revision, recorded: recordedOf.get(record) ?? [] }],
    );
    for (const [record, error] of await publishRevisionDigests(deps.digests, complete))
      failed.set(record, error);
    metrics.addMetric('ObservationsRecorded', MetricUnit.Count, recorded);
    metrics.addMetric('ChangesRecorded', MetricUnit.Count, changes);
    metrics.addMetric('RevisionsFailed', MetricUnit.Count, failed.size);
    const kept = await keepForReplay(deps.failures, 'pipeline', failed, (image) => {
      const { briefId, revision } = revisionReferenceFromItem(image);
      return { brief: { id: briefId, revision } };
    });
    metrics.addMetric(keptForReplayMetric, MetricUnit.Count, kept);
    return {
      batchItemFailures: [...failed.keys()].map((record) => ({
        itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
      })),
    };
  };
}

export const handler = instrumented(makePipelineHandler(pipelineDependencies()));
