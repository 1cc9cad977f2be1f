// Records one observation of a metric and the change it causes, exactly once, whatever crashes when.
//
// The metric head is the serialization point. A writer claims it (conditional on its version) with the new
// observation written ahead as `pending`, then puts the observation item. A crash between the two writes is
// rolled forward by the next writer of that metric, or by the retry of the same record.
import { classifyChange } from './diff.ts';
import { ContentionError } from './errors.ts';
import type { Observation } from './model.ts';
import type { MetricHead, MetricStore, StoredObservation } from './ports.ts';
import { followMerges } from './redirects.ts';

export interface Plan {
  stored: StoredObservation;
  head: MetricHead;
}

/** Commits a head's pending observation if its item is missing; reads first, as a failed conditional write costs a write unit. */
export async function rollForward(store: MetricStore, head: MetricHead | undefined): Promise<void> {
  const pending = head?.pending;
  if (pending === undefined) return;
  const committed = await store.getObservation(pending.observation.metric, pending.observation.key);
  if (committed === undefined) await store.putObservation(pending);
}

/** A head's description of its series, `latest` as given; what editors set (a name, merges) carried over. */
export function headOf(
  metric: string,
  latest: Observation,
  editors: Pick<MetricHead, 'name' | 'mergeDepth'> | undefined,
): Omit<MetricHead, 'version' | 'updatedAt'> {
  const name = editors?.name;
  const mergeDepth = editors?.mergeDepth;
  return {
    metric,
    label: name ?? latest.label,
    unit: latest.unit,
    kind: latest.kind,
    region: latest.region,
    latest,
    ...(name === undefined ? {} : { name }),
    ...(mergeDepth === undefined ? {} : { mergeDepth }),
  };
}

/** What recording `observation` against `head` would store; reads only. */
export async function planObservation(
  store: MetricStore,
  observation: Observation,
  head: MetricHead | undefined,
  recordedAt: string,
): Promise<Plan> {
  const latest = head?.latest;
  const becomesLatest = latest === undefined || observation.key > latest.key;
  const previous = becomesLatest
    ? latest
    : (await store.previousObservation(observation.metric, observation.key))?.observation;
  const change = classifyChange({ current: observation, previous, hasLater: !becomesLatest, recordedAt });
  const stored: StoredObservation = { observation, change, recordedAt };
  const shown = becomesLatest || head === undefined ? observation : head.latest;
  return {
    stored,
    head: {
      ...headOf(observation.metric, shown, head),
      version: (head?.version ?? 0) + 1,
      pending: stored,
      updatedAt: recordedAt,
    },
  };
}

/**
 * An observation is already recorded only if its head was claimed with it, which moves `latest` to it unless it
 * is older than `latest`: so a key newer than the head's latest, and not pending, cannot be recorded yet.
 */
function mayBeRecorded(observation: Observation, head: MetricHead | undefined): boolean {
  return head !== undefined && observation.key <= head.latest.key;
}

interface Recorded {
  stored: StoredObservation;
  /** The head as this writer left it, its pending observation committed; absent when another writer's stands. */
  head?: MetricHead;
}

async function recordOnce(
  store: MetricStore,
  observation: Observation,
  head: MetricHead | undefined,
  now: () => Date,
): Promise<Recorded | 'contended'> {
  if (head?.pending?.observation.key === observation.key) {
    await rollForward(store, head);
    return { stored: head.pending };
  }
  if (mayBeRecorded(observation, head)) {
    const done = await store.getObservation(observation.metric, observation.key);
    if (done !== undefined) return { stored: done };
  }
  await rollForward(store, head);
  const plan = await planObservation(store, observation, head, now().toISOString());
  if (!(await store.claimHead(plan.head, head?.version))) return 'contended';
  await store.putObservation(plan.stored);
  // Its pending observation is now committed: kept in hand without it, the next write needs no roll-forward read.
  const { pending: _committed, ...committedHead } = plan.head;
  return { stored: plan.stored, head: committedHead };
}

/** After a lost race for a head: a pause with jitter, growing with the attempt, so racing writers spread out. */
export const backOff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));

/** A head read or written moments ago: current unless another writer moved it since, which the claim detects. */
export interface KnownHead {
  head: MetricHead | undefined;
}

async function recordWithRetries(
  store: MetricStore,
  observation: Observation,
  now: () => Date,
  known: KnownHead | undefined,
  maxAttempts: number,
): Promise<Recorded> {
  let head = known?.head;
  let target = observation;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (known === undefined || attempt > 0) head = await store.getHead(target.metric);
    if (head?.mergedInto !== undefined) {
      // Merged since this writer looked: the series, and so this observation, continues where it was merged.
      const followed = await followMerges(store, target.metric, head);
      target = { ...target, metric: followed.chain.at(-1) ?? target.metric };
      head = followed.head;
    }
    const recorded = await recordOnce(store, target, head, now);
    if (recorded !== 'contended') return recorded;
    await backOff(attempt);
  }
  throw new ContentionError(`metric ${target.metric} stayed contended for ${maxAttempts} attempts`);
}

export async function recordObservation(
  store: MetricStore,
  observation: Observation,
  now: () => Date,
  maxAttempts = 25,
): Promise<StoredObservation> {
  return (await recordWithRetries(store, observation, now, undefined, maxAttempts)).stored;
}

/**
 * Records one metric's observations in the given order. The head each write leaves is kept in hand for the
 * next one, which then needs no reads: two writes per observation while no other writer touches the metric.
 * `known` is the metric's head as the caller read it, if it did. When the metric turns out to be merged, the
 * rest of the series follows the first observation to the metric it was merged into.
 */
export async function recordObservationsOfMetric(
  store: MetricStore,
  observations: readonly Observation[],
  now: () => Date,
  known?: KnownHead,
  maxAttempts = 25,
): Promise<StoredObservation[]> {
  const recorded: StoredObservation[] = [];
  let current = known;
  let metric: string | undefined;
  for (const observation of observations) {
    const target = metric === undefined ? observation : { ...observation, metric };
    const result = await recordWithRetries(store, target, now, current, maxAttempts);
    recorded.push(result.stored);
    metric = result.stored.observation.metric;
    current = result.head === undefined ? undefined : { head: result.head };
  }
  return recorded;
}
