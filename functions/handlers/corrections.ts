// Editors' corrections: aliases of labels (GET/POST /aliases, DELETE /aliases/{from}), and a metric renamed or
// merged into another (POST /metrics/{key}/rename, /metrics/{key}/merge).
import * as z from 'zod/mini';
import {
  aliasRequestSchema,
  aliasTable,
  assertAliasFits,
  labelSchema,
  parseAliasFrom,
} from '../core/aliases.ts';
import { NotFoundError } from '../core/errors.ts';
import { type MergeOutcome, mergeMetric, renameMetric } from '../core/merge-metrics.ts';
import type { AliasTable } from '../core/metric-key.ts';
import type { AliasStore, MetricStore } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import { correctionsDependencies } from '../wiring/corrections.ts';
import { httpHandler, json, jsonBody, pathParameter } from './http.ts';

export interface CorrectionsDeps {
  aliases: AliasStore;
  /** The aliases shipped in data/aliases.json; stored ones override them. */
  defaultAliases: AliasTable;
  metrics: MetricStore;
  now: () => Date;
}

const renameSchema = z.strictObject({ label: labelSchema });
const mergeSchema = z.strictObject({ into: z.string().check(z.minLength(1), z.maxLength(512)) });
const noStore = { 'cache-control': 'no-store' };

function mergeAnswer({ from, into, copied, head }: MergeOutcome) {
  const { pending: _pending, ...metric } = head;
  return { from, into, copied, metric };
}

export function makeCorrectionsHandler(deps: CorrectionsDeps) {
  return httpHandler(async (event) => {
    switch (event.routeKey) {
      case 'GET /aliases': {
        const aliases = (await deps.aliases.listAliases()).sort((a, b) => (a.from < b.from ? -1 : 1));
        const defaults = Object.entries(deps.defaultAliases).map(([from, to]) => ({ from, to }));
        return json(200, { aliases, defaults }, noStore);
      }
      case 'POST /aliases': {
        const request = parseWith(aliasRequestSchema, jsonBody(event), 'alias');
        assertAliasFits(request, deps.defaultAliases, await deps.aliases.listAliases());
        const alias = { ...request, updatedAt: deps.now().toISOString() };
        const replaced = await deps.aliases.putAlias(alias);
        return json(
          replaced === undefined ? 201 : 200,
          { alias },
          {
            ...noStore,
            location: `/aliases/${encodeURIComponent(alias.from)}`,
          },
        );
      }
      case 'DELETE /aliases/{from}': {
        const from = parseAliasFrom(pathParameter(event, 'from'));
        if (!(await deps.aliases.deleteAlias(from))) {
          const shipped = Object.hasOwn(deps.defaultAliases, from)
            ? ' (data/aliases.json has one: it stays)'
            : '';
          throw new NotFoundError(`no stored alias of ${JSON.stringify(from)}${shipped}`);
        }
        return { statusCode: 204, headers: noStore };
      }
      case 'POST /metrics/{key}/rename': {
        const metric = pathParameter(event, 'key');
        const { label } = parseWith(renameSchema, jsonBody(event), 'rename');
        // Read now, not from a cache: the new key is the one the next upload will give this label.
        const aliases = aliasTable(deps.defaultAliases, await deps.aliases.listAliases());
        const outcome = await renameMetric(deps.metrics, { metric, label, aliases }, deps.now);
        return json(200, mergeAnswer(outcome), noStore);
      }
      case 'POST /metrics/{key}/merge': {
        const from = pathParameter(event, 'key');
        const { into } = parseWith(mergeSchema, jsonBody(event), 'merge');
        const outcome = await mergeMetric(deps.metrics, { from, into, createInto: false }, deps.now);
        return json(200, mergeAnswer(outcome), noStore);
      }
      default:
        throw new NotFoundError(`no route ${event.routeKey}`);
    }
  });
}

export const handler = makeCorrectionsHandler(correctionsDependencies());
