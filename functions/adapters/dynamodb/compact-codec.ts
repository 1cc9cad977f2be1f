// The compact form of observations, changes and metric heads inside the table's items. It keeps an observation
// with its change and a head with its pending copy within one 1 KB write unit each (see
// tests/integration/write-units.test.ts). Two rules do that: fields have short names, and a field is left out
// whenever it equals its reference, which is what the decoder falls back to. A reference comes from the item
// around the record (its keys, its filter attributes), from another record in it, or from a computation.
//
// | field                        | name | left out when equal to                                              |
// |------------------------------|------|---------------------------------------------------------------------|
// | Observation.metric           | mt   | the item's metric (from pk)                                         |
// | Observation.key              | ky   | observationKey() of its own asOf, publishedAt, briefId and revision |
// |                              |      |   if publishedAt is a date-time (a day's instant needs a time zone) |
// | Observation.asOf             | as   | the reference observation's field: none for an item's observation,  |
// | Observation.publishedAt      | pub  |   the change's current one for its previous, the head's latest for  |
// | Observation.briefId          | bid  |   its pending observation (so an unchanged field costs nothing)     |
// | Observation.revision         | rev  |   〃                                                                |
// | Observation.figureIndex      | fi   |   〃                                                                |
// | Observation.value            | val  |   〃                                                                |
// | Observation.unit             | u    |   〃                                                                |
// | Observation.qualifier        | q    |   〃                                                                |
// | Observation.label            | lb   |   〃                                                                |
// | Observation.kind             | kd   |   〃                                                                |
// | Observation.region           | rg   |   〃, or the `region` attribute of an observation item with a change |
// | Observation.surface          | sf   |   〃                                                                |
// | Observation.language         | lg   |   〃, an absent language meaning the default (Chinese)               |
// | StoredObservation.recordedAt | at   | the head's updatedAt, for its pending observation                   |
// | StoredObservation.change     | —    | flattened: its fields below sit beside the observation's            |
// | Change.type                  | ty   | the `changeType` attribute of an observation item                   |
// | Change.eventId               | id   | eventIdOf() of the current observation                              |
// | Change.metric                | cm   | the current observation's metric                                    |
// | Change.previous              | pr   | null (absent); otherwise relative to the current observation        |
// | Change.current               | —    | never stored: it is the stored observation itself                   |
// | Change.delta                 | d    | null                                                                |
// | Change.deltaPercent          | dpc  | null                                                                |
// | Change.deltaPoints           | dpt  | null                                                                |
// | Change.direction             | dir  | null                                                                |
// | Change.recordedAt            | cat  | the stored observation's recordedAt                                 |
// | MetricHead.latest            | lt   | never left out                                                      |
// | MetricHead.pending           | pd   | absent (undefined)                                                  |
// | MetricHead.updatedAt         | up   | never left out                                                      |
// | MetricHead.label/unit/kind/region | lb/u/kd/rg | the latest observation's field; label: the name if any |
// | MetricHead.name              | nm   | absent (undefined): set by editors' renames only                    |
// | MetricHead.mergedInto        | mi   | absent: set on a metric merged into another                         |
// | MetricHead.mergeDepth        | md   | absent: set on a metric others were merged into                     |
// | MetricHead.metric, version   | —    | the item's pk and `version` attributes                              |
//
// Values are stored as they are: numbers as JSON numbers, whose text round-trips every finite double exactly.
import { isPublicationDay } from '../../core/brief.ts';
import { eventIdOf, observationKey } from '../../core/diff.ts';
import {
  type Change,
  type ChangeType,
  defaultLanguage,
  type Language,
  languages,
  type Observation,
} from '../../core/model.ts';
import type { MetricHead, StoredObservation } from '../../core/ports.ts';

/** A record in the compact form, as stored in an item's text attribute. */
export type Compact = Record<string, unknown>;

export class UndecodableItemError extends Error {
  override name = 'UndecodableItemError';
}

type ObservationField = Exclude<keyof Observation, 'key' | 'language'>;
const observationNames: Record<ObservationField, string> = {
  metric: 'mt',
  asOf: 'as',
  publishedAt: 'pub',
  briefId: 'bid',
  revision: 'rev',
  figureIndex: 'fi',
  value: 'val',
  unit: 'u',
  qualifier: 'q',
  label: 'lb',
  kind: 'kd',
  region: 'rg',
  surface: 'sf',
};
const observationKeyName = 'ky';
const languageName = 'lg';
const recordedAtName = 'at';

type ChangeField = Exclude<keyof Change, 'previous' | 'current'>;
const changeNames: Record<ChangeField, string> = {
  type: 'ty',
  eventId: 'id',
  metric: 'cm',
  delta: 'd',
  deltaPercent: 'dpc',
  deltaPoints: 'dpt',
  direction: 'dir',
  recordedAt: 'cat',
};
const previousName = 'pr';

type HeadDescriptor = 'label' | 'unit' | 'kind' | 'region';
const headDescriptorNames: Record<HeadDescriptor, string> = {
  label: observationNames.label,
  unit: observationNames.unit,
  kind: observationNames.kind,
  region: observationNames.region,
};
const headNames = { latest: 'lt', pending: 'pd', updatedAt: 'up' } as const;
type EditorsField = 'name' | 'mergedInto' | 'mergeDepth';
const editorsNames: Record<EditorsField, string> = { name: 'nm', mergedInto: 'mi', mergeDepth: 'md' };
const editorsTypes: Record<EditorsField, 'string' | 'number'> = {
  name: 'string',
  mergedInto: 'string',
  mergeDepth: 'number',
};

type Reference<Field extends string> = Partial<Record<Field, unknown>>;

function omitReferenced<Field extends string>(
  record: Record<Field, unknown>,
  names: Record<Field, string>,
  reference: Reference<Field>,
): Compact {
  const compact: Compact = {};
  for (const [field, name] of Object.entries(names) as [Field, string][]) {
    if (record[field] !== reference[field]) compact[name] = record[field];
  }
  return compact;
}

function restoreReferenced<Field extends string>(
  compact: Compact,
  names: Record<Field, string>,
  reference: Reference<Field>,
  where: string,
): Record<Field, unknown> {
  const record: Partial<Record<Field, unknown>> = {};
  for (const [field, name] of Object.entries(names) as [Field, string][]) {
    const value = Object.hasOwn(compact, name) ? compact[name] : reference[field];
    if (value === undefined) {
      throw new UndecodableItemError(`${where}: ${field} ('${name}') is neither stored nor derivable`);
    }
    record[field] = value;
  }
  return record as Record<Field, unknown>;
}

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

type KeyParts = Pick<Observation, 'asOf' | 'publishedAt' | 'briefId' | 'revision'>;

/**
 * The key the core gives an observation with these parts; undefined when the publication is a day (its instant
 * depends on the time zone of the revision, which the item does not hold) or does not parse.
 */
function derivedKey(parts: KeyParts): string | undefined {
  if (isPublicationDay(parts.publishedAt) || Number.isNaN(Date.parse(parts.publishedAt))) return undefined;
  return observationKey(parts);
}

export function encodeObservation(observation: Observation, reference: Partial<Observation>): Compact {
  const { key, language = defaultLanguage, ...fields } = observation;
  const compact = omitReferenced(fields, observationNames, reference);
  if (language !== (reference.language ?? defaultLanguage)) compact[languageName] = language;
  return key === derivedKey(observation) ? compact : { ...compact, [observationKeyName]: key };
}

export function decodeObservation(
  compact: Compact,
  reference: Partial<Observation>,
  where: string,
): Observation {
  const fields = restoreReferenced(compact, observationNames, reference, where) as Omit<Observation, 'key'>;
  const key = Object.hasOwn(compact, observationKeyName) ? compact[observationKeyName] : derivedKey(fields);
  const language: unknown = Object.hasOwn(compact, languageName)
    ? compact[languageName]
    : (reference.language ?? defaultLanguage);
  if (!isLanguage(language)) {
    throw new UndecodableItemError(
      `${where}: language ('${languageName}') must be one of ${languages.join(', ')}, received ${JSON.stringify(language)}`,
    );
  }
  if (typeof key !== 'string') {
    throw new UndecodableItemError(
      `${where}: key ('${observationKeyName}') is absent and publishedAt ${JSON.stringify(fields.publishedAt)} does not rebuild it`,
    );
  }
  return {
    metric: fields.metric,
    key,
    asOf: fields.asOf,
    publishedAt: fields.publishedAt,
    briefId: fields.briefId,
    revision: fields.revision,
    figureIndex: fields.figureIndex,
    value: fields.value,
    unit: fields.unit,
    qualifier: fields.qualifier,
    label: fields.label,
    kind: fields.kind,
    region: fields.region,
    surface: fields.surface,
    ...(language === defaultLanguage ? {} : { language }),
  };
}

/** What the item around a stored observation already says about it. */
export interface StoredReference {
  observation: Partial<Observation>;
  recordedAt?: string;
  /** Set when the item holds the change's type elsewhere; the record then has a change exactly when this is set. */
  changeType?: ChangeType;
}

function changeReference(current: Observation, recordedAt: string, type: ChangeType | undefined) {
  return {
    type,
    eventId: eventIdOf(current),
    metric: current.metric,
    delta: null,
    deltaPercent: null,
    deltaPoints: null,
    direction: null,
    recordedAt,
  };
}

function assertCurrentIsStored(change: Change, observation: Observation): void {
  const fields: (keyof Observation)[] = [
    'key',
    'language',
    ...(Object.keys(observationNames) as ObservationField[]),
  ];
  const differing = fields.filter((field) => !Object.is(change.current[field], observation[field]));
  if (differing.length > 0) {
    throw new TypeError(
      `change ${change.eventId}: its current observation differs from the stored one in ${differing.join(', ')}`,
    );
  }
}

export function encodeStored(stored: StoredObservation, reference: StoredReference): Compact {
  const { observation, change, recordedAt } = stored;
  if (change !== null) assertCurrentIsStored(change, observation);
  return {
    ...encodeObservation(observation, reference.observation),
    ...(recordedAt === reference.recordedAt ? {} : { [recordedAtName]: recordedAt }),
    ...(change === null
      ? {}
      : {
          ...omitReferenced(
            change,
            changeNames,
            changeReference(observation, recordedAt, reference.changeType),
          ),
          ...(change.previous === null
            ? {}
            : { [previousName]: encodeObservation(change.previous, change.current) }),
        }),
  };
}

function nestedCompact(value: unknown, where: string): Compact {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UndecodableItemError(`${where}: expected a record, received ${JSON.stringify(value)}`);
  }
  return value as Compact;
}

export function decodeStored(compact: Compact, reference: StoredReference, where: string): StoredObservation {
  const observation = decodeObservation(compact, reference.observation, where);
  const recordedAt = Object.hasOwn(compact, recordedAtName) ? compact[recordedAtName] : reference.recordedAt;
  if (typeof recordedAt !== 'string') {
    throw new UndecodableItemError(
      `${where}: recordedAt ('${recordedAtName}') must be a string, received ${JSON.stringify(recordedAt)}`,
    );
  }
  const hasChange = reference.changeType !== undefined || Object.hasOwn(compact, changeNames.type);
  if (!hasChange) return { observation, change: null, recordedAt };
  const fields = restoreReferenced(
    compact,
    changeNames,
    changeReference(observation, recordedAt, reference.changeType),
    where,
  ) as Omit<Change, 'previous' | 'current'>;
  const previousWhere = `${where} previous`;
  const previous = Object.hasOwn(compact, previousName)
    ? decodeObservation(nestedCompact(compact[previousName], previousWhere), observation, previousWhere)
    : null;
  const change: Change = {
    type: fields.type,
    eventId: fields.eventId,
    metric: fields.metric,
    previous,
    current: observation,
    delta: fields.delta,
    deltaPercent: fields.deltaPercent,
    deltaPoints: fields.deltaPoints,
    direction: fields.direction,
    recordedAt: fields.recordedAt,
  };
  return { observation, change, recordedAt };
}

/** What a head's descriptors are left out against: its latest observation's, but the label is the name if any. */
const descriptorReference = (latest: Observation, name: unknown) =>
  typeof name === 'string' ? { ...latest, label: name } : latest;

/** The head without what its item's keys and `version` attribute hold. */
export function encodeHead(head: MetricHead): Compact {
  const { latest, pending, updatedAt } = head;
  const editors: Compact = {};
  for (const [field, name] of Object.entries(editorsNames) as [EditorsField, string][]) {
    if (head[field] !== undefined) editors[name] = head[field];
  }
  return {
    ...omitReferenced(head, headDescriptorNames, descriptorReference(latest, head.name)),
    ...editors,
    [headNames.latest]: encodeObservation(latest, { metric: head.metric }),
    ...(pending === undefined
      ? {}
      : { [headNames.pending]: encodeStored(pending, { observation: latest, recordedAt: updatedAt }) }),
    [headNames.updatedAt]: updatedAt,
  };
}

export function decodeHead(
  compact: Compact,
  held: Pick<MetricHead, 'metric' | 'version'>,
  where: string,
): MetricHead {
  const latestWhere = `${where} latest`;
  const latest = decodeObservation(
    nestedCompact(compact[headNames.latest], latestWhere),
    { metric: held.metric },
    latestWhere,
  );
  const editors: Partial<Record<EditorsField, unknown>> = {};
  for (const [field, name] of Object.entries(editorsNames) as [EditorsField, string][]) {
    if (!Object.hasOwn(compact, name)) continue;
    if (typeof compact[name] !== editorsTypes[field]) {
      throw new UndecodableItemError(
        `${where}: ${field} ('${name}') must be a ${editorsTypes[field]}, received ${JSON.stringify(compact[name])}`,
      );
    }
    editors[field] = compact[name];
  }
  const descriptors = restoreReferenced(
    compact,
    headDescriptorNames,
    descriptorReference(latest, editors.name),
    where,
  ) as Pick<MetricHead, HeadDescriptor>;
  const updatedAt = compact[headNames.updatedAt];
  if (typeof updatedAt !== 'string') {
    throw new UndecodableItemError(
      `${where}: updatedAt ('${headNames.updatedAt}') must be a string, received ${JSON.stringify(updatedAt)}`,
    );
  }
  const pendingWhere = `${where} pending`;
  const pending = Object.hasOwn(compact, headNames.pending)
    ? decodeStored(
        nestedCompact(compact[headNames.pending], pendingWhere),
        { observation: latest, recordedAt: updatedAt },
        pendingWhere,
      )
    : undefined;
  return {
    metric: held.metric,
    version: held.version,
    ...descriptors,
    latest,
    ...(pending === undefined ? {} : { pending }),
    updatedAt,
    ...(editors as Pick<MetricHead, EditorsField>),
  };
}

/** JSON text would turn NaN and Infinity into null: refuse them rather than store a different number. */
function finiteNumbersOnly(name: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`field '${name}' must be a finite number, received ${value}`);
  }
  return value;
}

export const compactText = (compact: Compact): string => JSON.stringify(compact, finiteNumbersOnly);

export function parseCompactText(text: unknown, where: string): Compact {
  if (typeof text !== 'string') {
    throw new UndecodableItemError(`${where}: expected compact text, received ${JSON.stringify(text)}`);
  }
  try {
    return nestedCompact(JSON.parse(text), where);
  } catch (error) {
    if (error instanceof UndecodableItemError) throw error;
    throw new UndecodableItemError(`${where}: not JSON: ${text.slice(0, 80)}`, { cause: error });
  }
}
