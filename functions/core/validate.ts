// zod at the boundary: errors name the field and the value received.

import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { ValidationError } from './errors.ts';

// zod/mini leaves its messages to a locale, to keep bundles small: English, as the classic build says them.
z.config(en());

/** A short, printable rendering of the value at `path` in `input`, for error messages that name what was received. */
export function describeReceived(input: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return 'nothing';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Any zod schema, zod/mini's as the functions use or the classic ones infra uses. */
export function parseWith<T extends z.core.$ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return { path, message: `${issue.message} (received ${describeReceived(input, issue.path)})` };
  });
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new ValidationError(`invalid ${what}: ${summary}`, issues);
}
