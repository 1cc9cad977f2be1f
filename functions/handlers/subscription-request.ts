// What a subscription request may say: for the editors' route, every protocol; for the readers' route, email.
import { z } from 'zod';
import { changeTypes } from '../core/model.ts';
import {
  type Delivery,
  deliveries,
  type SubscriptionFilter,
  type SubscriptionRequest,
} from '../core/ports.ts';

const filterSchema = z
  .object({
    metrics: z.array(z.string().min(1).max(512)).min(1).max(100).optional(),
    regions: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
    types: z.array(z.enum(changeTypes)).min(1).optional(),
    minAbsChangePercent: z.number().min(0).max(1e6).optional(),
  })
  .strict();

const choices = { filter: filterSchema.optional(), delivery: z.enum(deliveries).optional() };

export const emailSubscriptionSchema = z
  .object({ protocol: z.literal('email'), endpoint: z.email(), ...choices })
  .strict();

export const subscriptionSchema = z.discriminatedUnion('protocol', [
  emailSubscriptionSchema,
  z.object({ protocol: z.literal('http'), endpoint: z.url({ protocol: /^http$/ }), ...choices }).strict(),
  z.object({ protocol: z.literal('https'), endpoint: z.url({ protocol: /^https$/ }), ...choices }).strict(),
  z
    .object({
      protocol: z.literal('sqs'),
      endpoint: z
        .string()
        .regex(
          /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/,
          'must be an SQS queue ARN',
        ),
      ...choices,
    })
    .strict(),
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
