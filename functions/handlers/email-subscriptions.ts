// POST /email-subscriptions: readers subscribe an email address themselves, with no editor's token. SNS mails the
// address a confirmation link and sends nothing else until it is followed (double opt-in), and the route is
// throttled hard: at worst it sends a few confirmation mails.
import type { Subscriber } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import { subscriptionDependencies } from '../wiring/subscriptions.ts';
import { httpHandler, json, jsonBody } from './http.ts';
import { emailSubscriptionSchema, subscriptionRequestOf } from './subscription-request.ts';

export function makeEmailSubscriptionHandler(deps: { subscriber: Subscriber }) {
  return httpHandler(async (event) => {
    const request = subscriptionRequestOf(
      parseWith(emailSubscriptionSchema, jsonBody(event), 'email subscription'),
    );
    await deps.subscriber.subscribe(request);
    // The same answer whether the address was new, pending or confirmed: the route tells nobody who subscribed.
    return json(202, { status: 'accepted', delivery: request.delivery });
  });
}

export const handler = makeEmailSubscriptionHandler(subscriptionDependencies());
