// Where a metric's series lives now: a merged metric's head names the metric it was merged into.
import type { MetricHead, MetricStore } from './ports.ts';

/**
 * The longest chain of merges a key may lead through. Merges keep every chain within it (mergeDepth), so
 * following one stays bounded whatever editors do.
 */
export const maxMergeDepth = 8;

export class RedirectChainError extends Error {
  override name = 'RedirectChainError';
}

function tooLong(chain: readonly string[]): RedirectChainError {
  return new RedirectChainError(
    `metric ${chain[0]} leads through more than ${maxMergeDepth} merges: ${chain.join(' → ')}`,
  );
}

export interface Followed {
  /** The metric asked for, then every metric it was merged into, in order; the last one holds the series. */
  chain: string[];
  /** The last metric's head; undefined when it has none yet. */
  head: MetricHead | undefined;
}

/** Follows the merges from `head` (the head of `metric`, as read) to the metric that holds the series. */
export async function followMerges(
  store: MetricStore,
  metric: string,
  head: MetricHead | undefined,
): Promise<Followed> {
  const chain = [metric];
  let current = head;
  while (current?.mergedInto !== undefined) {
    if (chain.length > maxMergeDepth) throw tooLong(chain);
    chain.push(current.mergedInto);
    current = await store.getHead(current.mergedInto);
  }
  return { chain, head: current };
}

export interface Resolved {
  /** The metric that holds the series of each metric asked for (itself unless it was merged). */
  metricOf: (metric: string) => string;
  /** The committed heads of those metrics, keyed by metric; merged heads are not among them. */
  heads: Map<string, MetricHead>;
}

/**
 * The committed heads of many metrics at once, merges followed: one batched read while nothing was merged, and
 * one more per step of the longest chain otherwise.
 */
export async function resolveMerges(store: MetricStore, metrics: Iterable<string>): Promise<Resolved> {
  const read = new Set<string>();
  const live = new Map<string, MetricHead>();
  const next = new Map<string, string>();
  let unread = [...new Set(metrics)];
  for (let step = 0; unread.length > 0; step++) {
    if (step > maxMergeDepth) throw tooLong(unread);
    for (const metric of unread) read.add(metric);
    const heads = await store.getCommittedHeads(unread);
    for (const [metric, head] of heads) {
      if (head.mergedInto === undefined) live.set(metric, head);
      else next.set(metric, head.mergedInto);
    }
    const targets = [...heads.values()].flatMap((head) => head.mergedInto ?? []);
    unread = [...new Set(targets)].filter((target) => !read.has(target));
  }
  const metricOf = (metric: string): string => {
    const chain = [metric];
    for (let target = next.get(metric); target !== undefined; target = next.get(target)) {
      if (chain.length > maxMergeDepth) throw tooLong(chain);
      chain.push(target);
    }
    return chain.at(-1) ?? metric;
  };
  return { metricOf, heads: live };
}
