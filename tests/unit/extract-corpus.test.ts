// Quality on the real newspaper page: labels in tests/fixtures (offsets only), the page read at run time.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { extractFigures } from '../../functions/core/extract/index.ts';
import { normalizeLabel } from '../../functions/core/metric-key.ts';
import type { Figure } from '../../functions/core/model.ts';
import labels from '../fixtures/extract/corpus-labels.json' with { type: 'json' };

const here = dirname(fileURLToPath(import.meta.url));
const corpusPage = join(here, '..', '..', '..', 'shared', 'corpus', '000_9a4863bb11182814.txt');

interface LabeledFigure {
  offset: number;
  length: number;
  value: number;
  valueMax?: number;
  unit: string;
  qualifier: string;
  label: string;
  kind: string;
  asOf?: string;
}

const overlaps = (left: { offset: number; length: number }, right: { offset: number; length: number }) =>
  left.offset < right.offset + right.length && right.offset < left.offset + left.length;

const fields = ['value', 'unit', 'qualifier', 'label', 'kind', 'asOf'] as const;

function fieldRight(field: (typeof fields)[number], found: Figure, truth: LabeledFigure): boolean {
  switch (field) {
    case 'value':
      return found.value === truth.value && found.valueMax === truth.valueMax;
    case 'label':
      return normalizeLabel(found.label, defaultAliases) === normalizeLabel(truth.label, defaultAliases);
    default:
      return found[field] === truth[field];
  }
}

describe.skipIf(!existsSync(corpusPage))('extraction quality on the corpus page', () => {
  const text = readFileSync(corpusPage, 'utf8');
  const found = extractFigures(text, { ...labels.context, aliases: defaultAliases });
  const truth = labels.figures as LabeledFigure[];
  const pairs = truth.map((expected) => ({
    expected,
    match: found.find((figure) => overlaps(figure, expected)),
  }));
  const matched = pairs.filter((pair) => pair.match !== undefined);
  const notFigures = found.filter((figure) => !truth.some((expected) => overlaps(figure, expected)));
  const fullyRight = pairs.filter(
    ({ expected, match }) =>
      match !== undefined &&
      (['value', 'unit', 'qualifier', 'label'] as const).every((field) => fieldRight(field, match, expected)),
  );

  it('reports precision, recall and per-field accuracy', () => {
    const perField = Object.fromEntries(
      fields.map((field) => [
        field,
        `${((matched.filter(({ expected, match }) => match !== undefined && fieldRight(field, match, expected)).length / truth.length) * 100).toFixed(1)}%`,
      ]),
    );
    console.table({
      figures: truth.length,
      reported: found.length,
      recall: `${((matched.length / truth.length) * 100).toFixed(1)}%`,
      precision: `${((1 - notFigures.length / found.length) * 100).toFixed(1)}%`,
      'fully right': `${((fullyRight.length / truth.length) * 100).toFixed(1)}%`,
      ...perField,
    });
    const wrong = pairs.filter((pair) => !fullyRight.includes(pair));
    if (wrong.length > 0) {
      console.table(
        wrong.map(({ expected, match }) => ({
          offset: expected.offset,
          expected: `${expected.value} ${expected.unit} ${expected.qualifier} ${expected.label}`,
          found:
            match === undefined
              ? '(missed)'
              : `${match.value} ${match.unit} ${match.qualifier} ${match.label}`,
        })),
      );
    }
    expect(truth.length).toBeGreaterThan(90);
  });

  it('gets at least 95% of the page figures fully right (value, unit, qualifier, label)', () => {
    expect(fullyRight.length / truth.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reports at most 3% of figures that are not figures at all', () => {
    const surfaces = notFigures.map((figure) => figure.surface).join(' | ');
    expect(notFigures.length / found.length, surfaces).toBeLessThanOrEqual(0.03);
  });

  it('reports none of the dates, periods, slogans, ordinals, codes and idioms of the page', () => {
    const hits = labels.nonFigures.filter((nonFigure) => found.some((figure) => overlaps(figure, nonFigure)));
    expect(hits.map((hit) => `${hit.offset} ${hit.why}`)).toEqual([]);
  });

  it('dates the jobs figures by 截至5月11日 in their sentence and leaves the others undated', () => {
    const dated = found.filter((figure) => figure.asOf !== undefined);
    expect(new Set(dated.map((figure) => figure.asOf))).toEqual(new Set(['2020-05-11']));
    expect(dated.map((figure) => figure.unit)).toEqual(['人', '人', '人', '%']);
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
