// Records one observation of a metric and the change it causes, exactly once, whatever crashes when.
//
// The metric head is the serialization point. A writer claims it (conditional on its version) with the new
// observation written ahead as `pending`, then puts the observation item. A crash between the two writes is
// rolled forward by the next writer of that metric, or by the retry of the same record.
import { classifyChange } from './diff.ts';
import { ContentionError } from './errors.ts';
import type { Observation } from './model.ts';
import type { MetricHead, MetricStore, StoredObservation } from './ports.ts';

export interface Plan {
  stored: StoredObservation;
  head: MetricHead;
}

/** Commits a head's pending observation if its item is missing; reads first, as a failed conditional write costs a write unit. */
async function rollForward(store: MetricStore, head: MetricHead | undefined): Promise<void> {
  const pending = head?.pending;
  if (pending === undefined) return;
  const committed = await store.getObservation(pending.observation.metric, pending.observation.key);
  if (committed === undefined) await store.putObservation(pending);
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
      metric: observation.metric,
      version: (head?.version ?? 0) + 1,
      label: shown.label,
      unit: shown.unit,
      kind: shown.kind,
      region: shown.region,
      latest: shown,
      pending: stored,
      updatedAt: recordedAt,
    },
  };
}

export async function recordObservation(
  store: MetricStore,
  observation: Observation,
  now: () => Date,
  maxAttempts = 25,
): Promise<StoredObservation> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const done = await store.getObservation(observation.metric, observation.key);
    if (done !== undefined) return done;
    const head = await store.getHead(observation.metric);
    if (head?.pending?.observation.key === observation.key) {
      await store.putObservation(head.pending);
      return head.pending;
    }
    await rollForward(store, head);
    const plan = await planObservation(store, observation, head, now().toISOString());
    if (await store.claimHead(plan.head, head?.version)) {
      await store.putObservation(plan.stored);
      return plan.stored;
    }
    // Another writer moved the head: back off with jitter so racing writers spread out.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
  }
  throw new ContentionError(`metric ${observation.metric} stayed contended for ${maxAttempts} attempts`);
}
