// Test data builders.
import { observationKey } from '../../functions/core/diff.ts';
import type { Observation } from '../../functions/core/model.ts';

export function observation(overrides: Partial<Observation> = {}): Observation {
  const base = {
    metric: '大连:城镇登记失业率:percent',
    asOf: '2020-05-11',
    publishedAt: '2020-05-14T08:00:00+08:00',
    briefId: 'dalian-jobs-2020-05',
    revision: 1,
    figureIndex: 0,
    value: 2.79,
    unit: '%',
    qualifier: 'exact' as const,
    label: '城镇登记失业率',
    kind: 'percent' as const,
    region: '大连',
    surface: '2.79%',
    ...overrides,
  };
  return { ...base, key: overrides.key ?? observationKey(base) };
}
