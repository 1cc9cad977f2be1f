// Labels of shares: the population a share is of (63.5%的企业表示订单已恢复 → 表示订单已恢复的企业比例) and the
// part a 占 share is of (民营企业完成投资120亿元，占全部投资的41.2% → 民营企业投资占比).
import { codeSet } from './chars.ts';
import { Lexicon } from './units.ts';

/** Nouns that name who or what a share counts (企业, 受访者, 居民…), read after the share. */
const POPULATION_HEADS = new Lexicon(
  (
    '企业 居民 市民 村民 农户 农民 家庭 受访者 受访企业 受访居民 受访对象 被调查者 被访者 调查对象 消费者 用户 学生 ' +
    '员工 职工 网民 网友 游客 商户 商家 群众 人员 青年 老人 患者 毕业生 家长 教师 工人 负责人 经营者 管理者 ' +
    '中小企业 小微企业 民营企业 外资企业 样本企业 门店 店铺 机构 单位 学校 行政村 乡镇 城市 人'
  )
    .split(' ')
    .map((word) => [word, true] as const),
);

/** How far after a share its population may start (的中小企业负责人). */
const POPULATION_WINDOW = 6;
const MAX_PREDICATE = 16;
const CLAUSE_END = codeSet('，,。；;：:！？!?\n（(');

/** The population noun at `from` (heads in a row: 企业负责人), and where it ends; undefined when none starts near. */
function populationAt(text: string, from: number): { start: number; end: number } | undefined {
  for (let start = from; start < text.length && start - from <= POPULATION_WINDOW; start++) {
    if (CLAUSE_END.has(text.charCodeAt(start))) return undefined;
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
 * The label of a share followed by its population and what that population does (63.5%的企业表示订单已恢复,
 * 七成居民支持垃圾分类): `${predicate}的${population}比例`. `frame` is the population a clause before set
 * (受访者中，42.5%表示满意), used when none follows.
 */
export function populationShareLabel(
  text: string,
  from: number,
  frame: string | undefined,
): string | undefined {
  let cursor = from;
  if (text.startsWith('的', cursor)) cursor++;
  const population = populationAt(text, cursor);
  const predicateStart = population?.end ?? cursor;
  let end = predicateStart;
  while (end < text.length && end - predicateStart <= MAX_PREDICATE && !CLAUSE_END.has(text.charCodeAt(end)))
    end++;
  if (end - predicateStart > MAX_PREDICATE) return undefined;
  const predicate = text.slice(predicateStart, end);
  const who = population === undefined ? frame : text.slice(population.start, population.end);
  if (who === undefined || (predicate === '' && population === undefined)) return undefined;
  return predicate === '' ? `${who}比例` : `${predicate}的${who}比例`;
}

/** 受访企业中, 在受访者中: a clause that names the population of the shares after it. */
export function populationFrame(clause: string): string | undefined {
  const match = /^(?:在)?(.{2,10})中$/.exec(clause);
  return match?.[1];
}

/** 占 as the verb of a share (占地区生产总值的), not inside 占地面积, 占用, 占有. */
const SHARE_VERB = /占(?!地面积|地$|用|有|领)/;
const LIGHT_VERBS = /完成|实现/g;

/**
 * The label of a 占 share: `${part}占比`, where the part is written before 占 (第三产业增加值占GDP的比重) or is
 * the subject of the figure before (民营企业完成投资120亿元，占全部投资的41.2%).
 */
export function partShareLabel(phrase: string, previousSubject: string | undefined): string | undefined {
  const match = SHARE_VERB.exec(phrase);
  if (match === null) return undefined;
  const part = phrase.slice(0, match.index);
  const subject = part === '' ? previousSubject : part;
  return subject === undefined || subject === '' ? undefined : `${subject.replace(LIGHT_VERBS, '')}占比`;
}
