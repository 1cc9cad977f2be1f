// The pages write a change's figures by the same rules as feeds and email (the reader's language here is the
// default, Chinese: Node has no localStorage to remember another).
import { describe, expect, it } from 'vitest';
import { formatChangeFigures, formatDelta, formatValue } from '../../web/lib/format.ts';
import type { ChangeEvent } from '../../web/lib/shapes.ts';

type Snapshot = NonNullable<ChangeEvent['data']['previous']>;

function snapshot(value: number, unit: string, asOf: string): Snapshot {
  return {
    value,
    unit,
    qualifier: 'exact',
    asOf,
    publishedAt: asOf,
    briefId: `brief-${asOf}`,
    revision: 1,
    surface: `${value}${unit}`,
  };
}

function change(previous: Snapshot | null, current: Snapshot): ChangeEvent['data'] {
  const delta = previous === null ? null : current.value - previous.value;
  return {
    metric: '大连:城镇新增就业:people',
    label: '城镇新增就业',
    unit: current.unit,
    kind: 'count',
    region: '大连',
    previous,
    current,
    delta,
    deltaPercent: previous === null || delta === null ? null : (delta / previous.value) * 100,
    deltaPoints: null,
    direction: delta === null || delta === 0 ? null : delta > 0 ? 'up' : 'down',
  };
}

describe('the figures of a change on a page', () => {
  it('writes the previous and the current figure on one scale, as they are read side by side', () => {
    const data = change(snapshot(51268, '人', '2020-05-31'), snapshot(60000, '人', '2020-06-30'));
    expect(formatChangeFigures(data)).toEqual({ previous: '51,268人', current: '60,000人' });
    // Alone, the current figure takes the scale that loses nothing.
    expect(formatValue(60000, '人')).toBe('6万人');
  });

  it('keeps a shared scale where both figures allow it', () => {
    const data = change(snapshot(429_000_000, '元', '2020-05-31'), snapshot(450_000_000, '元', '2020-06-30'));
    expect(formatChangeFigures(data)).toEqual({ previous: '4.29亿元', current: '4.5亿元' });
  });

  it('writes only the current figure of a first value, and no move', () => {
    const data = change(null, snapshot(42303, '人', '2020-06-30'));
    expect(formatChangeFigures(data)).toEqual({ current: '42,303人' });
    expect(formatDelta(data)).toBeUndefined();
  });

  it('signs the move with a true minus and gives its share of the previous value', () => {
    const data = change(snapshot(60000, '人', '2020-05-31'), snapshot(51268, '人', '2020-06-30'));
    expect(formatDelta(data)).toBe('−8,732人 (−14.6%)');
  });
});
