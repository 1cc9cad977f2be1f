// Labels of shares: the population a share is of (63.5%的企业表示订单已恢复 → 表示订单已恢复的企业比例) and the
// part a 占 share is of (民营企业完成投资120亿元，占全部投资的41.2% → 民营企业投资占比).
import { codeSet } from './chars.ts';
import { isGroupList } from './labels.ts';
import { Lexicon, SuffixSet } from './units.ts';

const POPULATION_WORDS = (
  '企业 居民 市民 村民 农户 农民 家庭 受访者 受访企业 受访居民 受访家庭 受访职工 受访老人 受访对象 被调查者 被访者 ' +
  '调查对象 消费者 用户 学生 员工 职工 网民 网友 游客 商户 商家 群众 人员 青年 老人 老年人 患者 毕业生 家长 教师 ' +
  '工人 负责人 经营者 管理者 中小企业 小微企业 民营企业 外资企业 样本企业 门店 店铺 机构 单位 学校 行政村 乡镇 ' +
  '城市 小区 人'
).split(' ');

/** Nouns that name who or what a share counts (企业, 受访者, 居民…), read after the share. */
const POPULATION_HEADS = new Lexicon(POPULATION_WORDS.map((word) => [word, true] as const));
const POPULATION_ENDINGS = new SuffixSet(POPULATION_WORDS);

const ANYONE = '人';

/** How far after a share its population may start (的中小企业负责人). */
const POPULATION_WINDOW = 6;
const MAX_PREDICATE = 20;
/** A space ends a clause too: headlines join two of them with one (…期待租金稳定 保障房申请意愿升至56%). */
const CLAUSE_END = codeSet('，,。；;：:！？!?\n（( \u3000');

const PLACE_PREPOSITIONS = codeSet('在到于');
/** 表示， 认为， 称：: a reporting verb alone before a comma, with what was said after it. */
const REPORTED_BEFORE_COMMA = /^(?:均|都|也)?(表示|认为|称)[，,：:](?=[^，,。；;]{2})/;
const REPORTED_REACH = 6;

/** The population noun at `from` (heads in a row: 企业负责人), and where it ends; undefined when none starts near. */
function populationAt(text: string, from: number): { start: number; end: number } | undefined {
  for (let start = from; start < text.length && start - from <= POPULATION_WINDOW; start++) {
    if (CLAUSE_END.has(text.charCodeAt(start))) return undefined;
    // 约24%在民营企业就业: a noun after 在 is where they are, not who they are.
    if (PLACE_PREPOSITIONS.has(text.charCodeAt(start))) return undefined;
    let head = POPULATION_HEADS.match(text, start);
    if (head === undefined) continue;
    let end = start + head.word.length;
    for (
      head = POPULATION_HEADS.match(text, end);
      head !== undefined;
      head = POPULATION_HEADS.match(text, end)
    ) {
      end += head.word.length;
    }
    return { start: from, end };
  }
  return undefined;
}

/**
 * Words that only say when (今年) or against what a year earlier (较上年同期), and 表示 before an attitude (表示满意
 * is 满意; 表示订单已恢复 reports a fact and keeps it). 已 opening the predicate stays: it is the stage that tells
 * those who already did from those who plan to (已获得录用通知的毕业生比例).
 */
const PREDICATE_NOISE =
  /今年|全年|(?:较|比)(?:上年|去年)同期|同比|表示(?=满意|不满意|支持|反对|愿意|主要|看重|希望|担心|无所谓|认可)/g;

const isDigit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
const LEVEL_MARKS = codeSet('至到');

/** Whether a level (至18时, 到5000元) starts at `at`: 至 or 到 and a digit; a bound (在500元以下) is no level. */
function levelAt(text: string, at: number): boolean {
  return LEVEL_MARKS.has(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1));
}

/** A share's label from what its population does: `${predicate}的${population}比例`. */
export function shareOfPopulation(predicate: string, population: string): string {
  const defined = predicate.replace(PREDICATE_NOISE, '');
  return defined === '' ? `${population}比例` : `${defined}的${population}比例`;
}

export interface PopulationShare {
  label: string;
  population: string;
}

/**
 * A share followed by its population and what that population does (63.5%的企业表示订单已恢复, 七成居民支持垃圾
 * 分类); `known` is the population the text set before (受访者中，42.5%表示满意), used when none follows.
 */
export function populationShareAfter(
  text: string,
  from: number,
  known: string | undefined,
): PopulationShare | undefined {
  let cursor = from;
  if (text.startsWith('的', cursor)) cursor++;
  // 超六成受访租客月租金在2000元以下: the population the text already named, written again after the share.
  const found =
    populationAt(text, cursor) ??
    (known !== undefined && known.length >= 2 && text.startsWith(known, cursor)
      ? { start: cursor, end: cursor + known.length }
      : undefined);
  let predicateStart = found?.end ?? cursor;
  // 两成受访者表示，愿意为…: what they said is the clause after the reporting verb, which stays before it.
  const said = REPORTED_BEFORE_COMMA.exec(text.slice(predicateStart, predicateStart + REPORTED_REACH));
  const verb = said?.[1] ?? '';
  if (said !== null) predicateStart += said[0].length;
  let end = predicateStart;
  while (
    end < text.length &&
    end - predicateStart <= MAX_PREDICATE &&
    !CLAUSE_END.has(text.charCodeAt(end)) &&
    !levelAt(text, end)
  )
    end++;
  if (end - predicateStart > MAX_PREDICATE) return undefined;
  // 希望将课后服务时间延长至18时以后: what they want is named before the level it is taken to.
  const predicate = verb + text.slice(predicateStart, end);
  const written = found === undefined ? undefined : text.slice(found.start, found.end);
  // 在2860名受访青年中，58.7%的人…: 人 is the population the text set, said again.
  const population = (written === ANYONE ? known : written) ?? written ?? known;
  if (population === undefined || (predicate === '' && found === undefined)) return undefined;
  return { label: shareOfPopulation(predicate, population), population };
}

/** 受访企业中, 在受访者中, 网购生鲜的受访居民中: a clause that names the population of the shares after it. */
export function populationFrame(clause: string): string | undefined {
  const match = /^(?:在)?(.{2,16})中$/.exec(clause);
  // 同一调查中, 在这次监测中: the survey the shares come from, not who was asked.
  return match?.[1] === undefined || SURVEY_ITSELF.test(match[1]) ? undefined : match[1];
}

/** What names a survey rather than a population (同一调查, 本次监测); answered questionnaires (有效问卷) are one. */
const SURVEY_ITSELF = /(?:调查|监测|调研|测评|普查|抽查|访谈)$/;

/**
 * 每月养老金在3000元以下、3000至5000元、5000元以上的分别占: one share per group, each group completed by what the
 * first one says before its bound (每月养老金在).
 */
export function groupShares(phrase: string, population: string | undefined): string[] | undefined {
  const at = phrase.lastIndexOf(GROUPS_SHARE);
  if (at <= 0 || population === undefined) return undefined;
  const groups = phrase.slice(0, at).split(/[、和及与]/);
  const first = groups[0] ?? '';
  const prefix = first.includes('在')
    ? first.slice(0, first.lastIndexOf('在') + 1)
    : measureBeforeBound(first);
  if (groups.length < 2 || prefix === '') return undefined;
  return groups.map((group) =>
    shareOfPopulation(group.startsWith(prefix) ? group : prefix + group, population),
  );
}

/** What a group is measured by, before its bound: 日均睡眠 of 日均睡眠不足6小时, 年花费 of 年花费500元以下. */
const MEASURE_BEFORE_BOUND =
  /^([^0-9０-９的，]{2,10}?)(?:在|不足|不到|低于|高于|超过|少于|多于|达到|达)?[0-9０-９]/;

function measureBeforeBound(group: string): string {
  return MEASURE_BEFORE_BOUND.exec(group)?.[1] ?? '';
}

/** A label of the shape 年花费500元以下的受访者比例: the measure, and what follows the group's 的. */
const BRACKET_SHARE =
  /^([^0-9０-９的，]{2,10}?)(?:在|不足|不到|低于|高于|超过|少于|多于|达到|达)?[0-9０-９][^的]*的(.{1,12}比例)$/;

/** 在购书花费上，… 从健身消费看，…: a sentence that opens on the domain its shares are measured in. */
const SCOPE_FRAME = /^(?:在|从)([\u4e00-\u9fff]{4,6}?)(?:上|方面|来看|看)[，,]/;

/** The domain a sentence opens on (购书花费 of 在购书花费上，), or undefined. */
export function scopeOf(sentenceOpening: string): string | undefined {
  return SCOPE_FRAME.exec(sentenceOpening)?.[1];
}

/**
 * 在购书花费上，年花费500元以下的受访者占… → 年购书花费500元以下的受访者比例: a bracket's measure written short takes the
 * domain the sentence opened on, before its head noun (年 + 购书 + 花费; 年 + 健身 + 支出).
 */
export function withScope(label: string, scope: string): string {
  const shape = BRACKET_SHARE.exec(label);
  const measure = shape?.[1];
  const domain = scope.slice(0, -2);
  if (measure === undefined || measure.length < 2 || measure.includes(domain)) return label;
  return `${measure.slice(0, -2)}${domain}${label.slice(measure.length - 2)}`;
}

/**
 * 年花费500元以下的受访者占48.6%，500元至1000元的占31.2%: a later group written as its bound alone takes the
 * measure and the population of the share before it (年花费500元至1000元的受访者比例).
 */
export function bracketShare(phrase: string, previous: string | undefined): string | undefined {
  const match = /^([0-9０-９][^的，]{0,16}的)(?:则|分别|也|仅)?占$/.exec(phrase);
  if (match === null || previous === undefined) return undefined;
  const shape = BRACKET_SHARE.exec(previous);
  if (shape === null) return undefined;
  return `${shape[1]}${match[1]}${shape[2]}`;
}

const GROUPS_SHARE = '的分别占';

/** Whether a phrase ends on a population noun (对停车便利程度满意的受访者). */
export function isPopulation(phrase: string): boolean {
  return POPULATION_ENDINGS.suffixOf(phrase) !== undefined;
}

/** 占 as the verb of a share (占地区生产总值的), not inside 占地面积, 占用, 占有. */
const SHARE_VERB = /占(?!地面积|地$|用|有|领)/;
/** Light verbs a part drops (完成投资 is 投资), but not the 实现 of a channel (通过公共网络实现的零售额). */
const LIGHT_VERBS = /完成|(?<!通过[^的，]{1,10})实现/g;
/** Adverbs between a part and its 占 (仅占, 约占, 均占). */
const BEFORE_SHARE_VERB = /(?:仅|只|约|均|大约|共|则|分别)$/;

/**
 * The label of a 占 share: `${part}占比` (第三产业增加值占GDP的比重, 民营企业完成投资120亿元，占全部投资的41.2%:
 * the part written before 占 or the subject of the figure before), or the population's `比例` when the part is a
 * population (认为融资成本偏高的企业占38.2%, 与子女同住的占54.2% with the population known before).
 */
export function partShareLabel(
  phrase: string,
  previousSubject: string | undefined,
  population: string | undefined,
): string | undefined {
  const match = SHARE_VERB.exec(phrase);
  // 订单增加的企业占比为58.4%: 占比 is the noun, and the phrase is the label as written.
  if (match === null || (match.index > 0 && phrase.startsWith('占比', match.index))) return undefined;
  const part = phrase.slice(0, match.index).replace(BEFORE_SHARE_VERB, '');
  // 计划增员的受访企业占27%，计划减员的占8.6%: a share defined by what its members do, with no population of its
  // own, is of the population of the share before it.
  const shared = population ?? populationOfShare(previousSubject);
  if (part.endsWith('的') && shared !== undefined) return shareOfPopulation(part.slice(0, -1), shared);
  const subject = part === '' ? previousSubject : part;
  if (subject === undefined || subject === '') return undefined;
  // A population defined by what it does (认为融资成本偏高的企业) has a 比例; a part of a whole (民营企业投资,
  // 受益企业) has an 占比.
  const counted = isPopulation(subject) || (population !== undefined && subject.endsWith(population));
  return counted && subject.includes('的') ? `${subject}比例` : `${subject.replace(LIGHT_VERBS, '')}占比`;
}

const SHARE_OF = /的([^的]{1,8})比例$/;

/** 受访企业 of 计划增员的受访企业比例: the population a share label counts, or undefined. */
function populationOfShare(label: string | undefined): string | undefined {
  const population = label === undefined ? undefined : SHARE_OF.exec(label)?.[1];
  return population !== undefined && isPopulation(population) ? population : undefined;
}

/** Who answered and what they were asked, before a ranked list of answers (受访者 + 认为最需改进). */
export interface AnswersFrame {
  population: string;
  asked: string;
}

/** A list's opening and its first item: 居民最常参与的运动项目是 + 健步走, 其次是 + 广场舞. */
const LISTED_AFTER = /^(.*?)(?:依次为|依次是|分别为|分别是|其次是|其次为|再次是|是|为|包括)([^是为]{2,12})$/;
const JUDGING = /^(?:认为|觉得)/;
/** An item that already names a rate or share (增速, 满意率, 比重): the figure in brackets is its level. */
const NAMES_RATE = /(?:率|速|幅|比例|比重|占比|份额)$/;

/** 受访者认为最需改进的前三项: who answered, before what they were asked, before 的 and what the answers are. */
function answersFrame(opening: string): AnswersFrame | undefined {
  const who = opening.slice(0, opening.lastIndexOf('的'));
  for (let length = Math.min(6, who.length - 2); length >= 2; length--) {
    const population = who.slice(0, length);
    if (isPopulation(population)) return { population, asked: who.slice(length) };
  }
  return undefined;
}

/**
 * 换乘便利度（44.1%）、高峰时段车厢拥挤（39.7%）: a share in brackets is of the item written right before them. After
 * a list's opening that says who answered what (受访者认为最需改进的前三项依次为), each item is an answer, a share of
 * those who gave it (认为换乘便利度最需改进的受访者比例); the frame holds for the items after it.
 */
export function bracketedShare(
  clause: string,
  frameBefore: AnswersFrame | undefined,
): { label: string; frame: AnswersFrame | undefined } | undefined {
  const own = clause.slice(Math.max(clause.lastIndexOf('、'), clause.lastIndexOf('和')) + 1);
  const listed = LISTED_AFTER.exec(own);
  const opened = listed?.[1] === undefined || listed[1] === '' ? undefined : answersFrame(listed[1]);
  const item = listed !== null && (opened !== undefined || listed[1] === '') ? (listed[2] ?? own) : own;
  const frame = opened ?? frameBefore;
  if (item.length < 2 || HAS_DIGIT.test(item)) return undefined;
  if (NAMES_RATE.test(item)) return { label: item, frame };
  if (frame === undefined || frame.asked === '') return { label: `${item}占比`, frame };
  const judged = JUDGING.exec(frame.asked)?.[0];
  const answer = judged === undefined ? frame.asked + item : judged + item + frame.asked.slice(judged.length);
  return { label: shareOfPopulation(answer, frame.population), frame };
}

/** 受访者中有61.3%表示…: a population and 中 right before a share, which is of that population. */
export function populationBeforeShare(clause: string): string | undefined {
  const population = /^(?:在)?([^，,。；;]{2,10}?)中(?:约有|仅有|只有|有)?$/.exec(clause)?.[1];
  return population !== undefined && isPopulation(population) ? population : undefined;
}

/** 受访毕业生中希望…: a population the clause opens on, inside it, and the rest of the clause. */
export function inlinePopulation(clause: string): { population: string; rest: string } | undefined {
  const match = /^(?:在)?([^，,。；;]{2,10}?)中(?![心国央间部小学级型期])/.exec(clause);
  const population = match?.[1];
  if (match === null || population === undefined || !isPopulation(population)) return undefined;
  const rest = clause.slice(match[0].length);
  return rest.length >= 2 ? { population, rest } : undefined;
}

/** Verbs a list of choices opens on, which the later choices share (希望进入国有企业、民营企业…). */
const CHOICE_VERBS = longest(
  '希望进入 希望到 希望去 希望 愿意 打算 计划 倾向于 首选到 首选 选择 进入 前往 从事 使用 购买 认为 支持'.split(
    ' ',
  ),
);

function longest(words: string[]): string[] {
  return [...words].sort((left, right) => right.length - left.length);
}

/**
 * 希望进入国有企业、民营企业和机关事业单位的比例分别为…: one share per choice, each with the verb the first one
 * opens on and the population (希望进入民营企业的受访毕业生比例); undefined when the phrase is no such list.
 */
export function choiceShares(phrase: string, known: string | undefined): string[] | undefined {
  const match = CHOICE_LIST.exec(phrase);
  const core = match?.[1];
  // 每月养老金在3000元以下、5000元以上的分别占: brackets of an amount are groups, not choices (groupShares).
  if (core === undefined || (match?.[2] !== undefined && HAS_DIGIT.test(core))) return undefined;
  // 希望增加…类活动的家长分别占: the population written before 分别占.
  const written = match?.[2];
  const population = written !== undefined && written !== '' && isPopulation(written) ? written : known;
  const items = core.split(/[、和与及]/);
  const first = items[0] ?? '';
  if (items.length < 2 || items.some((item) => item === '') || isGroupList(items)) return undefined;
  const opening = CHOICE_VERBS.find((word) => first.startsWith(word) && first.length > word.length) ?? '';
  // 希望孩子报读理科、文科: the first choice is as long as the next one, the rest of it is what all choices share.
  const aligned = first.slice(0, Math.max(0, first.length - (items[1] ?? '').length));
  let verb = opening !== '' && aligned.startsWith(opening) ? aligned : opening;
  // 打算增加教育培训和医疗保健支出的: a second verb after the first stays with it (打算增加).
  const second =
    verb === opening && opening !== '' ? CHOICE_OBJECT_VERBS.match(first, opening.length) : undefined;
  if (second !== undefined && first.length > opening.length + second.word.length) verb += second.word;
  const tail = sharedTail(items, verb);
  return items.map((item, index) => {
    const own = verb === '' || CHOICE_VERBS.some((word) => item.startsWith(word)) ? item : verb + item;
    const choice = index < items.length - 1 ? own + tail : own;
    return population === undefined ? `${choice}的比例` : shareOfPopulation(choice, population);
  });
}

const HAS_DIGIT = /[0-9０-９]/;

/** 希望…的比例分别为, 选择…的分别占, 希望…的家长分别占: a list of choices, one share each. */
const CHOICE_LIST = /^(.+?)(?:的?(?:比例|占比|比重)分别(?:为|是|占|达)?|的([^的]{0,6}?)分别占)$/;

/** Verbs after a choice verb that its objects share (打算增加, 希望减少). */
const CHOICE_OBJECT_VERBS = new Lexicon(
  '增加 减少 使用 购买 参加 参与 选择 乘坐 改善 提高 降低'.split(' ').map((word) => [word, true] as const),
);

/** What choices share after their nouns (出行, 支出, 类活动), written once after the last of them. */
const SHARED_TAILS = new SuffixSet(
  '出行 上班 通勤 支出 消费 花费 费用 服务 产品 类活动 活动 项目'.split(' '),
);

/**
 * 选择地铁和公交出行的: the last choice carries the tail all share (出行) when the choices before it, without their
 * verb, are as long as its noun; '' when it carries none.
 */
function sharedTail(items: string[], verb: string): string {
  const last = items.at(-1) ?? '';
  const tail = SHARED_TAILS.suffixOf(last);
  if (tail === undefined || verb === '') return '';
  const noun = last.length - tail.length;
  const bare = items.slice(0, -1).map((item) => (item.startsWith(verb) ? item.slice(verb.length) : item));
  return noun >= 2 && bare.every((item) => item.length === noun) ? tail : '';
}

/** Answers a survey offers side by side (订单增加/持平/减少, 物价偏高/合适/偏低, 满意/一般/不满意). */
const ANSWERS =
  '增加 减少 持平 上升 下降 不变 提高 降低 增长 回升 回落 下滑 好转 改善 变差 恶化 稳定 偏高 偏低 合适 满意 不满意 一般'
    .split(' ')
    .sort((left, right) => right.length - left.length)
    .join('|');
/** 表示基本持平的: the answer may keep the verb that reported it and a degree (基本, 略有). */
const DEGREE = '(?:基本|大体|略有|有所|明显)?';
const ANSWER_SHARE = new RegExp(`^(?:表示|认为)?(${DEGREE}(?:${ANSWERS}))的(.+比例)$`);
/** 表示订单较一季度增加的: the question is what comes before the answer, without the base it was compared with. */
const ASKED_ANSWER = new RegExp(`^(.+?)(?:(?:较|比)[^的]{1,6}?)?${DEGREE}(?:${ANSWERS})的(.+比例)$`);

/**
 * 认为订单增加的占36.5%，持平的占44.1% → 认为订单持平的受访企业比例: an answer alone is to the question the share
 * before asked, of the population it was put to; the label as it is when it is no bare answer or the share before no
 * answer.
 */
export function withQuestionBefore(label: string, previous: string | undefined): string {
  const answer = ANSWER_SHARE.exec(label);
  const asked = previous === undefined || answer === null ? null : ASKED_ANSWER.exec(previous);
  if (answer === null || asked === null) return label;
  // …增长的企业占61.7%，持平的占18.4%: the answers split one population, the one the question was put to.
  return `${asked[1]}${answer[1]}的${asked[2]}`;
}
