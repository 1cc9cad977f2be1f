// Quality on the real newspaper page: labels in tests/fixtures (offsets only), the page read at run time from
// CORPUS_DIR (see corpus-page.ts); without the page this suite is skipped, not failed.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { extractFigures } from '../../functions/core/extract/index.ts';
import type { Figure } from '../../functions/core/model.ts';
import labels from '../fixtures/extract/corpus-labels.json' with { type: 'json' };
import { readCorpusPage } from '../fixtures/extract/corpus-page.ts';
import {
  type LabeledFigure,
  missesOf,
  printQuality,
  type QualityReport,
  scoreExtraction,
} from '../fixtures/extract/quality.ts';

const page = readCorpusPage();

describe.skipIf(page === undefined)('extraction quality on the corpus page', () => {
  let found: Figure[];
  let report: QualityReport;

  beforeAll(() => {
    found = extractFigures(page ?? '', { ...labels.context, aliases: defaultAliases });
    report = scoreExtraction(found, labels.figures as LabeledFigure[], labels.nonFigures);
    printQuality(report);
  });

  it('finds at least 98% of the more than 90 labeled figures of the page', () => {
    expect(report.figures).toBeGreaterThan(90);
    expect(report.recall, missesOf(report)).toBeGreaterThanOrEqual(0.98);
  });

  it('gets at least 95% of the page figures fully right (value, unit, qualifier, label)', () => {
    expect(report.fullyRight, missesOf(report)).toBeGreaterThanOrEqual(0.95);
  });

  it('reports at most 3% of figures that are not figures at all', () => {
    const surfaces = report.notFigures.map((figure) => figure.surface).join(' | ');
    expect(report.precision, surfaces).toBeGreaterThanOrEqual(0.97);
  });

  it('reports none of the dates, periods, slogans, ordinals, codes and idioms of the page', () => {
    expect(report.nonFigureHits.map((hit) => `${hit.offset} ${hit.why}`)).toEqual([]);
  });

  it('dates figures by the 截至 date or the period of their sentence and leaves the others undated', () => {
    const dated = found.filter((figure) => figure.asOf !== undefined);
    expect(new Set(dated.map((figure) => figure.asOf))).toEqual(
      new Set(['2020-03-31', '2020-05-11', '2020-12-31']),
    );
    const jobs = dated.filter((figure) => figure.asOf === '2020-05-11');
    expect(jobs.map((figure) => figure.unit)).toEqual(['人', '人', '人', '%']);
  });

  it('gives the headline and the body wording of one metric the same metric key', () => {
    const rates = found.filter((figure) => figure.label.includes('规模以上工业企业复工率'));
    expect(rates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rates.map((figure) => figure.metric)).size).toBe(1);
    const jobs = found.filter((figure) => figure.label === '城镇新增就业');
    expect(jobs.map((figure) => figure.value)).toEqual([40000, 42303]);
    expect(new Set(jobs.map((figure) => figure.metric)).size).toBe(1);
  });
});
