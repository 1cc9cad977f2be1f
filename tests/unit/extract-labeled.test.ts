// Quality on the labeled set of issue 8, per split: dev (the extractor may be tuned on it) and test (never read
// by whoever tunes; only its aggregates are ever printed). QUALITY_REPORT=1 prints the scores, and for dev the
// misses; LABELED_SPLIT=dev runs one split only.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { extractFigures } from '../../functions/core/extract/index.ts';
import type { Figure } from '../../functions/core/model.ts';
import {
  type Aggregate,
  aggregate,
  type Extract,
  type FigureResult,
  type FileScore,
  fields,
  loadSplit,
  scoreFile,
} from '../fixtures/extract/labeled.ts';

const here = dirname(fileURLToPath(import.meta.url));
const labeledRoot = join(here, '..', 'fixtures', 'extract', 'labeled');
const splits = ['dev', 'test'] as const;
type Split = (typeof splits)[number];

const chosenSplit = process.env.LABELED_SPLIT;
const report = process.env.QUALITY_REPORT === '1';

/** The acceptance targets of issue 8, and a floor for each field of the figure. */
const TARGETS = { fullyRight: 0.95, precision: 0.99, recall: 0.98 };
const FIELD_FLOORS: Record<(typeof fields)[number], number> = {
  value: 0.97,
  unit: 0.97,
  qualifier: 0.97,
  label: 0.95,
  kind: 0.95,
  asOf: 0.95,
};

const extract: Extract = (text, context) => extractFigures(text, { ...context, aliases: defaultAliases });
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function aggregateRow(totals: Aggregate) {
  return {
    files: totals.files,
    figures: totals.figures,
    reported: totals.reported,
    recall: percent(totals.recall),
    precision: percent(totals.precision),
    'fully right': percent(totals.fullyRight),
    ...Object.fromEntries(fields.map((field) => [field, percent(totals.perField[field])])),
    'non-figure hits': totals.nonFigureHits,
    collisions: totals.collisions,
    splits: totals.splits,
  };
}

const describeFigure = (figure: Figure | FigureResult['expected'] | undefined) =>
  figure === undefined
    ? '(missed)'
    : `${figure.value}${figure.valueMax === undefined ? '' : `–${figure.valueMax}`} ${figure.unit} ${figure.qualifier} ${figure.kind} ${figure.label}${figure.asOf === undefined ? '' : ` @${figure.asOf}`}`;

/** Dev only: every figure not fully right, every spurious figure, collision and split, for tuning. */
function printMisses(scores: FileScore[]) {
  for (const score of scores) {
    const wrong = score.figures.filter((result) => result.wrong.length > 0);
    if (wrong.length > 0) {
      console.table(
        wrong.map((result) => ({
          brief: result.brief,
          surface: result.expected.surface,
          wrong: result.wrong.join(','),
          expected: describeFigure(result.expected),
          found: describeFigure(result.found),
        })),
      );
    }
    for (const { brief, figure } of score.spurious) console.log(`${brief}: spurious ${figure.surface}`);
    for (const { brief, left, right } of score.collisions) {
      console.log(
        `${brief}: collision ${left.expected.surface} / ${right.expected.surface} on ${left.found?.metric}`,
      );
    }
    for (const { series, keys } of score.splits)
      console.log(`${score.file}: series ${series} split: ${keys}`);
  }
}

function printReport(split: Split, scores: FileScore[], totals: Aggregate) {
  console.log(`labeled set, ${split} split`);
  if (split === 'dev') {
    console.table(Object.fromEntries(scores.map((score) => [score.file, aggregateRow(aggregate([score]))])));
    printMisses(scores);
  }
  console.table({ [split]: aggregateRow(totals) });
}

for (const split of splits) {
  const files = chosenSplit === undefined || chosenSplit === split ? loadSplit(join(labeledRoot, split)) : [];
  describe.skipIf(files.length === 0)(`extraction quality on the labeled ${split} split`, () => {
    const scores = files.map((file) => scoreFile(file, extract));
    const totals = aggregate(scores);
    if (report) printReport(split, scores, totals);

    it('finds at least 98% of the labeled figures', () => {
      expect(totals.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    });

    it('reports at most 1% of figures that are not labeled figures', () => {
      expect(totals.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    });

    it('gets at least 95% of figures fully right (value, unit, qualifier and an acceptable label)', () => {
      expect(totals.fullyRight).toBeGreaterThanOrEqual(TARGETS.fullyRight);
    });

    it.each(fields.map((field) => [field, FIELD_FLOORS[field]] as const))(
      'gets the %s of at least %d of the figures right',
      (field, floor) => {
        expect(totals.perField[field]).toBeGreaterThanOrEqual(floor);
      },
    );

    it('never gives two different metrics of one brief one key at one as-of', () => {
      expect(totals.collisions).toBe(0);
    });
  });
}
