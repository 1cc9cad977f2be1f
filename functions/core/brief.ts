// The Brief as editors send it, validated at the boundary.
import { z } from 'zod';

// C0 controls other than tab, newline and carriage return, DEL, and unpaired surrogates have no place in a brief.
const forbiddenCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const cleanText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !forbiddenCharacters.test(text), {
      message: 'contains a control character or an unpaired surrogate',
    });

export const briefSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'must be 1-128 letters, digits, dot, dash or underscore')
      .optional(),
    headline: cleanText(500).pipe(z.string().trim().min(1, 'must not be empty')),
    body: cleanText(200_000).pipe(z.string().trim().min(1, 'must not be empty')),
    publishedAt: z.iso.datetime({ offset: true }),
    asOf: z.iso.date().optional(),
    region: cleanText(100).pipe(z.string().trim().min(1)).optional(),
    source: cleanText(200).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    language: z.enum(['zh', 'en']).optional(),
  })
  .strict();

export type Brief = z.infer<typeof briefSchema>;
