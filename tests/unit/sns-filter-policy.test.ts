import { describe, expect, it } from 'vitest';
import { filterPolicyFor, SubscriptionFilterError } from '../../functions/adapters/sns/filter-policy.ts';
import { messageAttributesFor } from '../../functions/adapters/sns/message.ts';
import { change } from './feed-fixtures.ts';

describe('filterPolicyFor', () => {
  it('maps each filter field to the message attribute it matches', () => {
    expect(
      filterPolicyFor({
        metrics: ['cn:城镇登记失业率:%', 'cn:城镇登记失业率:%'],
        regions: ['cn'],
        types: ['figure.changed', 'figure.revised'],
        minAbsChangePercent: 2.5,
      }),
    ).toEqual({
      metric: ['cn:城镇登记失业率:%'],
      region: ['cn'],
      type: ['figure.changed', 'figure.revised'],
      absChangePercent: [{ numeric: ['>=', 2.5] }],
    });
  });

  it('filters on attributes the publisher actually sets', () => {
    const policy = filterPolicyFor({
      metrics: ['m'],
      regions: ['r'],
      types: ['figure.added'],
      minAbsChangePercent: 1,
    });
    const attributeNames = Object.keys(messageAttributesFor(change()));
    for (const key of Object.keys(policy)) expect(attributeNames).toContain(key);
  });

  it('gives an empty policy, meaning no filter, for an empty filter', () => {
    expect(filterPolicyFor({})).toEqual({});
  });

  it('accepts exactly 150 value combinations and refuses 151 or more, naming the fields', () => {
    const values = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    expect(() => filterPolicyFor({ metrics: values('m', 50), regions: values('r', 3) })).not.toThrow();
    const tooMany = () => filterPolicyFor({ metrics: values('m', 16), regions: values('r', 10) });
    expect(tooMany).toThrow(SubscriptionFilterError);
    expect(tooMany).toThrow(/160 value combinations \(16 metrics × 10 regions\)/);
  });

  it.each([
    [{ metrics: [] }, 'filter.metrics'],
    [{ regions: ['  '] }, 'filter.regions'],
    [{ minAbsChangePercent: -1 }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: Number.NaN }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: 0.123456 }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: 2e9 }, 'filter.minAbsChangePercent'],
  ])('refuses %j, naming %s', (filter, field) => {
    const attempt = () => filterPolicyFor(filter);
    expect(attempt).toThrow(SubscriptionFilterError);
    expect(attempt).toThrow(field);
  });

  it('refuses an unknown event type with the value received', () => {
    const filter = JSON.parse('{"types":["figure.deleted"]}');
    expect(() => filterPolicyFor(filter)).toThrow(/filter\.types.*figure\.deleted/);
  });
});
