// Reads one shard in order and delivers it to the consumer's handler one batch at a time, as Lambda's poller does.
import { randomUUID } from 'node:crypto';
import {
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type GetShardIteratorCommandInput,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamConsumer } from '../../topology.ts';
import type { CheckpointStore } from './checkpoints.ts';
import {
  appendFailureRecord,
  type DiscardCondition,
  failureRecord,
  type StreamFailureRecord,
} from './failure-destination.ts';
import { matchesFilters } from './filters.ts';
import { createLambdaContext, functionArn, toLambdaRecord } from './lambda-event.ts';
import { WakeableSleep } from './wakeable-sleep.ts';

export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
  // biome-ignore lint/suspicious/noConfusingVoidType: Lambda handlers may return nothing at all, as @types/aws-lambda declares.
) => Promise<DynamoDBBatchResponse | void>;

export type InvocationOutcome = 'success' | 'partialFailure' | 'invalidResponse' | 'error' | 'timeout';

/** What the runner reports after each invocation of the handler. */
export interface StreamInvocation {
  consumer: string;
  shardId: string;
  requestId: string;
  batchSize: number;
  firstSequenceNumber: string;
  lastSequenceNumber: string;
  outcome: InvocationOutcome;
  /** The sequence numbers the handler reported as failed (partial failure). */
  failedSequenceNumbers: string[];
  error?: unknown;
  durationMs: number;
  /** The second delivery of the same batch under duplicateDelivery. */
  redelivery: boolean;
}

export interface WorkerSettings {
  consumerName: string;
  consumer: StreamConsumer;
  handler: StreamHandler;
  streamArn: string;
  streamsClient: DynamoDBStreamsClient;
  duplicateDelivery: boolean;
  pollIntervalMs: number;
  retryBackoffMs: number;
  maxRetryBackoffMs: number;
  timeoutMs: number;
  memoryMb: number;
  region: string;
  failuresPath: string;
  onInvoke: (invocation: StreamInvocation) => void;
  onDiscard: (record: StreamFailureRecord) => void;
  onError: (error: unknown, shardId: string | undefined) => void;
}

export interface WorkerEnvironment {
  settings: WorkerSettings;
  checkpoints: CheckpointStore;
  /** Aborted by stop(): pending stream reads give up, handlers in flight finish. */
  stopSignal: AbortSignal;
  /** A clock of events, so that idle() can tell a read that began after it was called. */
  tick(): number;
  stateChanged(): void;
  /** The shard's children may be read now. */
  shardFinished(): void;
}

/**
 * DynamoDB Local truncates ApproximateCreationDateTime to the minute (AWS gives seconds): a record was created at
 * most this long after the time it carries.
 */
const creationTimePrecisionMs = 60_000;
/** GetRecords errors that a new iterator cures. */
const repositioningErrors = new Set(['ExpiredIteratorException', 'TrimmedDataAccessException']);
/** The most GetRecords returns from a DynamoDB stream. */
const getRecordsLimit = 1000;

interface BufferedRecord {
  sequenceNumber: string;
  record: DynamoDBRecord;
  matches: boolean;
  /** When this runner first read the record. */
  seenAt: number;
  /** An upper bound of the record's creation time, to judge its age without overstating it. */
  createdBy: number;
}

/** A run of consecutive stream records; only the ones matching the filters are delivered, the others are skipped. */
interface Batch {
  slice: BufferedRecord[];
  /** Failed invocations charged to the batch's first delivered record, against retryAttempts. */
  failures: number;
  invokeCount: number;
  lastRequestId: string | undefined;
  lastFunctionError: string | undefined;
}

type Verdict =
  | { kind: 'success' }
  | { kind: 'partialFailure'; firstFailedIndex: number }
  | { kind: 'failure' };

class InvocationTimeoutError extends Error {
  override name = 'InvocationTimeoutError';
}

export class ShardWorker {
  readonly shardId: string;
  readonly done: Promise<void>;
  /** Closed shard read to its end and every record handled. */
  finished = false;
  /** The shard left the stream (trimmed): nothing more to read. */
  gone = false;
  /** Tick at which the last read that found nothing new (with nothing left to handle) began. */
  idleReadTick = -1;

  readonly #env: WorkerEnvironment;
  readonly #sleep = new WakeableSleep();
  #buffer: BufferedRecord[] = [];
  /** Batches to deliver before new ones are formed: halves of a bisected batch, or a batch waiting for its retry. */
  #pending: Batch[] = [];
  #current: Batch | undefined;
  /** undefined: to be obtained; null: the shard is closed and read to its end. */
  #iterator: string | null | undefined;
  #lastReadSequenceNumber: string | undefined;

  constructor(shardId: string, env: WorkerEnvironment) {
    this.shardId = shardId;
    this.#env = env;
    this.done = this.#run();
  }

  get busy(): boolean {
    return this.#buffer.length > 0 || this.#pending.length > 0 || this.#current !== undefined;
  }

  wake(): void {
    this.#sleep.wake();
  }

  get #settings(): WorkerSettings {
    return this.#env.settings;
  }

  get #stopped(): boolean {
    return this.#env.stopSignal.aborted;
  }

  async #run(): Promise<void> {
    while (!this.#stopped && !this.gone) {
      try {
        if (await this.#step()) return;
      } catch (error) {
        if (this.#current !== undefined) this.#pending.unshift(this.#current);
        this.#current = undefined;
        if (this.#stopped) return;
        if ((error as Error).name === 'ResourceNotFoundException') {
          this.gone = true;
        } else {
          this.#settings.onError(error, this.shardId);
          await this.#sleep.sleep(this.#settings.maxRetryBackoffMs);
        }
      } finally {
        this.#env.stateChanged();
      }
    }
  }

  /** One move: deliver a batch, or read more, or wait. Returns true once the shard is done for good. */
  async #step(): Promise<boolean> {
    const batch = this.#pending.shift() ?? this.#takeBatch();
    if (batch !== undefined) {
      this.#current = batch;
      await this.#deliver(batch);
      this.#current = undefined;
      return false;
    }
    if (this.#iterator === null && this.#buffer.length === 0) {
      await this.#env.checkpoints.finish(this.shardId);
      this.finished = true;
      this.#env.shardFinished();
      return true;
    }
    const readTick = this.#env.tick();
    const readStarted = performance.now();
    const received = await this.#read();
    // Reads start at a steady rate, as Lambda's pollers do: the time a read took is not added to the pause.
    const nextRead = this.#settings.pollIntervalMs - (performance.now() - readStarted);
    if (received === 0 && this.#buffer.length === 0) {
      this.idleReadTick = readTick;
      this.#env.stateChanged();
      await this.#sleep.sleep(nextRead);
    } else if (received === 0) {
      await this.#sleep.sleep(Math.min(nextRead, this.#batchingWindowLeft()));
    }
    return false;
  }

  /** The next batch from what was read, or undefined while the batching window is still filling it. */
  #takeBatch(): Batch | undefined {
    if (this.#buffer.length === 0) return undefined;
    const firstMatch = this.#buffer.findIndex((entry) => entry.matches);
    if (firstMatch !== 0) {
      // Records the filters drop count as processed: they only move the checkpoint.
      return newBatch(this.#buffer.splice(0, firstMatch === -1 ? this.#buffer.length : firstMatch));
    }
    const { batchSize } = this.#settings.consumer;
    let matched = 0;
    let end = this.#buffer.length;
    for (const [index, entry] of this.#buffer.entries()) {
      if (entry.matches) matched += 1;
      if (matched === batchSize) {
        end = index + 1;
        break;
      }
    }
    const full = matched === batchSize;
    if (!full && this.#iterator !== null && this.#batchingWindowLeft() > 0) return undefined;
    return newBatch(this.#buffer.splice(0, end));
  }

  #batchingWindowLeft(): number {
    const first = this.#buffer.find((entry) => entry.matches);
    if (first === undefined) return 0;
    return first.seenAt + this.#settings.consumer.maxBatchingWindowSeconds * 1000 - Date.now();
  }

  async #read(): Promise<number> {
    if (this.#iterator === undefined) this.#iterator = await this.#obtainIterator();
    if (this.#iterator === null) return 0;
    let output: GetRecordsCommandOutput;
    try {
      output = await this.#getRecords(this.#iterator);
    } catch (error) {
      if (!repositioningErrors.has((error as Error).name)) throw error;
      // Iterators last 15 minutes on AWS; a fresh one resumes after the last record read (or at the trim horizon).
      this.#iterator = await this.#obtainIterator();
      if (this.#iterator === null) return 0;
      output = await this.#getRecords(this.#iterator);
    }
    this.#iterator = output.NextShardIterator ?? null;
    const records = output.Records ?? [];
    const now = Date.now();
    for (const record of records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      if (sequenceNumber === undefined) continue;
      const approximateCreation = record.dynamodb?.ApproximateCreationDateTime?.getTime();
      const lambdaRecord = toLambdaRecord(record, this.#settings.streamArn);
      this.#buffer.push({
        sequenceNumber,
        record: lambdaRecord,
        matches: matchesFilters(lambdaRecord, this.#settings.consumer.filters),
        seenAt: now,
        createdBy:
          approximateCreation === undefined
            ? now
            : Math.min(now, approximateCreation + creationTimePrecisionMs),
      });
      this.#lastReadSequenceNumber = sequenceNumber;
    }
    return records.length;
  }

  #getRecords(iterator: string): Promise<GetRecordsCommandOutput> {
    return this.#settings.streamsClient.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: getRecordsLimit }),
      { abortSignal: this.#env.stopSignal },
    );
  }

  async #obtainIterator(): Promise<string | null> {
    const after = this.#lastReadSequenceNumber ?? this.#env.checkpoints.get(this.shardId)?.sequenceNumber;
    const request = { StreamArn: this.#settings.streamArn, ShardId: this.shardId };
    const send = (input: GetShardIteratorCommandInput) =>
      this.#settings.streamsClient.send(new GetShardIteratorCommand(input), {
        abortSignal: this.#env.stopSignal,
      });
    if (after === undefined) {
      return (await send({ ...request, ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator ?? null;
    }
    try {
      const output = await send({
        ...request,
        ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
        SequenceNumber: after,
      });
      return output.ShardIterator ?? null;
    } catch (error) {
      if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
      // The records after the checkpoint outlived the stream's retention: nothing to do but read what is left.
      this.#settings.onError(error, this.shardId);
      return (await send({ ...request, ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator ?? null;
    }
  }

  async #deliver(batch: Batch): Promise<void> {
    const live = await this.#discardExpired(batch);
    if (live === undefined) return;
    const items = delivered(live);
    if (items.length === 0) return this.#checkpoint(live.slice);

    const verdict = await this.#invoke(live, items);
    if (verdict.kind === 'success') return this.#checkpoint(live.slice);
    if (this.#stopped) return;

    let failing: Batch;
    if (verdict.kind === 'partialFailure' && verdict.firstFailedIndex > 0) {
      // Lambda checkpoints before the lowest failed record and retries from it.
      const cut = live.slice.indexOf(items[verdict.firstFailedIndex] as BufferedRecord);
      await this.#checkpoint(live.slice.slice(0, cut));
      failing = { ...live, slice: live.slice.slice(cut), failures: 1 };
    } else if (this.#settings.consumer.bisectBatchOnError && items.length > 1) {
      // Splitting does not use up the retry quota; each half is tried again at once.
      this.#pending.unshift(...bisect(live, items));
      return;
    } else {
      failing = { ...live, failures: live.failures + 1 };
    }

    const { retryAttempts } = this.#settings.consumer;
    if (retryAttempts >= 0 && failing.failures > retryAttempts) {
      return this.#discard(failing, 'RetryAttemptsExhausted');
    }
    this.#pending.unshift(failing);
    this.#env.stateChanged();
    await this.#sleep.sleep(this.#backoff(failing.failures));
  }

  /** Sends the records older than maxRecordAgeSeconds to the failure destination; returns what is left to deliver. */
  async #discardExpired(batch: Batch): Promise<Batch | undefined> {
    const maxAgeMs = this.#settings.consumer.maxRecordAgeSeconds * 1000;
    if (maxAgeMs < 0) return batch;
    const now = Date.now();
    // Records are in creation order, so the expired ones come first.
    const firstFresh = batch.slice.findIndex((entry) => entry.matches && now - entry.createdBy <= maxAgeMs);
    const cut = firstFresh === -1 ? batch.slice.length : firstFresh;
    const expired = batch.slice.slice(0, cut);
    if (!expired.some((entry) => entry.matches)) return batch;
    await this.#discard({ ...batch, slice: expired }, 'RecordAgeExceeded');
    if (cut === batch.slice.length) return undefined;
    return { ...batch, slice: batch.slice.slice(cut), failures: 0 };
  }

  async #invoke(batch: Batch, items: BufferedRecord[]): Promise<Verdict> {
    const verdict = await this.#invokeOnce(batch, items, false);
    // A redelivered batch is what Lambda does when a checkpoint is lost after a successful invocation.
    if (verdict.kind !== 'success' || !this.#settings.duplicateDelivery) return verdict;
    return this.#invokeOnce(batch, items, true);
  }

  async #invokeOnce(batch: Batch, items: BufferedRecord[], redelivery: boolean): Promise<Verdict> {
    const settings = this.#settings;
    const context = createLambdaContext({
      functionName: settings.consumerName,
      region: settings.region,
      timeoutMs: settings.timeoutMs,
      memoryMb: settings.memoryMb,
    });
    // Each invocation gets its own copy, as each Lambda invocation deserializes its own event.
    const event: DynamoDBStreamEvent = { Records: structuredClone(items.map((entry) => entry.record)) };
    batch.invokeCount += 1;
    batch.lastRequestId = context.awsRequestId;
    const started = performance.now();
    let outcome: InvocationOutcome;
    let verdict: Verdict;
    let failedSequenceNumbers: string[] = [];
    let error: unknown;
    try {
      const response = await withTimeout(settings.handler(event, context), settings.timeoutMs);
      ({ verdict, failedSequenceNumbers } = judgeResponse(response, items));
      outcome =
        verdict.kind === 'success'
          ? 'success'
          : verdict.kind === 'partialFailure'
            ? 'partialFailure'
            : 'invalidResponse';
    } catch (thrown) {
      error = thrown;
      verdict = { kind: 'failure' };
      outcome = thrown instanceof InvocationTimeoutError ? 'timeout' : 'error';
    }
    batch.lastFunctionError = outcome === 'error' || outcome === 'timeout' ? 'Unhandled' : undefined;
    settings.onInvoke({
      consumer: settings.consumerName,
      shardId: this.shardId,
      requestId: context.awsRequestId,
      batchSize: items.length,
      firstSequenceNumber: (items[0] as BufferedRecord).sequenceNumber,
      lastSequenceNumber: (items.at(-1) as BufferedRecord).sequenceNumber,
      outcome,
      failedSequenceNumbers,
      ...(error === undefined ? {} : { error }),
      durationMs: Math.round(performance.now() - started),
      redelivery,
    });
    return verdict;
  }

  async #discard(batch: Batch, condition: DiscardCondition): Promise<void> {
    const settings = this.#settings;
    const record = failureRecord(
      {
        requestId: batch.lastRequestId ?? randomUUID(),
        functionArn: functionArn(settings.consumerName, settings.region),
        condition,
        invokeCount: batch.invokeCount,
        functionError: batch.lastFunctionError,
        shardId: this.shardId,
        streamArn: settings.streamArn,
        records: delivered(batch).map((entry) => entry.record),
      },
      new Date(),
    );
    await appendFailureRecord(settings.failuresPath, record);
    settings.onDiscard(record);
    await this.#checkpoint(batch.slice);
  }

  async #checkpoint(handled: readonly BufferedRecord[]): Promise<void> {
    const last = handled.at(-1);
    if (last !== undefined) await this.#env.checkpoints.advance(this.shardId, last.sequenceNumber);
  }

  #backoff(failures: number): number {
    const { retryBackoffMs, maxRetryBackoffMs } = this.#settings;
    return Math.min(retryBackoffMs * 2 ** Math.max(0, failures - 1), maxRetryBackoffMs);
  }
}

function newBatch(slice: BufferedRecord[]): Batch {
  return { slice, failures: 0, invokeCount: 0, lastRequestId: undefined, lastFunctionError: undefined };
}

function delivered(batch: Batch): BufferedRecord[] {
  return batch.slice.filter((entry) => entry.matches);
}

/** The first half keeps the failures charged to its first record; the second half starts with none. */
function bisect(batch: Batch, items: BufferedRecord[]): [Batch, Batch] {
  const cut = batch.slice.indexOf(items[Math.ceil(items.length / 2)] as BufferedRecord);
  return [
    { ...batch, slice: batch.slice.slice(0, cut) },
    { ...batch, slice: batch.slice.slice(cut), failures: 0 },
  ];
}

/**
 * Lambda's ReportBatchItemFailures rules: no list or an empty one is a success; an identifier that is empty,
 * missing or not in the batch fails the whole batch; otherwise the lowest failed record is where the retry starts.
 */
function judgeResponse(
  response: unknown,
  items: readonly BufferedRecord[],
): { verdict: Verdict; failedSequenceNumbers: string[] } {
  const failures =
    typeof response === 'object' && response !== null
      ? (response as { batchItemFailures?: unknown }).batchItemFailures
      : undefined;
  if (failures === undefined || failures === null)
    return { verdict: { kind: 'success' }, failedSequenceNumbers: [] };
  if (!Array.isArray(failures)) return { verdict: { kind: 'failure' }, failedSequenceNumbers: [] };
  const identifiers = failures.map((failure: unknown) =>
    typeof failure === 'object' && failure !== null
      ? (failure as { itemIdentifier?: unknown }).itemIdentifier
      : undefined,
  );
  const failedSequenceNumbers = identifiers.filter((identifier) => typeof identifier === 'string');
  if (identifiers.length === 0) return { verdict: { kind: 'success' }, failedSequenceNumbers };
  const indices = identifiers.map((identifier) =>
    items.findIndex((entry) => entry.sequenceNumber === identifier),
  );
  if (indices.includes(-1)) return { verdict: { kind: 'failure' }, failedSequenceNumbers };
  return {
    verdict: { kind: 'partialFailure', firstFailedIndex: Math.min(...indices) },
    failedSequenceNumbers,
  };
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new InvocationTimeoutError(`the handler did not finish within its timeout of ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
