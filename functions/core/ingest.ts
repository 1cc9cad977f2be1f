// Upload and preview of a brief: validate, extract, store as an idempotent revision.
import { createHash } from 'node:crypto';
import { type Brief, briefSchema } from './brief.ts';
import { ContentionError } from './errors.ts';
import { extractFigures } from './extract/index.ts';
import type { AliasTable } from './metric-key.ts';
import type { Change, Figure } from './model.ts';
import { observationsOf } from './observations.ts';
import type { BriefRevision, BriefStore, MetricStore } from './ports.ts';
import { planObservation } from './record-observation.ts';
import { resolveMerges } from './redirects.ts';
import { parseWith } from './validate.ts';

export interface IngestDeps {
  briefs: BriefStore;
  metrics: MetricStore;
  now: () => Date;
  /** The alias table in force: the defaults and the editors' stored aliases (see aliases.ts). */
  aliases: () => Promise<AliasTable>;
  /** The newsroom's (IANA) time zone, stored with each revision. */
  timeZone: string;
}

export interface IngestAnswer {
  brief: { id: string; revision: number; contentHash: string };
  figures: Figure[];
}

export interface UploadResult {
  /** 'created' for a new revision, 'unchanged' when the content equals the latest revision. */
  outcome: 'created' | 'unchanged';
  answer: IngestAnswer;
}

/** The text figures are extracted from; figure offsets index into it. */
export function briefText(brief: Pick<Brief, 'headline' | 'body'>): string {
  return `${brief.headline}\n\n${brief.body}`;
}

/** Hash of the brief's content in a fixed key order, so that key order in the upload does not matter. */
export function contentHashOf(brief: Brief): string {
  const canonical = Object.keys(brief)
    .sort()
    .map((key) => [key, brief[key as keyof Brief]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function answerOf(revision: BriefRevision): IngestAnswer {
  return {
    brief: { id: revision.briefId, revision: revision.revision, contentHash: revision.contentHash },
    figures: revision.figures,
  };
}

async function prepare(input: unknown, deps: IngestDeps) {
  const brief = parseWith(briefSchema, input, 'brief');
  const contentHash = contentHashOf(brief);
  // Without an id, identical content maps to the same brief, which makes a blind re-upload a no-op.
  const briefId = brief.id ?? `b-${contentHash.slice(0, 20)}`;
  const figures = extractFigures(briefText(brief), {
    ...(brief.region === undefined ? {} : { region: brief.region }),
    publishedAt: brief.publishedAt,
    aliases: await deps.aliases(),
  });
  return { brief, briefId, contentHash, figures };
}

/**
 * Every round of the race for a revision number has a winner, so n editors saving one brief at once need at most
 * n rounds: this many concurrent saves of one brief succeed, more get a contention error.
 */
const MAX_REVISION_RACES = 20;

export async function uploadBrief(input: unknown, deps: IngestDeps): Promise<UploadResult> {
  const { brief, briefId, contentHash, figures } = await prepare(input, deps);
  for (let attempt = 0; attempt < MAX_REVISION_RACES; attempt++) {
    const latest = await deps.briefs.latestRevision(briefId);
    if (latest?.contentHash === contentHash) return { outcome: 'unchanged', answer: answerOf(latest) };
    const revision: BriefRevision = {
      briefId,
      revision: (latest?.revision ?? 0) + 1,
      contentHash,
      brief,
      figures,
      storedAt: deps.now().toISOString(),
      timeZone: deps.timeZone,
    };
    if ((await deps.briefs.putRevision(revision)) === 'stored')
      return { outcome: 'created', answer: answerOf(revision) };
  }
  throw new ContentionError(`brief ${briefId} kept changing while it was being stored`);
}

/** What the preview warns of beside the extractor's warnings: a figure whose metric was merged into another. */
export interface PreviewWarning {
  code: 'metric-merged';
  message: string;
}

/** A figure as the preview shows it: its metric as it would be recorded, merges followed. */
export type PreviewFigure = Omit<Figure, 'warnings'> & {
  warnings?: (NonNullable<Figure['warnings']>[number] | PreviewWarning)[];
};

/**
 * The answer an upload would give, plus the changes it would cause; writes nothing. Each figure's metric is the
 * one it would be recorded in: a metric merged into another is followed there, with a warning that says so.
 */
export async function previewBrief(
  input: unknown,
  deps: IngestDeps,
): Promise<Omit<IngestAnswer, 'figures'> & { figures: PreviewFigure[]; changes: Change[] }> {
  const { brief, briefId, contentHash, figures } = await prepare(input, deps);
  const latest = await deps.briefs.latestRevision(briefId);
  const revision: BriefRevision = {
    briefId,
    revision: latest?.contentHash === contentHash ? latest.revision : (latest?.revision ?? 0) + 1,
    contentHash,
    brief,
    figures,
    storedAt: deps.now().toISOString(),
    timeZone: deps.timeZone,
  };
  const { metricOf, heads } = await resolveMerges(
    deps.metrics,
    figures.map((figure) => figure.metric),
  );
  const recordedAt = deps.now().toISOString();
  const changes: Change[] = [];
  if (latest?.contentHash !== contentHash) {
    for (const observation of observationsOf(revision, metricOf)) {
      const { stored } = await planObservation(
        deps.metrics,
        observation,
        heads.get(observation.metric),
        recordedAt,
      );
      if (stored.change !== null) changes.push(stored.change);
    }
  }
  const shown = figures.map((figure): PreviewFigure => {
    const metric = metricOf(figure.metric);
    const merged: PreviewWarning[] =
      metric === figure.metric
        ? []
        : [
            {
              code: 'metric-merged',
              message: `metric ${figure.metric} was merged into ${metric}: the figure is recorded there`,
            },
          ];
    const warnings = [...(figure.warnings ?? []), ...merged];
    return { ...figure, metric, ...(warnings.length === 0 ? {} : { warnings }) };
  });
  return { ...answerOf(revision), figures: shown, changes };
}
