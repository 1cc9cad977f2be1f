// Editors' corrections of metric identity: a metric renamed, or merged into another, without raising any event.
//
// A merge copies the source's observations into the target's series as history (without their changes, so
// nothing enters the changes index or the publisher's stream), gives the target's head the newer latest of the
// two, and then claims the source's head with a redirect (`mergedInto`), conditional on the version the round
// started from. A writer of the source that commits during the round makes that claim fail, and the round runs
// again with its observation; a writer that comes later finds the redirect and records on the target, against
// the merged history. Every step is idempotent, so a merge that crashed is completed by running it again.
import { ConflictError, ContentionError, NotFoundError, ValidationError } from './errors.ts';
import { type AliasTable, metricKey, unitFamily } from './metric-key.ts';
import type { MetricHead, MetricStore } from './ports.ts';
import { backOff, headOf, rollForward } from './record-observation.ts';
import { followMerges, maxMergeDepth } from './redirects.ts';
import { describeReceived } from './validate.ts';

export interface MergeOutcome {
  /** The metric the request named. */
  from: string;
  /** The metric that holds the series now: `from` itself after a rename that kept its key. */
  into: string;
  /** Observations this request copied (none when it finds the merge already done). */
  copied: number;
  /** The head of `into` as the request left it. */
  head: MetricHead;
}

export interface MergeRequest {
  from: string;
  into: string;
  /** The name the metric gets, from a rename. */
  name?: string;
  /** A rename may merge into a key that has no metric yet; a merge names one that exists. */
  createInto: boolean;
}

/**
 * Rounds of a merge, each ended by a writer of the source committing while the round copied its history. As many as
 * a writer's own attempts at a contended head: on a slow table a round outlasts several commits, and ten rounds were
 * used up by a writer recording twelve briefs in a row while the merge ran.
 */
const maxRounds = 25;
const maxHeadClaims = 25;

const quoted = (key: string) => JSON.stringify(key);

async function sourceHead(store: MetricStore, metric: string): Promise<MetricHead> {
  const head = await store.getHead(metric);
  if (head === undefined) throw new NotFoundError(`no metric with key ${quoted(metric)}`);
  return head;
}

/** Claims the head of `metric` as `next` makes it from the current one, again while other writers move it. */
async function updateHead(
  store: MetricStore,
  metric: string,
  next: (head: MetricHead | undefined) => Promise<MetricHead | 'unchanged'>,
): Promise<MetricHead> {
  for (let attempt = 0; attempt < maxHeadClaims; attempt++) {
    const head = await store.getHead(metric);
    if (head?.mergedInto !== undefined) {
      throw new ConflictError(
        `metric ${quoted(metric)} was merged into ${quoted(head.mergedInto)} meanwhile: correct that one`,
      );
    }
    const wanted = await next(head);
    if (wanted === 'unchanged' && head !== undefined) return head;
    if (wanted !== 'unchanged' && (await store.claimHead(wanted, head?.version))) return wanted;
    await backOff(attempt);
  }
  throw new ContentionError(`metric ${metric} stayed contended for ${maxHeadClaims} attempts`);
}

/** The target's head with the newer latest of both series, the name asked for and the depth the merge makes. */
function takeLatest(
  store: MetricStore,
  target: string,
  source: MetricHead,
  request: MergeRequest,
  now: () => Date,
): Promise<MetricHead> {
  return updateHead(store, target, async (head) => {
    // The pending observation is committed first: the head written below no longer carries it.
    await rollForward(store, head);
    const latest =
      head === undefined || source.latest.key > head.latest.key
        ? { ...source.latest, metric: target }
        : head.latest;
    const name = request.name ?? head?.name;
    const mergeDepth = Math.max(head?.mergeDepth ?? 0, (source.mergeDepth ?? 0) + 1);
    if (
      head !== undefined &&
      head.latest.key === latest.key &&
      head.name === name &&
      head.mergeDepth === mergeDepth
    )
      return 'unchanged';
    return {
      ...headOf(target, latest, { ...(name === undefined ? {} : { name }), mergeDepth }),
      version: (head?.version ?? 0) + 1,
      updatedAt: now().toISOString(),
    };
  });
}

/** The metric `into` leads to, and its head; refused where the merge could not keep its promises. */
async function targetOf(
  store: MetricStore,
  request: MergeRequest,
  source: MetricHead,
): Promise<{ metric: string; head: MetricHead | undefined }> {
  const { chain, head } = await followMerges(store, request.into, await store.getHead(request.into));
  const metric = chain.at(-1) ?? request.into;
  if (head === undefined && !request.createInto) {
    const message = `no metric has this key (received ${describeReceived(request, ['into'])})`;
    throw new ValidationError(`invalid merge: into: ${message}`, [{ path: 'into', message }]);
  }
  if (metric === request.from)
    throw new ConflictError(`metric ${quoted(request.from)} cannot be merged into itself`);
  if (head !== undefined && unitFamily(head.unit) !== unitFamily(source.unit)) {
    throw new ConflictError(
      `metric ${quoted(request.from)} counts ${unitFamily(source.unit)} and ${quoted(metric)} counts ` +
        `${unitFamily(head.unit)}: only metrics of one unit family can be merged`,
    );
  }
  if ((source.mergeDepth ?? 0) + 1 > maxMergeDepth) {
    throw new ConflictError(
      `metric ${quoted(request.from)} already holds ${source.mergeDepth} merges in a row; merging it too would ` +
        `make a chain longer than ${maxMergeDepth}`,
    );
  }
  return { metric, head };
}

/** A merge found done: the same answer again when it led where this request asks, refused otherwise. */
async function alreadyMerged(
  store: MetricStore,
  source: MetricHead,
  request: MergeRequest,
): Promise<MergeOutcome> {
  const done = await followMerges(store, source.metric, source);
  const asked = await followMerges(store, request.into, await store.getHead(request.into));
  const into = done.chain.at(-1) ?? source.metric;
  if (done.head === undefined || into !== asked.chain.at(-1)) {
    throw new ConflictError(`metric ${quoted(source.metric)} was already merged into ${quoted(into)}`);
  }
  return { from: request.from, into, copied: 0, head: done.head };
}

export async function mergeMetric(
  store: MetricStore,
  request: MergeRequest,
  now: () => Date,
): Promise<MergeOutcome> {
  let source = await sourceHead(store, request.from);
  let copied = 0;
  for (let round = 0; round < maxRounds; round++) {
    if (source.mergedInto !== undefined) return alreadyMerged(store, source, request);
    const target = await targetOf(store, request, source);
    await rollForward(store, source);
    copied += await store.copyHistory(request.from, target.metric);
    const head = await takeLatest(store, target.metric, source, request, now);
    const { pending: _committed, ...committed } = source;
    const redirect: MetricHead = {
      ...committed,
      version: source.version + 1,
      mergedInto: target.metric,
      updatedAt: now().toISOString(),
    };
    if (await store.claimHead(redirect, source.version))
      return { from: request.from, into: target.metric, copied, head };
    source = await sourceHead(store, request.from);
  }
  throw new ContentionError(`metric ${request.from} kept changing while it was being merged`);
}

/**
 * A metric's new name: its key becomes region + normalized name + unit family. The same key keeps the metric
 * and names it; another key is a merge into it, whether a metric has that key yet or not.
 */
export async function renameMetric(
  store: MetricStore,
  request: { metric: string; label: string; aliases: AliasTable },
  now: () => Date,
): Promise<MergeOutcome> {
  const head = await sourceHead(store, request.metric);
  const into = metricKey({ region: head.region, label: request.label, unit: head.unit }, request.aliases);
  if (head.mergedInto !== undefined || into !== request.metric) {
    return mergeMetric(store, { from: request.metric, into, name: request.label, createInto: true }, now);
  }
  const named = await updateHead(store, request.metric, async (current) => {
    if (current === undefined) throw new NotFoundError(`no metric with key ${quoted(request.metric)}`);
    if (current.name === request.label) return 'unchanged';
    return {
      ...current,
      label: request.label,
      name: request.label,
      version: current.version + 1,
      updatedAt: now().toISOString(),
    };
  });
  return { from: request.metric, into: request.metric, copied: 0, head: named };
}
