// The table's keys, indexes and stream as the adapters query them; the CDK stack and the sandbox build it from this.

export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Sparse index of observations that caused a change, ordered by recording time: feeds and /changes read it whole. */
  changeIndex: { name: 'changes', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
  /**
   * Sparse index of metric heads: /metrics. Keys only, because the head is rewritten for every figure and a
   * keys-only index is left untouched by those rewrites (no extra write unit per figure).
   */
  metricIndex: { name: 'metrics', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
  /** The consumers read only new images; old ones would double what every stream read carries. */
  streamView: 'NEW_IMAGE',
} as const;
