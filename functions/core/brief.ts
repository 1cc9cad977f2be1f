// The Brief as editors send it, validated at the boundary.
import { z } from 'zod';

/** C0 controls other than tab, newline and carriage return, and DEL, have no place in a brief. */
export function firstControlCharacter(text: string): number | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return code;
  }
  return undefined;
}

const cleanText = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, context) => {
      const control = firstControlCharacter(text);
      if (control !== undefined) {
        context.addIssue({
          code: 'custom',
          message: `contains the control character U+${control.toString(16).toUpperCase().padStart(4, '0')}`,
        });
      }
      if (!text.isWellFormed())
        context.addIssue({ code: 'custom', message: 'contains an unpaired surrogate' });
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
