// The failure store in memory, for handler tests.
import type { Consumer, FailedRecord, FailureStore, StoredFailure } from '../../functions/core/ports.ts';

export class MemoryFailureStore implements FailureStore {
  readonly kept = new Map<string, StoredFailure>();

  async record(failure: FailedRecord, at: Date): Promise<void> {
    const key = `${failure.consumer} ${failure.keys.pk} ${failure.keys.sk}`;
    const held = this.kept.get(key);
    this.kept.set(key, {
      ...failure,
      attempts: (held?.attempts ?? 0) + 1,
      firstFailedAt: held?.firstFailedAt ?? at.toISOString(),
      lastFailedAt: at.toISOString(),
    });
  }

  async list(consumer: Consumer): Promise<StoredFailure[]> {
    return [...this.kept.values()].filter((failure) => failure.consumer === consumer);
  }

  async clear(failure: Pick<FailedRecord, 'consumer' | 'keys'>): Promise<void> {
    this.kept.delete(`${failure.consumer} ${failure.keys.pk} ${failure.keys.sk}`);
  }
}
