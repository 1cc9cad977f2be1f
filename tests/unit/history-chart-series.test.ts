import { describe, expect, it } from 'vitest';
import type { ChangeType, Observation } from '../../functions/core/model.ts';
import { chartSeries } from '../../web/lib/chart-data.ts';
import type { ChangeEvent, HistoryEntry } from '../../web/lib/shapes.ts';

function entry(asOf: string, publishedAt: string, value: number, type: ChangeType | null): HistoryEntry {
  const observation: Observation = {
    metric: 'r:m:people',
    key: `${asOf}#${publishedAt}#b#000001`,
    asOf,
    publishedAt,
    briefId: 'b',
    revision: 1,
    figureIndex: 0,
    value,
    unit: '人',
    qualifier: 'exact',
    label: 'm',
    kind: 'count',
    region: 'r',
    surface: `${value}人`,
  };
  // The chart reads only the change's type.
  return { observation, change: type === null ? null : ({ type } as ChangeEvent) };
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

describe('the history chart series', () => {
  it('draws one point per as-of date, oldest first, whatever order the history arrives in', () => {
    const series = chartSeries([
      entry('2020-06-10', '2020-06-15', 51268, 'figure.changed'),
      entry('2020-05-11', '2020-05-14', 42303, 'figure.added'),
    ]);
    expect(series.days).toEqual([day('2020-05-11'), day('2020-06-10')]);
    expect(series.value).toEqual([42303, 51268]);
    expect(series.revised).toEqual([null, null]);
  });

  it('marks a revision at its date, with the value it replaced, and draws the line through the revision', () => {
    const series = chartSeries([
      entry('2020-05-14', '2020-06-15', 34921, 'figure.revised'),
      entry('2020-05-14', '2020-05-14', 34911, 'figure.added'),
    ]);
    expect(series).toEqual({
      days: [day('2020-05-14')],
      value: [34921],
      revised: [34921],
      superseded: [34911],
      backfilled: [null],
    });
  });

  it('marks a backfill at its older date without moving the later values', () => {
    const series = chartSeries([
      entry('2020-06-10', '2020-06-15', 51268, 'figure.changed'),
      entry('2020-04-30', '2020-06-15', 35120, 'figure.backfilled'),
      entry('2020-05-11', '2020-05-14', 42303, 'figure.added'),
    ]);
    expect(series.value).toEqual([35120, 42303, 51268]);
    expect(series.backfilled).toEqual([35120, null, null]);
  });

  it('marks nothing when a later brief repeats a value at the same date', () => {
    const series = chartSeries([
      entry('2020-05-14', '2020-06-15', 34911, null),
      entry('2020-05-14', '2020-05-14', 34911, 'figure.added'),
    ]);
    expect(series.superseded).toEqual([null]);
    expect(series.revised).toEqual([null]);
  });
});
