// An in-memory MetricStore with the port's semantics (conditional head, idempotent observations), for unit tests
// of the core; the DynamoDB adapter is tested against DynamoDB Local separately.
import type { MetricHead, MetricStore, Page, StoredObservation } from '../../functions/core/ports.ts';

export class MemoryMetricStore implements MetricStore {
  readonly heads = new Map<string, MetricHead>();
  readonly observations = new Map<string, Map<string, StoredObservation>>();
  /** Observation keys in the order their heads were claimed: the order writers were serialized in. */
  readonly claimOrder: string[] = [];
  /** `metric\nkey` of the observations a merge copied, which the metric's own writer may replace. */
  readonly copies = new Set<string>();
  /** Called before each write; a test throws from it to simulate a crash at that point. */
  beforeWrite: (operation: 'claimHead' | 'putObservation') => void = () => {};

  async getHead(metric: string) {
    return structuredClone(this.heads.get(metric));
  }

  async getCommittedHeads(metrics: readonly string[]) {
    const heads = new Map<string, MetricHead>();
    for (const metric of metrics) {
      const head = await this.getHead(metric);
      if (head === undefined) continue;
      const pendingKey = head.pending?.observation.key;
      const committed = pendingKey !== undefined && this.observations.get(metric)?.has(pendingKey) === true;
      if (committed) {
        const { pending: _committed, ...rest } = head;
        heads.set(metric, rest);
      } else heads.set(metric, head);
    }
    return heads;
  }

  async claimHead(head: MetricHead, expectedVersion: number | undefined) {
    this.beforeWrite('claimHead');
    if (this.heads.get(head.metric)?.version !== expectedVersion) return false;
    this.heads.set(head.metric, structuredClone(head));
    if (head.pending !== undefined) this.claimOrder.push(head.pending.observation.key);
    return true;
  }

  async getObservation(metric: string, key: string) {
    return structuredClone(this.observations.get(metric)?.get(key));
  }

  async putObservation(stored: StoredObservation) {
    this.beforeWrite('putObservation');
    const { metric, key } = stored.observation;
    const series = this.observations.get(metric) ?? new Map<string, StoredObservation>();
    if (!series.has(key) || this.copies.delete(`${metric}\n${key}`)) series.set(key, structuredClone(stored));
    this.observations.set(metric, series);
  }

  async copyHistory(from: string, into: string) {
    const target = this.observations.get(into) ?? new Map<string, StoredObservation>();
    this.observations.set(into, target);
    let copied = 0;
    for (const stored of this.ordered(from)) {
      if (target.has(stored.observation.key)) continue;
      const observation = { ...stored.observation, metric: into };
      target.set(observation.key, structuredClone({ ...stored, observation, change: null }));
      this.copies.add(`${into}\n${observation.key}`);
      copied++;
    }
    return copied;
  }

  private ordered(metric: string): StoredObservation[] {
    return [...(this.observations.get(metric)?.values() ?? [])].sort((a, b) =>
      a.observation.key < b.observation.key ? -1 : 1,
    );
  }

  async previousObservation(metric: string, key: string) {
    return this.ordered(metric)
      .filter((stored) => stored.observation.key < key)
      .at(-1);
  }

  async history(
    metric: string,
    options: { limit: number; before?: string },
  ): Promise<Page<StoredObservation>> {
    const before = options.before;
    const newestFirst = this.ordered(metric)
      .reverse()
      .filter((stored) => before === undefined || stored.observation.key < before);
    const items = newestFirst.slice(0, options.limit);
    const last = items.at(-1);
    return newestFirst.length > items.length && last !== undefined
      ? { items, cursor: last.observation.key }
      : { items };
  }

  async listHeads(options: { limit: number; after?: string }): Promise<Page<MetricHead>> {
    const after = options.after;
    const heads = [...this.heads.values()]
      .sort((a, b) => (a.metric < b.metric ? -1 : 1))
      .filter((head) => head.mergedInto === undefined && (after === undefined || head.metric > after));
    return { items: heads.slice(0, options.limit) };
  }

  changes(metric: string) {
    return this.ordered(metric).flatMap((stored) => (stored.change === null ? [] : [stored.change]));
  }
}
