// The public event contract: CloudEvents 1.0 envelopes of figure changes and of brief digests, one zod schema per
// event type.
import * as z from 'zod/mini';
import { publishedAtSchema } from './brief.ts';
import type { RevisionDigest } from './digest.ts';
import { changeDataOf, cloudEventOf, EVENT_SOURCE } from './event-envelope.ts';
import { type Change, changeTypes, figureKinds, languages, qualifiers } from './model.ts';
import { describeReceived } from './validate.ts';

export { EVENT_SOURCE };

const nonEmpty = z.string().check(z.minLength(1));
const isoDateTime = z.iso.datetime({ offset: true });

export const observationSnapshotSchema = z
  .object({
    value: z.number(),
    unit: z.string(),
    qualifier: z.enum(qualifiers),
    asOf: z.iso.date(),
    publishedAt: publishedAtSchema,
    briefId: nonEmpty,
    revision: z.int().check(z.positive()),
    surface: z.string(),
  })
  .check(z.meta({ id: 'ObservationSnapshot', description: 'One figure of a metric as a brief stated it' }));

const changeDataSchema = z.object({
  metric: nonEmpty,
  label: z.string(),
  unit: z.string(),
  kind: z.enum(figureKinds),
  region: z.string(),
  previous: z.nullable(observationSnapshotSchema),
  current: observationSnapshotSchema,
  delta: z.nullable(z.number()),
  deltaPercent: z.nullable(z.number()),
  /** For percent-valued metrics, the move in percentage points. */
  deltaPoints: z.nullable(z.number()),
  direction: z.nullable(z.enum(['up', 'down'])),
});

function eventSchemaOf<Type extends string, Data extends z.ZodMiniType>(
  id: string,
  type: Type,
  data: Data,
  description: string,
) {
  return z
    .object({
      specversion: z.literal('1.0'),
      id: nonEmpty,
      source: z.literal(EVENT_SOURCE),
      type: z.literal(type),
      subject: nonEmpty,
      time: isoDateTime,
      datacontenttype: z.literal('application/json'),
      dataschema: z.optional(z.url()),
      data,
    })
    .check(z.meta({ id, title: type, description }));
}

export const figureAddedEvent = eventSchemaOf(
  'FigureAddedEvent',
  'figure.added',
  z.extend(changeDataSchema, { previous: z.null() }),
  'The first value of a metric',
);
export const figureChangedEvent = eventSchemaOf(
  'FigureChangedEvent',
  'figure.changed',
  z.extend(changeDataSchema, { previous: observationSnapshotSchema }),
  'A value with a newer as-of date than the latest one; it becomes the latest',
);
export const figureRevisedEvent = eventSchemaOf(
  'FigureRevisedEvent',
  'figure.revised',
  z.extend(changeDataSchema, { previous: observationSnapshotSchema }),
  'A different value for the as-of date of the latest one',
);
export const figureBackfilledEvent = eventSchemaOf(
  'FigureBackfilledEvent',
  'figure.backfilled',
  changeDataSchema,
  'A value older than the latest one, arriving late; the latest value does not move',
);

export const changeEventSchema = z
  .discriminatedUnion('type', [
    figureAddedEvent,
    figureChangedEvent,
    figureRevisedEvent,
    figureBackfilledEvent,
  ])
  .check(
    z.meta({
      title: 'updates-feed change event',
      description: `CloudEvents 1.0 (JSON format) envelope of a figure change; type is one of ${changeTypes.join(', ')}`,
    }),
  );

export type ObservationSnapshot = z.infer<typeof observationSnapshotSchema>;
export type ChangeEventData = z.infer<typeof changeDataSchema>;
export type FigureAddedEvent = z.infer<typeof figureAddedEvent>;
export type FigureChangedEvent = z.infer<typeof figureChangedEvent>;
export type FigureRevisedEvent = z.infer<typeof figureRevisedEvent>;
export type FigureBackfilledEvent = z.infer<typeof figureBackfilledEvent>;
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/** The type of a digest: one event per brief revision that changed something, listing its changes. */
export const DIGEST_EVENT_TYPE = 'brief.digest';

export const digestedChangeSchema = z
  .extend(changeDataSchema, { id: nonEmpty, type: z.enum(changeTypes) })
  .check(
    z.meta({
      id: 'DigestedChange',
      description: "One change of the revision: the data of its change event, with that event's id and type",
    }),
  );

export const digestEventSchema = eventSchemaOf(
  'BriefDigestEvent',
  DIGEST_EVENT_TYPE,
  z.object({
    briefId: nonEmpty,
    revision: z.int().check(z.positive()),
    headline: z.string(),
    language: z.enum(languages),
    region: z.string(),
    publishedAt: publishedAtSchema,
    changeCount: z.int().check(z.positive(), z.meta({ description: 'How many changes the revision made' })),
    changes: z.array(digestedChangeSchema).check(
      z.meta({
        description:
          'The changes in figure order; fewer than changeCount when the list was cut to fit one message on the ' +
          'topic (each change also has its own event)',
      }),
    ),
  }),
  "All the changes one brief revision made, in one event: what digest subscribers receive; subject is the brief's id",
);

export type DigestedChange = z.infer<typeof digestedChangeSchema>;
export type DigestEvent = z.infer<typeof digestEventSchema>;

export interface EventIssue {
  /** Dotted path into the event, e.g. `data.current.value`; `(root)` for the event itself. */
  path: string;
  message: string;
  received: string;
}

export class InvalidEventError extends Error {
  override name = 'InvalidEventError';
  constructor(
    message: string,
    readonly issues: EventIssue[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function validated<Schema extends z.ZodMiniType>(
  schema: Schema,
  input: unknown,
  context: string,
): z.infer<Schema> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
    received: describeReceived(input, issue.path),
  }));
  const summary = issues
    .map((issue) => `${issue.path}: ${issue.message}; received ${issue.received}`)
    .join('; ');
  throw new InvalidEventError(`${context}: ${summary}`, issues, { cause: result.error });
}

/** The event published for a change; validated here so that nothing off-contract reaches the topic. */
export function toCloudEvent(change: Change): ChangeEvent {
  return validated(
    changeEventSchema,
    cloudEventOf(change),
    `change ${change.eventId} of ${change.metric} does not make a valid ${change.type} event`,
  );
}

/** The digest event listing the first `listed` changes of the revision (all of them by default); validated. */
export function toDigestEvent(digest: RevisionDigest, listed = digest.changes.length): DigestEvent {
  return validated(
    digestEventSchema,
    {
      specversion: '1.0',
      id: digest.id,
      source: EVENT_SOURCE,
      type: DIGEST_EVENT_TYPE,
      subject: digest.briefId,
      time: digest.time,
      datacontenttype: 'application/json',
      data: {
        briefId: digest.briefId,
        revision: digest.revision,
        headline: digest.headline,
        language: digest.language,
        region: digest.region,
        publishedAt: digest.publishedAt,
        changeCount: digest.changes.length,
        changes: digest.changes
          .slice(0, listed)
          .map((change) => ({ id: change.eventId, type: change.type, ...changeDataOf(change) })),
      },
    },
    `digest ${digest.id} does not make a valid ${DIGEST_EVENT_TYPE} event`,
  );
}

/** Validates a received change event (already JSON-decoded); unknown extension attributes are dropped. */
export function parseChangeEvent(json: unknown): ChangeEvent {
  return validated(changeEventSchema, json, 'invalid change event');
}

/** Validates a received digest event (already JSON-decoded); unknown extension attributes are dropped. */
export function parseDigestEvent(json: unknown): DigestEvent {
  return validated(digestEventSchema, json, 'invalid digest event');
}

/** The committed JSON Schemas, by file name under schemas/, byte for byte (`npm run schema` writes them). */
export function eventJsonSchemaTexts(): Record<string, string> {
  return {
    'change-event.schema.json': jsonSchemaText(changeEventSchema, 'urn:updates-feed:schema:change-event'),
    'digest-event.schema.json': jsonSchemaText(digestEventSchema, 'urn:updates-feed:schema:digest-event'),
  };
}

function jsonSchemaText(schema: z.ZodMiniType, id: string): string {
  // 'input' leaves objects open, as a tolerant CloudEvents consumer must be (extension attributes may appear).
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...definition } = generated;
  return `${JSON.stringify({ $schema, $id: id, ...definition }, null, 2)}\n`;
}
