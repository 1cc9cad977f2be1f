// The blind judge's verdicts (labeled/judged/<split>, written with scripts/label-judging.ts): that each judged file
// lines up with its labeled file, and how the judge rated each source's labels. The judge saw every candidate label
// of a figure in an order that hid its source; on a blind split the writer's and the second reader's labels were
// judged beside the extractor's, so the rate at which the judge accepts human labels calibrates the judged score of
// extract-labeled.test.ts. QUALITY_REPORT=1 prints the rates.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { extractFigures } from '../../functions/core/extract/index.ts';
import {
  type Extract,
  type JudgedFile,
  lightLabel,
  loadJudged,
  loadSplit,
  scoreFile,
} from '../fixtures/extract/labeled.ts';

const labeledRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'extract', 'labeled');
const judgedRoot = join(labeledRoot, 'judged');
const judgedSplits = existsSync(judgedRoot) ? readdirSync(judgedRoot).sort() : [];
const secondReaderSchema = z.object({
  briefs: z.array(z.object({ id: z.string(), labels: z.array(z.string()) })),
});
const extract: Extract = (text, context) => extractFigures(text, { ...context, aliases: defaultAliases });

/**
 * Floors on the judge's acceptance of the writers' labels where all of them were judged (a blind split), just
 * under what was measured when the verdicts were written: a judge who rejected many careful human labels would be
 * applying a standard other than the guide's.
 */
const writerAcceptanceFloors: Record<string, number> = {
  test5: 0.95,
  test6: 0.95,
  test7: 0.98,
};

type Source = 'writer' | 'second reader' | 'extractor';
type Tally = Record<Source, { judged: number; accepted: number }>;

function tally(split: string): { tally: Tally; misaligned: string[] } {
  const counts: Tally = {
    writer: { judged: 0, accepted: 0 },
    'second reader': { judged: 0, accepted: 0 },
    extractor: { judged: 0, accepted: 0 },
  };
  const misaligned: string[] = [];
  for (const file of loadSplit(join(labeledRoot, split))) {
    const judged: JudgedFile | undefined = loadJudged(join(judgedRoot, split), file.name);
    if (judged === undefined) continue;
    const secondPath = join(labeledRoot, 'second-reader', split, file.name);
    const second = existsSync(secondPath)
      ? secondReaderSchema.parse(JSON.parse(readFileSync(secondPath, 'utf8')))
      : undefined;
    const found = scoreFile(file, extract).figures;
    let at = 0;
    file.briefs.forEach((brief, briefIndex) => {
      const verdicts = judged.briefs[briefIndex];
      if (verdicts?.id !== brief.id || verdicts.figures.length !== brief.figures.length) {
        misaligned.push(`${file.name} ${brief.id}`);
      }
      brief.figures.forEach((figure, figureIndex) => {
        const extractorLabel = found[at++]?.found?.label;
        const figureVerdicts = verdicts?.figures[figureIndex];
        const rate = (source: Source, label: string | undefined) => {
          if (label === undefined || figureVerdicts === undefined) return;
          const light = lightLabel(label);
          const accepted = figureVerdicts.acceptable.some((judgedLabel) => lightLabel(judgedLabel) === light);
          const rejected = figureVerdicts.unacceptable.some(
            (judgedLabel) => lightLabel(judgedLabel) === light,
          );
          if (!accepted && !rejected) return;
          counts[source].judged++;
          if (accepted) counts[source].accepted++;
        };
        rate('writer', figure.label);
        rate('second reader', second?.briefs[briefIndex]?.labels[figureIndex]);
        rate('extractor', extractorLabel);
      });
    });
  }
  return { tally: counts, misaligned };
}

for (const split of judgedSplits) {
  describe(`the blind judge's verdicts on the ${split} split`, () => {
    const { tally: counts, misaligned } = tally(split);
    if (process.env.QUALITY_REPORT === '1') {
      console.log(`${split}: labels the judge accepted, by source (of those judged)`);
      console.table(
        Object.fromEntries(
          Object.entries(counts).map(([source, { judged, accepted }]) => [
            source,
            { judged, accepted: judged === 0 ? '-' : `${((100 * accepted) / judged).toFixed(1)}%` },
          ]),
        ),
      );
    }

    it('has verdicts for the same briefs and figures as the labeled split', () => {
      expect(misaligned).toEqual([]);
      expect(counts.writer.judged + counts.extractor.judged).toBeGreaterThan(0);
    });

    const floor = writerAcceptanceFloors[split];
    it.runIf(floor !== undefined)(`accepts at least ${floor} of the writer's labels`, () => {
      expect(counts.writer.accepted / counts.writer.judged).toBeGreaterThanOrEqual(floor ?? 1);
    });
  });
}
