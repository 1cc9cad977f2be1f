// What looks like a figure but is not one: dates, durations, ordinals, codes, titles, slogans and idioms.
//
// Most of them need no list: a number must be followed by a unit to be a figure, so 5月12日, 2020年, 十三五,
// 六稳, 一盘棋 and 一带一路 fall out on their own. The lists below catch what would otherwise pass.
import { isIdeograph, isLatinLetter } from './chars.ts';
import { isChineseNumeral } from './numerals.ts';
import { Lexicon } from './units.ts';

/** Counter + time word: 3个月 is a duration although 个 is a counter. */
export const durationAfterNumber = new Lexicon<true>(
  ['个月', '个小时', '个工作日', '个季度', '个星期', '个周', '个年头', '个世纪', '个半月', '个多月'].map(
    (word) => [word, true] as const,
  ),
);

/** Fixed phrases whose numeral is followed by a unit but which are wording, not figures. */
export const idioms = new Lexicon<true>(
  '一成不变 三人行 一人一策 一人一档 一人一岗 五位一体 三位一体 四位一体 两个维护 三个代表 一位数 两位数 三位数 四位数 个位数 双位数'
    .split(' ')
    .map((word) => [word, true] as const),
);

/**
 * Characters before a number that make it an ordinal, a weekday, a denominator or a rank (第一位, 星期三, 每万人,
 * 分列二、三位).
 */
const ORDINAL_BEFORE = new Set([...'第星拜每初'].map((char) => char.charCodeAt(0)));
const LIE = 0x5217; // 列
/** 分列二、三位, 位列第…, 名列前…: 列 ranks after these; 专列2趟 counts trains. */
const RANKING_LIE = new Set([...'分位名并排'].map((char) => char.charCodeAt(0)));

function ranksBefore(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return ORDINAL_BEFORE.has(code) || (code === LIE && RANKING_LIE.has(text.charCodeAt(at - 1)));
}
const ENUMERATION_COMMA = 0x3001; // 、

export function isOrdinalContext(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (ranksBefore(text, start - 1)) return true;
  // 分列二、三位: the items after the first of a list of ranks are ranks too.
  if (before === ENUMERATION_COMMA) {
    let item = start - 1;
    while (item > 0 && isChineseNumeral(text.charCodeAt(item - 1))) item--;
    return item < start - 1 && ranksBefore(text, item - 1);
  }
  // 前三季度 and 前10名 rank or bound a period; 目前 and 此前 end in 前 without that sense.
  if (before === 0x524d /* 前 */) {
    const twoBefore = text.charCodeAt(start - 2);
    return twoBefore !== 0x76ee /* 目 */ && twoBefore !== 0x6b64 /* 此 */ && twoBefore !== 0x4e4b /* 之 */;
  }
  return false;
}

/** Part of a code or model name (5G, G20, PM2.5, COVID-19, A-380): a Latin letter touches the number. */
export function isCodeBefore(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (isLatinLetter(before)) return true;
  return (before === 0x2d || before === 0x2e || before === 0x2f) && isLatinLetter(text.charCodeAt(start - 2));
}

const TITLE_OPEN = 0x300a; // 《
const TITLE_CLOSE = 0x300b; // 》
const TITLE_LOOKBACK = 40;

/** Inside a title in 《》 (《2020年工作方案》《“十四五”规划》): names, not figures. */
export function isInsideTitle(text: string, start: number): boolean {
  const limit = Math.max(0, start - TITLE_LOOKBACK);
  for (let index = start - 1; index >= limit; index--) {
    const code = text.charCodeAt(index);
    if (code === TITLE_CLOSE || code === 0x3002 /* 。 */) return false;
    if (code === TITLE_OPEN) return true;
  }
  return false;
}

const QUOTE_OPEN = 0x201c; // “
const QUOTE_CLOSE = 0x201d; // ”
/** How far a slogan's quotes may stand from its figure. */
const SLOGAN_REACH = 6;

/**
 * A figure in a short quoted phrase with words of its own (“300米见绿”, “15分钟生活圈”): a slogan or a name, not a
 * figure. A quote that holds only the figure (“300米”) is still one.
 */
export function isInsideSlogan(text: string, start: number, end: number): boolean {
  let open = start;
  while (open > 0 && start - open < SLOGAN_REACH && isIdeograph(text.charCodeAt(open - 1))) open--;
  if (text.charCodeAt(open - 1) !== QUOTE_OPEN) return false;
  let close = end;
  while (close < text.length && close - end < SLOGAN_REACH && isIdeograph(text.charCodeAt(close))) close++;
  return text.charCodeAt(close) === QUOTE_CLOSE && (open < start || close > end);
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
const MONTH_NAMES = new Set(MONTHS);

/** An English date around a number: "May 12", "12 May", "May 2020". */
export function isEnglishDate(text: string, start: number, end: number): boolean {
  return MONTH_NAMES.has(latinWordBefore(text, start)) || MONTH_NAMES.has(latinWordAfter(text, end));
}

const YEAR = /^(?:19|20)\d{2}$/;

/** "the first half of 2024", "fiscal 2025": a bare four-digit number after an English word, with no unit, is a year. */
export function isEnglishYear(text: string, start: number, end: number): boolean {
  return YEAR.test(text.slice(start, end)) && latinWordBefore(text, start) !== '';
}

function latinWordBefore(text: string, start: number): string {
  let end = start;
  if (text.charCodeAt(end - 1) === 0x20) end--;
  if (text.charCodeAt(end - 1) === 0x2e) end--;
  let cursor = end;
  while (cursor > 0 && end - cursor < 12 && isLatinLetter(text.charCodeAt(cursor - 1))) cursor--;
  return text.slice(cursor, end).toLowerCase();
}

function latinWordAfter(text: string, end: number): string {
  const start = text.charCodeAt(end) === 0x20 ? end + 1 : end;
  let cursor = start;
  while (cursor < text.length && cursor - start < 12 && isLatinLetter(text.charCodeAt(cursor))) cursor++;
  return text.slice(start, cursor).toLowerCase();
}

/** 对28所高校的4650名毕业生开展调查: the places a survey covered, a 的 phrase before whom it asked. */
const COVERED_BEFORE_SAMPLE =
  /^[^，,。；;的0-9]{1,10}的[^，,。；;]{0,16}?(?:开展|进行)了?[^，,。；;]{0,8}?(?:调查|问卷|监测)/;
/** 调查7个县（市、区）的4200名居民: the places, then the count of those asked in them. */
const COVERED_THEN_COUNT = /^[^，,。；;的0-9]{1,10}的[0-9０-９][0-9０-９.]*万?(?:名|人|户|位)/;
const SURVEY_VERB_BEFORE = /(?:调查|访问|走访|问卷|抽取)[^，,。；;]{0,4}$/;
const COVERAGE_REACH = 40;

/**
 * Whether the count ending at `end` is the coverage of a survey (28所高校, 7个县), which only says where those asked
 * were, not a figure of its own.
 */
export function isSurveyCoverage(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + COVERAGE_REACH);
  if (COVERED_BEFORE_SAMPLE.test(after)) return true;
  return COVERED_THEN_COUNT.test(after) && SURVEY_VERB_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
