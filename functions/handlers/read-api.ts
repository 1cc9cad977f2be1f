// The read-only API: briefs, metrics with their history, the change log as published events, and health.

import { z } from 'zod';
import { readDependencies } from '../composition-root.ts';
import { NotFoundError } from '../core/errors.ts';
import { toCloudEvent } from '../core/events.ts';
import { changeByEventId } from '../core/observations.ts';
import type { BriefStore, ChangeLog, MetricStore } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import { changeFilterOf } from './change-filter.ts';
import { httpHandler, json, pathParameter, queryInt } from './http.ts';

export interface ReadDeps {
  briefs: BriefStore;
  metrics: MetricStore;
  changes: ChangeLog;
}

const cursorQuery = z.object({ after: z.string().min(1).max(512).optional() });

const cacheShort = { 'cache-control': 'public, max-age=5' };

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
        const head = await deps.metrics.getHead(metric);
        if (head === undefined) throw new NotFoundError(`no metric with key ${JSON.stringify(metric)}`);
        const limit = queryInt(event, 'limit', 50, 200);
        const before = event.queryStringParameters?.before;
        const history = await deps.metrics.history(metric, {
          limit,
          ...(before === undefined ? {} : { before }),
        });
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
        return json(200, {
          changes: page.items.map(toCloudEvent),
          ...(page.cursor === undefined ? {} : { next: page.cursor }),
        });
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

export const handler = makeReadHandler(readDependencies());
