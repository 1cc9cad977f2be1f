// The API's data as the pages use it. Types only, and no browser globals: unit tests in Node import it too.
import type { ChangeEvent } from '../../functions/core/events.ts';
import type { ChangeType, Figure, Observation } from '../../functions/core/model.ts';
import type { BriefRevision, MetricHead, RevisionSummary } from '../../functions/core/ports.ts';

export type { ChangeEvent, ChangeType, Observation, RevisionSummary };
export type MetricSummary = Omit<MetricHead, 'pending'>;
export type StoredBrief = BriefRevision;

/** Warnings arrive with the naming work (`figure.warnings`); until then figures have none. */
export interface FigureWarning {
  code: string;
  message: string;
}
export type FigureView = Figure & { warnings?: FigureWarning[] };

/** One observation of a metric with the change it caused, if any. */
export interface HistoryEntry {
  observation: Observation;
  change: ChangeEvent | null;
}
