// From a stored brief revision to the observations it contributes, one per metric and as-of, and back from an event id.
import { publicationInstant } from './brief.ts';
import { observationKey, parseEventId } from './diff.ts';
import { type Change, defaultLanguage, type Figure, type Observation } from './model.ts';
import type { BriefRevision, BriefStore, MetricStore } from './ports.ts';
import { followMerges } from './redirects.ts';

const qualifierRank: Record<Figure['qualifier'], number> = { exact: 0, approx: 2, over: 4, under: 4 };

/** Lower is more precise: an exact figure over a rounded one, then a figure that states its own as-of date. */
function precisionRank(figure: Figure): number {
  return qualifierRank[figure.qualifier] + (figure.asOf === undefined ? 1 : 0);
}

/**
 * Within one brief a metric counts once per as-of date: a headline's rounded figure (逾4万人) and the body's exact
 * one (截至5月11日…42303人), which the extractor dates alike, are one observation, and the most precise figure is
 * the one kept (the first among equals); a 去年同期 figure of the same metric is a second observation, one year
 * earlier. Figures flagged as colliding share a key and a date too: the most precise is recorded, and both stay in
 * the revision's figures with their warnings for the editor. `metricOf` names the metric that holds a figure's
 * series now (see redirects.ts): two figures whose metrics were merged are one metric too.
 */
export function observationsOf(
  revision: BriefRevision,
  metricOf: (metric: string) => string = (metric) => metric,
): Observation[] {
  const { brief } = revision;
  const publishedDate = brief.publishedAt.slice(0, 10);
  const asOfOf = (figure: Figure) => figure.asOf ?? brief.asOf ?? publishedDate;
  const chosen = new Map<string, Map<string, { figure: Figure; index: number; metric: string }>>();
  revision.figures.forEach((figure, index) => {
    const metric = metricOf(figure.metric);
    let byAsOf = chosen.get(metric);
    if (byAsOf === undefined) {
      byAsOf = new Map();
      chosen.set(metric, byAsOf);
    }
    const asOf = asOfOf(figure);
    const held = byAsOf.get(asOf);
    if (held === undefined || precisionRank(figure) < precisionRank(held.figure))
      byAsOf.set(asOf, { figure, index, metric });
  });
  // Resolved with the time zone the revision was stored under, so that its keys never depend on today's setting.
  const published = publicationInstant(brief.publishedAt, revision.timeZone).toISOString();
  const language = brief.language ?? defaultLanguage;
  return [...chosen.values()]
    .flatMap((byAsOf) => [...byAsOf.values()])
    .map(({ figure, index, metric }) => {
      const asOf = asOfOf(figure);
      return {
        metric,
        key: observationKey({
          asOf,
          publishedAt: published,
          briefId: revision.briefId,
          revision: revision.revision,
        }),
        asOf,
        publishedAt: brief.publishedAt,
        briefId: revision.briefId,
        revision: revision.revision,
        figureIndex: index,
        value: figure.value,
        unit: figure.unit,
        qualifier: figure.qualifier,
        label: figure.label,
        kind: figure.kind,
        region: brief.region ?? '',
        surface: figure.surface,
        ...(language === defaultLanguage ? {} : { language }),
      };
    });
}

/**
 * The change an event id names, found without an index of ids: the id names a stored revision and one of its
 * figures, which give the observation's metric and key, and so the one item that holds its change. A figure
 * recorded after its metric was merged has its change in a metric the merge led to: those are looked at next.
 */
export async function changeByEventId(
  id: string,
  stores: { briefs: BriefStore; metrics: MetricStore },
): Promise<Change | undefined> {
  const named = parseEventId(id);
  if (named === undefined) return undefined;
  const revision = await stores.briefs.getRevision(named.briefId, named.revision);
  if (revision === undefined) return undefined;
  const observation = observationsOf(revision).find((each) => each.figureIndex === named.figureIndex);
  if (observation === undefined) return undefined;
  const stored = await stores.metrics.getObservation(observation.metric, observation.key);
  if (stored?.change?.eventId === id) return stored.change;
  const head = await stores.metrics.getHead(observation.metric);
  const { chain } = await followMerges(stores.metrics, observation.metric, head);
  for (const metric of chain.slice(1)) {
    const merged = await stores.metrics.getObservation(metric, observation.key);
    if (merged?.change?.eventId === id) return merged.change;
  }
  return undefined;
}
