// POST /subscriptions: an SNS subscription whose filter policy is built from the request.
import * as z from 'zod/mini';
import { changeTypes } from '../core/model.ts';
import type { Subscriber, SubscriptionRequest } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import { subscriptionDependencies } from '../wiring/subscriptions.ts';
import { httpHandler, json, jsonBody } from './http.ts';

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

const subscriptionSchema = z.discriminatedUnion('protocol', [
  z.strictObject({ protocol: z.literal('email'), endpoint: z.email(), filter: z.optional(filterSchema) }),
  z.strictObject({
    protocol: z.literal('http'),
    endpoint: z.url({ protocol: /^http$/ }),
    filter: z.optional(filterSchema),
  }),
  z.strictObject({
    protocol: z.literal('https'),
    endpoint: z.url({ protocol: /^https$/ }),
    filter: z.optional(filterSchema),
  }),
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
    filter: z.optional(filterSchema),
  }),
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
