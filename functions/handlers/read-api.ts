// The read-only API: briefs, metrics with their history, the change log as published events, and health.
import * as z from 'zod/mini';
import { NotFoundError } from '../core/errors.ts';
import { toCloudEvent } from '../core/events.ts';
import { changeByEventId } from '../core/observations.ts';
import type { BriefStore, ChangeLog, MetricStore } from '../core/ports.ts';
import { followMerges } from '../core/redirects.ts';
import { parseWith } from '../core/validate.ts';
import { readApiDependencies } from '../wiring/read-api.ts';
import { changeFilterOf } from './change-filter.ts';
import { httpHandler, json, pathParameter, queryInt } from './http.ts';

export interface ReadDeps {
  briefs: BriefStore;
  metrics: MetricStore;
  changes: ChangeLog;
}

const cursorQuery = z.object({ after: z.optional(z.string().check(z.minLength(1), z.maxLength(512))) });

const cacheShort = { 'cache-control': 'public, max-age=5' };
/** A stored revision never changes; the edge still keeps nothing longer than its own cap. */
const cacheStored = { 'cache-control': 'public, max-age=86400' };

/** Revision numbers as keys.ts pads them: 1 to 999999, written without leading zeros. */
const revisionNumber = /^[1-9]\d{0,5}$/;

export function makeReadHandler(deps: ReadDeps) {
  return httpHandler(async (event) => {
    switch (event.routeKey) {
      case 'GET /briefs/{id}': {
        const id = pathParameter(event, 'id');
        const revision = await deps.briefs.latestRevision(id);
        if (revision === undefined) throw new NotFoundError(`no brief with id ${JSON.stringify(id)}`);
        return json(200, revision, cacheShort);
      }
      case 'GET /briefs/{id}/revisions': {
        const id = pathParameter(event, 'id');
        const limit = queryInt(event, 'limit', 20, 100);
        const before =
          event.queryStringParameters?.before === undefined
            ? undefined
            : queryInt(event, 'before', 1, Number.MAX_SAFE_INTEGER);
        const page = await deps.briefs.revisions(id, { limit, ...(before === undefined ? {} : { before }) });
        if (page.items.length === 0 && before === undefined)
          throw new NotFoundError(`no brief with id ${JSON.stringify(id)}`);
        return json(
          200,
          { revisions: page.items, ...(page.cursor === undefined ? {} : { next: page.cursor }) },
          cacheShort,
        );
      }
      case 'GET /briefs/{id}/revisions/{revision}': {
        const id = pathParameter(event, 'id');
        const number = pathParameter(event, 'revision');
        const revision = revisionNumber.test(number)
          ? await deps.briefs.getRevision(id, Number(number))
          : undefined;
        if (revision === undefined)
          throw new NotFoundError(`brief ${JSON.stringify(id)} has no revision ${JSON.stringify(number)}`);
        return json(200, revision, cacheStored);
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
        if (head.mergedInto !== undefined) {
          // A merged metric answers where its series went, in one hop however many merges led there.
          const into = (await followMerges(deps.metrics, metric, head)).chain.at(-1) ?? head.mergedInto;
          const search = event.rawQueryString ? `?${event.rawQueryString}` : '';
          const location = `/metrics/${encodeURIComponent(into)}${search}`;
          return json(308, { metric, mergedInto: into, location }, { ...cacheShort, location });
        }
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
