// The extractor: one left-to-right scan over a character-class table, labelling figures sentence by sentence.
import { type AliasTable, metricKey } from '../metric-key.ts';
import type { Figure, FigureKind } from '../model.ts';
import { englishClauseBefore, englishLabelBefore } from './english.ts';
import {
  chineseLabelBefore,
  clauseBefore,
  counterLabel,
  isAttributive,
  isModifierOnly,
  isOpenBound,
  isPredicateOnly,
  nounAfter,
  subjectOf,
  topicOfClause,
} from './labels.ts';
import { isWrappedLineBreak } from './layout.ts';
import { arabicDigit, chineseDigit, isChineseNumeral, readChineseNumeral } from './numerals.ts';
import { type RawFigure, readFigure } from './read-figure.ts';

export interface ExtractContext {
  /** The brief's region, part of every metric key ('大连'); default ''. */
  region?: string;
  /** ISO datetime; gives the year of 截至5月11日. */
  publishedAt?: string;
  aliases?: AliasTable;
}

enum CharClass {
  Other = 0,
  NumberStart = 1,
  SentenceEnd = 2,
  LineBreak = 3,
  ClauseBreak = 4,
  JieZhi = 5,
  QiZhong = 6,
  Period = 7,
}

const CHAR_CLASS = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) {
  if (arabicDigit(code) >= 0 || isChineseNumeral(code)) CHAR_CLASS[code] = CharClass.NumberStart;
}
for (const char of '$＄') CHAR_CLASS[char.charCodeAt(0)] = CharClass.NumberStart;
for (const char of '。！？!?') CHAR_CLASS[char.charCodeAt(0)] = CharClass.SentenceEnd;
for (const char of '；;') CHAR_CLASS[char.charCodeAt(0)] = CharClass.ClauseBreak;
CHAR_CLASS[0x0a] = CharClass.LineBreak;
CHAR_CLASS['截'.charCodeAt(0)] = CharClass.JieZhi;
CHAR_CLASS['其'.charCodeAt(0)] = CharClass.QiZhong;
CHAR_CLASS['.'.charCodeAt(0)] = CharClass.Period;

/** A number of the date in 截至5月11日 (Arabic or Chinese), with where it ends. */
function readDatePart(text: string, index: number): { value: number; end: number } | undefined {
  let cursor = index;
  let digits = '';
  while (cursor < text.length && cursor - index < 4 && arabicDigit(text.charCodeAt(cursor)) >= 0) {
    digits += String(arabicDigit(text.charCodeAt(cursor++)));
  }
  if (digits !== '') return { value: Number(digits), end: cursor };
  if (chineseDigit(text.charCodeAt(index)) >= 0 && chineseDigit(text.charCodeAt(index + 1)) >= 0) {
    // 二〇二〇年: digit by digit.
    while (cursor < text.length && cursor - index < 4 && chineseDigit(text.charCodeAt(cursor)) >= 0) {
      digits += String(chineseDigit(text.charCodeAt(cursor++)));
    }
    return { value: Number(digits), end: cursor };
  }
  const numeral = readChineseNumeral(text, index, Math.min(text.length, index + 4));
  return numeral === undefined ? undefined : { value: Number(numeral.integer), end: numeral.end };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The date after 截至/截止 (截至5月11日, 截至2020年5月11日), as YYYY-MM-DD. */
function asOfAfter(text: string, index: number, publishedAt: string | undefined): string | undefined {
  let first = readDatePart(text, index);
  if (first === undefined) return undefined;
  let year: number | undefined;
  if (text.charCodeAt(first.end) === 0x5e74 /* 年 */) {
    year = first.value;
    first = readDatePart(text, first.end + 1);
    if (first === undefined) return undefined;
  }
  if (text.charCodeAt(first.end) !== 0x6708 /* 月 */) return undefined;
  const day = readDatePart(text, first.end + 1);
  if (day === undefined) return undefined;
  const dayMark = text.charCodeAt(day.end);
  if (dayMark !== 0x65e5 /* 日 */ && dayMark !== 0x53f7 /* 号 */) return undefined;
  const month = first.value;
  if (month < 1 || month > 12 || day.value < 1 || day.value > 31) return undefined;
  if (year === undefined) {
    const published = publishedAt === undefined ? Number.NaN : Date.parse(publishedAt);
    if (Number.isNaN(published)) return undefined;
    const publishedDate = new Date(published);
    year = publishedDate.getUTCFullYear();
    // 截至12月31日 in a January brief speaks of last year.
    if (month > publishedDate.getUTCMonth() + 2) year -= 1;
  }
  if (year < 1000 || year > 9999) return undefined;
  return `${year}-${pad(month)}-${pad(day.value)}`;
}

/** What the labels of one sentence share: the figures before, a 其中 total, a 分别 distribution, the as-of date. */
class Sentence {
  start = 0;
  firstFigure = 0;
  previousEnd = 0;
  previousLabel: string | undefined;
  subtotalParent: string | undefined;
  distributed: { labels: string[]; next: number } | undefined;
  asOf: string | undefined;

  reset(start: number, figureCount: number) {
    this.start = start;
    this.firstFigure = figureCount;
    this.previousEnd = start;
    this.previousLabel = undefined;
    this.subtotalParent = undefined;
    this.distributed = undefined;
    this.asOf = undefined;
  }
}

const CONNECTOR_ONLY = /^[和、与及以]*$/;

class Extraction {
  private readonly figures: Figure[] = [];
  private readonly sentence = new Sentence();
  private readonly region: string;

  constructor(
    private readonly text: string,
    private readonly context: ExtractContext,
  ) {
    this.region = context.region ?? '';
  }

  run(): Figure[] {
    const { text } = this;
    const length = text.length;
    for (let index = 0; index < length; index++) {
      const charClass = CHAR_CLASS[text.charCodeAt(index)];
      if (charClass === CharClass.Other) continue;
      switch (charClass) {
        case CharClass.NumberStart: {
          const reading = readFigure(text, index, this.sentence.previousEnd);
          if (reading.figure !== undefined) this.add(reading.figure);
          index = reading.next - 1;
          break;
        }
        case CharClass.SentenceEnd:
          this.endSentence(index + 1);
          break;
        case CharClass.Period:
          if (text.charCodeAt(index + 1) === 0x20 || text.charCodeAt(index + 1) === 0x0a)
            this.endSentence(index + 1);
          break;
        case CharClass.LineBreak:
          if (!isWrappedLineBreak(text, index)) this.endSentence(index + 1);
          break;
        case CharClass.ClauseBreak:
          this.sentence.subtotalParent = undefined;
          this.sentence.distributed = undefined;
          break;
        case CharClass.JieZhi: {
          const next = text.charCodeAt(index + 1);
          if (next === 0x81f3 /* 至 */ || next === 0x6b62 /* 止 */) {
            this.sentence.asOf = asOfAfter(text, index + 2, this.context.publishedAt) ?? this.sentence.asOf;
          }
          break;
        }
        case CharClass.QiZhong:
          if (text.charCodeAt(index + 1) === 0x4e2d /* 中 */) {
            this.sentence.subtotalParent ??= this.sentence.previousLabel;
          }
          break;
      }
    }
    this.endSentence(length);
    return this.figures;
  }

  private endSentence(next: number) {
    const { asOf } = this.sentence;
    if (asOf !== undefined) {
      for (let index = this.sentence.firstFigure; index < this.figures.length; index++) {
        const figure = this.figures[index];
        if (figure !== undefined) figure.asOf = asOf;
      }
    }
    this.sentence.reset(next, this.figures.length);
  }

  private add(raw: RawFigure) {
    const { label, growth } = raw.english ? this.englishLabel(raw) : this.chineseLabel(raw);
    const kind: FigureKind = raw.unit.kind === 'percent' && growth ? 'growth_rate' : raw.unit.kind;
    const figure: Figure = {
      offset: raw.start,
      length: raw.end - raw.start,
      surface: this.text.slice(raw.start, raw.end),
      value: raw.value,
      unit: raw.unit.unit,
      qualifier: raw.qualifier,
      label,
      kind,
      metric: metricKey({ region: this.region, label, unit: raw.unit.unit }, this.context.aliases),
    };
    if (raw.valueMax !== undefined) figure.valueMax = raw.valueMax;
    this.figures.push(figure);
    this.sentence.previousEnd = raw.end;
    this.sentence.previousLabel = label;
  }

  private englishLabel(raw: RawFigure): { label: string; growth: boolean } {
    const previous = this.sentence.previousLabel;
    const before = englishLabelBefore(englishClauseBefore(this.text, raw.start, this.sentence.previousEnd));
    if (before.label !== '' && !before.objectFollows) return before;
    // "rose 12% to $4.29 billion": the level the growth led to.
    if (before.leadsTo && previous !== undefined)
      return { label: previous.replace(/ growth$/, ''), growth: false };
    return { label: raw.unitPhrase ?? previous ?? raw.unit.unit, growth: before.growth };
  }

  private chineseLabel(raw: RawFigure): { label: string; growth: boolean } {
    const { sentence, text } = this;
    const clause = clauseBefore(text, raw.start, sentence.previousEnd);
    if (sentence.distributed !== undefined && CONNECTOR_ONLY.test(clause.text)) {
      const { labels, next } = sentence.distributed;
      const label = labels[Math.min(next, labels.length - 1)] ?? '';
      sentence.distributed.next = next + 1;
      return { label, growth: raw.unit.kind === 'percent' };
    }
    const before = chineseLabelBefore(clause.text, this.region);
    if (before.distributed !== undefined) {
      sentence.distributed = { labels: before.distributed, next: 1 };
      return before;
    }
    const attributive = isAttributive(before.label);
    let label = attributive ? '' : before.label;
    const useNoun = raw.unit.noun === undefined && (raw.unit.counter || label === '' || isOpenBound(label));
    const noun = useNoun ? nounAfter(text, raw.unitEnd) : '';
    // 目标的52%: with no noun after the figure, the 的 phrase before it names it.
    if (attributive && noun === '') label = before.label.slice(0, -1);
    if (raw.unit.counter && noun !== '') label = counterLabel(label, noun, this.region);
    else if (label === '') label = raw.unit.noun ?? noun;
    else if (isOpenBound(label)) label += noun;
    if (label === '' && sentence.previousLabel !== undefined && clause.start > sentence.start) {
      label = sentence.previousLabel;
    }
    if (label === '') label = topicOfClause(clauseBefore(text, clause.start - 1, sentence.start).text) ?? '';
    if (isPredicateOnly(label) && sentence.previousLabel !== undefined && label !== sentence.previousLabel) {
      label = subjectOf(sentence.previousLabel) + label;
    }
    const parent = sentence.subtotalParent;
    if (
      parent !== undefined &&
      (isModifierOnly(label) || label.startsWith('总')) &&
      !label.endsWith(parent)
    ) {
      label = isModifierOnly(label) ? label + parent : parent + label;
    }
    return { label: label === '' ? raw.unit.unit : label, growth: before.growth };
  }
}

/** Every figure of a text, in order, with non-overlapping spans; offsets are JavaScript string indices. */
export function extractFigures(text: string, context: ExtractContext = {}): Figure[] {
  return new Extraction(text, context).run();
}
