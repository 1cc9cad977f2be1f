// What a subscription request may say: for the editors' route, every protocol; for the readers' route, email.
import * as z from 'zod/mini';
import { changeTypes } from '../core/model.ts';
import {
  type Delivery,
  deliveries,
  type SubscriptionFilter,
  type SubscriptionRequest,
} from '../core/ports.ts';

const filterSchema = z.strictObject({
  metrics: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(512))).check(z.minLength(1), z.maxLength(100)),
  ),
  regions: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.minLength(1), z.maxLength(50)),
  ),
  types: z.optional(z.array(z.enum(changeTypes)).check(z.minLength(1))),
  minAbsChangePercent: z.optional(z.number().check(z.minimum(0), z.maximum(1e6))),
});

const choices = { filter: z.optional(filterSchema), delivery: z.optional(z.enum(deliveries)) };

export const emailSubscriptionSchema = z.strictObject({
  protocol: z.literal('email'),
  endpoint: z.email(),
  ...choices,
});

export const subscriptionSchema = z.discriminatedUnion('protocol', [
  emailSubscriptionSchema,
  z.strictObject({ protocol: z.literal('http'), endpoint: z.url({ protocol: /^http$/ }), ...choices }),
  z.strictObject({ protocol: z.literal('https'), endpoint: z.url({ protocol: /^https$/ }), ...choices }),
  z.strictObject({
    protocol: z.literal('sqs'),
    endpoint: z
      .string()
      .check(
        z.regex(
          /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/,
          'must be an SQS queue ARN',
        ),
      ),
    ...choices,
  }),
]);

/**
 * People read mail: one digest per brief revision, not one mail per figure (a brief of eight figures would send
 * eight). Machines handle each change as an event of its own.
 */
export function defaultDeliveryFor(protocol: SubscriptionRequest['protocol']): Delivery {
  return protocol === 'email' ? 'digest' : 'each';
}

export function subscriptionRequestOf(parsed: z.output<typeof subscriptionSchema>): SubscriptionRequest {
  return {
    protocol: parsed.protocol,
    endpoint: parsed.endpoint,
    // zod leaves an optional key out rather than setting it to undefined, as SubscriptionFilter wants.
    ...(parsed.filter === undefined ? {} : { filter: parsed.filter as SubscriptionFilter }),
    delivery: parsed.delivery ?? defaultDeliveryFor(parsed.protocol),
  };
}
