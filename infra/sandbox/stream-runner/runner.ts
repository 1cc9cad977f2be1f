// The sandbox's event-source mapping for DynamoDB Streams: one runner per consumer, one worker per shard.
// parallelizationFactor above 1 is served as 1: per-shard order is then stricter than Lambda's, never looser.
import { join } from 'node:path';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { StreamConsumer } from '../../topology.ts';
import { CheckpointStore } from './checkpoints.ts';
import type { StreamFailureRecord } from './failure-destination.ts';
import {
  ShardWorker,
  type StreamHandler,
  type StreamInvocation,
  type WorkerSettings,
} from './shard-worker.ts';
import { WakeableSleep } from './wakeable-sleep.ts';

export interface StreamRunnerOptions {
  /** The function's name (a key of topology `functions`): names the checkpoint and failure files. */
  consumerName: string;
  consumer: StreamConsumer;
  handler: StreamHandler;
  streamArn: string;
  streamsClient: DynamoDBStreamsClient;
  /** Checkpoints go to `<dataDir>/checkpoints/<consumer>.json`, discarded batches to `<dataDir>/failures/<consumer>.jsonl`. */
  dataDir: string;
  /** Delivers every batch twice (the second time after the first succeeded), as Lambda may. */
  duplicateDelivery?: boolean;
  /**
   * Time between the starts of two reads of a shard that has nothing new. Default 250 ms: Lambda's base rate of
   * four reads a second per shard, so the sandbox's latency is AWS's, at a fraction of the CPU of a faster poll.
   */
  pollIntervalMs?: number;
  /** First pause before retrying a failed batch; it doubles with each failure up to maxRetryBackoffMs. Default 100 ms. */
  retryBackoffMs?: number;
  /** Default 2000 ms. */
  maxRetryBackoffMs?: number;
  /**
   * How often the stream is described to find new shards. Default 10 s: DescribeStream costs DynamoDB Local more
   * than a read, and the shards that matter (children of one read to its end) are looked for at once anyway.
   */
  shardDiscoveryIntervalMs?: number;
  /** The function's timeout (topology `timeoutSeconds`): a handler still running then fails its batch. Default 60. */
  timeoutSeconds?: number;
  /** The function's memory (topology `memoryMb`), shown in the context. Default 1024. */
  memoryMb?: number;
  /** Region of the function ARN in the context and failure records. Default 'us-east-1'. */
  region?: string;
  onInvoke?: (invocation: StreamInvocation) => void;
  /** Called after a discarded batch is written to the failure file. */
  onDiscard?: (record: StreamFailureRecord) => void;
  /** Errors reading the stream (each is retried); by default one JSON line on standard error. */
  onError?: (error: unknown, where: { consumer: string; shardId?: string }) => void;
}

export interface StreamRunner {
  /** Resolves once every shard has been read to its end (as of the call) and nothing is in flight or awaiting a retry. */
  idle(): Promise<void>;
  /** Stops reading; a batch in flight finishes and is checkpointed. No timers remain. */
  stop(): Promise<void>;
}

export class StreamRunnerStoppedError extends Error {
  override name = 'StreamRunnerStoppedError';
}

export function startStreamRunner(options: StreamRunnerOptions): StreamRunner {
  return new Runner(options);
}

interface IdleWaiter {
  mark: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

class Runner implements StreamRunner {
  readonly #settings: WorkerSettings;
  readonly #checkpoints: CheckpointStore;
  readonly #shardDiscoveryIntervalMs: number;
  readonly #stop = new AbortController();
  readonly #discoverySleep = new WakeableSleep();
  readonly #workers = new Map<string, ShardWorker>();
  readonly #discovery: Promise<void>;
  #idleWaiters: IdleWaiter[] = [];
  #ticks = 0;
  /** Tick at which the last complete discovery of shards began. */
  #discoveryTick = 0;
  /** A shard finished after this tick may have children that no discovery has started yet. */
  #lastShardFinishedTick = 0;
  #stopped: Promise<void> | undefined;

  constructor(options: StreamRunnerOptions) {
    validateConsumer(options.consumerName, options.consumer);
    const consumer = options.consumerName;
    this.#settings = {
      consumerName: consumer,
      consumer: options.consumer,
      handler: options.handler,
      streamArn: options.streamArn,
      streamsClient: options.streamsClient,
      duplicateDelivery: options.duplicateDelivery ?? false,
      pollIntervalMs: options.pollIntervalMs ?? 250,
      retryBackoffMs: options.retryBackoffMs ?? 100,
      maxRetryBackoffMs: options.maxRetryBackoffMs ?? 2000,
      timeoutMs: (options.timeoutSeconds ?? 60) * 1000,
      memoryMb: options.memoryMb ?? 1024,
      region: options.region ?? 'us-east-1',
      failuresPath: join(options.dataDir, 'failures', `${consumer}.jsonl`),
      onInvoke: options.onInvoke ?? (() => undefined),
      onDiscard: options.onDiscard ?? (() => undefined),
      onError: (error, shardId) =>
        (options.onError ?? logError)(error, { consumer, ...(shardId === undefined ? {} : { shardId }) }),
    };
    this.#shardDiscoveryIntervalMs = options.shardDiscoveryIntervalMs ?? 10_000;
    this.#checkpoints = new CheckpointStore(
      join(options.dataDir, 'checkpoints', `${consumer}.json`),
      options.streamArn,
    );
    this.#discovery = this.#discoverContinually();
  }

  idle(): Promise<void> {
    if (this.#stop.signal.aborted)
      return Promise.reject(new StreamRunnerStoppedError('the stream runner is stopped'));
    const mark = this.#tick();
    return new Promise((resolve, reject) => {
      this.#idleWaiters.push({ mark, resolve, reject });
      // Look now rather than at the next poll: tests wait on this right after writing.
      this.#discoverySleep.wake();
      for (const worker of this.#workers.values()) worker.wake();
    });
  }

  stop(): Promise<void> {
    this.#stopped ??= this.#stopAll();
    return this.#stopped;
  }

  async #stopAll(): Promise<void> {
    this.#stop.abort();
    this.#discoverySleep.wake();
    for (const worker of this.#workers.values()) worker.wake();
    const stopped = new StreamRunnerStoppedError(
      `the stream runner of ${this.#settings.consumerName} was stopped`,
    );
    for (const waiter of this.#idleWaiters.splice(0)) waiter.reject(stopped);
    await Promise.allSettled([this.#discovery, ...[...this.#workers.values()].map((worker) => worker.done)]);
    await this.#checkpoints.flushed().catch(() => undefined);
  }

  #tick(): number {
    this.#ticks += 1;
    return this.#ticks;
  }

  async #discoverContinually(): Promise<void> {
    while (!this.#stop.signal.aborted) {
      try {
        await this.#discoverShards();
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        this.#settings.onError(error, undefined);
      }
      await this.#discoverySleep.sleep(this.#shardDiscoveryIntervalMs);
    }
  }

  /** Starts a worker for each new shard whose parent is done, so that an item's changes stay in order across a split. */
  async #discoverShards(): Promise<void> {
    const tick = this.#tick();
    const shards = await this.#describeShards();
    const liveShardIds = new Set(shards.map((shard) => shard.ShardId ?? ''));
    for (const shard of shards) {
      const shardId = shard.ShardId;
      if (shardId === undefined || this.#workers.has(shardId) || this.#checkpoints.get(shardId)?.finished)
        continue;
      const parent = shard.ParentShardId;
      if (parent !== undefined && liveShardIds.has(parent) && !this.#checkpoints.get(parent)?.finished)
        continue;
      if (this.#stop.signal.aborted) return;
      this.#startWorker(shardId);
    }
    await this.#checkpoints.forgetAllBut(liveShardIds);
    this.#discoveryTick = tick;
    this.#checkIdle();
  }

  async #describeShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.#settings.streamsClient.send(
        new DescribeStreamCommand({
          StreamArn: this.#settings.streamArn,
          ...(exclusiveStartShardId === undefined ? {} : { ExclusiveStartShardId: exclusiveStartShardId }),
        }),
        { abortSignal: this.#stop.signal },
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId !== undefined);
    return shards;
  }

  #startWorker(shardId: string): void {
    const worker = new ShardWorker(shardId, {
      settings: this.#settings,
      checkpoints: this.#checkpoints,
      stopSignal: this.#stop.signal,
      tick: () => this.#tick(),
      stateChanged: () => this.#checkIdle(),
      shardFinished: () => {
        this.#lastShardFinishedTick = this.#tick();
        this.#discoverySleep.wake();
      },
    });
    this.#workers.set(shardId, worker);
  }

  #checkIdle(): void {
    if (this.#idleWaiters.length === 0) return;
    const quietSince = this.#quietSince();
    this.#idleWaiters = this.#idleWaiters.filter((waiter) => {
      if (quietSince <= waiter.mark) return true;
      waiter.resolve();
      return false;
    });
  }

  /** The earliest tick after which the runner has looked at everything and has nothing left to do. */
  #quietSince(): number {
    // Children of a shard finished since the last discovery began are not running yet.
    if (this.#lastShardFinishedTick > this.#discoveryTick) return 0;
    let since = this.#discoveryTick;
    for (const worker of this.#workers.values()) {
      if (worker.finished || worker.gone) continue;
      if (worker.busy) return 0;
      since = Math.min(since, worker.idleReadTick);
    }
    return since;
  }
}

function validateConsumer(consumerName: string, consumer: StreamConsumer): void {
  const problems: string[] = [];
  if (!Number.isInteger(consumer.batchSize) || consumer.batchSize < 1 || consumer.batchSize > 1000) {
    problems.push(`batchSize must be an integer from 1 to 1000, received ${consumer.batchSize}`);
  }
  if (!(consumer.maxBatchingWindowSeconds >= 0)) {
    problems.push(
      `maxBatchingWindowSeconds must be 0 or more, received ${consumer.maxBatchingWindowSeconds}`,
    );
  }
  if (!Number.isInteger(consumer.retryAttempts) || consumer.retryAttempts < -1) {
    problems.push(`retryAttempts must be an integer, -1 for unlimited, received ${consumer.retryAttempts}`);
  }
  if (!(consumer.maxRecordAgeSeconds === -1 || consumer.maxRecordAgeSeconds > 0)) {
    problems.push(
      `maxRecordAgeSeconds must be positive, -1 for unlimited, received ${consumer.maxRecordAgeSeconds}`,
    );
  }
  if (problems.length > 0) {
    throw new RangeError(`stream consumer ${consumerName}: ${problems.join('; ')}`);
  }
}

function logError(error: unknown, where: { consumer: string; shardId?: string }): void {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  process.stderr.write(
    `${JSON.stringify({ level: 'error', source: 'stream-runner', ...where, name, message })}\n`,
  );
}
