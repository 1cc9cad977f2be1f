import { describe, expect, it } from 'vitest';
import { eventIdOf } from '../../functions/core/diff.ts';
import { extractFigures } from '../../functions/core/extract/index.ts';
import type { Figure } from '../../functions/core/model.ts';
import { changeByEventId, observationsOf } from '../../functions/core/observations.ts';
import type { BriefRevision, BriefStore } from '../../functions/core/ports.ts';
import { recordObservation } from '../../functions/core/record-observation.ts';
import { MemoryMetricStore } from '../support/memory-metric-store.ts';

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
    timeZone: 'Asia/Shanghai',
    figures,
    brief: { headline: 'h', body: 'b', publishedAt: '2020-05-14T08:00:00+08:00', region: '大连' },
  };
}

describe('observationsOf', () => {
  it('counts a metric once per brief and as-of, keeping the exact figure over the headline’s rounded one', () => {
    const observations = observationsOf(
      revision([
        figure({ surface: '逾4万人', value: 40000, qualifier: 'over', asOf: '2020-05-11' }),
        figure({ asOf: '2020-05-11' }),
      ]),
    );
    expect(observations.map((item) => [item.value, item.asOf])).toEqual([[42303, '2020-05-11']]);
  });

  it('records a headline figure and the body figure it restates once, as the extractor dates them alike', () => {
    const text = '大连新增就业逾4万人\n\n截至5月11日，全市城镇新增就业42303人。';
    const figures = extractFigures(text, { region: '大连', publishedAt: '2020-05-14' });
    expect(figures).toHaveLength(2);
    expect(observationsOf(revision(figures)).map((item) => [item.value, item.asOf])).toEqual([
      [42303, '2020-05-11'],
    ]);
  });

  it('keeps a 去年同期 figure of the same metric as its own observation, one year earlier', () => {
    const text = '上半年，全市基金分红总额约45亿元，去年同期约130亿元。';
    const figures = extractFigures(text, { publishedAt: '2023-07-20' });
    expect(figures[0]?.metric).toBe(figures[1]?.metric);
    const observations = observationsOf(revision(figures));
    expect(observations.map((item) => [item.value, item.asOf, item.figureIndex])).toEqual([
      [4500000000, '2023-06-30', 0],
      [13000000000, '2022-06-30', 1],
    ]);
    expect(new Set(observations.map(eventIdOf)).size).toBe(2);
  });

  it('records the most precise of two colliding figures and leaves both, flagged, in the brief', () => {
    const collision = { code: 'collision' as const, message: 'both read as 城镇新增就业' };
    const stored = revision([
      figure({ surface: '约4万人', value: 40000, qualifier: 'approx', warnings: [collision] }),
      figure({ surface: '1.2万人', value: 12000, warnings: [collision] }),
    ]);
    expect(observationsOf(stored).map((item) => [item.value, item.figureIndex])).toEqual([[12000, 1]]);
    expect(stored.figures.map((item) => item.warnings?.[0]?.code)).toEqual(['collision', 'collision']);
  });

  it('prefers the figure that states its as-of date among equally exact ones of one date', () => {
    const observations = observationsOf(
      revision([figure({ value: 2.79 }), figure({ value: 2.79, asOf: '2020-05-14' })]),
    );
    expect(observations.map((item) => item.figureIndex)).toEqual([1]);
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

describe('observations of a brief published on a day', () => {
  const onDay = (timeZone: string) => {
    const dated = revision([figure({})]);
    return { ...dated, timeZone, brief: { ...dated.brief, publishedAt: '2020-05-14' } };
  };

  it('orders it from the start of that day in the time zone the revision was stored under', () => {
    const [observation] = observationsOf(onDay('Asia/Shanghai'));
    expect(observation?.publishedAt).toBe('2020-05-14');
    expect(observation?.asOf).toBe('2020-05-14');
    expect(observation?.key).toBe('2020-05-14#2020-05-13T16:00:00.000Z#jobs#000001');
    expect(observationsOf(onDay('UTC'))[0]?.key).toBe('2020-05-14#2020-05-14T00:00:00.000Z#jobs#000001');
  });
});

describe('changeByEventId', () => {
  const stored = revision([
    figure({ surface: '逾4万人', value: 40000, qualifier: 'over', asOf: '2020-05-11' }),
    figure({ asOf: '2020-05-11' }),
    figure({ metric: '大连:城镇登记失业率:percent', value: 2.79, unit: '%', surface: '2.79%' }),
  ]);
  const briefs: BriefStore = {
    latestRevision: async () => stored,
    putRevision: async () => 'taken',
    getRevision: async (briefId, number) =>
      briefId === stored.briefId && number === stored.revision ? stored : undefined,
    revisions: async () => ({ items: [] }),
  };

  it('names each observation by the figure it was taken from', () => {
    expect(observationsOf(stored).map((observation) => observation.figureIndex)).toEqual([1, 2]);
  });

  it('finds the change an event id names, and nothing for an id that names no change', async () => {
    const metrics = new MemoryMetricStore();
    for (const observation of observationsOf(stored))
      await recordObservation(metrics, observation, () => new Date('2020-05-14T00:00:00Z'));
    const stores = { briefs, metrics };
    const change = await changeByEventId('jobs.1.1', stores);
    expect(change).toMatchObject({ eventId: 'jobs.1.1', type: 'figure.added', current: { value: 42303 } });
    expect((await changeByEventId('jobs.1.2', stores))?.current.value).toBe(2.79);
    // The headline's rounded figure made no observation of its own; there is no fourth figure, revision 2 or brief.
    for (const id of ['jobs.1.0', 'jobs.1.3', 'jobs.2.1', 'other.1.1', 'jobs', 'jobs.1.01'])
      expect(await changeByEventId(id, stores), id).toBeUndefined();
  });
});
