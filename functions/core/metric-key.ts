// Metric identity: region + normalized label + unit family, so differently worded briefs meet on one series.

/** Label variant → canonical label, declared by editors in data/aliases.json. */
export type AliasTable = Record<string, string>;

const QUOTES = /[“”‘’"'「」『』《》【】]/g;
const SPACES = /\s+/g;
const BRACKETED = /[(（][^()（）]*[)）]/g;
/**
 * Wording that changes between briefs but not what is measured: light verbs (开展, 实施, 完成, 实现; not 完成率), the
 * year-on-year base in any of its spellings (同比, 比去年, 较上年同期, 比年初), 现有 and 拥有 (全市现有/拥有X).
 */
const NEUTRAL_WORDS =
  /开展|进行|发放|实施|完成(?!率)|实现(?!率)|拥有|现有|同比|(?:比|较)(?:上年|去年)(?:同期|末|底)?|(?:比|较)年初|全年|今年|了|的/g;
/**
 * Stage words (计划, 预计, 已, 累计): 计划改造老旧小区 and 老旧小区改造 are one series from brief to brief, so a key
 * drops them; within one brief, where a plan or forecast and a result stand side by side, the strict key keeps them
 * apart.
 */
const STAGE_WORDS = /计划|任务|预计|累计|已经|已/g;
/** Spellings of one word (规上 = 规模以上, 营收 = 营业收入, 增速 = 增长), in the order they are applied. */
const SYNONYMS: [RegExp, string][] = [
  [/规上/g, '规模以上'],
  [/营收/g, '营业收入'],
  [/沪指/g, '上证指数'],
  [/深成指/g, '深证成指'],
  [/归属于上市公司股东净利润/g, '归母净利润'],
  [/增速|增幅|增长率/g, '增长'],
  [/(?<!平)均价(?!格)/g, '平均价格'],
  [/比重/g, '占比'],
  // 经常参加体育锻炼人口比例 = …占比: a share is named by either word.
  [/比例$/, '占比'],
  [/沪深两市/g, '两市'],
  [/社零总额/g, '社会消费品零售总额'],
  // GDP and 国内生产总值 are the region's 地区生产总值: the key carries the region.
  [/gdp|国内生产总值/g, '地区生产总值'],
  // 平均批发价格 = 批发平均价格: 平均 goes after the market the price is taken in.
  [/平均(批发|零售|收购|出厂)/g, '$1平均'],
  // 较上月下降 = 比上月下降: a comparison base is written with either.
  [/较(?=[上去本前年同当一二三四五六七八九十0-9])/g, '比'],
  [/获得|获|拿到|收到/g, '获'],
  [/预期目标/g, '预期'],
  [/(增长|下降)预期$/, '预期$1'],
  // 经济总量 and 经济增长 are how a brief names the region's output and its growth.
  [/^经济总量$/, '地区生产总值'],
  [/^经济增长/, '地区生产总值增长'],
  // 旅游总收入 = 旅游收入, 充电桩总数 = 充电桩总量 = 充电桩: a total names the same series (总额 and 总值 stay, as in
  // 社会消费品零售总额, so that stored keys of those do not move).
  [/总(?:数|量)$/, ''],
  [/总(?=收入|规模)/g, ''],
  // 接待游客 = 游客量 = 接待国内外游客: visitors received are all visitors, counted in person-times.
  [/接待/g, ''],
  [/(?:国内外|境内外|中外)(?=游客|旅客)/g, ''],
  [/(游客|旅客|乘客)(?:量|人次)/g, '$1'],
  [/^top-?100|^前100强?/, '百强'],
  // 新建高标准农田 = 建设高标准农田, 新开工 = 开工: a plan names its new works either way.
  [/新建(?!改建)/g, '建设'],
  [/新开工/g, '开工'],
  // 批发价 = 批发价格, and an average price or premium is the price the brief reports (两年平均增长 stays).
  [/价(?=$|增长$|下降$|上涨$|下跌$)/, '价格'],
  [/平均(?=价格|溢价率)/, ''],
  // 访问应届毕业生 = 受访应届毕业生 = 接受调查企业: a survey's sample is named one way.
  [/^(?:访问|接受调查|参与调查|参加调查)/, '受访'],
  // 农村公路新改建 = 新建改建农村公路 (the order is settled below).
  [/新改建/g, '新建改建'],
  // 销售总额 = 销售额: a sales or deal total names the same series (社会消费品零售总额 stays, see above).
  [/(销售|成交|交易|募资|融资)总额/g, '$1额'],
  // 规上工业增长 is how a bulletin shortens the growth of 规模以上工业增加值.
  [/规模以上工业(?=增长|下降)/g, '规模以上工业增加值'],
  // 综合机械化水平 = 综合机械化率, 城镇化水平 = 城镇化率; 主要农作物… = 农作物…: 主要 only says which are counted.
  [/化水平$/, '化率'],
  [/^主要/, ''],
  // 单月 = 当月: the month's own figure beside a running total; IPO融资 = IPO募资 = 首发募资.
  [/单月/g, '当月'],
  [/(ipo|首发)融资/g, '$1募资'],
  // 募资额 = 募资: the money raised, with or without the word for an amount.
  [/募资额/g, '募资'],
];
/**
 * In a survey's share, 受访 and the verbs of answering (表示, 感到) say only that the population was asked:
 * 对课后服务感到满意受访家长占比 = 对课后服务满意家长占比.
 */
const SURVEY_SHARE = /占比$/;
const SURVEY_WORDING = /受访者?|表示|感到/g;
/**
 * English wording of one series, on the hyphenated label: growth in X = X growth, rise = increase, companies =
 * firms, jobless = unemployment, economic growth = GDP growth; surveyed and local only say who was asked or where.
 */
const ENGLISH_CHANGE_FIRST = /^(growth|increase|rise|decline|decrease|fall|drop)-in-(.+)$/;
const ENGLISH_SYNONYMS: [RegExp, string][] = [
  // Retail sales of consumer goods = retail sales; value-added industrial output = industrial output.
  [/(?<![a-z])retail-sales-of-consumer-goods(?![a-z])/g, 'retail-sales'],
  [/(?<![a-z])(?:value-added-industrial-output|industrial-value-added)(?![a-z])/g, 'industrial-output'],
  // Passengers served = passenger throughput = passenger numbers; containers handled = container traffic.
  [
    /(?<![a-z])(passenger|container|visitor)s?-(?:handled|served|traffic|throughput|numbers|received)(?![a-z])/g,
    '$1s',
  ],
  [/(?<![a-z])cargo-(?:handled|traffic|throughput)(?![a-z])/g, 'cargo'],
  // Tourist visits = visitors: a tourism count is of visits, whichever noun the brief counts them with.
  [/^(?:(?:tourist|visitor)-)?visits$|^(?:tourist|visitor)-trips$/, 'visitors'],
  // New energy vehicles = NEVs; exported = sent overseas = exports.
  [/(?<![a-z])(?:new-energy-vehicles?|nevs)(?![a-z])/g, 'nev'],
  [/-(?:exported|sent-overseas|sent-abroad|shipped-overseas|shipped-abroad)(?![a-z])/g, '-exports'],
  [/(?<![a-z])(?:rises?|gains?)(?![a-z])/g, 'increase'],
  [/(?<![a-z])(?:decreases?|falls?|drops?)(?![a-z])/g, 'decline'],
  [/(?<![a-z])(?:companies|businesses|enterprises)(?![a-z])/g, 'firms'],
  [/(?<![a-z])jobless(?![a-z])/g, 'unemployment'],
  [/(?<![a-z])gross-domestic-product|^economic(?=-growth$|-output$)/g, 'gdp'],
  [/^gdp-output$/, 'gdp'],
  [/(?<![a-z])(?:surveyed|polled|local)-/g, ''],
];
// Quotes are gone by now, so Dunmore's reads dunmores.
const ENGLISH_LABEL = /^[a-z0-9][a-z0-9-]*$/;

function normalizeEnglish(label: string): string {
  let words = label.replace(ENGLISH_CHANGE_FIRST, '$2-$1');
  for (const [spelling, word] of ENGLISH_SYNONYMS) words = words.replace(spelling, word);
  return words;
}

/**
 * Verbs a target or a handout is named by, before or after the object (改造老旧小区 = 老旧小区改造, 领取失业保险金 =
 * 失业保险金领取, 核销消费券 = 消费券核销, 收获秋粮 = 秋粮收获).
 */
const OBJECT_FIRST = /^(.{2,8}?)(改造|新建改建|新建|建设|整治|治理|修缮|开工|领取|核销|收获)$/;
const TRAILING_CONNECTIVES = /(?:达到|已达|控制在|保持在|提升至|提高至|为|达|是)+$/;
/** Characters that would break a key used in a URL path or query. */
const UNSAFE_KEY_CHARS = /[/?#%\\]/g;
const HAS_UNSAFE_KEY_CHAR = /[/?#%\\]/;
/** Any of brackets, quotes or space: most labels have none and skip those passes. */
const NEEDS_CLEANING = /[(（“”‘’"'「」『』《》【】\s]/;

const NEEDS_FOLDING = /[A-Z\u3000\uff01-\uff5e]/;

/** Full-width forms and capitals fold to one spelling (ＧＤＰ, GDP, gdp). */
function fold(text: string): string {
  return NEEDS_FOLDING.test(text) ? text.normalize('NFKC').toLowerCase() : text;
}

export interface KeyOptions {
  /** Keep stage words (计划, 已, 累计), to tell a plan from a result within one brief. */
  strict?: boolean;
}

/**
 * The canonical form of a label: aliases applied, punctuation, quotes, neutral wording, stage words (unless
 * strict) and connectives removed, synonyms spelled one way, verb before object.
 */
export function normalizeLabel(label: string, aliases: AliasTable = {}, options: KeyOptions = {}): string {
  const direct = aliasOf(aliases, label);
  if (direct !== undefined) return normalizeWithoutAliases(direct, options);
  const normalized = normalizeWithoutAliases(label, options);
  const alias = aliasOf(aliases, normalized);
  if (alias !== undefined) return normalizeWithoutAliases(alias, options);
  return normalized;
}

/** Own keys only: a label like 'constructor' must not find Object.prototype. */
function aliasOf(aliases: AliasTable, label: string): string | undefined {
  return Object.hasOwn(aliases, label) ? aliases[label] : undefined;
}

function clean(text: string): string {
  const folded = fold(text);
  if (!NEEDS_CLEANING.test(folded)) return folded;
  return folded.replace(BRACKETED, '').replace(QUOTES, '').trim().replace(SPACES, '-');
}

function normalizeWithoutAliases(label: string, options: KeyOptions): string {
  const cleaned = clean(label);
  let neutral = ENGLISH_LABEL.test(cleaned) ? normalizeEnglish(cleaned) : cleaned.replace(NEUTRAL_WORDS, '');
  if (options.strict !== true) neutral = neutral.replace(STAGE_WORDS, '');
  for (const [spelling, word] of SYNONYMS) neutral = neutral.replace(spelling, word);
  if (SURVEY_SHARE.test(neutral)) neutral = neutral.replace(SURVEY_WORDING, '') || neutral;
  const ordered = neutral.replace(OBJECT_FIRST, '$2$1');
  return (ordered === '' ? cleaned : ordered).replace(TRAILING_CONNECTIVES, '') || cleaned;
}

const UNIT_FAMILIES: Record<string, string> = {
  元: 'money:CNY',
  CNY: 'money:CNY',
  yuan: 'money:CNY',
  美元: 'money:USD',
  USD: 'money:USD',
  EUR: 'money:EUR',
  欧元: 'money:EUR',
  JPY: 'money:JPY',
  HKD: 'money:HKD',
  港元: 'money:HKD',
  日元: 'money:JPY',
  GBP: 'money:GBP',
  英镑: 'money:GBP',
  '%': 'percent',
  '％': 'percent',
  '‰': 'permille',
  个百分点: 'points',
  百分点: 'points',
  个基点: 'basis-points',
  基点: 'basis-points',
  'basis points': 'basis-points',
  'percentage points': 'points',
  人: 'people',
  名: 'people',
  位: 'people',
  people: 'people',
  residents: 'people',
  例: 'cases',
  cases: 'cases',
  户: 'households',
  households: 'households',
  人次: 'person-times',
  倍: 'times',
  times: 'times',
  点: 'index-points',
  ratio: 'ratio',
  公顷: 'area:ha',
  ha: 'area:ha',
  // English as written, and the denominators of its rates (yuan per square metre, tonnes per hectare).
  hectares: 'area:ha',
  hectare: 'area:ha',
  'square metre': 'area:m2',
  'square meter': 'area:m2',
  'square metres': 'area:m2',
  'square meters': 'area:m2',
  'square kilometres': 'area:km2',
  'square kilometers': 'area:km2',
  'cubic metres': 'volume:m3',
  'cubic meters': 'volume:m3',
  亩: 'area:mu',
  mu: 'area:mu',
  平方米: 'area:m2',
  m2: 'area:m2',
  平方公里: 'area:km2',
  km2: 'area:km2',
  立方米: 'volume:m3',
  m3: 'volume:m3',
  吨: 'mass:t',
  t: 'mass:t',
  tonnes: 'mass:t',
  tons: 'mass:t',
  吨标准煤: 'energy:tce',
  千克: 'mass:kg',
  公斤: 'mass:kg',
  kg: 'mass:kg',
  克: 'mass:g',
  毫克: 'mass:mg',
  微克: 'mass:ug',
  斤: 'mass:jin',
  盎司: 'mass:oz',
  股: 'shares',
  升: 'volume:l',
  毫升: 'volume:ml',
  桶: 'volume:bbl',
  天: 'days',
  日: 'days',
  周: 'weeks',
  月: 'months',
  年: 'years',
  小时: 'hours',
  时: 'hours',
  分钟: 'minutes',
  秒: 'seconds',
  千瓦时: 'energy:kWh',
  kWh: 'energy:kWh',
  千瓦: 'power:kW',
  兆瓦: 'power:MW',
  公里: 'length:km',
  km: 'length:km',
  米: 'length:m',
  厘米: 'length:cm',
  毫米: 'length:mm',
  m: 'length:m',
  mi: 'length:mi',
  标箱: 'containers:TEU',
  标准箱: 'containers:TEU',
  TEU: 'containers:TEU',
  TEUs: 'containers:TEU',
  平米: 'area:m2',
  千米: 'length:km',
  平方千米: 'area:km2',
  GW: 'power:GW',
  MW: 'power:MW',
  kW: 'power:kW',
  gigawatts: 'power:GW',
  megawatts: 'power:MW',
  kilowatts: 'power:kW',
  'kilowatt-hours': 'energy:kWh',
  'kilowatt-hour': 'energy:kWh',
  visitors: 'count:visitors',
  visits: 'count:visitors',
  kilogram: 'mass:kg',
};

/** Counter words measure the same thing whichever one the writer picked (企业23家 / 23个企业). */
const COUNTERS = new Set(
  '个 家 栋 幢 座 尾 株 棵 头 只 匹 条 辆 艘 架 台 套 件 项 支 批 处 所 间 张 份 场 枚 颗 箱 袋 床 剂 块 片 宗 起 种 单 列 趟 班 管 部 本 册 款 笔 盏 眼 篇 幅 顶'.split(
    ' ',
  ),
);
const REPEATED_COUNTERS =
  /^(?:次|剂次|个次|户次|家次|辆次|架次|车次|艘次|场次|批次|班次|台次|航次|趟次|册次)$/;

/** The family a unit belongs to, so that values in one series are comparable: 元 → 'money:CNY', 名 → 'people'. */
export function unitFamily(unit: string): string {
  const known = Object.hasOwn(UNIT_FAMILIES, unit) ? UNIT_FAMILIES[unit] : undefined;
  if (known !== undefined) return known;
  if (COUNTERS.has(unit)) return 'count';
  if (REPEATED_COUNTERS.test(unit)) return 'times';
  const slash = unit.indexOf('/');
  if (slash > 0) return `rate:${unitFamily(unit.slice(0, slash))}-per-${unitFamily(unit.slice(slash + 1))}`;
  return unit === '' ? 'number' : `count:${fold(unit)}`;
}

/** Nouns the unit already says: 惠及3万余户居民 and 惠及34911户 count the same households. */
const IMPLIED_BY_FAMILY: Record<string, RegExp> = {
  households: /(?:居民|住户|家庭|(?<!用)户数)$/,
  people: /(?:人数|人口)$/,
};
/** An area in 亩 or 公顷 says 面积 already: 秋粮收获面积 and 收获秋粮 measure the same fields. */
const AREA_NOUN = /面积$/;

/**
 * Share of Qiaoxi residents = share of residents, in Qiaoxi's own key: the key already says where. Only an
 * English label is cut, where words are whole; a Chinese name may begin with its place (江州港).
 */
function withoutOwnPlace(label: string, region: string): string {
  if (region === '' || !ENGLISH_LABEL.test(label) || !label.includes(region)) return label;
  const words = label.split('-').filter((word) => word !== region && word !== `${region}s`);
  return words.length === 0 ? label : words.join('-');
}

/** An English label that is one plural noun (passengers, visitors): what a number written without a unit counts. */
const ENGLISH_COUNTED = /^[a-z]{3,}s$/;

/**
 * A number without a unit whose English label is what it counts (passenger throughput reached 11.3 million →
 * passengers) counts that noun, as the figure written with it does (11.3 million passengers).
 */
function countedByLabel(family: string, label: string): string {
  return family === 'number' && ENGLISH_COUNTED.test(label) ? `count:${label}` : family;
}

/** `${region}:${normalizedLabel}:${unitFamily}`, safe in a URL path segment (no '/', '?', '#'). */
export function metricKey(
  parts: { region?: string; label: string; unit: string },
  aliases?: AliasTable,
  options: KeyOptions = {},
): string {
  const region = clean(parts.region ?? '');
  const label = withoutOwnPlace(normalizeLabel(parts.label, aliases, options), region);
  const family = countedByLabel(unitFamily(parts.unit), label);
  const implied = IMPLIED_BY_FAMILY[family] ?? (family.startsWith('area:') ? AREA_NOUN : undefined);
  const bare = implied === undefined ? label : label.replace(implied, '');
  // What is left may name its verb last (秋粮收获), which a key writes first.
  const core = bare === label ? label : bare.replace(OBJECT_FIRST, '$2$1') || label;
  const key = `${region}:${core}:${family}`;
  return HAS_UNSAFE_KEY_CHAR.test(key) ? key.replace(UNSAFE_KEY_CHARS, '-') : key;
}
