// Metric identity within one text, settled after every figure is labelled: a headline figure and the body figure
// it restates are one metric; two different figures never share a key at one as-of unless, after looking at more
// context, nothing tells them apart, and then both stay and both are flagged for the editor.
import { unitFamily } from '../metric-key.ts';
import type { Figure, FigureWarning } from '../model.ts';

/** What the text around a figure offers when its label alone does not tell it from a neighbour. */
export interface Widening {
  /** The label with the context that tells it apart (招聘月提供就业岗位, 已返还企业), read only when needed. */
  label(): string | undefined;
  /** The label without the agent or programme it took from its sentence (提供就业岗位), for finding neighbours. */
  readonly core: string;
  /**
   * For a label that names nothing (only its unit: “%”), the figure's own words (share of Qiaoxi residents
   * satisfied…): a key every unnamed share of a text would otherwise meet on.
   */
  bare(): string | undefined;
}

export interface Keys {
  /** The key the label gives across briefs. */
  of: (label: string, unit: string) => string;
  /** The key that keeps stage words (计划, 已, 累计), for a result beside its plan in one brief. */
  strict: (label: string, unit: string) => string;
}

/** A rounded figure (约130亿元) holds values this close to it; a bound (3万余户, 超4000个) up to the next digit. */
const ROUNDING = 0.15;
const BOUND = 0.5;

/** Whether two figures can be one value of one series: equal, or one a rounding or bound of the other. */
function compatible(left: Figure, right: Figure): boolean {
  if (left.value === right.value && left.valueMax === right.valueMax) return true;
  return within(left, right.value) || within(right, left.value);
}

/** A share written in tenths (两成, 近三成) holds what rounds to it: 两成 restates 20.4%, not 26%. */
const TENTHS = /成$/;
const HALF_A_TENTH = 5;

function within(bound: Figure, value: number): boolean {
  if (bound.unit === '%' && TENTHS.test(bound.surface) && Math.abs(value - bound.value) < HALF_A_TENTH)
    return bound.qualifier === 'over'
      ? value >= bound.value
      : bound.qualifier !== 'under' || value <= bound.value;
  const spread = Math.abs(bound.value) * ROUNDING;
  const reach = Math.abs(bound.value) * BOUND;
  switch (bound.qualifier) {
    case 'over':
      return value >= bound.value && value < bound.value + reach;
    case 'under':
      return value <= bound.value && value > bound.value - reach;
    case 'approx':
      return Math.abs(value - bound.value) <= spread;
    default:
      return bound.valueMax !== undefined && value >= bound.value && value <= bound.valueMax;
  }
}

/** The head of a label, for telling a restatement (稳岗返还资金 / 发放稳岗返还资金) from a coincidence. */
function head(label: string): string {
  return label.slice(-2);
}

/** A share of a population defined by what its members do or say (希望缩短通勤时间的受访职工比例). */
const POPULATION_SHARE = /的[^的]{1,8}比例$/;
/** How much of the shorter of two definitions the other must hold to define the same population. */
const SHARED_WORDING = 0.5;

/**
 * Whether two shares of a population (all end in 比例) have the same definition: 支持垃圾分类的受访者比例 restates
 * 表示支持垃圾分类的受访者比例, but 希望缩短通勤时间的职工比例 is no 希望增加带薪休假天数的职工比例. The wording both
 * share at either end is set aside before comparing.
 */
function definedAlike(left: string, right: string): boolean {
  if (!POPULATION_SHARE.test(left) || !POPULATION_SHARE.test(right)) return false;
  let prefix = 0;
  while (prefix < left.length && prefix < right.length && left[prefix] === right[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < left.length - prefix &&
    suffix < right.length - prefix &&
    left[left.length - 1 - suffix] === right[right.length - 1 - suffix]
  )
    suffix++;
  const leftCore = left.slice(prefix, left.length - suffix);
  const rightCore = right.slice(prefix, right.length - suffix);
  const [short, long] = leftCore.length <= rightCore.length ? [leftCore, rightCore] : [rightCore, leftCore];
  let held = 0;
  for (const char of short) if (long.includes(char)) held++;
  return held >= short.length * SHARED_WORDING;
}

function sameMeasure(left: Figure, right: Figure): boolean {
  return left.kind === right.kind && unitFamily(left.unit) === unitFamily(right.unit);
}

/**
 * The headline restates body figures (稳岗返还资金发放超3亿元 / 已发放稳岗返还资金3.12亿元): each headline figure
 * that matches a body figure takes its key and, when it states none, its as-of. One that matches none and states no
 * date of its own sums up the body's first figure of its kind (跌破3200元/吨 / 均价报3186元/吨) and takes its as-of,
 * unless that would set it beside a body figure of its key with another value.
 */
function joinHeadline(figures: Figure[], headlineEnd: number, keys: Keys) {
  const body = figures.filter((figure) => figure.offset >= headlineEnd);
  for (const figure of figures) {
    if (figure.offset >= headlineEnd) break;
    // The same value and measure restates the body figure; a rounded one must also name the same thing.
    // Of the body figures it could restate, the nearest in value (近半 is 48.6%, not a bound of 不高于85%).
    const candidates = body.filter(
      (candidate) =>
        sameMeasure(candidate, figure) &&
        compatible(candidate, figure) &&
        (candidate.value === figure.value ||
          candidate.metric === figure.metric ||
          head(candidate.label) === head(figure.label)),
    );
    // The body figure of the same name is the one restated, even where the headline misread its kind (增长目标定为
    // 5.5%左右 / 增长5.5%左右), before another of the same value (城镇调查失业率5.5%左右). A share of a population whose
    // body share is defined alike (希望延长课后服务时间的家长比例) is that one, not a nearer share of another choice;
    // with none defined alike, the nearest.
    const named = nearest(
      figure,
      body.filter(
        (candidate) =>
          candidate.label === figure.label &&
          unitFamily(candidate.unit) === unitFamily(figure.unit) &&
          compatible(candidate, figure),
      ),
    );
    if (named !== undefined) figure.kind = named.kind;
    const restated =
      named ??
      nearest(
        figure,
        candidates.filter((candidate) => definedAlike(candidate.label, figure.label)),
      ) ??
      nearest(figure, candidates);
    if (restated === undefined) {
      const summed = figure.asOf === undefined ? summedAsOf(figure, body) : undefined;
      if (summed !== undefined) figure.asOf = summed;
      continue;
    }
    if (isBareRestatement(restated.label, figure.label))
      completeBareMeasure(body, restated, figure.label, keys);
    // 安排专项资金800万元更新老旧电梯 / …800万元用于老旧电梯更新改造: the headline's bare fund is the body's; so is
    // a headline's bare measure (募集规模近千亿元 / 新成立公募基金…合计募集规模987.6亿元).
    else if (
      isBareRestatement(figure.label, restated.label) ||
      shortensName(figure.label, restated.label) ||
      (ALLOCATING.test(figure.label) && restated.label.endsWith(figure.label.replace(ALLOCATING, '')))
    )
      figure.label = restated.label;
    figure.metric = restated.metric;
    if (figure.asOf === undefined && restated.asOf !== undefined) figure.asOf = restated.asOf;
  }
}

/** Verbs that only allocate money (安排专项资金): the fund is what follows them. */
const ALLOCATING = /^(?:安排|投入|拨付|下达|筹集)(?=.{2})/;

/** The longest bare measure a body figure may name without whose it is (覆盖率, 开放率, 总投资, 日均客流). */
const MAX_BARE = 4;

/** 覆盖率 in the body, 生活垃圾分类覆盖率 in the headline: the body names the headline's measure without its subject. */
function isBareRestatement(bodyLabel: string, headlineLabel: string): boolean {
  return (
    bodyLabel.length >= 2 &&
    bodyLabel.length <= MAX_BARE &&
    headlineLabel.length > bodyLabel.length &&
    headlineLabel.endsWith(bodyLabel)
  );
}

/** 总产 in the headline, 夏粮总产量 in the body: a headline cuts the body's name short for the same figure. */
function shortensName(headlineLabel: string, bodyLabel: string): boolean {
  return (
    headlineLabel.length >= 2 &&
    headlineLabel.length <= MAX_BARE &&
    bodyLabel.length > headlineLabel.length &&
    bodyLabel.includes(headlineLabel)
  );
}

/**
 * The body's bare measure takes the headline's name for it, and so does a change of it later in the body that opens
 * on the bare measure (开放率较年初提高 → 学校体育场馆开放率较年初提高).
 */
function completeBareMeasure(body: Figure[], restated: Figure, named: string, keys: Keys) {
  const bare = restated.label;
  const subject = named.slice(0, -bare.length);
  for (const other of body) {
    if (other.offset < restated.offset) continue;
    if (other === restated) other.label = named;
    else if (other.label.startsWith(bare) && other.kind === 'growth_rate')
      other.label = subject + other.label;
    else continue;
    other.metric = keys.of(other.label, other.unit);
  }
}

function nearest(figure: Figure, candidates: Figure[]): Figure | undefined {
  let best: Figure | undefined;
  for (const candidate of candidates) {
    if (best === undefined || Math.abs(candidate.value - figure.value) < Math.abs(best.value - figure.value))
      best = candidate;
  }
  return best;
}

/**
 * The as-of of the body figure of the headline figure's kind nearest in value (近九成 sums up 88.3%, not
 * the 76% it rose from), unless it sets two values on one key.
 */
function summedAsOf(figure: Figure, body: Figure[]): string | undefined {
  const asOf = nearest(
    figure,
    body.filter((candidate) => candidate.kind === figure.kind),
  )?.asOf;
  const clashes = body.some(
    (other) => other.metric === figure.metric && other.asOf === asOf && !compatible(other, figure),
  );
  return clashes ? undefined : asOf;
}

function warn(figure: Figure, warning: FigureWarning) {
  figure.warnings = [...(figure.warnings ?? []), warning];
}

/**
 * Different figures on one key at one as-of: each takes its wider label; those that still meet are kept and
 * flagged. Figures that differ only by the context one of them took (提供就业岗位 / 创业孵化平台提供就业岗位) are
 * neighbours too: the bare one takes its own context.
 */
function separate(figures: Figure[], widenings: Widening[], keys: Keys) {
  figures.forEach((figure, index) => {
    const bare = widenings[index]?.bare();
    if (bare === undefined) return;
    figure.label = bare;
    figure.metric = keys.of(bare, figure.unit);
  });
  const byCore = new Grouping<number>();
  figures.forEach((figure, index) => {
    byCore.add(keys.of(widenings[index]?.core ?? figure.label, figure.unit), figure.asOf, index);
  });
  for (const members of byCore.groups()) {
    if (conflicts(members.map((index) => figures[index] as Figure)).size === 0) continue;
    for (const index of members) {
      const figure = figures[index];
      const widening = widenings[index];
      // A label that already carries its context (创业孵化平台提供就业岗位) is told apart; the bare ones widen.
      if (figure === undefined || widening === undefined || figure.label !== widening.core) continue;
      const wider = widening.label();
      if (wider === undefined) continue;
      figure.label = wider;
      figure.metric = keys.of(wider, figure.unit);
    }
  }
  const byKey = new Grouping<Figure>();
  for (const figure of figures) byKey.add(figure.metric, figure.asOf, figure);
  for (const group of byKey.groups()) {
    separateStages(group, keys);
    flagCollisions(group);
  }
}

/** Items grouped by key and as-of, without building a string per item: a text names few keys many times. */
class Grouping<T> {
  private readonly byKey = new Map<string, Map<string | undefined, T[]>>();

  add(key: string, asOf: string | undefined, item: T) {
    let byAsOf = this.byKey.get(key);
    if (byAsOf === undefined) {
      byAsOf = new Map();
      this.byKey.set(key, byAsOf);
    }
    const group = byAsOf.get(asOf);
    if (group === undefined) byAsOf.set(asOf, [item]);
    else group.push(item);
  }

  /** The groups of more than one item. */
  *groups(): Generator<T[]> {
    for (const byAsOf of this.byKey.values()) {
      for (const group of byAsOf.values()) if (group.length > 1) yield group;
    }
  }
}

const NO_CONFLICTS: ReadonlyMap<Figure, Figure> = new Map();

/** How many other values each value of a key is compared with: enough to find a conflict, few enough to stay linear. */
const COMPARED_VALUES = 16;

/** The figures of one key that conflict with another of it, each with one it conflicts with. */
function conflicts(group: Figure[]): ReadonlyMap<Figure, Figure> {
  // Most groups repeat one value (a headline and its body): nothing to compare, nothing to allocate.
  const first = group[0]?.value;
  if (group.every((figure) => figure.value === first)) return NO_CONFLICTS;
  const found = new Map<Figure, Figure>();
  const byValue = new Map<number, Figure[]>();
  for (const figure of group) {
    const same = byValue.get(figure.value);
    if (same === undefined) byValue.set(figure.value, [figure]);
    else same.push(figure);
  }
  if (byValue.size < 2) return found;
  const compared: Figure[] = [];
  for (const same of byValue.values()) {
    if (compared.length === COMPARED_VALUES) break;
    compared.push(same[0] as Figure);
  }
  for (const same of byValue.values()) {
    const representative = same[0] as Figure;
    const other = compared.find((candidate) => !compatible(candidate, representative));
    if (other !== undefined) for (const figure of same) found.set(figure, other);
  }
  return found;
}

const STAGED = /已|累计|预计/;

/**
 * 计划改造老旧小区76个，已改造老旧小区30个: a result beside its plan, or a forecast beside its result, takes the
 * key that keeps its stage.
 */
function separateStages(group: Figure[], keys: Keys) {
  for (const figure of conflicts(group).keys()) {
    if (STAGED.test(figure.label)) figure.metric = keys.strict(figure.label, figure.unit);
  }
}

function flagCollisions(group: Figure[]) {
  const metric = group[0]?.metric;
  const still = group.every((figure) => figure.metric === metric)
    ? group
    : group.filter((f) => f.metric === metric);
  for (const [figure, other] of conflicts(still)) {
    warn(figure, {
      code: 'collision',
      message: `“${figure.surface}” and “${other.surface}” both read as ${figure.label} at one date but differ; name one of them`,
    });
  }
}

/** Settles the metric keys of one text's figures, in place. */
export function settleIdentity(
  figures: Figure[],
  widenings: Widening[],
  headlineEnd: number,
  keys: Keys,
): void {
  if (headlineEnd > 0) joinHeadline(figures, headlineEnd, keys);
  separate(figures, widenings, keys);
}

/** Where the headline ends: a first line without a sentence end, set apart by a blank line; 0 when there is none. */
export function headlineEnd(text: string): number {
  const end = text.indexOf('\n\n');
  if (end <= 0 || end > MAX_HEADLINE) return 0;
  return /[。！？]/.test(text.slice(0, end)) ? 0 : end;
}

const MAX_HEADLINE = 80;
