// The Brief as editors send it, validated at the boundary.
import * as z from 'zod/mini';
import { languages } from './model.ts';

/** C0 controls other than tab, newline and carriage return, and DEL, have no place in a brief. */
export function firstControlCharacter(text: string): number | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return code;
  }
  return undefined;
}

/** Text of at most `max` characters, without control characters or unpaired surrogates. */
export const cleanText = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.superRefine((text, context) => {
      const control = firstControlCharacter(text);
      if (control !== undefined) {
        context.addIssue({
          code: 'custom',
          message: `contains the control character U+${control.toString(16).toUpperCase().padStart(4, '0')}`,
        });
      }
      if (!text.isWellFormed())
        context.addIssue({ code: 'custom', message: 'contains an unpaired surrogate' });
    }),
  );

/** Clean text, trimmed, that must not be empty once trimmed. */
const trimmedText = (max: number, message?: string) =>
  z.pipe(cleanText(max), z.string().check(z.trim(), z.minLength(1, message)));

/** What `publishedAt` may be, as error messages and the event contract say it. */
export const publishedAtForms =
  "a date (2020-05-14, the newsroom's day in its time zone) or a date-time with an offset " +
  '(2020-05-14T08:00:00+08:00, or Z for UTC)';

/** A date-time without an offset is refused: its instant would depend on whoever reads it. */
export const publishedAtSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: `must be ${publishedAtForms}` })
  .check(z.meta({ description: `When the brief was published: ${publishedAtForms}, as the editor gave it` }));

export const briefSchema = z.strictObject({
  id: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
          'must be 1-128 letters, digits, dot, dash or underscore',
        ),
      ),
  ),
  headline: trimmedText(500, 'must not be empty'),
  body: trimmedText(200_000, 'must not be empty'),
  publishedAt: publishedAtSchema,
  asOf: z.optional(z.iso.date()),
  region: z.optional(trimmedText(100)),
  source: z.optional(cleanText(200)),
  url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  language: z.optional(z.enum(languages)),
});

export type Brief = z.infer<typeof briefSchema>;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** True for a publication given as a day (2020-05-14) rather than as an instant. */
export const isPublicationDay = (publishedAt: string): boolean => dateOnly.test(publishedAt);

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
function localDay(instant: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const hourMs = 3_600_000;

/**
 * The first instant of a day in a time zone. A search rather than an offset lookup, because a daylight-saving
 * change at midnight makes some days start at 01:00 and others twice.
 */
export function startOfDay(day: string, timeZone: string): Date {
  // UTC offsets lie within -12 h and +14 h: 15 h either side of UTC midnight brackets the local midnight.
  let before = Date.parse(`${day}T00:00:00Z`) - 15 * hourMs;
  let from = before + 30 * hourMs;
  while (from - before > 1) {
    const middle = Math.floor((before + from) / 2);
    if (localDay(middle, timeZone) >= day) from = middle;
    else before = middle;
  }
  return new Date(from);
}

/** The instant a publication stands for: a date-time as given; a day from its start in the newsroom's time zone. */
export function publicationInstant(publishedAt: string, timeZone: string): Date {
  return isPublicationDay(publishedAt) ? startOfDay(publishedAt, timeZone) : new Date(publishedAt);
}
