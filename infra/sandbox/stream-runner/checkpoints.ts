// Where each shard of a stream consumer stands, kept in one JSON file that a crash cannot leave half-written.
import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const shardCheckpointSchema = z.object({
  /** The last record handled (or skipped, or discarded): reading resumes after it. */
  sequenceNumber: z.string().optional(),
  /** The shard is closed and every record of it is handled: its children may be read. */
  finished: z.boolean().optional(),
});

const checkpointFileSchema = z.object({
  streamArn: z.string(),
  shards: z.record(z.string(), shardCheckpointSchema),
});

export type ShardCheckpoint = z.infer<typeof shardCheckpointSchema>;
type CheckpointFile = z.infer<typeof checkpointFileSchema>;

export class CheckpointFileError extends Error {
  override name = 'CheckpointFileError';
}

export class CheckpointStore {
  readonly #path: string;
  readonly #state: CheckpointFile;
  #writing: Promise<void> = Promise.resolve();

  /** Checkpoints of another stream (the table was recreated or its stream re-enabled) do not apply: start afresh. */
  constructor(path: string, streamArn: string) {
    this.#path = path;
    const stored = readCheckpointFile(path);
    this.#state = stored?.streamArn === streamArn ? stored : { streamArn, shards: {} };
    mkdirSync(dirname(path), { recursive: true });
  }

  get(shardId: string): ShardCheckpoint | undefined {
    return this.#state.shards[shardId];
  }

  advance(shardId: string, sequenceNumber: string): Promise<void> {
    this.#state.shards[shardId] = { ...this.#state.shards[shardId], sequenceNumber };
    return this.#persist();
  }

  finish(shardId: string): Promise<void> {
    this.#state.shards[shardId] = { ...this.#state.shards[shardId], finished: true };
    return this.#persist();
  }

  /** Shards trimmed from the stream (older than 24 h on AWS) need no checkpoint any more. */
  forgetAllBut(liveShardIds: ReadonlySet<string>): Promise<void> {
    const stale = Object.keys(this.#state.shards).filter((shardId) => !liveShardIds.has(shardId));
    if (stale.length === 0) return Promise.resolve();
    for (const shardId of stale) delete this.#state.shards[shardId];
    return this.#persist();
  }

  /** Resolves once everything recorded so far is on disk. */
  flushed(): Promise<void> {
    return this.#writing;
  }

  #persist(): Promise<void> {
    const snapshot = `${JSON.stringify(this.#state, null, 2)}\n`;
    const temporary = `${this.#path}.${process.pid}.tmp`;
    const write = this.#writing
      .catch(() => undefined)
      .then(async () => {
        await writeFile(temporary, snapshot);
        await rename(temporary, this.#path);
      });
    this.#writing = write;
    return write;
  }
}

function readCheckpointFile(path: string): CheckpointFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CheckpointFileError(`cannot read the checkpoint file ${path}`, { cause: error });
  }
  try {
    return checkpointFileSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new CheckpointFileError(
      `the checkpoint file ${path} is not valid: ${(error as Error).message}; received ${JSON.stringify(text.slice(0, 200))}`,
      { cause: error },
    );
  }
}
