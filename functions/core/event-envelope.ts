// The CloudEvent of a change, assembled without the schema library: the pages build the events of a preview and of
// a metric's history with it and stay light, and events.ts validates the very same envelope before it is published.
import type { ChangeEvent, ChangeEventData, ObservationSnapshot } from './events.ts';
import type { Change, Observation } from './model.ts';

/**
 * The same in the sandbox and on every AWS deployment, so that (source, id), the CloudEvents identity consumers
 * de-duplicate on, does not depend on where an event was computed; event ids are already deterministic.
 */
export const EVENT_SOURCE = 'urn:updates-feed';

function snapshotOf(observation: Observation): ObservationSnapshot {
  return {
    value: observation.value,
    unit: observation.unit,
    qualifier: observation.qualifier,
    asOf: observation.asOf,
    publishedAt: observation.publishedAt,
    briefId: observation.briefId,
    revision: observation.revision,
    surface: observation.surface,
  };
}

/** A change's event data, which digests list too. */
export function changeDataOf(change: Change): ChangeEventData {
  const { current } = change;
  return {
    metric: change.metric,
    label: current.label,
    unit: current.unit,
    kind: current.kind,
    region: current.region,
    previous: change.previous === null ? null : snapshotOf(change.previous),
    current: snapshotOf(current),
    delta: change.delta,
    deltaPercent: change.deltaPercent,
    deltaPoints: change.deltaPoints,
    direction: change.direction,
  };
}

/** Unchecked: `toCloudEvent` is this envelope validated against the event's schema. */
export function cloudEventOf(change: Change): ChangeEvent {
  // The type's pairing of `type` with `previous` is what the schema checks; assembled here, it is taken on trust.
  return {
    specversion: '1.0',
    id: change.eventId,
    source: EVENT_SOURCE,
    type: change.type,
    subject: change.metric,
    time: change.recordedAt,
    datacontenttype: 'application/json',
    data: changeDataOf(change),
  } as ChangeEvent;
}
