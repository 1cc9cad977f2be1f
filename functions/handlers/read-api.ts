// The read-only API: briefs, metrics with their history, the change log as published events, and health.
import * as z from 'zod/mini';
import { NotFoundError, ValidationError } from '../core/errors.ts';
import { toCloudEvent } from '../core/events.ts';
import { changeByEventId } from '../core/observations.ts';
import type { BriefStore, ChangeLog, MetricStore } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import { readApiDependencies } from '../wiring/read-api.ts';
import { changeFilterOf } from './change-filter.ts';
import { type HttpEvent, httpHandler, json, queryInt } from './http.ts';

export interface ReadDeps {
  briefs: BriefStore;
  metrics: MetricStore;
  changes: ChangeLog;
}

const cursorQuery = z.object({ after: z.optional(z.string().check(z.minLength(1), z.maxLength(512))) });

const cacheShort = { 'cache-control': 'public, max-age=5' };

/**
 * More than any brief id (128 characters), metric key or event id the system makes, and within DynamoDB's limit on
 * a key (1,024 bytes for a sort key, which a metric key is in the metrics index).
 */
const maxPathParameterBytes = 1000;

/**
 * A path parameter as API Gateway hands it over: already percent-decoded (decoding again would turn a key's own
 * `%` into an error). What no stored item can be keyed on is refused here rather than by DynamoDB.
 */
function pathParameter(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === '') throw new NotFoundError(`missing path parameter ${name}`);
  const bytes = Buffer.byteLength(value, 'utf8');
  const refusal =
    bytes > maxPathParameterBytes
      ? `is ${bytes} bytes long in UTF-8; the limit is ${maxPathParameterBytes}`
      : value.isWellFormed()
        ? undefined
        : 'contains an unpaired surrogate';
  if (refusal !== undefined) {
    const received = `(received ${JSON.stringify(value.slice(0, 80))}${value.length > 80 ? '...' : ''})`;
    throw new ValidationError(`path parameter ${name} ${refusal} ${received}`, [
      { path: name, message: `${refusal} ${received}` },
    ]);
  }
  return value;
}

export function makeReadHandler(deps: ReadDeps) {
  return httpHandler(async (event) => {
    switch (event.routeKey) {
      case 'GET /briefs/{id}': {
        const id = pathParameter(event, 'id');
        const revision = await deps.briefs.latestRevision(id);
        if (revision === undefined) throw new NotFoundError(`no brief with id ${JSON.stringify(id)}`);
        return json(200, revision, cacheShort);
      }
      case 'GET /metrics': {
        const limit = queryInt(event, 'limit', 50, 200);
        const after = event.queryStringParameters?.after;
        const page = await deps.metrics.listHeads({ limit, ...(after === undefined ? {} : { after }) });
        const metrics = page.items.map(({ pending: _pending, ...head }) => head);
        return json(
          200,
          { metrics, ...(page.cursor === undefined ? {} : { next: page.cursor }) },
          cacheShort,
        );
      }
      case 'GET /metrics/{key}': {
        const metric = pathParameter(event, 'key');
        const limit = queryInt(event, 'limit', 50, 200);
        const before = event.queryStringParameters?.before;
        // Together: a bad `before` is refused whether or not the metric exists, and neither read waits for the other.
        const [head, history] = await Promise.all([
          deps.metrics.getHead(metric),
          deps.metrics.history(metric, { limit, ...(before === undefined ? {} : { before }) }),
        ]);
        if (head === undefined) throw new NotFoundError(`no metric with key ${JSON.stringify(metric)}`);
        const { pending: _pending, ...summary } = head;
        return json(
          200,
          {
            metric: summary,
            history: history.items.map(({ observation, change }) => ({ observation, change })),
            ...(history.cursor === undefined ? {} : { next: history.cursor }),
          },
          cacheShort,
        );
      }
      case 'GET /changes': {
        const { after } = parseWith(cursorQuery, event.queryStringParameters ?? {}, 'query');
        const limit = queryInt(event, 'limit', 100, 1000);
        const page = await deps.changes.changesAfter({
          ...changeFilterOf(event),
          ...(after === undefined ? {} : { after }),
          limit,
        });
        // The very events the topic carried, built by the same function from the same stored change.
        return json(
          200,
          {
            changes: page.items.map(toCloudEvent),
            ...(page.cursor === undefined ? {} : { next: page.cursor }),
          },
          cacheShort,
        );
      }
      case 'GET /changes/{id}': {
        const id = pathParameter(event, 'id');
        const change = await changeByEventId(id, deps);
        if (change === undefined) throw new NotFoundError(`no change event with id ${JSON.stringify(id)}`);
        return json(200, toCloudEvent(change), cacheShort);
      }
      case 'GET /healthz': {
        await deps.metrics.listHeads({ limit: 1 });
        return json(200, { status: 'ok' }, { 'cache-control': 'no-store' });
      }
      default:
        throw new NotFoundError(`no route ${event.routeKey}`);
    }
  });
}

export const handler = makeReadHandler(readApiDependencies());
