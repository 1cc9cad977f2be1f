// How often two careful readers name a figure alike, under the scorer's own rule: a ceiling for the label score of
// extract-labeled.test.ts. A second reader labelled the figures of each blind split from the briefs alone (the
// labelling guide and the conventions in hand, never the writer's labels); their labels are in
// labeled/second-reader/<split>. All readers were helper sessions of one kind, so two newsroom editors may well
// agree less often than these do.
// QUALITY_REPORT=1 prints the agreement per style.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelAccepted, loadSplit } from '../fixtures/extract/labeled.ts';

const labeledRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'extract', 'labeled');
const secondReaderSchema = z.object({
  briefs: z.array(z.object({ id: z.string(), labels: z.array(z.string().min(1)) })),
});

/** Agreement measured when each second reader finished, the floor just under it. */
const secondReaders = [
  // 385 of 426 labels (90.4%).
  { split: 'test4', floor: 0.9 },
  // 411 of 465 labels (88.4%).
  { split: 'test5', floor: 0.88 },
] as const;

for (const { split, floor } of secondReaders) {
  const files = loadSplit(join(labeledRoot, split));

  describe.skipIf(files.length === 0)(`a second reader's labels of the ${split} split`, () => {
    const perStyle = new Map<string, { figures: number; agreed: number }>();
    const mismatched: string[] = [];
    for (const file of files) {
      const second = secondReaderSchema.parse(
        JSON.parse(readFileSync(join(labeledRoot, 'second-reader', split, file.name), 'utf8')),
      );
      const tally = perStyle.get(file.style) ?? { figures: 0, agreed: 0 };
      file.briefs.forEach((brief, index) => {
        const labels = second.briefs[index];
        if (labels?.id !== brief.id || labels.labels.length !== brief.figures.length) {
          mismatched.push(`${file.name} ${brief.id}`);
          return;
        }
        brief.figures.forEach((figure, at) => {
          tally.figures++;
          if (labelAccepted(labels.labels[at] ?? '', figure)) tally.agreed++;
        });
      });
      perStyle.set(file.style, tally);
    }
    const figures = [...perStyle.values()].reduce((sum, tally) => sum + tally.figures, 0);
    const agreed = [...perStyle.values()].reduce((sum, tally) => sum + tally.agreed, 0);
    if (process.env.QUALITY_REPORT === '1') {
      console.table(
        Object.fromEntries(
          [...perStyle, ['all', { figures, agreed }] as const].map(([style, tally]) => [
            style,
            { figures: tally.figures, agreement: `${((100 * tally.agreed) / tally.figures).toFixed(1)}%` },
          ]),
        ),
      );
    }

    it('has one label for every figure of every brief of the split', () => {
      expect(mismatched).toEqual([]);
    });

    it(`agrees with the writer on at least ${floor * 100}% of labels`, () => {
      expect(agreed / figures).toBeGreaterThanOrEqual(floor);
    });
  });
}
