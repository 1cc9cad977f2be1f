// The stream runner's public surface: what the sandbox and the tests import.
export { CheckpointFileError } from './checkpoints.ts';
export type { DiscardCondition, StreamFailureRecord } from './failure-destination.ts';
export { type FilterableRecord, matchesFilters } from './filters.ts';
export {
  type StreamRunner,
  type StreamRunnerOptions,
  StreamRunnerStoppedError,
  startStreamRunner,
} from './runner.ts';
export type { InvocationOutcome, StreamHandler, StreamInvocation } from './shard-worker.ts';
export { createStreamsClient, latestStreamArn, StreamNotEnabledError } from './streams-client.ts';
