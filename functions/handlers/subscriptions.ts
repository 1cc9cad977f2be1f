// The editors' subscription routes: subscribe any endpoint (POST), list the topic's subscriptions (GET), delete
// one (DELETE /subscriptions/{id}).
import * as z from 'zod/mini';
import { NotFoundError } from '../core/errors.ts';
import type { Subscriber, SubscriptionDirectory, SubscriptionSummary } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import { subscriptionDependencies } from '../wiring/subscriptions.ts';
import { httpHandler, json, jsonBody, pathParameter } from './http.ts';
import { subscriptionRequestOf, subscriptionSchema } from './subscription-request.ts';

const listQuery = z.object({ after: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))) });
// SNS names subscriptions `<topic ARN>:<uuid>`; the id is the uuid.
const subscriptionId = z.guid('must be the id of a subscription, as GET /subscriptions lists it');

/**
 * An address partly hidden, `d***@example.com`: an editor recognizes a subscriber, and a leaked listing or a
 * screen shared does not hand out readers' addresses.
 */
export function maskedEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 1 ? '***' : `${address.slice(0, 1)}***${address.slice(at)}`;
}

function view(subscription: SubscriptionSummary) {
  const { id, protocol, endpoint, confirmed, delivery, filter } = subscription;
  return {
    id: id ?? null,
    protocol,
    endpoint: protocol.startsWith('email') ? maskedEmail(endpoint) : endpoint,
    status: confirmed ? 'confirmed' : 'pending_confirmation',
    delivery: delivery ?? null,
    filter: filter ?? null,
  };
}

const noStore = { 'cache-control': 'no-store' };

export interface SubscriptionDeps {
  subscriber: Subscriber & SubscriptionDirectory;
}

export function makeSubscriptionHandler(deps: SubscriptionDeps) {
  return httpHandler(async (event) => {
    switch (event.routeKey) {
      case 'POST /subscriptions': {
        const request = subscriptionRequestOf(parseWith(subscriptionSchema, jsonBody(event), 'subscription'));
        const { subscriptionArn } = await deps.subscriber.subscribe(request);
        return json(201, {
          subscriptionArn,
          status: subscriptionArn === 'pending confirmation' ? 'pending_confirmation' : 'confirmed',
          protocol: request.protocol,
          endpoint: request.endpoint,
          delivery: request.delivery,
        });
      }
      case 'GET /subscriptions': {
        const { after } = parseWith(listQuery, event.queryStringParameters ?? {}, 'query');
        const page = await deps.subscriber.list(after === undefined ? {} : { after });
        return json(
          200,
          {
            subscriptions: page.items.map(view),
            ...(page.cursor === undefined ? {} : { next: page.cursor }),
          },
          noStore,
        );
      }
      case 'DELETE /subscriptions/{id}': {
        const id = parseWith(subscriptionId, pathParameter(event, 'id'), 'subscription id');
        if ((await deps.subscriber.unsubscribe(id)) === 'not_found') {
          throw new NotFoundError(`no confirmed subscription with id ${JSON.stringify(id)}`);
        }
        return { statusCode: 204, headers: noStore };
      }
      default:
        throw new NotFoundError(`no route ${event.routeKey}`);
    }
  });
}

export const handler = makeSubscriptionHandler(subscriptionDependencies());
