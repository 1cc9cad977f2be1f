// Quality on the labeled set of issue 8, per split: dev (the extractor may be tuned on it), check (a second
// writer's briefs, added untuned to see whether rules generalize; round 3 tuned labels and as-of on it, declared) and
// test (blind through round 3; tuned on from round 4, declared), dev3 (a third writer's, added in round 4 to be
// tuned on) and test2 (blind through round 4: written after round 3 by someone who never read the extractor; tuned on
// from round 5, declared) and test3 (blind through round 5: written after round 4 by someone who never read the
// extractor; tuned on from round 6, declared), test4 (blind through round 7a: written at the start of round 6 by
// someone who never read the extractor; tuned on from round 7b, declared), test5 (blind through round 8: written at
// the start of round 7 by someone who never read the extractor; tuned on from round 9, declared), test6 (blind
// through round 9: written at the start of round 9 by three writers who never read the extractor; tuned on from
// round 10, declared) and test7 (blind: written at the start of round 10 by three writers who never read the
// extractor, never read by whoever tunes it). Only tuned splits print their misses. QUALITY_REPORT=1 prints the scores;
// LABELED_SPLIT=dev runs one split only.
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
  loadJudged,
  loadSplit,
  scoreFile,
} from '../fixtures/extract/labeled.ts';

const here = dirname(fileURLToPath(import.meta.url));
const labeledRoot = join(here, '..', 'fixtures', 'extract', 'labeled');
const splits = [
  'dev',
  'check',
  'test',
  'dev3',
  'test2',
  'test3',
  'test4',
  'test5',
  'test6',
  'test7',
] as const;
type Split = (typeof splits)[number];
/** Splits the extractor has been tuned on, whose misses may be printed; a blind split prints only aggregates. */
const tunedSplits: readonly Split[] = splits.filter((split) => split !== 'test7');

const chosenSplit = process.env.LABELED_SPLIT;
const report = process.env.QUALITY_REPORT === '1';

/**
 * Issue 8's acceptance, on the blind split: fully right ≥ 0.95, precision ≥ 0.99, recall ≥ 0.98 and no collision.
 * No split reaches it yet, so each split's floors guard what it has reached (FLOORS).
 */
interface Floors {
  targets: { fullyRight: number; precision: number; recall: number };
  fields: Record<(typeof fields)[number], number>;
  /** Most collisions allowed: the target is none. */
  collisions: number;
  /**
   * Fully right with a label the blind judge found acceptable (labeled/judged/<split>), where a judge has ruled on
   * the split's labels: issue 8's "acceptable label", which exact agreement with one writer undercounts.
   */
  fullyRightJudged?: number;
}

/**
 * What each split must reach: the targets, or a regression guard just below what a split has reached. The judged
 * floors (fullyRightJudged) were set after round 7, when a blind judge first ruled on the labels, and raised after round 8 (label-judging.test.ts
 * checks the judge): on test5 it accepted 98.3% of the writer's labels, 98.7% of the second reader's and 77.6% of
 * the extractor's, which puts the extractor at 79.1% fully right with an acceptable label beside 69.9% with the
 * writer's own.
 */
// Raised after round 10 to just under what each split reached then (the README's quality table).
const FLOORS: Record<Split, Floors> = {
  // Regression guard: issue 8's targets (above) are not reached on dev after seven rounds of tuning on it. After
  // round 7: fully right 89.6%, label 89.6%, asOf 98.9%, kind 99.8%, precision 100%, recall 99.8%, no collision
  // (89.5%, 89.5%, 98.9% after round 6; 88.9%, 88.9%, 98.9% after round 5; 88.2%, 88.2%, 98.4% after round 3).
  // After round 8: fully right 90.2%, label 90.2%, judged 96.8%.
  // After round 9: fully right 90.7%, label 90.7%, judged 97.5%, recall 100%.
  dev: {
    targets: { fullyRight: 0.905, precision: 0.995, recall: 0.995 },
    fields: { value: 0.995, unit: 0.995, qualifier: 0.995, label: 0.905, kind: 0.995, asOf: 0.99 },
    collisions: 0,
    fullyRightJudged: 0.975,
  },
  // Regression guard: the check split was added untuned (fully right 54.4%, label 55.7%, asOf 73.9%, one
  // collision) and was tuned on from round 3, so it no longer tells whether a rule generalizes. After round 6:
  // fully right 83.6%, label 84.0%, asOf 99.0%, unit 99.7%, kind 100%, precision 100%, recall 100%, no collision
  // (82.6%, 83.3%, 99.0% after round 5; 74.6%, 77.0%, 96.5% after round 3). After round 7: fully right 84.0%, label
  // 84.3%.
  // After round 8: fully right 86.1%, label 86.4%, judged 96.9%.
  // After round 9: fully right 87.1%, label 87.5%, judged 98.3%.
  check: {
    targets: { fullyRight: 0.87, precision: 0.995, recall: 0.995 },
    fields: { value: 0.995, unit: 0.995, qualifier: 0.995, label: 0.87, kind: 0.995, asOf: 0.985 },
    collisions: 0,
    fullyRightJudged: 0.98,
  },
  // Regression guard: blind through three rounds (after the third: fully right 61.2%, label 61.9%, asOf 89.9%,
  // precision 97.9%, 7 collisions), tuned on from round 4 (declared). After round 6: fully right 82.4%, label
  // 82.7%, asOf 98.2%, unit 99.6%, kind 99.3%, precision 100%, recall 100%, no collision (78.1%, 78.4% after round 5).
  // After round 7: fully right 83.1%, label 83.5%.
  // After round 8: fully right 86.7%, label 87.1%, judged 94.2%.
  // After round 9: fully right 88.5%, label 88.5%, judged 96.0%, unit 100%.
  test: {
    targets: { fullyRight: 0.88, precision: 0.995, recall: 0.995 },
    fields: { value: 0.995, unit: 0.995, qualifier: 0.995, label: 0.88, kind: 0.995, asOf: 0.98 },
    collisions: 0,
    fullyRightJudged: 0.96,
  },
  // Regression guard: a fourth writer's development set, added in round 4 to widen what tuning sees. Untuned, the
  // round-3 extractor reached fully right 46.6%, label 48.1%, unit 88.4%, asOf 75.4%, recall 95.0%, precision
  // 99.1%, 3 collisions; after round 5, 62.9%, 63.2%, 98.8%, 85.5%, 99.7%, 99.4%, no collision. After round 6:
  // fully right 66.2%, label 66.8%, unit 98.8%, kind 99.7%, asOf 88.7%, precision 99.4%, recall 99.7%, no collision.
  // After round 7: fully right 67.4%, label 68.0%, asOf 89.0%.
  // After round 8: fully right 71.5%, label 72.1%, judged 86.4%.
  // After round 9: fully right 72.7%, label 73.3%, judged 89.0%, kind 100%, recall 100%.
  dev3: {
    targets: { fullyRight: 0.73, precision: 0.99, recall: 0.995 },
    fields: { value: 0.995, unit: 0.985, qualifier: 0.995, label: 0.735, kind: 0.995, asOf: 0.895 },
    collisions: 0,
    fullyRightJudged: 0.895,
  },
  // Regression guard: the second blind split, written after round 3 by a writer who never read the extractor, and
  // never read by whoever tuned it through round 4; tuned on from round 5 (declared). The round-3 extractor,
  // scored when the split arrived: fully right 58.1%, label 58.7%, asOf 79.8%, unit 91.2%, precision 99.2%, recall
  // 92.2%, one collision; after round 4 (blind): 60.5%, 61.2%, 81.7%, 92.2%, 99.5%, 94.3%, one collision. After
  // round 6: fully right 78.8%, label 79.8%, asOf 90.4%, unit 98.2%, kind 99.0%, precision 99.5%, recall 99.2%, no
  // collision (75.2%, 75.7%, 89.7% after round 5). After round 7: fully right 80.9%, label 81.9%.
  // After round 8: fully right 84.2%, label 85.3%, asOf 90.7%, judged 92.0%.
  // After round 9: fully right 86.0%, label 87.6%, judged 94.3%, precision 100%.
  test2: {
    targets: { fullyRight: 0.865, precision: 0.995, recall: 0.995 },
    fields: { value: 0.995, unit: 0.98, qualifier: 0.995, label: 0.875, kind: 0.99, asOf: 0.905 },
    collisions: 0,
    fullyRightJudged: 0.945,
  },
  // Regression guard: the third blind split, written after round 4 by a writer who never read the extractor, and
  // never read by whoever tuned it through round 5; tuned on from round 6 (declared). The round-4 extractor, scored
  // when the split arrived: fully right 64.5%, label 65.5%, asOf 81.3%, unit 94.0%, kind 91.7%, precision 99.7%,
  // recall 95.9%, 5 collisions; after round 5 (blind): 67.6%, 69.2%, 83.7%, 96.1%, 94.0%, 99.7%, 98.2%, 6
  // collisions. After round 6 (tuned on it): fully right 85.8%, label 87.0%, asOf 91.5%; after round 7: fully right
  // 86.3%, label 87.6%, asOf 91.5%, unit 98.7%, kind 99.5%, precision 100%, recall 100%, no collision.
  // After round 8: fully right 86.8%, label 88.1%, judged 95.9%.
  // After round 9: fully right 88.3%, label 89.1%, judged 97.4%, unit 99.2%.
  test3: {
    targets: { fullyRight: 0.88, precision: 0.995, recall: 0.995 },
    fields: { value: 0.995, unit: 0.99, qualifier: 0.995, label: 0.89, kind: 0.99, asOf: 0.91 },
    collisions: 0,
    fullyRightJudged: 0.97,
  },
  // Regression guard: the fourth blind split, written at the start of round 6 by a writer who never read the
  // extractor; blind through round 7a, tuned on from round 7b (declared). The round-5 extractor, scored when the split arrived: fully right
  // 60.8%, label 61.7%, asOf 79.1%, unit 91.8%, kind 89.2%, precision 99.3%, recall 94.8%, 3 collisions. After
  // round 6 (blind): fully right 63.4%, label 64.6%, asOf 79.3%, unit 93.4%, kind 94.8%, precision 99.3%, recall
  // 96.5%, 2 collisions. After round 7a (blind): fully right 63.6%, label 64.8%, asOf 79.3%, 1 collision. After
  // round 7b (tuned on it): fully right 70.4%, label 71.8%, asOf 83.6%, 1 collision.
  // After round 8: fully right 77.2%, label 79.1%, judged 87.6%, no collision.
  // After round 9: fully right 85.4%, label 85.9%, judged 96.2%, asOf 86.2%, unit 99.1%, kind 99.1%, precision 100%, recall 100%.
  test4: {
    targets: { fullyRight: 0.86, precision: 0.995, recall: 0.995 },
    fields: { value: 0.995, unit: 0.995, qualifier: 0.995, label: 0.86, kind: 0.99, asOf: 0.87 },
    collisions: 0,
    fullyRightJudged: 0.97,
  },
  // Regression guard: the fifth blind split, written at the start of round 7 by a writer who never read the
  // extractor, and never read by whoever tunes it. The round-6 extractor, scored when the split arrived: fully right
  // 70.1%, label 72.5%, asOf 93.1%, unit 97.2%, kind 98.5%, precision 98.1%, recall 100%, 1 collision. After round
  // 7a (blind): fully right 69.7%, label 72.0%, the rest unchanged; after round 7b (blind): 69.9%, 72.3%.
  // After round 8 (blind): fully right 71.6%, label 74.0%, judged 82.2%, the rest unchanged.
  // Tuned on from round 9 (declared). After round 9: fully right 83.9%, label 85.6%, judged 95.3%, unit 98.3%, kind 100%, precision 98.5%, no collision.
  test5: {
    targets: { fullyRight: 0.86, precision: 0.985, recall: 0.995 },
    fields: { value: 0.995, unit: 0.99, qualifier: 0.995, label: 0.87, kind: 0.995, asOf: 0.94 },
    collisions: 0,
    fullyRightJudged: 0.965,
  },
  // Regression guard: the sixth blind split, written at the start of round 9 by three writers who never read the
  // extractor, and never read by whoever tunes it; a blind judge ruled on every label (it accepted 99.4% of the
  // writers'). The round-8 extractor, scored when the split arrived: fully right 62.9%, judged 73.4%, label 66.4%,
  // asOf 79.4%, unit 92.3%, kind 97.1%, value 98.3%, qualifier 98.5%, precision 98.7%, recall 98.5%, 4 collisions.
  // After round 9 (blind): fully right 64.2%, judged 74.5%, label 67.2%, unit 93.8%, kind 98.2%, value 99.3%, qualifier 99.3%, recall 99.3%, precision 98.7%, asOf 79.4%, 4 collisions.
  // Tuned on from round 10 (declared). After round 10: fully right 79.4%, judged 91.7%, label 81.1%, asOf 93.6%,
  // unit 98.0%, precision 99.1%, recall 100%, 3 collisions.
  test6: {
    targets: { fullyRight: 0.79, precision: 0.99, recall: 0.995 },
    fields: { value: 0.995, unit: 0.975, qualifier: 0.995, label: 0.81, kind: 0.995, asOf: 0.935 },
    collisions: 3,
    fullyRightJudged: 0.915,
  },
  // Regression guard: the seventh blind split, written at the start of round 10 by three writers who never read the
  // extractor, and never read by whoever tunes it. The round-9 extractor, scored when the split arrived: fully right
  // 68.6%, label 69.6%, asOf 83.5%, unit 97.6%, kind 97.4%, value 98.6%, qualifier 98.8%, precision 98.7%, recall
  // 99.1%, 6 collisions; judged (every label, by three blind judges) 81.8%. After round 10 (blind): fully right
  // 69.3%, judged 83.2%, label 69.8%, asOf 85.0%, unit 98.5%, kind 97.6%, the rest unchanged.
  test7: {
    targets: { fullyRight: 0.69, precision: 0.985, recall: 0.99 },
    fields: { value: 0.985, unit: 0.98, qualifier: 0.985, label: 0.695, kind: 0.975, asOf: 0.845 },
    collisions: 6,
    fullyRightJudged: 0.83,
  },
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
    'fully right, judged': percent(totals.fullyRightAcceptable),
    'label judged acceptable': percent(totals.labelAcceptable),
    unjudged: totals.unjudgedLabels,
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

/** Tuned splits only: every figure not fully right, every spurious figure, collision and split, for tuning. */
function printMisses(scores: FileScore[]) {
  for (const score of scores) {
    const wrong = score.figures.filter((result) => result.wrong.length > 0);
    if (wrong.length > 0) {
      console.table(
        wrong.map((result) => ({
          brief: result.brief,
          surface: result.expected.surface,
          wrong: result.wrong.join(','),
          judged: result.labelVerdict,
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
  if (tunedSplits.includes(split)) {
    console.table(Object.fromEntries(scores.map((score) => [score.file, aggregateRow(aggregate([score]))])));
    printMisses(scores);
  }
  console.table({ [split]: aggregateRow(totals) });
}

for (const split of splits) {
  const files = chosenSplit === undefined || chosenSplit === split ? loadSplit(join(labeledRoot, split)) : [];
  describe.skipIf(files.length === 0)(`extraction quality on the labeled ${split} split`, () => {
    const judgedFolder = join(labeledRoot, 'judged', split);
    const scores = files.map((file) => scoreFile(file, extract, loadJudged(judgedFolder, file.name)));
    const totals = aggregate(scores);
    const floors = FLOORS[split];
    if (report && files.length > 0) printReport(split, scores, totals);

    it(`finds at least ${floors.targets.recall} of the labeled figures`, () => {
      expect(totals.recall).toBeGreaterThanOrEqual(floors.targets.recall);
    });

    it(`reports at least ${floors.targets.precision} of figures that are labeled figures`, () => {
      expect(totals.precision).toBeGreaterThanOrEqual(floors.targets.precision);
    });

    it(`gets at least ${floors.targets.fullyRight} of figures fully right (value, unit, qualifier and the writer's label)`, () => {
      expect(totals.fullyRight).toBeGreaterThanOrEqual(floors.targets.fullyRight);
    });

    const { fullyRightJudged } = floors;
    it.runIf(fullyRightJudged !== undefined)(
      `gets at least ${fullyRightJudged} of figures fully right with a label the blind judge found acceptable`,
      () => {
        expect(totals.fullyRightAcceptable).toBeGreaterThanOrEqual(fullyRightJudged ?? 1);
      },
    );

    it.each(fields.map((field) => [field, floors.fields[field]] as const))(
      'gets the %s of at least %d of the figures right',
      (field, floor) => {
        expect(totals.perField[field]).toBeGreaterThanOrEqual(floor);
      },
    );

    it(`never gives two different metrics of one brief one key at one as-of (at most ${floors.collisions})`, () => {
      expect(totals.collisions).toBeLessThanOrEqual(floors.collisions);
    });
  });
}
