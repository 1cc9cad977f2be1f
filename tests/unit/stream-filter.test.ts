import { describe, expect, it } from 'vitest';
import { type FilterableRecord, matchesFilters } from '../../infra/sandbox/stream-runner/index.ts';
import { functions, type StreamFilter } from '../../infra/topology.ts';

function record(eventName: string, newImage?: Record<string, unknown>): FilterableRecord {
  return { eventName, dynamodb: newImage === undefined ? {} : { NewImage: newImage } };
}

const revisionInsert = record('INSERT', { pk: { S: 'BRIEF#1' }, sk: { S: 'REV#0001' } });
const changeInsert = record('INSERT', {
  pk: { S: 'METRIC#a' },
  sk: { S: 'OBS#1' },
  change: { M: {} },
  changeType: { S: 'figure.changed' },
});

describe('matchesFilters', () => {
  it('keeps every record when the consumer has no filters', () => {
    expect(matchesFilters(record('REMOVE'), [])).toBe(true);
  });

  it('lets the pipeline see inserted brief revisions and nothing else', () => {
    const { filters } = functions.pipeline.stream;
    expect(matchesFilters(revisionInsert, filters)).toBe(true);
    expect(matchesFilters(record('MODIFY', { sk: { S: 'REV#0001' } }), filters)).toBe(false);
    expect(matchesFilters(record('REMOVE'), filters)).toBe(false);
    expect(matchesFilters(record('INSERT', { sk: { S: 'OBS#1' } }), filters)).toBe(false);
  });

  it('lets the publisher see inserted items that carry a change', () => {
    const { filters } = functions.publisher.stream;
    expect(matchesFilters(changeInsert, filters)).toBe(true);
    expect(matchesFilters(revisionInsert, filters)).toBe(false);
    expect(matchesFilters(record('MODIFY', { changeType: { S: 'figure.changed' } }), filters)).toBe(false);
    expect(matchesFilters(record('INSERT', { pk: { S: 'METRIC#a' }, sk: { S: 'OBS#2' } }), filters)).toBe(
      false,
    );
  });

  it('applies a prefix to string attributes only, as Lambda filter patterns on {"S": …} do', () => {
    const filters: StreamFilter[] = [
      { eventName: 'INSERT', newImagePrefix: { attribute: 'sk', prefix: '1' } },
    ];
    expect(matchesFilters(record('INSERT', { sk: { S: '12' } }), filters)).toBe(true);
    expect(matchesFilters(record('INSERT', { sk: { N: '12' } }), filters)).toBe(false);
    expect(matchesFilters(record('INSERT', {}), filters)).toBe(false);
  });

  it('matches newImageHas only on a plain string value, as Lambda’s exists does, and needs a new image', () => {
    const filters: StreamFilter[] = [{ eventName: 'INSERT', newImageHas: 'changeType' }];
    expect(matchesFilters(record('INSERT', { changeType: { S: 'figure.added' } }), filters)).toBe(true);
    expect(matchesFilters(record('INSERT', { changeType: { M: {} } }), filters)).toBe(false);
    expect(matchesFilters(record('INSERT', { other: { S: 'x' } }), filters)).toBe(false);
    expect(matchesFilters(record('INSERT'), filters)).toBe(false);
  });

  it('keeps a record that any one of several filters matches', () => {
    const filters: StreamFilter[] = [
      { eventName: 'REMOVE' },
      { eventName: 'INSERT', newImageHas: 'changeType' },
    ];
    expect(matchesFilters(record('REMOVE'), filters)).toBe(true);
    expect(matchesFilters(changeInsert, filters)).toBe(true);
    expect(matchesFilters(record('MODIFY', { changeType: { S: 'figure.added' } }), filters)).toBe(false);
  });

  it('requires every condition of one filter', () => {
    const filters: StreamFilter[] = [
      { eventName: 'INSERT', newImageHas: 'changeType', newImagePrefix: { attribute: 'sk', prefix: 'OBS#' } },
    ];
    expect(matchesFilters(changeInsert, filters)).toBe(true);
    expect(matchesFilters(record('INSERT', { sk: { S: 'OBS#2' } }), filters)).toBe(false);
    expect(
      matchesFilters(record('INSERT', { sk: { S: 'REV#2' }, changeType: { S: 'figure.added' } }), filters),
    ).toBe(false);
  });
});
