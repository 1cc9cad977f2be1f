// A subscription's filter, as the SNS filter policy on the message attributes that message.ts sets.
import { ValidationError } from '../../core/errors.ts';
import { changeTypes } from '../../core/model.ts';
import type { SubscriptionFilter } from '../../core/ports.ts';
import { filterPolicyLimits, numericMatching } from './limits.ts';

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
 * The SNS filter policy for a subscription filter; `{}` means no filter, so leave the FilterPolicy attribute
 * unset. At most four keys, under SNS's five; the value combinations are checked against SNS's limit.
 */
export function filterPolicyFor(filter: SubscriptionFilter): Record<string, unknown> {
  const policy: Record<string, unknown[]> = {};
  const counted: [keyof SubscriptionFilter, number][] = [];
  const listed: [keyof SubscriptionFilter, string, readonly string[] | undefined][] = [
    ['metrics', 'metric', filter.metrics],
    ['regions', 'region', filter.regions],
    ['types', 'type', filter.types],
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
