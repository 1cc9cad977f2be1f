// A subscription's filter and delivery, as the SNS filter policy on the message attributes that message.ts sets,
// and back from it.
import * as z from 'zod/mini';
import { ValidationError } from '../../core/errors.ts';
import { DIGEST_EVENT_TYPE } from '../../core/events.ts';
import { type ChangeType, changeTypes } from '../../core/model.ts';
import type { Delivery, SubscriptionFilter } from '../../core/ports.ts';
import { filterPolicyLimits, numericMatching } from './limits.ts';

/** Every change type starts so, and a digest's does not: one value that lets every change through, and no digest. */
const changeTypePrefix = 'figure.';

/** A filter SNS would refuse, or that would never match: a 400 for the subscriber, naming the field. */
export class SubscriptionFilterError extends ValidationError {
  override name = 'SubscriptionFilterError';
}

function filterValues(field: keyof SubscriptionFilter, values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  if (unique.length === 0) {
    throw new SubscriptionFilterError(`filter.${field} must list at least one value: received []`, [
      { path: `filter.${field}`, message: 'must list at least one value' },
    ]);
  }
  const blank = unique.find((value) => value.trim() === '');
  if (blank !== undefined) {
    throw new SubscriptionFilterError(
      `filter.${field} must not contain blank values: received ${JSON.stringify(blank)}`,
      [{ path: `filter.${field}`, message: 'must not contain blank values' }],
    );
  }
  return unique;
}

function thresholdOf(minAbsChangePercent: number): number {
  const { max, decimals } = numericMatching;
  const valid =
    Number.isFinite(minAbsChangePercent) &&
    minAbsChangePercent >= 0 &&
    minAbsChangePercent <= max &&
    Number(minAbsChangePercent.toFixed(decimals)) === minAbsChangePercent;
  if (!valid) {
    const message = `must be a number from 0 to ${max} with at most ${decimals} decimals`;
    throw new SubscriptionFilterError(
      `filter.minAbsChangePercent ${message}: received ${minAbsChangePercent}`,
      [{ path: 'filter.minAbsChangePercent', message }],
    );
  }
  return minAbsChangePercent;
}

/**
 * The SNS filter policy for a subscription: its filter on the attributes changes and digests share (metric,
 * region, absChangePercent), and its delivery on `type`. Each change: the types asked for, or any change type;
 * digest: the digest type, the change types asked for then on the digest's `changeType`. So neither kind of
 * subscriber receives the other kind of message. At most five keys, SNS's limit; the value combinations are
 * checked against SNS's limit.
 */
export function filterPolicyFor(filter: SubscriptionFilter, delivery: Delivery): Record<string, unknown> {
  const policy: Record<string, unknown[]> = {};
  const counted: [keyof SubscriptionFilter, number][] = [];
  const listed: [keyof SubscriptionFilter, string, readonly string[] | undefined][] = [
    ['metrics', 'metric', filter.metrics],
    ['regions', 'region', filter.regions],
    ['types', delivery === 'digest' ? 'changeType' : 'type', filter.types],
  ];
  for (const [field, attribute, values] of listed) {
    if (values === undefined) continue;
    const unique = filterValues(field, values);
    policy[attribute] = unique;
    counted.push([field, unique.length]);
  }
  const unknownType = filter.types?.find((type) => !changeTypes.includes(type));
  if (unknownType !== undefined) {
    throw new SubscriptionFilterError(
      `filter.types must hold event types: received ${JSON.stringify(unknownType)}`,
      [{ path: 'filter.types', message: `must be one of ${changeTypes.join(', ')}` }],
    );
  }
  if (delivery === 'digest') policy.type = [DIGEST_EVENT_TYPE];
  else policy.type ??= [{ prefix: changeTypePrefix }];
  if (filter.minAbsChangePercent !== undefined) {
    policy.absChangePercent = [{ numeric: ['>=', thresholdOf(filter.minAbsChangePercent)] }];
  }
  const combinations = counted.reduce((product, [, count]) => product * count, 1);
  if (combinations > filterPolicyLimits.maxCombinations) {
    const breakdown = counted.map(([field, count]) => `${count} ${field}`).join(' × ');
    throw new SubscriptionFilterError(
      `filter has ${combinations} value combinations (${breakdown}), over SNS's ` +
        `${filterPolicyLimits.maxCombinations}: list fewer metrics, regions or types`,
      counted.map(([field, count]) => ({ path: `filter.${field}`, message: `${count} values` })),
    );
  }
  return policy;
}

const strings = z.catch(z.optional(z.array(z.string())), undefined);
/** What filterPolicyFor makes; other keys and shapes, in a policy set by hand, are ignored. */
const madePolicySchema = z.object({
  metric: strings,
  region: strings,
  type: z.catch(z.optional(z.array(z.unknown())), undefined),
  changeType: strings,
  absChangePercent: z.catch(
    z.optional(z.tuple([z.object({ numeric: z.tuple([z.literal('>='), z.number()]) })])),
    undefined,
  ),
});

const isChangeType = (value: unknown): value is ChangeType => changeTypes.includes(value as ChangeType);

/**
 * The delivery and filter a subscription's policy stands for, read back from SNS (the policy is where they are
 * kept: nothing else stores subscriptions). A policy without a `type` key is from before digests: it receives
 * changes and digests alike, and reads as `each`.
 */
export function subscriptionOfPolicy(policyJson: string | undefined): {
  delivery: Delivery;
  filter: SubscriptionFilter;
} {
  let parsed: unknown = {};
  try {
    parsed = policyJson === undefined || policyJson === '' ? {} : JSON.parse(policyJson);
  } catch {
    // SNS only holds policies it could parse; an unreadable one reads as no filter.
  }
  const policy = z.parse(z.catch(madePolicySchema, {}), parsed);
  const digest = policy.type?.includes(DIGEST_EVENT_TYPE) ?? false;
  const types = (digest ? policy.changeType : policy.type)?.filter(isChangeType);
  const minimum = policy.absChangePercent?.[0].numeric[1];
  return {
    delivery: digest ? 'digest' : 'each',
    filter: {
      ...(policy.metric === undefined ? {} : { metrics: policy.metric }),
      ...(policy.region === undefined ? {} : { regions: policy.region }),
      ...(types === undefined || types.length === 0 ? {} : { types }),
      ...(minimum === undefined ? {} : { minAbsChangePercent: minimum }),
    },
  };
}
