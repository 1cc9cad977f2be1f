// Structures of shares written with colons (三次产业结构为4.1：38.6：57.3): one percent figure per part, each
// labelled by its part, rather than a ratio of the first two.
import { codeSet } from './chars.ts';
import type { RawFigure } from './read-figure.ts';
import { PERCENT_UNIT } from './units.ts';

const PARTS =
  /(\d{1,2}(?:\.\d+)?)(?:[：:∶](\d{1,2}(?:\.\d+)?))(?:[：:∶](\d{1,2}(?:\.\d+)?))?(?:[：:∶](\d{1,2}(?:\.\d+)?))?/y;
/** Words before the parts that say they make up a whole. */
const WHOLE_BEFORE = /(?:结构|比例|比重|构成|之比)(?:调整|优化|变化|变)?[为是达]?$/;
const LOOKBACK = 8;
const NUMBER_CHARS = codeSet('0123456789.');
const COLONS = codeSet('：:∶');
/** Rounding lets the parts miss 100 by this much. */
const TOLERANCE = 0.5;

/** The parts of a structure starting at `index`, as figures, or undefined when the numbers are no structure. */
export function structureAt(text: string, index: number): RawFigure[] | undefined {
  let numberEnd = index;
  while (numberEnd - index < 6 && NUMBER_CHARS.has(text.charCodeAt(numberEnd))) numberEnd++;
  if (!COLONS.has(text.charCodeAt(numberEnd))) return undefined;
  if (!WHOLE_BEFORE.test(text.slice(Math.max(0, index - LOOKBACK), index))) return undefined;
  PARTS.lastIndex = index;
  const match = PARTS.exec(text);
  if (match === null || /[0-9.]/.test(text.charAt(PARTS.lastIndex))) return undefined;
  const values = match.slice(1).filter((part): part is string => part !== undefined);
  const sum = values.reduce((total, part) => total + Number(part), 0);
  if (Math.abs(sum - 100) > TOLERANCE) return undefined;
  const figures: RawFigure[] = [];
  let cursor = index;
  for (const part of values) {
    const start = text.indexOf(part, cursor);
    const end = start + part.length;
    figures.push({
      start,
      end,
      unitEnd: end,
      value: Number(part),
      unit: PERCENT_UNIT,
      qualifier: 'exact',
      english: false,
    });
    cursor = end;
  }
  return figures;
}

/** Wholes whose parts have names of their own. */
const NAMED_PARTS: [RegExp, string[]][] = [
  [/三次产业|一二三产业|三产/, ['第一产业增加值', '第二产业增加值', '第三产业增加值']],
  [/城乡/, ['城镇', '农村']],
  [/轻重工业/, ['轻工业', '重工业']],
];

/** 三次产业结构 → 第一产业增加值占比…; 投资、消费、出口结构 → 投资占比…; else the whole and the part's place. */
export function structureLabels(whole: string, count: number): string[] {
  const named = NAMED_PARTS.find(([pattern]) => pattern.test(whole))?.[1];
  const items = whole.replace(WHOLE_BEFORE, '').split(/[、和与及]/);
  // 轻、重工业增加值之比: a part written as one character shares the rest of the last part's name.
  const last = items.at(-1) ?? '';
  const listed = items.map((item) => (item.length === 1 && last.length > 2 ? item + last.slice(1) : item));
  const parts =
    named !== undefined && named.length === count
      ? named
      : listed.length === count
        ? listed
        : Array.from({ length: count }, (_, at) => `${whole.replace(WHOLE_BEFORE, '')}第${at + 1}部分`);
  return parts.map((part) => `${part}占比`);
}
