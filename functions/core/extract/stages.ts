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
