import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ChangeEvent,
  type DigestEvent,
  EVENT_SOURCE,
  eventJsonSchemaTexts,
  InvalidEventError,
  parseChangeEvent,
  parseDigestEvent,
  toCloudEvent,
  toDigestEvent,
} from '../../functions/core/events.ts';
import { addedChange, change, digest, observation } from './feed-fixtures.ts';

const committedSchema = (name: string) =>
  readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8');

function thrownBy(action: () => unknown): InvalidEventError {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected an InvalidEventError, nothing was thrown');
}

/** The event as it travels: JSON text, decoded. */
function wire(event: ChangeEvent | DigestEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event));
}

function withData(event: ChangeEvent | DigestEvent, data: Record<string, unknown>): Record<string, unknown> {
  const decoded = wire(event);
  return { ...decoded, data: { ...(decoded.data as object), ...data } };
}

describe('toCloudEvent', () => {
  it('wraps a change in a CloudEvents 1.0 envelope keyed by the change', () => {
    const event = toCloudEvent(change());
    expect(event).toMatchObject({
      specversion: '1.0',
      id: '0f3c2a9be1d84c55a7e6b1c2d3e4f501',
      source: EVENT_SOURCE,
      type: 'figure.changed',
      subject: 'cn:城镇登记失业率:%',
      time: '2020-06-15T02:00:01.250Z',
      datacontenttype: 'application/json',
    });
    expect(event.data).toEqual({
      metric: 'cn:城镇登记失业率:%',
      label: '城镇登记失业率',
      unit: '%',
      kind: 'percent',
      region: 'cn',
      previous: {
        value: 2.79,
        unit: '%',
        qualifier: 'exact',
        asOf: '2020-04-30',
        publishedAt: '2020-05-15T02:00:00Z',
        briefId: 'brief-april',
        revision: 1,
        surface: '2.79%',
      },
      current: expect.objectContaining({ value: 2.95, asOf: '2020-05-31', briefId: 'brief-may' }),
      delta: 0.16,
      deltaPercent: 5.7348,
      deltaPoints: 0.16,
      direction: 'up',
    });
  });

  it('publishes a first value as figure.added with no previous snapshot', () => {
    const event = toCloudEvent(addedChange());
    expect(event.type).toBe('figure.added');
    expect(event.data.previous).toBeNull();
  });

  it('publishes a backfill with or without a previous snapshot', () => {
    expect(toCloudEvent(change({ type: 'figure.backfilled' })).data.previous).not.toBeNull();
    expect(toCloudEvent(addedChange({ type: 'figure.backfilled' })).data.previous).toBeNull();
  });

  it('refuses to publish a figure.changed without a previous value, naming data.previous', () => {
    const error = thrownBy(() => toCloudEvent(addedChange({ type: 'figure.changed' })));
    expect(error.issues.map((issue) => issue.path)).toContain('data.previous');
    expect(error.message).toContain('0f3c2a9be1d84c55a7e6b1c2d3e4f501');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses to publish a current value of %s', (value) => {
    const error = thrownBy(() => toCloudEvent(change({ current: observation({ value }) })));
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'data.current.value', received: String(value) }),
    );
  });

  it('carries a publication given as a day as that day, and refuses a date-time without an offset', () => {
    const onDay = change({ current: observation({ publishedAt: '2020-06-15', briefId: 'brief-may' }) });
    expect(toCloudEvent(onDay).data.current.publishedAt).toBe('2020-06-15');
    const error = thrownBy(() =>
      toCloudEvent(change({ current: observation({ publishedAt: '2020-06-15T08:00:00' }) })),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.current.publishedAt']);
  });

  it('refuses a recordedAt that is not an ISO date-time, naming time', () => {
    const error = thrownBy(() => toCloudEvent(change({ recordedAt: 'yesterday' })));
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'time', received: '"yesterday"' }));
  });
});

describe('parseChangeEvent', () => {
  it('accepts every published event type as it comes off the wire', () => {
    for (const published of [
      toCloudEvent(addedChange()),
      toCloudEvent(change()),
      toCloudEvent(change({ type: 'figure.revised' })),
      toCloudEvent(addedChange({ type: 'figure.backfilled' })),
    ]) {
      expect(parseChangeEvent(wire(published))).toEqual(published);
    }
  });

  it('drops unknown extension attributes instead of rejecting the event', () => {
    const published = toCloudEvent(change());
    expect(parseChangeEvent({ ...wire(published), traceparent: '00-abc-def-01' })).toEqual(published);
  });

  it('rejects an unknown event type, naming type and the value received', () => {
    const error = thrownBy(() =>
      parseChangeEvent({ ...wire(toCloudEvent(change())), type: 'figure.deleted' }),
    );
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'type', received: '"figure.deleted"' }),
    );
    expect(error.message).toContain('figure.deleted');
  });

  it('rejects a missing current value, naming data.current.value', () => {
    const published = toCloudEvent(change());
    const { value: _dropped, ...currentWithoutValue } = published.data.current;
    const error = thrownBy(() => parseChangeEvent(withData(published, { current: currentWithoutValue })));
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'data.current.value', received: 'nothing' }),
    );
    expect(error.message).toMatch(/data\.current\.value/);
  });

  it('rejects a figure.added that carries a previous value', () => {
    const published = toCloudEvent(addedChange());
    const error = thrownBy(() => parseChangeEvent(withData(published, { previous: published.data.current })));
    expect(error.issues.map((issue) => issue.path)).toContain('data.previous');
  });

  it('rejects a wrong envelope: spec version, source and direction', () => {
    const published = toCloudEvent(change());
    const error = thrownBy(() =>
      parseChangeEvent({
        ...withData(published, { direction: 'sideways' }),
        specversion: '0.3',
        source: 'x',
      }),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      'data.direction',
      'source',
      'specversion',
    ]);
  });

  it('rejects something that is not an event at all', () => {
    expect(thrownBy(() => parseChangeEvent('{"type":"figure.added"}')).issues[0]?.path).toBe('(root)');
    expect(thrownBy(() => parseChangeEvent(null)).name).toBe('InvalidEventError');
  });

  it('keeps the zod error as the cause', () => {
    expect(thrownBy(() => parseChangeEvent({})).cause).toBeInstanceOf(Error);
  });
});

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** The structural part of JSON Schema the committed files use: $ref, oneOf/anyOf, type, const, enum, required, items. */
function structuralErrors(schema: JsonSchema, root: JsonSchema, value: unknown, path: string): string[] {
  if (schema.$ref !== undefined) {
    const target = root.$defs?.[schema.$ref.replace('#/$defs/', '')];
    return target === undefined
      ? [`${path}: unresolved ${schema.$ref}`]
      : structuralErrors(target, root, value, path);
  }
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches !== undefined) {
    const matching = branches.filter((branch) => structuralErrors(branch, root, value, path).length === 0);
    const wanted = schema.oneOf === undefined ? matching.length >= 1 : matching.length === 1;
    return wanted ? [] : [`${path}: ${matching.length} branches match`];
  }
  const actual = jsonType(value);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 0 && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
    return [`${path}: ${actual} is not ${types.join('|')}`];
  }
  if ('const' in schema && schema.const !== value) return [`${path}: not ${String(schema.const)}`];
  if (schema.enum !== undefined && !schema.enum.includes(value)) return [`${path}: not in enum`];
  if (Array.isArray(value)) {
    const { items } = schema;
    return items === undefined
      ? []
      : value.flatMap((item, index) => structuralErrors(items, root, item, `${path}[${index}]`));
  }
  if (actual !== 'object') return [];
  const record = value as Record<string, unknown>;
  const missing = (schema.required ?? [])
    .filter((key) => !(key in record))
    .map((key) => `${path}.${key}: missing`);
  const nested = Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
    key in record ? structuralErrors(property, root, record[key], `${path}.${key}`) : [],
  );
  return [...missing, ...nested];
}

describe('the committed JSON Schemas', () => {
  it.each(Object.entries(eventJsonSchemaTexts()))(
    '%s is exactly what scripts/generate-event-schema.ts generates today (run npm run schema after a change)',
    (name, generated) => {
      expect(committedSchema(name)).toBe(generated);
    },
  );
});

describe('the committed change event JSON Schema', () => {
  const schema = JSON.parse(committedSchema('change-event.schema.json')) as JsonSchema & { $schema: string };

  it('is draft 2020-12 with one definition per event type', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.oneOf?.map((branch) => branch.$ref)).toEqual([
      '#/$defs/FigureAddedEvent',
      '#/$defs/FigureChangedEvent',
      '#/$defs/FigureRevisedEvent',
      '#/$defs/FigureBackfilledEvent',
    ]);
  });

  it('accepts every published event type', () => {
    for (const published of [
      toCloudEvent(addedChange()),
      toCloudEvent(change()),
      toCloudEvent(change({ type: 'figure.revised' })),
      toCloudEvent(change({ type: 'figure.backfilled' })),
    ]) {
      expect(structuralErrors(schema, schema, wire(published), '$')).toEqual([]);
    }
  });

  it('rejects an event without its required fields', () => {
    const { subject: _subject, ...withoutSubject } = wire(toCloudEvent(change()));
    expect(structuralErrors(schema, schema, withoutSubject, '$')).not.toEqual([]);
    const published = toCloudEvent(change());
    expect(structuralErrors(schema, schema, withData(published, { previous: null }), '$')).not.toEqual([]);
  });
});

function digestOf(changes = [change(), addedChange({ eventId: 'brief-may.1.1', metric: 'cn:jobs:people' })]) {
  return digest(changes);
}

describe('toDigestEvent', () => {
  it("wraps a revision's changes in one CloudEvents envelope named after the brief", () => {
    const event = toDigestEvent(digestOf());
    expect(event).toMatchObject({
      specversion: '1.0',
      id: 'brief-may.1.digest',
      source: EVENT_SOURCE,
      type: 'brief.digest',
      subject: 'brief-may',
      time: '2020-06-15T02:00:01.250Z',
      datacontenttype: 'application/json',
    });
    expect(event.data).toMatchObject({
      briefId: 'brief-may',
      revision: 1,
      headline: '城镇登记失业率升至2.95%',
      language: 'zh',
      region: 'cn',
      publishedAt: '2020-06-15',
      changeCount: 2,
    });
  });

  it('lists each change as the data of its own event, with that event’s id and type', () => {
    const [first, second] = toDigestEvent(digestOf()).data.changes;
    expect(first).toEqual({ id: change().eventId, type: 'figure.changed', ...toCloudEvent(change()).data });
    expect(second).toMatchObject({ id: 'brief-may.1.1', type: 'figure.added', previous: null });
  });

  it('lists only the first changes when told, still counting them all', () => {
    const event = toDigestEvent(digestOf(), 1);
    expect(event.data.changes.map((entry) => entry.id)).toEqual([change().eventId]);
    expect(event.data.changeCount).toBe(2);
  });

  it('refuses a digest off the contract, naming the field', () => {
    const error = thrownBy(() => toDigestEvent(digestOf([])));
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'data.changeCount', received: '0' }));
    expect(error.message).toContain('brief-may.1.digest');
  });
});

describe('parseDigestEvent', () => {
  it('accepts a published digest as it comes off the wire, dropping unknown extension attributes', () => {
    const published = toDigestEvent(digestOf());
    expect(parseDigestEvent(wire(published))).toEqual(published);
    expect(parseDigestEvent({ ...wire(published), traceparent: '00-abc-def-01' })).toEqual(published);
  });

  it('rejects a change event, and a listed change without its id, naming the field', () => {
    expect(thrownBy(() => parseDigestEvent(wire(toCloudEvent(change())))).issues).toContainEqual(
      expect.objectContaining({ path: 'type', received: '"figure.changed"' }),
    );
    const published = toDigestEvent(digestOf());
    const { id: _dropped, ...withoutId } = published.data.changes[0] ?? {};
    const error = thrownBy(() => parseDigestEvent(withData(published, { changes: [withoutId] })));
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'data.changes.0.id', received: 'nothing' }),
    );
  });

  it('is not fooled into reading a digest as a change event', () => {
    expect(thrownBy(() => parseChangeEvent(wire(toDigestEvent(digestOf())))).issues[0]?.path).toBe('type');
  });
});

describe('the committed digest event JSON Schema', () => {
  const schema = JSON.parse(committedSchema('digest-event.schema.json')) as JsonSchema & { $schema: string };

  it('is draft 2020-12, with the listed changes shaped as change event data', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$defs?.BriefDigestEvent?.properties?.type?.const).toBe('brief.digest');
    expect(JSON.stringify(schema)).toContain('DigestedChange');
  });

  it('accepts a published digest, whole or cut short', () => {
    expect(structuralErrors(schema, schema, wire(toDigestEvent(digestOf())), '$')).toEqual([]);
    expect(structuralErrors(schema, schema, wire(toDigestEvent(digestOf(), 0)), '$')).toEqual([]);
  });

  it('rejects a digest whose listed change lacks its type, and a change event', () => {
    const published = toDigestEvent(digestOf());
    const { type: _dropped, ...withoutType } = published.data.changes[0] ?? {};
    expect(
      structuralErrors(schema, schema, withData(published, { changes: [withoutType] }), '$'),
    ).not.toEqual([]);
    expect(structuralErrors(schema, schema, wire(toCloudEvent(change())), '$')).not.toEqual([]);
  });
});
