// The change filter the feeds and GET /changes take from their query strings: one schema for both.
import * as z from 'zod/mini';
import { changeTypes } from '../core/model.ts';
import type { ChangeFilter } from '../core/ports.ts';
import { parseWith } from '../core/validate.ts';
import type { HttpEvent } from './http.ts';

const changeFilterQuery = z.object({
  metric: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  region: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  type: z.optional(z.enum(changeTypes)),
});

export function changeFilterOf(event: HttpEvent): ChangeFilter {
  const { metric, region, type } = parseWith(changeFilterQuery, event.queryStringParameters ?? {}, 'query');
  return {
    ...(metric === undefined ? {} : { metric }),
    ...(region === undefined ? {} : { region }),
    ...(type === undefined ? {} : { type }),
  };
}
