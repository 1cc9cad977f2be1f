// From a stored brief revision to the observations it contributes, one per metric.
import { observationKey } from './diff.ts';
import type { Figure, Observation } from './model.ts';
import type { BriefRevision } from './ports.ts';

const qualifierPreference: Record<Figure['qualifier'], number> = { exact: 0, approx: 1, over: 2, under: 2 };

/**
 * Within one brief the same metric counts once: a headline's rounded figure (逾4万人) and the body's exact one
 * (42303人) are one observation, and the exact figure is the one kept.
 */
export function observationsOf(revision: BriefRevision): Observation[] {
  const chosen = new Map<string, Figure>();
  for (const figure of revision.figures) {
    const held = chosen.get(figure.metric);
    if (held === undefined || qualifierPreference[figure.qualifier] < qualifierPreference[held.qualifier]) {
      chosen.set(figure.metric, figure);
    }
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
