// Stage words (计划 / 已 / 累计) that tell a result from the plan it reports on, when a clause names only its stage.

/** A clause that says only that something was done, and how far: 已完成, 累计建成, 已经. */
const DONE_ONLY = /^(已经|已|累计)(完成|建成|实现|开工|完工|改造|新建)?$/;
/** The plan a clause before set: 计划完成造林绿化, 拟新建, 将改造. */
const PLANNED = /^(?:计划|拟|将)/;

/**
 * 计划完成造林绿化1.5万亩，已完成1.32万亩: a clause that names only its stage reports on the plan before it, and is
 * the result of that plan (已完成造林绿化), a series apart from the plan. Undefined when the clause names more, or
 * the label before is no plan.
 */
export function resultOfPlan(previous: string, clause: string): string | undefined {
  const done = DONE_ONLY.exec(clause);
  const plan = PLANNED.exec(previous)?.[0];
  if (done === null || plan === undefined) return undefined;
  const planned = previous.slice(plan.length);
  if (planned.length < 2) return undefined;
  return (done[1] === '已经' ? '已' : done[1]) + planned;
}

/** A share of a target: 完成年度目标比例, 完成全年计划比例, 完成年度预算比例. */
const SHARE_OF_TARGET = /^完成(?:年度|全年)?[^的]{0,4}(?:目标|计划|任务|预算)比例$/;
/** A subject that is itself what was done (累计完成投资, 已建成投用): the target share needs no other subject. */
const DONE_SUBJECT = /完成|实现|建成|竣工|完工|投用/;
const STAGE_OPENING = /^(?:已经|已|累计)/;
/** A rate or share before (开工率71.1%，完成年度投资计划的54.6%) is no amount a target is set for. */
const RATE = /(?:率|比例|占比|比重)$/;

/**
 * 城镇新增就业6120人，完成年度目标的102% → 城镇新增就业完成年度目标比例: the share of a target a figure reached
 * names the subject of that figure, the label before it in the sentence; the share as it is when that names
 * what was done itself.
 */
export function ofTarget(previous: string, share: string): string {
  if (!SHARE_OF_TARGET.test(share) || DONE_SUBJECT.test(previous) || RATE.test(previous)) return share;
  const subject = previous.replace(STAGE_OPENING, '');
  return subject.length < 2 ? share : subject + share;
}

const SHARE_LABEL = /(?:比例|占比|比重)$/;
const SHARE_CHANGE = /^(?:比例|占比|比重)/;
/** How many labels back a growth may look past shares for its amount. */
const SHARES_PAST = 3;

/**
 * 一般公共预算收入完成186.3亿元，为年度预算的52.8%，同比增长3.6%: a growth in % right after a share is the growth of
 * the amount before the share (a share's own change is written in 个百分点). The label of that amount, or undefined
 * when the label before is no share.
 */
export function growthPast(labels: readonly string[], unit: string, change: string): string | undefined {
  const last = labels.at(-1);
  if (unit !== '%' || last === undefined || !SHARE_LABEL.test(last) || SHARE_CHANGE.test(change))
    return undefined;
  for (let at = labels.length - 2; at >= 0 && at >= labels.length - 1 - SHARES_PAST; at--) {
    const label = labels[at];
    if (label !== undefined && !SHARE_LABEL.test(label)) return label;
  }
  return undefined;
}

/** Verbs of a state things reach (开工, 竣工, 达标): a share of them counts those that reached it. */
const STATE_REACHED = /[\u4e00-\u9fff]{2}(?:开工|完工|竣工|投产|达产|达标|复工|复产|开业|签约|上线|投用)$/;

/** 重点项目开工 + 近八成 → 重点项目开工比例: a share named by the state its things reached; the label as it is else. */
export function shareInState(label: string): string {
  return STATE_REACHED.test(label) ? `${label}比例` : label;
}

/** Verbs a stage word may stand before with no object (已开工71个, 在建9个, 已核销2130万元). */
const STAGED_VERBS =
  '新开工 开工 竣工 完工 建成 核销 兑付 兑现 使用 发放 新增 新建 改建 扩建 改扩建 新改建 改造 完成 签约 投产 投用 收获 整治 引进 培育 认定 安置 成交 接待 受理 办结 关闭 关停 拆除 搬迁 建设 实施 覆盖 更新 安装 加装 投放'.split(
    ' ',
  );
const LONGEST_VERBS = [...STAGED_VERBS].sort((left, right) => right.length - left.length);
/** Stage words before such a verb; 再 only says the plan comes on top of what was done (计划再新增). */
const STAGE_WORDS = /^(?:已经|已|累计|计划|拟|正在|还将|将)*再?/;
/** 在建 is a stage with its verb built in. */
const UNDER_WAY = '在建';
/** An action's rate (开工率, 核销率, 覆盖率): how much of its object the action reached. */
const ACTION_RATE = /^([\u4e00-\u9fff]{2})率$/;

/**
 * A label that is a noun (重点项目, 纳入年度计划的重点项目): no stage, no verb of STAGED_VERBS, no measure word
 * (既有住宅累计加装电梯 is a running total, not a thing).
 */
const NAMED_NOUN =
  /^(?!.*(?:已|累计|计划|开工|竣工|完工|建成|核销|发放|新增|新建|改造|完成|成交|投资|收入|金额|额|量|率|比例|面积|产值))[\u4e00-\u9fff]{2,}$/;
/** 项目 alone names no rate a reader would tell apart (已开工项目98个，开工率…): the rate stays bare. */
const MIN_OBJECT = 3;

/** Works on equipment, named with their object (加装电梯): building stages (开工, 完工) are stages of them. */
const WORKS = new Set(['加装', '安装', '更新']);

/** The last verb of STAGED_VERBS in `label` with at least two characters of object after it. */
function lastVerb(label: string): { verb: string; object: string } | undefined {
  for (let at = label.length - 3; at >= 0; at--) {
    const verb = LONGEST_VERBS.find((candidate) => label.startsWith(candidate, at));
    if (verb !== undefined && label.length - at - verb.length >= 2)
      return { verb, object: label.slice(at + verb.length) };
  }
  return undefined;
}

/**
 * 纳入计划的重点项目86个，已开工71个，开工率82.6% → 已开工重点项目, 重点项目开工率: a stage and its verb alone, or
 * an action's rate, are of the object the figure before named (its noun, or what its verb was done to). A one-character
 * verb is short for the verb before that holds it (计划再改 → 计划改造老旧小区, 计划再建 → 计划新建…). Undefined when the label
 * names its object, or the label before names none; `sameUnit` says whether the figure before counts in the same unit.
 */
export function stagedObject(label: string, previous: string, sameUnit: boolean): string | undefined {
  const rate = ACTION_RATE.exec(label)?.[1];
  if (rate !== undefined) {
    const done = STAGED_VERBS.includes(rate) ? lastVerb(previous) : undefined;
    // 已开工改造老旧小区97个，开工率: the rate is of the work (改造), which the object alone does not name.
    if (done === undefined || (done.verb !== rate && previous.includes(rate))) return undefined;
    return done.object.length < MIN_OBJECT ? undefined : done.object + label;
  }
  if (!sameUnit) return undefined;
  const stage = STAGE_WORDS.exec(label)?.[0] ?? '';
  const rest = label.slice(stage.length);
  const bare = rest === UNDER_WAY || STAGED_VERBS.includes(rest) || (rest.length === 1 && stage !== '');
  if (!bare) return undefined;
  const done = lastVerb(previous);
  const object =
    done?.object ?? (NAMED_NOUN.test(previous) ? previous.slice(previous.lastIndexOf('的') + 1) : '');
  if (object.length < 2) return undefined;
  const verb = rest.length === 1 ? (done?.verb.includes(rest) === true ? done.verb : undefined) : rest;
  if (verb === undefined) return undefined;
  // 累计加装电梯756部，其中完工84部: 加装 is the work whose stage 完工 is, and stays with its object.
  const work = done !== undefined && done.verb !== verb && WORKS.has(done.verb) ? done.verb : '';
  return stage.replace(/再$/, '') + verb + work + object;
}
