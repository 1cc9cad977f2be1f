// From a stored brief revision to the observations it contributes, one per metric.
import { observationKey } from './diff.ts';
import type { Figure, Observation } from './model.ts';
import type { BriefRevision } from './ports.ts';

const qualifierRank: Record<Figure['qualifier'], number> = { exact: 0, approx: 2, over: 4, under: 4 };

/** Lower is more precise: an exact figure over a rounded one, then a figure that states its own as-of date. */
function precisionRank(figure: Figure): number {
  return qualifierRank[figure.qualifier] + (figure.asOf === undefined ? 1 : 0);
}

/**
 * Within one brief the same metric counts once: a headline's rounded figure (逾4万人) and the body's exact one
 * (截至5月11日…42303人) are one observation, and the most precise figure is the one kept (the first among equals).
 */
export function observationsOf(revision: BriefRevision): Observation[] {
  const chosen = new Map<string, Figure>();
  for (const figure of revision.figures) {
    const held = chosen.get(figure.metric);
    if (held === undefined || precisionRank(figure) < precisionRank(held)) chosen.set(figure.metric, figure);
  }
  const { brief } = revision;
  const publishedDate = brief.publishedAt.slice(0, 10);
  return [...chosen.values()].map((figure) => {
    const asOf = figure.asOf ?? brief.asOf ?? publishedDate;
    const parts = {
      asOf,
      publishedAt: brief.publishedAt,
      briefId: revision.briefId,
      revision: revision.revision,
    };
    return {
      metric: figure.metric,
      key: observationKey(parts),
      ...parts,
      value: figure.value,
      unit: figure.unit,
      qualifier: figure.qualifier,
      label: figure.label,
      kind: figure.kind,
      region: brief.region ?? '',
      surface: figure.surface,
    };
  });
}
