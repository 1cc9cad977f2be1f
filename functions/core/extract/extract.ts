// The extractor: one left-to-right scan over a character-class table, labelling figures sentence by sentence.
import { type AliasTable, metricKey } from '../metric-key.ts';
import type { Figure, FigureKind } from '../model.ts';
import { englishClauseBefore, englishLabelBefore, englishObjectAfter } from './english.ts';
import {
  chineseLabelBefore,
  clauseBefore,
  countedNoun,
  counterLabel,
  isAttributive,
  isModifierOnly,
  isOpenBound,
  isPredicateOnly,
  nounAfter,
  predicateAfter,
  subjectOf,
  topicOfClause,
  withImpliedObject,
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
  /** The label of the figure before when it counted things (规模以上服务业企业215家): the subject of what follows. */
  previousCounted: string | undefined;
  subtotalParent: string | undefined;
  distributed: { labels: string[]; next: number } | undefined;
  asOf: string | undefined;
  /** Labels of the figures since the sentence or clause group began, for a 分别 without a subject. */
  readonly labels: string[] = [];

  reset(start: number, figureCount: number) {
    this.start = start;
    this.firstFigure = figureCount;
    this.previousEnd = start;
    this.previousLabel = undefined;
    this.previousCounted = undefined;
    this.endClauseGroup();
    this.asOf = undefined;
  }

  endClauseGroup() {
    this.subtotalParent = undefined;
    this.distributed = undefined;
    this.labels.length = 0;
  }
}

/** How far ahead the figures a 分别 distributes over may stand. */
const DISTRIBUTION_WINDOW = 60;
const DISTRIBUTION_END = new Set([...'。；;！？!?\n'].map((char) => char.charCodeAt(0)));

/** The figures (runs of digits) from `from` to the end of the clause group: 分别增长4.1%和9.6% has two. */
function figuresAhead(text: string, from: number): number {
  let count = 0;
  let inNumber = false;
  for (let index = from; index < text.length && index - from < DISTRIBUTION_WINDOW; index++) {
    const code = text.charCodeAt(index);
    if (DISTRIBUTION_END.has(code)) break;
    const digit = arabicDigit(code) >= 0 || chineseDigit(code) >= 0;
    if (digit && !inNumber) count++;
    inNumber = digit || (inNumber && (code === 0x2e || code === 0xff0e));
  }
  return Math.max(1, count);
}

/**
 * The labels of one text and their metric keys: one string per distinct label (figures share it) and one key
 * computation per label and unit, since a text names the same few metrics again and again.
 */
class MetricTable {
  private readonly byUnit = new Map<string, Map<string, { label: string; metric: string }>>();

  constructor(
    private readonly region: string,
    private readonly aliases: AliasTable | undefined,
  ) {}

  entry(label: string, unit: string): { label: string; metric: string } {
    let labels = this.byUnit.get(unit);
    if (labels === undefined) {
      labels = new Map();
      this.byUnit.set(unit, labels);
    }
    let entry = labels.get(label);
    if (entry === undefined) {
      entry = { label, metric: metricKey({ region: this.region, label, unit }, this.aliases) };
      labels.set(label, entry);
    }
    return entry;
  }
}

const CONNECTOR_ONLY = /^[和、与及以]*$/;
const GROWTH_SUFFIX = / growth$/;
const LIGHT_VERB_OPENING = /^(?:实现|完成)/;
const ENUMERATION_COMMA = 0x3001; // 、
const PREPOSITIONS_BEFORE_FIGURE = new Set([...'为对向给与和把被让从由在'].map((char) => char.charCodeAt(0)));

class Extraction {
  private readonly figures: Figure[] = [];
  private readonly sentence = new Sentence();
  private readonly region: string;
  private readonly metrics: MetricTable;

  constructor(
    private readonly text: string,
    private readonly context: ExtractContext,
  ) {
    this.region = context.region ?? '';
    this.metrics = new MetricTable(this.region, context.aliases);
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
          this.sentence.endClauseGroup();
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
    const named = raw.english ? this.englishLabel(raw) : this.chineseLabel(raw);
    const kind: FigureKind = raw.unit.kind === 'percent' && named.growth ? 'growth_rate' : raw.unit.kind;
    const { label, metric } = this.metrics.entry(named.label, raw.unit.unit);
    const figure: Figure = {
      offset: raw.start,
      length: raw.end - raw.start,
      surface: this.text.slice(raw.start, raw.end),
      value: raw.value,
      unit: raw.unit.unit,
      qualifier: raw.qualifier,
      label,
      kind,
      metric,
    };
    if (raw.valueMax !== undefined) figure.valueMax = raw.valueMax;
    this.figures.push(figure);
    this.sentence.previousEnd = raw.end;
    this.sentence.previousLabel = label;
    this.sentence.previousCounted = raw.unit.counter ? label : undefined;
    this.sentence.labels.push(label);
  }

  private englishLabel(raw: RawFigure): { label: string; growth: boolean } {
    const previous = this.sentence.previousLabel?.replace(GROWTH_SUFFIX, '');
    const before = englishLabelBefore(englishClauseBefore(this.text, raw.start, this.sentence.previousEnd));
    // "rose 12% to $4.29 billion": the level the growth led to.
    if (before.leadsTo && previous !== undefined) return { label: previous, growth: false };
    if (before.label !== '' && !before.objectFollows) return before;
    // "attracted $4.29 billion in foreign investment": a measured amount names what it is of after it.
    const object =
      before.objectFollows && raw.unit.kind !== 'count' ? englishObjectAfter(this.text, raw.end) : undefined;
    if (object !== undefined) return { label: object, growth: before.growth };
    // "…, up 8.5% from a year earlier": the growth of what the sentence measured before.
    if (before.growth && raw.unitPhrase === undefined && previous !== undefined)
      return { label: `${previous} growth`, growth: true };
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
    const distributed =
      before.distributed ?? this.distributedOverPrevious(raw, before.distributesOverPrevious);
    if (distributed !== undefined) {
      sentence.distributed = { labels: distributed, next: 1 };
      return { label: distributed[0] ?? before.label, growth: before.growth };
    }
    const attributive = isAttributive(before.label);
    let label = attributive ? '' : before.label;
    const useNoun = raw.unit.noun === undefined && (raw.unit.counter || label === '' || isOpenBound(label));
    const after = useNoun ? nounAfter(text, raw.end) : undefined;
    const noun = after === undefined ? '' : countedNoun(after.noun, raw.unit.unit);
    // 目标的52%: with no noun after the figure, the 的 phrase before it names it.
    if (attributive && noun === '') label = before.label.slice(0, -1);
    if (raw.unit.counter && noun !== '') {
      label = counterLabel(label, noun, this.region);
      if (label === noun && after !== undefined && this.standsAlone(raw, after.end)) {
        label = predicateAfter(text, after.end) + noun;
      }
    } else if (label === '') label = raw.unit.noun ?? noun;
    else if (isOpenBound(label)) label += noun;
    if (label === '' && sentence.previousLabel !== undefined && clause.start > sentence.start) {
      label = sentence.previousLabel;
    }
    if (label === '') label = topicOfClause(clauseBefore(text, clause.start - 1, sentence.start).text) ?? '';
    // 共有企业215家，实现营业收入98.3亿元: a clause opening on a light verb has the things counted before as subject.
    const counted = sentence.previousCounted;
    if (counted !== undefined && LIGHT_VERB_OPENING.test(clause.text) && !label.endsWith('率')) {
      label = counted + label;
    }
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
    return {
      label: label === '' ? raw.unit.unit : withImpliedObject(label, raw.unit.unit),
      growth: before.growth,
    };
  }

  /** 同比分别增长4.1%和9.6% after two levels: each figure to come takes the subject of one before, in order. */
  private distributedOverPrevious(raw: RawFigure, verb: string | undefined): string[] | undefined {
    const previous = this.sentence.labels;
    if (verb === undefined || previous.length === 0) return undefined;
    const count = Math.min(previous.length, figuresAhead(this.text, raw.start));
    return previous.slice(previous.length - count).map((label) => subjectOf(label) + verb);
  }

  /**
   * A counted figure that is the subject of its clause: not the object of a preposition (为1.63万户企业返还)
   * and not one item of a list (737个社区党组织、8147名社区工作者).
   */
  private standsAlone(raw: RawFigure, nounEnd: number): boolean {
    const { text } = this;
    const before = text.charCodeAt(raw.start - 1);
    return (
      !PREPOSITIONS_BEFORE_FIGURE.has(before) &&
      before !== ENUMERATION_COMMA &&
      text.charCodeAt(nounEnd) !== ENUMERATION_COMMA
    );
  }
}

/** Every figure of a text, in order, with non-overlapping spans; offsets are JavaScript string indices. */
export function extractFigures(text: string, context: ExtractContext = {}): Figure[] {
  return new Extraction(text, context).run();
}
