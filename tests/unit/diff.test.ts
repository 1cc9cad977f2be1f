import { describe, expect, it } from 'vitest';
import {
  classifyChange,
  eventIdOf,
  exactDifference,
  observationKey,
  parseEventId,
} from '../../functions/core/diff.ts';
import { observation } from '../support/fixtures.ts';

const recordedAt = '2020-06-15T00:00:00.000Z';

describe('classifyChange', () => {
  it('announces a metric’s first value as figure.added', () => {
    const change = classifyChange({
      current: observation(),
      previous: undefined,
      hasLater: false,
      recordedAt,
    });
    expect(change).toMatchObject({ type: 'figure.added', previous: null, delta: null, direction: null });
  });

  it('raises nothing when a later brief writes the same value with its unit spelled another way', () => {
    const previous = observation({ value: 1.38, unit: '元/斤', kind: 'money', surface: '1.38元/斤' });
    const current = observation({
      asOf: '2020-06-10',
      value: 1.38,
      unit: '元',
      kind: 'money',
      surface: '每斤1.38元',
      briefId: 'prices-june',
    });
    expect(classifyChange({ current, previous, hasLater: false, recordedAt })).toBeNull();
    expect(
      classifyChange({ current: { ...current, value: 1.52 }, previous, hasLater: false, recordedAt }),
    ).toMatchObject({ type: 'figure.changed', delta: 0.14 });
  });

  it('publishes figure.changed when the unemployment rate moves at a later as-of date', () => {
    const previous = observation();
    const current = observation({ asOf: '2020-06-10', value: 2.85, surface: '2.85%', briefId: 'jobs-june' });
    const change = classifyChange({ current, previous, hasLater: false, recordedAt });
    expect(change).toMatchObject({
      type: 'figure.changed',
      delta: 0.06,
      deltaPoints: 0.06,
      deltaPercent: 2.1505,
      direction: 'up',
    });
    expect(change?.previous?.value).toBe(2.79);
  });

  it('gives figure.revised for a different value at the same as-of date', () => {
    const previous = observation({ value: 34911, unit: '户', kind: 'count' });
    const current = observation({ value: 34921, unit: '户', kind: 'count', revision: 2 });
    const change = classifyChange({ current, previous, hasLater: false, recordedAt });
    expect(change).toMatchObject({ type: 'figure.revised', delta: 10, deltaPoints: null, direction: 'up' });
  });

  it('gives figure.backfilled for an older value that arrives late', () => {
    const current = observation({ asOf: '2020-04-30', value: 2.9 });
    const change = classifyChange({ current, previous: undefined, hasLater: true, recordedAt });
    expect(change).toMatchObject({ type: 'figure.backfilled', previous: null });
  });

  it('gives nothing when the value is equal', () => {
    const current = observation({ asOf: '2020-06-10', briefId: 'jobs-june' });
    expect(classifyChange({ current, previous: observation(), hasLater: false, recordedAt })).toBeNull();
  });

  it('leaves deltaPercent empty when the previous value is zero', () => {
    const change = classifyChange({
      current: observation({ asOf: '2020-06-10', value: 3 }),
      previous: observation({ value: 0 }),
      hasLater: false,
      recordedAt,
    });
    expect(change).toMatchObject({ delta: 3, deltaPercent: null, direction: 'up' });
  });
});

describe('exactDifference', () => {
  it.each([
    [2.95, 2.79, 0.16],
    [0.3, 0.1, 0.2],
    [429000000, 420000000, 9000000],
    [98.4, 99.6, -1.2],
  ])('%d − %d is exactly %d', (a, b, expected) => {
    expect(exactDifference(a, b)).toBe(expected);
  });
});

describe('event ids', () => {
  it('name the brief, revision and figure that made the observation', () => {
    expect(eventIdOf(observation({ briefId: 'dalian-jobs', revision: 3, figureIndex: 7 }))).toBe(
      'dalian-jobs.3.7',
    );
    expect(
      classifyChange({ current: observation(), previous: undefined, hasLater: false, recordedAt })?.eventId,
    ).toBe(eventIdOf(observation()));
  });

  it('parse back from the right, so brief ids may hold dots', () => {
    expect(parseEventId('jobs.2020.05.14.12.0')).toEqual({
      briefId: 'jobs.2020.05.14',
      revision: 12,
      figureIndex: 0,
    });
    expect(parseEventId(eventIdOf(observation()))).toEqual({
      briefId: observation().briefId,
      revision: observation().revision,
      figureIndex: observation().figureIndex,
    });
  });

  it.each(['', 'jobs', 'jobs.1', 'jobs.0.1', 'jobs.01.1', 'jobs.1.01', '.1.1', 'jobs/x.1.1', 'jobs.1.-1'])(
    'refuse %j, which no observation has',
    (id) => {
      expect(parseEventId(id)).toBeUndefined();
    },
  );

  it('refuse to order a publication given as a day, whose instant needs the time zone', () => {
    expect(() =>
      observationKey({ asOf: '2020-05-11', publishedAt: '2020-05-14', briefId: 'b', revision: 1 }),
    ).toThrow(/received the day 2020-05-14/);
  });

  it('order observations by as-of date before publication', () => {
    const may = observation({ asOf: '2020-05-11', publishedAt: '2020-06-15T08:00:00+08:00' });
    const june = observation({ asOf: '2020-06-10', publishedAt: '2020-06-01T08:00:00+08:00' });
    expect(may.key < june.key).toBe(true);
  });
});
