import { describe, expect, it } from 'vitest';
import {
  filterPolicyFor,
  SubscriptionFilterError,
  subscriptionOfPolicy,
} from '../../functions/adapters/sns/filter-policy.ts';
import { digestAttributesFor, messageAttributesFor } from '../../functions/adapters/sns/message.ts';
import type { Change } from '../../functions/core/model.ts';
import type { Delivery, SubscriptionFilter } from '../../functions/core/ports.ts';
import { matchesFilterPolicy, parseFilterPolicy } from '../../infra/sandbox/local-sns/filter-policy.ts';
import { addedChange, change, digest, observation } from './feed-fixtures.ts';

const digestOf = (changes: Change[]) => digest(changes);

/** Whether SNS, as the sandbox applies policies, sends a message with these attributes to the subscription. */
const delivers = (filter: SubscriptionFilter, delivery: Delivery, attributes: Record<string, unknown>) =>
  matchesFilterPolicy(
    parseFilterPolicy(JSON.stringify(filterPolicyFor(filter, delivery))),
    attributes as Parameters<typeof matchesFilterPolicy>[1],
  );

const fall = change({
  eventId: 'brief-may.1.1',
  metric: 'cn:jobs:people',
  deltaPercent: -12.5,
  direction: 'down',
  current: observation({ region: '大连' }),
});

describe('filterPolicyFor', () => {
  it('maps each filter field to the message attribute it matches', () => {
    expect(
      filterPolicyFor(
        {
          metrics: ['cn:城镇登记失业率:%', 'cn:城镇登记失业率:%'],
          regions: ['cn'],
          types: ['figure.changed', 'figure.revised'],
          minAbsChangePercent: 2.5,
        },
        'each',
      ),
    ).toEqual({
      metric: ['cn:城镇登记失业率:%'],
      region: ['cn'],
      type: ['figure.changed', 'figure.revised'],
      absChangePercent: [{ numeric: ['>=', 2.5] }],
    });
  });

  it('asks a digest subscription for digests, its types then on the change types a digest lists', () => {
    expect(
      filterPolicyFor({ regions: ['cn'], types: ['figure.changed'], minAbsChangePercent: 2.5 }, 'digest'),
    ).toEqual({
      region: ['cn'],
      changeType: ['figure.changed'],
      type: ['brief.digest'],
      absChangePercent: [{ numeric: ['>=', 2.5] }],
    });
    expect(filterPolicyFor({}, 'digest')).toEqual({ type: ['brief.digest'] });
  });

  it('lets any change, and no digest, through to a subscription to each change with no filter', () => {
    expect(filterPolicyFor({}, 'each')).toEqual({ type: [{ prefix: 'figure.' }] });
    for (const each of [change(), addedChange(), change({ type: 'figure.backfilled' })]) {
      expect(delivers({}, 'each', messageAttributesFor(each))).toBe(true);
    }
    expect(delivers({}, 'each', digestAttributesFor(digestOf([change()])))).toBe(false);
    expect(delivers({ types: ['figure.changed'] }, 'each', digestAttributesFor(digestOf([change()])))).toBe(
      false,
    );
  });

  it('lets no single change through to a digest subscription', () => {
    for (const filter of [{}, { types: ['figure.changed' as const] }, { regions: ['cn'] }]) {
      expect(delivers(filter, 'digest', messageAttributesFor(change()))).toBe(false);
      expect(delivers(filter, 'digest', digestAttributesFor(digestOf([change()])))).toBe(true);
    }
  });

  it('sends a digest when its changes, all of them counted, pass each key of the filter', () => {
    const attributes = digestAttributesFor(digestOf([change(), fall]));
    expect(delivers({ metrics: ['cn:jobs:people'] }, 'digest', attributes)).toBe(true);
    expect(delivers({ regions: ['大连'] }, 'digest', attributes)).toBe(true);
    expect(delivers({ types: ['figure.changed'] }, 'digest', attributes)).toBe(true);
    expect(delivers({ minAbsChangePercent: 12.5 }, 'digest', attributes)).toBe(true);
    expect(delivers({ metrics: ['cn:other:%'] }, 'digest', attributes)).toBe(false);
    expect(delivers({ types: ['figure.revised'] }, 'digest', attributes)).toBe(false);
    expect(delivers({ minAbsChangePercent: 12.6 }, 'digest', attributes)).toBe(false);
    expect(delivers({ regions: ['大连'], minAbsChangePercent: 20 }, 'digest', attributes)).toBe(false);
  });

  it('sends a digest of first values only to subscriptions without a minimum change, as for each change', () => {
    const attributes = digestAttributesFor(digestOf([addedChange()]));
    expect(delivers({}, 'digest', attributes)).toBe(true);
    expect(delivers({ minAbsChangePercent: 0 }, 'digest', attributes)).toBe(false);
    expect(delivers({ minAbsChangePercent: 0 }, 'each', messageAttributesFor(addedChange()))).toBe(false);
  });

  it('filters on attributes the publisher actually sets, for either delivery', () => {
    const filter = {
      metrics: ['m'],
      regions: ['r'],
      types: ['figure.added' as const],
      minAbsChangePercent: 1,
    };
    const changeAttributes = Object.keys(messageAttributesFor(change()));
    for (const key of Object.keys(filterPolicyFor(filter, 'each'))) expect(changeAttributes).toContain(key);
    const digestAttributes = Object.keys(digestAttributesFor(digestOf([change()])));
    for (const key of Object.keys(filterPolicyFor(filter, 'digest'))) expect(digestAttributes).toContain(key);
  });

  it('accepts exactly 150 value combinations and refuses 151 or more, naming the fields', () => {
    const values = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    for (const delivery of ['each', 'digest'] as const) {
      expect(() =>
        filterPolicyFor({ metrics: values('m', 50), regions: values('r', 3) }, delivery),
      ).not.toThrow();
      const tooMany = () => filterPolicyFor({ metrics: values('m', 16), regions: values('r', 10) }, delivery);
      expect(tooMany).toThrow(SubscriptionFilterError);
      expect(tooMany).toThrow(/160 value combinations \(16 metrics × 10 regions\)/);
    }
  });

  it.each([
    [{ metrics: [] }, 'filter.metrics'],
    [{ regions: ['  '] }, 'filter.regions'],
    [{ minAbsChangePercent: -1 }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: Number.NaN }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: 0.123456 }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: 2e9 }, 'filter.minAbsChangePercent'],
  ])('refuses %j, naming %s', (filter, field) => {
    const attempt = () => filterPolicyFor(filter, 'each');
    expect(attempt).toThrow(SubscriptionFilterError);
    expect(attempt).toThrow(field);
  });

  it('refuses an unknown event type with the value received', () => {
    const filter = JSON.parse('{"types":["figure.deleted"]}');
    expect(() => filterPolicyFor(filter, 'digest')).toThrow(/filter\.types.*figure\.deleted/);
  });
});

describe('subscriptionOfPolicy', () => {
  it('reads back the delivery and filter every policy it made stands for', () => {
    const filters: SubscriptionFilter[] = [
      {},
      { metrics: ['cn:jobs:people'] },
      { regions: ['大连', 'cn'], types: ['figure.changed', 'figure.added'], minAbsChangePercent: 0.5 },
    ];
    for (const filter of filters) {
      for (const delivery of ['each', 'digest'] as const) {
        expect(subscriptionOfPolicy(JSON.stringify(filterPolicyFor(filter, delivery)))).toEqual({
          delivery,
          filter,
        });
      }
    }
  });

  it('reads a policy from before digests, or none, or one set by hand, as each change, keeping what it can', () => {
    expect(subscriptionOfPolicy(undefined)).toEqual({ delivery: 'each', filter: {} });
    expect(subscriptionOfPolicy('{"region":["cn"]}')).toEqual({
      delivery: 'each',
      filter: { regions: ['cn'] },
    });
    expect(
      subscriptionOfPolicy(
        '{"region":[{"prefix":"c"}],"absChangePercent":[{"numeric":["<",3]}],"kind":["count"]}',
      ),
    ).toEqual({ delivery: 'each', filter: {} });
  });
});
