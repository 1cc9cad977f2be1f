// Reads one figure at a position: number, scale, range or ratio, unit, qualifiers; or says why it is not one.

import type { Qualifier } from '../model.ts';
import { codeSet, isIdeograph, isLatinLetter, sentenceOpening, wordAt } from './chars.ts';
import { opensVagueAmount, readChineseScale, vagueAmountAt } from './chinese-amounts.ts';
import { COUNTED_DAY_CONDITION, englishPerAfter, englishUnitAt, knownEnglishUnit } from './english.ts';
import { skipLayoutSpace } from './layout.ts';
import {
  durationAfterNumber,
  idioms,
  isCodeBefore,
  isEnglishDate,
  isEnglishYear,
  isInsideSlogan,
  isInsideTitle,
  isOrdinalContext,
  isSurveyCoverage,
} from './not-figures.ts';
import {
  arabicDigit,
  chineseDigit,
  chinesePower,
  isChineseNumeral,
  readChineseNumeral,
  scaledDecimal,
} from './numerals.ts';
import {
  chinesePrefixBefore,
  detachedQualifierBefore,
  englishPrefixBefore,
  innerQualifier,
  suffixAt,
} from './qualifiers.ts';
import { structureAt } from './structure.ts';
import {
  AGE_UNIT,
  BARE_RATIO_UNIT,
  chineseUnits,
  DAY_COUNT_UNIT,
  denominators,
  EUR_UNIT,
  englishCountUnit,
  englishScales,
  GBP_UNIT,
  GROWTH_PERCENT_UNIT,
  HKD_UNIT,
  HOUR_COUNT_UNIT,
  INDEX_LEVEL_UNIT,
  INDEX_POINT_UNIT,
  isPerTime,
  PERCENT_UNIT,
  PERMILLE_UNIT,
  RATIO_UNIT,
  SCORE_UNIT,
  SuffixSet,
  UNWRITTEN_UNIT,
  type UnitInfo,
  USD_UNIT,
  YUAN_UNIT,
} from './units.ts';

export interface RawFigure {
  /** Span, qualifiers included. */
  start: number;
  end: number;
  /** Where the unit (or the number, for a ratio) ends: the counted noun follows here. */
  unitEnd: number;
  value: number;
  valueMax?: number;
  unit: UnitInfo;
  qualifier: Qualifier;
  english: boolean;
  /** For English figures, the unit with its describing words (urban jobs). */
  unitPhrase?: string;
  /** Where the unit came from when the figure does not write it: the end of its list, or nowhere. */
  unitSource?: 'list' | 'none';
  /** The number of parts of the structure this figure opens (三次产业结构为4.1：38.6：57.3 → 3). */
  structure?: number;
  /** A change written as a multiple (doubled, nearly triple): the growth of what the clause names. */
  multiple?: boolean;
}

export interface Reading {
  figure?: RawFigure;
  /** The other parts of a structure (4.1：38.6：57.3) the figure opens. */
  parts?: RawFigure[];
  /** Where scanning resumes: after the figure, or after whatever was read and rejected. */
  next: number;
  /** A count that is part of a name (28种重点监测蔬菜均价): the name of the figure after it starts here. */
  nameFrom?: number;
}

interface NumberCore {
  end: number;
  integerDigits: string;
  fractionDigits: string;
  exponent: number;
  chinese: boolean;
  /** A lone numeral character (三, 百): 三项 and 百名 are wording unless a measure unit follows. */
  loneCharacter: boolean;
  loneHighUnit: boolean;
  /** Had a scale word (万, billion), so a range's bare left side takes it (3至5万). */
  scaled: boolean;
  englishStyle: boolean;
  over: boolean;
  /** The upper bound of a vague amount (五六百 → 600, 几千 → 10000), at the same exponent. */
  maxDigits?: string;
}

const RANGE_CONNECTORS = codeSet('至到-–—~～－〜');
const ENGLISH_RANGE_TO = ' to ';
const ENGLISH_RANGE_AND = ' and ';
/** "between 2% and 4%": a range whose bounds "between … and" joins. */
const BETWEEN_BEFORE = /\bbetween $/i;
const ENGLISH_CHANGE_REACH = 32;
/** A change or its base right before a figure, a qualifier between (rose by about…, from…, up…). */
const ENGLISH_CHANGE_BEFORE =
  /\b(?:from|by|up|down|rose|rise|rises|risen|rising|grew|grow|grows|growing|fell|fall|falls|falling|increased?|increases|increasing|decreased?|declined?|dropped|raised|cut|cuts|lowered|climbed|jumped|slipped|edged|narrowed|widened|expanded|slowed|accelerated|gained|surged|soared|plunged|slumped|higher|lower|more|less)\s+(?:[a-z]+\s+)?$/i;
const RATIO_COLONS = codeSet(':∶：');
const RATIO_SIGN = 0x2236; // ∶, only ever a ratio
const COMMA = 0x2c;
const FULL_WIDTH_COMMA = 0xff0c;
const DOTS = codeSet('.．');
const DOLLARS = codeSet('$＄');
const SLASHES = codeSet('/／每');
const BI = 0x6bd4; // 比
const LV = 0x7387; // 率
const QIAN_PLACE = 0x5343; // 千
const CLAUSE_PUNCTUATION = codeSet('，,。；;：:！？!?\n');
const isArabic = (code: number) => arabicDigit(code) >= 0;

function startsNumber(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return isArabic(code) || isChineseNumeral(code);
}

function threeDigitsFollow(text: string, index: number): boolean {
  return (
    isArabic(text.charCodeAt(index)) &&
    isArabic(text.charCodeAt(index + 1)) &&
    isArabic(text.charCodeAt(index + 2)) &&
    !isArabic(text.charCodeAt(index + 3))
  );
}

function readEnglishScale(text: string, index: number): { end: number; exponent: number } | undefined {
  const start = text.charCodeAt(index) === 0x20 ? index + 1 : index;
  let end = start;
  while (end < text.length && end - start < 9 && isLatinLetter(text.charCodeAt(end))) end++;
  const exponent = englishScales.get(text.slice(start, end).toLowerCase());
  return exponent === undefined ? undefined : { end, exponent };
}

function unitOrScaleAt(text: string, index: number): boolean {
  return chinesePower(text.charCodeAt(index)) > 0 || chineseUnits.match(text, index) !== undefined;
}

/** A number without its unit: Arabic (42,303 / 4.29 / ４２３０３) or Chinese (三万四千), with scale and 余/多. */
function readCore(text: string, index: number): NumberCore | { rejectedUntil: number } | undefined {
  const first = text.charCodeAt(index);
  if (isArabic(first)) return readArabicCore(text, index);
  const vague = vagueAmountAt(text, index);
  if (vague !== undefined) {
    return {
      end: vague.end,
      integerDigits: vague.lower.toString(),
      fractionDigits: '',
      exponent: 0,
      chinese: true,
      loneCharacter: vague.lone,
      loneHighUnit: false,
      scaled: chinesePower(text.charCodeAt(vague.end - 1)) >= 4,
      englishStyle: false,
      over: false,
      maxDigits: vague.upper.toString(),
    };
  }
  if (!isChineseNumeral(first)) return undefined;
  let numeral = readChineseNumeral(text, index);
  // 三百万千瓦时, 二十千克: a unit that opens with 千 is not the numeral's last place.
  let unitOpensOnQian = false;
  if (numeral !== undefined && numeral.end - index > 1 && text.charCodeAt(numeral.end - 1) === QIAN_PLACE) {
    const unit = chineseUnits.match(text, numeral.end - 1);
    unitOpensOnQian = unit !== undefined && unit.word.length > 1;
    if (unitOpensOnQian) numeral = readChineseNumeral(text, index, numeral.end - 1);
  }
  if (numeral === undefined) return { rejectedUntil: index + 1 };
  if (!unitOpensOnQian && isChineseNumeral(text.charCodeAt(numeral.end))) {
    // A digit string (十三五, 二〇二〇): skip the whole run.
    let end = numeral.end;
    while (end < text.length && end - index < 24 && isChineseNumeral(text.charCodeAt(end))) end++;
    return { rejectedUntil: end };
  }
  let cursor = numeral.end;
  let exponent = numeral.exponent;
  let over = false;
  if (numeral.endsOnUnit && innerQualifier(text.charCodeAt(cursor)) !== undefined) {
    over = true;
    cursor++;
    const scale = readChineseScale(text, cursor);
    if (scale.exponent >= 4) {
      exponent += scale.exponent;
      cursor = scale.end;
    }
  }
  return {
    end: cursor,
    integerDigits: numeral.integer.toString(),
    fractionDigits: numeral.fractionDigits,
    exponent,
    chinese: true,
    loneCharacter: numeral.length === 1,
    loneHighUnit: numeral.length === 1 && chinesePower(first) >= 2,
    scaled: exponent > 0 || chinesePower(text.charCodeAt(numeral.end - 1)) >= 4,
    englishStyle: false,
    over,
  };
}

/** The digits of text[start, end) as ASCII; a plain slice unless separators or full-width digits need rewriting. */
function asciiDigits(text: string, start: number, end: number, rewrite: boolean): string {
  if (!rewrite) return text.slice(start, end);
  let digits = '';
  for (let index = start; index < end; index++) {
    const digit = arabicDigit(text.charCodeAt(index));
    if (digit >= 0) digits += String(digit);
  }
  return digits;
}

function readArabicCore(text: string, index: number): NumberCore | { rejectedUntil: number } {
  const fullWidth = text.charCodeAt(index) >= 0xff10;
  let cursor = index;
  let grouped = false;
  for (;;) {
    const code = text.charCodeAt(cursor);
    if (isArabic(code)) cursor++;
    else if (
      (code === COMMA || (fullWidth && code === FULL_WIDTH_COMMA)) &&
      threeDigitsFollow(text, cursor + 1)
    ) {
      grouped = true;
      cursor++;
    } else break;
  }
  const integerDigits = asciiDigits(text, index, cursor, grouped || fullWidth);
  let fractionDigits = '';
  if (DOTS.has(text.charCodeAt(cursor)) && isArabic(text.charCodeAt(cursor + 1))) {
    const fractionStart = ++cursor;
    while (isArabic(text.charCodeAt(cursor))) cursor++;
    fractionDigits = asciiDigits(text, fractionStart, cursor, fullWidth);
    // 1.2.3 is a version or an address, not a number.
    if (DOTS.has(text.charCodeAt(cursor)) && isArabic(text.charCodeAt(cursor + 1))) {
      while (isArabic(text.charCodeAt(cursor)) || DOTS.has(text.charCodeAt(cursor))) cursor++;
      return { rejectedUntil: cursor };
    }
  }
  let over = false;
  let exponent = 0;
  let englishScaled = false;
  if (innerQualifier(text.charCodeAt(cursor)) !== undefined && unitOrScaleAt(text, cursor + 1)) {
    over = true;
    cursor++;
  }
  const scaleStart = skipLayoutSpace(text, cursor);
  const scale = readChineseScale(text, scaleStart);
  if (scale.exponent > 0) {
    exponent = scale.exponent;
    cursor = scale.end;
  } else {
    const english = readEnglishScale(text, cursor);
    if (english !== undefined) {
      exponent = english.exponent;
      cursor = english.end;
      englishScaled = true;
    }
  }
  if (
    exponent > 0 &&
    innerQualifier(text.charCodeAt(cursor)) !== undefined &&
    unitOrScaleAt(text, cursor + 1)
  ) {
    over = true;
    cursor++;
  }
  return {
    end: cursor,
    integerDigits,
    fractionDigits,
    exponent,
    chinese: false,
    loneCharacter: false,
    loneHighUnit: false,
    scaled: exponent > 0,
    englishStyle: grouped || englishScaled,
    over,
  };
}

const coreValue = (core: NumberCore, extraExponent = 0) =>
  scaledDecimal(core.integerDigits, core.fractionDigits, core.exponent + extraExponent);

function isCore(read: ReturnType<typeof readCore>): read is NumberCore {
  return read !== undefined && 'integerDigits' in read;
}

/** A ratio needs the ratio sign ∶ or a 比 (投入产出比接近1:10) shortly before: 10:30 is a time. */
function ratioAllowed(text: string, colonIndex: number, start: number): boolean {
  if (text.charCodeAt(colonIndex) === RATIO_SIGN) return true;
  for (let index = start - 1; index >= 0 && start - index <= 6; index--) {
    // 车桩比约6.6：1, 杠杆率达到1：46: a ratio is named by 比 or 率 shortly before.
    if (text.charCodeAt(index) === BI || text.charCodeAt(index) === LV) return true;
  }
  return /ratio/i.test(text.slice(Math.max(0, start - 24), start));
}

interface UnitRead {
  unit: UnitInfo;
  end: number;
  english: boolean;
  phrase?: string;
}

/** Time units that count something (优良天数为312天, 服务时长1200万小时), scores and ages, with the nouns that say so. */
const COUNTED_TIME: { unit: UnitInfo; nouns: string[] }[] = [
  { unit: HOUR_COUNT_UNIT, nouns: ['时长', '工时', '小时数'] },
  { unit: DAY_COUNT_UNIT, nouns: ['天数'] },
  // Not 分钟: 得分84.5分 is a score, 等候15分钟 a duration.
  // 满意度为92.4分: a satisfaction level written in points is a score too.
  { unit: SCORE_UNIT, nouns: ['得分', '评分', '分数', '总分', '平均分', '满意度'] },
  { unit: AGE_UNIT, nouns: ['平均年龄', '年龄中位数', '预期寿命', '平均寿命'] },
];
/** How far back the words counting time (优良天数为, 服务时长超过) may stand. */
const TIME_COUNT_LOOKBACK = 10;

const ZHONG_CLOCK = 0x949f; // 钟

/** "a median of 24 days", "the average stay of 3.2 days": a span of days or weeks that is itself measured. */
const ENGLISH_SPAN = /^ (days|weeks)\b/;
const MEASURED_SPAN_BEFORE = /\b(?:median|average|mean)\b[^.;!?]*$/i;
/** "Average dwell time … fell to 3.2 days from 4.1 days": the base of a measured span is measured too. */
const MEASURED_SPAN_BASE_BEFORE =
  /\b(?:median|average|mean)\b(?:[^.;!?]|\.\d)*\b(?:days|weeks) (?:from|compared with|against|versus) $/i;
const MEASURED_SPAN_BASE_REACH = 120;
const MEASURED_SPAN_REACH = 48;
/** "within 90 days", "over the past 30 days": a span that only says when. */
const SPAN_ONLY_BEFORE = /\b(?:within|for|after|in|over|past|next|last|first)\s$/i;

/**
 * "303 days of good air quality", "three days of heavy pollution": days counted by the weather or the air they had
 * are a count, not a span of time; so is a base such a count is compared with (down from nine days).
 */
const COUNTED_DAYS_BEFORE = / days (?:of|with) [^.;!?]*\b(?:from|than|against|versus|compared with) $/;
const COUNTED_DAYS_REACH = 80;
const COUNTED_DAY_UNIT: UnitInfo = { unit: 'days', kind: 'count', measure: true, counter: false };

/** Days counted (303 days of good air quality) after a number that ends at `index` and starts at `start`. */
function countedEnglishDays(text: string, index: number, start: number): UnitRead | undefined {
  if (!text.startsWith(' days ', index)) return undefined;
  if (
    !COUNTED_DAY_CONDITION.test(text.slice(index + ' days'.length, index + 64)) &&
    !COUNTED_DAYS_BEFORE.test(text.slice(Math.max(0, start - COUNTED_DAYS_REACH), start))
  )
    return undefined;
  return { unit: COUNTED_DAY_UNIT, end: index + ' days'.length, english: true, phrase: 'days' };
}

function measuredEnglishSpan(text: string, index: number, start: number): UnitRead | undefined {
  const span = ENGLISH_SPAN.exec(text.slice(index, index + 7));
  if (span?.[1] === undefined) return undefined;
  const counted = countedEnglishDays(text, index, start);
  if (counted !== undefined) return counted;
  const before = text.slice(Math.max(0, start - MEASURED_SPAN_REACH), start);
  const base = MEASURED_SPAN_BASE_BEFORE.test(
    text.slice(Math.max(0, start - MEASURED_SPAN_BASE_REACH), start),
  );
  if (!(base || MEASURED_SPAN_BEFORE.test(before)) || SPAN_ONLY_BEFORE.test(before)) return undefined;
  return { unit: SPAN_UNITS.get(span[1]) ?? INDEX_LEVEL_UNIT, end: index + span[0].length, english: true };
}
const SPAN_UNITS = new Map(
  ['days', 'weeks'].map(
    (word) => [word, { unit: word, kind: 'other', measure: true, counter: false }] as const,
  ),
);

/** Whether one of `nouns` ends within the clause just before `start`. */
function nounJustBefore(text: string, start: number, nouns: string[]): boolean {
  for (let end = start; end > 0 && start - end <= TIME_COUNT_LOOKBACK; end--) {
    if (CLAUSE_PUNCTUATION.has(text.charCodeAt(end - 1))) return false;
    for (const noun of nouns) if (text.endsWith(noun, end)) return true;
  }
  return false;
}

const DIAN = 0x70b9; // 点
/** After N点, characters that make it a time of day (3点半, 10点钟, 8点前). */
const CLOCK_AFTER = codeSet('半钟整前后左多起到至');
const INDEX_WORDS = ['指数', '点位', '大盘', '收于', '报收', '上涨', '下跌', '涨', '跌'];

/** 收于3200点, 上涨25.3点: index points; 下午3点 is a time, 三点五 a decimal. */
function isIndexPoints(text: string, index: number, core: NumberCore, start: number): boolean {
  if (core.chinese || text.charCodeAt(index) !== DIAN) return false;
  const after = text.charCodeAt(index + 1);
  if (isArabic(after) || isChineseNumeral(after) || CLOCK_AFTER.has(after)) return false;
  if (core.fractionDigits !== '' || core.integerDigits.length >= 3) return true;
  return nounJustBefore(text, start, INDEX_WORDS);
}

/** Durations a clause may measure (平均通勤时间为36分钟), as written; 个月 before 月 so that it is read whole. */
const DURATION_UNITS = ['个月', '分钟', '小时', '秒', '天', '周', '年'];
/** Nouns that name a measured duration: the number after them is a metric, not a span that locates something. */
const DURATION_NOUNS = ['时间', '时长', '耗时', '间隔', '周期', '工期', '等待', '等候', '寿命', '年限'];
/** Verbs by which a measured duration changes (比2021年增加3分钟, 缩短至15天). */
const DURATION_CHANGE = /(?:增加|减少|缩短|延长|提前|节省|节约|压缩|多|少)(?:了|至|到)?$/;
/** How far back in its sentence a changed duration's noun may stand. */
const DURATION_REACH = 40;
/** After N年, what makes it a date or period (2023年底, 3年以来) rather than a measured length. */
const YEAR_AS_DATE = codeSet('月底末初度前后以来内间中');

/**
 * 平均单程通勤时间为36分钟, 平均搬家间隔约1.8年, 比2021年增加3分钟: a duration the text measures is a metric of its
 * own (kind other); elsewhere 20天 and 3个月 only say when or how long, and are not figures.
 */
function measuredDurationAt(
  text: string,
  index: number,
  core: NumberCore,
  start: number,
): UnitRead | undefined {
  const word = wordAt(text, index, DURATION_UNITS);
  if (word === undefined) return undefined;
  const end = index + word.length;
  if (word === '年' && (core.integerDigits.length > 2 || YEAR_AS_DATE.has(text.charCodeAt(end))))
    return undefined;
  // 通勤时间不足30分钟、30至60分钟、60分钟以上的分别占…: bounds of the groups a later share counts, not a metric.
  if (GROUP_BOUND_AFTER.test(text.slice(end, end + 4))) return undefined;
  const from = withoutQualifier(text, start);
  // 人均停留1.6天, 延长0.3天: a span that only says when or how long is whole; a fraction of one is measured.
  const measured =
    (core.fractionDigits !== '' && !core.chinese && word !== '年') ||
    durationLevelAt(text, from) ||
    (DURATION_CHANGE.test(text.slice(Math.max(0, from - 4), from)) && measuredEarlier(text, start, word));
  if (!measured) return undefined;
  return { unit: { unit: word, kind: 'other', measure: true, counter: false }, end, english: false };
}

// Only a list of bounds (不足30分钟、30至60分钟): a level followed by another group's (城市老人为3.1小时、农村老人为…) is one.
const GROUP_BOUND_AFTER = /^(?:以上|以下|以内|左右)?(?:的|、(?:[0-9０-９]|不足|不到|低于|超过|高于))/;

/** Where the number's prefix qualifier (约, 近) begins, else `start`. */
function withoutQualifier(text: string, start: number): number {
  return chinesePrefixBefore(text, start)?.index ?? start;
}

/** Words between a duration's noun and its level (时间为, 间隔约, 时长达到); a change (延长2小时) is not a level. */
const LEVEL_LINKS = /^(?:平均)?(?:为|是|达到|达|约为|仅为|仅|只有|共|由|降至|缩短至|缩短到|延长至|延长到)?$/;

/** 通勤时间为36分钟, 搬家间隔约1.8年: a duration noun, then only a link to its level. */
function durationLevelAt(text: string, from: number): boolean {
  for (let end = from; end > 0 && from - end <= 6; end--) {
    if (CLAUSE_PUNCTUATION.has(text.charCodeAt(end - 1))) return false;
    if (DURATION_NOUNS.some((noun) => text.endsWith(noun, end)))
      return LEVEL_LINKS.test(text.slice(end, from));
  }
  return false;
}

/** 时间为36分钟，比2021年增加3分钟: a change of a duration the sentence measured before, in its unit. */
function measuredEarlier(text: string, start: number, unit: string): boolean {
  const sentence = text.slice(sentenceOpening(text, start, DURATION_REACH), start);
  const at = sentence.indexOf(unit);
  return (
    at > 0 && isArabic(sentence.charCodeAt(at - 1)) && DURATION_NOUNS.some((noun) => sentence.includes(noun))
  );
}

/**
 * A time unit read as a count where the clause counts time; elsewhere 20天 is a duration, not a figure. A score or
 * a time count the sentence named before keeps its unit in the clauses after (得分为86.4分，比上年提高1.7分; 得分最低，
 * 为81.3分).
 */
function countedTimeAt(text: string, index: number, start: number): UnitRead | undefined {
  for (const { unit, nouns } of COUNTED_TIME) {
    const end = index + unit.unit.length;
    if (unit === SCORE_UNIT && text.charCodeAt(end) === ZHONG_CLOCK) continue;
    if (!text.startsWith(unit.unit, index)) continue;
    if (nounJustBefore(text, start, nouns) || nounEarlierInSentence(text, start, nouns))
      return { unit, end, english: false };
  }
  return undefined;
}

/** Whether one of `nouns` stands earlier in the sentence of `start`, within DURATION_REACH. */
function nounEarlierInSentence(text: string, start: number, nouns: string[]): boolean {
  const sentence = text.slice(sentenceOpening(text, start, DURATION_REACH), start);
  return nouns.some((noun) => sentence.includes(noun));
}

function readUnit(
  text: string,
  index: number,
  core: NumberCore,
  start: number,
): UnitRead | 'not-a-figure' | undefined {
  const counted = countedTimeAt(text, index, start);
  if (counted !== undefined) return counted;
  const duration =
    core.chinese || !isLatinLetter(text.charCodeAt(index))
      ? measuredDurationAt(text, index, core, start)
      : undefined;
  if (duration !== undefined) return duration;
  if (durationAfterNumber.match(text, index) !== undefined) return 'not-a-figure';
  const direct = chineseUnits.match(text, index);
  if (direct !== undefined) return { unit: direct.entry, end: index + direct.word.length, english: false };
  if (isIndexPoints(text, index, core, start))
    return { unit: INDEX_POINT_UNIT, end: index + 1, english: false };
  const code = text.charCodeAt(index);
  if (isLatinLetter(code) || (code === 0x20 && isLatinLetter(text.charCodeAt(index + 1)))) {
    if (core.chinese) return undefined;
    const span = measuredEnglishSpan(text, index, start);
    if (span !== undefined) return span;
    const english = englishUnitAt(text, index);
    if (english !== undefined)
      return { unit: english.unit, end: english.end, english: true, phrase: english.phrase };
    // A letter touching the number makes it a code (5G, 3D).
    return isLatinLetter(code) ? 'not-a-figure' : undefined;
  }
  const afterBreak = skipLayoutSpace(text, index);
  if (afterBreak > index && !core.englishStyle) {
    const broken = chineseUnits.match(text, afterBreak);
    if (broken !== undefined)
      return { unit: broken.entry, end: afterBreak + broken.word.length, english: false };
  }
  return undefined;
}

/**
 * A rate between two units, kept as written (元/平方米, 元/公斤, 美元/盎司, 万吨/日 → 吨/日: the scale goes, the
 * words stay); a price is money.
 */
function compoundUnit(text: string, read: UnitRead): UnitRead {
  if (!SLASHES.has(text.charCodeAt(read.end)) || read.unit.kind === 'percent') return read;
  const second = denominators.match(text, read.end + 1);
  if (second === undefined || second.entry === '%') return read;
  const written = read.english ? undefined : writtenUnitBefore(text, read.end, read.unit);
  return {
    ...read,
    unit: rateUnit(written ?? read.unit, second.entry),
    end: read.end + 1 + second.word.length,
  };
}

/** The unit word as the text writes it before `end` (美元 where the unit says USD). */
function writtenUnitBefore(text: string, end: number, unit: UnitInfo): UnitInfo | undefined {
  for (let length = 1; length <= 4; length++) {
    const word = chineseUnits.match(text, end - length);
    if (word?.word.length === length && word.entry === unit) return { ...unit, unit: word.word };
  }
  return undefined;
}

const YEARS_AFTER = /^ (?:years|months)\b/;
/** " months of sales", " years of imports": the time a stock covers at the pace of what draws on it. */
const STOCK_COVER_AFTER =
  /^ (?:years|months) of (?:[a-z-]+ )?(?:sales|supply|supplies|imports|consumption|demand)\b/;
/** " more than a year ago", " fewer than in 2024": a bare number is a count's change from an earlier one. */
const COUNT_CHANGE_AFTER = /^ (?:more|fewer) than (?:a year|the (?:previous|same|year)|last|in)\b/;
/** "The number of cruise ship calls at Port Ashford doubled to": the plural counted, and the verb to the level. */
const NUMBER_OF_BEFORE =
  /\bnumber of (?:[a-z-]+ ){0,3}?([a-z-]+s)\b[^.;:]{0,50}? (?:to|at|was|were|is|reached|hit|totall?ed) $/i;

/** The counted noun of a bare number that "the number of …" leads to, or undefined. */
function numberOfCounted(text: string, start: number): UnitInfo | undefined {
  const counted = NUMBER_OF_BEFORE.exec(text.slice(Math.max(0, start - 100), start))?.[1];
  return counted === undefined ? undefined : englishCountUnit(counted.toLowerCase());
}
/**
 * What states a level just before a number ("reached 79.2", "an average age of 38.5", "up from 78.6"), unlike a
 * span ("for 2.5").
 */
const LEVEL_BEFORE =
  /\b(?:reached|reaches|rose to|rises to|fell to|falls to|increased to|decreased to|dropped to|climbed to|stood at|stands at|averaged|averages|was|were|is|are|age of|up from|down from)\s+(?:about |around |nearly |almost |over |under )?$/i;
const DECIMAL_YEARS_UNIT: UnitInfo = { unit: 'years', kind: 'other', measure: true, counter: false };
const DECIMAL_MONTHS_UNIT: UnitInfo = { unit: 'months', kind: 'other', measure: true, counter: false };

function rateUnit(numerator: UnitInfo, denominator: string, joiner = '/'): UnitInfo {
  const kind = numerator.kind === 'money' ? 'money' : 'other';
  return { unit: `${numerator.unit}${joiner}${denominator}`, kind, measure: true, counter: false };
}

const MEI = 0x6bcf; // 每

/** 每平方公里1.2万人: a rate whose denominator stands before the number; returns the unit and the new start. */
function perUnitBefore(
  text: string,
  start: number,
  unit: UnitInfo,
  floor: number,
): { unit: UnitInfo; start: number } | undefined {
  if (unit.kind === 'percent' || unit.kind === 'ratio') return undefined;
  for (let length = 1; length <= 4 && start - length - 1 >= floor; length++) {
    if (text.charCodeAt(start - length - 1) !== MEI) continue;
    const denominator = denominators.match(text, start - length);
    if (denominator?.word.length === length) {
      // 每人每年380元: two denominators make a standard written as a plain amount, not a rate.
      if (perUnitBefore(text, start - length - 1, unit, floor) !== undefined) return undefined;
      // 每月1050元, 此后每小时1元: an amount per period is a plain amount; only a written rate (元/月) is a rate.
      const plain = unit.kind === 'money' && isPerTime(denominator.entry);
      return { unit: plain ? unit : rateUnit(unit, denominator.entry), start: start - length - 1 };
    }
  }
  return undefined;
}

/** How far before a price its 每 and quantity may stand (每吨分别降低130元, 每升将上涨0.12元左右). */
const PER_QUANTITY_REACH = 10;
const PER_QUANTITY_STOPS = codeSet('，,。；;：:！？!?、（）()\n');

/**
 * 汽油价格每吨分别降低130元: a price per physical quantity (吨, 升, 公斤, 平方米, 标准箱) whose 每 stands before the verb
 * that leads to the number. Only quantities: 每人可获补贴1200元 and 每户出资一两万元 are amounts, not prices.
 */
function perQuantityInClause(
  text: string,
  start: number,
  unit: UnitInfo,
  floor: number,
): UnitInfo | undefined {
  if (unit.kind !== 'money' || unit.unit.includes('/')) return undefined;
  for (let index = start - 2; index >= floor && start - index <= PER_QUANTITY_REACH; index--) {
    const code = text.charCodeAt(index);
    if (PER_QUANTITY_STOPS.has(code) || isArabic(code)) return undefined;
    if (code !== MEI) continue;
    const quantity = chineseUnits.match(text, index + 1);
    if (quantity === undefined || !isPhysicalQuantity(quantity.entry)) return undefined;
    return rateUnit(unit, quantity.word);
  }
  return undefined;
}

/** A unit of a physical quantity (吨, 升, 平方米, 标箱), which a price may be per. */
export function isPhysicalQuantity(unit: UnitInfo): boolean {
  return (
    unit.measure &&
    (unit.kind === 'other' || unit.kind === 'volume' || unit.kind === 'area' || unit.unit === '标箱')
  );
}

function prefixQualifier(text: string, start: number, floor: number) {
  const found = chinesePrefixBefore(text, start) ?? englishPrefixBefore(text, start);
  return found !== undefined && found.index >= floor ? found : undefined;
}

const rejected = (next: number): Reading => ({ next });
/** A currency written as a sign before its amount ($, HK$, €, £). */
const isDollarPrefix = (unit: UnitInfo | undefined) =>
  unit === USD_UNIT || unit === HKD_UNIT || unit === EUR_UNIT || unit === GBP_UNIT;
const CURRENCY_SIGNS = new Map([
  [0x20ac /* € */, EUR_UNIT],
  [0xa3 /* £ */, GBP_UNIT],
]);

/** The upper bound of a range at `at` (the 5% of 3%-5%, of "16% to 18%"): it must repeat the lower bound's unit. */
function upperBoundAt(text: string, at: number, start: number, unit: string) {
  const right = readCore(text, at);
  if (!isCore(right)) return undefined;
  const found = readUnit(text, right.end, right, start);
  const rightUnit = typeof found === 'object' ? compoundUnit(text, found) : undefined;
  return rightUnit !== undefined && rightUnit.unit.unit === unit
    ? { core: right, end: rightUnit.end }
    : undefined;
}
/** Reads the figure starting at `index` (a digit, a Chinese numeral, 百分之 or $); `floor` is the previous figure's end. */
export function readFigure(text: string, index: number, floor: number): Reading {
  let start = index;
  let cursor = index;
  let prefixUnit: UnitInfo | undefined;
  const first = text.charCodeAt(index);
  if (DOLLARS.has(first)) {
    // HK$62.35: Hong Kong dollars, by their ISO code.
    const hongKong = text.startsWith('HK', index - 2) && index - 2 >= floor;
    prefixUnit = hongKong ? HKD_UNIT : USD_UNIT;
    cursor++;
    if ((hongKong || text.startsWith('US', index - 2)) && index - 2 >= floor) start = index - 2;
  } else if (CURRENCY_SIGNS.has(first)) {
    prefixUnit = CURRENCY_SIGNS.get(first);
    cursor++;
  } else if (text.startsWith('百分之', index) || text.startsWith('千分之', index)) {
    prefixUnit = first === 0x767e /* 百 */ ? PERCENT_UNIT : PERMILLE_UNIT;
    cursor += 3;
  }
  const doubling =
    doublingAt(text, index, floor) ??
    halfAt(text, index, floor) ??
    (prefixUnit === undefined ? fractionAt(text, index, floor) : undefined);
  if (doubling !== undefined) return { figure: doubling, next: doubling.end };
  const [part, ...parts] = structureAt(text, index) ?? [];
  if (part !== undefined)
    return { figure: { ...part, structure: parts.length + 1 }, parts, next: parts.at(-1)?.end ?? part.end };
  if (prefixUnit === undefined && !quickCandidate(text, index)) return rejected(index + 1);
  const read = readCore(text, cursor);
  if (!isCore(read))
    return rejected(read === undefined ? index + 1 : Math.max(index + 1, read.rejectedUntil));
  const core = read;
  cursor = core.end;
  let qualifier: Qualifier = core.over ? 'over' : 'exact';
  let ratio: number | undefined;
  let upper: NumberCore | undefined;
  let inheritedExponent = 0;
  let unit: UnitRead | undefined;

  const next = text.charCodeAt(cursor);
  if (RANGE_CONNECTORS.has(next) && startsNumber(text, cursor + 1) && !isDollarPrefix(prefixUnit)) {
    const right = readCore(text, cursor + 1);
    if (isCore(right) && right.chinese === core.chinese) {
      inheritedExponent = !core.scaled && right.scaled ? right.exponent : 0;
      upper = right;
      cursor = right.end;
      if (right.over) qualifier = 'over';
    }
  } else if (
    RATIO_COLONS.has(next) &&
    isArabic(text.charCodeAt(cursor + 1)) &&
    ratioAllowed(text, cursor, start)
  ) {
    const right = readCore(text, cursor + 1);
    const left = coreValue(core);
    if (isCore(right) && left !== 0) {
      // 1:46 → 46 and 6.6:1 → 6.6: the side compared with one; right over left when neither is one.
      const rightValue = coreValue(right);
      ratio = rightValue === 1 && left !== 1 ? left : rightValue / left;
      cursor = right.end;
      unit = { unit: RATIO_UNIT, end: cursor, english: false };
    }
  }

  if (unit === undefined && prefixUnit !== undefined)
    unit = { unit: prefixUnit, end: cursor, english: isDollarPrefix(prefixUnit) };
  let unitSource: RawFigure['unitSource'];
  if (unit === undefined) {
    const found = readUnit(text, cursor, core, start);
    if (found === 'not-a-figure') return rejected(cursor);
    if (found !== undefined) unit = compoundUnit(text, found);
    else if (isEnglishYear(text, start, cursor)) return rejected(cursor);
    else if (!core.chinese && STOCK_COVER_AFTER.test(text.slice(cursor, cursor + 40))) {
      // "enough for nearly 19 months of sales": how long a stock lasts at the pace of its use is a measured level.
      const words = text.startsWith(' months', cursor) ? DECIMAL_MONTHS_UNIT : DECIMAL_YEARS_UNIT;
      unit = { unit: words, end: cursor + words.unit.length + 1, english: true };
    } else if (
      !core.chinese &&
      core.fractionDigits !== '' &&
      YEARS_AFTER.test(text.slice(cursor, cursor + 8)) &&
      LEVEL_BEFORE.test(text.slice(Math.max(0, start - 32), start))
    )
      // "life expectancy reached 79.2 years", "an average age of 38.5 years", "inventory fell to 14.2 months": a time
      // written to a decimal after a verb of level is a measured level; a span ("runs for 2.5 years") stays a duration.
      unit = text.startsWith(' months', cursor)
        ? { unit: DECIMAL_MONTHS_UNIT, end: cursor + 7, english: true }
        : { unit: DECIMAL_YEARS_UNIT, end: cursor + 6, english: true };
    else {
      // "another 10 to 12 gigawatts": a range writes its unit once, after the upper bound, as 3至5万 its scale.
      const ranged = core.chinese ? undefined : englishRangeUnitAhead(text, cursor, start, floor);
      const listed = core.chinese ? undefined : listUnitAhead(text, cursor, start);
      const numberOf = core.chinese ? undefined : numberOfCounted(text, start);
      if (ranged !== undefined) {
        unit = { unit: ranged.unit, end: cursor, english: true };
        // "3 to 5 million trees": the bare lower bound takes the scale of the upper.
        if (!core.scaled) inheritedExponent = ranged.exponent;
      }
      // "numbered 3.3 million, 42 percent of them…": no share is counted in millions, so no list shares its unit.
      else if (listed !== undefined && !(core.scaled && isShareUnit(listed.unit))) {
        unit = { unit: listed.unit, end: cursor, english: false };
        if (!core.scaled) inheritedExponent = listed.exponent;
        unitSource = 'list';
      } else if (endsOnHighScale(text, index, core)) {
        // 达300余万: a count whose unit the writer left out.
        unit = { unit: UNWRITTEN_UNIT, end: cursor, english: false };
        unitSource = 'none';
      } else if (numberOf !== undefined) {
        // "The number of cruise ship calls … doubled to 86": the count is of the plural its subject names.
        unit = { unit: numberOf, end: cursor, english: true };
      } else if (
        !core.chinese &&
        (core.englishStyle || COUNT_CHANGE_AFTER.test(text.slice(cursor, cursor + 24)))
      ) {
        // "population stood at 1.40967 billion", 9.02 million births: like 达300余万, a count whose unit the writer
        // left out. "over 300 more than a year ago": so is a change of a count, however small.
        unit = {
          unit: { unit: '', kind: 'count', measure: true, counter: false },
          end: cursor,
          english: true,
        };
        unitSource = 'none';
      } else if (!DATE_AFTER_BARE.has(text.charCodeAt(cursor)) && bareLevelUnit(text, start) !== undefined) {
        // 价格指数为100.4, 收入比由2.14缩小至2.10, PMI climbed to 52.4: an index or a ratio needs no unit.
        const level = bareLevelUnit(text, start) ?? INDEX_LEVEL_UNIT;
        unit = {
          unit: level,
          end: cursor,
          english: !core.chinese && isLatinLetter(text.charCodeAt(start - 2)),
        };
      } else {
        // Bare numbers are years, codes and list numbers in Chinese text; English ones need grouping or a scale.
        return rejected(cursor);
      }
    }
  }
  let fractionDigits = core.fractionDigits;
  const yuan = unit.unit.unit === '块' && core.exponent === 0 ? yuanAfter(text, unit.end) : undefined;
  if (yuan !== undefined) {
    unit = { unit: YUAN_UNIT, end: yuan.end, english: false };
    fractionDigits = yuan.fractionDigits;
  }
  const tenth =
    unit.unit.exponent === 1 && fractionDigits === '' ? tenthAfterCheng(text, unit.end) : undefined;
  if (tenth !== undefined) {
    unit = { ...unit, end: unit.end + 1 };
    fractionDigits = tenth;
  }
  // "$3.85 per kilogram", "468 yuan a night": a rate whose denominator follows the amount.
  const per = unit.english && unit.unit.kind !== 'percent' ? englishPerAfter(text, unit.end) : undefined;
  // "92,300 passengers a day", "14.5 hours a week": a count or a duration of a typical day keeps its own unit;
  // only an amount of money written so is a rate (468 yuan a night).
  const perArticle = per?.byArticle === true && unit.unit.kind !== 'money';
  if (per !== undefined && unit.unit.kind !== 'growth_rate' && !perArticle) {
    // A price or a yield per land area keeps its rate in words as written (yuan per square metre, kg per mu), as
    // does a concentration per volume (micrograms per cubic meter).
    const numerator =
      per.area === true && unit.phrase !== undefined ? { ...unit.unit, unit: unit.phrase } : undefined;
    unit = {
      ...unit,
      unit:
        numerator === undefined
          ? rateUnit(unit.unit, per.denominator)
          : rateUnit(numerator, per.denominator, ' per '),
      end: per.end,
    };
  }
  let unitExponent = unit.unit.exponent ?? 0;
  cursor = unit.end;
  const unitEnd = cursor;

  // A lone 一 is an article (一名工作人员表示), and other lone numerals count only measures (三人, not 三项);
  // 一成 and 一倍 are measures of their own.
  // 百名干部 is wording; 近百只 is a figure, made one by its qualifier.
  const qualified = core.loneCharacter && prefixQualifier(text, start, floor) !== undefined;
  const loneYi = core.loneCharacter && first === 0x4e00 && !core.over && !isProportion(unit.unit);
  const lone = core.chinese && core.loneCharacter && (loneYi || !unit.unit.measure) && !qualified;
  if (lone && prefixUnit === undefined) return rejected(cursor);
  if (core.loneHighUnit && prefixUnit === undefined && !qualified) return rejected(cursor);
  if (
    isOrdinalContext(text, start) ||
    isCodeBefore(text, start) ||
    isInsideTitle(text, start) ||
    isInsideSlogan(text, start, cursor) ||
    (unit.unit.counter && !unit.unit.measure && isSurveyCoverage(text, start, cursor))
  )
    return rejected(cursor);
  if (idioms.match(text, start) !== undefined) return rejected(cursor);
  if (!core.chinese && isEnglishDate(text, start, cursor)) return rejected(cursor);

  let rangeMax: NumberCore | undefined;
  // 四成多, 两倍多: 多 after a proportion bounds it as 余 does inside a number.
  if (isProportion(unit.unit) && innerQualifier(text.charCodeAt(cursor)) === 'over') {
    qualifier = 'over';
    cursor++;
  }
  const suffix = suffixAt(text, cursor);
  if (suffix !== undefined) {
    if (qualifier === 'exact') qualifier = suffix.qualifier;
    cursor = suffix.index;
  } else if (
    upper === undefined &&
    core.maxDigits === undefined &&
    RANGE_CONNECTORS.has(text.charCodeAt(cursor)) &&
    startsNumber(text, cursor + 1) &&
    !changeToLevel(text, start, cursor, unit.unit)
  ) {
    // 3%-5%, 3万元至5万元: the upper bound repeats the unit.
    const right = upperBoundAt(text, cursor + 1, start, unit.unit.unit);
    if (right !== undefined) {
      rangeMax = right.core;
      cursor = right.end;
    }
  } else if (upper === undefined && core.maxDigits === undefined && !core.chinese) {
    // "a margin of 16% to 18%": a range written with "to", unless a change or its base is before (rose 2% to 5%,
    // from 3% to 5%), where the second figure is the level; "between 2% and 4%" is a range whatever comes before.
    const between =
      text.startsWith(ENGLISH_RANGE_AND, cursor) &&
      BETWEEN_BEFORE.test(text.slice(Math.max(floor, start - 8), start));
    const to =
      !between &&
      text.startsWith(ENGLISH_RANGE_TO, cursor) &&
      !ENGLISH_CHANGE_BEFORE.test(text.slice(Math.max(floor, start - ENGLISH_CHANGE_REACH), start));
    const joiner = between ? ENGLISH_RANGE_AND : ENGLISH_RANGE_TO;
    const right =
      (between || to) && startsNumber(text, cursor + joiner.length)
        ? upperBoundAt(text, cursor + joiner.length, start, unit.unit.unit)
        : undefined;
    if (right !== undefined) {
      rangeMax = right.core;
      cursor = right.end;
    }
  }

  // 每标准箱2150美元: a rate keeps its numerator as written (美元/标准箱), though the amount alone is USD.
  const numerator = unit.english ? unit.unit : (writtenUnitBefore(text, unit.end, unit.unit) ?? unit.unit);
  const perUnit = core.chinese || !unit.english ? perUnitBefore(text, start, numerator, floor) : undefined;
  if (perUnit !== undefined) {
    unit = { ...unit, unit: perUnit.unit };
    start = perUnit.start;
  } else if (!unit.english) {
    const price = perQuantityInClause(text, start, numerator, floor);
    if (price !== undefined) unit = { ...unit, unit: price };
  }
  const prefix = prefixQualifier(text, start, floor);
  if (prefix !== undefined) {
    start = prefix.index;
    if (qualifier === 'exact') qualifier = prefix.qualifier;
  } else if (qualifier === 'exact' && !unit.english) {
    qualifier = detachedQualifierBefore(text, start, floor) ?? qualifier;
  }
  // 增长一倍, 提高了1.5倍: a growth of 100%, 150%.
  if (unit.unit.unit === '倍' && GROWTH_BEFORE_TIMES.suffixOf(text, withoutLe(text, start)) !== undefined) {
    unit = { ...unit, unit: GROWTH_PERCENT_UNIT };
    unitExponent += 2;
  }
  const value =
    ratio ??
    scaledDecimal(core.integerDigits, fractionDigits, core.exponent + inheritedExponent + unitExponent);
  let valueMax = upper === undefined ? undefined : coreValue(upper, unitExponent);
  if (core.maxDigits !== undefined) {
    valueMax = scaledDecimal(core.maxDigits, '', unitExponent);
    qualifier = 'approx';
  }
  if (rangeMax !== undefined) valueMax = coreValue(rangeMax, unitExponent);
  if (definesGroup(text, start, cursor, qualifier, valueMax, unit.unit.kind)) return rejected(cursor);
  if (AGE_BEFORE.test(text.slice(Math.max(floor, start - 8), start))) return rejected(cursor);
  // "37 projects, each worth at least $50 million": a bound on each thing counted is a threshold, no figure.
  if (
    (qualifier === 'over' || qualifier === 'under') &&
    EACH_BEFORE.test(text.slice(Math.max(floor, start - 20), start))
  )
    return rejected(cursor);
  if (!core.chinese && PER_BEFORE.test(text.slice(Math.max(floor, start - 6), start)))
    return rejected(cursor);
  if (!core.chinese && THRESHOLD_BEFORE.test(text.slice(Math.max(floor, index - 24), index)))
    return rejected(cursor);
  if (namesBasket(text, cursor, unit.unit)) return { next: cursor, nameFrom: cursor };
  if (namesClassOrField(text, cursor, unit.unit)) return rejected(cursor);
  // 61.8% of Hainan firms…: a figure between Latin words is English whatever its unit.
  const english =
    unit.english ||
    (text.charCodeAt(start - 1) === 0x20 && isLatinLetter(text.charCodeAt(start - 2))) ||
    (!core.chinese && text.charCodeAt(cursor) === 0x20 && isLatinLetter(text.charCodeAt(cursor + 1)));
  if (!Number.isFinite(value) || (valueMax !== undefined && !Number.isFinite(valueMax)))
    return rejected(cursor);
  const figure: RawFigure = { start, end: cursor, unitEnd, value, unit: unit.unit, qualifier, english };
  if (valueMax !== undefined) figure.valueMax = valueMax;
  if (unit.phrase !== undefined) figure.unitPhrase = unit.phrase;
  if (unitSource !== undefined) figure.unitSource = unitSource;
  return { figure, next: cursor };
}

const ZAI = 0x5728; // 在
const ZHAN = 0x5360; // 占
const DE = 0x7684; // 的
const ENUMERATION_COMMA = 0x3001; // 、

/**
 * 月收入在8000元以上的占27.6%, 养老金在3000元以下、3000至5000元、5000元以上的: a bound that defines a group of
 * people, not a figure of its own.
 */
function definesGroup(
  text: string,
  start: number,
  end: number,
  qualifier: Qualifier,
  valueMax: number | undefined,
  kind: UnitInfo['kind'],
): boolean {
  if (qualifier !== 'over' && qualifier !== 'under' && valueMax === undefined) return false;
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  // 每周乘坐地铁5次以上的: a bound written after the figure and followed by 的 always defines a group.
  if (after === DE && GROUP_BOUND.test(text.slice(end - 2, end))) return true;
  if (
    (before === ZAI || before === ENUMERATION_COMMA) &&
    (after === DE || after === ENUMERATION_COMMA) &&
    !LEVEL_AFTER_DE.test(text.slice(end + 1, end + 5))
  )
    return true;
  // 近半数受访者每年花费在500元以下, 61.3%的受访者每周锻炼不足3次: the bound says which people a share before it
  // counts. A share is no such bound (比重由35%提高到40%以上).
  const bounded = before === ZAI ? GROUP_BOUND.test(text.slice(end - 2, end)) : qualifier !== 'exact';
  if (bounded && kind !== 'percent' && shareEarlierInClause(text, start)) return true;
  // 新开工5000万元以上产业项目150个: a bound right before the noun of a count defines what is counted.
  if (GROUP_BOUND.test(text.slice(end - 2, end)) && isIdeograph(after) && countedRightAfter(text, end))
    return true;
  // 超过50万元的村有十一个, 500元至1000元的占31.2%: the group a figure right after it counts or shares; 不足3次的
  // 受访者比例: the group whose share is named right after it.
  return (
    after === DE &&
    (countedRightAfter(text, end + 1) || SHARE_NAMED_AFTER.test(text.slice(end + 1, end + 12)))
  );
}

/** 维持在4000至5000美元的高位区间: a range that is a level, not a group, before these words. */
const LEVEL_AFTER_DE = /^(?:高位|低位|合理|正常)?(?:区间|水平|范围|价位)/;

const GROUP_BOUND = /以上|以下|以内/;
const SHARE_NAMED_AFTER = /^[^，。；;,、0-9０-９]{0,8}?(?:比例|占比|比重)/;
/** "respondents aged over 60", "people aged 16 to 24": an age that defines a group, not a figure. */
const AGE_BEFORE = /\b(?:aged|ages?)\s+$/i;
/** "each worth at least", "each with more than": what every one of the things counted is at least. */
const EACH_BEFORE = /\beach (?:worth|valued at|costing|with|of|covering|employing)\s+$/i;
/** "A reading above 50 signals expansion", "a score below 60": a threshold that defines a class, no figure. */
const THRESHOLD_BEFORE = /\ban? [a-z]+ (?:above|below) $/i;
/** "for every 1,000 rural residents", "per 100,000 people", "every 10 minutes": what a rate is per, no figure. */
const PER_BEFORE = /\b(?:per|every|each)\s$/i;
/** Counters of kinds (28种蔬菜), which may name the basket an average price is taken over. */
const KIND_COUNTERS = new Set(['种', '类', '款']);
/** …重点监测蔬菜平均批发价格, …均价: what follows the kinds counted is their average price. */
const BASKET_PRICE_AFTER = /^[^，。；;,、0-9０-９]{1,12}?(?:均价|平均[^，。；;,]{0,4}价|价格指数)/;

/**
 * 28种重点监测蔬菜平均批发价格为4.62元/公斤: the number of kinds names the basket a price is averaged over; it is part
 * of the price's name, not a figure of its own.
 */
function namesBasket(text: string, end: number, unit: UnitInfo): boolean {
  return KIND_COUNTERS.has(unit.unit) && BASKET_PRICE_AFTER.test(text.slice(end, end + 20));
}
/** 41个工业大类行业中: the size of a fixed classification, which the figures after it count within. */
const CLASSIFICATION_AFTER = /^[\u4e00-\u9fff]{0,4}?(?:大类|中类|小类|门类)/;
/** 在全省16个设区市中居第5位: the number of peers a rank is taken among. */
const RANKED_AMONG_AFTER = /^[\u4e00-\u9fff]{1,10}?中(?:居|位居|排名|排在|排|列|位列|名列)(?:第|前|末)/;
/** 百亿元级项目, 万吨级码头: a size that names a class of things, not a figure (级别 is a level of its own). */
const SIZE_CLASS_AFTER = /^级(?!别)/;
/** 公交站点500米覆盖率, 3公里范围内: a distance that draws the area a rate or a count covers. */
const RADIUS_AFTER = /^(?:覆盖|服务半径|半径|范围|以内|之内)/;
const LENGTH_UNITS = new Set(['米', '公里']);

/**
 * A number that only names the field other figures are taken in: a classification's size, the peers of a rank, a
 * size class or a radius. Each is part of another figure's name, not a series of its own.
 */
function namesClassOrField(text: string, end: number, unit: UnitInfo): boolean {
  const after = text.slice(end, end + 16);
  if (SIZE_CLASS_AFTER.test(after)) return true;
  if (LENGTH_UNITS.has(unit.unit) && RADIUS_AFTER.test(after)) return true;
  return unit.kind === 'count' && (CLASSIFICATION_AFTER.test(after) || RANKED_AMONG_AFTER.test(after));
}

const SHARE_OF_PEOPLE = /(?:[0-9０-９.]%|[一二三四五六七八九十]成|半数)/;
const SHARE_REACH = 24;

/** Whether a share of people (近半数, 六成, 61.8%) stands earlier in the clause of `start`. */
function shareEarlierInClause(text: string, start: number): boolean {
  let from = start;
  // 秋粮收获近九成 粮食总产量有望超百万吨: a space between ideographs parts the clauses of a headline.
  while (
    from > 0 &&
    start - from < SHARE_REACH &&
    !CLAUSE_PUNCTUATION.has(text.charCodeAt(from - 1)) &&
    !isHeadlineGap(text, from - 1)
  )
    from--;
  return SHARE_OF_PEOPLE.test(text.slice(from, start));
}
/** A space between ideographs, or after a figure's % (沪指收跌0.82% 两市成交额…), before an ideograph. */
function isHeadlineGap(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  const previous = text.charCodeAt(index - 1);
  return (
    (code === 0x20 || code === 0x3000) &&
    (isIdeograph(previous) || previous === PERCENT_SIGN || previous === FULLWIDTH_PERCENT_SIGN) &&
    isIdeograph(text.charCodeAt(index + 1))
  );
}
const PERCENT_SIGN = 0x25;
const FULLWIDTH_PERCENT_SIGN = 0xff05;
/** How far after a group's 的 the figure that counts it may stand (的房企有55家). */
const GROUP_COUNT_REACH = 8;

function countedRightAfter(text: string, from: number): boolean {
  for (let index = from; index < text.length && index - from <= GROUP_COUNT_REACH; index++) {
    const code = text.charCodeAt(index);
    // 有过3次以上搬家经历的占比超过四成: the group whose share follows its 的.
    if (code === DE) return text.charCodeAt(index + 1) === ZHAN;
    if (CLAUSE_PUNCTUATION.has(code)) return false;
    if (code === ZHAN || isArabic(code) || isChineseNumeral(code)) return true;
  }
  return false;
}

/** Verbs before N倍 that make it a growth (增长一倍 = 100%) rather than a multiple (是去年的3倍). */
/** Verbs of a change whose 至 leads to the level it reached (增加4.3吨至986.7吨), not to a range's upper bound. */
const CHANGE_BEFORE_LEVEL = new SuffixSet(
  '增加 增长 减少 下降 提高 降低 上涨 下跌 上升 回落 上调 下调 扩大 缩小 收窄 攀升 回升 下行 上行 增 减 涨 跌 降'.split(
    ' ',
  ),
);
const ZHI = 0x81f3; // 至

/**
 * 增加4.3吨至986.7吨: a change, then the level it reached; 3吨至5吨 alone is a range, and so is a change of a rate
 * (增长5.5%至6%), whose level would be written in another unit.
 */
function changeToLevel(text: string, start: number, connector: number, unit: UnitInfo): boolean {
  if (text.charCodeAt(connector) !== ZHI || unit.kind === 'percent' || unit.kind === 'growth_rate')
    return false;
  const before = withoutLe(text, withoutQualifier(text, start));
  return CHANGE_BEFORE_LEVEL.suffixOf(text, before) !== undefined;
}

const GROWTH_BEFORE_TIMES = new SuffixSet(
  '增长 增加 提高 上升 提升 扩大 增 上涨 涨 攀升 跃升 飙升 激增 涨幅 增幅 涨幅达 增幅达 涨幅为 增幅为'.split(
    ' ',
  ),
);
const LE = 0x4e86; // 了

/** The index before a 了 that ends at `index` (增长了), else `index`. */
function withoutLe(text: string, index: number): number {
  return text.charCodeAt(index - 1) === LE ? index - 1 : index;
}

const FAN = 0x756a; // 番
const FAN_VERB = 0x7ffb; // 翻

/** 翻一番, 翻了两番: doubling n times is a growth of (2^n - 1) × 100%. */
function doublingAt(text: string, index: number, floor: number): RawFigure | undefined {
  if (text.charCodeAt(index + 1) !== FAN) return undefined;
  const times = chineseDigit(text.charCodeAt(index));
  const verbAt = withoutLe(text, index) - 1;
  if (times < 1 || times > 4 || verbAt < floor || text.charCodeAt(verbAt) !== FAN_VERB) return undefined;
  let end = index + 2;
  // 翻了一番多, 翻一番以上: more than doubled.
  const suffix = suffixAt(text, end);
  let qualifier: Qualifier = suffix?.qualifier ?? 'exact';
  if (suffix !== undefined) end = suffix.index;
  else if (innerQualifier(text.charCodeAt(end)) === 'over' && !isIdeograph(text.charCodeAt(end + 1))) {
    qualifier = 'over';
    end++;
  }
  return {
    start: verbAt,
    end,
    unitEnd: end,
    value: (2 ** times - 1) * 100,
    unit: GROWTH_PERCENT_UNIT,
    qualifier,
    english: false,
  };
}

const BAN = 0x534a; // 半
const YI = 0x4e00; // 一
const GUO = 0x8fc7; // 过
const SHUANG = 0x53cc; // 双
const CLOSING_QUOTES = codeSet('”’"」』');
const SHARE_VERB_BEFORE = /(?:占|占比|比重|比例)(?:为|达|达到)?$/;
/** After 半 or 一半, characters that make it half of a unit (近半年, 过半个月, 半成品), not a share. */
const HALF_OF_UNIT = codeSet('年月日天周个小时夜晌百千万亿场岛导价步截边山径瓶斤公米里秒分钟辈生世部成');

/** A share word ending at `end` with the qualifier written after it (半数以上, 四分之一左右), and where it then ends. */
function withSuffix(text: string, end: number): { qualifier: Qualifier; end: number } {
  const suffix = suffixAt(text, end);
  return suffix === undefined
    ? { qualifier: 'exact', end }
    : { qualifier: suffix.qualifier, end: suffix.index };
}

/** 近半数受访者, 半数以上, 近半租房青年, 接近一半, 过半: half of a population, a share of 50%. */
function halfAt(text: string, index: number, floor: number): RawFigure | undefined {
  const at = text.charCodeAt(index) === YI ? index + 1 : index;
  if (text.charCodeAt(at) !== BAN) return undefined;
  const counted = text.startsWith('数', at + 1);
  if (!counted && HALF_OF_UNIT.has(text.charCodeAt(at + 1))) return undefined;
  const unitEnd = counted ? at + 2 : at + 1;
  let { qualifier, end } = withSuffix(text, unitEnd);
  const prefix = prefixQualifier(text, index, floor);
  if (prefix !== undefined && qualifier === 'exact') qualifier = prefix.qualifier;
  // 过半: more than half, a bound the prefix words do not list (过 is a verb of its own elsewhere).
  // 双过半 (time and task both half done) is a slogan, not a share.
  const past =
    prefix === undefined &&
    text.charCodeAt(index - 1) === GUO &&
    index - 1 >= floor &&
    text.charCodeAt(index - 2) !== SHUANG &&
    !CLOSING_QUOTES.has(text.charCodeAt(at + 1));
  if (past && qualifier === 'exact') qualifier = 'over';
  // Without 数, 半 and 一半 are a share only when bounded (近半, 一半以上) or given as a share (占比为一半): 一半时间
  // is wording.
  const givenAsShare = SHARE_VERB_BEFORE.test(text.slice(Math.max(floor, index - 3), index));
  const suffixed = end !== unitEnd;
  if (!counted && prefix === undefined && !suffixed && !past && !givenAsShare) return undefined;
  const start = prefix?.index ?? (past ? index - 1 : index);
  return {
    start,
    end,
    unitEnd,
    value: 50,
    unit: PERCENT_UNIT,
    qualifier,
    english: false,
  };
}

/** Characters that make a digit after 成 the start of a word (一线, 三级, 一些, 两批), not its tenths. */
const WORD_AFTER_DIGIT = codeSet('线级些批次类档个半体致起直生点流成倍期号');

/**
 * 九成八, 八成六的受访者: a digit right after 成 is its tenth (98%, 86%), unless it opens a count of its own (三成六家)
 * or a word (五成一线城市).
 */
function tenthAfterCheng(text: string, at: number): string | undefined {
  const digit = chineseDigit(text.charCodeAt(at));
  const next = text.charCodeAt(at + 1);
  if (digit < 1 || isChineseNumeral(next) || chineseUnits.has(next) || WORD_AFTER_DIGIT.has(next))
    return undefined;
  return String(digit);
}

const FRACTION_OF = '分之';

/** 约占全市的四分之一, 约五分之一的受访者: a fraction written in words, a share in percent to one decimal. */
function fractionAt(text: string, index: number, floor: number): RawFigure | undefined {
  const denominator = readChineseNumeral(text, index);
  if (denominator === undefined || !text.startsWith(FRACTION_OF, denominator.end)) return undefined;
  const numerator = readChineseNumeral(text, denominator.end + FRACTION_OF.length);
  if (numerator === undefined || denominator.integer === 0n || denominator.fractionDigits !== '')
    return undefined;
  const share =
    (scaledDecimal(numerator.integer.toString(), numerator.fractionDigits, 0) / Number(denominator.integer)) *
    100;
  let { qualifier, end } = withSuffix(text, numerator.end);
  const prefix = prefixQualifier(text, index, floor);
  if (qualifier === 'exact')
    qualifier = prefix?.qualifier ?? detachedQualifierBefore(text, index, floor) ?? qualifier;
  return {
    start: prefix?.index ?? index,
    end,
    unitEnd: numerator.end,
    value: Math.round(share * 10) / 10,
    unit: PERCENT_UNIT,
    qualifier,
    english: false,
  };
}

function isShareUnit(unit: UnitInfo): boolean {
  return unit.unit === '%' || unit.unit === 'percentage points';
}

function isProportion(unit: UnitInfo): boolean {
  return unit.exponent !== undefined || unit.unit === '倍';
}

const LIST_SEPARATORS = codeSet('、和与及');
const LIST_ITEMS = 8;

/**
 * 分别提高0.9、1.4个百分点: a list item whose unit (and scale) the writer put once, after the last item.
 * Only a measure unit, or any unit after 分别, so that 2019、2020 and list numbers stay what they are.
 */
function listUnitAhead(
  text: string,
  index: number,
  start: number,
): { unit: UnitInfo; exponent: number } | undefined {
  let cursor = index;
  for (let item = 0; item < LIST_ITEMS; item++) {
    const separator = listSeparatorAt(text, cursor);
    if (separator === 0) return undefined;
    const next = readCore(text, cursor + separator);
    if (!isCore(next) || next.chinese) return undefined;
    const found = readUnit(text, next.end, next, start);
    if (found === 'not-a-figure') return undefined;
    if (found !== undefined) {
      const { unit } = compoundUnit(text, found);
      const distributed = text.slice(Math.max(0, start - DISTRIBUTION_LOOKBACK), start).includes('分别');
      return unit.measure || distributed ? { unit, exponent: next.exponent } : undefined;
    }
    cursor = next.end;
  }
  return undefined;
}

/** The measure unit (and scale) written after the upper bound of an English range ("10 to 12 gigawatts"). */
function englishRangeUnitAhead(
  text: string,
  index: number,
  start: number,
  floor: number,
): { unit: UnitInfo; exponent: number } | undefined {
  if (!text.startsWith(ENGLISH_RANGE_TO, index)) return undefined;
  // "rose from 10 to 12 percent": a change and the level it reached, not a range.
  if (ENGLISH_CHANGE_BEFORE.test(text.slice(Math.max(floor, start - ENGLISH_CHANGE_REACH), start)))
    return undefined;
  const right = readCore(text, index + ENGLISH_RANGE_TO.length);
  if (!isCore(right) || right.chinese) return undefined;
  const found = readUnit(text, right.end, right, start);
  if (typeof found !== 'object' || !found.unit.measure) return undefined;
  return { unit: compoundUnit(text, found).unit, exponent: right.exponent };
}

const ENGLISH_LIST_SEPARATORS = [' and ', ', ', ' or '];

/** The length of a list separator at `index` (、, 和, " and ", ", "), or 0. */
function listSeparatorAt(text: string, index: number): number {
  if (LIST_SEPARATORS.has(text.charCodeAt(index))) return 1;
  return wordAt(text, index, ENGLISH_LIST_SEPARATORS)?.length ?? 0;
}

/** How far before a list its 分别 may stand (城镇、农村居民收入增速分别提高). */
const DISTRIBUTION_LOOKBACK = 8;

/**
 * The words an index or a ratio is named by, then only links to its bare value: 价格指数（CPI）为, 满意度指数达,
 * 收入比由上年的, 收入比由2.14缩小至, 收入比缩小到; in English, an index or PMI rising or falling to its reading.
 */
const INDEX_LEVEL_BEFORE =
  /(?:(指数)|(收入比|之比|比值))(?:（[A-Za-z]{2,6}）|\([A-Za-z]{2,6}\))?(?:由|从)?(?:上年|去年|上月|上季度|同期)?的?(?:[0-9]+(?:\.[0-9]+)?(?:缩小|扩大|下降|上升|提高|降低|回升|回落|升|降)(?:至|到))?(?:为|是|达|达到|报|收于|(?:缩小|扩大|下降|上升|提高|降低|回升|回落|升|降)(?:至|到))?$/;
const ENGLISH_INDEX_BEFORE =
  /\b(?:index|sub-index|PMI|CPI)\b[^,.;]{0,40}?\b(?:rose|rises|climbed|climbs|fell|falls|slipped|slips|dropped|edged (?:up|down)|rebounded|stood|came in)(?:[^,.;]|\d\.\d){0,20}? (?:to|at) $/i;
const INDEX_LEVEL_REACH = 72;
/** 收入比2010年翻一番: a bare number before a date word is a year or a day, not a level. */
const DATE_AFTER_BARE = codeSet('年月日号季');

/** The unit of a bare number that is the level of an index or a ratio named just before it, else undefined. */
function bareLevelUnit(text: string, start: number): UnitInfo | undefined {
  // The name may stand before a figure the level changed from (收入比由上年的2.14缩小至2.10): within the clause.
  const before = text.slice(Math.max(0, start - INDEX_LEVEL_REACH), start);
  if (isLatinLetter(text.charCodeAt(start - 2)))
    return ENGLISH_INDEX_BEFORE.test(before) ? INDEX_LEVEL_UNIT : undefined;
  const match = INDEX_LEVEL_BEFORE.exec(before.slice(-24));
  if (match === null) return undefined;
  return match[2] === undefined ? INDEX_LEVEL_UNIT : BARE_RATIO_UNIT;
}

/** A number that ends on 万 or 亿 (300余万, 三百万) but not a bare scale word (千万, 万一). */
function endsOnHighScale(text: string, index: number, core: NumberCore): boolean {
  if (core.englishStyle || chinesePower(text.charCodeAt(core.end - 1)) < 4) return false;
  return !core.chinese || chineseDigit(text.charCodeAt(index)) > 0;
}

const JIAO = codeSet('毛角');
const FEN = 0x5206; // 分
const QIAN = 0x94b1; // 钱

/** 三块五毛, 一百三十五块六角七分钱, 五块钱: the spoken yuan, with its 角 and 分 as decimals. */
function yuanAfter(text: string, index: number): { fractionDigits: string; end: number } | undefined {
  if (text.charCodeAt(index) === QIAN) return { fractionDigits: '', end: index + 1 };
  const jiao = digitAt(text, index);
  if (jiao < 0 || !JIAO.has(text.charCodeAt(index + 1))) return undefined;
  let fractionDigits = String(jiao);
  let end = index + 2;
  const fen = digitAt(text, end);
  if (fen >= 0 && text.charCodeAt(end + 1) === FEN) {
    fractionDigits += String(fen);
    end += 2;
  }
  if (text.charCodeAt(end) === QIAN) end++;
  return { fractionDigits, end };
}

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return isArabic(code) ? arabicDigit(code) : chineseDigit(code);
}

/**
 * Most Chinese numeral characters in running text are words (一些, 统一); a lone one is worth reading only when
 * a unit, a scale, another numeral or 余/多/几 follows it.
 */
function quickCandidate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (isArabic(code)) return true;
  const after = text.charCodeAt(index + 1);
  if (!isChineseNumeral(code)) return opensVagueAmount(code, after);
  return (
    isChineseNumeral(after) ||
    chineseDigit(after) >= 0 ||
    innerQualifier(after) !== undefined ||
    after === 0x70b9 /* 点 */ ||
    chineseUnits.has(after) ||
    RANGE_CONNECTORS.has(after)
  );
}

/** Multiples a change may be written as (doubled, nearly triple): the growth they stand for, in percent. */
const MULTIPLES = new Map<string, number>([
  ['double', 100],
  ['doubled', 100],
  ['doubles', 100],
  ['triple', 200],
  ['tripled', 200],
  ['triples', 200],
  ['quadrupled', 300],
  ['quadruple', 300],
]);
const SMALL_NUMBERS = new Map([
  ...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].map(
    (word, at) => [word, at + 1] as const,
  ),
  ['twenty', 20] as const,
]);
/** Words a share written as "one in five" or "one in twenty" ends on: the whole it is a part of. */
const IN_WHOLE = /^ in (two|three|four|five|six|seven|eight|nine|ten|twenty)\b/i;
const FEWER = /(?:^|\s)(?:fewer|less) than $/i;
const MAX_WORD = 12;

function latinWordAt(text: string, index: number): string {
  let end = index;
  while (end < text.length && end - index < MAX_WORD && isLatinLetter(text.charCodeAt(end))) end++;
  return text.slice(index, end).toLowerCase();
}

/** Cardinals written as words, as newsrooms write small numbers and numbers that open a sentence. */
const CARDINALS = new Map<string, number>([
  ...[
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen',
    'eighteen nineteen',
  ]
    .join(' ')
    .split(' ')
    .map((word, at) => [word, at + 1] as const),
  ...'twenty thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((word, at) => [word, (at + 2) * 10] as const),
]);
/** Fractions that write a share or a change in words (fell by a fifth, a quarter of households). */
const FRACTIONS = new Map<string, number>([
  ['a fifth', 20],
  ['a quarter', 25],
  ['a third', 33.3],
  ['one fifth', 20],
  ['one quarter', 25],
  ['one third', 33.3],
  ['two thirds', 66.7],
  ['three quarters', 75],
]);
/** After a fraction, what shows it is an amount and not an ordinal (a third straight month): an end or "of". */
const FRACTION_END =
  /^(?:[,.;:!?)]|\s*$| of\b| from\b| to\b| in\b| on\b| and\b| or\b| since\b| compared\b| year\b| last\b| than\b)/;
/** After a bounded fraction, a word that is no measure of time or length it would be a part of (a quarter century). */
const FRACTION_BEFORE_VERB = /^ (?!(?:century|hour|mile|point|more|less|larger|smaller)\b)[a-z]/;
/** "nearly three times the level of 2021": a multiple of a level, the growth of (N − 1) × 100%. */
const TIMES_LEVEL = /^ times (?:the|its|their|that|as)\b/;
const PERIOD_BEFORE_FRACTION =
  /\b(?:in|per|each|every|for|the|first|last|past|next|previous|recent|coming)\s$/i;
const SENTENCE_OPENING = /(?:^|[.!?]\s+|\n\s*)$/;

/** "nearly half of students": a share; "the second half of the year" is a period. */
const HALF_OF = /^half of\b/i;
/** "half said", "half the households": a half that is no part of a period (half a year, half an hour). */
const HALF_ALONE = /^half (?!an?\b|(?:the )?(?:year|month|day|hour|century|decade|time)\b)[a-z]/i;
const PERIOD_BEFORE_HALF = /\b(?:first|second|latter|last|past|next|the)\s$/i;

function halfOfAt(text: string, index: number, floor: number): RawFigure | undefined {
  const prefix = englishPrefixBefore(text, index);
  // "Nearly half said they would…": a bounded half is a share without its "of".
  const bounded = prefix !== undefined && HALF_ALONE.test(text.slice(index, index + 16));
  if (!bounded && !HALF_OF.test(text.slice(index, index + 8))) return undefined;
  if (PERIOD_BEFORE_HALF.test(text.slice(Math.max(0, index - 8), index))) return undefined;
  const end = index + 4;
  return {
    start: Math.max(floor, prefix?.index ?? index),
    end,
    unitEnd: end,
    value: 50,
    unit: PERCENT_UNIT,
    qualifier: prefix?.qualifier ?? 'exact',
    english: true,
  };
}

/** "Thirty-two", "two": a cardinal in words at `index` and where it ends, else undefined. */
function cardinalAt(text: string, index: number): { value: number; end: number } | undefined {
  const word = latinWordAt(text, index);
  const value = CARDINALS.get(word);
  if (value === undefined) return undefined;
  const end = index + word.length;
  if (value >= 20 && value % 10 === 0 && text.charCodeAt(end) === 0x2d) {
    const unit = CARDINALS.get(latinWordAt(text, end + 1)) ?? 10;
    if (unit < 10) return { value: value + unit, end: end + 1 + latinWordAt(text, end + 1).length };
  }
  if (isLatinLetter(text.charCodeAt(end)) || text.charCodeAt(end) === 0x2d) return undefined;
  return { value, end };
}

/**
 * "two minutes less", "Thirty-two village clinics were upgraded", "a fifth", "nearly three times the level": numbers
 * in words. A small cardinal is a figure before a unit of measure, or before any counted noun when it opens the
 * sentence (writers spell out such numbers); elsewhere "two ports" is wording.
 */
function wordNumberAt(text: string, index: number, floor: number): RawFigure | undefined {
  const word = latinWordAt(text, index);
  if (!CARDINALS.has(word) && word !== 'a') return undefined;
  const next = latinWordAt(text, index + word.length + 1);
  const fraction = FRACTIONS.get(`${word} ${next}`) ?? FRACTIONS.get(`${word} ${next.replace(/s$/, '')}`);
  if (fraction === undefined && !CARDINALS.has(word)) return undefined;
  const prefix = englishPrefixBefore(text, index);
  const start = Math.max(floor, prefix?.index ?? index);
  const qualifier: Qualifier = prefix?.qualifier ?? 'exact';
  if (fraction !== undefined) {
    const end = index + word.length + 1 + next.length;
    // "more than a quarter skip breakfast": a bounded fraction is a share before a verb too.
    const bounded = prefix !== undefined && FRACTION_BEFORE_VERB.test(text.slice(end, end + 12));
    if (!bounded && !FRACTION_END.test(text.slice(end, end + 12))) return undefined;
    // "in the first three quarters", "per quarter": a period, not a share.
    if (PERIOD_BEFORE_FRACTION.test(text.slice(Math.max(0, index - 10), index))) return undefined;
    return { start, end, unitEnd: end, value: fraction, unit: PERCENT_UNIT, qualifier, english: true };
  }
  const cardinal = cardinalAt(text, index);
  if (cardinal === undefined || cardinal.value < 2) return undefined;
  const times = TIMES_LEVEL.exec(text.slice(cardinal.end, cardinal.end + 12));
  if (times !== null) {
    const end = cardinal.end + ' times'.length;
    const value = (cardinal.value - 1) * 100;
    return {
      start,
      end,
      unitEnd: end,
      value,
      unit: GROWTH_PERCENT_UNIT,
      qualifier,
      english: true,
      multiple: true,
    };
  }
  // "three days of heavy pollution": days counted, as in digits.
  const days = countedEnglishDays(text, cardinal.end, index);
  const unit = days ?? englishUnitAt(text, cardinal.end);
  if (unit === undefined) return undefined;
  const measured = days !== undefined || knownEnglishUnit(unit.unit);
  const opening =
    SENTENCE_OPENING.test(text.slice(Math.max(0, index - 3), index)) && /[A-Z]/.test(text.charAt(index));
  if (!measured && !opening) return undefined;
  return {
    start,
    end: unit.end,
    unitEnd: unit.end,
    value: cardinal.value,
    unit: unit.unit,
    qualifier,
    english: true,
    ...(unit.phrase === undefined ? {} : { unitPhrase: unit.phrase }),
  };
}

/**
 * English figures written in words: a multiple (doubled → 100% growth, nearly triple → about 200%) and a share
 * (one in five → 20%, fewer than one in ten → under 10%), a fraction (a fifth), a cardinal (two minutes);
 * undefined at any other word.
 */
export function englishWordFigureAt(text: string, index: number, floor: number): RawFigure | undefined {
  if (isLatinLetter(text.charCodeAt(index - 1))) return undefined;
  if ((text.charCodeAt(index) | 0x20) === 0x68 /* h */) return halfOfAt(text, index, floor);
  const inWhole = simpleWordFigureAt(text, index, floor);
  return inWhole ?? wordNumberAt(text, index, floor);
}

function simpleWordFigureAt(text: string, index: number, floor: number): RawFigure | undefined {
  const word = latinWordAt(text, index);
  const wordEnd = index + word.length;
  const multiple = MULTIPLES.get(word);
  const parts = SMALL_NUMBERS.get(word);
  if (multiple === undefined && parts === undefined) return undefined;
  // double-digit, a double room: a multiple stands as the verb, before no hyphen or noun of its own. "more than
  // double the 3.9 gigawatts installed a year earlier": a bounded multiple of a level is a growth all the same.
  if (
    multiple !== undefined &&
    (text.charCodeAt(wordEnd) === 0x2d ||
      /^ (?:digit|room)/i.test(text.slice(wordEnd, wordEnd + 7)) ||
      (/^ the\b/i.test(text.slice(wordEnd, wordEnd + 5)) && englishPrefixBefore(text, index) === undefined))
  )
    return undefined;
  let value: number;
  let end = wordEnd;
  if (multiple !== undefined) value = multiple;
  else {
    const whole = IN_WHOLE.exec(text.slice(wordEnd, wordEnd + 14));
    const of = whole?.[1] === undefined ? undefined : SMALL_NUMBERS.get(whole[1].toLowerCase());
    if (whole === null || of === undefined || parts === undefined || parts >= of) return undefined;
    value = Math.round((parts / of) * 1000) / 10;
    end = wordEnd + whole[0].length;
  }
  const prefix = englishPrefixBefore(text, index);
  const lookBack = text.slice(Math.max(floor, index - 12), index);
  const fewer = FEWER.exec(lookBack);
  const start = fewer !== null ? index - fewer[0].trimStart().length : (prefix?.index ?? index);
  const qualifier: Qualifier = fewer !== null ? 'under' : (prefix?.qualifier ?? 'exact');
  return {
    start: Math.max(start, floor),
    end,
    unitEnd: end,
    value,
    unit: multiple === undefined ? PERCENT_UNIT : GROWTH_PERCENT_UNIT,
    qualifier,
    english: true,
    ...(multiple === undefined ? {} : { multiple: true }),
  };
}
