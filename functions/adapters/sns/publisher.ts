// Publishes changes and digests to the SNS topic in as few PublishBatch calls as SNS's limits allow.
import { PublishBatchCommand, type PublishBatchRequestEntry, type SNSClient } from '@aws-sdk/client-sns';
import type { RevisionDigest } from '../../core/digest.ts';
import { toCloudEvent } from '../../core/events.ts';
import type { Change } from '../../core/model.ts';
import type { ChangePublisher, DigestPublisher } from '../../core/ports.ts';
import { maxBatchEntries, maxMessageBytes } from './limits.ts';
import { type MessageOptions, type SnsMessage, snsDigestMessageFor, snsMessageFor } from './message.ts';

export interface PublishFailure {
  eventId: string;
  /** SNS's error code for the entry, or the error's name when the call failed or the change cannot be sent. */
  code: string;
  message: string;
  /** True when retrying the same entry cannot succeed. */
  senderFault: boolean;
}

/** Some events were not accepted by SNS; the caller retries them (subscribers de-duplicate on the event id). */
export class PublishError extends Error {
  override name = 'PublishError';
  constructor(
    readonly failures: PublishFailure[],
    options?: ErrorOptions,
  ) {
    super(
      `SNS did not accept ${failures.length} event(s): ${failures
        .map((failure) => `${failure.eventId} (${failure.code}: ${failure.message})`)
        .join('; ')}`,
      options,
    );
  }

  get failedEventIds(): string[] {
    return this.failures.map((failure) => failure.eventId);
  }
}

interface PreparedEntry {
  eventId: string;
  entry: PublishBatchRequestEntry;
  bytes: number;
}

/** SNS allows 1-80 letters, digits, '-' and '_'; the position keeps ids distinct within one call. */
function batchEntryId(position: number, eventId: string): string {
  return `${position}_${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 80);
}

/** An event to send: its id, and its message, built when the batch is prepared. */
interface Outgoing {
  eventId: string;
  /** Throws for an event that cannot make a valid message (off-contract, too large even when shortened). */
  build: () => SnsMessage;
}

function prepare(outgoing: Outgoing, position: number): PreparedEntry {
  const { message, subject, attributes, bytes } = outgoing.build();
  return {
    eventId: outgoing.eventId,
    bytes,
    entry: {
      Id: batchEntryId(position, outgoing.eventId),
      Message: message,
      MessageStructure: 'json',
      Subject: subject,
      MessageAttributes: attributes,
    },
  };
}

/** Greedy packing in order: a batch closes at 10 entries or when the next entry would pass 256 KiB in total. */
function packBatches(entries: PreparedEntry[]): PreparedEntry[][] {
  const batches: PreparedEntry[][] = [];
  let current: PreparedEntry[] = [];
  let currentBytes = 0;
  for (const entry of entries) {
    if (current.length === maxBatchEntries || currentBytes + entry.bytes > maxMessageBytes) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += entry.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

interface WaitingCaller {
  events: Outgoing[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SnsChangePublisher implements ChangePublisher, DigestPublisher {
  private waiting: WaitingCaller[] = [];

  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
    private readonly options: MessageOptions = {},
  ) {}

  /**
   * Calls made in the same turn of the event loop (a stream batch's records, published in parallel) share
   * PublishBatch requests of ten; each caller learns only of its own events' failures.
   */
  publish(changes: Change[]): Promise<void> {
    return this.enqueue(
      changes.map((change) => ({
        eventId: change.eventId,
        build: () => snsMessageFor(change, toCloudEvent(change), this.options),
      })),
    );
  }

  publishDigest(digest: RevisionDigest): Promise<void> {
    return this.enqueue([{ eventId: digest.id, build: () => snsDigestMessageFor(digest, this.options) }]);
  }

  private enqueue(events: Outgoing[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ events, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const callers = this.waiting;
    this.waiting = [];
    let failed: PublishError | undefined;
    try {
      await this.send(callers.flatMap((caller) => caller.events));
    } catch (error) {
      if (!(error instanceof PublishError)) {
        for (const caller of callers) caller.reject(error);
        return;
      }
      failed = error;
    }
    for (const caller of callers) {
      const ids = new Set(caller.events.map((event) => event.eventId));
      const own = failed?.failures.filter((failure) => ids.has(failure.eventId)) ?? [];
      if (own.length === 0) caller.resolve();
      else caller.reject(new PublishError(own, { cause: failed?.cause }));
    }
  }

  private async send(events: Outgoing[]): Promise<void> {
    const distinct = [...new Map(events.map((event) => [event.eventId, event])).values()];
    const failures: PublishFailure[] = [];
    const prepared: PreparedEntry[] = [];
    for (const [position, event] of distinct.entries()) {
      try {
        prepared.push(prepare(event, position));
      } catch (error) {
        // One event that can never be sent must not hold back the others; the caller reports it as failed.
        const reason = error instanceof Error ? error : new Error(String(error));
        failures.push({
          eventId: event.eventId,
          code: reason.name,
          message: reason.message,
          senderFault: true,
        });
      }
    }
    const batches = packBatches(prepared);

    for (const [index, batch] of batches.entries()) {
      try {
        const response = await this.client.send(
          new PublishBatchCommand({
            TopicArn: this.topicArn,
            PublishBatchRequestEntries: batch.map((entry) => entry.entry),
          }),
        );
        const eventIdByEntryId = new Map(batch.map((entry) => [entry.entry.Id, entry.eventId]));
        for (const failed of response.Failed ?? []) {
          failures.push({
            eventId: eventIdByEntryId.get(failed.Id) ?? `unknown entry ${failed.Id}`,
            code: failed.Code ?? 'Unknown',
            message: failed.Message ?? '',
            senderFault: failed.SenderFault ?? false,
          });
        }
      } catch (error) {
        // The SDK already retried this call; the batches not yet sent would most likely fail the same way.
        const reason = error instanceof Error ? error : new Error(String(error));
        const senderFault = (reason as { $fault?: string }).$fault === 'client';
        for (const unsent of batches.slice(index).flat()) {
          failures.push({ eventId: unsent.eventId, code: reason.name, message: reason.message, senderFault });
        }
        throw new PublishError(failures, { cause: error });
      }
    }
    if (failures.length > 0) throw new PublishError(failures);
  }
}
