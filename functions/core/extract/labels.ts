// The label of a figure: the name of what it measures, read from the words around it within its sentence.
//
// Chinese states a measure either before the number (城镇新增就业42303人) or, with a counter word, after it
// (737个社区党组织). Both sides are read within bounded windows, so labelling stays linear in the text.
import { codeSet, isIdeograph, wordAt } from './chars.ts';
import { isWrappedLineBreak } from './layout.ts';
import { isChineseNumeral } from './numerals.ts';
import { isPopulation } from './shares.ts';
import { chineseUnits, denominators, Lexicon, SuffixSet } from './units.ts';

const BACK_WINDOW = 40;
const FORWARD_WINDOW = 12;
/** A verb phrase this short before a counted noun belongs to the label (惠及居民, 抽调优秀医护骨干). */
const SHORT_VERB_PHRASE = 6;

/** Verbs that take the counted noun as their object; kept from a longer phrase (老旧小区改造惠及 → 惠及居民). */
const OBJECT_VERBS = (
  '惠及 涉及 覆盖 带动 帮助 吸纳 培训 招聘 安置 扶持 抽调 组建 组织 组成 开展 走访 认定 发放 提供 新增 新建 建成 ' +
  '改造 完成 服务 救助 慰问 接待 检测 排查 隔离 收治 治愈 派出 选派 接种 引进 签约 培育 吸引'
).split(' ');

const CLAUSE_STOP = codeSet('，,。；;：:！？!?…\n');
const OPEN_BRACKETS = codeSet('(（[【');
const CLOSE_BRACKETS = codeSet(')）]】');
const QUOTES = codeSet('“”‘’"\'「」『』《》');
const OPENING_QUOTES = codeSet('“‘「『《"');
const SPACES = codeSet(' \t\r\u3000\u00a0');
const ASIDES_OR_SPACE = /[()（）[\]【】\s\u3000\u00a0]/;
const longestFirst = (words: string[]) => [...words].sort((left, right) => right.length - left.length);

/** Verbs and particles between a label and its number (复工率达到98.4%, 控制在2.79%). */
const TRAILING_CONNECTIVES = new SuffixSet(
  (
    '控制在 保持在 稳定在 维持在 维持 提升至 提升到 提高至 提高到 上升至 上升到 下降至 下降到 回落至 降至 增至 增长至 增长到 ' +
    '达到了 达到 已达到 已达 高达 多达 约为 约有 共有 共计 合计 总计 累计达 累计 收于 报收 收报 报 多在 大多在 多为 ' +
    '集中在 集中于 均在 一般在 发放 定为 确定为 ' +
    '能有 可有 能达到 可达到 能达 可达 ' +
    '完成 实现 为 是 达 有 了 在 至 到 计 仅 只 就 即 已 均 都 则 亦 也 共 约 ，'
  ).split(' '),
);

/** Verbs that make a percentage a growth rate; they stay in the label (工业用电量增长). */
const GROWTH_VERB_LIST =
  '同比增长 同比下降 增长 增加 提高 上升 提升 下降 减少 降低 回落 下滑 放大 增幅 增速 涨幅 降幅 上涨 下跌 下调 上调 下行 上行 压减 同比增 环比增 减 涨 跌'.split(
    ' ',
  );
const GROWTH_VERBS = new SuffixSet(GROWTH_VERB_LIST);
const GROWTH_NOUNS = ['增速', '增幅', '增长率', '涨幅', '降幅', '跌幅'];

/** Time, place and discourse words that open a clause but are not part of what is measured. */
const LEADING_MODIFIER_LIST = (
  '其中 另外 此外 同时 而且 而 但 并且 并 截至目前 截止目前 截至 目前 当前 现在 至今 迄今 今年以来 今年 去年 明年 全年 年内 ' +
  '上半年 下半年 近年来 近年 近期 期间 去年末 去年底 上年末 上年底 我们 咱们 全市 全省 全国 全区 全县 全州 全镇 全乡 全村 我市 我省 我国 我区 我县 本市 本县 本区 ' +
  '该市 该省 该区 该县 该镇 该乡 该村 该州 该院 该校 该厂 该局 该行 该所 该馆 该站 该港 该店 该园 该公司 该企业 该集团 该中心 该 当地 ' +
  '这笔 这些 这 此 据统计 据了解 据悉 统计显示 数据显示 调查显示 结果显示 调查发现 报告显示 已有 已经 将 仍 还 继续 ' +
  '又 也 均 都 共有 共 有 同比 先后 平均每年 每年 当天 当日 全天 本周 本月 当周 当月 公司 拟 一次 一份 一套 ' +
  '加快 推进 推动 加强 力争 确保 实现 、 以及 及 和 与此同时 此次 本次 这次 现有 全市场 市里 县里 区里 镇里 ' +
  '乡里 村里 区内 市内 县内 镇内 辖区内 国内 按可比口径 按同口径 按可比价格计算 按可比价计算 扣除价格因素 另有 另 通过 过去 本次调查 此次调查 该调查 调查称 报告称 数据称 调查表明 调查指出 报告指出 统计称 主要城市 ' +
  // Bare time words that only say when (年末主城区猪肉零售均价, 上周蔬菜批发均价, 同期全市城镇调查失业率, 今秋新增学位).
  '今春 今夏 今秋 今冬 春季学期 秋季学期 ' +
  '年末 年底 月末 月底 上周 上月 同期 日内 周内 月内 盘中 同日 周一 周二 周三 周四 周五 周六 周日 星期一 星期二 星期三 星期四 星期五 星期六 星期日'
).split(' ');
/**
 * Holidays that open a clause (国庆假期, 元旦假期, 国庆黄金周, 春节期间, and the film season 国庆档): they only say
 * when, like 上半年.
 */
const HOLIDAY_PERIODS = '春节 国庆 五一 十一 端午 中秋 清明 元旦 暑期 寒假 暑假 中秋国庆 国庆中秋'
  .split(' ')
  .flatMap((holiday) => '假期 长假 小长假 黄金周 期间 假期期间 档'.split(' ').map((span) => holiday + span))
  .concat('假期 假期期间 黄金周 黄金周期间 小长假'.split(' '));
const LEADING_MODIFIERS = new Lexicon(
  [...LEADING_MODIFIER_LIST, ...HOLIDAY_PERIODS].map((word) => [word, true] as const),
);
/** Words that begin with a modifier character but are part of the label (有效投资, 均价, 共享单车). */
const PROTECTED_WORDS = new Lexicon(
  '有效 有关 有色 均价 均值 共享 并购 及时 还款 都市 将军 而立 已婚 与会 和谐 一次性 公司债 拟建 通过率 国内生产总值 国内旅游'
    .split(' ')
    .map((word) => [word, true] as const),
);

const DATE_WORDS = longestFirst('个月 月份 季度 年度 年 月 日 号 季'.split(' '));
const MIDDLE = '中';
const DATE_TAILS = longestFirst('以来 来 底 末 初 份 中旬 上旬 下旬 期间 前 后 中 内'.split(' '));

/** Words ending a counted noun read forward (20848个城乡居民小区 | 全部实现…). */
/** Verbs of which a counted noun is the subject (7.26万户企业享受社保费免减): they describe what is counted. */
const PREDICATE_VERB_LIST = (
  '享受 领取 参加 参与 获得 获评 获 发布 申请 办理 入选 入围 获批 落户 签约 投产 受益 接受 完成 实现 通过 入驻 ' +
  '上线 参保 报名 享有 得到 发行 涨停 跌停 上涨 下跌 选择 达成'
).split(' ');
const PREDICATE_VERBS = new Lexicon(PREDICATE_VERB_LIST.map((word) => [word, true] as const));
const FORWARD_STOP_WORDS = new Lexicon(
  [
    ...PREDICATE_VERB_LIST,
    ...(
      '组成 组建 进行 全部 全面 值守 共同 驰援 落地 发放 返还 开展 用于 正式 投入 建成 ' +
      '正在 对 在 与 和 及 将 已 等 为 是 被 把 向 从 到 于 均 都 也 还 并 可 就 让 给'
    ).split(' '),
  ].map((word) => [word, true] as const),
);
const PREPOSITIONS = codeSet('在对向为由从与和给把被让');

/** Contracted coordinations that 分别 distributes over: 存贷款余额分别增长… → 存款余额, 贷款余额. */
const CONTRACTIONS: [string, string[]][] = [
  ['存贷款', ['存款', '贷款']],
  ['进出口', ['进口', '出口']],
  ['中小学', ['中学', '小学']],
  ['城乡居民', ['城镇居民', '农村居民']],
  ['城乡', ['城市', '农村']],
  ['中外资', ['中资', '外资']],
  ['大中小学', ['大学', '中学', '小学']],
  ['一二三产业', ['第一产业', '第二产业', '第三产业']],
];
const ENUMERATION_SEPARATORS = /[、和与及]/;
const LIST_MARKS = /[、和]/;

/** Modifier-only labels under 其中 (其中国家级10个) take their noun from the total they break down. */
const MODIFIER_ENDINGS = ['级', '类', '型', '性'];

/** Where `text` continues after the longest word of `words` at `start` (start itself when none matches). */
function afterWord(text: string, start: number, words: Lexicon<true>): number {
  const found = words.match(text, start);
  return found === undefined ? start : start + found.word.length;
}

/** Verbs that, before 至/到, say a level was reached: 贸易顺差扩大至356亿元 states the surplus, not its change. */
const LEVEL_VERBS = new SuffixSet(
  (
    '增长 增加 提高 上升 提升 下降 减少 降低 回落 回升 下滑 上涨 下跌 扩大 缩小 收窄 发展 攀升 跃升 压缩 下调 上调 ' +
    '增 降 升 涨 跌 扩 缩减 扩展 延长 缩短 下行 上行'
  ).split(' '),
);

const PER_HEAD = codeSet('人户');
/** 年均, 月均, 日均, 周均: an average per span is part of the measure, not 都 (but 今年均, 当月均 are a date, then 都). */
const PER_SPAN = codeSet('年月日周');
const NAMED_SPAN = codeSet('今去明当本上下该次同前');

/** 均 at `at` is part of the word before it (人均, 户均, 年均增长), not the adverb 都. */
function isAveragedJun(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return PER_HEAD.has(before) || (PER_SPAN.has(before) && !NAMED_SPAN.has(text.charCodeAt(at - 2)));
}

/**
 * Adverbs between a subject and its verb or figure: they say how, when or how surely, not what is measured
 * (猪肉价格则上涨, 茶叶产量首次突破, 优良天数比例连续五年保持在, 产值有望突破).
 */
const ADVERBS = new SuffixSet(
  (
    '则 亦 也 仍 又 均 都 已 已经 同样 首次 首 再次 一度 继续 持续 进一步 将 仍将 还将 也将 有望 大幅 小幅 ' +
    '明显 稳步 略有 盘中 当日 当天 平均 由此 力争 争取 或 普遍 统一 同日 再 要 将要'
  ).split(' '),
);
/** First characters of words that end in 要 and are no modal verb (主要, 重要, 纪要, 摘要, 概要, 需要, 必要). */
const WORDS_ENDING_IN_YAO = codeSet('主重纪摘概需必提');
/** 连续五年, 连续3个月: a span the level held for, not part of what is measured. */
const HELD_FOR = /连续(?:第)?[0-9一二三四五六七八九十两]+(?:年|个月|个季度|天|日|个交易日|周)$/;

const YEAR_CHAR = 0x5e74; // 年

/** Where a phrase ends without the adverbs that end it (猪肉价格则 → 猪肉价格); `end` when none does. */
function endBeforeAdverbs(text: string, end: number): number {
  let cut = end;
  for (let round = 0; round < 4 && cut > 0; round++) {
    const adverb = ADVERBS.suffixOf(text, cut);
    // 人均800元: 均 is part of 人均 there, not 都. 两年平均增长: an average over years is a measure of its own; so
    // is an average rise (平均涨幅), a noun.
    const kept =
      (adverb === '均' && isAveragedJun(text, cut - 1)) ||
      (adverb === '平均' &&
        (text.charCodeAt(cut - 3) === YEAR_CHAR || wordAt(text, cut, GROWTH_NOUNS) !== undefined)) ||
      (adverb === '要' && WORDS_ENDING_IN_YAO.has(text.charCodeAt(cut - 2)));
    if (adverb !== undefined && !kept) {
      cut -= adverb.length;
      continue;
    }
    const held = HELD_FOR.exec(text.slice(Math.max(0, cut - 8), cut));
    if (held === null) break;
    cut -= held[0].length;
  }
  return cut;
}

const PER_COUNTED = /每[0-9]{1,4}[\u4e00-\u9fff]{1,3}$/;

/** 每人每年, 每月: the denominators a standard is stated per, written before its amount. */
function endBeforeDenominators(text: string, end: number): number {
  let cut = end;
  // 运价为每40英尺箱, 每100克: a denominator with a quantity of its own.
  const counted = PER_COUNTED.exec(text.slice(Math.max(0, end - 9), end));
  if (counted !== null) cut = end - counted[0].length;
  for (let round = 0; round < 3; round++) {
    const mei = text.lastIndexOf('每', cut - 2);
    if (mei <= 0 || cut - mei > 3 || denominators.match(text, mei + 1)?.word.length !== cut - mei - 1) break;
    cut = mei;
  }
  return cut;
}

/** First characters of words that end in 约 (合约, 契约, 签约, 预约, 条约, 公约, 履约, 违约, 特约, 节约, 制约). */
const WORDS_ENDING_IN_YUE = codeSet('合契签预条公履违特节制邀');
/** First characters of words that end in 计 and say no total (预计, 估计, 统计, 设计, 会计, 审计). */
const WORDS_ENDING_IN_JI = codeSet('预估统设会审');

/**
 * Where a phrase ends once trailing connectives, adverbs and denominators are removed: 复工率达到 → 复工率,
 * 顺差扩大至 → 顺差, 茶叶产量首次 → 茶叶产量, 个人缴费标准为每人每年 → 个人缴费标准.
 */
function endBeforeConnectives(text: string): number {
  let end = text.length;
  for (let round = 0; round < 12 && end > 0; round++) {
    const word = TRAILING_CONNECTIVES.suffixOf(text, end);
    // 人均800元: 均 is part of 人均 there, not 都.
    // 合约, 签约: 约 is part of the word there, not 大约.
    if (word === '约' && WORDS_ENDING_IN_YUE.has(text.charCodeAt(end - 2))) break;
    // 预计, 估计, 统计: 计 is part of the word there, not 共计.
    if (word === '计' && WORDS_ENDING_IN_JI.has(text.charCodeAt(end - 2))) break;
    // 月薪平均为6420元: 平均 after the measure only says how it was taken.
    if (word === '均' && text.charCodeAt(end - 2) === 0x5e73 /* 平 */ && end > 3) {
      end -= 2;
      continue;
    }
    if (word === undefined || (word === '均' && isAveragedJun(text, end - 1))) {
      const cut = endBeforeDenominators(text, endBeforeAdverbs(text, end));
      if (cut === end) break;
      end = cut;
      continue;
    }
    end -= word.length;
    const reached = word === '至' || word === '到';
    const verb = reached ? LEVEL_VERBS.suffixOf(text, end) : undefined;
    // 提高到92.4% alone: the level its subject reached, named by the clause before (…由61.8%提高到92.4%).
    if (verb !== undefined && end >= verb.length) end -= verb.length;
  }
  return end;
}

const DEADLINE = 0x5230; // 到
/** 到今年年底, 到年末: the end of a period a target is set for, written without a number; it says when. */
const DEADLINE_PERIODS = new Lexicon(
  '今年年底 今年底 今年年末 今年末 明年年底 明年底 明年 年底 年末 月底 月末 本月底 本月末 年内 期末'
    .split(' ')
    .map((word) => [word, true] as const),
);

/** After a leading date expression (5月份, 2013年以来, 1-4月, 第一季度, 前4个月), or `start` when there is none. */
function afterDate(text: string, start: number): number {
  const first = text.charCodeAt(start);
  // 到2027年: a deadline says when, like the date it opens.
  if (first === DEADLINE) {
    const after = afterDate(text, start + 1);
    if (after > start + 1) return after;
    const period = afterWord(text, start + 1, DEADLINE_PERIODS);
    return period > start + 1 && period < text.length ? period : start;
  }
  const ordinal = first === 0x7b2c /* 第 */ || first === 0x524d; /* 前 */
  let cursor = ordinal ? start + 1 : start;
  const digitsStart = cursor;
  while (cursor < text.length) {
    const code = text.charCodeAt(cursor);
    if ((code >= 0x30 && code <= 0x39) || isChineseNumeral(code) || code === 0x2d || code === 0x81f3)
      cursor++;
    else break;
  }
  if (cursor === digitsStart) return start;
  const dateWord = wordAt(text, cursor, DATE_WORDS);
  if (dateWord === undefined) return start;
  cursor += dateWord.length;
  if (dateWord === '年' && (text.startsWith('平均', cursor) || text.startsWith('均', cursor))) return start;
  // 1年期贷款市场报价利率, 3个月期: a term names the series, it does not date it.
  if (text.startsWith('期', cursor)) return start;
  if (dateWord === '号' && isNamedNumber(text, cursor)) return start;
  const tail = wordAt(text, cursor, DATE_TAILS);
  // 一季度中小企业发展指数: a 中 that opens a word (中小企业, 中药材) is no tail of the date.
  if (tail === MIDDLE && isIdeograph(text.charCodeAt(cursor + 1))) return cursor;
  return tail === undefined ? cursor : cursor + tail.length;
}

/** Ideographs after N号 that make it a date (5号起, 12号上午) rather than a name (1号线, 3号楼). */
const AFTER_DAY_NUMBER = codeSet('起前后晚上下凌当至到');

function isNamedNumber(text: string, afterHao: number): boolean {
  const code = text.charCodeAt(afterHao);
  return code >= 0x4e00 && code <= 0x9fff && !AFTER_DAY_NUMBER.has(code);
}

const COMPARISON_BASES = longestFirst(
  '去年 上年 上月 上个月 上季度 年初 月初 上周 前一周 上一周 前一日 同期 常年 上一年 前一年 上半年 下半年 上一轮调查 上一轮 上期 上次调查 原标准 上一交易日 前一交易日 上届'.split(
    ' ',
  ),
);
/** What a base may name after its period: 比去年秋季学期, 较3月调查 (a survey round is a base like a month). */
const COMPARISON_TAILS = longestFirst(
  '同期 全年 底 末 初 秋季学期 春季学期 学期 调查 调查时 暑期 寒假 春节 国庆'.split(' '),
);

/** After a leading comparison base (比去年, 较去年底, 比一季度), or `start` when there is none. */
function afterComparison(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first !== 0x6bd4 /* 比 */ && first !== 0x8f83 /* 较 */) return start;
  const base = wordAt(text, start + 1, COMPARISON_BASES);
  const afterBase = base === undefined ? afterDate(text, start + 1) : start + 1 + base.length;
  if (afterBase === start + 1) return start;
  const tail = wordAt(text, afterBase, COMPARISON_TAILS);
  if (tail === undefined) return afterBase;
  // 较去年同期调查: a round of a survey a year before.
  const round = wordAt(text, afterBase + tail.length, COMPARISON_TAILS);
  return afterBase + tail.length + (round === undefined ? 0 : round.length);
}

/** 有吸烟习惯的受访者: 有 opening a 的 phrase defines those counted; it is no filler there. */
const HAVING_DEFINES = /^有[^的，,、]{2,10}的/;

/** 可新增学位, 可新建车位: 可 before a stage of new things only says it will be possible (可支配收入 keeps it). */
const ABLE_BEFORE_NEW = /^可(?=新增|新建|新开)/;

const DONE = '完成';
/** 集装箱吞吐量, 交易额, 产值: a measure of an amount, which 完成 only reports. */
const MEASURE_DONE = /^[\u4e00-\u9fff]{1,8}(?:量|额|值)$/;
/** 本计价周期内, 档期内, 报告期内: up to five characters naming a span, then 期内. */
const WITHIN_PERIOD = /^[\u4e00-\u9fff]{0,5}?期内/;
const WITHIN_PERIOD_REACH = 7;

function afterModifier(text: string, start: number): number {
  if (PROTECTED_WORDS.match(text, start) !== undefined) return start;
  if (text.charCodeAt(start) === 0x53ef /* 可 */ && ABLE_BEFORE_NEW.test(text.slice(start, start + 3)))
    return start + 1;
  if (text.charCodeAt(start) === 0x6709 /* 有 */ && HAVING_DEFINES.test(text.slice(start, start + 13)))
    return start;
  // 完成集装箱吞吐量, 完成交易额: 完成 before an amount measured only reports it, like 实现 (完成投资 is work done).
  if (text.startsWith(DONE, start) && MEASURE_DONE.test(text.slice(start + DONE.length)))
    return start + DONE.length;
  // 本计价周期内, 档期内, 报告期内: a span the figure falls in says when, like 期间.
  const within = WITHIN_PERIOD.exec(text.slice(start, start + WITHIN_PERIOD_REACH))?.[0];
  if (within !== undefined) return start + within.length;
  const after = afterWord(text, start, LEADING_MODIFIERS);
  // 较一季度加快: a change verb that ends the phrase is the change, not a modifier (加快推进…).
  return after === text.length && text.startsWith('加快', start) ? start : after;
}

/** The brief's region as it opens clauses: its names (大连, 大连市; 南屿区, 南屿) and its division word (区). */
interface Regions {
  names: Lexicon<true>;
  /** 区 of 南屿区: 区创业孵化平台 is the district's own platform. */
  division: number | undefined;
}

const regionCache = new Map<string, Regions>();
/** 南屿区 is also written 南屿. */
const REGION_SUFFIX = /[市省区县州]$/;

/** 大连, 大连市…: the brief's own region opening a clause is not part of a label. */
function regionPrefixes(region: string): Regions {
  let regions = regionCache.get(region);
  if (regions === undefined) {
    const divided = REGION_SUFFIX.test(region) && region.length > 2;
    const base = divided ? region.slice(0, -1) : region;
    const words =
      region === ''
        ? []
        : [
            region,
            ...['市', '省', '区', '县', '地区', '州', '镇', '乡', '街道', ''].map((suffix) => base + suffix),
          ];
    regions = {
      names: new Lexicon(words.map((word) => [word, true] as const)),
      division: divided ? region.charCodeAt(region.length - 1) : undefined,
    };
    if (regionCache.size < 64) regionCache.set(region, regions);
  }
  return regions;
}

/** Removes opening time, place, discourse and comparison words, however they are stacked, and an agent's adverb. */
function stripModifiers(text: string, regions: Regions): string {
  return afterAgent(withoutOpening(text, regions));
}

/** 预计: a forecast is a series of its own, so the word stays while the modifiers after it go. */
const FORECAST = '预计';

/** 机构预计, 业内人士估计, 县农业农村局预计: who forecasts, before the forecast it makes. */
const BODY_FORECASTING = /^[\u4e00-\u9fff]{0,6}?(?:部门|机构|人士|专家|分析师|局|委|站|中心)(?=预计)/;
const BODY_REACH = 14;

function withoutOpening(phrase: string, regions: Regions): string {
  const at = phrase.indexOf(FORECAST);
  const body = at < 2 || at > BODY_REACH ? undefined : BODY_FORECASTING.exec(phrase.slice(0, at + 2))?.[0];
  const text = body === undefined ? phrase : phrase.slice(body.length);
  const forecast = text.startsWith(FORECAST) ? FORECAST.length : 0;
  let start = forecast;
  for (let round = 0; round < 12 && start < text.length; round++) {
    const next = afterComparison(
      text,
      afterDate(text, afterModifier(text, afterRegion(text, start, regions))),
    );
    if (next === start) break;
    start = next;
  }
  if (start === forecast) return text;
  return forecast === 0 ? text.slice(start) : FORECAST + text.slice(start);
}

const DIVISION_WORDS = codeSet('省市区县');

/** Characters after 区, 市, 县 that make it part of a word (区域, 市场, 县级), not the brief's own district. */
const AFTER_OWN_DIVISION = codeSet('域级内外委属场民值长区县城镇乡里');

/** Words that make a place name before them a company's name (鹭岩港务, 临川银行, 江城控股). */
const COMPANY_AFTER_REGION = /^(?:港务|集团|银行|控股|股份|证券|农商|城投|水务|燃气|实业)/;

/** After the brief's region (南屿区, 南屿) or its bare division word (区创业孵化平台). */
function afterRegion(text: string, start: number, regions: Regions): number {
  const after = afterWord(text, start, regions.names);
  // 泉溪省市重点项目: the division word opens a compound of divisions (省市, 市县), which stays.
  // 临溪市级重点项目: the division word opens a level (市级, 县级), which stays.
  if (
    after > start &&
    DIVISION_WORDS.has(text.charCodeAt(after - 1)) &&
    (DIVISION_WORDS.has(text.charCodeAt(after)) || text.charCodeAt(after) === 0x7ea7) /* 级 */
  )
    return after - 1 > start + 1 ? after - 1 : start;
  // 鹭岩港务, 临川银行: the region's name opening a company's name is part of that name.
  if (
    after > start &&
    !DIVISION_WORDS.has(text.charCodeAt(after - 1)) &&
    COMPANY_AFTER_REGION.test(text.slice(after, after + 2))
  )
    return start;
  if (after > start) return after;
  const own = regions.division !== undefined && text.charCodeAt(start) === regions.division;
  return own && text.length - start > 3 && !AFTER_OWN_DIVISION.has(text.charCodeAt(start + 1))
    ? start + 1
    : start;
}

/** The phrase without its opening time, place, discourse and comparison words and the brief's region. */
export function stripLeading(phrase: string, region: string): string {
  const regions = regionPrefixes(region);
  return withQuotedName(phrase, stripModifiers(withoutQuotes(phrase), regions), regions);
}

/** stripLeading without collapsing an agent and its adverb (创业孵化平台已入驻团队 stays whole). */
export function stripOpening(phrase: string, region: string): string {
  const regions = regionPrefixes(region);
  return withQuotedName(phrase, withoutOpening(withoutQuotes(phrase), regions), regions);
}

/**
 * “青岙贷”放款规模 in 青岙区: a quoted name that opens with the region's name (a loan product, a brand, a
 * campaign) keeps it; only the region standing alone is taken off. `stripped` is the phrase without its opening.
 */
function withQuotedName(phrase: string, stripped: string, regions: Regions): string {
  if (!ANY_QUOTE.test(phrase)) return stripped;
  for (let index = 0; index < phrase.length - 1; index++) {
    if (!OPENING_QUOTES.has(phrase.charCodeAt(index))) continue;
    const place = regions.names.match(phrase, index + 1);
    if (place === undefined) continue;
    const from = index + 1 + place.word.length;
    let to = from;
    while (to < phrase.length && !QUOTES.has(phrase.charCodeAt(to))) to++;
    const rest = phrase.slice(from, to);
    if (rest !== '' && to < phrase.length && stripped.startsWith(rest)) return place.word + stripped;
  }
  return stripped;
}

/** Time words, 已 and 共 that stand between who acted and what they did (市长热线全年受理群众诉求). */
const AGENT_ADVERBS = [
  '今年',
  '全年',
  '去年',
  '上半年',
  '下半年',
  '当年',
  '全天',
  '已经',
  '已',
  '共计',
  '共',
];
/** Adverbs that are words of their own anywhere (公共 holds a 共 that is not one): no verb list needed after them. */
const FREE_ADVERBS = new Set(['今年', '全年', '去年', '上半年', '下半年', '当年', '全天', '已经', '已']);
/** An agent longer than this is a source (安澜调查队四季度民生调查), not what is measured. */
const MAX_AGENT = 6;
/** Phrases that say when, not who (招聘月期间). */
const NOT_AGENT = /(?:期间|以来|之际|时|后|前|中)$|^[第首该本]/;
/**
 * Bodies that act or report for others (人社部门, 馆方, 县防指, 分析机构): a reader names what was done, not who
 * did it, unlike a programme or a place of its own (招聘会, 孵化平台, 零工驿站); so do a survey and an assessment
 * (本次测评共回收有效问卷 → 回收有效问卷).
 */
const REPORTING_BODY = /(?:部门|机构|局|委|办|方|人士|专家|防指|指挥部|调查|测评|普查|抽查|监测)$/;
/** Verbs opening what was done, after an agent and an adverb. */
const AGENT_VERBS = new Lexicon(
  [
    ...OBJECT_VERBS,
    ...'受理 办理 办结 实现 发送 生产 销售 处理 审批 接收 开工 投入 实施 建设 开设 设立 举办 查处 破获 访问 转移 推出 回收 登记 采集 收集 征集'.split(
      ' ',
    ),
  ].map((word) => [word, true] as const),
);

const AGENT_ADVERB_STARTS = codeSet(AGENT_ADVERBS.map((adverb) => adverb[0] ?? '').join(''));

/**
 * Who acted and what they did, split at the adverb between them: 北向资金全天净买入 → 北向资金 + 净买入,
 * 创业孵化平台已入驻团队 → 创业孵化平台 + 入驻团队; undefined when no adverb separates an agent.
 */
export function splitAgent(phrase: string): { agent: string; action: string } | undefined {
  for (let at = 1; at < phrase.length - 1; at++) {
    if (!AGENT_ADVERB_STARTS.has(phrase.charCodeAt(at))) continue;
    for (const adverb of AGENT_ADVERBS) {
      const verbAt = at + adverb.length;
      // 增速比上年全年回落: 全年 closes a comparison base there, it does not follow an agent.
      if (!phrase.startsWith(adverb, at) || verbAt >= phrase.length || afterComparisonMark(phrase, at))
        continue;
      // 完成全年目标: 全年 names the target, it does not say when.
      if (YEAR_NOUNS.test(phrase.slice(verbAt))) continue;
      // 公共服务: the 共 of 公共 is no adverb.
      if (adverb.startsWith('共') && phrase.charCodeAt(at - 1) === 0x516c /* 公 */) continue;
      if (FREE_ADVERBS.has(adverb) ? at >= 2 : AGENT_VERBS.match(phrase, verbAt) !== undefined) {
        // 计划在下半年换车: the 在 or 于 that brought in the time goes with it.
        const timeAt =
          TIME_ADVERBS.has(adverb) && at >= 3 && TIME_PREPOSITIONS.has(phrase.charCodeAt(at - 1));
        return { agent: phrase.slice(0, timeAt ? at - 1 : at), action: phrase.slice(verbAt) };
      }
    }
  }
  return undefined;
}

const YEAR_NOUNS = /^(?:目标|计划|任务|平均)/;
/** Adverbs of time, which a preposition before them (在下半年) brings in. */
const TIME_ADVERBS = new Set(['今年', '全年', '去年', '上半年', '下半年', '当年', '全天']);
const TIME_PREPOSITIONS = codeSet('在于');

/** Whether `at` follows 比 or 较 and a base word (比上年 + 全年). */
function afterComparisonMark(phrase: string, at: number): boolean {
  const mark = Math.max(phrase.lastIndexOf('比', at), phrase.lastIndexOf('较', at));
  return mark >= 0 && at - mark <= 3;
}

/** The agent a reader keeps in the name (零工市场撮合灵活就业), or '' for a source or a time (调查队…, 期间). */
export function keptAgent(agent: string): string {
  return agent.length > MAX_AGENT || NOT_AGENT.test(agent) || REPORTING_BODY.test(agent) ? '' : agent;
}

/** 市长热线全年受理群众诉求 → 市长热线受理群众诉求; 安澜调查队四季度民生调查共访问居民 → 访问居民. */
function afterAgent(phrase: string): string {
  const split = splitAgent(phrase);
  if (split === undefined) return phrase;
  // 保障性租赁住房已筹集: a verb with no object after it was done to what stands before it, however long, unless
  // that is a source or a time.
  const { agent, action } = split;
  const topic = action.length <= BARE_VERB && !REPORTING_BODY.test(agent) && !NOT_AGENT.test(agent);
  // 央行此前已将7天期逆回购操作利率下调: what the agent did may open on the object marker 将 or 把.
  return (topic ? agent : keptAgent(agent)) + action.slice(afterWord(action, 0, OBJECT_MARKERS));
}

/** The longest verb read as done to what precedes it (筹集, 新开工) rather than by it. */
const BARE_VERB = 3;

const OBJECT_MARKERS = new Lexicon([['将', true] as const, ['把', true] as const]);

/** Place words that end a phrase before a count quantify the noun (覆盖全县18个乡镇), not the verb. */
const TRAILING_PLACES = new SuffixSet(
  '全市 全省 全县 全区 全镇 全乡 全国 本市 本县 本区 两市 沪深两市'.split(' '),
);

function withoutTrailingPlace(phrase: string): string {
  const place = TRAILING_PLACES.suffixOf(phrase);
  return place === undefined || place === phrase ? phrase : phrase.slice(0, -place.length);
}

/** Verbs whose object a 的 phrase describes (关闭污染严重的小造纸厂): the verb and the head name the series. */
const ACTIONS = new Lexicon(
  '关闭 取缔 淘汰 整治 拆除 新建 建成 改造 培育 引进 认定 关停 搬迁 治理 修复 开工 完成 新增'
    .split(' ')
    .map((word) => [word, true] as const),
);

/** Heads that a 的 phrase defines the population of (通客车的行政村比例, 对公共交通的满意率): kept whole. */
const SHARE_HEADS = new SuffixSet('率 比例 比重 占比 满意度'.split(' '));

/** 的 phrases that define the series rather than describe it. */
const DEFINING_DE =
  /(?:活动产生的|扣除[^的]{1,12}后的|[^的]{2,10}(?:半年|一年|[0-9一二三两]个月)后的|通过[^的]{1,10}(?:实现|完成|销售|达成)的|^新(?:成立|设立|注册|开业|上市|发行)的|(?:超过|高于|低于|不足|达到)[0-9０-９一二三四五六七八九十百千万亿.]+[\u4e00-\u9fff]{0,2}(?:以上|以下)?的)$/;

/** 可接受的, 能承受的: what those asked could accept or bear, before the measure it bounds. */
const BEARABLE_DE = /(?:可以?|能够?)(?:接受|承受|负担)的$/;

/** Measures of a typical member (平均月薪, 人均花费, 月收入), which are of the population that holds them. */
const AVERAGED_HEAD = /^(?:平均|人均|户均|月均|年均|日均)|^[月年](?:薪|收入)$/;

/** After the last 的 when that leaves a real noun (支持服务的创业孵化平台 → 创业孵化平台), else one 的 earlier. */
function headAfterDe(text: string): string {
  const last = text.lastIndexOf('的');
  if (last < 0 || SHARE_HEADS.suffixOf(text) !== undefined) return text;
  // 经营活动产生的现金流量净额, 新成立的基金, 收入超过50万元的村, 通过公共网络实现的零售额, 毕业半年后的月收入: a 的
  // phrase that is a term, a stage, a bound, a channel or a span after an event defines which ones are meant, and
  // stays.
  if (DEFINING_DE.test(text.slice(0, last + 1))) return text;
  // 受访者心目中可以接受的月租金区间: what they can accept is another series than what they pay; the modal phrase
  // stays, who holds it goes.
  const bearable = BEARABLE_DE.exec(text.slice(0, last + 1));
  if (bearable !== null && text.length - last - 1 >= 2) return text.slice(bearable.index);
  // 累计关闭污染严重的小化工企业 → 累计关闭小化工企业: the action stays, its description goes.
  const action = ACTIONS.match(text, text.startsWith('累计', 0) ? 2 : 0);
  if (action !== undefined) {
    const verbEnd = (text.startsWith('累计', 0) ? 2 : 0) + action.word.length;
    return text.slice(0, verbEnd) + text.slice(last + 1);
  }
  const earlier = text.lastIndexOf('的', last - 1);
  // 已签约毕业生的平均月薪: an average is of the people the 的 phrase names, another series than everyone's.
  const owners = text.slice(earlier + 1, last);
  if (AVERAGED_HEAD.test(text.slice(last + 1)) && isPopulation(owners)) return owners + text.slice(last + 1);
  if (text.length - last - 1 >= 3) return text.slice(last + 1);
  return earlier < 0 ? text : text.slice(earlier + 1);
}

/** Words that end on a preposition's character, which is no preposition there (参与, 认为, 正在, 面向). */
const WORDS_ENDING_IN_PREPOSITION = new Set(
  (
    '参与 作为 成为 因为 认为 行为 较为 更为 最为 现在 正在 存在 所在 实在 相对 绝对 应对 方向 倾向 导向 意向 ' +
    '去向 流向 转向 自由 理由 经由 缘由 服从 自从 总和 温和 缓和 共和 出让 转让'
  ).split(' '),
);

function afterLastPreposition(text: string): string {
  for (let index = text.length - 1; index >= 0; index--) {
    if (!PREPOSITIONS.has(text.charCodeAt(index))) continue;
    if (index > 0 && WORDS_ENDING_IN_PREPOSITION.has(text.slice(index - 1, index + 1))) continue;
    return text.slice(index + 1);
  }
  return text;
}

const ANY_QUOTE = /[“”‘’"'「」『』《》]/;

function withoutQuotes(text: string): string {
  if (!ANY_QUOTE.test(text)) return text;
  let out = '';
  for (const char of text) if (!QUOTES.has(char.charCodeAt(0))) out += char;
  return out;
}

/**
 * "“点对点”向企业宣传…": a quoted manner phrase opening the clause is not part of the label; a quoted name that
 * opens with the region's name (“临川e贷”放款规模) is.
 */
function dropLeadingQuoted(text: string, regions: Regions): string {
  if (!OPENING_QUOTES.has(text.charCodeAt(0)) || regions.names.match(text, 1) !== undefined) return text;
  for (let index = 1; index < text.length - 1; index++) {
    if (QUOTES.has(text.charCodeAt(index)) && !OPENING_QUOTES.has(text.charCodeAt(index))) {
      return text.slice(index + 1);
    }
  }
  return text;
}

/** The clause text before `from`, back to a clause boundary or `limit`, without asides in brackets or layout breaks. */
export function clauseBefore(text: string, from: number, limit: number): { text: string; start: number } {
  const lower = Math.max(limit, from - BACK_WINDOW);
  let index = from;
  let depth = 0;
  while (index > lower) {
    const code = text.charCodeAt(index - 1);
    if (CLOSE_BRACKETS.has(code)) depth++;
    else if (OPEN_BRACKETS.has(code)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      if (code === 0x0a) {
        if (!isWrappedLineBreak(text, index - 1)) break;
      } else if (CLAUSE_STOP.has(code)) break;
      else if (SPACES.has(code) && !isBesideLineBreak(text, index - 1)) break;
    }
    index--;
  }
  const raw = text.slice(index, from);
  if (!ASIDES_OR_SPACE.test(raw)) return { text: raw, start: index };
  let out = '';
  depth = 0;
  for (let cursor = index; cursor < from; cursor++) {
    const code = text.charCodeAt(cursor);
    if (OPEN_BRACKETS.has(code)) depth++;
    else if (CLOSE_BRACKETS.has(code)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && !SPACES.has(code) && code !== 0x0a) out += text[cursor];
  }
  return { text: out, start: index };
}

function isBesideLineBreak(text: string, index: number): boolean {
  for (
    let cursor = index;
    cursor >= 0 && index - cursor < 8 && SPACES.has(text.charCodeAt(cursor));
    cursor--
  ) {
    if (text.charCodeAt(cursor - 1) === 0x0a) return true;
  }
  for (let cursor = index; cursor < text.length && cursor - index < 8; cursor++) {
    const code = text.charCodeAt(cursor);
    if (code === 0x0a) return true;
    if (!SPACES.has(code)) return false;
  }
  return false;
}

/** Skips one figure right after a counter (3批546名医护人员): the noun after it is the counted one. */
function skipFollowingFigure(text: string, index: number): number {
  let cursor = index;
  while (cursor < text.length && cursor - index < 12) {
    const code = text.charCodeAt(cursor);
    if (
      (code >= 0x30 && code <= 0x39) ||
      code === 0x2e ||
      isChineseNumeral(code) ||
      code === 0x4f59 ||
      code === 0x591a
    ) {
      cursor++;
    } else break;
  }
  if (cursor === index) return index;
  const unit = chineseUnits.match(text, cursor);
  return unit === undefined ? index : cursor + unit.word.length;
}

/** 2024届, 二〇二四届: a year's cohort before the noun it counts. */
const COHORT = /^(?:[0-9]{4}|[〇一二三四五六七八九零]{4})届/;
/** 80岁以上, 18至35周岁: an age bound, which defines a group of people. */
const AGE_SPAN = String.raw`\d{1,3}(?:(?:至|到|-|~|～|—)\d{1,3})?周?岁(?:及以上|以上|以下)?`;
const AGE_BOUND = new RegExp(`^${AGE_SPAN}`);
const SAMPLED_AGES = new RegExp(`^受访的?${AGE_SPAN}的?`);
const HAVING_AGE = new RegExp(`^有${AGE_SPAN}的?(?=[\u4e00-\u9fff]{2})`);
/** 60岁及以上老年人: an age bound opening the noun it describes. */
export const AGE_OPENING = new RegExp(`^${AGE_SPAN}的?(?=[\u4e00-\u9fff]{2})`);
/** 租客的问卷调查, 居民的抽样调查: what a survey of the counted ones is written as after their noun. */
const SURVEY_OF = /^([^的]{1,8})的[^的]{0,6}?(?:调查|问卷|监测|抽样|访问|访谈)/;
/** 在线调查, 入户调查: the rest of a survey's name after the noun of those it asked and 的. */
const SURVEY_AFTER = /^[^的，,。；;]{0,6}?(?:调查|问卷|监测|抽样|访问|访谈)/;
/** 对2400个种植户开展问卷调查: the verb that puts a survey to those just counted. */
const SURVEY_PUT = /^(?:开展|进行)了?[^的，,。；;]{0,6}?(?:调查|问卷|监测|抽样|访问|访谈)/;

/** The counted noun after a counter word, up to a verb, a preposition or punctuation, and where it stopped. */
export function nounAfter(
  text: string,
  from: number,
): { noun: string; end: number; surveyed?: boolean; sampled?: boolean } {
  let cursor = skipFollowingFigure(text, from);
  if (text.startsWith('的', cursor)) cursor++;
  // Kept characters are contiguous runs of the text; only quotes, asides and line breaks split them.
  let runStart = cursor;
  // 1.2万名80岁以上老人: an age bound belongs to the counted noun.
  const age = AGE_BOUND.exec(text.slice(cursor, cursor + 8));
  if (age !== null) cursor += age[0].length;
  // 3200户有0至3岁婴幼儿家庭: who have children of an age; the age only bounds them, 有 stays.
  const having = age === null ? HAVING_AGE.exec(text.slice(cursor, cursor + 10)) : null;
  let out = '';
  if (having !== null) {
    out = '有';
    cursor += having[0].length;
    runStart = cursor;
  }
  // 2860名受访的18至35岁青年: who was surveyed, whatever their ages.
  const sampled = age === null && having === null ? SAMPLED_AGES.exec(text.slice(cursor, cursor + 14)) : null;
  if (sampled !== null) {
    out = '受访';
    cursor += sampled[0].length;
    runStart = cursor;
  }
  // 1.36万名2024届毕业生: the cohort only says which year's; the noun follows it.
  const cohort = COHORT.exec(text.slice(cursor, cursor + 6));
  if (cohort !== null) {
    cursor += cohort[0].length;
    runStart = cursor;
  }
  let kept = 0;
  let lastKept = 0;
  let depth = 0;
  for (; cursor < text.length && kept < FORWARD_WINDOW; cursor++) {
    const code = text.charCodeAt(cursor);
    let skipped = false;
    if (OPEN_BRACKETS.has(code) || CLOSE_BRACKETS.has(code) || depth > 0) {
      depth = OPEN_BRACKETS.has(code) ? depth + 1 : CLOSE_BRACKETS.has(code) ? Math.max(0, depth - 1) : depth;
      skipped = true;
    } else if (code === 0x3001 /* 、 */) {
      const next = text.charCodeAt(cursor + 1);
      if ((next >= 0x30 && next <= 0x39) || isChineseNumeral(next) || kept === 0) break;
    } else if (OPENING_QUOTES.has(code)) {
      if (kept >= 4 && lastKept !== 0x7684 /* 的 */) break;
      skipped = true;
    } else if (QUOTES.has(code)) {
      skipped = true;
    } else if (code === 0x0a || SPACES.has(code)) {
      if (!isBesideLineBreak(text, cursor) || !isWrappedLineBreak(text, lineBreakAt(text, cursor))) break;
      skipped = true;
    } else if (CLAUSE_STOP.has(code) || code < 0x80) break;
    if (skipped) {
      out += text.slice(runStart, cursor);
      runStart = cursor + 1;
      continue;
    }
    if (kept > 0 && FORWARD_STOP_WORDS.match(text, cursor) !== undefined) break;
    // 76个服务站共组建…, 41个卫生室共派出…: 共 after the noun says "together" (公共, 总共, 共享, 共产 stay whole).
    if (
      kept > 0 &&
      code === TOGETHER &&
      !JOINED_BEFORE_GONG.has(lastKept) &&
      !JOINED_AFTER_GONG.has(text.charCodeAt(cursor + 1))
    )
      break;
    // 3个乡镇约18万名居民: the qualifier of the next figure is no part of this one's noun.
    if (kept > 0 && NEXT_QUALIFIERS.has(code) && isDigitOrNumeral(text.charCodeAt(cursor + 1))) break;
    kept++;
    lastKept = code;
  }
  out += text.slice(runStart, cursor);
  // 1260家增加到3400余家, 680张增至1200张: a change, or the level it reached, is no noun counted.
  if (CHANGE_VERBS.has(out) || isLevelReached(out)) return { noun: '', end: cursor };
  // 在接受调查的2416家企业中，, 214个行政村中已有189个…: the noun is 企业, 中 only frames it (高中 stays).
  const framed =
    out.endsWith('中') &&
    !SCHOOL_BEFORE_ZHONG.has(out.charCodeAt(out.length - 2)) &&
    (CLAUSE_STOP.has(text.charCodeAt(cursor)) || FORWARD_STOP_WORDS.match(text, cursor) !== undefined)
      ? out.slice(0, -1)
      : out;
  // 对1.6万名应届毕业生的调查显示: the survey is of the counted ones, which are the noun, not the survey.
  // 对1850名35岁以下租房青年的调查: the age bound only says whom the survey reached.
  const unaged = framed.replace(AGE_OPENING, '');
  const surveyed =
    SURVEY_OF.exec(unaged)?.[1] ??
    // 对5000名消费者的在线调查: the noun stopped before the kind of survey (在线, 入户).
    (unaged.length > 2 && unaged.endsWith('的') && SURVEY_AFTER.test(text.slice(cursor, cursor + 8))
      ? unaged.slice(0, -1)
      : undefined);
  if (surveyed !== undefined) return { noun: surveyed, end: cursor, surveyed: true };
  // 对全省2400个种植户开展问卷调查: those the survey was put to, a sample the sentence names apart from its findings.
  if (unaged.length >= 2 && SURVEY_PUT.test(text.slice(cursor, cursor + 12)))
    return { noun: unaged, end: cursor, sampled: true };
  return { noun: headAfterDe(framed.endsWith('、') ? framed.slice(0, -1) : framed), end: cursor };
}

/** 增至, 扩大到: a verb of change and the 至/到 of the level it reached, nothing else. */
function isLevelReached(words: string): boolean {
  const last = words.charCodeAt(words.length - 1);
  if (last !== 0x81f3 /* 至 */ && last !== DEADLINE) return false;
  const verb = words.slice(0, -1);
  return verb !== '' && LEVEL_VERBS.suffixOf(verb) === verb;
}

const NEXT_QUALIFIERS = codeSet('约近超逾');
const TOGETHER = 0x5171; // 共
/** 公共, 总共 and 共享, 共产, 共识, 共青团: words that hold 共, where it is no adverb. */
const JOINED_BEFORE_GONG = codeSet('公总');
const JOINED_AFTER_GONG = codeSet('享产识青');
/** 高中, 初中: schools whose name ends in 中, which is no frame there. */
const SCHOOL_BEFORE_ZHONG = codeSet('高初');

function isDigitOrNumeral(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19) || isChineseNumeral(code);
}

function lineBreakAt(text: string, index: number): number {
  let cursor = index;
  while (cursor < text.length && text.charCodeAt(cursor) !== 0x0a) cursor++;
  return cursor;
}

export interface ChineseLabel {
  label: string;
  growth: boolean;
  /** The stage the level a change started from names (首批 of 由首批的1260家), which opens the label. */
  startedAs?: string;
  /** Labels for this figure and the ones that follow it under 分别 (存款余额增长, 贷款余额增长). */
  distributed?: string[];
  /**
   * 分别 without a subject (A完成x，B达到y，同比分别增长p和q): the change verb to give each figure before it,
   * in order, for the figures that follow.
   */
  distributesOverPrevious?: string;
}

/** Head nouns a parallel item may share with the last one (化学需氧量、氨氮排放量 → 化学需氧量排放量). */
const SHARED_HEADS = new SuffixSet(
  (
    '排放量 播种面积 种植面积 面积 产量 总产量 余额 总额 销售额 零售额 增加值 收入 投资 人数 数量 吞吐量 ' +
    '客运量 货运量 用电量 用水量 产值 成交额 覆盖率 发生率 比重 价格 指数 支出 ' +
    // What a survey measures of each thing it asks about (地铁、常规公交满意度 → 地铁满意度).
    '满意度 满意率 知晓率 得分 ' +
    // Prices named by the market they are taken in (西红柿、黄瓜批发价格 → 西红柿批发价格).
    '批发价格 零售价格 批发价 零售价 批发均价 零售均价 收购价 出厂价 地头价'
  ).split(' '),
);

/** How long the word a parallel item stands beside may be (信息技术服务业). */
const MAX_PARALLEL_WORD = 8;

/** The item with the head noun of the last item when it lacks one (粮食 + 蔬菜播种面积 → 粮食播种面积). */
function withSharedHead(item: string, last: string): string {
  const opening = parallelOpening(last);
  if (opening > 0 && opening < last.length && item.length <= opening) return item + last.slice(opening);
  // 东港、西港集装箱吞吐量, 制造业、信息技术服务业企业的招聘意愿: the last item opens on a word of the item's kind (its
  // last character: 港, 业), and the item takes what follows that word.
  const kindEnd = item.length >= 2 ? last.indexOf(item.charAt(item.length - 1)) + 1 : 0;
  if (kindEnd >= 2 && kindEnd <= MAX_PARALLEL_WORD && last.length - kindEnd >= 2 && !last.startsWith(item))
    return item + last.slice(kindEnd);
  const head = SHARED_HEADS.suffixOf(last);
  // 城区、郊县受访者对医疗服务的满意度: a head after a 的 phrase is the phrase's, which the item opens.
  if (head !== undefined && head.length < last.length && !last.slice(0, -head.length).includes('的')) {
    return SHARED_HEADS.suffixOf(item) === undefined ? item + head : item;
  }
  // No known head: short parallel modifiers take the rest of the last item; so do modifiers as long as the
  // last item's opening one (股票型、混合型基金 → 股票型基金).
  if (item.length <= 2 && last.length > item.length + 1) return item + last.slice(item.length);
  const modifier =
    MODIFIER_ENDINGS.includes(item.at(-1) ?? '') && last.charAt(item.length - 1) === item.at(-1);
  return modifier && last.length > item.length + 1 ? item + last.slice(item.length) : item;
}

/** Groups that parallel items differ by (城市、农村自来水覆盖率 → 城市自来水覆盖率, not 城市覆盖率). */
const GROUP_WORDS = new Lexicon(
  (
    '城市 农村 城镇 乡村 城区 郊区 市区 县域 中心城区 男性 女性 国有 民营 外资 外商 私营 个体 集体 公办 民办 ' +
    '国家级 省级 市级 县级 地级 大型 中型 小型 微型 线上 线下 本地 外地 一般 重点'
  )
    .split(' ')
    .map((word) => [word, true] as const),
);

/** 农村 under 其中 after 惠及困难群众: a group alone, which names the part of the whole it belongs to. */
export function isGroupWord(label: string): boolean {
  return GROUP_WORDS.match(label, 0)?.word === label;
}

/** The length of the part of the last item that its parallels replace: 第三 of 第三产业增加值, 农村 of 农村居民. */
function parallelOpening(last: string): number {
  const ordinal = last.charCodeAt(0) === 0x7b2c; /* 第 */
  let end = ordinal ? 1 : 0;
  while (end < last.length && isChineseNumeral(last.charCodeAt(end))) end++;
  if (end > (ordinal ? 1 : 0)) return end;
  return GROUP_WORDS.match(last, 0)?.word.length ?? 0;
}

/**
 * 城镇、农村受访者…的比例: the items before the last are only the groups its opening stands for, so they share the
 * rest of the last item (城镇受访者…的比例); they are no choices of their own.
 */
export function isGroupList(items: string[]): boolean {
  const last = items.at(-1) ?? '';
  const opening = parallelOpening(last);
  return (
    opening > 0 &&
    opening < last.length &&
    items.slice(0, -1).every((item) => item.length <= opening && GROUP_WORDS.match(item, 0) !== undefined)
  );
}

/**
 * 农村受访者具备基本健康素养的比例 → 具备基本健康素养的受访者比例: a group's label without its group word names the
 * whole (全市平均为…); undefined when the label opens on no group word.
 */
export function wholeOfGroup(label: string): string | undefined {
  const group = GROUP_WORDS.match(label, 0)?.word;
  if (group === undefined || label.length <= group.length + 1) return undefined;
  const rest = label.slice(group.length);
  const share = /^(受访者|居民|受访居民|受访家庭|家庭|企业|受访企业|职工|学生|家长)(.{2,20})的比例$/.exec(
    rest,
  );
  return share === null ? rest : `${share[2]}的${share[1]}比例`;
}

/** 第一、二、三产业: the ordinal mark of the first item holds for the bare numerals after it. */
function withOrdinals(items: string[]): string[] {
  const first = items[0] ?? '';
  if (first.charCodeAt(0) !== 0x7b2c || !isChineseNumeral(first.charCodeAt(1))) return items;
  return items.map((item) => (isChineseNumeral(item.charCodeAt(0)) ? `第${item}` : item));
}

/** Actions a list of things built may share (新建、改扩建中小学和幼儿园). */
const BUILDING_ACTIONS = longestFirst(
  '新建 改建 扩建 改扩建 续建 新改建 迁建 建成 新增 改造 提升改造'.split(' '),
);

/**
 * 新建、改扩建中小学和幼儿园 → 新建改扩建中小学, 新建改扩建幼儿园: actions listed before the first thing are done to
 * every thing listed, so they are no items of their own.
 */
function withSharedActions(items: string[]): string[] {
  let actions = '';
  let at = 0;
  while (at < items.length - 1 && BUILDING_ACTIONS.includes(items[at] ?? '')) actions += items[at++];
  if (actions === '') return items;
  const first = items[at] ?? '';
  const own = BUILDING_ACTIONS.find((action) => first.startsWith(action) && first.length > action.length);
  const shared = actions + (own ?? '');
  return items
    .slice(at)
    .map((item, index) => (index === 0 ? shared + first.slice(own?.length ?? 0) : shared + item));
}

/**
 * 城镇受访者和农村受访者, 城镇、农村受访者 → 城镇受访者, 农村受访者: the items of a list, each whole; undefined when the
 * phrase lists nothing.
 */
export function listedItems(list: string): string[] | undefined {
  if (!LIST_MARKS.test(list)) return undefined;
  const items = list.split(LIST_MARKS);
  const last = items.at(-1) ?? '';
  if (items.length < 2 || items.some((item) => item.length < 2)) return undefined;
  return items.map((item, index) => {
    if (index === items.length - 1) return item;
    const whole = withSharedHead(item, last);
    // 公共文化、基础教育满意度: an item as long as the last one's opening stands for that opening.
    return whole === item && last.length > item.length + 1 ? item + last.slice(item.length) : whole;
  });
}

/**
 * 教育、社会保障和就业、卫生健康支出: 、 separates the items and 和 joins only the last two, so a 和 before a later 、
 * is inside an item's name.
 */
function listSplit(subject: string): string[] {
  const items = subject.split('、');
  const last = items.pop() ?? '';
  return [...items, ...last.split('和')];
}

/** 分别占, 分别占花费的: a share verb after 分别, with the whole it may name. */
const SHARE_ACTION = /^占([^的]{0,8})的?$/;

/** 住宿、餐饮分别占 → 住宿占比, 餐饮占比; 分别占花费的 → 住宿占花费比例: each item's share, not a bare 占. */
function sharedAction(action: string): string {
  const whole = SHARE_ACTION.exec(action)?.[1];
  if (whole === undefined) return action;
  return whole === '' ? '占比' : `占${whole}比例`;
}

/** Splits the subject of 分别 into one label per figure. */
function distribute(subject: string, verb: string, regions: Regions): string[] | undefined {
  if (ENUMERATION_SEPARATORS.test(subject)) {
    // 采矿业、制造业和电力热力燃气及水生产供应业: with 、 or 和 listing, 及 and 与 join inside a name.
    const split = LIST_MARKS.test(subject) ? listSplit(subject) : subject.split(ENUMERATION_SEPARATORS);
    const items = withSharedActions(withOrdinals(split.map((item) => stripModifiers(item, regions))));
    const last = items.at(-1) ?? '';
    if (items.every((item) => item !== '')) {
      return items.map(
        (item, index) => (index < items.length - 1 ? withSharedHead(item, last) : item) + verb,
      );
    }
  }
  for (const [contraction, expansions] of CONTRACTIONS) {
    const at = subject.indexOf(contraction);
    if (at >= 0) {
      const rest = subject.slice(at + contraction.length);
      return expansions.map((expansion) => expansion + rest + verb);
    }
  }
  return undefined;
}

/** Verbs of owning: what follows them is the counted thing, what precedes is its owner (该小区共有住宅楼). */
const OWNING_VERBS = ['共有', '拥有'];

/** 该小区共有住宅楼 → 住宅楼; a per-capita rate keeps its verb (每千人口拥有执业医师). */
function afterOwner(phrase: string): string {
  if (phrase.charCodeAt(0) === 0x6bcf /* 每 */) return phrase;
  for (const verb of OWNING_VERBS) {
    const at = phrase.lastIndexOf(verb);
    if (at >= 0 && phrase.length - at - verb.length >= 2) return phrase.slice(at + verb.length);
  }
  return phrase;
}

/** The comparison base inside a phrase (比去年, 较上年同期), or ''. */
function comparisonIn(phrase: string): string {
  for (let index = phrase.length - 2; index >= 0; index--) {
    const code = phrase.charCodeAt(index);
    if (code !== 0x6bd4 /* 比 */ && code !== 0x8f83 /* 较 */) continue;
    const end = afterComparison(phrase, index);
    if (end > index) return phrase.slice(index, end);
  }
  return '';
}

/** Degree words fused with 涨 or 跌 (大涨, 微跌, 暴涨): they say by how much, which the figure states. */
const DEGREE_BEFORE_MOVE = codeSet('大小微暴狂急');

const HOPED = /有望(?:突破|达到|达|超过|实现)?$/;
/** 普及率由2017年末的61.8%提高到…: the level a change started from is a level of the same subject. */
const FROM_LEVEL = /(?<=.{2})(?<!自)[由从](?:[^由从的]{0,10}的)?$/;
/** 每月在校外培训上的平均支出: what the money went on names the measure (每月校外培训平均支出). */
const SPENT_ON = /在([^在的0-9０-９]{2,10})(?<!以)上的/;

/** The label written before a Chinese figure, and whether it speaks of growth. */
export function chineseLabelBefore(clause: string, region: string): ChineseLabel {
  const regions = regionPrefixes(region);
  // 增加到2024年的517家: the date is the level's as-of, not part of its name.
  const undated = clause.endsWith('年的') ? clause.replace(DATED_LEVEL, '') : clause;
  const unquoted = withoutQuotes(dropLeadingQuoted(undated, regions));
  let phrase = unquoted.slice(0, endBeforeConnectives(unquoted));
  // Each pattern is tried at every position of the phrase: a phrase without its 由/从 or 在 is spared the scan.
  let startedAs = '';
  if (phrase.includes('由') || phrase.includes('从')) {
    const from = FROM_LEVEL.exec(phrase);
    if (from !== null) {
      startedAs = namedStart(from[0]);
      phrase = phrase.slice(0, from.index);
    }
  }
  if (phrase.includes('在')) phrase = phrase.replace(SPENT_ON, '$1');
  const verb = GROWTH_VERBS.suffixOf(phrase);
  if (verb !== undefined) {
    let verbAt = phrase.length - verb.length;
    // 上证指数大涨, 股价暴跌: how much a price moved is the figure's business, not the name of the series.
    if (verb.length === 1 && verbAt >= 1 && DEGREE_BEFORE_MOVE.has(phrase.charCodeAt(verbAt - 1))) {
      phrase = phrase.slice(0, verbAt - 1) + verb;
      verbAt--;
    }
    // 首日平均涨幅 keeps its 平均: endBeforeAdverbs keeps it before a change noun.
    const cut = endBeforeAdverbs(phrase, verbAt);
    if (cut < verbAt) phrase = phrase.slice(0, cut) + verb;
  }
  const growth = verb !== undefined || GROWTH_NOUNS.some((noun) => phrase.includes(noun));
  const distributiveAt = phrase.lastIndexOf('分别');
  // 分别比一季度回落: a base between 分别 and the verb goes with each label.
  const baseEnd = distributiveAt < 0 ? -1 : afterComparison(phrase, distributiveAt + 2);
  const base = distributiveAt < 0 ? '' : phrase.slice(distributiveAt + 2, baseEnd).replace('较', '比');
  if (distributiveAt >= 0 && phrase.length - baseEnd <= 4) {
    const subject = stripModifiers(phrase.slice(0, distributiveAt), regions);
    // 比调整前分别提高50元和45元: a change with no subject, which the labels before name; a base that is a period
    // (比一季度) names the series, one that is none (调整前) only says what the change is against.
    // 增速分别比上半年加快0.2、0.4个百分点: the rate of each subject before, changed against the base.
    const change = verb ?? CHANGE_VERBS_AT_END.suffixOf(phrase);
    if (GROWTH_NOUNS.includes(subject) && change !== undefined && phrase.endsWith(change)) {
      const rateChange = tidyLabel(subject + base + change);
      return { label: rateChange, growth: true, distributesOverPrevious: rateChange };
    }
    if (subject === '' || COMPARED_ONLY.test(subject)) {
      const base = comparisonIn(phrase.slice(0, distributiveAt));
      // 比去年四季度: the period after a base word is part of the base.
      const period = phrase.slice(0, distributiveAt).slice(phrase.indexOf(base) + base.length);
      const whole = base !== '' && afterDate(period, 0) === period.length ? base + period : base;
      const change = tidyLabel(whole.replace('较', '比') + (verb ?? ''));
      return { label: change, growth, distributesOverPrevious: change };
    }
    // 股票型和混合型基金分别发行: the action after 分别 goes with each label, as a change verb does.
    const action = verb ?? sharedAction(stripModifiers(phrase.slice(baseEnd), regions));
    const labels = distribute(subject, base + action, regions);
    const first = labels?.[0];
    if (labels !== undefined && first !== undefined) return { label: first, growth, distributed: labels };
    phrase = subject + (verb ?? '');
  }
  let stripped = partOfMeasure(afterOwner(withQuotedName(undated, stripModifiers(phrase, regions), regions)));
  // 在各乡镇举办招聘会: after 在, a place, then what was done there; the place only says where.
  const placed = stripped.startsWith('在') ? PLACE_THEN_ACTION.exec(stripped.slice(1))?.[1] : undefined;
  if (placed !== undefined) stripped = placed;
  // 一般公共预算收入预计为67亿元: a forecast written after its subject is the forecast series, named 预计 first.
  if (stripped.endsWith(FORECAST) && stripped.length > FORECAST.length + 1 && !stripped.startsWith(FORECAST))
    stripped = FORECAST + stripped.slice(0, -FORECAST.length);
  // 产值有望突破5亿元: what is hoped for is a forecast, a series of its own like 预计产值.
  if (HOPED.test(unquoted) && !stripped.startsWith(FORECAST) && stripped !== '')
    stripped = FORECAST + stripped;
  // 比上年同期低约45个基点, 较去年同期快1.6个百分点: a comparative alone after its base is the change it states.
  const compared = COMPARATIVE_CHANGES.get(stripped);
  if (compared !== undefined && comparisonIn(phrase) !== '') stripped = compared;
  if (isPredicateOnly(stripped)) {
    // 比去年增加: the base says what the change is measured against; keep it with the verb.
    const base = comparisonIn(phrase);
    return { label: stripped.includes(base) ? stripped : base + stripped, growth };
  }
  const label = isAttributive(stripped) ? stripped : headAfterDe(lastAttribute(stripped));
  if (label === '' || startedAs === '') return { label, growth };
  return { label: startedAs + label, growth, startedAs };
}

/** A comparative that states a change after its base (比上月低, 较去年同期快), as the change verb a reader names. */
const COMPARATIVE_CHANGES = new Map([
  ['高', '提高'],
  ['低', '下降'],
  ['快', '加快'],
  ['慢', '放缓'],
  ['多', '增加'],
  ['少', '减少'],
]);

/** A comparison and nothing else (比调整前, 较改革前, 比一季度). */
const COMPARED_ONLY = /^(?:比|较)[^、和与及]{1,6}$/;

/** 加快, 放缓, 回落…: a rate's change, read at the end of a phrase. */
const CHANGE_VERBS_AT_END = new SuffixSet(
  '加快 放缓 回落 回升 提高 下降 上升 收窄 扩大 缩小 降低 增加 减少'.split(' '),
);

const DATED_LEVEL = /(?<=(?:至|到))(?:[0-9]{4}|去|上|今)年的$/;
const ORIGINAL_LONG = '原来';
const ORIGINAL = '原';
const STARTED_AS = /^[由从]([^由从的0-9０-９]{2,8})的$/;

/**
 * 商户由首批的1260家增加到…: the level a change started from is of the stage it names (首批), a series beside the
 * level reached; '' when it names a date or a base (由2019年的, 由上年的), which as-of says.
 */
function namedStart(from: string): string {
  const stage = STARTED_AS.exec(from)?.[1];
  if (stage === undefined || afterDate(stage, 0) > 0 || afterComparison(`比${stage}`, 0) > 0) return '';
  // 由原来的680张: the earlier level is the 原 one (原开放床位), as a reader writes it.
  return stage === ORIGINAL_LONG ? ORIGINAL : stage;
}

/** 一般公共预算支出中教育支出: a whole measure, 中, and the part of it that is measured. */
const PART_OF_WHOLE = /^([^中]{2,12}?)中([^中]{2,})$/;

/** 一般公共预算支出中教育支出 → 教育支出: the part named among a measure is the series; the phrase else. */
function partOfMeasure(phrase: string): string {
  if (phrase.indexOf('中') < 2) return phrase;
  const match = PART_OF_WHOLE.exec(phrase);
  const whole = match?.[1];
  return whole !== undefined && MEASURE_ENDINGS.suffixOf(whole) !== undefined
    ? (match?.[2] ?? phrase)
    : phrase;
}

/** 符合条件、可申请稳岗返还的企业 → 可申请稳岗返还的企业: the last of parallel attributes defines the group. */
function lastAttribute(phrase: string): string {
  const de = phrase.lastIndexOf('的');
  const comma = phrase.lastIndexOf('、', de);
  return de > 0 && comma >= 0 ? phrase.slice(comma + 1) : phrase;
}

/** A one-character noun and its counter that make a word (663栋楼 counts 楼栋, 12辆车 counts 车辆). */
const COLLECTIVE_NOUNS = new Set(
  '楼栋 楼幢 楼座 车辆 船只 房间 案件 纸张 马匹 枪支 书本 花朵 信件'.split(' '),
);

/** The counted noun as a reader names it: 楼 alone reads badly, 楼栋 is the word. */
export function countedNoun(noun: string, counter: string): string {
  return noun.length === 1 && COLLECTIVE_NOUNS.has(noun + counter) ? noun + counter : noun;
}

/** Combines the words before a counter with the noun it counts. */
export function counterLabel(before: string, noun: string, region: string): string {
  const ownClause = before.slice(before.lastIndexOf('、') + 1);
  const phrase = withoutTrailingPlace(
    afterOwner(stripModifiers(afterLastPreposition(ownClause), regionPrefixes(region))),
  );
  // 两市超过了80只个股: a place alone only says where the counted noun is.
  if (TRAILING_PLACES.suffixOf(phrase) === phrase) return noun;
  // 在老城区新开3处夜市街区: after 在, a place, then what was done there; the place only says where.
  const placed = PLACE_THEN_ACTION.exec(phrase);
  if (placed?.[1] !== undefined && ownClause.includes(`在${phrase}`)) return placed[1] + noun;
  // 新厂可覆盖城东片区约42万名居民: those reached across a place are counted by the verb that reached them.
  const reaching = REACHED_ACROSS_PLACE.exec(phrase)?.[1];
  if (reaching !== undefined) return reaching + noun;
  if (phrase.length <= SHORT_VERB_PHRASE) return phrase + noun;
  const verb = OBJECT_VERBS.find((candidate) => phrase.endsWith(candidate));
  return (verb ?? '') + noun;
}

const REACHED_ACROSS_PLACE =
  /(惠及|覆盖|涉及|服务)[\u4e00-\u9fff]{0,8}?(?:片区|周边|沿线|城区|地区|街道|社区|[区县镇乡村])$/;

/** A place (two to six characters) and the action done there: 老城区 + 新开. */
const PLACE_THEN_ACTION =
  /^[\u4e00-\u9fff]{2,6}?(?<=[区县市镇乡村城街道园湾港])((?:新开工|新开|新建|新增|建成|改造|关闭|引进|开设|设立|布设|安装|举办|开展|组织|召开)[\u4e00-\u9fff]{0,8})$/;

/** 在自家屋顶安装了…: a short place after 在, then an action the counted ones did there. */
const PLACED_ACTION = /^在[\u4e00-\u9fff]{2,6}?(安装|建成|新建|开设|种植|建设|改造)/;
const PLACED_REACH = 10;
const DONE_PARTICLE = /(?<=^.{2})了/;

/** A longer predicate is a statement about the counted thing, not part of its name. */
const MAX_PREDICATE = 8;

/**
 * The predicate after a counted noun that has nothing before it (7.26万户企业享受社保费免减27.35亿元 →
 * 享受社保费免减), up to a number or punctuation; '' when none or too long to be part of a name.
 */
export function predicateAfter(text: string, from: number): string {
  // 3100余户农户在自家屋顶安装了光伏板: where they did it only says where; what they did names them.
  const placed = PLACED_ACTION.exec(text.slice(from, from + PLACED_REACH));
  if (placed?.[1] !== undefined) {
    const at = from + placed[0].length - placed[1].length;
    const end = shortPhraseEnd(text, at);
    const action = text.slice(at, end).replace(DONE_PARTICLE, '');
    return end - at > MAX_PREDICATE || action.length <= placed[1].length ? '' : action;
  }
  // 1.27万户企业已获稳岗返还资金: the stage word stays with the verb.
  const stage = text.charCodeAt(from) === 0x5df2 /* 已 */ ? 1 : 0;
  if (PREDICATE_VERBS.match(text, from + stage) === undefined) return '';
  const end = shortPhraseEnd(text, from);
  // …获得稳岗返还资金2.86亿元: the funds are the next figure's measure, not what the counted ones did.
  return end - from > MAX_PREDICATE ? '' : text.slice(from, end).replace(FUNDS_OBJECT, '');
}

const FUNDS_OBJECT = /(?<=.{3})资金$/;

/**
 * Where a short Chinese phrase from `from` ends: at a number, Latin text, 的 or a clause stop, or one past
 * MAX_PREDICATE characters, which callers take as too long to be part of a name.
 */
function shortPhraseEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && end - from <= MAX_PREDICATE) {
    const code = text.charCodeAt(end);
    if (CLAUSE_STOP.has(code) || code < 0x80 || isChineseNumeral(code) || code === 0x7684 /* 的 */) break;
    if (code >= 0xff10 && code <= 0xff19) break;
    end++;
  }
  return end;
}

/** A verb of helping that a count of people is the object of (帮助…实现, 带动…增收), after its stage. */
const HELPED_BY = /^(?:已|累计|共)?(?:帮助|带动|扶持|引导)$/;

/**
 * 帮助4120人次实现灵活就业 → 帮助实现灵活就业: a count of people named by nothing but the verb of helping before it
 * is named by what they were helped to do, up to a number or a clause stop; undefined when the label is no such
 * verb or nothing short follows.
 */
export function helpedLabel(label: string, text: string, from: number): string | undefined {
  if (!HELPED_BY.test(label)) return undefined;
  const end = shortPhraseEnd(text, from);
  return end === from || end - from > MAX_PREDICATE ? undefined : label + text.slice(from, end);
}

/** What a count in a unit is a number of, when nothing else names it (惠及34911户 → 惠及户数). */
const COUNT_NOUNS: Record<string, string> = { 户: '户数', 人: '人数', 名: '人数', 位: '人数', 家: '家数' };

/** 已向, 累计向, 为: only the preposition of those given to, before the count. */
const GIVEN_TO = /^(?:已|累计|共)?(?:向|为|给)$/;
/** 发放失业保险金: what was given to them, up to a number or a clause stop. */
const GIVEN_AFTER = /^(?:发放|支付|兑现|拨付)([\u4e00-\u9fff]{2,8}?)(?=[0-9０-９，,。；;]|$)/;
const GIVEN_REACH = 12;

/**
 * 累计向4.6万人发放失业保险金 → 失业保险金领取人数: those given to are counted as receivers of what was given;
 * undefined when the label is no bare preposition of them or nothing given follows.
 */
export function receiversLabel(label: string, text: string, from: number, unit: string): string | undefined {
  const counted = Object.hasOwn(COUNT_NOUNS, unit) ? COUNT_NOUNS[unit] : undefined;
  if (counted === undefined || !GIVEN_TO.test(label)) return undefined;
  const given = GIVEN_AFTER.exec(text.slice(from, from + GIVEN_REACH))?.[1];
  return given === undefined ? undefined : `${given}领取${counted}`;
}

/** Work on land measured by the area it covered (秋粮已收获38.6万亩, 水稻机插秧12万亩). */
const LAND_WORK = /(?:收获|播种|种植|收割|机收|插秧|栽植|复垦|流转)$/;
/** Units a land area is measured in: of a crop, a field worked, a district. */
export const LAND_AREA_UNITS = new Set(['亩', '公顷', '平方公里']);

/** 秋粮已收获62% → 秋粮收获进度: a share named only by work on land is how far the work has come. */
export function withProgress(label: string): string {
  return label.length > 2 && LAND_WORK.test(label) && !INTENDING.test(label) ? `${label}进度` : label;
}

/** 种粮户计划扩大种植: what people intend or who they are is a share of them, no progress of work. */
const INTENDING = /计划|打算|愿意|希望|者|户/;

/**
 * A bare object verb (惠及, 涉及) names an action, not a measure: it takes the count its unit implies; work on land
 * takes the area it covered (秋粮收获 → 秋粮收获面积).
 */
export function withImpliedObject(label: string, unit: string): string {
  if (LAND_AREA_UNITS.has(unit) && LAND_WORK.test(label)) return `${label}面积`;
  const noun = Object.hasOwn(COUNT_NOUNS, unit) ? COUNT_NOUNS[unit] : undefined;
  return noun !== undefined && OBJECT_VERBS.includes(label) ? label + noun : label;
}

/** 晚稻近日陆续开镰收割: a crop, when it is being worked, then the work, after an area that names nothing before it. */
const CROP_THEN_WORK =
  /^([\u4e00-\u9fff]{2,6}?)(?:近日|近期|目前|已经|已|正在|陆续|全面|开始|进入)*(?:开镰|收割|收获|播种|种植|插秧|机收|栽植)/;

/**
 * 12.6万亩晚稻开镰 → 晚稻面积: the area is the crop's, whatever is being done to it that day; undefined when the
 * noun after an area is no crop being worked.
 */
export function cropArea(noun: string, unit: string): string | undefined {
  const crop = LAND_AREA_UNITS.has(unit) ? CROP_THEN_WORK.exec(noun)?.[1] : undefined;
  return crop === undefined ? undefined : `${crop}面积`;
}

/** 总投资, 全长, 规模为, 总建筑面积: a measure that the noun after the figure and its 的 owns. */
const OWNED_MEASURE = /(?:总投资|全长|总长|规模|总建筑面积|建筑面积|占地面积|总面积|总库容|库容)$/;
/** Where the owner's name ends and what it did begins (…第二水厂近日通水运行). */
const OWNER_END =
  /近日|日前|近期|目前|同步|同时|即将|已经|正在|正式|顺利|全面|开工|开诊|通水|投运|建成|启用|落成|开通|运行|投入|完工|竣工|开业|开放/;

/**
 * 总投资6.8亿元的第二水厂, 全长46公里的绕城高速北段, 规模为5亿元的产业引导基金: the measure is the owner's, named
 * after the figure; undefined when the label is no such measure or no owner follows.
 */
export function ownedMeasure(label: string, text: string, end: number, region: string): string | undefined {
  const measure = OWNED_MEASURE.exec(label)?.[0];
  if (measure === undefined || !text.startsWith('的', end)) return undefined;
  const noun = nounAfter(text, end).noun;
  const cut = OWNER_END.exec(noun)?.index ?? noun.length;
  const owner = stripLeading(noun.slice(0, cut), region);
  return owner.length < 2 ? undefined : owner + measure;
}

/** A phrase ending in 的 only describes the noun that follows the number (建造的2.8万立方米运输船). */
export function isAttributive(label: string): boolean {
  return label.endsWith('的');
}

/** 老人每餐可享受 + 5元的补贴 → 老人每餐补贴: what is received, after the figure, names it instead of the verb. */
const RECEIVING_END = /(?:可|能|均可)?(?:享受|享有|获得|领取)$/;

/** The label without a receiving verb it ends on, or undefined when it ends on none. */
export function withoutReceiving(label: string): string | undefined {
  const cut = label.replace(RECEIVING_END, '');
  return cut === label || cut.length < 2 ? undefined : cut;
}

const TASK = /(?:建设)?任务$/;

/** 村级养老服务站建设任务, 新增停车泊位任务: a task a paragraph may go on to report progress on. */
export function isTask(label: string): boolean {
  return TASK.test(label) && label.length > 4;
}

/** What a task is about: 新增停车泊位任务 → 停车泊位, 村级养老服务站建设任务 → 村级养老服务站. */
export function taskThing(task: string): string {
  return task.replace(TASK, '').replace(STAGE_OPENING, '');
}

/**
 * What was done of a task, with its stage word: a building task done is what was built (建设任务 → 已建成高标准农田,
 * which a reader tells from the task itself), another task done is its work done (改造任务 → 已完成老旧小区改造).
 */
export function doneOfTask(task: string, stage: string): string {
  return task.endsWith('建设任务') ? `${stage}建成${taskThing(task)}` : `${stage}完成${task.slice(0, -2)}`;
}

/** 已建成投用, 完工, 已竣工并投入使用: what was done, with nothing of what it was done to. */
const WORK_DONE = /^(?:已|累计)?(?:新开工|开工|竣工|完工|建成|投用|投入使用|完成|并)+$/;

export function isWorkDone(label: string): boolean {
  return WORK_DONE.test(label);
}

/** A bound without its subject (每人最高1000元补贴标准): the noun after the figure completes the label. */
export function isOpenBound(label: string): boolean {
  return label.endsWith('最高') || label.endsWith('最低') || label.endsWith('最多') || label.endsWith('最少');
}

export function isModifierOnly(label: string): boolean {
  return label.length <= 4 && MODIFIER_ENDINGS.some((ending) => label.endsWith(ending));
}

const CHANGE_VERBS = new Set([
  ...GROWTH_VERB_LIST,
  // 多增, 少增: credit grew by more or less than a year before; 放大: turnover grew.
  ...'收窄 扩大 缩小 放缓 加快 回升 翻番 持平 增产 减产 增收 偏多 偏少 放量 缩量 延长 缩短 多出 高出 低出 多增 少增 放大 收涨 收跌 多减 少减'.split(
    ' ',
  ),
]);
const CHANGE_ENDINGS = new SuffixSet([...CHANGE_VERBS, ...GROWTH_NOUNS]);
/** Words a bare change may open with and still have no subject: 两年平均增长, 涨幅比上月回落, 同口径增长. */
const CHANGE_OPENERS = new Lexicon(
  '平均 年均 涨幅 增幅 增速 降幅 跌幅 同比 环比 比重 占比 比例 同口径 可比口径 累计 年内累计 周 全周 单周 单日 单月 名义 实际 小幅 大幅 微幅'
    .split(' ')
    .map((word) => [word, true] as const),
);

/** A change without its subject (增加, 比去年增加, 两年平均增长) continues the subject of the figure before it. */
export function isPredicateOnly(label: string): boolean {
  if (CHANGE_ENDINGS.suffixOf(label) === undefined) return false;
  let start = 0;
  // 两年平均增长: a span of years opening an average.
  while (start < label.length && isChineseNumeral(label.charCodeAt(start))) start++;
  if (start > 0) start = label.charCodeAt(start) === 0x5e74 /* 年 */ ? start + 1 : 0;
  for (let round = 0; round < 3; round++) {
    const next = afterComparison(label, afterWord(label, start, CHANGE_OPENERS));
    if (next === start) break;
    start = next;
  }
  const rest = start === 0 ? label : label.slice(start);
  // 增幅超过两成: a growth noun alone names the change of the subject before it.
  // 累计涨幅, 同比涨幅: openers before a growth noun leave it naming the change of the subject before.
  return CHANGE_VERBS.has(rest) || (rest === '' && GROWTH_NOUNS.some((noun) => label.endsWith(noun)));
}

/** 较发行价, 比市场价: a base named by a thing of its own (not a period, which afterComparison reads). */
const NAMED_BASE = /^(?:比(?![例重率值])|较)[\u4e00-\u9fff]{2,6}$/;
const NAMED_COMPARATIVE = /^(?:高于|低于|多于|少于)[\u4e00-\u9fff]{2,6}$/;

/**
 * 较发行价上涨, 比市场价低: a change against a named base with no subject of its own; it is the change of the subject
 * the sentence just measured (收盘报67.92元/股，较发行价上涨185.4%).
 */
export function isNamedComparisonOnly(label: string, comparative = false): boolean {
  // 低于主营单位约200元: a comparative states the change itself, when the amount is the gap.
  if (comparative && NAMED_COMPARATIVE.test(label)) return true;
  const change = CHANGE_ENDINGS.suffixOf(label);
  return change !== undefined && NAMED_BASE.test(label.slice(0, -change.length));
}

/**
 * 增速高于全省平均水平, 涨幅快于全国: a rate compared with another group's, with no subject of its own; it is the
 * rate of the subject the sentence just measured.
 */
const RATE_COMPARISON =
  /^(?:增速|增幅|涨幅|降幅|跌幅|增长率)(?:均|仍|也|继续)?(?:高于|低于|快于|慢于|超过|领先于?|落后于?)/;

export function opensOnRateComparison(label: string): boolean {
  return RATE_COMPARISON.test(label);
}

const YEAR_ON_YEAR = new SuffixSet(['同比', '环比']);

/** The measured thing of a label, without its growth verb: 工业用电量增长 → 工业用电量. */
export function subjectOf(label: string): string {
  const verb = CHANGE_ENDINGS.suffixOf(label);
  if (verb === undefined || verb === label) return label;
  let subject = label.slice(0, -verb.length);
  // 股价累计上涨, 较年初累计下跌: how the change ran up is not part of what changed.
  if (subject.endsWith(RUNNING) && subject.length > RUNNING.length + 1)
    subject = subject.slice(0, -RUNNING.length);
  // 居民消费价格指数涨幅比上月扩大 → 居民消费价格指数: the base and the rate that changed go too.
  const base = comparisonIn(subject);
  if (base !== '' && subject.endsWith(base)) subject = subject.slice(0, -base.length);
  const rate = GROWTH_NOUNS.find((noun) => subject.endsWith(noun) && subject.length > noun.length);
  if (rate !== undefined && verb !== rate) subject = subject.slice(0, -rate.length);
  const yearOnYear = YEAR_ON_YEAR.suffixOf(subject);
  return yearOnYear === undefined || yearOnYear === subject ? subject : subject.slice(0, -yearOnYear.length);
}

const RUNNING = '累计';

/** 合约收盘价 → 合约: what a contract's change is named by (合约涨幅), its closing price being the level. */
const CLOSING_PRICE = /(?<=.{2})收盘价$/;

/** The subject a change after a level takes: the level's subject, without 收盘价. */
export function movedOf(label: string): string {
  return subjectOf(label).replace(CLOSING_PRICE, '');
}

/** Measures a clause may name without their subject (…杨梅种植面积6.8万亩，总产量5.2万吨，产值…). */
const BARE_MEASURES = new Set(
  (
    '面积 种植面积 播种面积 产量 总产量 产值 总产值 综合产值 销售额 销量 销售量 零售额 收入 总收入 投资 总投资 ' +
    '规模 总规模 总额 余额 价格 均价 单价 增加值 用电量 客流量 成交额 成交量 利润 净利润 出货量 渗透率 ' +
    '覆盖率 普及率 完成率 开工率 利用率 达标率 线上销售 线上销量 线上销售额 参保率 参保人数 零售 ' +
    // A market's measures: what it traded, held and moved (二手车交易量…，交易额; 港口煤炭库存…，调入量…), a listed
    // company's value.
    '交易额 交易量 成交均价 库存 调入量 调出量 股价 市值 总市值 ' +
    // Measures named by a compound of their own, which hold no subject (营业 is none).
    '营业收入 营业总收入 主营业务收入 可支配收入 人均可支配收入 归母净利润 利润总额'
  ).split(' '),
);
/**
 * A government's revenue and spending: measures of the place itself, so they never take the subject of the measure
 * before (固定资产投资增长5.1%，一般公共预算收入… is no 固定资产 revenue); they still end a subject (其中税收收入 after
 * 一般公共预算收入 takes no 一般公共 from it).
 */
const FISCAL_MEASURES = new Set('税收收入 财政收入 预算收入 一般公共预算收入 一般公共预算支出'.split(' '));
const MEASURE_ENDINGS = new SuffixSet([...BARE_MEASURES, ...FISCAL_MEASURES]);
/** Stage words a bare measure may open with (预计总产量): they stay before the subject it takes. */
const STAGE_OPENING = /^(?:预计|计划|累计|已|新增)/;
const STAGE_ENDING = /(?:预计|计划|累计|已|新增)$/;

/**
 * A clause that names no subject continues the one before it in the sentence (`previous`, a label):
 * - a bare measure takes the subject of the measure before (杨梅种植面积 + 预计总产量 → 预计杨梅总产量);
 * - a measure that opens on the end of the one before takes what preceded it (新能源车零售 + 零售渗透率);
 * - a group alone takes the measure of the group before (本科生平均期望月薪 + 硕士生 → 硕士生平均期望月薪);
 * - what a population judges takes the population (受访居民对公共交通满意率 + 对停车便利程度满意率).
 * Undefined when the label stands on its own.
 */
export function continuedSubject(label: string, previous: string): string | undefined {
  const contrasted = contrastOf(label, previous);
  if (contrasted !== undefined) return contrasted;
  // 公共停车泊位仅3.1万个，缺口在六万个左右: a shortfall alone is of what was just counted.
  if (SHORTFALL.test(label)) return subjectOf(previous) + label;
  // 受访居民对公共交通的满意率…，对停车便利程度的满意率…: what is judged changes, not who judges.
  const judged = previous.indexOf('对');
  if (label.startsWith('对')) return judged > 0 ? previous.slice(0, judged) + label : undefined;
  // 停车泊位约2.6万个，与机动车保有量之比…: a ratio of the thing before to another.
  if (label.startsWith('与') && label.endsWith('之比')) return subjectOf(previous) + label;
  const ofVerb = objectOfSharedVerb(label, previous);
  if (ofVerb !== undefined) return ofVerb + label;
  const stage = STAGE_OPENING.exec(label)?.[0] ?? '';
  const measure = label.slice(stage.length);
  const subject = subjectOf(previous).replace(STAGE_OPENING, '');
  // 纳入计划的项目 + 累计完成投资: the head of a defined subject, not its definition.
  const before = subject.slice(subject.lastIndexOf('的') + 1);
  const head = MEASURE_ENDINGS.suffixOf(before);
  // 猕猴桃预计产量 + 预计综合产值: the stage word before the measure is this label's own, not the topic's.
  const topic = head === undefined ? '' : before.slice(0, -head.length).replace(STAGE_ENDING, '');
  // 惠及户数 + 总投资: what an action reached is no subject of other measures.
  // 本科毕业生毕业半年后的就业率…，高职毕业生为…: a group takes the whole measure, 的 phrase and all.
  if (topic.length < 2 || OBJECT_VERBS.some((verb) => topic.endsWith(verb)))
    return (
      parallelGroup(label, before) ?? (subject.includes('的') ? parallelGroup(label, subject) : undefined)
    );
  // 城镇居民体质达标率…，农村居民为…: a group alone takes the measure, whatever measure it is.
  const group = parallelGroup(label, before);
  if (group !== undefined) return group;
  if (FISCAL_MEASURES.has(measure)) return undefined;
  // 重点项目 + 计划总投资 → 重点项目计划总投资: a planned measure is a term of its own (计划总投资), which the topic
  // opens; a forecast or a running total is said of the topic (预计杨梅总产量).
  if (BARE_MEASURES.has(measure) && !topic.endsWith(measure))
    return stage === '计划' ? topic + label : stage + topic + measure;
  if (BARE_MEASURES.has(measure)) return undefined;
  // 新能源车零售 + 零售渗透率: the measure before opens this one.
  return head !== undefined && label.startsWith(head) && label.length > head.length
    ? topic + label
    : undefined;
}

/** Verbs a measure may open with (成交面积, 发放标准, 销售额), which name what they were done to in the label before. */
const MEASURED_VERBS = new Lexicon(
  '成交 发放 销售 接待 招聘 签约 收购 回收 使用 申领 兑付 核销 培训 出口 进口 收获 播种'
    .split(' ')
    .map((word) => [word, true] as const),
);

/**
 * 新建商品住宅成交4862套，成交面积… → 新建商品住宅; 发放高龄津贴…，发放标准… → 高龄津贴: a measure opening on the
 * verb of the label before is of that verb's object, written before or after it; undefined when none is.
 */
function objectOfSharedVerb(label: string, previous: string): string | undefined {
  const verb = MEASURED_VERBS.match(label, 0)?.word;
  if (verb === undefined || label.length <= verb.length) return undefined;
  const done = previous.replace(STAGE_OPENING, '');
  const at = done.indexOf(verb);
  const object = at > 0 ? done.slice(0, at) : at === 0 ? done.slice(verb.length) : '';
  return object.length >= 2 && !label.includes(object) ? object : undefined;
}

/**
 * 6月单月，百强房企销售额… → 百强房企单月销售额: a month's own figure is a series apart from the year's running
 * total, so 单月 goes before the measure; the label as it is when it names no measure.
 */
/** Levels that stand at a moment (库存, 市值): no month has them of its own. */
const STANDING_LEVELS = new Set('库存 股价 市值 总市值'.split(' '));

export function withSingleMonth(label: string): string {
  if (label.includes('单月')) return label;
  const subject = subjectOf(label);
  const measure = MEASURE_ENDINGS.suffixOf(subject);
  if (measure === undefined || !label.startsWith(subject) || STANDING_LEVELS.has(measure)) return label;
  const at = subject.length - measure.length;
  return `${label.slice(0, at)}单月${label.slice(at)}`;
}

/** How long a group that stands for the measure of the group before it may be (硕士生, 农村居民, 初中生家长). */
const MAX_GROUP = 5;

/** Last characters of a word for a group of people or places (本科生, 农村居民, 女性, 县城, 家长, 老人, 职工). */
const GROUP_ENDINGS = codeSet('生民员者性户村镇区县市城长人工童');
/** 制造业企业, 服务业企业: firms of a branch are a group too (创业 is none). */
const FIRMS = /企业$/;

/** 城镇居民 after 居民体质达标率提高: the measure of the label before, of the group alone; undefined for no group. */
export function groupsMeasure(label: string, previous: string): string | undefined {
  return parallelGroup(label, subjectOf(previous));
}

/** 硕士生 after 本科生平均期望月薪: the group replaces the group that opens the label before (same last character). */
const SHORTFALL = /^(?:缺口|差额|短缺)$/;

/** Pairs of words each naming one half of what a measure may be given for. */
const CONTRASTS: readonly (readonly [string, string])[] = [
  ['白天', '夜间'],
  ['日间', '夜间'],
  ['城镇', '农村'],
  ['城市', '农村'],
  ['线上', '线下'],
  ['男性', '女性'],
  ['工作日', '周末'],
  ['上午', '下午'],
  ['境内', '境外'],
  ['省内', '省外'],
];

/**
 * 共享车位白天使用率约45%，夜间超过九成; 城镇居民人均可支配收入…，农村…: the other half of a pair alone takes the
 * measure just given for the first, in its place.
 */
function contrastOf(label: string, previous: string): string | undefined {
  for (const [one, other] of CONTRASTS) {
    const given = label === one ? other : label === other ? one : undefined;
    if (given !== undefined && previous.includes(given)) return previous.replace(given, label);
  }
  return undefined;
}

function parallelGroup(label: string, before: string): string | undefined {
  if (
    label.length < 2 ||
    label.length > MAX_GROUP ||
    !(GROUP_ENDINGS.has(label.charCodeAt(label.length - 1)) || FIRMS.test(label))
  )
    return undefined;
  const end = before.indexOf(label.charAt(label.length - 1)) + 1;
  return end >= 2 && end <= MAX_GROUP + 1 && end < before.length - 1 && before.slice(0, end) !== label
    ? label + before.slice(end)
    : undefined;
}

/** What follows a reporting body's name when it announces (4月25日晚发布, 公告, 披露…). */
const ANNOUNCING = /^(?:[0-9０-９]|发布|公告|公布|披露|宣布|表示|称)/;
const MAX_ANNOUNCER = 8;

/**
 * The company or body a brief reports on: the name both its headline and its body open on, when the body goes on
 * to say when or what it announced (青岚科技三季度营收… / 青岚科技10月28日披露…); undefined when none.
 */
export function announcerOf(text: string, headlineEnd: number): string | undefined {
  if (headlineEnd <= 0) return undefined;
  const body = headlineEnd + 2;
  let length = 0;
  while (
    length < MAX_ANNOUNCER &&
    length < headlineEnd &&
    text.charCodeAt(length) === text.charCodeAt(body + length) &&
    text.charCodeAt(length) >= 0x4e00
  )
    length++;
  if (length < 2) return undefined;
  // 东屿港… / 东屿港务集团7月11日发布: the body names the group the headline's short name stands for.
  const group =
    GROUP_AFTER_NAME.exec(text.slice(body + length, body + length + MAX_GROUP_TAIL))?.[0].length ?? 0;
  return ANNOUNCING.test(text.slice(body + length + group, body + length + group + 2))
    ? text.slice(0, length)
    : undefined;
}

/** 务集团, 股份有限公司: the rest of a company's full name after the short name a headline gives it. */
const GROUP_AFTER_NAME = /^[\u4e00-\u9fff]{0,4}?(?:集团|公司|股份|控股)/;
const MAX_GROUP_TAIL = 10;

/** 仍以中国对虾为主 → 中国对虾: the topic a clause sets for a figure that names nothing itself. */
export function topicOfClause(clause: string): string | undefined {
  const start = clause.indexOf('以');
  const end = clause.lastIndexOf('为主');
  return start >= 0 && end > start + 1 ? clause.slice(start + 1, end) : undefined;
}

/**
 * The year-on-year base in any spelling (同比, 比上年, 较去年同期, 比上年末), also the cohort (比上届), the holiday
 * (比去年暑期) or the survey round (比去年调查时) a year before: it only locates the figure. A base that
 * goes on to name a part of the year (比去年秋季学期, 比上年全年) is another series' base and stays.
 */
const YEAR_ON_YEAR_BASE =
  /同比|(?:比|较)(?:上年|去年|上届)(?:同期|末|底|暑期|寒假|春节|国庆)?(?:调查时?)?(?!全年|[0-9一二三四五六七八九十]|[春夏秋冬]季)/g;
/**
 * Periods inside a label (明远电气去年归母净利润, 北向资金全天净买入, 夜市国庆期间客流量): they belong in as-of,
 * or only say when; so does the 在 a plan brings its period in with (计划在下半年增加…).
 */
const PERIOD_INSIDE =
  /(?<![比较每前]|比上年|较上年|比去年|较去年)(?:(?<=[划算备望])在)?(?:(?:春节|国庆|“?五一”?|“?十一”?|端午|中秋|清明|元旦|暑期|假期|节假日|黄金周)期间|今年|明年|去年|上年|本年|当年|全年|全天|当天|当日|当期|当前|本周|本月|周[一二三四五六日]|在?未来(?:半年|[一二三四五六七八九十两0-9]+个?(?:年|月|季度|周))|过去的?[一二三四五六七八九十两]+年|第?[一二三四1-4]季度|(?<![比较])前(?:[一二三四1-4]季度|[一二三四五六七八九十两0-9]{1,2}个月)|年内|年[底末]前|[上下]半年|\d{4}年度?|\d{4}届)(?!以来|同期|平均|目标|计划|任务)/g;
/** 多数家庭, 部分企业, 多家连锁药店, 各类养老机构: a quantifier names no series. */
const QUANTIFIED_SUBJECT =
  /^(?:大多数|多数|大部分|部分|不少|许多|多家|各类|各级)(?:受访)?(?:家庭|企业|居民|市民|职工|老人|人)?/;
/**
 * 上海黄金交易所黄金9999合约, 大商所铁矿石期货: the exchange only says where the contract trades; the contract
 * names the series.
 */
const VENUE =
  /^[\u4e00-\u9fff]{1,8}?(?:交易所|金交所|期交所|联交所|商所|交所)(?=[\u4e00-\u9fffA-Za-z0-9]{2})/;
/**
 * 百城新建住宅均价, 重点50城新房成交面积, 主营加油站92号汽油零售价: the cities or outlets a price
 * or a volume was sampled at only say how it was measured; the goods name the series.
 */
const SAMPLED_OUTLETS =
  /^(?:百城|重点[0-9]{1,3}城|(?:多地|主营|主要)(?:加油站|金店))(?=[\u4e00-\u9fffA-Za-z0-9]{3})/;
/** 乘用车市场零售: the market of the goods is the goods, whose sales it counts. */
const MARKET_OF_GOODS = /(?<=^[\u4e00-\u9fff]{2,6})市场(?=零售|销量|销售|成交|交易)/;

/**
 * 涨, 跌 and 减 alone name the change a reader calls 上涨, 下跌, 下降; a span before it (周跌) is named by the
 * span's change, 周跌幅.
 */
const BARE_CHANGE =
  /(?<![上下周日月年])收?[涨跌]$|(?<![缩削核免压多少])减$|(?<=[^新净倍递激猛剧骤陡多少])增$/;
const SPAN_CHANGE = /(?<=[周日月年])[涨跌]$/;
const BARE_CHANGE_NAMES: Record<string, string> = {
  增: '增长',
  涨: '上涨',
  跌: '下跌',
  收涨: '上涨',
  收跌: '下跌',
  减: '下降',
};

/**
 * 完成 opening a measure is a light verb like 实现 (完成地区生产总值 is 地区生产总值; 完成营造林 and a 完成率 keep it); 可获
 * before what is granted only says it may be had (每台电梯最高可获补贴 → 每台电梯最高补贴); 表示 only reports what was
 * said, unless it defines who a share counts (表示订单已恢复的企业比例).
 *
 * 已 after an agent (创业孵化平台已入驻团队) says when, not which stage (but it defines who a share counts:
 * 表示订单已恢复的企业比例); 带动 before a verb only links; 实现 is a light verb (实现营业收入 is 营业收入); 再 after a
 * plan (计划再新建) only says it comes on top of what was done. 将 before an action only says it is to come (暑期将
 * 接待学生 is 暑期接待学生, a forecast by its sentence). Who is given to (为全市老年人发放高龄津贴) and by what means
 * (利用边角地新建停车场) open a label without naming the series: what is given, what is built. A survey before what
 * it collected (消费意愿调查收回有效问卷) only says whose the questionnaires were; 分三批 only says how it was done.
 */
const LINKING_WORDS =
  /^[^，的]{0,10}?(?:调查|测评|普查|抽查)(?=收回|回收|访问|登记|采集)|分[一二三四五六七八九十两0-9]{1,2}(?:批|次|期|轮)(?=[\u4e00-\u9fff]{2})|^(?:为|向|给)[^，的]{2,14}?(?=发放|提供|返还|兑现|拨付|减免|支付)|^(?:利用|依托|借助|运用)[^，的]{2,14}?(?=新建|改建|扩建|建成|建设|改造|打造|增设|新增)|(?<=.{2})(?:仍将|也将|还将|将)(?=接待|新建|新增|建成|开工|完工|提供|吸引|带动|惠及|覆盖|改造|迎来|举办|开展|实施|完成)|(?<=.{2})已(?!经|有)(?!.*比例$)|带动(?=提供|实现|新增|增加|吸纳)|(?<!通过[^的，]{1,10})实现(?!率)(?!.*比例$)|(?<=计划|拟|将)再(?=新|建|增|改)|^完成(?=[^的]{4,}$)(?!.*(?:率|比例|占比)$)|(?:均可|可|能)(?:获得|获|享受|领取)(?=补贴|奖励|资助|补助|奖补)|(?<=.)表示(?!.*(?:比例|占比))|(?<=.{2})(?:合计|共计|总计)(?=.{2})|(?<=.)各(?:类|项)(?=.{2})|有所(?=下降|上升|增加|减少|增长|回升|回落|提高|降低|改善|好转|放缓|加快|扩大|缩小|收窄|延长|缩短)/g;

/**
 * The final form of a Chinese label: no year-on-year base or period inside it, bare changes named. 较 stays as the
 * writer spelled it (较年初增加 is read as written); the metric key spells it 比, so both wordings meet.
 */
export function tidyLabel(label: string): string {
  let tidy = label
    .replace(NOT_IN_LABELS, '')
    .replace(QUANTIFIED_SUBJECT, '')
    .replace(VENUE, '')
    .replace(SAMPLED_OUTLETS, '')
    .replace(MARKET_OF_GOODS, '')
    .replace(TRAILING_PLAN, '');
  // 举办非遗展演、夜游灯会等文旅活动: examples before 等 only illustrate the kind after it, which names the series.
  if (tidy.includes('等')) tidy = tidy.replace(EXAMPLES, '');
  tidy = tidy.replace(SPAN_CHANGE, '$&幅').replace(BARE_CHANGE, (bare) => BARE_CHANGE_NAMES[bare] ?? bare);
  return tidy === '' ? label : tidy;
}

/** 第一阶梯水价拟 (…拟由2.65元调整为3元): the plan word before a change's old level only says it is planned. */
const TRAILING_PLAN = /(?<=.{2})拟$/;

/** A verb, examples listed with 、 and closed by 等, and the kind they illustrate (at least two characters). */
const EXAMPLES = /^(?:[^、等]{2,8}、)+[^、等]{2,8}等(?=.{2,}$)/;

/** 小幅上涨, 大幅回落: how much it moved, which the figure states. */
const DEGREE_OF_CHANGE = /[小大微]幅(?=[上下增减回收涨跌提降])/;

/** All that a tidy label leaves out, in one pass. */
const NOT_IN_LABELS = new RegExp(
  [YEAR_ON_YEAR_BASE.source, PERIOD_INSIDE.source, LINKING_WORDS.source, DEGREE_OF_CHANGE.source].join('|'),
  'g',
);

const PURPOSE_LENGTH = 16;

/** Words that say what money is for, after its amount (…5亿元用于棚户区改造, 投资2.6亿元建设污水处理厂). */
const PURPOSE_OPENING = /^(?:用于|实施|建设)/;
/** A label that only says money was invested: its purpose, after the amount, names it. */
const INVESTED = /^(?:拟|计划)?(?:投资|投入)$/;

/**
 * 安排专项资金5亿元用于棚户区改造, 投资2.6亿元建设污水处理厂: what the money is for, read after the figure,
 * or undefined.
 */
export function purposeAfter(text: string, from: number, label: string): string | undefined {
  const opening = PURPOSE_OPENING.exec(text.slice(from, from + 2))?.[0];
  if (opening === undefined || (opening !== '用于' && !INVESTED.test(label))) return undefined;
  let end = from + 2;
  while (end < text.length && end - from <= PURPOSE_LENGTH && !CLAUSE_STOP.has(text.charCodeAt(end))) end++;
  const purpose = text.slice(from + 2, end).replace(/等$/, '');
  return purpose === '' || end - from > PURPOSE_LENGTH ? undefined : purpose;
}

/** Verbs that allocate money (安排专项资金, 市财政拨付): the fund is what follows them. */
const ALLOCATING = /^.*?(?:安排|投入|拨付|下达|筹集|统筹|落实|争取|设立|拿出|给予)/;

/** 棚户区改造 + 安排专项资金 → 棚户区改造专项资金; 安排 alone → 棚户区改造资金. */
export function fundFor(purpose: string, label: string): string {
  const fund = label.replace(ALLOCATING, '');
  return purpose + (fund === '' ? '资金' : fund);
}

/** The programme a fund belongs to (已发放稳岗返还资金 → 稳岗返还), or undefined when the label is no fund. */
export function programmeOf(label: string): string | undefined {
  const match = /^(?:已|累计)?(?:发放|获得|安排|拨付|兑现)?(.{2,}?)(?:资金|补贴资金)$/.exec(label);
  return match?.[1];
}

/** 险企发行资本补充债 → 险企资本补充债发行规模: money issued is named by what was issued and 发行规模. */
export function issuedAmount(label: string): string | undefined {
  const match = /^(.*?)发行(.{2,})$/.exec(label);
  if (match === null || MEASURES.test(match[2] ?? '')) return undefined;
  return `${match[1]}${match[2]}发行规模`;
}

/** Nouns that already name a measure (发行规模, 发行利率): nothing to add to them. */
const MEASURES = /(?:规模|金额|总额|利率|价格|数量)$/;

/** 合计规模超过300亿元 after 7家保险公司发行资本补充债券: the measure of what the clause before issued. */
export function issuedBefore(label: string, previousClause: string): string | undefined {
  if (!/^(?:合计|总)?规模$/.test(label)) return undefined;
  const issued = /发行([^0-9０-９，、]{2,12})$/.exec(previousClause);
  return issued === null ? undefined : `${issued[1]}发行规模`;
}

/** Verbs a plan is named by, before or after their object (改造老旧小区 / 老旧小区改造). */
const PLANNED_ACTIONS = /(改造|新建|建设|实施|整治|开工|完成|新增)$/;

/**
 * 老旧小区改造计划调整为改造 → 计划改造老旧小区: a revised plan is the plan's series, named verb first like the
 * original (计划改造老旧小区76个).
 */
export function revisedPlan(label: string): string | undefined {
  const match = /^(.+?)(?:计划|任务)(?:调整|调增|调减|增加|提高)?[为至到]/.exec(label);
  const planned = match?.[1];
  const verb = planned === undefined ? undefined : PLANNED_ACTIONS.exec(planned)?.[1];
  if (planned === undefined || verb === undefined) return undefined;
  return `计划${verb}${planned.slice(0, -verb.length)}`;
}

/** The agent of a clause without a figure (沪指全天震荡走高 → 沪指), when a reader keeps it in a name. */
export function agentOf(clause: string, region: string): string | undefined {
  const split = splitAgent(stripOpening(clause, region));
  const agent = split === undefined ? '' : keptAgent(split.agent);
  return agent === '' ? undefined : agent;
}

const SHARE_WORDS = /^(?:比重|占比|比例)/;

/**
 * What a change continues from the label before: its subject (工业用电量增长 → 工业用电量), but the rate itself
 * when the change is in percentage points (固定资产投资增速 + 比上半年回落).
 */
export function changedOf(previous: string, unit: string, change: string): string {
  // 民营企业进出口额占比61.7%，比重较去年同期提升3.2个百分点: the share itself changed.
  if (SHARE_WORDS.test(change) && SHARE_WORDS.test(previous.slice(-2))) return previous.slice(0, -2);
  if (unit !== '个百分点' || GROWTH_NOUNS.some((noun) => change.startsWith(noun))) return movedOf(previous);
  if (GROWTH_NOUNS.some((noun) => previous.endsWith(noun))) return previous;
  // 增长7.8%，较一季度加快0.6个百分点: what quickened is the growth rate, 增速.
  return previous.endsWith('增长') ? `${previous.slice(0, -2)}增速` : subjectOf(previous);
}

/** 招聘月期间…, 举办“大连市2020年高校毕业生招聘月”: the programme a clause reports on, or undefined. */
export function topicOf(clause: string, region: string): string | undefined {
  const during = /^(.{2,8}?)期间/.exec(stripOpening(clause, region));
  if (during?.[1] !== undefined) return during[1];
  const held = /(?:举办|开展|启动|组织)了?(?:[“"「]([^”"」]{2,24})[”"」]|([^，。0-9]{2,20}?))(?:活动)?$/.exec(
    clause,
  );
  const name = held?.[1] ?? held?.[2];
  return name === undefined ? undefined : stripLeading(name, region);
}

const PREDICATE_LENGTH = 10;

/**
 * Where a predicate read from `start` ends: at a clause stop, Latin text, a digit or a numeral (the next figure).
 * Past `longest`, it is too long to name a series, and the caller gives up.
 */
function predicateEnd(text: string, start: number, longest: number): number {
  let end = start;
  while (end < text.length && end - start <= longest) {
    const code = text.charCodeAt(end);
    if (CLAUSE_STOP.has(code) || code < 0x80 || isChineseNumeral(code) || (code >= 0xff10 && code <= 0xff19))
      break;
    end++;
  }
  return end;
}

/**
 * What counted ones did, read after their noun up to the next figure: 企业返还3.56亿元 → 返还, 失业人员发放失业金
 * 2.18亿元 → 发放失业金; or the next clause when it opens on a modal (企业，可享受返还5亿元 → 可享受返还).
 */
export function predicateOf(text: string, nounEnd: number): string {
  let start = nounEnd;
  if (text.charCodeAt(start) === 0xff0c /* ， */ && MODAL_OPENING.test(text.charAt(start + 1))) start++;
  const end = predicateEnd(text, start, PREDICATE_LENGTH);
  return end - start > PREDICATE_LENGTH ? '' : text.slice(start, end).replace(FUNDS_OBJECT, '');
}

const MODAL_OPENING = /[可将能均已]/;

/** Adverbs of state a predicate opens with (尚在招聘, 正在装修, 仍未开工, 均已投用). */
const STATE_OPENING = /^(?:尚|仍|正在|均|已经|已|未)/;
const DOING_LENGTH = 10;

/**
 * 约900个尚在招聘, 56只涨停, 980人达成就业意向: the predicate after a count that has no noun of its own, up to the
 * clause's end; undefined when what follows opens no predicate or is too long to name a series.
 */
export function doingAfter(text: string, from: number): string | undefined {
  if (!STATE_OPENING.test(text.slice(from, from + 2)) && PREDICATE_VERBS.match(text, from) === undefined)
    return undefined;
  const end = predicateEnd(text, from, DOING_LENGTH);
  return end === from || end - from > DOING_LENGTH ? undefined : text.slice(from, end);
}

/** Whether a label says what changed and how (增长, 下降, 增速, 翻番…). */
export function namesChange(label: string): boolean {
  return CHANGE_ENDINGS.suffixOf(label) !== undefined || label.endsWith('翻番');
}

/**
 * 新招聘教师312名，其中硕士研究生以上学历的有48名 → 新招聘硕士研究生以上学历教师: people of whom a 的 phrase is said
 * are the ones counted before, the phrase put before their noun, after the verb that counted them.
 */
export function ofWhom(counted: string, defined: string): string {
  let cut = 0;
  for (const verb of OBJECT_VERBS) {
    const at = counted.lastIndexOf(verb);
    if (at >= 0 && at + verb.length > cut) cut = at + verb.length;
  }
  return counted.length - cut < 2 ? defined + counted : counted.slice(0, cut) + defined + counted.slice(cut);
}
