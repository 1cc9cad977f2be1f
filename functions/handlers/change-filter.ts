// The change filter the feeds and GET /changes take from their query strings: one schema for both.
import { z } from 'zod';
import { changeTypes } from '../core/model.ts';
import type { ChangeFilter } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import type { HttpEvent } from './http.ts';

const changeFilterQuery = z.object({
  metric: z.string().min(1).max(512).optional(),
  region: z.string().min(1).max(100).optional(),
  type: z.enum(changeTypes).optional(),
});

export function changeFilterOf(event: HttpEvent): ChangeFilter {
  const { metric, region, type } = parseWith(changeFilterQuery, event.queryStringParameters ?? {}, 'query');
  return {
    ...(metric === undefined ? {} : { metric }),
    ...(region === undefined ? {} : { region }),
    ...(type === undefined ? {} : { type }),
  };
}
