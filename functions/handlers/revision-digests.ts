// Publishes, for each brief revision of a pipeline batch whose observations are all recorded, the digest of its
// changes: the pipeline alone knows when a revision is complete, and knows it without writing anything.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBRecord } from 'aws-lambda';
import { PublishError } from '../adapters/sns/publisher.ts';
import { digestOf } from '../core/digest.ts';
import type { BriefRevision, DigestPublisher, StoredObservation } from '../core/ports.ts';
import { logger, metrics } from '../observability.ts';

export interface RecordedRevision {
  record: DynamoDBRecord;
  revision: BriefRevision;
  /** What recording the revision's observations stored (or, on a retry, had stored before). */
  recorded: StoredObservation[];
}

/** A digest SNS refused for good (one that cannot make a valid message): retrying it cannot succeed. */
function isPermanent(error: unknown): boolean {
  return error instanceof PublishError && error.failures.every((failure) => failure.senderFault);
}

/**
 * Returns the records to retry, with why: those whose digest SNS did not take for a reason that may pass. The retry records
 * nothing twice (the recorder gives back what it stored) and publishes the digest again under the same id. A
 * digest refused for good is logged and counted rather than retried, so that it cannot hold up the stream.
 */
export async function publishRevisionDigests(
  publisher: DigestPublisher,
  revisions: readonly RecordedRevision[],
): Promise<Map<DynamoDBRecord, unknown>> {
  let published = 0;
  let refused = 0;
  const retry = new Map<DynamoDBRecord, unknown>();
  await Promise.all(
    revisions.map(async ({ record, revision, recorded }) => {
      const digest = digestOf(revision, recorded);
      if (digest === undefined) return;
      try {
        await publisher.publishDigest(digest);
        published++;
      } catch (error) {
        logger.error('digest not published', { digest: digest.id, error: error as Error });
        if (isPermanent(error)) refused++;
        else retry.set(record, error);
      }
    }),
  );
  metrics.addMetric('DigestsPublished', MetricUnit.Count, published);
  metrics.addMetric('DigestsNotPublished', MetricUnit.Count, refused);
  return retry;
}
