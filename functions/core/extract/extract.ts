// The extractor: one left-to-right scan over a character-class table, labelling figures sentence by sentence.
import { type AliasTable, metricKey, unitFamily } from '../metric-key.ts';
import type { Figure, FigureKind, FigureWarning } from '../model.ts';
import { codeSet, isInitialDot, isLatinLetter, wordAt } from './chars.ts';
import {
  accountedShare,
  baseAfter,
  COUNTED_DAY_CONDITION,
  changeNamedAfter,
  changeOf,
  changeParticiple,
  countedFrom,
  countedOf,
  countedSubjectDoing,
  englishClauseBefore,
  englishLabelBefore,
  englishObjectAfter,
  extentOf,
  fundingFor,
  generationOf,
  measuredObject,
  measureOfSubject,
  moneyMeasureOf,
  partOfThem,
  respectiveLabels,
  respondentShare,
  shareWholeAfter,
  spendingOn,
  statisticMeasure,
  targetMeasureAfter,
  withoutNew,
} from './english.ts';
import { headlineEnd, settleIdentity, type Widening } from './identity.ts';
import { kindOf } from './kinds.ts';
import {
  AGE_OPENING,
  agentOf,
  announcerOf,
  type ChineseLabel,
  changedOf,
  chineseLabelBefore,
  clauseBefore,
  continuedSubject,
  countedNoun,
  counterLabel,
  cropArea,
  doingAfter,
  doneOfTask,
  fundFor,
  groupsMeasure,
  helpedLabel,
  isAttributive,
  isGroupWord,
  isModifierOnly,
  isNamedComparisonOnly,
  isOpenBound,
  isPredicateOnly,
  issuedAmount,
  issuedBefore,
  isTask,
  isWorkDone,
  keptAgent,
  LAND_AREA_UNITS,
  listedItems,
  namesChange,
  nounAfter,
  ofWhom,
  opensOnRateComparison,
  ownedMeasure,
  predicateAfter,
  predicateOf,
  programmeOf,
  purposeAfter,
  receiversLabel,
  revisedPlan,
  splitAgent,
  stripLeading,
  stripOpening,
  subjectOf,
  taskThing,
  tidyLabel,
  topicOf,
  topicOfClause,
  wholeOfGroup,
  withImpliedObject,
  withoutReceiving,
  withProgress,
  withSingleMonth,
} from './labels.ts';
import { isWrappedLineBreak } from './layout.ts';
import { arabicDigit, chineseDigit, isChineseNumeral, NUMERAL_CHARS } from './numerals.ts';
import {
  continuesDay,
  deadlineAt,
  type EnglishPeriod,
  englishPeriodAt,
  isComparedWith,
  isYearEarlierSubject,
  mayOpenPeriod,
  nowAt,
  PERIOD_START_CHARS,
  type Publication,
  periodAt,
  publicationDay,
  publicationOf,
  sameDayAt,
  wholeYearAt,
  yearEarlier,
  yearEarlierAt,
  yearsTargetAt,
} from './periods.ts';
import { RateMemory } from './rates.ts';
import { englishWordFigureAt, type RawFigure, readFigure } from './read-figure.ts';
import {
  type AnswersFrame,
  bracketedShare,
  bracketShare,
  choiceShares,
  groupShares,
  inlinePopulation,
  isPopulation,
  partShareLabel,
  populationBeforeShare,
  populationFrame,
  populationShareAfter,
  scopeOf,
  shareOfPopulation,
  withQuestionBefore,
  withScope,
} from './shares.ts';
import { growthPast, ofTarget, resultOfPlan, shareInState, stagedObject } from './stages.ts';
import { structureLabels } from './structure.ts';

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
  QiZhong = 5,
  Period = 6,
  /** A Latin letter that may open a figure written in words (doubled, one in five). */
  WordNumber = 7,
}

const CHAR_CLASS = new Uint8Array(0x10000);
// From the numerals' own list: asking arabicDigit and isChineseNumeral of all 65,536 codes took a third of the
// extractor's import time, which every cold start of ingest pays.
for (const char of NUMERAL_CHARS) CHAR_CLASS[char.charCodeAt(0)] = CharClass.NumberStart;
// $4.29 billion, vague amounts that open on a word (几千元, 数十亿元) and half a population (半数).
for (const char of '$＄€£几数半') CHAR_CLASS[char.charCodeAt(0)] = CharClass.NumberStart;
for (const char of 'dtqofsenahDTQOFSENAH') CHAR_CLASS[char.charCodeAt(0)] = CharClass.WordNumber;
for (const char of '。！？!?') CHAR_CLASS[char.charCodeAt(0)] = CharClass.SentenceEnd;
for (const char of '；;') CHAR_CLASS[char.charCodeAt(0)] = CharClass.ClauseBreak;
CHAR_CLASS[0x0a] = CharClass.LineBreak;
CHAR_CLASS['其'.charCodeAt(0)] = CharClass.QiZhong;
CHAR_CLASS['.'.charCodeAt(0)] = CharClass.Period;

/** What the labels of one sentence share: the figures before, a 其中 total, a 分别 distribution, the as-of dates. */
class Sentence {
  start = 0;
  firstFigure = 0;
  previousEnd = 0;
  previousLabel: string | undefined;
  /** The label of the figure before when it counted things (规模以上服务业企业215家): the subject of what follows. */
  previousCounted: string | undefined;
  /** The noun a counter before counted (2416家企业中 → 企业): the population of shares that follow. */
  previousNoun: string | undefined;
  /** The last noun each counter word counted in the sentence (个 → 岗位): what a later bare count of it counts. */
  readonly countedBy = new Map<string, string>();
  /** The stage the level a change started from named (首批), which the level it reached does not share. */
  startedAs: string | undefined;
  /** Who the sentence's actions are by (创业孵化平台已入驻团队…): the agent of a later clause without one. */
  agent: string | undefined;
  /** The programme the sentence reports on (招聘月期间…, 举办“…招聘月”): what tells its figures from others. */
  topic: string | undefined;
  /** Where the sentence last names a programme (期间, 举办…): the clauses there are worth reading for it. */
  topicHintAt = -1;
  /** What the sentence counted first (创业孵化平台47家，在孵企业…): the subject of its later figures. */
  firstCounted: string | undefined;
  subtotalParent: string | undefined;
  distributed: { labels: string[]; next: number; growth: boolean } | undefined;
  /** A 截至 date: it holds for every figure of the sentence, also those before it. */
  until: string | undefined;
  /** Where that 截至 date stands. */
  untilAt = -1;
  /** Where 去年同期 opened a clause of the clause group: the figures after it are one year earlier. */
  yearEarlierFrom: number | undefined;
  /** The as-of of the next figure alone (由2017年末的61.8%…). */
  nextFigureAsOf: string | undefined;
  /** The period the sentence compares with (与一季度相比…): the as-of of a level it rose or fell from (由54.9%…). */
  comparedBase: string | undefined;
  /** Labels of the figures since the sentence or clause group began, for a 分别 without a subject. */
  readonly labels: string[] = [];
  /** Who answered what, before the sentence's ranked answers (受访者认为最需改进的前三项依次为…). */
  answers: AnswersFrame | undefined;
  /** Whether the sentence so far set a frame of targets (主要预期目标是：), which holds to its end, however long. */
  targetsFramed = false;
  /** How far the sentence was searched for that frame, so that each character is searched once. */
  targetsSearched = 0;

  reset(start: number, figureCount: number) {
    this.start = start;
    this.firstFigure = figureCount;
    this.previousEnd = start;
    this.previousLabel = undefined;
    this.previousCounted = undefined;
    this.previousNoun = undefined;
    this.countedBy.clear();
    this.startedAs = undefined;
    this.agent = undefined;
    this.topic = undefined;
    this.topicHintAt = -1;
    this.firstCounted = undefined;
    this.endClauseGroup();
    this.until = undefined;
    this.untilAt = -1;
    this.nextFigureAsOf = undefined;
    this.comparedBase = undefined;
    this.answers = undefined;
    this.targetsFramed = false;
    this.targetsSearched = start;
  }

  endClauseGroup() {
    this.yearEarlierFrom = undefined;
    this.subtotalParent = undefined;
    this.distributed = undefined;
    // Most clause groups end with no label: emptying an empty list would still cost a call into the engine.
    if (this.labels.length > 0) this.labels.length = 0;
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

  strictKey(label: string, unit: string): string {
    return metricKey({ region: this.region, label, unit }, this.aliases, { strict: true });
  }

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

/** A label ending in unemployment or joblessness, whose level in percent is a rate. */
const UNEMPLOYMENT_END = /(?:^| )(?:unemployment|joblessness)$/;
/** "mortgage rates for first-time buyers", "down payments": a plural rate at the head of a label. */
const PLURAL_RATE = /^((?:[a-z-]+ ){0,3}(?:rate|payment|yield|margin|ratio))s(?= (?:for|of|on|in) |$)/;

/** A clause ending on an owner (signs Tarnby's $1.8 billion…): what the amount is follows it. */
const OWNER_AT_END = /['’]s\s*$/;

/** Verbs of work done to a counted thing (completed 9,850 units, renovated 64 communities). */
const WORK_VERBS =
  /^(?:completed|renovated|built|rebuilt|repaired|retrofitted|refurbished|demolished|restored)$/;
/** A counting word of no meaning of its own. */
const COUNTING_WORD = /^(?:units|sets|pieces|items)$/;
const PLANNED_OPENING = /^planned /;
const TARGET_END = / target$/;

interface Named {
  label: string;
  growth: boolean;
  /** Named by a fallback (the figure before, the clause before, the unit) rather than by its own words. */
  weak?: boolean;
  /** The noun read after a counter (企业 of 2416家企业). */
  noun?: string;
  /** Where that noun ends, when the figure counts it as the object of a preposition or in a list. */
  nounEnd?: number;
}

const CONNECTOR_ONLY = /^[和、与及以]*$/;
/** 全市平均为, 总体为: the whole of the groups just listed. */
const OVERALL = /^(?:全市|全省|全县|全区|全国|总体|整体|全部|综合)?(?:平均)?(?:水平)?(?:为|是|达到?)$/;
const REACHED = /^(?:至|到|达到?)$/;
/** 新建的充电桩中, 在新开工项目中: a clause that only frames the things the next one counts some of. */
const FRAMED_THINGS = /^在?([\u4e00-\u9fff]{1,8}的?[\u4e00-\u9fff]{1,8})中$/;
/** 补贴标准为产品售价的, 个人缴费比例为工资的: a standard or rate, then what it is a share of. */
const STANDARD_AS_SHARE = /^([\u4e00-\u9fff]{2,10}?(?:标准|比例|费率))为[^的，,。；;]{2,12}的$/;
const NEW_ACTIONS = '(?:新设立|新设|新增|新建|新开|新注册|新登记)';
/** 新设, 新增, 新建 at the end of a label: an action whose object is left unsaid. */
const OPEN_ACTION = new RegExp(`${NEW_ACTIONS}$`);
/** 新设立经营主体: what a count of the same unit before did its action to. */
const OBJECT_OF_ACTION = new RegExp(`${NEW_ACTIONS}([\\u4e00-\\u9fff]{2,10})$`);
/** 晚稻种植面积, 秋粮收获面积, 中稻面积: the area of a crop, sown, harvested or only grown. */
const CROP_AREA = /^([\u4e00-\u9fff]{2,4}?)(?:种植|播种|收获|收割)?面积$/;
/** 总产, 预计平均亩产, 实测单产: a yield without the crop it is of. */
const YIELD_ONLY = /^(?:预计|实测)?(?:平均)?(?:总产量?|亩产|单产|产量)$/;
const FORECAST = '预计';
const GROWTH_VERB_AT_END = /(?:下降|减少|增长|增加)$/;
/** 在接受调查的2416家企业中: the preposition frames the phrase, it is not part of the name. */
const LEADING_PREPOSITION = /^[在对从]/;
/** A predicate up to this long joins its noun directly (已返还企业); a longer one with 的. */
const SHORT_PREDICATE = 4;
const UNIT_WARNINGS: Record<NonNullable<RawFigure['unitSource']>, FigureWarning> = {
  list: { code: 'unit-guessed', message: 'unit taken from the end of the list this figure opens' },
  none: { code: 'unit-missing', message: 'no unit written after this figure' },
};
const OF_SHARE = '的比例';
/** 增幅在10%以上的占比: a share of those a 的 phrase defines, named with no population of its own. */
const SHARE_OF_DEFINED = /^([^的]{2,16})的(?:占比|比例)$/;
/** …的受访者比例, …的占比: a share of those a 的 phrase defines, whatever opens the phrase. */
const SHARE_OF_DEFINED_ANY = /的[^的]{0,6}(?:比例|占比)$/;
/** A share of the people a 的 phrase defines (…控制在5%以内的受访者占): the phrase, the population. */
const DEFINED_POPULATION_TAKES = /^([^的，,。；;]{2,24})的([^的，,。；;]{2,6})占$/;
const ZHONG = 0x4e2d; // 中
const HAS_DIGIT = /[0-9０-９]/;
/** Words of a survey around a count of people, households or firms: the count is its sample. */
const SURVEY_WORDS = /调查|访问|问卷|抽样|受访/;
const SURVEY_WINDOW = 40;
const SURVEY_FINDINGS = /调查(?:显示|结果|发现|表明)/;
/** A survey's or a count's findings verb (调查显示, 监测发现): what stands before it is the sample. */
const FINDINGS_VERB = /(?:调查|监测|抽样|问卷|访问)[^，。；]*?(?:显示|表明|发现)/;
/** 今年…监测结果显示: a survey of the year under way, whose findings are of now, not of the year's end. */
const SURVEY_OF_YEAR_AFTER =
  /^[^，。；,;]*?(?:调查|监测|抽查|普查|问卷|民调)[^，。；,;]*?(?:显示|表明|发现|结果)/;
/** 今年以来, 年初以来: up to now (a day its sentence names), not the period of the sentences before. */
const SO_FAR_THIS_YEAR = ['今年以来', '年初以来', '今年来'];
/** What a clause reports as done (已完成, 完成率, 累计): it cannot be of a day still to come. */
const DONE_IN_CLAUSE = /已|完成率|累计/;
const PLAN_IN_CLAUSE = /计划|预计|预期|力争|目标|有望|将|拟|确保/;
/** Words of a sentence that sets a year's targets (预期增长, 主要目标). */
const TARGETS_SET = /预期|目标/;
/** Verbs of a target or forecast right before 全年 or 今年 (力争全年, 预计今年), as pairs of character codes. */
const FORESEEN_BEFORE = new Set(
  ['预计', '力争', '确保', '争取', '预期'].map((word) => word.charCodeAt(0) * 0x10000 + word.charCodeAt(1)),
);
/** 二季度居民消费意愿调查显示，…: a survey named by its period, whose findings follow in the sentence. */
const SURVEY_NAMED_BY_PERIOD = /^[^，。；,;]*?调查(?:显示|结果显示|发现|表明)/;
const SURVEY_NAME_REACH = 24;
/** 受访企业中，认为二季度订单增加的…: a period in the answers of those asked dates the sentence that reports them. */
const RESPONDENTS_BEFORE = /受访/;
/** 预计下半年, 计划三季度: words before the horizon of an expectation or plan. */
const HORIZON_BEFORE = new Set(
  ['预计', '计划', '预期', '打算'].map((word) => word.charCodeAt(0) * 0x10000 + word.charCodeAt(1)),
);
/** A share of those asked (受访企业占27%, 占比约57%): the clause reports answers to a survey. */
const RESPONDENTS_SHARE = /受访|比例|比重|占/;
const CLAUSE_AROUND_REACH = 40;
/** 单个项目奖励100万元, 每个…: an amount per single item is a standard, not a quantity of a period. */
const PER_ITEM_IN_CLAUSE = /(?<![订清名菜账保报买卖下接运工表简孤])单(?:个|笔|户|家|项|台|只|次)|每个/;
/** 售价两块五毛, 均价回落至21.9元/公斤: a price, a level of a moment rather than a quantity of a period. */
const PRICE_IN_CLAUSE = /[售均单报]价|价格/;
const ENGLISH_NOW = /^(?:now|currently)\b/i;
/** "by the end of 2025", "by end-June": the day something is to be done by. */
const BY_DEADLINE = /\bby (?:the end of |end-)/i;
const ENGLISH_SINCE =
  /^since (?:(?:early|late|mid-?) ?)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b/i;
/** "5.2 percent year on year": a change, whatever the words before it. */
const YEAR_ON_YEAR_AFTER =
  /^ (?:year[- ]on[- ]year|from a year (?:earlier|ago)|growth|increase|rise|decline|drop|gain)\b/;
/** "$3.85 per kilogram": a price per quantity; per year or month is an amount of a period. */
const PER_QUANTITY_AFTER = /^ (?:per|a|an) (?!year|month|day|week|hour|annum)[a-z]/;
/** 比市场价低三到四成, 比上年多12%: a difference from what is compared with, a change. */
const COMPARED_LOWER_OR_HIGHER = /比[^，。；,;]{1,10}(?:低|高|多|少)(?:了|出)?$/;
/** 每千名老年人拥有养老床位: a density per population, a level of its date, not a standard per unit. */
const DENSITY =
  /^每(?:[0-9]+|[一二三四五六七八九十百千万]+)(?:[\u4e00-\u9fff]{0,6}?拥有|(?:名|个|位)?(?:常住人口|人口|人|户|老年人|儿童|居民))/;
/** 元/公斤, USD/kg: a price per quantity; a rate per time (每月1050元) is a standard of a period. */
const PER_QUANTITY = /\/(?!(?:月|年|日|天|周|小时|时|month|year|day|week|hour)$)/;
/** The measures of farm produce and farmland a price or standard written with 每 is quoted by as a plain amount. */
const PLAIN_PER_FAMILIES = /^(?:mass:(?:jin|kg)|area:(?:mu|ha))/;

/**
 * 每斤1.38元, 每公斤20.8元, 每亩补贴80元 (and the change or list item that restates one): a price of produce or a
 * standard per 亩 written with 每 is an amount in the currency as written; a written rate (元/斤) is reported as a
 * rate. The key keeps the rate either way, so the two spellings stay one series. Per 吨, 升, 克, 平方米 or ride the
 * labeled sets disagree (the earlier writers and the held-out briefs keep 元/吨, 元/平方米), and the rate stays.
 */
function isPricedPerWord(unit: RawFigure['unit'], surface: string): boolean {
  const slash = unit.unit.indexOf('/');
  return (
    unit.kind === 'money' &&
    slash > 0 &&
    !surface.includes('/') &&
    !surface.includes('／') &&
    PLAIN_PER_FAMILIES.test(unitFamily(unit.unit.slice(slash + 1)))
  );
}

const THIS_YEAR = '今年';
const OF_WHICH = '其中';
const OF_CODE = 0x7684; // 的
/** 单只基金平均发行规模: an average over items is a level of its period, not a standard per item. */
const AVERAGE_WORD = '平均';
/** A task or plan that the figure after 今年 measures, named in its clause. */
const YEARS_TASK_AFTER = /^[^，。；,;]*?(?:任务|计划)/;
const YEAR_PLAN_REACH = 20;
/** 预计年内…将, 力争年底前…: a forecast or plan for the end of the year under way, in the figure's clause. */
const WITHIN_YEAR_FORESEEN =
  /(?:(?:预计|计划|力争|有望|将)[^，。；,;]*?(?:年内|年底前|年末前)|(?:年内|年底前|年末前)(?:[^，。；,;]*?(?:预计|计划|力争|有望|将)|再))[^，。；,;]*$/;
/** 在花费构成中，, 从收入结构看，: a sentence opening on the make-up of a whole, whose parts' shares follow. */
const COMPOSITION_FRAME = /^(?:在|从)([\u4e00-\u9fff]{1,6}?)(?:构成|结构)(?:中|上|来看|看)[，,]/;
const SHARE_END = '占比';
/** 规划中30%的目标: a target named right after its figure. */
const TARGET_NAMED_AFTER = /^的(?:预期|规划|发展)?目标/;
const TARGET_NAME_REACH = 5;
/** 提前实现, 已完成, 超过: what a text says of a target reached, before the target's figure. */
const TARGET_REACHED_BEFORE = /实现|完成|达到|超过|超额/;
const TARGET = '目标';
/** 全年下降3%的目标, 全年…任务: a target of the year, named right after its figure. */
const YEARS_TARGET_NAMED_AFTER = /^的?(?:目标|任务)/;
const WHOLE_YEAR_IN_CLAUSE = /(?:全年|年度)[^，。；,;]*$/;
/** Verbs that introduce a survey's sample (访问居民, 覆盖中小企业). */
/** 调查覆盖家长, 问卷访问了居民: a survey, the verb that reached its sample, then the sample. */
const SURVEY_REACHED = /(?:调查|问卷|监测)(?:覆盖|访问|走访|抽取)了?([\u4e00-\u9fff]{2,6})$/;
const SAMPLE_VERBS = /^(?:入户)?(?:访问|调查|覆盖|抽样调查|走访|抽取)了?$/;
/** 共访问18至35岁在本市租房的青年3540人: the verb that reached a sample, then whom, described. */
const SAMPLE_REACHED = /(?<!接受)(访问|调查|走访)了?([^，,。；;]{2,24})$/;

/**
 * 共访问18至35岁在本市租房的青年 → 访问青年: a sample is named by the verb that reached it and its noun; its ages
 * and the 的 phrase that describes it only say whom the survey reached. Undefined when nothing is to drop.
 */
function reachedSample(label: string): string | undefined {
  const reached = SAMPLE_REACHED.exec(label);
  if (reached === null) return undefined;
  const [, verb = '', whom = ''] = reached;
  const unaged = whom.replace(AGE_OPENING, '');
  const head = unaged.slice(unaged.lastIndexOf('的') + 1);
  if (head.length < 2 || !isPopulation(head) || head === whom) return undefined;
  return verb + head;
}
/** 帮助1.38万名就业困难人员实现再就业: what the counted ones achieved names the series. */
const OUTCOME_AFTER = /^实现([\u4e00-\u9fff]{2,6})(?=[，,。；;]|$)/;
/** 较2022年提升: a comparison base of a whole year, written as its number, before the change it states. */
const YEAR_BASE = /(?:比|较)(\d{4})年(?![末底初同0-9])/;

/** The label without a base of the year before `asOf` (较2022年 for a figure of 2023), else undefined. */
function withoutYearAgoBase(label: string, asOf: string | undefined): string | undefined {
  const base = YEAR_BASE.exec(label);
  if (base === null || asOf === undefined || Number(base[1]) + 1 !== Number(asOf.slice(0, 4)))
    return undefined;
  const rest = label.slice(0, base.index) + label.slice(base.index + base[0].length);
  return rest.length >= 2 ? rest : undefined;
}

/** Characters before a period that make it a comparison base (比一季度, 较上年, 与去年相比), not the as-of. */
const COMPARED_AFTER = codeSet('比较同与和于');
const YU = 0x4e8e; // 于
/** What makes 于 compare (高于, 低于, 快于, 相当于); after anything else it says when (于8月开展调查). */
const COMPARING_BEFORE_YU = codeSet('高低多少大小快慢优好强弱等当早晚超胜');
/** 6月对…开展问卷调查, 于8月开展满意度调查: a survey put to its sample in the period just read. */
const SURVEY_CONDUCTED_AFTER =
  /^[^。；;]{0,30}?(?:开展|进行|组织|实施)了?[^，,。；;]{0,12}?(?:调查|问卷|监测|访问|抽查)/;
/** 调查于9月进行: a survey said to have been held in the period after it. */
const SURVEY_HELD_BEFORE = /(?:调查|问卷|访问|监测)[于在]$/;
const SURVEY_HELD_AFTER = /^(?:进行|开展|展开|完成|实施)/;
/** A sentence that tells of a survey put to a sample: what the text goes on to give is its findings. */
const SURVEY_CONDUCTED =
  /(?:开展|进行|组织|实施)了?[^，,。；;]{0,12}?(?:调查|问卷|抽查)|调查[于在][^，,。；;]{1,8}(?:进行|开展)/;
/** Characters after which a word opens a clause (，今年… / 。去年同期…). */
const SINCE = 0x81ea; // 自
const FROM = 0x7531; // 由
/** What a level 由 opens goes to: 升至, 降到, 提高到, 增加至. */
const RISES_TO = /^[升降增减提下上回扩缩][至到高低加少升降落大小]?[至到]?/;
/** Units that count people themselves (8430人), which a 的 phrase before them defines. */
const PEOPLE_UNITS = new Set(['人', '名', '位']);
/** What a survey's text calls those it asked, whoever they were. */
const RESPONDENTS = '受访者';
/** Counters of people or of visits by people: the count names whom it counts without a noun. */
const NOT_STAGED_KINDS = new Set<FigureKind>(['percent', 'growth_rate', 'area']);
/** A stage and its verb right before a figure (保障性住房已筹集3200套). */
const STAGE_BEFORE_FIGURE = /已([\u4e00-\u9fff]{1,3})$/;

/**
 * 保障性住房已筹集3200套 → 已筹集保障性住房: a stage said of a topic is the stage of what it counts, named the way the
 * other word order names it (已筹集3200套保障性住房), so that both orders keep the stage and meet on one key.
 */
function stageFirst(label: string, clause: string): string {
  const verb = STAGE_BEFORE_FIGURE.exec(clause)?.[1];
  if (verb === undefined || !label.endsWith(verb)) return label;
  const topic = label.slice(0, -verb.length);
  return topic.length >= 2 && clause.endsWith(`${topic}已${verb}`) ? `已${verb}${topic}` : label;
}
const isPeopleUnit = (unit: string) => PEOPLE_UNITS.has(unit) || unit === '人次';
/** What a count's clause may open with and still name nothing counted (其余14个…, 仍有900个…). */
const UNNAMED_REST = /^(?:其余|其他|剩余|剩下|另有|仍有|尚有)?$/;
/** 每人每年, 每亩, 每10股 right before an amount: the amount is a standard per unit. */
const PER_UNIT_BEFORE = /每(?:[0-9]{1,3})?[\u4e00-\u9fff]{1,2}(?:每[年月天日])?$/;
/** 预计, 有望, 将 (not 将近): the clause foresees its figure. */
const FORESEEN_IN_CLAUSE = /预计|有望|将(?!近)/;
/** 建成, 覆盖率, 处理能力, 播种面积: a stock or capacity, not a flow of a window (成交面积, 施工面积 are flows). */
const STOCK_IN_SENTENCE = /建成|覆盖率|能力|(?<!成交|销售|施工|竣工|开工)面积/;
const YEAR_END = '-12-31';
/** 提高到每月, 调整为每人每年 right before an amount: a standard per period raised, which the period dates. */
const STANDARD_RAISED_BEFORE = /(?:提高|提升|上调|调整|增加)(?:到|至|为)(?:每[\u4e00-\u9fff])?每[年月]$/;
/** 7月单月，…: the sentence's figures are the month's own, not the year's running total. */
const SINGLE_MONTH = '单月';
/** A clause that is only a comparison base with a year (比2013年, 较2020年末): what a change is measured against. */
const BASE_ONLY = /^(?:比|较)[0-9一二三四五六七八九十〇零]{2,4}年(?:末|底|初)?$/;
/** 七成为餐饮摊位, 六成是女性: a share followed by what part it is, up to the clause's end. */
const SHARE_IS_PART = /^(?:为|是)([\u4e00-\u9fff]{2,10})(?=[，,。；;！？!?]|$)/;
const SHARE_PART_REACH = 13;
/** Money nouns written right after an amount (2.4亿元专项资金, 500万元消费券). */
const FUND_AFTER = /^[\u4e00-\u9fff]{0,4}?(?:资金|基金|债券|补贴|补助|经费|消费券|奖金)/;
const FUND_REACH = 10;
/** A clause before such an amount that only gives it (安排, 发放的): the verb alone, whatever the agent. */
const GIVING_VERB_END =
  /(?:^|[^\u4e00-\u9fff]|^.{0,8}?)(安排|投入|拨付|下达|筹集|统筹|落实|争取|设立|拿出|给予|发放|发行|募集)的?$/;
/**
 * 区财政安排风险补偿资金, 财政每年为此安排运营补贴: who allocated a fund and 安排 are no part of its name; the noun
 * after the verb is (风险补偿资金), when it names more than bare money.
 */
const ALLOCATED_BY =
  /^[\u4e00-\u9fff]{0,10}?(?:财政|政府)[\u4e00-\u9fff]{0,6}?安排(?=[\u4e00-\u9fff]{2,}(?:资金|补贴|补助|经费|基金)$)/;
/** 10月当月, 5月份当月: the month's own figures, like 单月. */
const MONTH_OWN = /[0-9一二三四五六七八九十]月份?当月/;
const THIS_MONTH = '当月';
/** How far into a sentence its opening domain frame (在购书花费上，) may reach. */
const SCOPE_REACH = 12;
const CLOSED_AT = /(?:收报|报收|收于|收盘报|收盘于)$/;
const PRICE_END = /(?:价|价格|指数)$/;
/** A label that is the close alone (收盘, 收市). */
const CLOSE_ONLY = /^(?:收盘|收市)$/;
/** 两市成交1.2万亿元, 日均成交62.4亿元: money traded is the turnover, 成交额. */
const TRADED = /(?<=.)(?:成交|交易)$/;
/** 豆粕主力合约报3120元/吨: a quote, not a close. */
const QUOTED_AT = /(?<!收)报$/;
/** What is traded rather than a measure of it (主力合约, 黄金现货): named alone, its quote is its price. */
const INSTRUMENT_END = /(?:合约|现货|期货)$/;
/** 盘中一度触及, 涨至: a price reaching a level, a verb the label leaves out (站上 and 跌破 are bounds, read before). */
const PRICE_REACHED = /(?:盘中)?(?:一度)?(?:触及|站稳|升至|涨至|跌至|攀升至|降至|回落至|回升至)$/;

/**
 * The label of a price by how the market reached it: a close (收报) is the closing price, a quote (报) of a
 * contract or a commodity per unit its price, and a level reached (国际金价涨至, 现货黄金盘中一度触及) the price
 * without the verb.
 */
function priceLabel(label: string, clause: string, unit: string): string {
  if (label === '' || PRICE_END.test(label)) return label;
  // 收盘报67.92元/股: a close named only by 收盘 is the closing price, not 收盘收盘价.
  if (CLOSED_AT.test(clause)) return `${label.replace(CLOSE_ONLY, '')}收盘价`;
  const perUnit = unit.includes('/');
  if (QUOTED_AT.test(clause) && (perUnit || INSTRUMENT_END.test(label))) return `${label}价格`;
  if (!perUnit || !PRICE_REACHED.test(clause)) return label;
  const subject = label.replace(PRICE_REACHED, '');
  if (subject.length < 2) return label;
  return PRICE_END.test(subject) ? subject : `${subject}价格`;
}
/** 按40%的比例给予补偿: a share given as the rate of a support, after 按 and before the support. */
const BY_SHARE_END = /(?<=.)按照?$/;
const SUPPORT_AFTER = /^(?:的比例)?(?:给予|予以|进行)?(补偿|补贴|补助|奖励|奖补|报销|贴息|分担|返还)/;
const SUPPORT_REACH = 9;
/** 鸡蛋价格小幅上涨: a clause that opens on a price, up to its price word. */
const PRICE_OPENING = /^[^，。；0-9]{1,10}?(?:价格|[售均单报]价|零售价|批发价|收购价)/;
/** A clause that opens on part of what was just counted (其中…的有48名). */
const OF_WHOM = '其中';
/** A label that opens on the close alone (收盘, 收盘较前一交易日下行): the close of some measure not named. */
const CLOSE_OPENING = /^(?:收盘|收市|尾盘)(?:报|于|时)?/;
/** A measure named by a referring word whose 这 was dropped as filler (这一比重 → 一比重). */
const REFERRED = /^一(?:比重|比例|占比|比率|数字|指标|水平)/;
const REFERRING = '这';
/** Those asked, opening a label they are not the measure of (受访者月租金占比 → 月租金占比). */
const RESPONDENTS_OPENING = /^受访(?:者|企业|家庭|居民)(?=[\u4e00-\u9fff]{2})/;
/** A share's defining phrase that opens on a bound alone (超过60分钟的…), with no measure it bounds. */
const BOUND_OPENING = /^(?:超过|不足|低于|高于|不到|少于|多于)(?=[0-9])/;
/** A tier or band named alone (第二阶梯, 第三档), with no measure of its own. */
const TIER_ONLY = /^第[一二三四五六七八九十]{1,2}(?:阶梯|档)$/;
/** What a tier of a label measures (…第一阶梯水价 → 水价). */
const MEASURE_OF_TIER = /第[一二三四五六七八九十]{1,2}(?:阶梯|档)([\u4e00-\u9fff]{1,6}?)拟?$/;

/** The measure the last tier named in `labels` is priced in (…第一阶梯水价 → 水价), if any names one. */
function measureOfTier(labels: readonly string[]): string | undefined {
  for (let index = labels.length - 1; index >= 0; index -= 1) {
    const measure = MEASURE_OF_TIER.exec(labels[index] ?? '')?.[1];
    if (measure !== undefined) return measure;
  }
  return undefined;
}

/** 每公顷产量, 每亩产值: a measure per area, which names no subject of its own. */
const PER_AREA_MEASURE = /^(?:每|平均每)(?:公顷|亩|平方米|平方公里)([\u4e00-\u9fff]{1,3})$/;

/** 每公顷产量 after 小麦产量 → 小麦每公顷产量: the subject of the same measure named before it. */
function perAreaOf(label: string, previousLabel: string): string | undefined {
  const measure = PER_AREA_MEASURE.exec(label)?.[1];
  if (measure === undefined || !previousLabel.endsWith(measure)) return undefined;
  const subject = previousLabel.slice(0, -measure.length);
  return subject.length >= 1 && subject.length <= 6 ? subject + label : undefined;
}

/** 高于全省平均水平: a comparison that names neither the rate compared nor its subject. */
const BARE_COMPARISON = /^(?:高于|低于|快于|慢于)/;
/** The end of a label that names a rate (增速, 涨幅, 失业率). */
const RATE_END = /(?:增速|增幅|涨幅|降幅|率)$/;

/** 全市412家规上工业企业中: the set a clause counts, whose part the next clause counts. */
const SET_COUNTED = /[0-9０-９一二三四五六七八九十]+[个家所名座项户]([\u4e00-\u9fff]{2,10})中$/;
/** 有29个…: a part of that set, introduced by 有 alone. */
const PART_OPENING = /^(?:其中)?有$/;
const PART_REACH = 16;
const PART_STOPS = codeSet('，,。；;：:！？!?、\n');
/** 实现增长, 保持增长: light verbs the name of the part leaves out, as 实现 of an outcome. */
const LIGHT_PART_VERBS = /实现|保持/g;

/**
 * 全市41个工业大类行业中，有29个行业增加值实现增长 → 增加值增长的工业大类行业: the part of a set counted the clause
 * before is named by what sets it apart, then the set; without it, the count would read as a change of the set.
 */
function partOfSet(previousClause: string, clause: string, text: string, end: number): string | undefined {
  const set = SET_COUNTED.exec(previousClause)?.[1];
  if (set === undefined || !PART_OPENING.test(clause)) return undefined;
  let stop = end;
  while (stop < text.length && stop - end < PART_REACH && !PART_STOPS.has(text.charCodeAt(stop))) stop++;
  let rest = text.slice(end, stop);
  // 29个行业增加值…: the set's head word repeated after the count.
  for (let length = Math.min(set.length, rest.length); length >= 2; length--) {
    if (rest.startsWith(set.slice(-length))) {
      rest = rest.slice(length);
      break;
    }
  }
  const apart = rest.replace(LIGHT_PART_VERBS, '');
  return apart.length < 2 ? undefined : `${apart}的${set}`;
}

/** 最大降雨出现在柳湾镇, 最高气温出现在午后: a subject, then where or when it occurred. */
const OCCURRED_AT = /^([\u4e00-\u9fff]{2,8}?)(?:出现在|出现于|发生在|发生于)/;

/**
 * The subject of an occurrence in the clause before (最大降雨出现在柳湾镇，达217毫米), completed by the measure word
 * of the label the sentence had (平均降雨量 → 最大降雨量): a second reading of that measure, not the first again.
 */
function locatedSubject(previousClause: string, previousLabel: string): string | undefined {
  const subject = OCCURRED_AT.exec(previousClause)?.[1];
  if (subject === undefined) return undefined;
  const shared = previousLabel.lastIndexOf(subject.slice(-1));
  return shared < 0 ? subject : subject + previousLabel.slice(shared + 1);
}

/** Nouns that end what a market quotes (…收益率, …价格, …指数). */
const MARKET_MEASURES = ['收益率', '利率', '汇率', '价格', '指数', '均价'];

/** The measure a market label names, up to its last measure noun (…收益率盘中最低下探 → …收益率); undefined for none. */
function measureOfMarket(label: string): string | undefined {
  let end = -1;
  for (const noun of MARKET_MEASURES) {
    const at = label.lastIndexOf(noun);
    if (at >= 2 && at + noun.length > end) end = at + noun.length;
  }
  return end < 0 ? undefined : label.slice(0, end);
}
/** A list of parts, 分别占, and the whole they are shares of (纯电动和插电混动车型 + 当月交付量). */
const PARTS_OF_WHOLE = /^([^，,]{4,24}?)分别占([^，,的]{2,12})的$/;

/** 纯电动和插电混动车型分别占当月交付量的 → 纯电动车型占当月交付量比例, 插电混动车型占当月交付量比例. */
function partsOfWhole(clause: string): string[] | undefined {
  const match = PARTS_OF_WHOLE.exec(clause);
  const items = match?.[1] === undefined ? undefined : listedItems(match[1]);
  return items?.map((item) => `${item}占${match?.[2] ?? ''}比例`);
}

/** A market named only as the place of trading (银行间市场10年期国债…): it locates, like 全市. */
const MARKET_VENUE = /^[\u4e00-\u9fff]{1,4}市场(?=.{4})/;
/** 其中，10月份当月…: the month's own figure beside the running total of its sentence before. */
const SINGLE_MONTH_WORDS = /当月|单月/;

/**
 * 约7.3亿份，较去年同期的6.1亿份有所回升: the value compared with is the series one year earlier; where 去年同期
 * ends when it stands so, or undefined.
 */
function comparedValueAt(text: string, index: number): number | undefined {
  const end = yearEarlierAt(text, index);
  if (end === undefined || text.charCodeAt(end) !== OF_CODE) return undefined;
  const digit = text.charCodeAt(end + 1);
  return DIGITS.has(digit) || isChineseNumeral(digit) ? end : undefined;
}
/**
 * 8月份，全市全社会用电量30.8亿千瓦时: a sentence that opens on one month gives that month's own figure, a series
 * apart from the running total (1-8月) on its key.
 */
const MONTH_OPENING = /^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月份?[，,]/;
const MONTH_OPENING_REACH = 6;
const RESPECTIVELY = '分别';
const OPENING_ASIDE = codeSet('(（');
const CLOSING_ASIDE = codeSet(')）');
/** 城市老人为3.1小时: a figure stated for the item before a 、. */
const STATED_BEFORE = /(?:为|是|达到?)[0-9０-９][0-9０-９.]*[^0-9０-９、至到]{0,3}$/;
const SHARE_OF = '占';
/** 餐饮支出占比最高, 居住支出居第二: what a clause ranks, before its rank. */
const RANKED_FIRST = /^(.{2,16}?)(?:最高|最低|最大|最小|最多|最少|居首|居前|居第[一二三四五])$/;
/** 其次是居住支出: what ranks next. */
const RANKED_NEXT = /^(?:其次是|其次为|再次是|再次为|然后是)(.{2,16})$/;
/** 计划购买家电的受访者比例: the population a share is of. */
const SHARE_POPULATION = /的([^的]{2,6})比例$/;
/** 分列前两位, 位居前列: where listed things rank, after their names. */
const RANKED = /(?:分列|分居|位居|位列|排名|排在|居于?)[^、和]*$/;
/** A measure 分别 gives listed things is a word (得分, 满意度), not a phrase of its own. */
const MAX_LISTED_MEASURE = 4;
/** How far around a figure its distribution, month or plan word is looked for: a window, so reading stays linear. */
const CONTEXT_REACH = 160;
const LIST_JOINERS = '、和与及';
const MAX_GROUP_WORD = 4;
/** Verbs by which counted ones act on what a figure after them measures (企业提供岗位3200个). */
const ACTION_OF_COUNTED =
  /^已?(?:提供|发放|吸纳|带动|招聘|发布|参与|参加|达成|完成|实现|获得|享受|签约|入驻|申请|领取|推出|新增|捐赠|认购)/;
/** An English figure's own words after it, to the end of its clause (of Qiaoxi residents satisfied with…). */
const ENGLISH_WORDS_AFTER = /^ ((?:[A-Za-z][A-Za-z-]*)(?: [A-Za-z][A-Za-z-]*){0,7})/;
const CLAUSE_OPENERS = codeSet('，,。；;：:！？!?\n “（(、');
const DEADLINE = 0x5230; // 到
const COMMAS = codeSet('，,');

/** Whether the 到 at `at` opens its clause, or follows what strives for it (力争到, 预计到). */
function opensDeadline(text: string, at: number): boolean {
  return (
    at === 0 ||
    CLAUSE_OPENERS.has(text.charCodeAt(at - 1)) ||
    FORESEEN_BEFORE.has(text.charCodeAt(at - 2) * 0x10000 + text.charCodeAt(at - 1))
  );
}
const DIGITS = codeSet('0123456789０１２３４５６７８９');
const ENGLISH_CLAUSE_END = codeSet(',;.\n');
const FULL_STOP = 0x2e;
const DOLLAR = 0x24;
const LATIN_COMMA = 0x2c;
const ENGLISH_PERIOD_REACH = 60;
const AVERAGE_OPENING = /^\s*(?:the )?(?:average|each|per(?! capita))\b/i;
const AVERAGE_REACH = 16;
/** How far a sentence is read ahead for its comparison with a year before. */
const SENTENCE_REACH = 160;
const YEAR_ON_YEAR_IN = /\byear[- ]on[- ]year\b|\bfrom a year (?:earlier|ago)\b/;
/** Verbs of a figure still to come: a forecast, an aim, a plan or a budget (has budgeted, earmarked). */
const FORECAST_BEFORE =
  /\b(?:expects?|expected|forecasts?|projects?|aims?|plans?|planned|intends?|targets?|goals?|will|budgets?|budgeted|earmarked)\b/i;
const YEAR_UNDER_WAY = /\b(?:this year|full[- ]year|annual (?:target|goal)s?|for the year)\b/i;
/** "its 2026 economic growth target at": a year inside the name of a target or plan, before its figure. */
const YEAR_TARGET_BEFORE =
  /\b((?:19|20)\d\d) (?:[a-z-]+ ){0,3}(?:target|goal|plan|forecast)s? (?:at|of|to|is|was|will be) $/;
/** "…by 2027", "…by the end of 2026" after a planned figure, in its clause. */
const ENGLISH_DEADLINE_AFTER = /^[^,.;]{0,30}?\bby (?:the end of )?((?:19|20)\d\d)\b/;
const OPEN_QUOTE = 0x201c; // “
const CLOSE_QUOTE = 0x201d; // ”
/** The change word that ends an English change's label, after a month-on-month base; its capture is the word. */
const CHANGE_WORD_END = / (?:month-on-month )?(growth|decline|rise)$/;
const GROWTH_END = / growth$/;
/** "beating the provincial average of", "above the national average of": an average over a wider area. */
const AVERAGE_OF_END = /\b(national|provincial|regional|citywide|statewide|countrywide) average of $/i;
/** "industrial output at large firms": the group a measure was taken over, which the wider average is not of. */
const GROUP_AFTER_MEASURE = / (?:at|in|among|for|of) .*$/;
/** A month-on-month base after a change, within its clause ("fell 0.4% in March from February" too). */
const MONTH_ON_MONTH_AFTER =
  /^[^,.;]{0,30}?\b(?:from|over|on|than) (?:the previous|the prior|a|one|the preceding|last) month\b|^[^,.;]{0,30}?\bmonth[- ]on[- ]month\b|^ in [A-Z][a-z]+ from (?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?! (?:to|through|until)\b)/;
const POINTS = 'percentage points';
/** "growth in containers handled": a change of a measure named by its verb. */
const GROWTH_PREFIX = /^(?:growth|decline) in /;
const ENGLISH_CHANGE = /^(?!share of).* (?:growth|decline)(?: from \w+)?$/;
/** A clause that only links a subject to its figure (…, excluding students, was 15.3 percent). */
const LINK_ONLY =
  /^\s*(?:was|were|is|are|stood at|stands at|reached|rose|fell|grew|increased|decreased|declined|dropped|climbed|jumped)\s*$/;
/** "…152,000 units, worth 23.6 billion yuan": the value of what the sentence counted. */
const WORTH_ONLY = /^\s*(?:worth|valued at)(?: (?:a combined|a total of|an estimated))?\s*$/;
/** ", more than double the 3.9 gigawatts": the level a multiple compares the figure before with. */
const MULTIPLE_OF_THE = /\b(?:double|twice|triple|treble|times|half) the $/i;
/** "…310 million yuan in job subsidies to 2,600 companies": who an amount just named went to. */
const FARMED = /^(?:harvested|planted|sown|seeded|irrigated)$/;
/**
 * "Baishan hospitals cut average outpatient wait to": the measure is the object of the subject's verb; so after an
 * infinitive (aims to lift FDI to, to bring PM2.5 below), where an aim makes the figure that measure's target.
 */
const OBJECT_CUT_TO =
  /\b(?:cut|cuts|reduce|reduced|reduces|lower|lowered|lowers|trim|trimmed|trims|shorten|shortened|shortens|raise|raised|raises|lift|lifted|lifts|boost|boosted|boosts|bring) (?:(?:its|their|the) )?([A-Za-z][A-Za-z0-9.-]*(?: [a-z][a-z-]*){0,4}) (?:to|below|under) $/;
/** "aims to lift": the infinitive of an aim, before the verb the object follows. */
const UPPER_BOUND_OPENING = /^(?:below|under)\b/i;
const JOINED_INFINITIVE_END = /\band to $/;
const AIM_TO_END = /\b(?:aims?|aimed|aiming|targets?|targeting|seeks?|seeking|strives?) to $/;
/** "cut by 2 minutes to", "raised it to": no measure stands between the verb and "to". */
const NOT_A_CUT_OBJECT = /^(?:by|it|them|from|back|down|up)\b/;
const CLAUSE_CONJUNCTION = /^\s*(?:but|and|yet|while|whereas)\s+/i;
const ONE_IN_N = /^(?:one|1) in [a-z0-9]+$/i;
/** "rail carried ", "new loans went ": a past verb of the clause's own subject, alone at its end. */
const PAST_VERB_AT_END =
  /[a-z] ((?:carried|handled|served|shipped|moved|transported|delivered|sold|won|took|made))\s*$/i;
/** " containers leaving the port": the plural counted after "one in N". */
const COUNTED_NOUN_AFTER = /^ ([a-z][a-z-]*s)\b/i;
const SPENT = /^(?:spent|spend|spends|spending)$/;
const SPEND_INFINITIVE_END = /\bto spend $/;
const GIVEN_END = / (?:issued|paid|granted|given|awarded|allocated|disbursed)$/;
const GIVEN_TO = /^ (?:in|of) [a-z][a-z -]{0,40} to $/;
/** "Subsidies of 186 million yuan were paid to 74,000 people": the passive of the same gift. */
const GIVEN_PASSIVE =
  /^[\s)]*(?:were|was|have been|has been) (?:issued|paid|granted|given|awarded|allocated|disbursed) to $/;
/** "8.7 percent higher than…" after the figure: a change of what the sentence measured. */
const CHANGE_AFTER =
  /^ (?:(higher|more|up|larger|bigger|greater|longer)|(lower|less|down|smaller|shorter|fewer)) (?:than|from|on)\b/;
/** " less than in March", " higher than at the end of June": the month a change is counted from. */
const THAN_MONTH =
  /^ [a-z]+ (?:than|from|on) (?:in |at the end of |the end of |on )?(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** "quickening from", "slowing from": a change of pace, whose base is the rate the sentence measured before. */
const PACE_FROM = /\b(?:slow|quicken|accelerat|decelerat|eas)[a-z]* from $/;
/** What a multiple ("N times") is of, after it: a demand for an issue, or a price against earnings. */
const MULTIPLE_NAMED_AFTER = /^ (?:(oversubscribed)|((?:forward|trailing) )?earnings\b)/;
/** A change noun right after a figure, ending its clause ("…, a 17.3% decline."); its capture marks a rise. */
const APPOSED_CHANGE =
  /^ (?:(rise|increase|gain|jump|surge|climb|rebound)|drop|decline|fall|slump|decrease|contraction|dip|plunge|slide)(?=[,.;]|$)/;
const ARTICLE_ONLY = /^\s*an?\s*$/i;
const MEASURED_FLOW = / (?:added|created|hired|lost|cut)$/;
/**
 * A phrase set off by commas that qualifies the subject before it, or names it again (sales to Southeast Asia, the
 * city's largest market, jumped 15.8%): a short noun phrase after an article, with no number or verb of its own.
 */
const ASIDE =
  /^\s*(?:(?:excluding|including|except|not including)\b|(?:the|an?) (?:[a-z-]+['’]s? )?(?:[a-z-]+ ){0,3}[a-z-]+\s*$)/;
const ENGLISH_CONNECTOR_ONLY = /^\s*(?:and|or)?\s*$/;
/** "… and to train": an infinitive joined to one before it, right before its object. */
const JOINED_INFINITIVE_AT_END = /\band to [a-z]+ (?:(?:some|about|around|nearly|another|an?) )?$/;
/** "plans to build or convert", "and to hire": an infinitive right before a counted object. */
const INFINITIVE_AT_END = /\bto [a-z]+(?: or [a-z]+)? $/;
/** A headline's "Qiaoxi to build…": a subject, then the infinitive of what it will do. */
const HEADLINE_INFINITIVE = /^\s*(?:[A-Z][\w-]*\s+){1,3}to [a-z]+(?: or [a-z]+)? $/;
/** Verbs whose infinitive sets a target (aims to create), and those that plan (plans to add). */
const AIMS = /\b(?:aims?|aimed|aiming|targets?|targeted|targeting|seeks?|sought|seeking|strives?)\b/;
const PLANS = /\b(?:plans?|planned|planning|intends?|intended|is set|are set|is to|are to|will)\b/;
/** "Range anxiety was cited by": what was done, and by whom the share is of, after the figure. */
const PASSIVE_BY =
  /^\s*(?:(?:found|finds|showed|shows|said|says) )?(?:that )?(?:the )?([A-Za-z][a-z-]*(?: [a-z-]+){0,3}) (?:was|were|is|are) ([a-z]{3,})ed by $/;
const OF_WHOM_AFTER = /^ of (?:the |all )?([a-z]+(?: [a-z]+){0,2}?)(?= as\b| in\b|[,.;])/;

/**
 * "Range anxiety was cited by 38 percent of respondents": a share of those who did it, in the active voice
 * (share of respondents citing range anxiety).
 */
function passiveShare(clause: string, text: string, end: number): string | undefined {
  const passive = PASSIVE_BY.exec(clause);
  const whom = OF_WHOM_AFTER.exec(text.slice(end, end + 48))?.[1];
  if (passive === null || whom === undefined) return undefined;
  const [, done = '', stem = ''] = passive;
  return `share of ${whom} ${stem}ing ${done.toLowerCase()}`;
}

/** "bringing its total to 127 routes", "bringing its network to 168 routes": a whole that points back at what was counted. */
const TOTAL_ONLY = /^(?:its |their |the )?total$/;
const BRINGING_ITS_WHOLE = /\bbringing (?:its|their|the) [a-z]+ to $/;
/** "slower than the 5.2 percent growth for 2023": a rate compared with is of the series measured before. */
/** " and some ": only "and" and a qualifier between two counts, no comma that would open a clause of its own. */
const JOINED_ONLY = /^ and (?:[a-z]+ ){0,2}$/;
/** "…, up from", "to $8.1 billion from": a base a figure is compared with, right before it. */
const BASE_FROM_BEFORE = /\bfrom (?:about |around |nearly |roughly )?$/;
/**
 * "1.8 times the figure for 2019", "the 2019 level", "what it was in 2020": a period that dates a base a multiple is
 * of, not the figures.
 */
const COMPARED_LEVEL_BEFORE =
  /\b(?:times|than|(?:figure|level|number|total|amount)s?(?: for| of| in)?|what (?:it|they) (?:was|were)(?: in)?) (?:the |its |their )?$/;
/** "since 2013", "since records began in": a period after "since" and at most a short clause. */
const SINCE_BEFORE = /\bsince (?:[a-z-]+ ){0,3}$/i;
/** "after a cold snap in", "after the floods in": an event named by a noun after "after". */
const AFTER_EVENT_BEFORE = /\bafter (?:a|an|the) (?:[a-z-]+ ){1,3}$/i;
const COMPARED_RATE_BEFORE = /\b(?:slower|faster|weaker|stronger|lower|higher) than (?:the |a |its )?$/;
/** "a hub of 9.8 million people": those a place is home to, its population. */
const PLACE_OF_PEOPLE = /\b(?:(?:a|an|the) (?:[a-z-]+ ){0,3}[a-z]+ of|home to) $/;
const PEOPLE = /^(?:people|residents|inhabitants)$/;
/** Who a sector or a firm employs (people, workers, staff). */
const EMPLOYED_NOUNS = /^(?:people|workers|staff|employees)$/;
const NOT_A_PLACE = /\b(?:survey|poll|sample|group|total|number|team|panel)\b/;
/** A share set off by a comma right after a figure (…$40 million, roughly a fifth of the total). */
const APPOSITIVE = /^,\s*$/;
/** "days of good air quality": a label of days counted by what they had. */
const COUNTED_DAYS_LABEL = /^days (?:of|with) (.+)$/;
/** "Public safety allocation", "manufacturing employment": what a part's share is of, after the part. */
const ALLOCATION_END = / (?:allocation|employment)$/;
/** ", or 47 percent of the target": the same amount restated as a share. */
const OR_RESTATED = /^\s*or\s+$/;
/** ", compared with": only the base a figure before is compared with. */
/** "output seen decline": a measure a headline says is seen rising or falling. */
const SEEN_CHANGE = /^(.+) seen (growth|decline)$/;
/** "is selling for", "sold at", "fetched": a verb of the price a thing went for, ending its clause. */
const SOLD_FOR_END =
  /\b(?:(?:is|are|was|were) )?(?:selling|sold|sells|sell|trading|traded|trades|fetched|fetches|fetching) (?:for|at) $/;
const AGAINST_ONLY = /^\s*(?:as )?(?:against|versus|vs\.?)\s*$/;
const COMPARED_ONLY = /^\s*(?:compared|as against|against)(?: with| to)?\s*$/;
const EXPECTED_OPENING = /^expected /;
/** "while those to Southeast Asia": a pronoun for a noun given before with the same preposition. */
const THOSE_WITH_PREPOSITION = /(?:^|\W)those (to|from|of|in|for|at|with) /i;
/** Words before a preposition that are no noun a "those" could stand for. */
const NOT_AN_ANTECEDENT =
  /^(?:up|down|rose|fell|grew|increased|declined|dropped|climbed|jumped|more|less|than|and|or|while|the|a|an|its|their|said|compared|year|percent)$/;
/** "Second-hand transactions were a bright spot": a subject, its link verb and what it was said to be. */
const LINKED_SUBJECT = /^\s*([A-Za-z][A-Za-z' -]*?) (?:was|were|remained|stayed|proved)\b/;
/** A clause of only a verb, its particle and an adverb (fell to, rose by, averaged). */
const VERB_ONLY =
  /^\s*(?:fell|rose|dropped|declined|climbed|grew|increased|decreased|averaged|stood|reached|was|were)(?: to| by| at)?\s*$/;
/** A subject that ends in a phrase of where, owned (at Baishan's, in the city's): the figure after it counts where. */
const OWNED_PLACE_END = /\b(?:at|in|across) (?:the )?[A-Za-z-]+['’]s\s*$/;
/** "expects full-year volume to exceed", "now expects to exceed": a forecast, and what it is of. */
const EXPECTS_MEASURE =
  /\bexpects?\s+(?:(?:its|their|the)\s+)?(?:([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})\s+)?to\s+(?:exceed|reach|top|surpass|hit|be|rise to|grow to|(rise|grow|increase|climb|expand)|(fall|drop|decline|decrease|shrink|contract))?(?:\s+by)?\s*$/i;
/** A participle whose subject is the clause's before it (…sold grain, contributing 35 percent of…). */
const SHARE_PARTICIPLE =
  /^\s*(?:contributing|accounting for|making up|representing|taking up|equal to|equivalent to|covering|fulfilling|completing|meeting)\s*$/;
/** "its annual target of 120,000": a target named without what it is a target for. */
const TARGET_ONLY = /^(?:(?:annual|full-year|yearly|official|its|their) )?(?:target|goal)$/;
const DECLINE_BEFORE =
  /\b(?:down|fell|falling|declined|dropped|decreased|slipped|slumped|plunged|dipped|eased|shrank|contracted|tumbled|sank|slid|retreated)\b/i;
/** Words before a share of respondents that name nothing themselves (…found (that) 61.8 percent of them…). */
const RESPONDENT_OPENERS = /(?:^|\s)(?:that|while|and|whereas|but|found|finds|showed|shows|revealed)$/;
const TOTAL_MEASURE = /^(?:合计|共计|总计)(.{0,4}(?:规模|金额|总额|面积|产值|份额))$|^(总数|总量)$/;
const COUNT_CHANGE = /(?:净增|新增|增加|净减|减少)$/;
/** 成立新基金1127只，合计发行份额…: the new funds' total; founding them only said how they came to be counted. */
const FOUNDED_NEW = /^(?:成立|设立)(?=新)/;
/** Measures of counted projects or schools that a clause names alone (协议投资额, 在校生, 招生). */
const THINGS_MEASURE =
  /^(?:协议(?:投资|引资)额|在校(?:学)?生|招生|毕业生|(?:计划)?总投(?:资|入)|年度(?:计划)?投资|年度投资计划)$/;
/** A count of schools of every kind (各级各类学校) is a total, whose pupils a reader names alone. */
const ALL_SCHOOLS = /(?:^|各类|阶段)学校$/;
const SET_OUT = /^(?:计划|拟)?(?:安排|实施)/;
const DONE_BEFORE = /完成/;
/** An action that reaches a share of something (覆盖85%的城乡社区, 惠及六成的农户), after its subject if any. */
const COVERING_END = /^(.*?)(覆盖|惠及)$/;
const DE = 0x7684; // 的
/** 每人每月提高: a change per head or per period with no subject of its own. */
const PER_HEAD_CHANGE = /^(?:每[人户月年天日]){1,3}(提高|上调|增加|下调|降低|减少)$/;
/** 每亩补贴, 每人奖励: a support stated per unit, named without what it supports. */
const PER_SUPPORT = /^每[\u4e00-\u9fff]{1,2}(?:补贴|补助|奖励|奖补)$/;
/** …对早稻机插秧给予补贴: what a clause supports, at its end. */
const SUPPORTED_OBJECT = /对([\u4e00-\u9fff]{2,12})(?:给予|实行|予以)(?:补贴|补助|奖励|奖补)$/;
/** …提高城乡居民基础养老金最低标准: the standard a clause raises or lowers, at its end. */
const RAISED_OBJECT = /(?:提高|上调|增加|下调|降低|减少)([\u4e00-\u9fff]{4,16})$/;
/** 数量, 总量, 规模 opening a change: the amount of what the sentence just counted. */
const AMOUNT_OPENING = /^(?:数量|总数|总量|规模)/;
/** What may follow it in a change's label before the change word is added: nothing, a base, a change verb. */
const AMOUNT_CHANGE = /^(?:(?:同比|环比|比|较)[^的]{0,6})?(?:增长|增加|下降|减少|提高|上升)?$/;
/** 全年目标任务, 年度目标: a target that names no measure of its own. */
const BARE_TARGET = /^(?:已)?(?:完成)?(?:全年|年度)?目标(?:任务)?的?$/;
/** 已完成, 任务 and 的 around a bare target (已完成全年45万辆目标的): they say what was done, not what is aimed at. */
const TASK_WORD = /^已?完成|任务的?$|的$/g;
const TARGET_SHARE = '目标比例';
/** 累计交付新车 + 全年45万辆目标: a target is of the measure, not of its running total. */
const RUNNING_TOTAL = /^累计(?=.{2})/;
/** 每家面积, 每个站点: a measure of each one of the things counted before. */
const PER_EACH = /^每(?:家|个|所|座|处|条|台|套|辆|间)(?=[\u4e00-\u9fff]{2})/;
/** 分城乡看，, 分地区看，, 按性别分，: an opening that breaks a measure down by group. */
const BREAKDOWN = /^(?:分|按|从)[\u4e00-\u9fff]{1,6}(?:看|分|来看)[，,：:]$/;
const BREAKDOWN_REACH = 10;
const LIGHT_VERB_OPENING = /^(?:累计|已)?(?:实现|完成)/;
const PRODUCED =
  /^(?:计划|已|累计)?(?:新增|新建|新开工|开工|建成|完成|改造|关闭|认定|培育|引进|新开|新登记|登记|放流)/;
/**
 * Heads of a noun for those who act (企业, 合作社, 农户): only such things counted can be the subject of the light
 * verb after them (共有企业215家，实现营业收入…), not a count's measure (高新技术企业数量) or an action (棚户区改造开工).
 */
const AGENT_HEAD =
  /(?:企业|公司|单位|机构|主体|合作社|商户|工厂|园区|平台|银行|医院|学校|基金|家庭|农户|户)$/;
/** Verbs of those an action reached (惠及居民, 涉及农户, 带动就业). */
const REACHED_BY = /^(?:惠及|涉及|覆盖|带动|受益)/;
/** Who an action reached, with no action named (涉及居民, 惠及农户). */
const REACHED_ONLY = /^(?:惠及|涉及)[\u4e00-\u9fff]{1,4}(?:[0-9０-９]|$)/;
/** A label that already names who an action reached (…涉及楼栋, …惠及农户). */
const REACHED_WITHIN = /(?:惠及|涉及|覆盖|带动|受益)/;
/** The stage a count opens on (计划改造…, 已开工…), which who it reached does not share. */
const STAGE_OPENING = /^(?:计划|拟|已|累计)/;
/** Actions that take the sentence's agent when their clause names none (带动就业岗位, 收报, 帮助…就业). */
const INHERITS_AGENT = /^(?:带动|提供|吸纳|收报|报收|帮助)/;
/** Verbs by which counted ones received money (企业获得稳岗返还资金2.86亿元). */
const RECEIVING = /^(?:已)?(?:获得|获|领取|得到)/;
const BENEFITING = /^(?:受益|惠及)/;
const GIVING = /^(?:发放|提供|返还|兑现|拨付)/;
const GIVING_BEFORE = /^.*?(?:发放|提供|返还|兑现|拨付)/;
const PER_HEAD_LABEL = /^(?:人均|户均)$/;
/** 主要预期目标是：, 目标为：: the figures after the colon are targets. */
const TARGET_FRAME = /目标[是为]?[：:]/;
/** 任务已完成 before the figure: progress on the task, with the stage word it is written with. */
const TASK_DONE = /(已经|已)?完成了?$/;
const SHARE_TRADE = /(?:增持|减持|回购)$/;
const PLANNED = /(?:拟|计划)(?=增持|减持|回购)/;
const AIMED = /(?:力争|争取)(?:达到|实现|突破|超过)?$/;
/** 今年力争新增城镇就业…, 力争到2027年…: a clause that opens by striving for its figure sets a target. */
const AIMED_OPENING = /^[\u4e00-\u9fff]{0,4}?(?:力争|争取)/;
const TARGET_FRAME_LENGTH = 5;
/** Cheap tests that spare most clauses the slower readings they cannot need. */
const ADVERB_HINT = /今年|全年|去年|[上下]半年|当年|全天|已|共/;
const PLAN_HINT = /计划|任务/;
const TOPIC_REACH = 80;
const TOPIC_WORDS = ['期间', '举办', '开展', '启动', '组织'];
const EVENT_SPANS = ['期间', '假期', '黄金周', '小长假'];

/** What a character may open while periods are read: one table lookup per character of running text. */
enum Role {
  Period = 1,
  Topic = 2,
  Latin = 4,
  Quote = 8,
  Event = 16,
}
const PERIOD_ROLE = new Uint8Array(0x10000);
for (const char of PERIOD_START_CHARS)
  PERIOD_ROLE[char.charCodeAt(0)] = (PERIOD_ROLE[char.charCodeAt(0)] ?? 0) | Role.Period;
for (const word of TOPIC_WORDS)
  PERIOD_ROLE[word.charCodeAt(0)] = (PERIOD_ROLE[word.charCodeAt(0)] ?? 0) | Role.Topic;
for (const word of EVENT_SPANS)
  PERIOD_ROLE[word.charCodeAt(0)] = (PERIOD_ROLE[word.charCodeAt(0)] ?? 0) | Role.Event;
for (let code = 0; code < 0x80; code++) if (isLatinLetter(code)) PERIOD_ROLE[code] = Role.Latin;
PERIOD_ROLE[OPEN_QUOTE] = Role.Quote;
PERIOD_ROLE[CLOSE_QUOTE] = Role.Quote;
const ENUMERATION_COMMA = 0x3001; // 、
const PREPOSITIONS_BEFORE_FIGURE = new Set([...'为对向给与和把被让从由在'].map((char) => char.charCodeAt(0)));

/**
 * "3.2 percent larger than last year's", "up from a year earlier": a base compared with dates nothing. A period after
 * "from" that is no year before ("from January to April") is still the figures' own.
 */
function isComparedBase(text: string, index: number, found: EnglishPeriod): boolean {
  if (COMPARED_LEVEL_BEFORE.test(text.slice(Math.max(0, index - 24), index))) return true;
  // "the lowest since monitoring began in 2013": the start of a record compared with dates nothing.
  if (SINCE_BEFORE.test(text.slice(Math.max(0, index - 40), index))) return true;
  // "after a cold snap in March": the period dates the event a figure followed, not the figure.
  if (AFTER_EVENT_BEFORE.test(text.slice(Math.max(0, index - 40), index))) return true;
  return (found.yearEarlier || found.lastYear === true) && isComparedWith(text, index);
}

class Extraction {
  private readonly figures: Figure[] = [];
  /** Per figure, what its context offers if its key meets another figure's. */
  private readonly widenings: Widening[] = [];
  /** Prices per 斤 or per 亩 written with 每 (每斤1.38元): reported in the currency once their keys are settled. */
  private readonly pricedPerWord: Figure[] = [];
  private readonly sentence = new Sentence();
  private readonly rates = new RateMemory();
  private readonly region: string;
  private readonly metrics: MetricTable;
  private readonly publication: Publication | undefined;
  /** The day of publication (publicationDay), made once: every dated figure is compared with it. */
  private readonly publishedDay: string | undefined;
  private readonly tidied = new Map<string, string>();
  private previousClauseStart = -1;
  private previousClause = '';
  /** Where the search for periods resumes: text before it has been read for periods or was a figure. */
  private periodsRead = 0;
  /** The latest period of the paragraph (上半年, 2023年): it locates the figures after it, sentence after sentence. */
  private period: string | undefined;
  /** Where the sentence that set the period starts: a price after it takes the period of its own sentence only. */
  private periodSentence = -1;
  /**
   * A day (截至5月10日, 9月9日, 截至6月底): a stock measured on it, which dates its own sentence and those that go on
   * about it (其中…, 当日…, 去年同期…), not the next one that turns to something else. So does the period of a
   * survey's findings.
   */
  private day: string | undefined;
  /** The latest day of the paragraph, which 当日 refers back to. */
  private lastDay: string | undefined;
  /** The paragraph's period, held back while a sentence of averages or of an event that names none is read. */
  private heldPeriod: string | undefined;
  /**
   * The end of a survey's fieldwork (8月开展…调查, 调查于9月进行), or with none given the 截至 day of its findings:
   * the date of its figures, to which the text returns after a sentence of its own day.
   */
  private fieldwork: string | undefined;
  /** Whether the text has told of a survey put to a sample (对…开展问卷调查): what follows is its findings. */
  private surveyed = false;
  /** The paragraph's period before a deadline still to come dated the rest of its sentence, back after it. */
  private beforeDeadline: { period: string | undefined; sentence: number } | undefined;
  /** The population the paragraph's shares are of (受访职工中，… / 近四成受访家庭…), for shares that omit it. */
  private population: string | undefined;
  /** Who the brief reports on when it opens headline and body alike (青岚科技…/青岚科技10月28日披露…). */
  private readonly announcer: string | undefined;
  /** The programme the paragraph's funds belong to (稳岗返还), for those it benefits (受益企业). */
  private programme: string | undefined;
  /** The task the paragraph reports progress on (村级养老服务站建设任务), for what was done of it. */
  private task: string | undefined;
  /** The crop whose area the brief gave last (晚稻种植面积), whose yields it goes on to name alone (总产, 平均亩产). */
  private crop: string | undefined;
  /** What the paragraph's English text counted last (11.3 million passengers), the whole of a share "of the total". */
  private countedPhrase: string | undefined;

  constructor(
    private readonly text: string,
    context: ExtractContext,
  ) {
    this.region = context.region ?? '';
    this.metrics = new MetricTable(this.region, context.aliases);
    this.publication = publicationOf(context.publishedAt);
    this.publishedDay = this.publication === undefined ? undefined : publicationDay(this.publication);
    this.announcer = announcerOf(text, headlineEnd(text));
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
          if (reading.nameFrom !== undefined) {
            this.readPeriods(index);
            this.sentence.previousEnd = reading.nameFrom;
          }
          if (reading.figure !== undefined) this.add(this.rates.carry(text, reading.figure));
          for (const part of reading.parts ?? []) this.add(part);
          index = reading.next - 1;
          break;
        }
        case CharClass.WordNumber: {
          const figure = englishWordFigureAt(text, index, this.sentence.previousEnd);
          if (figure !== undefined) {
            this.add(figure);
            index = figure.end - 1;
          }
          break;
        }
        case CharClass.SentenceEnd:
          this.endSentence(index + 1);
          break;
        case CharClass.Period:
          if (
            (text.charCodeAt(index + 1) === 0x20 && !isInitialDot(text, index)) ||
            text.charCodeAt(index + 1) === 0x0a
          )
            this.endSentence(index + 1);
          break;
        case CharClass.LineBreak:
          if (!isWrappedLineBreak(text, index)) {
            this.endSentence(index + 1);
            this.locate(undefined);
            this.lastDay = undefined;
            this.heldPeriod = undefined;
            this.population = undefined;
            this.programme = undefined;
            this.task = undefined;
            this.countedPhrase = undefined;
            // A survey told of in one paragraph dates the findings of that paragraph only.
            this.fieldwork = undefined;
            this.surveyed = false;
          }
          break;
        case CharClass.ClauseBreak:
          this.sentence.endClauseGroup();
          break;
        case CharClass.QiZhong:
          if (text.charCodeAt(index + 1) === 0x4e2d /* 中 */) {
            this.sentence.subtotalParent ??= this.sentence.previousLabel;
          }
          break;
      }
    }
    this.endSentence(length);
    const keys = {
      of: (label: string, unit: string) => this.metrics.entry(label, unit).metric,
      strict: (label: string, unit: string) => this.metrics.strictKey(label, unit),
    };
    settleIdentity(this.figures, this.widenings, headlineEnd(text), keys);
    for (const figure of this.pricedPerWord) figure.unit = figure.unit.slice(0, figure.unit.indexOf('/'));
    return this.figures;
  }

  /**
   * What the sentence offers a figure that meets a neighbour on its key: its label without the agent it took, and
   * the programme or first-counted subject that could precede it.
   */
  private widening(raw: RawFigure, named: Named, label: string): Widening {
    const { sentence } = this;
    const agent = sentence.agent;
    const core = agent !== undefined && label.startsWith(agent) ? label.slice(agent.length) : label;
    // What the sentence counted first is a subject of later figures only when it counts something else.
    const counted = sentence.firstCounted?.slice(-2) === core.slice(-2) ? undefined : sentence.firstCounted;
    const topic = sentence.topic ?? counted;
    return new ContextWidening(this.text, this.figures, named, label, core, topic, raw, sentence);
  }

  private endSentence(next: number) {
    // A 截至 date after the last figure (…42303人，截至5月11日) still dates the sentence; a day in a sentence
    // without figures (6月20日起，…) dates the sentences that go on about it.
    this.readPeriods(next);
    const { until, untilAt } = this.sentence;
    if (until !== undefined) {
      for (let index = this.sentence.firstFigure; index < this.figures.length; index++) {
        const figure = this.figures[index];
        if (figure === undefined) continue;
        // 对1.6万名毕业生的调查显示，截至5月底，…: the date is of the findings, not of the sample before them.
        const end = figure.offset + figure.length;
        if (end <= untilAt && FINDINGS_VERB.test(this.text.slice(end, untilAt))) continue;
        figure.asOf ??= until;
      }
    }
    if (!this.surveyed && SURVEY_CONDUCTED.test(this.text.slice(this.sentence.start, next)))
      this.surveyed = true;
    this.sentence.reset(next, this.figures.length);
    this.rates.reset();
    if (this.day !== undefined && !continuesDay(this.text, next)) this.day = undefined;
    if (this.beforeDeadline !== undefined) {
      this.period = this.beforeDeadline.period;
      this.periodSentence = this.beforeDeadline.sentence;
      this.beforeDeadline = undefined;
    }
    // 调查于6月进行。…截至6月20日，…。受访毕业生平均期望月薪…: a survey's findings are of its fieldwork.
    if (this.day === undefined && this.period === undefined) this.period = this.fieldwork;
    this.period ??= this.heldPeriod;
    this.heldPeriod = undefined;
    // "Average security wait times fell…", "Each passenger spent…": a level per head or per trip is of now, not a
    // quantity of the period the paragraph opened with.
    if (AVERAGE_OPENING.test(this.text.slice(next, next + AVERAGE_REACH)) && !this.comparedYearOnYear(next)) {
      this.heldPeriod = this.period;
      this.period = undefined;
    }
  }

  /**
   * "The average selling price slipped 2.6% year on year": a sentence starting at `next` that compares with a year
   * before measures over the period, as the flows do.
   */
  private comparedYearOnYear(next: number): boolean {
    const after = this.text.slice(next, next + SENTENCE_REACH);
    const stop = after.indexOf('. ');
    return YEAR_ON_YEAR_IN.test(stop < 0 ? after : after.slice(0, stop));
  }

  /** A period that holds from here on, sentence after sentence, in place of any day before it. */
  private locate(asOf: string | undefined) {
    this.period = asOf;
    this.periodSentence = this.sentence.start;
    this.day = undefined;
  }

  /** The as-of the text has reached: the day of this sentence, else the paragraph's period. */
  private located(): string | undefined {
    return this.day ?? this.period;
  }

  /** Reads the periods, 截至 dates, 目前 and 去年同期 of the sentence up to `end`, each character once. */
  private readPeriods(end: number) {
    const { text, sentence, publication } = this;
    let quoted = false;
    for (let index = Math.max(this.periodsRead, sentence.start); index < end; index++) {
      const code = text.charCodeAt(index);
      const role = PERIOD_ROLE[code] ?? 0;
      if (role === 0) continue;
      // “2020年高校毕业生招聘月” is a name, not a period.
      if (role & Role.Quote) quoted = code === OPEN_QUOTE;
      const before = text.charCodeAt(index - 1);
      if (role & Role.Latin) {
        if (!((PERIOD_ROLE[before] ?? 0) & Role.Latin)) index = this.readEnglishPeriod(index) - 1;
        continue;
      }
      // “五一”假期，…, 招聘月期间…: the figures of a holiday or an event are of its days, which the text does not date.
      if (role & Role.Event && wordAt(text, index, EVENT_SPANS) !== undefined) {
        this.heldPeriod ??= this.period;
        this.period = undefined;
        this.day = undefined;
      }
      if (role & Role.Topic && wordAt(text, index, TOPIC_WORDS) !== undefined) sentence.topicHintAt = index;
      if (quoted || !(role & Role.Period)) continue;
      // 力争全年…, 预计今年…: a target or forecast for the year opens what it dates, as a clause start does; so does
      // one set off by a comma (港务集团预计，全年…).
      const forecastAt = COMMAS.has(before) ? index - 1 : index;
      const foreseen =
        forecastAt - 2 >= sentence.start &&
        FORESEEN_BEFORE.has(text.charCodeAt(forecastAt - 2) * 0x10000 + text.charCodeAt(forecastAt - 1));
      const clauseStart = index === sentence.start || CLAUSE_OPENERS.has(before) || foreseen;
      // 力争到2027年…, ，到2030年…: a deadline opening a clause dates the figure it sets, not the sentences after.
      if (before === DEADLINE && opensDeadline(text, index - 1)) {
        const deadline = deadlineAt(text, index);
        if (deadline !== undefined) {
          sentence.nextFigureAsOf = deadline.asOf;
          index = deadline.end - 1;
          continue;
        }
      }
      // 较去年同期的6.1亿份: the base compared with is a figure of its own, a year before the sentence's.
      // 于8月开展调查: 于 says when unless a comparative stands before it (高于去年).
      const compared =
        COMPARED_AFTER.has(before) && (before !== YU || COMPARING_BEFORE_YU.has(text.charCodeAt(index - 2)));
      const comparedEnd = compared ? comparedValueAt(text, index) : undefined;
      if (comparedEnd !== undefined) {
        sentence.nextFigureAsOf = yearEarlier(this.currentAsOf());
        index = comparedEnd;
        continue;
      }
      if (compared || before === SINCE) {
        // 降幅较1-5月收窄: a base compared with is read whole, so that none of it (5月) dates a figure; 自2019年
        // 启动…以来: figures since a start are of now.
        const base = mayOpenPeriod(text, index)
          ? periodAt(text, index, publication, false, undefined, before !== SINCE)
          : undefined;
        if (before === SINCE && base !== undefined) this.locate(undefined);
        else if (base !== undefined && !base.until) sentence.comparedBase = base.asOf;
        if (base !== undefined) index = base.end - 1;
        continue;
      }
      // Like 今年, 全年 dates a clause it opens; inside one (企业全年实现盈利) it only says when.
      // 今年以来新成立…: figures up to now.
      const soFar = wordAt(text, index, SO_FAR_THIS_YEAR);
      if (soFar !== undefined) {
        this.period = undefined;
        index += soFar.length - 1;
        continue;
      }
      const wholeYear = clauseStart
        ? wholeYearAt(text, index, publication, this.located(), foreseen)
        : undefined;
      if (wholeYear !== undefined) {
        this.locate(wholeYear.asOf);
        index = wholeYear.end - 1;
        continue;
      }
      const earlierEnd = clauseStart ? yearEarlierAt(text, index) : undefined;
      if (earlierEnd !== undefined) {
        sentence.yearEarlierFrom = index;
        index = earlierEnd - 1;
        continue;
      }
      const nowEnd = nowAt(text, index);
      if (nowEnd !== undefined) {
        this.locate(undefined);
        index = nowEnd - 1;
        continue;
      }
      const sameDayEnd = sameDayAt(text, index);
      if (sameDayEnd !== undefined) {
        this.day = this.lastDay ?? this.day;
        index = sameDayEnd - 1;
        continue;
      }
      const target = yearsTargetAt(text, index, publication, this.located());
      if (target !== undefined) {
        sentence.nextFigureAsOf = target;
        index += 1;
        continue;
      }
      const found = mayOpenPeriod(text, index)
        ? periodAt(text, index, publication, clauseStart, this.located())
        : undefined;
      // 计划三季度增加用工的受访企业占27%, 62.8%的受访居民预计下半年…: the horizon of what those asked expect or
      // plan dates nothing; their answers are of the survey. Nor does a month or quarter ahead that a forecast names
      // (预计9月开学前可再提供学位480个); a plan for a year or its second half (计划下半年新增…) is of the year's end.
      if (
        found !== undefined &&
        !found.until &&
        HORIZON_BEFORE.has(text.charCodeAt(index - 2) * 0x10000 + before) &&
        (!found.asOf.endsWith(YEAR_END) || RESPONDENTS_SHARE.test(this.clauseAround(index)))
      ) {
        index = found.end - 1;
        continue;
      }
      if (found === undefined) {
        // Only the first digit of a number can open a period: skip the rest of it.
        while (index + 1 < end && DIGITS.has(text.charCodeAt(index + 1)) && DIGITS.has(code)) index++;
        continue;
      }
      // 企业对二季度预期…: after a survey's fieldwork, a later period is the horizon of the answers, of the survey.
      if (!found.until && this.fieldwork !== undefined && found.asOf > this.fieldwork) {
        index = found.end - 1;
        continue;
      }
      if (
        !found.until &&
        text.startsWith(THIS_YEAR, index) &&
        this.publishedDay !== undefined &&
        found.asOf > this.publishedDay &&
        // 对…开展问卷调查。结果显示，今年参加农业保险的农户占76.3%: the findings of a survey of the year under way.
        (SURVEY_OF_YEAR_AFTER.test(text.slice(found.end, found.end + SURVEY_WINDOW)) || this.surveyed)
      ) {
        this.locate(undefined);
        index = found.end - 1;
        continue;
      }
      // 8月开展满意度调查, 调查于9月进行: the survey's fieldwork dates its findings, sentence after sentence.
      if (!found.until && this.isFieldwork(index, found.end)) {
        this.locate(found.asOf);
        this.fieldwork = found.asOf;
        this.surveyed = true;
        index = found.end - 1;
        continue;
      }
      // 对…开展抽样调查。截至3月20日，…: with no fieldwork given, the day of the findings dates the rest of them.
      if (found.until && this.surveyed) this.fieldwork ??= found.asOf;
      if (found.ofFigure === true) sentence.nextFigureAsOf = found.asOf;
      else if (
        found.day ||
        SURVEY_FINDINGS.test(text.slice(Math.max(sentence.start, index - CONTEXT_REACH), index)) ||
        RESPONDENTS_BEFORE.test(text.slice(Math.max(sentence.start, index - CONTEXT_REACH), index)) ||
        SURVEY_NAMED_BY_PERIOD.test(text.slice(found.end, found.end + SURVEY_NAME_REACH))
      ) {
        // After a day, the figures of a later sentence are of now, not of the period before the day. A survey
        // dates the findings of the sentence that gives the period (调查显示，2023年…), not the rest of its report.
        this.period = undefined;
        this.day = found.asOf;
        if (found.day) this.lastDay = found.asOf;
      } else this.locate(found.asOf);
      if (found.until) {
        sentence.until = found.asOf;
        sentence.untilAt = index;
      }
      index = found.end - 1;
    }
    this.periodsRead = Math.max(this.periodsRead, end);
  }

  /** Whether the period from `index` to `end` is when a survey was held (8月对…开展调查, 调查于9月进行). */
  private isFieldwork(index: number, end: number): boolean {
    const { text } = this;
    if (SURVEY_CONDUCTED_AFTER.test(text.slice(end, end + SURVEY_WINDOW))) return true;
    return (
      SURVEY_HELD_BEFORE.test(text.slice(Math.max(this.sentence.start, index - 3), index)) &&
      SURVEY_HELD_AFTER.test(text.slice(end, end + 2))
    );
  }

  /** The clause `index` stands in, within CLAUSE_AROUND_REACH either side. */
  private clauseAround(index: number): string {
    const { text } = this;
    let from = index;
    while (from > 0 && index - from < CLAUSE_AROUND_REACH && !CLAUSE_OPENERS.has(text.charCodeAt(from - 1)))
      from--;
    let to = index;
    while (to < text.length && to - index < CLAUSE_AROUND_REACH && !CLAUSE_OPENERS.has(text.charCodeAt(to)))
      to++;
    return text.slice(from, to);
  }

  /** Reads an English period at a word start (In the first four months, …) and returns where reading resumes. */
  private readEnglishPeriod(index: number): number {
    const found = englishPeriodAt(this.text, index, this.publication);
    // "The port now operates…": figures of now, not of the period the paragraph opened with.
    // "The city now has…. Renewables supplied 31.5%": only for its own sentence; the period holds after it, as it
    // does after "since June".
    if (found === undefined && ENGLISH_NOW.test(this.text.slice(index, index + 10))) {
      this.heldPeriod ??= this.period;
      this.locate(undefined);
    }
    // "since June has given out 2,400 vouchers": what was done since a start is of now, as 以来 is.
    if (found === undefined && ENGLISH_SINCE.test(this.text.slice(index, index + 24))) {
      this.heldPeriod ??= this.period;
      this.locate(undefined);
    }
    if (found === undefined) {
      let end = index;
      while (isLatinLetter(this.text.charCodeAt(end))) end++;
      return end;
    }
    if (isComparedBase(this.text, index, found)) return found.end;
    if (!found.yearEarlier) this.locate(found.asOf);
    else this.sentence.yearEarlierFrom = index;
    return found.end;
  }

  /** The period an English figure's own clause gives after it (grew 5.3 percent in the first quarter). */
  private englishPeriodAfter(raw: RawFigure): EnglishPeriod | undefined {
    const { text } = this;
    const limit = Math.min(text.length, raw.end + ENGLISH_PERIOD_REACH);
    for (let index = raw.end; index < limit; index++) {
      const code = text.charCodeAt(index);
      // "doubled to 184,000 tonnes in the first half": a comma that groups digits ends no clause.
      // "71.4 billion U.S. dollars in the first half": an initial's dot ends no clause either.
      if (
        ENGLISH_CLAUSE_END.has(code) &&
        !(DIGITS.has(text.charCodeAt(index - 1)) && DIGITS.has(text.charCodeAt(index + 1))) &&
        !(code === FULL_STOP && isInitialDot(text, index))
      )
        return undefined;
      // "rose to 52 million tonnes from 48 million tonnes a year earlier": a period after the base is the base's.
      // "more than double the 3.9 gigawatts installed a year earlier": so is one after the level a multiple is of.
      if (
        (DIGITS.has(code) || code === DOLLAR) &&
        (BASE_FROM_BEFORE.test(text.slice(Math.max(raw.end, index - 12), index)) ||
          MULTIPLE_OF_THE.test(text.slice(Math.max(raw.end - 8, index - 12), index)))
      )
        return undefined;
      if (!isLatinLetter(code) || isLatinLetter(text.charCodeAt(index - 1))) continue;
      const found = englishPeriodAt(text, index, this.publication);
      if (found === undefined) continue;
      if (!isComparedBase(text, index, found)) return found;
      // "lower than in the same month last year": none of a base compared with (last year) dates the figure.
      index = found.end - 1;
    }
    return undefined;
  }

  private add(raw: RawFigure) {
    this.readPeriods(raw.start);
    const named = raw.english ? this.englishLabel(raw) : this.chineseLabel(raw);
    // "exports nearly tripled": the growth of what the clause names.
    if (raw.multiple === true && !CHANGE_WORD_END.test(named.label) && named.label !== raw.unit.unit)
      named.label = changeOf(named.label, 'growth');
    // "up 2.3 percentage points": a share or rate rises by points; it does not grow.
    if (raw.english && raw.unit.unit === POINTS) named.label = named.label.replace(GROWTH_END, ' rise');
    // "fell 0.4% in February from the previous month": a month-on-month change is a series apart from the
    // year-on-year one, and its label says so.
    if (raw.english && MONTH_ON_MONTH_AFTER.test(this.text.slice(raw.end, raw.end + ENGLISH_PERIOD_REACH)))
      named.label = named.label.replace(CHANGE_WORD_END, ' month-on-month $1');
    if (!raw.english) {
      const before = this.text.slice(Math.max(this.sentence.start, raw.start - CONTEXT_REACH), raw.start);
      if (before.includes(SINGLE_MONTH)) named.label = withSingleMonth(named.label);
      // 10月当月实现零售额: the month's own figure, apart from the running total; named 当月 as written. (The
      // includes spares most figures the pattern's scan of the window.)
      else if (before.includes(THIS_MONTH) && MONTH_OWN.test(before) && !named.label.startsWith(THIS_MONTH))
        named.label = THIS_MONTH + named.label;
      // …月租金占收入的比重平均为27.4%；其中，这一比重超过30%的受访者占48.6%: a referring word (这一) names the
      // measure before, not a bare 一比重.
      const referred = REFERRED.exec(named.label)?.[0];
      const previous = this.sentence.previousLabel;
      if (
        referred !== undefined &&
        previous !== undefined &&
        this.text.lastIndexOf(REFERRING + referred, raw.start) >= this.sentence.start
      )
        named.label = previous.replace(RESPONDENTS_OPENING, '') + named.label.slice(referred.length);
      // 通勤时间超过30分钟的占61.3%，超过60分钟的占14.8%: a bound alone is a bound of the measure the share before
      // bounded the same way.
      const bound = BOUND_OPENING.exec(named.label)?.[0];
      const bounded = bound === undefined ? undefined : this.sentence.previousLabel;
      if (bound !== undefined && bounded !== undefined) {
        const at = bounded.indexOf(bound);
        const measure = at < 2 ? '' : bounded.slice(0, at);
        if (!HAS_DIGIT.test(measure)) named.label = measure + named.label;
      }
      // 第一阶梯水价为…，第二、三阶梯分别为…: a tier named alone is priced in the measure of the tier before it.
      const measure = TIER_ONLY.test(named.label) ? measureOfTier(this.sentence.labels) : undefined;
      if (measure !== undefined) named.label += measure;
      // 秋粮已收获62%: a share of land worked is the work's progress (秋粮收获进度).
      if (raw.unit.unit === '%' && !named.growth) named.label = withProgress(named.label);
      // 水平为31.6%，提前实现“十四五”规划中30%的目标: a target reached, named after its figure, is the target of
      // what the sentence measured in its unit.
      const measured =
        TARGET_NAMED_AFTER.test(this.text.slice(raw.end, raw.end + TARGET_NAME_REACH)) &&
        TARGET_REACHED_BEFORE.test(this.text.slice(this.sentence.previousEnd, raw.start))
          ? this.lastOfUnit(raw.unit.unit)?.label
          : undefined;
      if (measured !== undefined && !measured.endsWith(TARGET)) named.label = measured + TARGET;
      // 在花费构成中，住宿、餐饮分别占31%、24%: each part's share of the whole whose make-up the sentence opened on.
      if (named.label.endsWith(SHARE_END) && named.label.length > SHARE_END.length) {
        const whole = COMPOSITION_FRAME.exec(this.text.slice(this.sentence.start, raw.start))?.[1];
        if (whole !== undefined && !named.label.includes(whole))
          named.label = `${named.label.slice(0, -SHARE_END.length)}占${whole}比例`;
      }
    }
    // "unemployment held at 4.3%": a level of unemployment in percent is its rate.
    if (raw.english && raw.unit.kind === 'percent' && !named.growth && UNEMPLOYMENT_END.test(named.label))
      named.label += ' rate';
    const growth =
      named.growth ||
      (raw.english &&
        (ENGLISH_CHANGE.test(named.label) ||
          YEAR_ON_YEAR_AFTER.test(this.text.slice(raw.end, raw.end + 20)))) ||
      (!raw.english &&
        COMPARED_LOWER_OR_HIGHER.test(
          this.text.slice(Math.max(this.sentence.previousEnd, raw.start - 16), raw.start),
        ));
    let { label, metric } = this.metrics.entry(named.label, raw.unit.unit);
    const kind: FigureKind = kindOf(raw, growth, {
      text: this.text,
      label,
      previous: this.previousRaw(),
    });
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
    if (!raw.english && raw.unitSource === undefined && isPricedPerWord(raw.unit, figure.surface))
      this.pricedPerWord.push(figure);
    let own = raw.english ? this.englishPeriodAfter(raw) : undefined;
    // "up from 47.9 percent last year": the base of a change, a year before the figure it is compared with.
    if (own?.lastYear === true && isComparedWith(this.text, raw.start)) own = { ...own, yearEarlier: true };
    // "slower than the 5.2 percent growth for 2023": a base compared with is dated by its own period, which
    // dates nothing after it.
    const comparedOwn = own !== undefined && !own.yearEarlier && isComparedWith(this.text, raw.start);
    // "plans to add 12,000 charging points by the end of 2025": a day still to come dates the figure it sets, not
    // the sentences after it.
    const deadline =
      own?.asOf !== undefined &&
      this.publishedDay !== undefined &&
      own.asOf > this.publishedDay &&
      BY_DEADLINE.test(this.text.slice(raw.end, own.end));
    if (deadline) this.beforeDeadline ??= { period: this.period, sentence: this.periodSentence };
    if (own !== undefined && !own.yearEarlier && !comparedOwn) this.locate(own.asOf);
    const earlier = this.sentence.yearEarlierFrom !== undefined || own?.yearEarlier === true;
    const planned = own === undefined ? this.plannedForYearOf(raw) : undefined;
    // "set its 2026 target at 5%, down from 5.5% last year": a base a year before the figure it is compared with.
    const comparedAsOf = own?.yearEarlier === true ? this.figures.at(-1)?.asOf : undefined;
    // 与一季度相比，比重由54.9%升至61.7%: the level it rose from is of the period compared with.
    const risenFrom =
      this.text.charCodeAt(raw.start - 1) === FROM && RISES_TO.test(this.text.slice(raw.end, raw.end + 4))
        ? this.sentence.comparedBase
        : undefined;
    // "budgeted 4.6 billion yuan … this year, 7% less than in 2024": a change set off right after the level it
    // changes is of that level's date.
    const level = this.figures.length > this.sentence.firstFigure ? this.figures.at(-1) : undefined;
    const apposedAsOf =
      raw.english &&
      named.growth &&
      level !== undefined &&
      label.startsWith(`${level.label} `) &&
      this.setOffByComma(raw)
        ? level.asOf
        : undefined;
    const asOf =
      this.sentence.nextFigureAsOf ??
      risenFrom ??
      apposedAsOf ??
      planned ??
      (comparedOwn ? own?.asOf : undefined) ??
      (earlier ? yearEarlier(comparedAsOf ?? this.currentAsOf()) : this.located());
    this.sentence.nextFigureAsOf = undefined;
    // 每10股派发现金红利3.5元: a rate per unit is a standard, not a quantity of the period.
    // …标准为每人每年380元: so is an amount stated per unit right before it, unless a standard per month or year
    // was raised in the period its own sentence gives (过去一年，…发放标准提高到每人每月200元).
    const unitBefore = this.text.slice(Math.max(0, raw.start - 12), raw.start);
    const perUnit =
      PER_UNIT_BEFORE.test(unitBefore) &&
      !(asOf !== undefined && STANDARD_RAISED_BEFORE.test(unitBefore) && !this.carriedPeriod(asOf));
    // 每月公共交通支出超过200元的受访者比例: a share of those a 每 phrase defines is of its date, no standard.
    const standard =
      (label.startsWith('每') && !DENSITY.test(named.label) && !SHARE_OF_DEFINED_ANY.test(label)) || perUnit;
    if (asOf !== undefined && !standard && this.dates(raw, asOf, planned)) figure.asOf = asOf;
    // 2023年…水平为31.6%，较2022年提升3.4个百分点: a base of the year before the figure's is the year-on-year
    // base written as a year; it only locates the figure (a base two years back stays).
    const yearAgo = withoutYearAgoBase(label, figure.asOf ?? this.publishedDay);
    if (yearAgo !== undefined) {
      ({ label, metric } = this.metrics.entry(yearAgo, raw.unit.unit));
      figure.label = label;
      figure.metric = metric;
    }
    // "widened to $8.1 billion from $6.4 billion": a base with no period of its own is the series at an earlier,
    // unstated time; it keeps a key apart from the level it is compared with.
    const before = this.figures.at(-1);
    if (
      raw.english &&
      own === undefined &&
      before?.metric === figure.metric &&
      before.asOf === figure.asOf &&
      BASE_FROM_BEFORE.test(this.text.slice(Math.max(this.sentence.previousEnd, raw.start - 12), raw.start))
    ) {
      const earlier = this.metrics.entry(`previous ${figure.label}`, figure.unit);
      figure.label = earlier.label;
      figure.metric = earlier.metric;
    }
    // Most figures have no warning: the list is made only for one that has.
    if (raw.unitSource !== undefined) figure.warnings = [UNIT_WARNINGS[raw.unitSource]];
    if (named.weak === true || label === figure.unit || label.length < 2) {
      figure.warnings ??= [];
      figure.warnings.push({
        code: 'weak-label',
        message: `“${label}” is not named by the figure's own words; check it`,
      });
    }
    this.figures.push(figure);
    this.widenings.push(this.widening(raw, named, label));
    // A period the figure took as its own (up from 47.9 percent last year) dates nothing after it.
    this.periodsRead = Math.max(raw.end, own?.end ?? 0);
    this.sentence.previousEnd = raw.end;
    this.sentence.previousLabel = label;
    // 对1850名租房青年的调查…，受访者平均月租金…: once the text calls its sample 受访者, its shares are of them.
    if (label.startsWith(RESPONDENTS) && this.population?.startsWith('受访') === true)
      this.population = RESPONDENTS;
    // 普通高校9所，在校学生…，毕业生…: the schools counted stay the subject of the measures named by them.
    const counted = this.sentence.previousCounted?.replace(SET_OUT, '');
    // …每家面积…，总投入…: a measure of each one leaves the things counted the subject of the measures after.
    if ((counted === undefined || label === counted || !label.startsWith(counted)) && !PER_EACH.test(label))
      this.sentence.previousCounted = raw.unit.counter ? label : undefined;
    if (raw.unit.counter) this.sentence.firstCounted ??= label;
    this.sentence.previousNoun = named.noun;
    if (raw.unit.counter && named.noun !== undefined && named.noun !== '')
      this.sentence.countedBy.set(raw.unit.unit, isTask(named.noun) ? taskThing(named.noun) : named.noun);
    if (raw.english && raw.unit.kind === 'count' && raw.unitPhrase !== undefined)
      this.countedPhrase = raw.unitPhrase;
    this.sentence.labels.push(label);
  }

  /**
   * Whether `asOf` may date the figure. Not when the clause reports it done (已完成76公里, 完成率63.3%) and the day
   * is still to come: what is done is of now. Not for an amount per single item (单个项目奖励100万元), a standard.
   * Not for a price when the period was set by an earlier sentence and no day holds: a price is a level of a
   * moment, which the window of a flow before it does not locate.
   */
  private dates(raw: RawFigure, asOf: string, planned: string | undefined): boolean {
    if (raw.english) {
      const price =
        PER_QUANTITY.test(raw.unit.unit) || PER_QUANTITY_AFTER.test(this.text.slice(raw.end, raw.end + 16));
      return !(raw.unit.kind === 'money' && price && this.carriedPeriod(asOf));
    }
    const clause = this.text.slice(Math.max(this.sentence.previousEnd, raw.start - 24), raw.start);
    const ownClause = clause.slice(Math.max(clause.lastIndexOf('，'), clause.lastIndexOf(',')) + 1);
    if (PER_ITEM_IN_CLAUSE.test(ownClause) && !ownClause.includes(AVERAGE_WORD)) return false;
    if (
      planned === undefined &&
      this.publishedDay !== undefined &&
      asOf > this.publishedDay &&
      DONE_IN_CLAUSE.test(clause) &&
      !PLAN_IN_CLAUSE.test(clause)
    )
      return false;
    const price =
      raw.unit.kind === 'money' && (PER_QUANTITY.test(raw.unit.unit) || PRICE_IN_CLAUSE.test(ownClause));
    if (price && this.carriedPeriod(asOf)) return false;
    // 2024年，…参保人数达到28.64万人。全县领取待遇人员9.3万人 (in October): a year still under way, carried from the
    // sentence before, locates only what a later sentence plans (力争引进…25个); a level stated is of now.
    // A year's bulletin published in its last month (12月20日) reports the year, which is all but over.
    const ahead =
      this.publishedDay !== undefined &&
      asOf > this.publishedDay &&
      !(
        asOf.endsWith(YEAR_END) &&
        this.publication?.month === 12 &&
        asOf.startsWith(String(this.publication.year))
      );
    const sentenceSoFar = this.text.slice(
      Math.max(this.sentence.start, raw.start - CONTEXT_REACH),
      raw.start,
    );
    // 上半年…；预计9月开学前可再提供学位480个: what a clause foresees is not of a period already past.
    // The share of those asked who foresee something (预计营业收入增长的企业占六成以上) is of the survey all the same.
    if (
      this.publishedDay !== undefined &&
      asOf <= this.publishedDay &&
      FORESEEN_IN_CLAUSE.test(ownClause) &&
      !(raw.unit.kind === 'percent' && asOf === this.fieldwork)
    )
      return false;
    // 上半年，…。全县建成养老服务点43个，覆盖率超过六成: a stock or a capacity stated after the window of a part of
    // the year that an earlier sentence gave is a level of now. A year's end dates a stock as it does the flows,
    // and a survey's fieldwork what those asked have (受访者平均租住面积).
    if (
      !asOf.endsWith(YEAR_END) &&
      asOf !== this.fieldwork &&
      this.carriedPeriod(asOf) &&
      STOCK_IN_SENTENCE.test(sentenceSoFar)
    )
      return false;
    // 其中，秋粮产量…: a part of the total the sentence before gave keeps its period.
    return !(
      ahead &&
      planned === undefined &&
      this.carriedPeriod(asOf) &&
      !PLAN_IN_CLAUSE.test(sentenceSoFar) &&
      !this.plannedPeriod() &&
      !this.text.startsWith(OF_WHICH, this.sentence.start)
    );
  }

  /**
   * 2025年全县地区生产总值预期增长6%左右…。卫生方面，新建村卫生室26个: a year still to come that a sentence of
   * targets set dates the targets of the sentences after it, which need not repeat the plan word.
   */
  private plannedPeriod(): boolean {
    const from = this.periodSentence;
    if (from < 0 || this.period?.endsWith('-12-31') !== true) return false;
    return TARGETS_SET.test(this.text.slice(from, Math.min(this.sentence.start, from + CONTEXT_REACH)));
  }

  /** Whether `asOf` is the paragraph's period, set by a sentence before this one, with no day or 截至 date. */
  private carriedPeriod(asOf: string): boolean {
    return (
      this.day === undefined &&
      this.sentence.until === undefined &&
      this.sentence.nextFigureAsOf === undefined &&
      asOf === this.period &&
      this.periodSentence < this.sentence.start
    );
  }

  /** The figure before in the same sentence, for the kind of one that continues it. */
  private previousRaw(): { end: number; unit: string; kind: FigureKind } | undefined {
    const last = this.figures.at(-1);
    if (last === undefined || this.figures.length <= this.sentence.firstFigure) return undefined;
    return { end: last.offset + last.length, unit: last.unit, kind: last.kind };
  }

  /** The last day of the year under way when the figure is planned or foreseen for it, else undefined. */
  private plannedForYearOf(raw: RawFigure): string | undefined {
    if (this.publication === undefined) return undefined;
    // "plans to add 1,200 beds by 2026": a target set for the end of the year it names.
    const deadline = raw.english ? this.englishDeadlineOf(raw) : undefined;
    if (deadline !== undefined) return deadline;
    // "set its 2026 growth target at around 5%": a target for the year its name holds.
    const targetYear = raw.english
      ? YEAR_TARGET_BEFORE.exec(englishClauseBefore(this.text, raw.start, this.sentence.previousEnd))?.[1]
      : undefined;
    if (targetYear !== undefined) return `${targetYear}-12-31`;
    const planned = raw.english ? this.isForecastForYear(raw) : this.isPlannedForYear(raw);
    return planned ? `${this.publication.year}-12-31` : undefined;
  }

  /** "plans to add 12 rail cars by 2027": the end of the year a forecast or plan in the figure's clause names. */
  private englishDeadlineOf(raw: RawFigure): string | undefined {
    const deadline = ENGLISH_DEADLINE_AFTER.exec(this.text.slice(raw.end, raw.end + ENGLISH_PERIOD_REACH));
    if (deadline?.[1] === undefined) return undefined;
    const before = englishClauseBefore(this.text, raw.start, this.sentence.previousEnd);
    return FORECAST_BEFORE.test(before) ? `${deadline[1]}-12-31` : undefined;
  }

  /**
   * "expects to exceed 23 million passengers this year", "expects full-year volume to exceed…": a forecast for the
   * year under way. Only a forecast before the figure counts: in "61.8 percent expect sales to rise this year" the
   * figure is a share of those asked, of now.
   */
  private isForecastForYear(raw: RawFigure): boolean {
    const clause = englishClauseBefore(this.text, raw.start, this.sentence.previousEnd);
    // "plans to add 1,200 beds by 2026 and to train 300 doctors this year": an infinitive joined to a plan's is
    // planned too.
    const before = JOINED_INFINITIVE_AT_END.test(clause)
      ? this.text.slice(Math.max(this.sentence.start, raw.start - CONTEXT_REACH), raw.start)
      : clause;
    if (!FORECAST_BEFORE.test(before)) return false;
    const after = this.text.slice(raw.end, raw.end + ENGLISH_PERIOD_REACH);
    const clauseAfter = after.slice(0, after.search(/[,;.]|$/));
    return YEAR_UNDER_WAY.test(before) || YEAR_UNDER_WAY.test(clauseAfter);
  }

  /**
   * 截至8月底，今年4.2万亩高标准农田建设任务已完成2.52万亩: the task of the year is of the year's last day, though
   * what was done of it by then is of the day. So is what is foreseen within the year (预计年内…将突破800部).
   */
  private isPlannedForYear(raw: RawFigure): boolean {
    const task =
      this.text.endsWith(THIS_YEAR, raw.start) &&
      YEARS_TASK_AFTER.test(this.text.slice(raw.end, raw.end + YEAR_PLAN_REACH));
    const before = this.text.slice(
      Math.max(this.sentence.previousEnd, raw.start - YEAR_PLAN_REACH),
      raw.start,
    );
    // 已完成全年下降3%的目标: the year's target, named after its figure.
    const target =
      YEARS_TARGET_NAMED_AFTER.test(this.text.slice(raw.end, raw.end + 4)) &&
      WHOLE_YEAR_IN_CLAUSE.test(before);
    // Every form of the pattern holds 年 (年内, 年底前, 年末前): a window without it is spared the pattern's scan.
    return task || target || (before.includes('年') && WITHIN_YEAR_FORESEEN.test(before));
  }

  /** The as-of of the sentence's figures so far: its period, its 截至 date, else the day of publication. */
  private currentAsOf(): string {
    return this.located() ?? this.sentence.until ?? this.publishedDay ?? '';
  }

  private englishLabel(raw: RawFigure): Named {
    const { sentence, text } = this;
    const clause = englishClauseBefore(text, raw.start, sentence.previousEnd);
    if (sentence.distributed !== undefined && ENGLISH_CONNECTOR_ONLY.test(clause)) {
      const { labels, next, growth } = sentence.distributed;
      sentence.distributed.next = next + 1;
      return { label: labels[Math.min(next, labels.length - 1)] ?? '', growth };
    }
    if (raw.unit.kind === 'percent' || raw.unit.unit === 'percentage points') {
      const sized = changeNamedAfter(clause, text, raw.end);
      if (sized !== undefined) return { label: sized, growth: true };
      const target = raw.unit.kind === 'percent' ? targetMeasureAfter(clause, text, raw.end) : undefined;
      if (target !== undefined) return { label: target, growth: false };
    }
    // "303 days of good air quality", "three days of heavy pollution, down from nine days": days counted are named
    // by the weather or air they had; a base compared with them is of the days counted before.
    if (raw.unitPhrase === 'days' && raw.unit.kind === 'count') {
      const condition = COUNTED_DAY_CONDITION.exec(text.slice(raw.end, raw.end + 64));
      const counted = this.figures.findLast((figure) => figure.unit === 'days' && figure.kind === 'count');
      if (condition !== null) return { label: `days${condition[0]}`.toLowerCase(), growth: false };
      if (counted !== undefined) return { label: counted.label, growth: false };
    }
    // "grew 8.9%, beating the provincial average of 6.1%": the same measure over the wider area the average is of.
    const scope = AVERAGE_OF_END.exec(clause)?.[1]?.toLowerCase();
    const measured = this.figures.length > sentence.firstFigure ? this.figures.at(-1) : undefined;
    if (scope !== undefined && measured !== undefined && measured.unit === raw.unit.unit) {
      const change = CHANGE_WORD_END.exec(measured.label)?.[1];
      const core = measured.label.replace(CHANGE_WORD_END, '').replace(GROUP_AFTER_MEASURE, '');
      return {
        label: `${scope} ${core}${change === undefined ? '' : ` ${change}`}`,
        growth: change !== undefined,
      };
    }
    // "Early spring tea is selling for 1,200 yuan": what a thing sells or trades for is its price.
    const sold = raw.unit.kind === 'money' ? SOLD_FOR_END.exec(clause) : null;
    const goods = sold === null ? '' : englishLabelBefore(clause.slice(0, sold.index), this.region).label;
    if (goods !== '') return { label: measureOfSubject(goods, 'price'), growth: false };
    const extent = extentOf(clause, this.region, raw.unit);
    if (extent !== undefined) return { label: extent, growth: false };
    const multiple = raw.unit.unit === 'times' ? this.multipleNamed(raw, clause) : undefined;
    if (multiple !== undefined) return { label: multiple, growth: false };
    // "Sales totalled 6,850 units, a 17.3% decline": a change set off after a level is the change of that level.
    const apposed = APPOSED_CHANGE.exec(text.slice(raw.end, raw.end + 16));
    const level = this.figures.length > sentence.firstFigure ? this.figures.at(-1) : undefined;
    // "added 38,600 jobs, a 3.1% increase": a change of a flow is the change of the stock it added to, left alone.
    if (
      apposed !== null &&
      ARTICLE_ONLY.test(clause) &&
      level !== undefined &&
      level.kind !== 'growth_rate' &&
      !MEASURED_FLOW.test(level.label)
    )
      return { label: changeOf(level.label, apposed[1] === undefined ? 'decline' : 'growth'), growth: true };
    const statistic = statisticMeasure(
      clause,
      text,
      raw.end,
      { kind: raw.unit.kind, unit: raw.unit.unit, phrase: raw.unitPhrase },
      level?.unit === raw.unit.unit && level.kind !== 'growth_rate' ? level.label : undefined,
    );
    if (statistic !== undefined) return { label: statistic, growth: false };
    const carried = this.shareCarriedBy(raw, clause);
    if (carried !== undefined) return { label: carried, growth: false };
    // "to bring PM2.5 below 30 micrograms": the bound word stands in the figure's span, not in its clause.
    const bounded = UPPER_BOUND_OPENING.test(text.slice(raw.start, raw.start + 6))
      ? `${clause}below `
      : clause;
    const cut = OBJECT_CUT_TO.exec(bounded);
    const cutObject = cut?.[1]?.toLowerCase();
    if (cut !== null && cutObject !== undefined && !NOT_A_CUT_OBJECT.test(cutObject)) {
      // "aims to raise GDP to … and to bring NO2 below …": an infinitive the sentence's aim governs.
      const aimed =
        AIM_TO_END.test(bounded.slice(0, cut.index)) ||
        (JOINED_INFINITIVE_END.test(bounded.slice(0, cut.index)) &&
          AIMS.test(text.slice(Math.max(sentence.start, raw.start - CONTEXT_REACH), raw.start)));
      // "cut minimum down payments for first-time buyers to 15%": a rate set in percent is one value, named in the
      // singular.
      const named = raw.unit.kind === 'percent' ? cutObject.replace(PLURAL_RATE, '$1') : cutObject;
      return { label: aimed ? `${named} target` : named, growth: false };
    }
    const last = this.figures.length > sentence.firstFigure ? this.figures.at(-1) : undefined;
    // "added 8.6 gigawatts …, more than double the 3.9 gigawatts installed a year earlier": the same measure.
    if (last !== undefined && last.unit === raw.unit.unit && MULTIPLE_OF_THE.test(clause))
      return { label: last.label, growth: false };
    // "issued 310 million yuan in job subsidies to 2,600 companies": the companies receiving them; so "subsidies
    // of 186 million yuan were paid to 74,000 people".
    if (
      last?.kind === 'money' &&
      raw.unit.kind === 'count' &&
      raw.unitPhrase !== undefined &&
      (GIVEN_TO.test(clause) || GIVEN_PASSIVE.test(clause))
    ) {
      const given = last.label.replace(GIVEN_END, '');
      return { label: `${countedOf(raw.unitPhrase, text, raw.end)} receiving ${given}`, growth: false };
    }
    const previous = sentence.previousLabel?.replace(CHANGE_WORD_END, '').replace(GROWTH_PREFIX, '');
    const expected = this.expectedMeasure(raw, clause);
    if (expected !== undefined) return { label: expected, growth: CHANGE_WORD_END.test(expected) };
    // "NEV exports nearly tripled": before a multiple, which is the verb, a present tense is a noun.
    const subjectClause = this.subjectAcrossFigure(this.antecedentOfThose(clause, raw.start), raw.start);
    const before = englishLabelBefore(
      this.beyondAside(subjectClause, raw.start),
      this.region,
      raw.multiple !== true,
    );
    // "58% of journeys in March, against 49% a year earlier": a level compared with the one before in its unit is
    // of that series, at the base's own date.
    if (AGAINST_ONLY.test(clause) && last !== undefined && last.unit === raw.unit.unit)
      return { label: last.label, growth: last.kind === 'growth_rate' };
    // "Output seen down 5%": a headline's "seen" is a forecast, named as expected.
    const seen = before.growth ? SEEN_CHANGE.exec(before.label) : null;
    if (seen !== null) return { label: `expected ${seen[1]} ${seen[2]}`, growth: true };
    const change = DECLINE_BEFORE.test(clause) ? 'decline' : 'growth';
    const respective = before.growth ? respectiveLabels(clause, change, text, raw.end) : undefined;
    if (respective !== undefined) {
      sentence.distributed = { labels: respective, next: 1, growth: true };
      return { label: respective[0] ?? before.label, growth: true };
    }
    // "Second-hand transactions were a bright spot, rising 23%": a change participle with no figure before it in
    // its sentence changes the subject of the linked clause before it.
    const participleChange = previous === undefined ? changeParticiple(clause.trim()) : undefined;
    if (participleChange !== undefined) {
      const linked = LINKED_SUBJECT.exec(
        englishClauseBefore(text, raw.start - clause.length - 1, sentence.start),
      )?.[1];
      const subject = linked === undefined ? '' : englishLabelBefore(linked, this.region).label;
      if (subject !== '') return { label: changeOf(subject, participleChange), growth: true };
    }
    if (
      raw.unit.kind === 'percent' &&
      COMPARED_RATE_BEFORE.test(clause) &&
      sentence.previousLabel !== undefined &&
      CHANGE_WORD_END.test(sentence.previousLabel)
    )
      return { label: sentence.previousLabel, growth: true };
    // "…3.3 million tourists, 42 percent of them from Asia": a part of what was just counted.
    const part =
      raw.unit.kind === 'percent' && previous !== undefined ? partOfThem(text, raw.end) : undefined;
    if (part !== undefined) return { label: `share of ${previous} ${part}`, growth: false };
    // "…$40 million, roughly a fifth of the total", "…sold grain, contributing 35 percent of the county's harvest":
    // a share of what the figure before measured, or of the subject of the clause the participle follows.
    const afterFigure = this.figures.length > sentence.firstFigure;
    if (
      raw.unit.kind === 'percent' &&
      previous !== undefined &&
      afterFigure &&
      (APPOSITIVE.test(text.slice(sentence.previousEnd, raw.start)) ||
        // "…1.3 million people at the end of December, roughly 38% of the city's workforce": so after the
        // figure's own phrase of time or place, when nothing but the comma opens the share.
        this.setOffByComma(raw) ||
        SHARE_PARTICIPLE.test(clause) ||
        OR_RESTATED.test(clause))
    ) {
      const whole = shareWholeAfter(text, raw.end);
      // "303 days of good air quality, or 82.8% of the year": the share of days that had it.
      const daysHad = whole === 'year' ? COUNTED_DAYS_LABEL.exec(previous)?.[1] : undefined;
      if (daysHad !== undefined) return { label: `share of days with ${daysHad}`, growth: false };
      // "9,200 private firms reported export activity, contributing…": the firms the count's label opens with.
      const counted = this.countedPhrase;
      // "Public safety will receive $610 million, roughly a quarter of the total": the share is public safety's.
      const owner =
        counted !== undefined && previous.startsWith(`${counted} `)
          ? counted
          : previous.replace(ALLOCATION_END, '');
      if (whole !== undefined)
        return { label: whole === '' ? `${owner} share` : `${owner} share of ${whole}`, growth: false };
    }
    const passive = raw.unit.kind === 'percent' ? passiveShare(clause, text, raw.end) : undefined;
    if (passive !== undefined) return { label: passive, growth: false };
    // "Outbound boxes made up 57.2 percent": a share, whatever change word its verb holds.
    const accounted =
      raw.unit.kind === 'percent'
        ? accountedShare(clause, this.region, text, raw.end, this.countedPhrase, previous)
        : undefined;
    if (accounted !== undefined) return { label: accounted, growth: false };
    // "rose 0.94 percentage points to 66.16 percent": the rate the change in points led to is its level.
    const afterPoints = this.figures[this.figures.length - 1]?.unit === 'percentage points';
    if (before.leadsTo && previous !== undefined && afterPoints && raw.unit.kind === 'percent')
      return { label: previous, growth: false };
    if (raw.unit.kind === 'percent' && !before.growth) {
      const share = this.respondentShare(raw, before.label);
      if (share !== undefined) return { label: share, growth: false };
      // "slowing from 4.5 percent in the first quarter": the rate the sentence measured before, even when a level
      // came between (rose 4.4% to 451 billion yuan, quickening from 4.1%).
      const rate =
        before.label !== ''
          ? undefined
          : PACE_FROM.test(clause)
            ? this.lastGrowthOfSentence()
            : sentence.previousLabel;
      if (rate?.endsWith(' growth') === true) return { label: rate, growth: true };
    }
    // "The share of firms planning to expand hiring": who the survey's shares are of.
    const sharedBy = /^share of (\w+)/.exec(before.label)?.[1];
    if (sharedBy !== undefined) this.population = sharedBy;
    // "rose 12% to $4.29 billion": the level the growth led to; "slowing from 4.5 percent": the growth before.
    if (before.leadsTo && previous !== undefined) {
      return raw.unit.kind === 'percent' && sentence.previousLabel !== undefined
        ? { label: sentence.previousLabel, growth: true }
        : { label: previous, growth: false };
    }
    // "A survey of 1,520 companies", "a poll of 1,800 commuters": the sample.
    if (/(?:survey|poll)$/.test(before.label) && raw.unitPhrase !== undefined) {
      this.population = raw.unitPhrase;
      return { label: `surveyed ${raw.unitPhrase}`, growth: false };
    }
    if (WORTH_ONLY.test(clause) && previous !== undefined)
      return { label: `value of ${previous}`, growth: false };
    // "About 3,400 households are expected to receive rent assistance": a count opening its sentence.
    // "1,500 firms and 60,000 workers joined…": so does a second count joined to the first.
    const joinedToOpening =
      JOINED_ONLY.test(text.slice(sentence.previousEnd, raw.start)) &&
      this.figures.length === sentence.firstFigure + 1;
    const opensSentence =
      (clause.trim() === '' && this.figures.length === sentence.firstFigure) || joinedToOpening;
    if (opensSentence && raw.unit.kind === 'count' && raw.unitPhrase !== undefined) {
      const doing = countedSubjectDoing(raw.unitPhrase, text, raw.end);
      if (doing !== undefined) return { label: doing, growth: false };
    }
    const planned = raw.unit.kind === 'count' ? this.plannedObject(raw, clause) : undefined;
    if (planned !== undefined) return { label: planned, growth: false };
    if (
      raw.unitPhrase !== undefined &&
      PEOPLE.test(raw.unitPhrase) &&
      PLACE_OF_PEOPLE.test(clause) &&
      !NOT_A_PLACE.test(clause)
    )
      return { label: 'population', growth: false };
    const pointsBack = TOTAL_ONLY.test(before.label) || BRINGING_ITS_WHOLE.test(clause);
    if (pointsBack && this.countedPhrase !== undefined && raw.unitPhrase !== undefined) {
      const unitNoun = raw.unitPhrase.split(' ').at(-1) ?? '';
      // "opened 5 new routes, bringing its total to 60 routes": the total is of all routes, not the new ones.
      if (this.countedPhrase.endsWith(unitNoun))
        return { label: withoutNew(this.countedPhrase), growth: false };
    }
    // "fulfilling 57 percent of its annual target of 120,000": the target of what the sentence counted before.
    const targetOf = previous?.includes(' share') === true ? this.countedPhrase : sentence.previousLabel;
    if (TARGET_ONLY.test(before.label) && targetOf !== undefined)
      return { label: `${targetOf} target`, growth: false };
    // "plans to spend 2.2 billion yuan on emission controls": an infinitive's spending is named by what it is on.
    const plannedSpending =
      raw.unit.kind === 'money' && SPEND_INFINITIVE_END.test(clause) ? spendingOn(text, raw.end) : undefined;
    if (plannedSpending !== undefined) return { label: plannedSpending, growth: false };
    if (before.label !== '' && !before.objectFollows) return before;
    // "4.2 hours shorter than a year earlier", "300 more than a year ago": a change of what was measured before.
    const changeAfter = CHANGE_AFTER.exec(text.slice(raw.end, raw.end + 16));
    if (changeAfter !== null && before.label === '' && previous !== undefined) {
      // "two minutes less than in March": a base other than a year earlier names its own series.
      const month = THAN_MONTH.exec(text.slice(raw.end, raw.end + 40))?.[1]?.toLowerCase();
      const base = month === undefined ? '' : ` from ${month}`;
      // "about 60,000 more than a year before": more of a count is an increase, as readers write it; a rate grows.
      const rise = raw.unit.kind === 'count' ? 'increase' : 'growth';
      return {
        label: `${changeOf(previous, changeAfter[1] === undefined ? 'decline' : rise)}${base}`,
        growth: true,
      };
    }
    // "Wind farms generated 3.2 billion kilowatt-hours of electricity": the source's power generation.
    const generation = generationOf(before.label, before.verb, raw.unit.unit);
    if (generation !== undefined) return { label: generation, growth: false };
    // "attracted $4.29 billion in foreign investment": a measured amount names what it is of after it.
    const money = raw.unit.kind === 'money';
    const object =
      (before.objectFollows || (money && before.label === '' && OWNER_AT_END.test(clause))) &&
      raw.unit.kind !== 'count'
        ? (englishObjectAfter(this.text, raw.end, money) ??
          (money ? fundingFor(this.text, raw.end) : undefined))
        : undefined;
    // "handled 56 million tonnes of coal": what a measuring verb's amount is of, named with the verb (coal handled).
    // "harvested 3.2 million hectares of rice": an area a farming verb worked is that verb's area of the crop.
    if (object !== undefined && raw.unit.kind === 'area' && FARMED.test(before.verb ?? ''))
      return { label: `${object} ${before.verb} area`, growth: before.growth };
    // "harvested 8.64 million tonnes of grain": what a harvest brought in is the crop's harvest.
    if (object !== undefined && raw.unit.kind === 'volume' && before.verb === 'harvested')
      return { label: `${object} harvest`, growth: before.growth };
    if (object !== undefined)
      return { label: measuredObject(before.verb, object, text, raw.end) ?? object, growth: before.growth };
    // "…, up 8.5% from a year earlier": the growth of what the sentence measured before; "down 0.1 points from
    // February": a decline from another base, which names its own series.
    const countsSomething = raw.unitPhrase !== undefined && raw.unit.kind === 'count';
    if (before.growth && !countsSomething && previous !== undefined) {
      return { label: `${changeOf(previous, change)}${baseAfter(text, raw.end) ?? ''}`, growth: true };
    }
    // "5,640 units of affordable rental housing": a counting word is named by what it counts.
    const countedNoun = countsSomething ? countedOf(raw.unitPhrase ?? '', text, raw.end) : undefined;
    // "Manufacturing employed 1.3 million people": the people a sector employs are its employment.
    const employment =
      before.verb === 'employed' && before.label !== '' && EMPLOYED_NOUNS.test(countedNoun ?? '')
        ? measureOfSubject(before.label, 'employment')
        : undefined;
    const counted =
      countedNoun === undefined
        ? undefined
        : (employment ??
          measuredObject(before.verb, countedNoun, text, raw.end) ??
          this.workDone(before.verb, countedNoun, raw.unit.unit) ??
          countedNoun);
    // "Freight rates on the route to Frankfurt averaged $3.85": with no object after it, the subject names it.
    const subject = before.label === '' ? undefined : before.label;
    const spending = money && subject !== undefined ? moneyMeasureOf(subject, before.verb) : undefined;
    // "expects throughput to exceed 560 million tonnes, compared with 541.2 million tonnes in 2024": what the
    // forecast is compared with was no forecast.
    const compared =
      previous !== undefined && COMPARED_ONLY.test(clause)
        ? previous.replace(EXPECTED_OPENING, '')
        : previous;
    // "upgraded 1,260 centers and spent 4.6 billion yuan on medical equipment": with no subject of its own, what
    // the money was spent on names it, not the figure before.
    const spentOn =
      money && subject === undefined && SPENT.test(before.verb ?? '') ? spendingOn(text, raw.end) : undefined;
    const named = counted ?? spending ?? spentOn ?? subject ?? compared;
    if (named !== undefined) return { label: named, growth: before.growth };
    // "The bureau aims for 1.5 GW by 2025": an aim with nothing named is the target of the brief's last level in
    // that unit, not the bare unit.
    const aimed = AIMS.test(clause) ? this.lastLevelIn(raw.unit.unit) : undefined;
    return { label: aimed === undefined ? raw.unit.unit : `${aimed} target`, growth: before.growth };
  }

  /**
   * "the city completed 9,850 units", "renovated 64 communities": a bare noun done by a verb of work is named by the
   * work and what it was done to; a bare counting word (units) by what the brief's last count in it counted.
   */
  private workDone(verb: string | undefined, noun: string, unit: string): string | undefined {
    if (verb === undefined || !WORK_VERBS.test(verb) || noun.includes(' ')) return undefined;
    const counted = COUNTING_WORD.test(noun)
      ? this.lastLevelIn(unit)?.replace(PLANNED_OPENING, '').replace(TARGET_END, '')
      : noun;
    return counted === undefined ? undefined : `${verb} ${counted}`;
  }

  /**
   * "rail carried one in five containers leaving the port" → share of containers carried by rail: a share written as
   * "one in N" after a subject and its past verb is of the noun after it, done by the subject.
   */
  private shareCarriedBy(raw: RawFigure, clause: string): string | undefined {
    if (raw.unit.kind !== 'percent' || !ONE_IN_N.test(this.text.slice(raw.start, raw.end))) return undefined;
    const verb = PAST_VERB_AT_END.exec(clause)?.[1]?.toLowerCase();
    if (verb === undefined) return undefined;
    const subject = clause.slice(0, clause.length - verb.length - 1).replace(CLAUSE_CONJUNCTION, '');
    const doer = englishLabelBefore(subject, this.region).label;
    const noun = COUNTED_NOUN_AFTER.exec(this.text.slice(raw.end, raw.end + 32))?.[1]?.toLowerCase();
    if (doer === '' || doer.includes(' share') || noun === undefined) return undefined;
    return `share of ${noun} ${verb} by ${doer}`;
  }

  /**
   * "the sale was 3.4 times oversubscribed" → sale oversubscription, "trades at 11.8 times forward earnings" →
   * forward price-to-earnings ratio: a multiple named by the words after it; undefined for any other.
   */
  private multipleNamed(raw: RawFigure, clause: string): string | undefined {
    const match = MULTIPLE_NAMED_AFTER.exec(this.text.slice(raw.end, raw.end + 24));
    if (match === null) return undefined;
    const [, oversubscribed, horizon = ''] = match;
    if (oversubscribed === undefined) return `${horizon}price-to-earnings ratio`;
    const subject = englishLabelBefore(clause, this.region).label;
    return subject === '' ? 'oversubscription' : `${subject} oversubscription`;
  }

  /** Whether only a comma stands before the figure in its clause (…, roughly 38% of the workforce). */
  private setOffByComma(raw: RawFigure): boolean {
    const clause = englishClauseBefore(this.text, raw.start, this.sentence.previousEnd);
    return clause.trim() === '' && this.text.charCodeAt(raw.start - clause.length - 1) === LATIN_COMMA;
  }

  /** The label of the sentence's last growth (not a decline), undefined when it measured none. */
  private lastGrowthOfSentence(): string | undefined {
    const { firstFigure } = this.sentence;
    const last = this.figures.findLast(
      (figure, at) => at >= firstFigure && figure.kind === 'growth_rate' && GROWTH_END.test(figure.label),
    );
    return last?.label;
  }

  /** The label of the brief's last level (no change) in `unit`, when it names more than the unit. */
  private lastLevelIn(unit: string): string | undefined {
    const level = this.figures.findLast(
      (figure) => figure.unit === unit && figure.kind !== 'growth_rate' && figure.label !== unit,
    );
    return level?.label.replace(EXPECTED_OPENING, '');
  }

  /**
   * "plans to add 300 school places" → planned school places, "aims to create 5,000 new jobs" → new jobs target: a
   * counted object of an infinitive that a plan or an aim of the sentence governs (also after "and to hire").
   */
  private plannedObject(raw: RawFigure, clause: string): string | undefined {
    if (raw.unitPhrase === undefined || !INFINITIVE_AT_END.test(clause)) return undefined;
    const sentence = this.text.slice(Math.max(this.sentence.start, raw.start - CONTEXT_REACH), raw.start);
    const headline = HEADLINE_INFINITIVE.test(clause) && sentence.trim() === clause.trim();
    const aim = AIMS.test(sentence);
    if (!aim && !headline && !PLANS.test(sentence)) return undefined;
    const counted = countedOf(raw.unitPhrase, this.text, raw.end);
    return aim ? `${counted} target` : `planned ${counted}`;
  }

  /**
   * "Shipments to Europe fell 8%, while those to Asia doubled": "those" stands for the noun the sentence gave the
   * same preposition before (shipments to Asia).
   */
  private antecedentOfThose(clause: string, start: number): string {
    const those = THOSE_WITH_PREPOSITION.exec(clause);
    if (those === null) return clause;
    const preposition = those[1] ?? '';
    const earlier = this.text.slice(this.sentence.start, start - clause.length);
    const match = new RegExp(`(?:^|[\\s,;])([A-Za-z-]+) ${preposition} `).exec(earlier);
    const noun = match?.[1]?.toLowerCase();
    if (noun === undefined || NOT_AN_ANTECEDENT.test(noun)) return clause;
    return `${clause.slice(0, those.index)}${those[0].replace(/^(\W*)those/i, `$1${noun}`)}${clause.slice(those.index + those[0].length)}`;
  }

  /**
   * "Average waiting time at the city's 14 hospitals fell to 18 minutes": when a figure stands inside the subject,
   * the clause after it holds only the verb; the subject is read across that figure.
   */
  private subjectAcrossFigure(clause: string, start: number): string {
    if (!VERB_ONLY.test(clause) || this.sentence.previousEnd !== start - clause.length) return clause;
    const previousFigure = this.figures[this.figures.length - 1];
    if (previousFigure === undefined || this.figures.length === this.sentence.firstFigure) return clause;
    const figureStart = start - clause.length - previousFigure.surface.length;
    if (!this.text.startsWith(previousFigure.surface, figureStart)) return clause;
    const opening = englishClauseBefore(this.text, figureStart, this.sentence.start);
    // Only a figure inside a subject after a preposition of where it was measured (at the city's 14 hospitals).
    if (!OWNED_PLACE_END.test(opening)) return clause;
    return `${opening}${previousFigure.surface}${clause}`;
  }

  /**
   * "The port expects full-year volume to exceed 8.5 million containers": a forecast names what it expects.
   */
  private expectedMeasure(raw: RawFigure, clause: string): string | undefined {
    const match = EXPECTS_MEASURE.exec(clause);
    if (match === null) return undefined;
    const measure = match[1]?.toLowerCase();
    // "expects spring output to fall 5%": the change a forecast sizes is of the expected measure.
    const change = match[2] !== undefined ? ' growth' : match[3] !== undefined ? ' decline' : '';
    if (measure !== undefined && change !== '' && raw.unit.kind !== 'percent') return undefined;
    if (measure !== undefined) return `expected ${measure}${change}`;
    return raw.unitPhrase === undefined || raw.unit.kind !== 'count'
      ? undefined
      : `expected ${countedFrom(raw.unitPhrase, this.text, raw.end)}`;
  }

  /** "The jobless rate for people aged 16 to 24, excluding students, was": the subject before the aside. */
  private beyondAside(clause: string, start: number): string {
    if (!LINK_ONLY.test(clause)) return clause;
    const asideEnd = start - clause.length - 1;
    const aside = englishClauseBefore(this.text, asideEnd, this.sentence.previousEnd);
    if (!ASIDE.test(aside)) return clause;
    return `${englishClauseBefore(this.text, asideEnd - aside.length - 1, this.sentence.previousEnd)} ${clause}`;
  }

  /** "61.8 percent of them expect…", "while 12.4 percent expect a decline": a share of the respondents. */
  private respondentShare(raw: RawFigure, before: string): string | undefined {
    if (before !== '' && !RESPONDENT_OPENERS.test(before)) return undefined;
    const share = respondentShare(this.text, raw.end, this.population, this.region);
    if (share !== undefined) this.population = share.population;
    return share?.label;
  }

  private chineseLabel(raw: RawFigure): Named {
    const { sentence, text } = this;
    const clause = ownListItem(clauseBefore(text, raw.start, sentence.previousEnd));
    // 去年同期为4.7万人: the series of the figure before, one year earlier; 去年同期为下降4.1%: its decline.
    if (isYearEarlierSubject(clause.text) && sentence.previousLabel !== undefined) {
      const change = GROWTH_VERB_AT_END.exec(clause.text)?.[0];
      const label =
        change === undefined ? sentence.previousLabel : subjectOf(sentence.previousLabel) + change;
      return { label, growth: change !== undefined };
    }
    // 城镇、农村受访者…的比例分别为34.7%和22.5%，全市平均为30.1%: the whole the groups were parts of.
    if (sentence.distributed !== undefined && OVERALL.test(clause.text)) {
      const whole = wholeOfGroup(sentence.distributed.labels.at(-1) ?? '');
      if (whole !== undefined) return { label: whole, growth: sentence.distributed.growth };
    }
    if (sentence.distributed !== undefined && CONNECTOR_ONLY.test(clause.text)) {
      const { labels, next, growth } = sentence.distributed;
      const label = labels[Math.min(next, labels.length - 1)] ?? '';
      sentence.distributed.next = next + 1;
      return { label, growth };
    }
    // 换乘便利度（44.1%）: a share alone in brackets is of the item before them.
    if (
      raw.unit.kind === 'percent' &&
      OPENING_ASIDE.has(text.charCodeAt(raw.start - 1)) &&
      CLOSING_ASIDE.has(text.charCodeAt(raw.end))
    ) {
      const item = clauseBefore(text, raw.start - 1, sentence.previousEnd).text;
      const share = bracketedShare(stripLeading(item, this.region), sentence.answers);
      if (share !== undefined) {
        sentence.answers = share.frame;
        return { label: this.tidy(share.label), growth: false };
      }
    }
    if (raw.unit.kind === 'percent') {
      this.readPopulationFrame(clause.start);
      // 受访毕业生中希望进入国有企业、民营企业…的比例分别为: the population, then one share per choice.
      const inline = inlinePopulation(clause.text);
      if (inline !== undefined) this.population = inline.population;
      const choices = choiceShares(stripLeading(inline?.rest ?? clause.text, this.region), this.population);
      if (choices !== undefined) {
        sentence.distributed = { labels: choices, next: 1, growth: false };
        return { label: choices[0] ?? '', growth: false };
      }
    }
    const groups = raw.unit.kind === 'percent' ? groupShares(clause.text, this.population) : undefined;
    if (groups !== undefined) {
      const scope = scopeOf(text.slice(sentence.start, sentence.start + SCOPE_REACH));
      if (scope !== undefined)
        for (let at = 0; at < groups.length; at++) groups[at] = withScope(groups[at] ?? '', scope);
      sentence.distributed = { labels: groups, next: 1, growth: false };
      return { label: groups[0] ?? '', growth: false };
    }
    const before = chineseLabelBefore(clause.text, this.region);
    if (before.startedAs !== undefined) sentence.startedAs = before.startedAs;
    // 贷款损失按40%的比例给予补偿: the share something is compensated or subsidised at is that support's rate.
    const support =
      raw.unit.kind === 'percent' && BY_SHARE_END.test(before.label)
        ? SUPPORT_AFTER.exec(text.slice(raw.end, raw.end + SUPPORT_REACH))?.[1]
        : undefined;
    const supported =
      support === undefined ? '' : before.label.replace(BY_SHARE_END, '').replace(LEADING_PREPOSITION, '');
    if (support !== undefined && supported.length >= 2)
      return { label: this.tidy(`${supported}${support}比例`), growth: false };
    const ranked = this.rankedBefore(clause, before.label);
    if (ranked !== undefined) return { label: this.tidy(ranked), growth: before.growth };
    const owned = before.growth ? undefined : ownedMeasure(before.label, text, raw.end, this.region);
    if (owned !== undefined) return { label: this.tidy(owned), growth: false };
    // 安排2.4亿元专项资金用于养老服务, 发放的500万元消费券: the amount before its noun; the noun names the money and
    // what it is for (养老服务专项资金), else the verb that gave it (发放消费券).
    if (raw.unit.kind === 'money') {
      const fund = FUND_AFTER.exec(text.slice(raw.end, raw.end + FUND_REACH))?.[0];
      const verb = GIVING_VERB_END.exec(clause.text)?.[1];
      if (fund !== undefined && (before.label === '' || verb !== undefined)) {
        const purpose = purposeAfter(text, raw.end + fund.length, '');
        return {
          label: this.tidy(purpose === undefined ? (verb ?? '') + fund : purpose + fund),
          growth: false,
        };
      }
    }
    if (raw.structure !== undefined) {
      const labels = structureLabels(before.label, raw.structure);
      sentence.distributed = { labels, next: 1, growth: false };
      return { label: labels[0] ?? before.label, growth: false };
    }
    const distributed =
      before.distributed ??
      this.distributedOverPrevious(raw, before.distributesOverPrevious) ??
      this.distributedOverListBefore(clause, before);
    if (distributed !== undefined) {
      sentence.distributed = { labels: distributed, next: 1, growth: before.growth };
      return { label: distributed[0] ?? before.label, growth: before.growth };
    }
    // 希望租金年涨幅控制在5%以内的受访者占73.8%: the share of the people a 的 phrase defines, whatever bound or change
    // word (涨幅) the phrase holds.
    const defined =
      raw.unit.kind === 'percent'
        ? DEFINED_POPULATION_TAKES.exec(stripLeading(clause.text, this.region))
        : null;
    if (defined?.[1] !== undefined && defined[2] !== undefined && isPopulation(defined[2]))
      return {
        label: this.tidy(
          withQuestionBefore(this.scoped(`${defined[1]}的${defined[2]}比例`), sentence.previousLabel),
        ),
        growth: false,
      };
    // 在营收增长的企业中，增幅在10%以上的占比约三成: a change word inside the 的 phrase that defines the members of a
    // share; the share is of the population the text set.
    const ofDefined =
      raw.unit.kind === 'percent' && before.growth ? SHARE_OF_DEFINED.exec(before.label) : null;
    if (ofDefined?.[1] !== undefined && this.population !== undefined)
      return { label: this.tidy(shareOfPopulation(ofDefined[1], this.population)), growth: false };
    if (raw.unit.kind === 'percent' && !before.growth) {
      const covered = this.coveredShare(raw, before.label);
      if (covered !== undefined) return { label: covered, growth: false };
      const share = this.shareLabel(raw, clause, before.label);
      // 认为订单增加的占…，持平的占…: an answer alone answers the question of the share before.
      if (share !== undefined)
        return {
          label: this.tidy(withQuestionBefore(this.scoped(share), sentence.previousLabel)),
          growth: false,
        };
    }
    const attributive = isAttributive(before.label);
    let label = attributive ? '' : before.label;
    const received = withoutReceiving(label);
    const useNoun =
      raw.unit.noun === undefined &&
      (raw.unit.counter || label === '' || isOpenBound(label) || received !== undefined);
    const after = useNoun ? nounAfter(text, raw.end) : undefined;
    const noun = after === undefined ? '' : countedNoun(after.noun, raw.unit.unit);
    // 其余14个正在装修, 56只涨停: a count with no noun of its own is the subject of what follows, and counts what the
    // same counter counted before in the sentence; people need no noun.
    const doing =
      raw.unit.kind === 'count' && raw.unit.noun === undefined && UNNAMED_REST.test(before.label)
        ? doingAfter(text, raw.end)
        : undefined;
    // 完成全年目标的52%: with no noun after the figure, the 的 phrase before it names it (a share: its 比例; a
    // count: of the population the paragraph is about, 选择国内游的1102户).
    // 补贴标准为产品售价的15%: a standard set as a share of something is the standard itself.
    const standard =
      attributive && noun === '' && raw.unit.kind === 'percent'
        ? STANDARD_AS_SHARE.exec(before.label)?.[1]
        : undefined;
    if (standard !== undefined) label = standard;
    else if (attributive && noun === '') {
      // 在已签约的8430人中: people counted by what they did are of the population, or a number of people.
      const people = PEOPLE_UNITS.has(raw.unit.unit);
      const population =
        (raw.unit.counter || people) && this.population !== undefined
          ? `的${this.population}`
          : people
            ? '人数'
            : '';
      let defined = before.label.slice(0, -1).replace(LEADING_PREPOSITION, '');
      // 累计完成投资258.4亿元，为年度计划的61.5%: the share of the plan that was done.
      const of = /^(?:为|相当于)/.exec(defined)?.[0];
      if (of !== undefined && raw.unit.kind === 'percent') {
        // 完成造林面积8.2万亩: the clause before says what was done, also when its label leaves 完成 out.
        const done =
          sentence.previousLabel?.includes('完成') === true ||
          this.previousClauseOf(clause.start).includes('完成')
            ? '完成'
            : '';
        defined = done + defined.slice(of.length);
      }
      // 计划购车的不到一成: the share of the paragraph's population that did it, when the text set one.
      // …的受访者占18.9%，计划购车的不到一成: or of the share before it in the sentence.
      const shared = this.population ?? SHARE_POPULATION.exec(sentence.previousLabel ?? '')?.[1];
      const ofPopulation = of === undefined && shared !== undefined ? `的${shared}` : '';
      // 新建的充电桩中，位于老旧小区周边的有三百余个: the things the clause before framed, of the kind defined.
      const framed =
        population === '' && raw.unit.counter && clause.start > sentence.start
          ? FRAMED_THINGS.exec(this.previousClauseOf(clause.start))?.[1]?.replace('的', '')
          : undefined;
      label =
        framed !== undefined
          ? `${defined}的${framed}`
          : defined + (raw.unit.kind === 'percent' ? `${ofPopulation}比例` : population);
      // 在38家参评医院中，得分90分以上的有31家: things a 的 phrase picks out are of those the sentence counted with the
      // same counter, before any population the paragraph set.
      const counted =
        framed === undefined && raw.unit.counter && !people ? this.lastOfUnit(raw.unit.unit) : undefined;
      if (counted !== undefined && raw.unit.kind === 'count' && defined.length >= 2)
        label = `${defined}的${counted.label}`;
      // 新招聘教师312名，其中硕士研究生以上学历的有48名: of whom, when no population was set: the people just counted.
      const whole = sentence.previousCounted;
      if (
        population === '人数' &&
        whole !== undefined &&
        clause.text.startsWith(OF_WHOM) &&
        defined.length >= 2
      )
        label = ofWhom(whole, defined);
      // 城镇新增就业6120人，完成年度目标的102%: the share of the target is the subject's, named before it.
      if (raw.unit.kind === 'percent' && sentence.previousLabel !== undefined)
        label = ofTarget(sentence.previousLabel, label);
      // …完成全年目标任务5000人的57.2%: a bare share right after a target is how much of it was done.
      const target = sentence.previousLabel;
      if (
        // 已完成全年45万辆目标的86%: 目标 after the target's figure names nothing more.
        (label === '比例' || label === TARGET_SHARE) &&
        target?.endsWith('目标') === true &&
        DONE_BEFORE.test(this.previousClauseOf(clause.start) + clause.text)
      )
        label = `${target}完成比例`;
    }
    const part = raw.unit.counter
      ? partOfSet(this.previousClauseOf(clause.start), clause.text, text, raw.end)
      : undefined;
    if (part !== undefined) return { label: this.tidy(part), growth: false };
    // …企业中，有289家实现增长: a light verb's subject is put before it further on.
    if (doing !== undefined)
      label =
        isPeopleUnit(raw.unit.unit) || LIGHT_VERB_OPENING.test(doing)
          ? doing
          : doing + (sentence.countedBy.get(raw.unit.unit) ?? '');
    // 列入年度计划的120个重点项目: the 的 phrase defines the counted noun.
    // 对28所高校的4650名应届毕业生开展调查: whom a survey was put to are its sample, whatever 的 phrase came before.
    else if (attributive && noun !== '' && raw.unit.counter && after?.sampled !== true)
      label = before.label.replace(LEADING_PREPOSITION, '') + noun;
    else if (raw.unit.counter && noun !== '') {
      // 惠及3个乡镇约18万名居民: between two counts only the first one's noun; the same verb counts the second.
      const { previousNoun, previousLabel } = sentence;
      const sameVerb =
        previousNoun !== undefined &&
        previousNoun !== '' &&
        label === previousNoun &&
        previousLabel !== undefined &&
        previousLabel.length > previousNoun.length &&
        previousLabel.endsWith(previousNoun)
          ? previousLabel.slice(0, -previousNoun.length)
          : undefined;
      label = sameVerb === undefined ? counterLabel(label, noun, this.region) : sameVerb + noun;
      if (label === noun && after !== undefined && this.standsAlone(raw, after.end)) {
        const predicate = predicateAfter(text, after.end);
        // 63家公司中，41家股价上涨: what changed is a measure of the things counted before, which the count counts.
        const owner = sentence.countedBy.get(raw.unit.unit);
        label =
          owner !== undefined && owner !== '' && !owner.endsWith(noun) && namesChange(predicate)
            ? `${noun}${predicate}的${owner}`
            : predicate + noun;
      }
      const outcome = after === undefined ? null : OUTCOME_AFTER.exec(text.slice(after.end, after.end + 10));
      if (outcome !== null) label += outcome[1];
      if (after?.surveyed === true || after?.sampled === true || this.isSurveySample(raw, label, noun)) {
        // 1500名60岁及以上老年人: a sample's age bound only describes whom the survey reached.
        const sampled = noun.replace(AGE_OPENING, '');
        label = sampled.startsWith('受访') ? sampled : `受访${sampled}`;
        // 对2810名租客的问卷调查显示，…月租金超过4000元的有197人: the sample is who the survey's figures count.
        if (after?.surveyed === true) this.population = label;
      }
    } else if (label === '') label = raw.unit.noun ?? cropArea(noun, raw.unit.unit) ?? noun;
    else if (isOpenBound(label)) label += noun;
    else if (received !== undefined && noun !== '') label = received + noun;
    // 跟踪调查覆盖家长2.61万名: a survey's sample named before its size is who was asked.
    const sample = SURVEY_REACHED.exec(label)?.[1];
    if (sample !== undefined && isPopulation(sample)) label = `受访${sample}`;
    else if (raw.unit.counter || isPeopleUnit(raw.unit.unit)) label = reachedSample(label) ?? label;
    // 帮助4120人次实现灵活就业: people named by nothing but the verb of helping before them.
    if (noun === '' && doing === undefined && raw.unit.noun === undefined)
      label =
        helpedLabel(label, text, raw.end) ?? receiversLabel(label, text, raw.end, raw.unit.unit) ?? label;
    // 沪指涨0.56% 收报3104.82点: a level after a change continues the subject of the change.
    // Names borrowed from elsewhere in the sentence, which the editor should check.
    const named = label !== '';
    if (label === '' && sentence.previousLabel !== undefined && clause.start > sentence.start) {
      // 下调0.1个百分点至1.7%: the level a change reached is the level of its subject.
      const reached = REACHED.test(clause.text);
      label =
        raw.unit.kind === 'percent' && !reached ? sentence.previousLabel : subjectOf(sentence.previousLabel);
      // 由首批的1260家增加到3400余家: the level reached is of the whole, not of the stage it started from.
      const { startedAs } = sentence;
      if (startedAs !== undefined && label.startsWith(startedAs)) label = label.slice(startedAs.length);
      // 人均地区生产总值达到9.6万元，比2013年翻一番: a change against a base of its own names the base (the
      // year-on-year base is dropped when the label is tidied).
      const base = raw.unit.kind === 'growth_rate' ? BASE_ONLY.exec(clause.text)?.[0] : undefined;
      if (base !== undefined) label = subjectOf(sentence.previousLabel) + base;
      // 计划完成造林绿化1.5万亩，已完成1.32万亩: the result of the plan, with its own stage.
      label = resultOfPlan(sentence.previousLabel, stripLeading(clause.text, this.region)) ?? label;
      // 平均降雨量98.6毫米，最大降雨出现在柳湾镇，达217毫米: the clause before names where its own subject occurred.
      if (reached)
        label = locatedSubject(this.previousClauseOf(clause.start), sentence.previousLabel) ?? label;
    }
    // 沪指全天震荡走高，收报3104.82点: the agent of the clause before.
    if (label === '')
      label = sentence.agent ?? agentOf(this.previousClauseOf(clause.start), this.region) ?? '';
    if (label === '') label = topicOfClause(this.previousClauseOf(clause.start)) ?? '';
    // 鸡蛋价格小幅上涨，每斤4.8元: a price written alone after a clause that opens on a price is that price.
    if (label === '' && raw.unit.kind === 'money' && clause.start > sentence.start)
      label = PRICE_OPENING.exec(stripLeading(this.previousClauseOf(clause.start), this.region))?.[0] ?? '';
    // …收益率盘中最低下探至2.09%，收盘报2.102%: the close names no subject; it is the level of the measure before.
    const close = CLOSE_OPENING.exec(label)?.[0];
    if (close !== undefined && sentence.previousLabel !== undefined && clause.start > sentence.start) {
      const measured = measureOfMarket(sentence.previousLabel);
      if (measured !== undefined) label = measured.replace(MARKET_VENUE, '') + label.slice(close.length);
    }
    const weak = !named && raw.unit.kind !== 'growth_rate';
    // 共有企业215家，实现营业收入98.3亿元: a clause opening on a light verb has the things counted before as subject.
    // …but not what an action produced (新开工保障性住房8600套，完成棚户区改造1.2万户).
    const counted = sentence.previousNoun || sentence.previousCounted;
    const lightVerb = LIGHT_VERB_OPENING.test(label) || LIGHT_VERB_OPENING.test(clause.text);
    if (
      counted !== undefined &&
      lightVerb &&
      !label.endsWith('率') &&
      !PRODUCED.test(counted) &&
      AGENT_HEAD.test(counted)
    ) {
      label = counted + label;
    }
    // 新建社区健身中心26个、口袋公园41个: what is listed after a count shares the action that opened the list.
    const listed = clause.text.startsWith('、')
      ? PRODUCED.exec(sentence.previousLabel ?? '')?.[0]
      : undefined;
    // 改造老旧小区46个、惠及居民1.8万余户: who an action reached is reached by the whole action before.
    if (clause.text.startsWith('、') && sentence.previousLabel !== undefined && REACHED_BY.test(label))
      label = sentence.previousLabel + label;
    // …调整为改造140个小区，涉及居民2.3万户: a clause of its own that opens on who was reached names no action; it is
    // the action just counted, whatever its stage.
    else if (
      REACHED_ONLY.test(label) &&
      REACHED_ONLY.test(stripLeading(clause.text, this.region)) &&
      clause.start > sentence.start &&
      sentence.previousCounted !== undefined &&
      sentence.previousLabel === sentence.previousCounted &&
      // 老旧小区改造涉及楼栋420栋，惠及居民1.6万户: a count that is itself of those reached names no action to prefix.
      !REACHED_WITHIN.test(sentence.previousCounted)
    )
      label = sentence.previousCounted.replace(STAGE_OPENING, '') + label;
    else if (listed !== undefined && raw.unit.counter && label !== '' && !PRODUCED.test(label))
      label = listed + label;
    label = this.withContext(raw, clause, this.withTask(raw, clause.text, label));
    // 共新成立公募基金568只，合计发行规模5462.7亿元: a total measured over the things just counted is theirs.
    // 规模以上工业企业净增26家，总数达到218家: the number of the things whose change was counted.
    const total = TOTAL_MEASURE.exec(label);
    const measure = total === null ? undefined : (total[1] ?? total[2]);
    if (measure !== undefined && sentence.previousCounted !== undefined)
      label = sentence.previousCounted.replace(COUNT_CHANGE, '').replace(FOUNDED_NEW, '') + measure;
    // 新签约项目37个，协议投资额…; 普通高中58所，招生…: a measure of what was just counted, named without it, is
    // theirs; the verb that only set them out (安排, 实施) goes.
    else if (
      THINGS_MEASURE.test(label) &&
      sentence.previousCounted !== undefined &&
      !REACHED_BY.test(sentence.previousCounted) &&
      !ALL_SCHOOLS.test(sentence.previousCounted) &&
      raw.unit.kind !== 'percent'
    )
      label = sentence.previousCounted.replace(SET_OUT, '') + label;
    // 继续提高城乡居民基础养老金最低标准，每人每月提高20元: the change of what the clause before raises.
    const perChange = PER_HEAD_CHANGE.exec(label)?.[1];
    if (perChange !== undefined && sentence.previousLabel === undefined && clause.start > sentence.start) {
      const raised = RAISED_OBJECT.exec(this.previousClauseOf(clause.start))?.[1];
      if (raised !== undefined) label = raised + perChange;
    }
    // 对早稻机插秧给予补贴，每亩补贴80元: a support per unit is of what the clause before supports.
    if (PER_SUPPORT.test(label) && sentence.previousLabel === undefined && clause.start > sentence.start) {
      const supported = SUPPORTED_OBJECT.exec(
        stripLeading(this.previousClauseOf(clause.start), this.region),
      )?.[1];
      if (supported !== undefined) label = supported + label;
    }
    // 充电桩达到1.2万个，数量比上年增长35%: the number of the things just counted (or its change).
    const amount = AMOUNT_OPENING.exec(label)?.[0];
    if (
      amount !== undefined &&
      sentence.previousLabel !== undefined &&
      clause.start > sentence.start &&
      AMOUNT_CHANGE.test(label.slice(amount.length))
    )
      label = subjectOf(sentence.previousLabel) + label;
    // 城镇新增就业2860人，完成全年目标任务5000人的57.2%: a target named alone is the target of the measure before.
    if (BARE_TARGET.test(label) && sentence.previousLabel !== undefined && clause.start > sentence.start)
      label = subjectOf(sentence.previousLabel).replace(RUNNING_TOTAL, '') + label.replace(TASK_WORD, '');
    // 新建城市书房8家，每家面积不小于100平方米: a measure of each of the things just counted names them.
    if (PER_EACH.test(label) && sentence.previousCounted !== undefined) {
      const thing = sentence.previousCounted.replace(SET_OUT, '').replace(PRODUCED, '');
      if (thing.length >= 2 && !label.includes(thing)) label = label.slice(0, 2) + thing + label.slice(2);
    }
    // 小麦产量36.8万吨，每公顷产量5864公斤: a yield per area is of the crop whose amount the clause before measured.
    if (sentence.previousLabel !== undefined && clause.start > sentence.start)
      label = perAreaOf(label, sentence.previousLabel) ?? label;
    if (
      (isPredicateOnly(label) || isNamedComparisonOnly(label, raw.unit.kind === 'money')) &&
      sentence.previousLabel !== undefined &&
      label !== sentence.previousLabel
    ) {
      // …完成186.3亿元，为年度预算的52.8%，同比增长3.6%: a growth in % after a share is the amount's.
      const changed = growthPast(sentence.labels, raw.unit.unit, label) ?? sentence.previousLabel;
      label = changedOf(changed, raw.unit.unit, label) + label;
    } else if (opensOnRateComparison(label) && sentence.previousLabel !== undefined) {
      // …增长5.7%，增速高于全省平均水平0.4个百分点: the rate compared is the rate of the subject before.
      label = subjectOf(sentence.previousLabel) + label;
    } else if (
      raw.unit.unit === '个百分点' &&
      BARE_COMPARISON.test(label) &&
      RATE_END.test(sentence.previousLabel ?? '')
    ) {
      // 规上工业增速为5.8%，高于全省平均水平1.1个百分点: a gap in points with no rate named is the gap of the rate before.
      label = sentence.previousLabel + label;
    } else if (named && sentence.previousLabel !== undefined && clause.start > sentence.start) {
      label = continuedSubject(label, sentence.previousLabel) ?? label;
    } else if (named && sentence.previousLabel === undefined && this.opensOnBreakdown(clause.start)) {
      // …健康素养水平达到31.7%。分城乡看，城市居民为36.2%: a breakdown's group takes the measure just given.
      // …提前实现规划中30%的目标。分城乡看，…: the measure broken down, not the target it reached.
      const last = this.figures.at(-1)?.label;
      const measured = last?.endsWith(TARGET) === true ? this.figures.at(-2)?.label : last;
      if (measured !== undefined) label = groupsMeasure(label, measured) ?? label;
    }
    // 重点项目86个，已开工71个，开工率82.6%: a stage and its verb alone, or an action's rate, are of the object before.
    if (named && sentence.previousLabel !== undefined && clause.start > sentence.start) {
      // …已开工128个，开工率85.3%，其中已完工41个: the stage counts what the last count of its unit counted.
      const counted = raw.unit.kind === 'percent' ? undefined : this.lastOfUnit(raw.unit.unit);
      const previous = raw.unit.kind === 'percent' ? sentence.previousLabel : counted?.label;
      if (previous !== undefined)
        label = stagedObject(label, previous, raw.unit.kind === 'percent' || counted !== undefined) ?? label;
    }
    // Not for an area: land worked is named by its 面积 (夏玉米收获面积), whatever the stage.
    if (!NOT_STAGED_KINDS.has(raw.unit.kind)) label = stageFirst(label, clause.text);
    const parent = sentence.subtotalParent;
    if (
      parent !== undefined &&
      (isModifierOnly(label) || label.startsWith('总')) &&
      !label.endsWith(parent)
    ) {
      label = isModifierOnly(label) ? label + parent : parent + label;
    } else if (parent !== undefined && isGroupWord(label)) {
      // 惠及困难群众4.6万人（其中农村3.1万人）: the group's part of those reached, after the verb that reached them.
      const verb = REACHED_WITHIN.exec(parent);
      if (verb !== null) {
        const after = verb.index + verb[0].length;
        label = parent.slice(0, after) + label + parent.slice(after);
      }
    }
    // 新设立经营主体2.17万户，平均每天新设240户左右: an action without its object does it to what was just counted.
    const acted = OPEN_ACTION.test(label) ? this.lastOfUnit(raw.unit.unit)?.label : undefined;
    if (acted !== undefined) label += OBJECT_OF_ACTION.exec(acted)?.[1] ?? '';
    label = this.withCrop(label, raw.unit.unit);
    // 农村公路总里程实现翻一番: a growth written without its verb.
    if (raw.unit.kind === 'growth_rate' && raw.unit.unit === '%' && !namesChange(label)) label += '增长';
    // 重点项目开工近八成: the share of the things that reached a state.
    if (raw.unit.kind === 'percent') label = shareInState(label);
    // 黄金9999合约收报485.6元/克: a price a market closed at is its closing price, a series apart from the intraday
    // high or the average; an index level (收报3030.1点) is the index itself.
    if (raw.unit.kind === 'money')
      label = priceLabel(label.replace(TRADED, '$&额'), clause.text, raw.unit.unit).replace(ALLOCATED_BY, '');
    return {
      label: label === '' ? raw.unit.unit : this.tidy(withImpliedObject(label, raw.unit.unit)),
      growth: before.growth,
      weak: weak || label === '',
      noun,
      ...(after !== undefined && noun !== '' && label.endsWith(noun) ? { nounEnd: after.end } : {}),
    };
  }

  /**
   * What the clause's neighbours add to a label: the agent of the sentence for an action without one (…平台已入驻
   * 团队231个，带动就业岗位4120个), the purpose of a fund (…用于棚户区改造), the programme of those who benefit
   * (受益企业 → 稳岗返还受益企业), what the counted ones received (企业获得稳岗返还资金 → 稳岗返还资金), the revised
   * plan (老旧小区改造计划调整为…), what was issued, a target the sentence announces (预期目标是：…).
   */
  private withContext(
    raw: RawFigure,
    { text: clause, start }: { text: string; start: number },
    label: string,
  ): string {
    const { sentence } = this;
    // The programme word stands in this clause or the one before it (举办…，提供就业岗位…), if anywhere: two
    // clause windows back at most.
    if (sentence.topicHintAt >= start - TOPIC_REACH) {
      const previous = this.previousClauseOf(start);
      sentence.topic = topicOf(clause, this.region) ?? topicOf(previous, this.region) ?? sentence.topic;
    }
    const split = ADVERB_HINT.test(clause) ? splitAgent(stripOpening(clause, this.region)) : undefined;
    const agent = split === undefined ? '' : keptAgent(split.agent);
    if (agent !== '') sentence.agent = agent;
    else if (sentence.agent !== undefined && INHERITS_AGENT.test(label)) label = sentence.agent + label;
    const revised = PLAN_HINT.test(clause) ? revisedPlan(stripLeading(clause, this.region)) : undefined;
    if (revised !== undefined) return revised;
    if (raw.unit.kind === 'money') {
      const purpose = purposeAfter(this.text, raw.end, label);
      if (purpose !== undefined) return fundFor(purpose, label);
      // 企业获得稳岗返还资金2.86亿元 → 稳岗返还资金; 为1.2万名老人发放高龄津贴960万元 → 发放高龄津贴.
      const noun = sentence.previousNoun;
      const rest =
        noun !== undefined && noun !== '' && label.startsWith(noun) ? label.slice(noun.length) : '';
      if (RECEIVING.test(rest)) return rest.replace(RECEIVING, '');
      // …返还3.56亿元: the money given, when the verb has no object of its own.
      if (GIVING.test(rest)) return rest.replace(GIVING, '') === '' ? `${rest}资金` : rest;
      // 人均800元 after 发放高龄津贴: per head of what was given.
      const given = PER_HEAD_LABEL.test(label)
        ? sentence.previousLabel?.replace(GIVING_BEFORE, '')
        : undefined;
      if (given !== undefined && given !== sentence.previousLabel) return label + given;
      const issued = issuedAmount(label) ?? issuedBefore(label, this.previousClauseOf(start));
      if (issued !== undefined) return issued;
      // 控股股东拟增持不低于5000万元: money a holder trades is the amount of the trade, planned or done.
      if (SHARE_TRADE.test(label)) return `${label.replace(PLANNED, '')}金额`;
      this.programme = programmeOf(label) ?? this.programme;
    }
    if (BENEFITING.test(label) && this.programme !== undefined) label = this.programme + label;
    return label + this.targetOf(raw, clause);
  }

  /**
   * …晚稻种植面积12.6万亩，实测平均亩产619公斤，总产量7.8万吨: a yield named alone is of the crop whose area came
   * before, and a forecast's 预计 (预计平均亩产超600公斤，总产约7.6万吨) holds for the yields after it in the sentence.
   */
  private withCrop(label: string, unit: string): string {
    const grown = CROP_AREA.exec(label)?.[1];
    if (grown !== undefined && LAND_AREA_UNITS.has(unit)) this.crop = grown;
    if (this.crop === undefined || !YIELD_ONLY.test(label)) return label;
    const forecast =
      !label.startsWith(FORECAST) && this.sentence.previousLabel?.includes(FORECAST) === true ? FORECAST : '';
    return this.crop + forecast + label;
  }

  /** Whether the sentence opens by breaking down what the one before measured (分城乡看，, 按地区分，) up to `at`. */
  private opensOnBreakdown(at: number): boolean {
    const start = this.sentence.start;
    return at > start && at - start <= BREAKDOWN_REACH && BREAKDOWN.test(this.text.slice(start, at));
  }

  /**
   * Progress on a task the paragraph set: 建设任务已完成六成 is the task's 完成率, 已完成2.52万亩 what was built, and
   * what was done without a noun (已建成投用32个, 完成率约七成) takes the task's thing.
   */
  private withTask(raw: RawFigure, clause: string, label: string): string {
    const share = raw.unit.kind === 'percent';
    if (isTask(label)) {
      this.task = label;
      const done = TASK_DONE.exec(clause);
      if (done === null) return label;
      return share ? `${label}完成率` : doneOfTask(label, done[1] ?? '');
    }
    const { task } = this;
    if (task === undefined) return label;
    if (share && label === '完成率') return task + label;
    return raw.unit.counter && isWorkDone(label) ? label + taskThing(task) : label;
  }

  /**
   * 主要预期目标是：地区生产总值增长5.5%左右: the figures after it are targets; so is a figure its own clause strives
   * for (工业总产值力争达到560亿元), a series apart from the level reached.
   */
  private targetOf(raw: RawFigure, clause: string): string {
    if (AIMED.test(clause) || AIMED_OPENING.test(clause)) return '目标';
    const { sentence } = this;
    // 主要预期目标是：…: 预期 only names the frame; the series is the target (地区生产总值增长目标), as readers write it.
    if (!sentence.targetsFramed && raw.start > sentence.targetsSearched) {
      // A frame word cut by the last search's end is read whole from a little before it.
      const from = Math.max(sentence.start, sentence.targetsSearched - TARGET_FRAME_LENGTH);
      const before = this.text.slice(from, raw.start);
      sentence.targetsFramed = before.includes('目标') && TARGET_FRAME.test(before);
      sentence.targetsSearched = raw.start;
    }
    return sentence.targetsFramed ? '目标' : '';
  }

  /**
   * 1600户居民, 2416家企业 in a sentence about a survey: the sample, which a reader calls 受访居民, 受访企业,
   * whatever verb introduced it (访问, 覆盖, 调查).
   */
  private isSurveySample(raw: RawFigure, label: string, noun: string): boolean {
    if (!isPopulation(noun) || (label !== noun && !SAMPLE_VERBS.test(label.slice(0, -noun.length))))
      return false;
    const from = Math.max(this.sentence.start, raw.start - SURVEY_WINDOW);
    return SURVEY_WORDS.test(this.text.slice(from, raw.end + SURVEY_WINDOW));
  }

  /**
   * 建成长者食堂64家，覆盖85%的城乡社区 → 长者食堂覆盖城乡社区比例: a share of what an action reached, named by what
   * reached it (the label's own subject, or the things just counted) and by what it reached; undefined for none.
   */
  private coveredShare(raw: RawFigure, before: string): string | undefined {
    const covered = COVERING_END.exec(before);
    if (covered === null || this.text.charCodeAt(raw.end) !== DE) return undefined;
    const { noun } = nounAfter(this.text, raw.end);
    if (noun.length < 2) return undefined;
    const counted = this.sentence.previousCounted?.replace(SET_OUT, '').replace(PRODUCED, '') ?? '';
    const subject = covered[1] === '' ? counted : covered[1];
    return this.tidy(`${subject}${covered[2]}${noun}比例`);
  }

  /** 受访老人中，…: the clause before `clauseStart` sets the population of the shares after it. */
  private readPopulationFrame(clauseStart: number) {
    const { sentence } = this;
    // Only a clause that ends on 中 (受访老人中，) can frame a population.
    if (clauseStart <= sentence.start || this.text.charCodeAt(clauseStart - 2) !== ZHONG) return;
    const frame = populationFrame(stripLeading(this.previousClauseOf(clauseStart), ''));
    // 在接受调查的2416家企业中: the population is what the figure there counted.
    if (frame !== undefined)
      this.population = HAS_DIGIT.test(frame) ? (sentence.previousNoun ?? frame) : frame;
  }

  /** A share label with the domain its sentence opened on (在购书花费上，…), when it names a bracket. */
  private scoped(label: string): string {
    const scope = scopeOf(this.text.slice(this.sentence.start, this.sentence.start + SCOPE_REACH));
    return scope === undefined ? label : withScope(label, scope);
  }

  /** tidyLabel, once per distinct label of the text: a text names the same few metrics again and again. */
  private tidy(label: string): string {
    let tidy = this.tidied.get(label);
    if (tidy === undefined) {
      tidy = tidyLabel(label);
      // 青岚科技营收增长: the company the brief reports on names none of its series.
      const { announcer } = this;
      // 澜驰汽车10月交付新车: the date after the name opened the rest, and goes with it.
      if (announcer !== undefined && tidy.startsWith(announcer) && tidy.length > announcer.length + 1) {
        const rest = tidy.slice(announcer.length);
        const opened = stripLeading(rest, this.region);
        tidy = opened.length >= 2 ? opened : rest;
      }
      this.tidied.set(label, tidy);
    }
    return tidy;
  }

  /** The clause before the one that starts at `clauseStart`, read once per figure at most. */
  private previousClauseOf(clauseStart: number): string {
    if (this.previousClauseStart !== clauseStart) {
      this.previousClauseStart = clauseStart;
      this.previousClause = clauseBefore(this.text, clauseStart - 1, this.sentence.start).text;
    }
    return this.previousClause;
  }

  /** A share named by its part (占全部投资的41.2%) or by its population (63.5%的企业表示…, 七成居民支持…). */
  private shareLabel(raw: RawFigure, clause: { text: string; start: number }, before: string) {
    const { sentence, text } = this;
    const framed = populationBeforeShare(stripLeading(clause.text, this.region));
    if (framed !== undefined) {
      this.population = framed;
      return populationShareAfter(text, raw.end, framed)?.label;
    }
    if (clause.text.includes('占')) {
      const bracket = bracketShare(stripLeading(clause.text, this.region), sentence.previousLabel);
      if (bracket !== undefined) return bracket;
      // 纯电动和插电混动车型分别占当月交付量的60.2%和39.8%: one share of the whole per part listed, in order.
      const parts = clause.text.includes(RESPECTIVELY)
        ? partsOfWhole(stripLeading(clause.text, this.region))
        : undefined;
      if (parts !== undefined) {
        const labels = parts.map((part) => this.tidy(part));
        sentence.distributed = { labels, next: 1, growth: false };
        return labels[0];
      }
      const previous = sentence.previousLabel === undefined ? undefined : subjectOf(sentence.previousLabel);
      // 选择留在本市就业的毕业生占已签约人数的: what opens the clause may leave only the whole, past 占 and its 已;
      // the part stands before 占, so the clause is read whole then.
      const opened = stripLeading(clause.text, this.region);
      const phrase = opened.includes('占') ? opened : clause.text;
      const part = partShareLabel(phrase, previous, this.population);
      if (part !== undefined) return part;
    }
    // 认为收入偏低的比例: the population the paragraph is about completes it.
    if (before.endsWith(OF_SHARE) && this.population !== undefined) {
      const predicate = before.slice(0, -OF_SHARE.length);
      // 城镇受访者和农村受访者中，认为…的比例分别为: one share per population listed, in order.
      const populations = clause.text.includes(RESPECTIVELY) ? listedItems(this.population) : undefined;
      if (populations !== undefined) {
        const labels = populations.map((population) => this.tidy(shareOfPopulation(predicate, population)));
        sentence.distributed = { labels, next: 1, growth: false };
        return labels[0];
      }
      return shareOfPopulation(predicate, this.population);
    }
    // 认为经营压力较大的企业约四成: a population defined by a 的 phrase, then its share.
    if (before.includes('的') && !before.endsWith('的') && isPopulation(before)) return `${before}比例`;
    if (before !== '') return undefined;
    // 其中约七成为餐饮摊位: the share is of the part named after 为.
    const part = SHARE_IS_PART.exec(text.slice(raw.end, raw.end + SHARE_PART_REACH))?.[1];
    if (part !== undefined) return `${part}占比`;
    const known = this.population ?? sentence.previousNoun ?? sentence.previousCounted;
    const share = populationShareAfter(text, raw.end, known);
    if (share !== undefined) this.population = share.population;
    return share?.label;
  }

  /** 同比分别增长4.1%和9.6% after two levels: each figure to come takes the subject of one before, in order. */
  private distributedOverPrevious(raw: RawFigure, verb: string | undefined): string[] | undefined {
    const previous = this.sentence.labels;
    if (verb === undefined || previous.length === 0) return undefined;
    const count = Math.min(previous.length, figuresAhead(this.text, raw.start));
    return previous.slice(previous.length - count).map((label) => subjectOf(label) + verb);
  }

  /** The sentence's last figure in `unit`: only the sentence is searched, so labelling stays linear. */
  private lastOfUnit(unit: string): Figure | undefined {
    for (let index = this.figures.length - 1; index >= this.sentence.firstFigure; index--) {
      const figure = this.figures[index];
      if (figure?.unit === unit) return figure;
    }
    return undefined;
  }

  /**
   * 其中餐饮支出占比最高，达到31.5%，其次是居住支出，占26.8%: a figure whose clause names nothing is of what the
   * figure-less clause before ranked; undefined when that clause ranks nothing.
   */
  private rankedBefore(clause: { text: string; start: number }, label: string): string | undefined {
    const share = clause.text === SHARE_OF;
    if ((label !== '' && !share) || clause.start - 1 <= this.sentence.previousEnd) return undefined;
    const previous = this.previousClauseOf(clause.start);
    const ranked = RANKED_FIRST.exec(previous)?.[1] ?? RANKED_NEXT.exec(previous)?.[1];
    if (ranked === undefined || HAS_DIGIT.test(ranked)) return undefined;
    const subject = chineseLabelBefore(ranked, this.region).label;
    if (subject.length < 2) return undefined;
    return share && !subject.endsWith('占比') ? `${subject}占比` : subject;
  }

  /**
   * 公共文化、基础教育满意度分列前两位，得分分别为…: a measure 分别 gives the things the clause before listed, when that
   * clause holds no figure; undefined else.
   */
  private distributedOverListBefore(
    clause: { text: string; start: number },
    before: ChineseLabel,
  ): string[] | undefined {
    if (before.growth || before.label.length > MAX_LISTED_MEASURE || !clause.text.includes(RESPECTIVELY))
      return undefined;
    if (clause.start - 1 <= this.sentence.previousEnd) return undefined;
    const previous = this.previousClauseOf(clause.start);
    if (HAS_DIGIT.test(previous)) return undefined;
    const items = listedItems(stripLeading(previous.replace(RANKED, ''), this.region));
    return items?.map((item) => item + before.label);
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

/**
 * 城市老人为3.1小时、农村老人为: a number left in the clause is a figure of the item before, never part of this one's
 * name; the figure's own item is what follows the last 、 after it.
 */
function ownListItem(clause: { text: string; start: number }): { text: string; start: number } {
  const at = clause.text.lastIndexOf('、');
  // 3000元以下、3000至5000元…的分别占: bounds that define groups are no figures.
  if (at < 0 || !STATED_BEFORE.test(clause.text.slice(Math.max(0, at - 12), at))) return clause;
  return { text: clause.text.slice(at + 1), start: clause.start + at + 1 };
}

/**
 * The label that tells a figure from a neighbour on its key: what the counted ones did (为1.63万户企业返还 →
 * 已返还企业; 1.8万户企业，可享受返还 → 可享受返还的企业), or the sentence's programme (招聘月提供就业岗位).
 * Read only for figures that meet a neighbour.
 */
interface Placement {
  /** 当月 or 单月 earlier in the sentence. */
  month?: string;
  /** Its index in a distribution (分别, respectively) and where the distribution's sentence part starts. */
  respective?: { index: number; from: number };
}

/** The figure's place: primitives only, as every figure keeps one until the identity pass. */
interface OwnContext {
  counter: boolean;
  unit: string;
  english: boolean;
  start: number;
  end: number;
  sentenceStart: number;
  /** The index range of the sentence's figures before this one. */
  firstFigure: number;
  lastBefore: number;
}

/**
 * Where the figure stands in its sentence. Only a figure that meets a neighbour on its key asks, so it is read
 * then, not for every figure.
 */
function placementOf(text: string, figures: readonly Figure[], own: OwnContext): Placement {
  const month =
    SINGLE_MONTH_WORDS.exec(
      text.slice(Math.max(own.sentenceStart, own.start - CONTEXT_REACH), own.start),
    )?.[0] ??
    (MONTH_OPENING.test(text.slice(own.sentenceStart, own.sentenceStart + MONTH_OPENING_REACH))
      ? SINGLE_MONTH
      : undefined);
  const from = distributionStart(text, own);
  return {
    ...(month === undefined ? {} : { month }),
    ...(from < 0 ? {} : { respective: { index: countSince(figures, from, own), from } }),
  };
}

/**
 * Where a distribution over a list that the figure belongs to starts (城镇、农村…分别…0.2、0.4个百分点; urban and
 * rural… 51,821 yuan and 21,691 yuan, respectively): the last 分别 of its sentence before it, or the sentence start
 * when the sentence says "respectively" after it; -1 when there is none.
 */
function distributionStart(text: string, own: OwnContext): number {
  if (own.english) {
    const after = text.slice(own.end, own.end + CONTEXT_REACH);
    const end = after.indexOf('.');
    return (end < 0 ? after : after.slice(0, end)).includes('respectively') ? own.sentenceStart : -1;
  }
  const start = Math.max(own.sentenceStart, own.start - CONTEXT_REACH);
  const at = text.slice(start, own.start).lastIndexOf(RESPECTIVELY);
  return at < 0 ? -1 : start + at;
}

/** How many of the sentence's figures before this one stand at or after `from`. */
function countSince(figures: readonly Figure[], from: number, own: OwnContext): number {
  let index = 0;
  for (let at = own.lastBefore; at >= own.firstFigure; at--) {
    const figure = figures[at];
    if (figure === undefined || figure.offset < from) break;
    index++;
  }
  return index;
}

/**
 * Every figure keeps one until the identity pass, so it holds primitives only, its place included (it is its own
 * OwnContext): one small object per figure rather than several, which the garbage collector would copy along.
 */
class ContextWidening implements Widening, OwnContext {
  private placed: Placement | undefined;
  private readonly noun: string | undefined;
  private readonly nounEnd: number | undefined;
  readonly counter: boolean;
  readonly unit: string;
  readonly english: boolean;
  readonly start: number;
  readonly end: number;
  readonly sentenceStart: number;
  readonly firstFigure: number;
  readonly lastBefore: number;

  constructor(
    private readonly text: string,
    private readonly figures: readonly Figure[],
    named: Named,
    private readonly written: string,
    readonly core: string,
    private readonly topic: string | undefined,
    raw: RawFigure,
    sentence: Sentence,
  ) {
    this.noun = named.noun;
    this.nounEnd = named.nounEnd;
    this.counter = raw.unit.counter;
    this.unit = raw.unit.unit;
    this.english = raw.english;
    this.start = raw.start;
    this.end = raw.end;
    this.sentenceStart = sentence.start;
    this.firstFigure = sentence.firstFigure;
    this.lastBefore = figures.length - 2;
  }

  label(): string | undefined {
    const { noun, nounEnd, text, topic, core } = this;
    if (nounEnd !== undefined && noun !== undefined) {
      const did = predicateOf(text, nounEnd);
      if (did !== '') {
        const stage = text.startsWith('已', this.start - 2) ? '已' : '';
        const joint = did.length > SHORT_PREDICATE ? '的' : '';
        return `${stage}${did}${joint}${noun}`;
      }
    }
    const own = this.ownWords();
    if (own !== undefined) return own;
    return topic === undefined || core.startsWith(topic) || topic === this.written ? undefined : topic + core;
  }

  private placement(): Placement {
    this.placed ??= placementOf(this.text, this.figures, this);
    return this.placed;
  }

  /**
   * What the figure's own words add when neither its noun's predicate nor the sentence's programme does: the
   * month of a month's own figure beside a running total (当月社零总额增长), the counted noun after what it did
   * (86家企业提供岗位3200个 → 提供岗位企业, beside the jobs), or an English share's words after it.
   */
  private ownWords(): string | undefined {
    const { written } = this;
    const { month } = this.placement();
    if (month !== undefined && !written.includes(month)) return month + written;
    const split = this.counter ? this.nounBeforeItsVerb() : undefined;
    return split ?? this.respectiveGroup() ?? this.bare();
  }

  /**
   * 城镇、农村居民…分别…加快0.2、0.4个百分点 with both read as 农村…: the group the list names at the figure's place in
   * the distribution, in place of the one its label took.
   */
  private respectiveGroup(): string | undefined {
    const { written, text } = this;
    const { respective } = this.placement();
    if (respective === undefined) return undefined;
    const before = text.slice(
      this.sentenceStart,
      respective.from === this.sentenceStart ? this.end : respective.from,
    );
    const groups = this.english ? englishGroups(before, written) : chineseGroups(before, written);
    if (groups === undefined) return undefined;
    // 城镇、农村…分别为34.7%和22.5%，全市平均为30.1%: a figure after the list is spent is of the whole.
    const target = groups.items[respective.index] ?? '';
    if (target === groups.taken) return undefined;
    const at = written.toLowerCase().indexOf(groups.taken);
    return written.slice(0, at) + target + written.slice(at + groups.taken.length);
  }

  /**
   * 86家企业提供岗位3200个: the noun read after the counter ran on into what the counted ones did, which the figure
   * after measures; the count is of the ones that did it (提供岗位企业).
   */
  private nounBeforeItsVerb(): string | undefined {
    const { noun, nounEnd, text, written } = this;
    if (noun === undefined || nounEnd === undefined || !written.endsWith(noun)) return undefined;
    const nounStart = nounEnd - noun.length;
    for (let at = nounStart + 1; at < nounEnd - 1; at++) {
      if (ACTION_OF_COUNTED.test(text.slice(at, at + 4)))
        return text.slice(at, nounEnd) + text.slice(nounStart, at);
    }
    return undefined;
  }

  bare(): string | undefined {
    const { written } = this;
    // A count named by its unit noun (1,200 companies) is named; a share named “%” is not.
    if (!this.english || !(written === '%' || written.length < 2)) return undefined;
    const words = ENGLISH_WORDS_AFTER.exec(this.text.slice(this.end, this.end + 80))?.[1];
    return words === undefined ? undefined : this.unit === '%' ? `share ${words}` : words;
  }
}

/**
 * The list a label's group word belongs to (城镇、农村居民 with 农村 in the label → 城镇, 农村): items of the same
 * length joined by 、和与及, read back from the word.
 */
function chineseGroups(before: string, label: string): { items: string[]; taken: string } | undefined {
  for (let length = 2; length <= MAX_GROUP_WORD; length++) {
    for (let at = 0; at + length <= Math.min(label.length, 8); at++) {
      const word = label.slice(at, at + length);
      const found = before.indexOf(word);
      if (found < 1 || !LIST_JOINERS.includes(before.charAt(found - 1))) continue;
      const items = [word];
      let cursor = found - 1;
      while (cursor - length >= 0 && LIST_JOINERS.includes(before.charAt(cursor))) {
        items.unshift(before.slice(cursor - length, cursor));
        cursor -= length + 1;
      }
      if (items.length > 1) return { items, taken: word };
    }
  }
  return undefined;
}

/** The list a label's first word belongs to (Urban and rural residents' with "rural residents…" → urban, rural). */
function englishGroups(before: string, label: string): { items: string[]; taken: string } | undefined {
  const word = /^[a-z]+/.exec(label.toLowerCase())?.[0];
  if (word === undefined) return undefined;
  const match = new RegExp(`((?:[A-Za-z]+, )*[A-Za-z]+),? and ${word}\\b`, 'i').exec(before);
  if (match?.[1] === undefined) return undefined;
  return { items: [...match[1].toLowerCase().split(', '), word], taken: word };
}

/** Every figure of a text, in order, with non-overlapping spans; offsets are JavaScript string indices. */
export function extractFigures(text: string, context: ExtractContext = {}): Figure[] {
  return new Extraction(text, context).run();
}
