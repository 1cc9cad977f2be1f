// Quality on briefs written for this project and labeled by hand, none of them used to tune the extractor's
// word lists: the check that it generalizes beyond the corpus page.
import { describe, expect, it } from 'vitest';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { extractFigures } from '../../functions/core/extract/index.ts';
import holdout from '../fixtures/extract/holdout-labels.json' with { type: 'json' };
import {
  type LabeledFigure,
  type LabeledNonFigure,
  missesOf,
  printQuality,
  scoreExtraction,
} from '../fixtures/extract/quality.ts';

const BRIEF_SEPARATOR = '\n\n';

type HoldoutSet = (typeof holdout.sets)[number];

/** A set's briefs as one page, with each labeled surface turned into a span of that page. */
function labeledPage(set: HoldoutSet) {
  let text = '';
  const figures: LabeledFigure[] = [];
  const nonFigures: LabeledNonFigure[] = [];
  for (const brief of set.cases) {
    if (text !== '') text += BRIEF_SEPARATOR;
    const base = text.length;
    text += brief.text;
    let searchFrom = 0;
    for (const { surface, ...figure } of brief.figures) {
      const at = brief.text.indexOf(surface, searchFrom);
      if (at < 0) throw new Error(`holdout figure surface ${JSON.stringify(surface)} not in its brief`);
      figures.push({ ...figure, offset: base + at, length: surface.length });
      searchFrom = at + surface.length;
    }
    for (const surface of 'nonFigures' in brief ? brief.nonFigures : []) {
      for (let at = brief.text.indexOf(surface); at >= 0; at = brief.text.indexOf(surface, at + 1)) {
        nonFigures.push({ offset: base + at, length: surface.length, why: surface });
      }
    }
  }
  return { text, figures, nonFigures };
}

const pages = holdout.sets.map((set) => ({ set, page: labeledPage(set) }));

it('holds at least 150 labeled figures and 60 labeled non-figures', () => {
  expect(pages.reduce((sum, { page }) => sum + page.figures.length, 0)).toBeGreaterThanOrEqual(150);
  expect(pages.reduce((sum, { page }) => sum + page.nonFigures.length, 0)).toBeGreaterThanOrEqual(60);
});

describe.each(pages)('extraction quality on the held-out briefs, $set.name', ({ set, page }) => {
  const found = extractFigures(page.text, { ...set.context, aliases: defaultAliases });
  const report = scoreExtraction(found, page.figures, page.nonFigures);
  printQuality(report);

  it('gets at least 95% of the figures fully right (value, unit, qualifier, label)', () => {
    expect(report.fullyRight, missesOf(report)).toBeGreaterThanOrEqual(0.95);
  });

  it('reports at most 3% of figures that are not figures at all', () => {
    const surfaces = report.notFigures.map((figure) => figure.surface).join(' | ');
    expect(report.precision, surfaces).toBeGreaterThanOrEqual(0.97);
  });

  it('reports none of the dates, times, codes, ordinals, slogans, idioms and names', () => {
    expect(report.nonFigureHits.map((hit) => `${hit.offset} ${hit.why}`)).toEqual([]);
  });

  it('finds every figure and dates those under 截至 by their sentence', () => {
    expect(report.recall, missesOf(report)).toBeGreaterThanOrEqual(0.98);
    expect(report.perField.asOf).toBeGreaterThanOrEqual(0.98);
  });
});
