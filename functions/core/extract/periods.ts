// Dates and periods that locate figures (截至5月11日, 一季度, 1-5月, 上半年, 前4个月, 2022年, 去年同期): the
// day each one ends, which is the figure's as-of.
import { codeSet, SENTENCE_ENDS, wordAt } from './chars.ts';
import { arabicDigit, chineseDigit, readChineseNumeral } from './numerals.ts';

/** The publication date a period without a year is read against. */
export interface Publication {
  year: number;
  month: number;
  day: number;
}

export function publicationOf(publishedAt: string | undefined): Publication | undefined {
  const time = publishedAt === undefined ? Number.NaN : Date.parse(publishedAt);
  if (Number.isNaN(time)) return undefined;
  // The calendar day as written (2023-07-18T00:30:00+08:00 is the 18th where it was published).
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt ?? '');
  if (written !== null)
    return { year: Number(written[1]), month: Number(written[2]), day: Number(written[3]) };
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad = (value: number) => String(value).padStart(2, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastDayOf(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > lastDayOf(year, month))
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The same day one year earlier (29 February falls back to the 28th): the as-of of 去年同期. */
export function yearEarlier(isoDay: string): string {
  const year = Number(isoDay.slice(0, 4)) - 1;
  const month = Number(isoDay.slice(5, 7));
  const day = Math.min(Number(isoDay.slice(8, 10)), lastDayOf(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function publicationDay(publication: Publication): string {
  return `${publication.year}-${pad(publication.month)}-${pad(publication.day)}`;
}

/** A number of a date (Arabic, 二〇二〇 digit by digit, or a Chinese numeral), with where it ends. */
function readDatePart(text: string, index: number): { value: number; end: number } | undefined {
  let cursor = index;
  let digits = '';
  while (cursor < text.length && cursor - index < 4 && arabicDigit(text.charCodeAt(cursor)) >= 0) {
    digits += String(arabicDigit(text.charCodeAt(cursor++)));
  }
  if (digits !== '') return { value: Number(digits), end: cursor };
  if (chineseDigit(text.charCodeAt(index)) >= 0 && chineseDigit(text.charCodeAt(index + 1)) >= 0) {
    while (cursor < text.length && cursor - index < 4 && chineseDigit(text.charCodeAt(cursor)) >= 0) {
      digits += String(chineseDigit(text.charCodeAt(cursor++)));
    }
    return { value: Number(digits), end: cursor };
  }
  const numeral = readChineseNumeral(text, index, Math.min(text.length, index + 3));
  return numeral === undefined ? undefined : { value: Number(numeral.integer), end: numeral.end };
}

const YEAR = 0x5e74; // 年
const MONTH = 0x6708; // 月
const RANGE_MARKS = codeSet('-–—~～－至到');
const MONTH_END_WORDS = ['份', '末', '底'];

export interface Located {
  asOf: string;
  end: number;
  /** 截至…: the date holds for the whole sentence, not only what follows it. */
  until: boolean;
  /** A day or a 截至 date rather than a period: it dates a stock on that day, not the figures of a paragraph. */
  day: boolean;
  /** The period of the one figure right after it (2017年末的61.8%), not of those that follow. */
  ofFigure?: boolean;
}

interface YearRead {
  year?: number;
  end: number;
  /** Written as digits (2022年), not relative to publication (今年, 去年). */
  written?: boolean;
}

/**
 * Reads the year of an explicit or relative period at `index`: 2022年, 二〇二二年, 今年, 去年, 上年, 过去一年,
 * 过去五年. `undefined` year with `end === index` when none is written.
 */
function readYear(text: string, index: number, publication: Publication, current?: string): YearRead {
  if (text.startsWith('今年', index)) return { year: publication.year, end: index + 2 };
  // 2024年…，收入比由上年的2.14…: 上年 is the year before the one the paragraph speaks of.
  const spoken = current === undefined ? undefined : Number(current.slice(0, 4));
  if (text.startsWith('上年', index) && spoken !== undefined && spoken < publication.year)
    return { year: spoken - 1, end: index + 2 };
  if (text.startsWith('去年', index) || text.startsWith('上年', index)) {
    return { year: publication.year - 1, end: index + 2 };
  }
  if (text.startsWith('过去', index)) {
    // 过去一年, 过去五年, 过去的三年: the years up to the end of the last one.
    const from = text.startsWith('的', index + 2) ? index + 3 : index + 2;
    const span = readChineseNumeral(text, from, Math.min(text.length, from + 3));
    const end = span?.end ?? from;
    return text.charCodeAt(end) === YEAR ? { year: publication.year - 1, end: end + 1 } : { end: index };
  }
  const part = readDatePart(text, index);
  if (part !== undefined && part.value >= 1000 && text.charCodeAt(part.end) === YEAR) {
    return { year: part.value, end: part.end + 1, written: true };
  }
  return { end: index };
}

/** The month a period ends in and where its words end: 一季度 (3), 前三季度 (9), 上半年 (6), 1-5月 (5)… */
function readPeriodEnd(
  text: string,
  index: number,
): { month: number; day?: number; end: number; span?: true } | undefined {
  if (text.startsWith('上半年', index)) return { month: 6, end: index + 3 };
  if (text.startsWith('下半年', index)) return { month: 12, end: index + 3 };
  let cursor = index;
  const bounded = text.startsWith('前', cursor);
  if (bounded) cursor++;
  else if (text.startsWith('第', cursor)) cursor++;
  const first = readDatePart(text, cursor);
  if (first === undefined) return undefined;
  cursor = first.end;
  if (text.startsWith('季度', cursor)) {
    return first.value >= 1 && first.value <= 4 ? { month: first.value * 3, end: cursor + 2 } : undefined;
  }
  if (bounded && text.startsWith('个月', cursor)) {
    return first.value >= 1 && first.value <= 12 ? { month: first.value, end: cursor + 2 } : undefined;
  }
  let month = first.value;
  if (RANGE_MARKS.has(text.charCodeAt(cursor))) {
    const second = readDatePart(text, cursor + 1);
    if (second === undefined || second.value <= first.value) return undefined;
    month = second.value;
    cursor = second.end;
  }
  if (text.charCodeAt(cursor) !== MONTH || month < 1 || month > 12) return undefined;
  cursor++;
  const day = readDatePart(text, cursor);
  if (day !== undefined && isDayMark(text.charCodeAt(day.end))) {
    return dayRangeEnd(text, day.end + 1, month, day.value) ?? { month, day: day.value, end: day.end + 1 };
  }
  const tail = wordAt(text, cursor, MONTH_END_WORDS);
  return { month, end: tail === undefined ? cursor : cursor + tail.length };
}

const isDayMark = (code: number) => code === 0x65e5 /* 日 */ || code === 0x53f7; /* 号 */

/** 8时, 20时30分, 夜间: an hour or a part of the day after a day, which a span of days may start or end on. */
const TIME_OF_DAY = /^(?:[0-9]{1,2}(?:时|点)(?:[0-9]{1,2}分)?|夜间|凌晨|上午|下午|晚间|白天)/;
const TIME_OF_DAY_REACH = 6;

function afterTimeOfDay(text: string, index: number): number {
  const time = TIME_OF_DAY.exec(text.slice(index, index + TIME_OF_DAY_REACH))?.[0];
  return time === undefined ? index : index + time.length;
}

/**
 * 10月1日至8日, 9月28日—10月5日, 7月3日8时至4日8时: a span of days, which ends on its last one. Undefined when no later day follows the
 * range mark.
 */
function dayRangeEnd(
  text: string,
  index: number,
  month: number,
  firstDay: number,
): { month: number; day: number; end: number; span: true } | undefined {
  const mark = afterTimeOfDay(text, index);
  if (!RANGE_MARKS.has(text.charCodeAt(mark))) return undefined;
  const part = readDatePart(text, mark + 1);
  if (part === undefined) return undefined;
  if (isDayMark(text.charCodeAt(part.end))) {
    const end = afterTimeOfDay(text, part.end + 1);
    return part.value > firstDay ? { month, day: part.value, end, span: true } : undefined;
  }
  if (text.charCodeAt(part.end) !== MONTH || part.value < month || part.value > 12) return undefined;
  const day = readDatePart(text, part.end + 1);
  if (day === undefined || !isDayMark(text.charCodeAt(day.end))) return undefined;
  if (part.value === month && day.value <= firstDay) return undefined;
  return { month: part.value, day: day.value, end: day.end + 1, span: true };
}

/** Whether a year-less period ending on (month, day) lies so far after publication that it means last year. */
function isLastYears(month: number, day: number, publication: Publication): boolean {
  // Only early in a year does a period still to come mean last year's (四季度 in a January brief); later it is
  // a plan for this year (下半年还将新增…).
  if (publication.month > 2) return false;
  return month > publication.month + 1 || (month === publication.month + 1 && day > publication.day + 30);
}

const YEAR_PERIOD = 0x5ea6; // 度
/** Words after 今年 that make what follows a plan or target for the year. */
const PLAN_AFTER_THIS_YEAR = /^(?:将|计划|力争|拟|目标|工作|安排)/;
/** A plan verb within a few characters, in the same clause. */
const PLAN_SOON = /^[^，。；：,;:]{0,5}?(?:将|计划|力争|拟)/;
const PLAN_REACH = 8;
/** 2025年主要预期目标, 全年发展目标: the targets a year is given. */
const YEARS_TARGETS = /^(?:全年|全[市区县省])?(?:主要|经济社会发展|发展)?(?:预期)?目标/;
const YEARS_TARGETS_REACH = 10;
/** 2026年一般公共预算支出安排, 2026年全市财政预算: a budget set for the year, in the clause the year opens. */
const YEARS_BUDGET = /^[^，。；：,;:]{0,10}?(?:预算|支出安排)/;
const YEARS_BUDGET_REACH = 14;
/** 2023年末, 去年底: the last day of the year, as the whole year is. */
const YEAR_END_WORDS = codeSet('末底');
/** After 年度, words that open the clause it dates (2020年度，全市… / 2020年度全市…). */
const OPENS_CLAUSE = codeSet('，,。；;：:全我本该各');

/** 2025年“春风行动”, 2024年《…》: a quoted or titled name a year opens is a programme, like 2024年春风行动. */
const OPENS_NAME = codeSet('“《「『"');

function isProgrammeName(next: number): boolean {
  return (next >= 0x4e00 && next <= 0x9fff && !OPENS_CLAUSE.has(next)) || OPENS_NAME.has(next);
}

/** Ideographs after a period that make it something else: a start (以来, 起), a target (目标), a name (的). */
const NOT_LOCATING_AFTER = [
  '以来',
  '起',
  '开始',
  '至今',
  '的',
  '前',
  '后',
  '以后',
  '以前',
  '同期',
  '初',
  // 今年秋季 is a season, which ends on no known day.
  '春季',
  '夏季',
  '秋季',
  '冬季',
  // A survey or a release named by its period (二季度调查, 7月发布的, 7月公布的) is not dated by it.
  '调查',
  '发布',
  '公布',
  '民生调查',
  '问卷',
];

const SURVEY_AFTER = ['调查', '民生调查', '问卷'];

/**
 * The as-of of a period or 截至 date starting at `index`, or undefined: 截至5月11日, 截至6月底, 一季度, 1-5月,
 * 上半年, 前4个月, 2022年, 去年, 今年一季度, 2023年上半年. 去年同期 is not read here: it is the figure's own
 * period, read where the figure is labelled.
 */
export function periodAt(
  text: string,
  index: number,
  publication: Publication | undefined,
  clauseStart: boolean,
  current?: string,
  compared = false,
): Located | undefined {
  if (publication === undefined) return undefined;
  // 截至7月底，全市今年计划改造的150个小区已开工128个: inside a clause, the year's plan dates its total alone.
  if (
    !clauseStart &&
    text.startsWith('今年', index) &&
    PLANNED_TOTAL.test(text.slice(index, index + PLANNED_TOTAL_REACH))
  )
    return { asOf: `${publication.year}-12-31`, end: index + 2, until: false, day: false, ofFigure: true };
  let cursor = index;
  // 今年 dates a clause it opens (今年，南屿区安排…) or a plan it opens (临澜今年将新增…, 报告对今年工作作出部署); inside
  // a clause otherwise (平台今年已吸纳) it only says when.
  const opensOnThisYear =
    text.startsWith('今年', index) && !PLAN_AFTER_THIS_YEAR.test(text.slice(index + 2, index + 4));
  const until = text.startsWith('截至', cursor) || text.startsWith('截止', cursor);
  if (until) {
    cursor += 2;
    if (text.startsWith('到', cursor)) cursor++;
    // 截至北京时间6月12日17时: the time zone only says whose clock the day is on.
    if (text.startsWith(TIME_ZONE, cursor)) cursor += TIME_ZONE.length;
  }
  const year = readYear(text, cursor, publication, current);
  cursor = year.end;
  const period = readPeriodEnd(text, cursor);
  let located: { month: number; day: number; end: number } | undefined;
  if (period !== undefined) {
    let end = period.end;
    if (period.span === true) {
      // 10月1日至8日，全区共接待…: the figures of a span of days are counted over it, like those of a month.
      if (!clauseStart) return undefined;
      if (text.startsWith(DURING, end)) end += DURING.length;
    } else if (period.day !== undefined && !until) {
      // 6月20日起，…下调存款利率: the day from which the new levels hold dates them.
      if (text.startsWith(FROM_DAY, end)) end += FROM_DAY.length;
      if (!(clauseStart && opensFigurePhrase(text, end))) return undefined;
    }
    const month = period.month;
    const probeYear = year.year ?? publication.year;
    located = { month, day: period.day ?? lastDayOf(probeYear, month), end };
  } else if (year.year !== undefined && cursor > index && (clauseStart || !opensOnThisYear)) {
    // 2022年, 2020年度, 2023年末, 去年, 过去五年: the whole year. A year naming what follows (2021年度重点项目,
    // 2024年春风行动) is a programme; only a past year's report (2023年统计公报) is still dated by it.
    const fiscal = text.charCodeAt(cursor) === YEAR_PERIOD;
    const yearEnd = !fiscal && YEAR_END_WORDS.has(text.charCodeAt(cursor));
    const end = fiscal || yearEnd ? cursor + 1 : cursor;
    // 2023年柏原县将新建…: what a plan verb soon follows is the place or body that plans, not a programme.
    const naming =
      !yearEnd && isProgrammeName(text.charCodeAt(end)) && !PLAN_SOON.test(text.slice(end, end + PLAN_REACH));
    // 2025年主要预期目标是：…, 2026年一般公共预算支出安排…: the year's targets and budget are of its end, not a
    // programme named by the year.
    const targets =
      YEARS_TARGETS.test(text.slice(end, end + YEARS_TARGETS_REACH)) ||
      YEARS_BUDGET.test(text.slice(end, end + YEARS_BUDGET_REACH));
    if (naming && !targets && (fiscal || (year.written === true && year.year >= publication.year)))
      return undefined;
    located = { month: 12, day: 31, end };
  }
  if (located === undefined) return undefined;
  // 由2017年末的61.8%提高到92.4%: a period that a figure right after its 的 belongs to dates that figure alone.
  const ofFigure = text.charCodeAt(located.end) === OF && arabicDigit(text.charCodeAt(located.end + 1)) >= 0;
  // 与一季度调查相比: a survey compared with is dated by its period all the same.
  const surveyCompared = compared && SURVEY_AFTER.some((word) => text.startsWith(word, located.end));
  if (ofFigure) located.end++;
  else if (!surveyCompared && NOT_LOCATING_AFTER.some((word) => text.startsWith(word, located.end)))
    return undefined;
  // 结合今年5月租房青年调查结果: a survey named by its month, whose findings the clause does not give.
  else if (!compared && SURVEY_NAMED.test(text.slice(located.end, located.end + SURVEY_NAME_REACH)))
    return undefined;
  let resolvedYear = year.year ?? publication.year;
  if (year.year === undefined && isLastYears(located.month, located.day, publication)) resolvedYear--;
  const asOf = isoDate(
    resolvedYear,
    located.month,
    Math.min(located.day, lastDayOf(resolvedYear, located.month)),
  );
  if (asOf === undefined) return undefined;
  const day = until || (period?.day !== undefined && period.span !== true);
  return { asOf, end: located.end, until, day, ofFigure };
}

/** 2027年, 2027年底: a year a deadline names (到2027年…), whatever follows it; 2027年 opens no programme there. */
const DEADLINE_YEAR = /^([0-9]{4})年[底末]?/;

/** The end of the year a deadline (到2027年) names at `index`, and where it ends; undefined when none does. */
export function deadlineAt(text: string, index: number): { asOf: string; end: number } | undefined {
  const match = DEADLINE_YEAR.exec(text.slice(index, index + 6));
  return match === null ? undefined : { asOf: `${match[1]}-12-31`, end: index + match[0].length };
}

const DURING = '期间';
const TIME_ZONE = '北京时间';
/** 今年计划改造的150个: the total a plan for the year names, in a noun phrase of its own. */
const PLANNED_TOTAL = /^今年(?:计划|拟|将)[^，。；,;]{0,12}?的[0-9０-９一二三四五六七八九十两]/;
const PLANNED_TOTAL_REACH = 20;
/** 5月租房青年调查: a survey named by its month; not 8月开展满意度调查, when it was held. */
const SURVEY_NAMED = /^(?!开展|进行|组织|实施)[\u4e00-\u9fff]{1,10}?调查(?!显示|发现|表明|结果显示)/;
const SURVEY_NAME_REACH = 16;

const OF = 0x7684; // 的

const FROM_DAY = '起';

/**
 * 7月22日1年期LPR为3.35%: a day that opens the very noun phrase of a figure dates it; a day that opens a clause
 * of its own (5月13日，记者从…获悉) is when something was reported or happened.
 */
function opensFigurePhrase(text: string, end: number): boolean {
  if (arabicDigit(text.charCodeAt(end)) >= 0) return true;
  // 4月11日，多家金店报价升至…: a day set off before what was measured on it dates it, unless what follows says
  // who reported or met (5月13日，记者从…获悉) or describes a thing made (4月17日，船厂建造的2.8万立方米…).
  const code = text.charCodeAt(end);
  // 8月15日全国生猪出栏均价为18.24元/公斤: a day written right before the measure its clause gives dates it too.
  if (code >= 0x4e00 && code <= 0x9fff) {
    const clause = text.slice(end, end + DAY_CLAUSE_REACH);
    return FIGURE_IN_CLAUSE.test(clause) && !NOT_MEASURED_ON_DAY.test(clause);
  }
  if (code !== 0xff0c && code !== 0x2c) return false;
  return !NOT_MEASURED_ON_DAY.test(text.slice(end + 1, end + 1 + DAY_CLAUSE_REACH));
}

/** A number before the clause ends. */
const FIGURE_IN_CLAUSE = /^[^，,。；;：:]*?[0-9０-９]/;

/** Words in the clause after a day that make the day when something was reported, held or made. */
const NOT_MEASURED_ON_DAY =
  /^[^，。；]*?(?:记者|获悉|了解到|发布|公布|公告|披露|宣布|召开|举行|举办|会议|表示|介绍|称|报告|通报|消息|印发|出台|启动|开幕|闭幕|的[0-9０-９一二三四五六七八九十两])/;
const DAY_CLAUSE_REACH = 24;

const PERIOD_WORD_CHARS = codeSet('年月季');
const PERIOD_REACH = 8;

/**
 * Whether a period may start at `index`: a cheap look for 年, 月 or 季 close ahead, so that the numerals of running
 * text (一线, 统一, 十三五) are not read as dates one by one.
 */
export function mayOpenPeriod(text: string, index: number): boolean {
  const end = Math.min(text.length, index + PERIOD_REACH);
  for (let cursor = index + 1; cursor < end; cursor++) {
    if (PERIOD_WORD_CHARS.has(text.charCodeAt(cursor))) return true;
  }
  return false;
}

/** Characters a period, a reset or 去年同期 may start with; everything else is skipped without a look. */
export const PERIOD_START_CHARS =
  '截今去上下前第过目当现此全年同0123456789０１２３４５６７８９一二三四五六七八九十两〇';

/**
 * Words after which figures are of now, not of the period before them (目前已开工项目98个), or of some earlier
 * release the text does not date (据此前公布的普查…, 该局此前已将…).
 */
const NOW_WORDS = [
  '目前',
  '当前',
  '现在',
  '截至目前',
  '截止目前',
  '截至当前',
  '此前',
  // 今年秋季, 今秋: a season of the year under way ends on no known day; like 目前, it ends the period before.
  ...['今年', '今'].flatMap((year) => ['春季', '夏季', '秋季', '冬季'].map((season) => year + season)),
  '今春',
  '今夏',
  '今秋',
  '今冬',
];

/** Words of a plan or forecast after 全年: the year meant is the one under way, not the one just ended. */
const WHOLE_YEAR_AHEAD = /^.{0,4}?(?:力争|计划|预计|预期|目标|确保|将|有望|要)/;

/**
 * 全年 at `index`: the end of the year the paragraph speaks of (`current`, from 2023年… before it); else, for a plan
 * or forecast (全年力争…), of the year of publication; else, early in a year (up to March), of the year just
 * ended (全年办理不动产登记4.2万件 in a March brief). Later in a year a 全年 reached may be last year's or this one's:
 * undefined, as when 全年 is not there.
 */
export function wholeYearAt(
  text: string,
  index: number,
  publication: Publication | undefined,
  current: string | undefined,
  foreseen = false,
): Located | undefined {
  if (publication === undefined) return undefined;
  const whole = text.startsWith('全年', index);
  // 年末主城区猪肉零售均价…: the last day of the year, as 全年 is; 年底前 is a deadline, not a date of figures.
  const yearEnd = !whole && (text.startsWith('年末', index) || text.startsWith('年底', index));
  const deadline = text.charCodeAt(index + 2) === BEFORE;
  if (!(whole || (yearEnd && !deadline))) return undefined;
  const end = index + 2;
  let year: number | undefined;
  // 力争全年…, 预计全年…: a target or forecast is for the year under way, whatever the paragraph looked back on.
  if (foreseen) year = publication.year;
  else if (current !== undefined) year = Number(current.slice(0, 4));
  else if (WHOLE_YEAR_AHEAD.test(text.slice(end, end + 8))) year = publication.year;
  else if (publication.month <= 3) year = publication.year - 1;
  return year === undefined ? undefined : { asOf: `${year}-12-31`, end, until: false, day: false };
}

const BEFORE = 0x524d; // 前

/** 完成全年目标任务5000人的57.2%: the year's target, written right before its figure. */
const YEARS_TARGET_FIGURE =
  /^(?:全年|年度)(?:目标任务|目标|任务|计划)(?:为|是)?[0-9０-９一二三四五六七八九十两]/;

/**
 * The end of the year a target written right before its figure (全年目标任务5000人) is set for: the year the
 * paragraph speaks of, else the year of publication. Undefined when no such target starts at `index`.
 */
export function yearsTargetAt(
  text: string,
  index: number,
  publication: Publication | undefined,
  current: string | undefined,
): string | undefined {
  const code = text.charCodeAt(index);
  if (publication === undefined || (code !== 0x5168 /* 全 */ && code !== YEAR)) return undefined;
  if (!YEARS_TARGET_FIGURE.test(text.slice(index, index + 8))) return undefined;
  return `${current === undefined ? publication.year : current.slice(0, 4)}-12-31`;
}

const SAME_DAY = ['当日', '当天', '同日'];
/** 截至收盘, 收盘时: a market's close is the close of the trading day named before. */
const CLOSE_OF_DAY = ['截至收盘', '截止收盘', '收盘时', '尾盘', '收盘'];

/** Where 当日 (the day named before) ends, or undefined. */
export function sameDayAt(text: string, index: number): number | undefined {
  const word = wordAt(text, index, SAME_DAY);
  return word === undefined ? undefined : index + word.length;
}

/** Words that open a sentence still about the day before: a part of what was counted, more of it, that day. */
const GOES_ON_ABOUT_DAY = ['其中', '另有', '另外', ...SAME_DAY, '去年同期', '上年同期', ...CLOSE_OF_DAY];
/** How far a sentence is searched for 同期, which compares it with a year before at the same day. */
const SAME_PERIOD_REACH = 60;

/**
 * Whether the sentence at `start` goes on about the day the sentence before was dated by: it opens with 其中, 另有,
 * 当日 or 去年同期, or compares with the same day a year before (较去年同期减少93只).
 */
export function continuesDay(text: string, start: number): boolean {
  if (GOES_ON_ABOUT_DAY.some((word) => text.startsWith(word, start))) return true;
  const limit = Math.min(text.length, start + SAME_PERIOD_REACH);
  for (let index = start; index < limit && !SENTENCE_ENDS.has(text.charCodeAt(index)); index++) {
    if (text.charCodeAt(index) === SAME && text.charCodeAt(index + 1) === PERIOD) return true;
  }
  return false;
}
const SAME = 0x540c; // 同
const PERIOD = 0x671f; // 期

/** Where a word that brings figures back to the present ends, or undefined. */
export function nowAt(text: string, index: number): number | undefined {
  const word = wordAt(text, index, NOW_WORDS);
  return word === undefined ? undefined : index + word.length;
}

const YEAR_EARLIER = ['去年同期', '上年同期'];

/** Where 去年同期 or 上年同期 ends when it opens a clause at `index`: what follows is one year earlier. */
export function yearEarlierAt(text: string, index: number): number | undefined {
  const word = wordAt(text, index, YEAR_EARLIER);
  return word === undefined ? undefined : index + word.length;
}

/**
 * 去年同期 or 上年同期 with at most a verb before a figure: the figure is the series of the one before; so is one it
 * is above or below (低于去年同期的27.3亿元).
 */
const YEAR_EARLIER_SUBJECT =
  /^(?:而|但|较|比|[高低多少]于|)(?:去年|上年)同期(?:的|为|是|有|约|仅|只有|达到?|共|则为)?(?:下降|减少|增长|增加)?$/;

export function isYearEarlierSubject(clause: string): boolean {
  return YEAR_EARLIER_SUBJECT.test(clause);
}

const MONTH_NUMBERS = new Map<string, number>(
  [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may', 'may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap(([name, short], at) => [
    [name ?? '', at + 1],
    [short ?? '', at + 1],
  ]),
);
const ORDINALS = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
]);
const COUNTS = new Map(
  ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'].map(
    (word, at) => [word, at + 2] as const,
  ),
);

/** English periods: the quarter or half (first quarter [of 2024], Q1), the first N months, a month range
 * (January-April, Jan-April), a month (in March), a year (in 2023), last year; or a year earlier. */
const ENGLISH_PERIOD =
  /^(?:(first|second|third|fourth) quarter|q([1-4])|(first|second) half|first (two|three|four|five|six|seven|eight|nine|ten|eleven) months|([a-z]+)(?:-| to )([a-z]+)|(last) year|(a year (?:earlier|ago)|the same (?:period|month|quarter) (?:a year earlier|last year|of last year))|in (january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)|for ((?:19|20)\d\d))(?:,? (?:of )?((?:19|20)\d\d)\b)?/;

/** A verb in the past right before a period ("opened in"), not one of what is still to come (expected in). */
const PAST_VERB_BEFORE =
  /\b(?!(?:expected|scheduled|planned|slated|projected|forecasted|estimated|targeted|needed)\b)[a-z]{2,}ed $/i;
const PAST_VERB_REACH = 20;

export interface EnglishPeriod {
  /** The day the period ends, or undefined for a year earlier than the current as-of. */
  asOf: string | undefined;
  yearEarlier: boolean;
  /** Written "last year". */
  lastYear?: boolean;
  end: number;
}

/**
 * An English period starting at `index` (a word start): first quarter, Q1, first half, first four months,
 * January-April, in March, in 2023, last year, a year earlier; undefined when none does. A hyphenated period
 * names something (a second-quarter survey) and does not date it.
 */
/** "through September", "by the end of June", "as of end-June", "as of March 31, 2024": the day figures run up to. */
const ENGLISH_UNTIL =
  /^(?:(?:through|by the end of|at the end of|as of|as at) |(?:as of|as at|at|by) end-)(january|february|march|april|may|june|july|august|september|october|november|december)(?: (\d{1,2})(?!\d))?(?:,? ((?:19|20)\d\d))?/;

/** "at the end of 2023", "by end-2023", "as of year-end 2023": the last day of that year. */
const ENGLISH_YEAR_END =
  /^(?:(?:at|by) the end of|(?:at|by|as of) (?:end-|year-end |the end of ))((?:19|20)\d\d)\b/;

function englishUntilAt(text: string, index: number, publication: Publication): EnglishPeriod | undefined {
  const yearEnd = ENGLISH_YEAR_END.exec(text.slice(index, index + 32).toLowerCase());
  if (yearEnd?.[1] !== undefined)
    return { asOf: `${yearEnd[1]}-12-31`, yearEarlier: false, end: index + yearEnd[0].length };
  const match = ENGLISH_UNTIL.exec(text.slice(index, index + 48).toLowerCase());
  const month = match?.[1] === undefined ? undefined : MONTH_NUMBERS.get(match[1]);
  if (match === null || month === undefined) return undefined;
  let year = match[3] === undefined ? publication.year : Number(match[3]);
  const day = match[2] === undefined ? undefined : Number(match[2]);
  if (match[3] === undefined && isLastYears(month, day ?? lastDayOf(year, month), publication)) year--;
  const asOf = isoDate(year, month, day ?? lastDayOf(year, month));
  return asOf === undefined ? undefined : { asOf, yearEarlier: false, end: index + match[0].length };
}

export function englishPeriodAt(
  text: string,
  index: number,
  publication: Publication | undefined,
): EnglishPeriod | undefined {
  if (publication === undefined) return undefined;
  const until = englishUntilAt(text, index, publication);
  if (until !== undefined) return until;
  const match = ENGLISH_PERIOD.exec(text.slice(index, index + 48).toLowerCase());
  if (match === null) return undefined;
  const end = index + match[0].length;
  if (text.charCodeAt(end) === 0x2d /* - */) return undefined;
  if (match[8] !== undefined) return { asOf: undefined, yearEarlier: true, end };
  const [, quarter, q, half, months, from, to, last, , inMonth, forYear] = match;
  // "the 5.2 percent growth for 2023": a year, as "in 2023" is.
  const month = inMonth ?? forYear;
  const written = match[11] === undefined ? undefined : Number(match[11]);
  let endMonth: number | undefined;
  let year = written ?? publication.year;
  if (quarter !== undefined) endMonth = (ORDINALS.get(quarter) ?? 0) * 3;
  else if (q !== undefined) endMonth = Number(q) * 3;
  else if (half !== undefined) endMonth = half === 'first' ? 6 : 12;
  else if (months !== undefined) endMonth = COUNTS.get(months);
  else if (from !== undefined && to !== undefined) {
    if (MONTH_NUMBERS.get(from) === undefined) return undefined;
    endMonth = MONTH_NUMBERS.get(to);
  } else if (last !== undefined) {
    endMonth = 12;
    year = publication.year - 1;
  } else if (month !== undefined) {
    const monthNumber = MONTH_NUMBERS.get(month);
    endMonth = monthNumber ?? 12;
    if (monthNumber === undefined) year = Number(month);
    // "after the lines opened in December", in an April brief: a month still to come, after a verb in the past,
    // is last year's.
    else if (
      written === undefined &&
      monthNumber > publication.month &&
      PAST_VERB_BEFORE.test(text.slice(Math.max(0, index - PAST_VERB_REACH), index))
    )
      year--;
  }
  if (endMonth === undefined) return undefined;
  if (written === undefined && last === undefined && /^\d/.test(month ?? '') === false) {
    if (isLastYears(endMonth, lastDayOf(year, endMonth), publication)) year--;
  }
  const asOf = isoDate(year, endMonth, lastDayOf(year, endMonth));
  if (asOf === undefined) return undefined;
  return last === undefined
    ? { asOf, yearEarlier: false, end }
    : { asOf, yearEarlier: false, lastYear: true, end };
}

/** "lower than in the same month last year": the words that introduce a base compared with. */
const COMPARED_WITH_BEFORE = /(?:from|than|over|with) (?:in )?(?:the )?$/;

/** "up 34.6 percent from a year earlier": a base the change is measured from, not the figure's date. */
export function isComparedWith(text: string, index: number): boolean {
  return COMPARED_WITH_BEFORE.test(text.slice(Math.max(0, index - 13), index));
}
