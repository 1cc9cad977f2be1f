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
