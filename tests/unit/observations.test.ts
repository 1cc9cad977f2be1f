import { describe, expect, it } from 'vitest';
import type { Figure } from '../../functions/core/model.ts';
import { observationsOf } from '../../functions/core/observations.ts';
import type { BriefRevision } from '../../functions/core/ports.ts';

function figure(overrides: Partial<Figure>): Figure {
  return {
    offset: 0,
    length: 5,
    surface: '42303人',
    value: 42303,
    unit: '人',
    qualifier: 'exact',
    label: '城镇新增就业',
    kind: 'count',
    metric: '大连:城镇新增就业:people',
    ...overrides,
  };
}

function revision(figures: Figure[]): BriefRevision {
  return {
    briefId: 'jobs',
    revision: 1,
    contentHash: 'hash',
    storedAt: '2020-05-14T00:00:00.000Z',
    figures,
    brief: { headline: 'h', body: 'b', publishedAt: '2020-05-14T08:00:00+08:00', region: '大连' },
  };
}

describe('observationsOf', () => {
  it('counts a metric once per brief, keeping the exact figure over the headline’s rounded one', () => {
    const observations = observationsOf(
      revision([
        figure({ surface: '逾4万人', value: 40000, qualifier: 'over' }),
        figure({ asOf: '2020-05-11' }),
      ]),
    );
    expect(observations.map((item) => [item.value, item.asOf])).toEqual([[42303, '2020-05-11']]);
  });

  it('prefers the figure that states its as-of date among equally exact ones', () => {
    const observations = observationsOf(
      revision([figure({ value: 2.79 }), figure({ value: 2.79, asOf: '2020-05-11' })]),
    );
    expect(observations.map((item) => item.asOf)).toEqual(['2020-05-11']);
  });

  it('falls back to the brief’s as-of date, then to its publication date', () => {
    const [fromPublication] = observationsOf(revision([figure({})]));
    expect(fromPublication?.asOf).toBe('2020-05-14');
    const withAsOf = revision([figure({})]);
    withAsOf.brief = { ...withAsOf.brief, asOf: '2020-05-01' };
    expect(observationsOf(withAsOf)[0]?.asOf).toBe('2020-05-01');
  });

  it('keeps different metrics apart', () => {
    const observations = observationsOf(
      revision([figure({}), figure({ metric: '大连:城镇登记失业率:percent', value: 2.79, unit: '%' })]),
    );
    expect(observations).toHaveLength(2);
  });
});
