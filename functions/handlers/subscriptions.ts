// POST /subscriptions: an SNS subscription whose filter policy is built from the request.
import { z } from 'zod';
import { changeTypes } from '../core/model.ts';
import type { Subscriber, SubscriptionRequest } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import { subscriptionDependencies } from '../wiring/subscriptions.ts';
import { httpHandler, json, jsonBody } from './http.ts';

const filterSchema = z
  .object({
    metrics: z.array(z.string().min(1).max(512)).min(1).max(100).optional(),
    regions: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
    types: z.array(z.enum(changeTypes)).min(1).optional(),
    minAbsChangePercent: z.number().min(0).max(1e6).optional(),
  })
  .strict();

const subscriptionSchema = z.discriminatedUnion('protocol', [
  z.object({ protocol: z.literal('email'), endpoint: z.email(), filter: filterSchema.optional() }).strict(),
  z
    .object({
      protocol: z.literal('http'),
      endpoint: z.url({ protocol: /^http$/ }),
      filter: filterSchema.optional(),
    })
    .strict(),
  z
    .object({
      protocol: z.literal('https'),
      endpoint: z.url({ protocol: /^https$/ }),
      filter: filterSchema.optional(),
    })
    .strict(),
  z
    .object({
      protocol: z.literal('sqs'),
      endpoint: z
        .string()
        .regex(
          /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/,
          'must be an SQS queue ARN',
        ),
      filter: filterSchema.optional(),
    })
    .strict(),
]);

export interface SubscriptionDeps {
  subscriber: Subscriber;
}

export function makeSubscriptionHandler(deps: SubscriptionDeps) {
  return httpHandler(async (event) => {
    const request = parseWith(subscriptionSchema, jsonBody(event), 'subscription') as SubscriptionRequest;
    const { subscriptionArn } = await deps.subscriber.subscribe(request);
    return json(201, {
      subscriptionArn,
      status: subscriptionArn === 'pending confirmation' ? 'pending_confirmation' : 'confirmed',
      protocol: request.protocol,
      endpoint: request.endpoint,
    });
  });
}

export const handler = makeSubscriptionHandler(subscriptionDependencies());
