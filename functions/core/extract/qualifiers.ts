// Words that make a figure approximate or a bound, wherever they stand: 约4.29亿元, 3万余户, 5%以上, about 12%.

import type { Qualifier } from '../model.ts';
import { isLatinLetter, wordAt } from './chars.ts';
import { SuffixSet } from './units.ts';

/** Before the number; the longest match wins, so 接近 beats 近 and 不超过 beats 超过. */
const CHINESE_PREFIXES = new Map<string, Qualifier>([
  ['大约', 'approx'],
  ['约合', 'approx'],
  ['约为', 'approx'],
  ['接近', 'approx'],
  ['将近', 'approx'],
  ['近', 'approx'],
  ['约', 'approx'],
  ['超过', 'over'],
  ['多于', 'over'],
  ['高于', 'over'],
  ['不少于', 'over'],
  ['不低于', 'over'],
  ['至少', 'over'],
  ['突破', 'over'],
  // 首破50万, 破百万: to break through a mark, like 突破 (but 打破 is to break a record).
  ['破', 'over'],
  ['不小于', 'over'],
  ['逾', 'over'],
  ['超', 'over'],
  // 过八成: only before a share (SHARE_AFTER_GUO); 参加过3次 is a verb's aspect, 通过3项 a verb.
  ['过', 'over'],
  ['不超过', 'under'],
  ['跌破', 'under'],
  ['不高于', 'under'],
  ['不大于', 'under'],
  ['不多于', 'under'],
  ['不到', 'under'],
  ['不足', 'under'],
  ['少于', 'under'],
  ['低于', 'under'],
  ['最多', 'under'],
]);
const CHINESE_PREFIX_WORDS = new SuffixSet(CHINESE_PREFIXES.keys());

/** After the number or its unit. */
const CHINESE_SUFFIXES: [string, Qualifier][] = [
  ['以上', 'over'],
  ['有余', 'over'],
  ['以下', 'under'],
  ['以内', 'under'],
  ['左右', 'approx'],
  ['上下', 'approx'],
];

/** Between the number and its scale or unit: 十余万, 1300多公顷, 十几年. */
export function innerQualifier(code: number): Qualifier | undefined {
  return code === 0x4f59 /* 余 */ || code === 0x591a /* 多 */ || code === 0x51e0 /* 几 */
    ? 'over'
    : undefined;
}

const ENGLISH_PREFIXES: [string, Qualifier][] = (
  [
    ['about', 'approx'],
    ['around', 'approx'],
    ['approximately', 'approx'],
    ['roughly', 'approx'],
    ['nearly', 'approx'],
    ['almost', 'approx'],
    ['close to', 'approx'],
    ['some', 'approx'],
    ['more than', 'over'],
    ['over', 'over'],
    ['above', 'over'],
    ['at least', 'over'],
    ['upwards of', 'over'],
    ['in excess of', 'over'],
    // Headlines and reports bound a figure by its verb (shipments top 90,000 tonnes, expects to exceed 23 million).
    ['exceeding', 'over'],
    ['surpassed', 'over'],
    ['surpasses', 'over'],
    ['surpass', 'over'],
    ['passed', 'over'],
    ['passes', 'over'],
    ['pass', 'over'],
    ['exceeded', 'over'],
    ['exceeds', 'over'],
    ['exceed', 'over'],
    ['topped', 'over'],
    ['tops', 'over'],
    ['top', 'over'],
    ['less than', 'under'],
    ['fewer than', 'under'],
    ['under', 'under'],
    ['below', 'under'],
    ['up to', 'under'],
    ['at most', 'under'],
    ['no more than', 'under'],
  ] as [string, Qualifier][]
).sort((left, right) => right[0].length - left[0].length);

const ENGLISH_SUFFIXES: [string, Qualifier][] = [
  ['or more', 'over'],
  ['or so', 'approx'],
];

interface Found {
  qualifier: Qualifier;
  /** Where the qualifier begins (prefixes) or ends (suffixes). */
  index: number;
}

/** 过八成, 过60%: a share passed. */
const SHARE_AFTER_GUO = /^(?:[一二三四五六七八九两]成|[0-9０-９]+(?:\.[0-9]+)?[%％])/;
/** 通过, 经过, 不过, 度过: verbs and a conjunction, not a bound. */
const VERBS_ENDING_IN_GUO = new Set([...'通经不度'].map((char) => char.charCodeAt(0)));

/** A Chinese qualifier ending exactly at `index`, or before a 了 there (超过了80只). */
export function chinesePrefixBefore(text: string, index: number): Found | undefined {
  const end = text.charCodeAt(index - 1) === 0x4e86 /* 了 */ ? index - 1 : index;
  const word = CHINESE_PREFIX_WORDS.suffixOf(text, end);
  const qualifier = word === undefined ? undefined : CHINESE_PREFIXES.get(word);
  if (word === '破' && text.charCodeAt(end - 2) === 0x6253 /* 打 */) return undefined;
  if (
    word === '过' &&
    (VERBS_ENDING_IN_GUO.has(text.charCodeAt(end - 2)) || !SHARE_AFTER_GUO.test(text.slice(index, index + 8)))
  )
    return undefined;
  return word === undefined || qualifier === undefined ? undefined : { qualifier, index: end - word.length };
}

/** 约占35%, 约有三成: 约 before the verb that leads to the figure qualifies the figure; the verb is not its span. */
const DETACHED_PREFIXES = new SuffixSet(['约占', '约占了', '大约占', '约有', '约达', '约是', '约合计']);
/** 不高于同地段市场租金的85%: a bound on a share of something named between the bound and the figure. */
const BOUND_OF = new Map<string, Qualifier>([
  ['不高于', 'under'],
  ['不超过', 'under'],
  ['不大于', 'under'],
  ['不低于', 'over'],
  ['不少于', 'over'],
  ['不小于', 'over'],
  // 约占计划投入的六成: about, of what the share is of.
  ['约占', 'approx'],
]);
const BOUND_OF_WORDS = new SuffixSet(BOUND_OF.keys());
/** How far a bound may stand before the 的 of what the share is of (不高于同地段市场租金的). */
const BOUND_OF_REACH = 14;
const CLAUSE_STOPS = new Set([...'，,。；;：:！？!?、\n'].map((char) => char.charCodeAt(0)));

/**
 * A qualifier that stands apart from the figure (约占35%, 不高于市场租金的85%): it says what the figure is
 * without being part of its span. Undefined when there is none.
 */
export function detachedQualifierBefore(text: string, start: number, floor: number): Qualifier | undefined {
  const detached = DETACHED_PREFIXES.suffixOf(text, start);
  if (detached !== undefined && start - detached.length >= floor) return 'approx';
  if (text.charCodeAt(start - 1) !== 0x7684 /* 的 */) return undefined;
  for (let end = start - 2; end > floor && start - end <= BOUND_OF_REACH; end--) {
    if (CLAUSE_STOPS.has(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x7684) return undefined;
    const word = BOUND_OF_WORDS.suffixOf(text, end);
    if (word !== undefined) return BOUND_OF.get(word);
  }
  return undefined;
}

/** 100万元（含）以上: the bound includes the figure itself, which does not change the qualifier. */
const INCLUSIVE_MARKS = ['（含）', '(含)'];

const ARTICLE_BEFORE = /\b(?:the|a) $/i;
/** "edged up to 5.1%", "ticked up to": the particle of a verb of movement, which leads to a level, not a bound. */
const MOVED_UP =
  /\b(?:edg|tick|inch|mov|climb|creep|jump|nudg|push|pick|revis)(?:e|es|ed|ing|s)? $|\b(?:crept|went|gone|rose|risen|shot) $/i;

/** An English qualifier ending at `index`, allowing one space before the number ("about 12%", "over $4 billion"). */
export function englishPrefixBefore(text: string, index: number): Found | undefined {
  const end = text.charCodeAt(index - 1) === 0x20 ? index - 1 : index;
  if (end === index) return undefined;
  for (const [phrase, qualifier] of ENGLISH_PREFIXES) {
    const start = end - phrase.length;
    if (start < 0 || isLatinLetter(text.charCodeAt(start - 1))) continue;
    if (text.slice(start, end).toLowerCase() !== phrase) continue;
    // "the top 10 exporters": a rank, not a bound.
    if (phrase === 'top' && ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 4), start))) continue;
    if (phrase === 'up to' && MOVED_UP.test(text.slice(Math.max(0, start - 9), start))) continue;
    return { qualifier, index: start };
  }
  return undefined;
}

/** A suffix qualifier starting at `index` (Chinese directly, English after one space); index is where it ends. */
export function suffixAt(text: string, index: number): Found | undefined {
  const inclusive = wordAt(text, index, INCLUSIVE_MARKS);
  const from = inclusive === undefined ? index : index + inclusive.length;
  for (const [word, qualifier] of CHINESE_SUFFIXES) {
    if (text.startsWith(word, from)) return { qualifier, index: from + word.length };
  }
  if (text.charCodeAt(index) !== 0x20) return undefined;
  for (const [phrase, qualifier] of ENGLISH_SUFFIXES) {
    const end = index + 1 + phrase.length;
    if (text.slice(index + 1, end).toLowerCase() === phrase && !isLatinLetter(text.charCodeAt(end))) {
      return { qualifier, index: end };
    }
  }
  return undefined;
}
