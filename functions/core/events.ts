// The public event contract: CloudEvents 1.0 envelopes of figure changes, one zod schema per event type.
import { z } from 'zod';
import { publishedAtSchema } from './brief.ts';
import { cloudEventOf, EVENT_SOURCE } from './event-envelope.ts';
import { type Change, changeTypes, figureKinds, qualifiers } from './model.ts';
import { describeReceived } from './validate.ts';

export { EVENT_SOURCE };

const nonEmpty = z.string().min(1);
const isoDateTime = z.iso.datetime({ offset: true });

export const observationSnapshotSchema = z
  .object({
    value: z.number(),
    unit: z.string(),
    qualifier: z.enum(qualifiers),
    asOf: z.iso.date(),
    publishedAt: publishedAtSchema,
    briefId: nonEmpty,
    revision: z.int().positive(),
    surface: z.string(),
  })
  .meta({ id: 'ObservationSnapshot', description: 'One figure of a metric as a brief stated it' });

const changeDataSchema = z.object({
  metric: nonEmpty,
  label: z.string(),
  unit: z.string(),
  kind: z.enum(figureKinds),
  region: z.string(),
  previous: observationSnapshotSchema.nullable(),
  current: observationSnapshotSchema,
  delta: z.number().nullable(),
  deltaPercent: z.number().nullable(),
  /** For percent-valued metrics, the move in percentage points. */
  deltaPoints: z.number().nullable(),
  direction: z.enum(['up', 'down']).nullable(),
});

function eventSchemaOf<Type extends Change['type'], Data extends z.ZodType>(
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
      dataschema: z.url().optional(),
      data,
    })
    .meta({ id, title: type, description });
}

export const figureAddedEvent = eventSchemaOf(
  'FigureAddedEvent',
  'figure.added',
  changeDataSchema.extend({ previous: z.null() }),
  'The first value of a metric',
);
export const figureChangedEvent = eventSchemaOf(
  'FigureChangedEvent',
  'figure.changed',
  changeDataSchema.extend({ previous: observationSnapshotSchema }),
  'A value with a newer as-of date than the latest one; it becomes the latest',
);
export const figureRevisedEvent = eventSchemaOf(
  'FigureRevisedEvent',
  'figure.revised',
  changeDataSchema.extend({ previous: observationSnapshotSchema }),
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
  .meta({
    title: 'updates-feed change event',
    description: `CloudEvents 1.0 (JSON format) envelope of a figure change; type is one of ${changeTypes.join(', ')}`,
  });

export type ObservationSnapshot = z.infer<typeof observationSnapshotSchema>;
export type ChangeEventData = z.infer<typeof changeDataSchema>;
export type FigureAddedEvent = z.infer<typeof figureAddedEvent>;
export type FigureChangedEvent = z.infer<typeof figureChangedEvent>;
export type FigureRevisedEvent = z.infer<typeof figureRevisedEvent>;
export type FigureBackfilledEvent = z.infer<typeof figureBackfilledEvent>;
export type ChangeEvent = z.infer<typeof changeEventSchema>;

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

function validated(input: unknown, context: string): ChangeEvent {
  const result = changeEventSchema.safeParse(input);
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
    cloudEventOf(change),
    `change ${change.eventId} of ${change.metric} does not make a valid ${change.type} event`,
  );
}

/** Validates a received event (already JSON-decoded); unknown extension attributes are dropped. */
export function parseChangeEvent(json: unknown): ChangeEvent {
  return validated(json, 'invalid change event');
}

/** The committed schemas/change-event.schema.json, byte for byte. */
export function changeEventJsonSchemaText(): string {
  // 'input' leaves objects open, as a tolerant CloudEvents consumer must be (extension attributes may appear).
  const schema = z.toJSONSchema(changeEventSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...definition } = schema;
  return `${JSON.stringify({ $schema, $id: 'urn:updates-feed:schema:change-event', ...definition }, null, 2)}\n`;
}
