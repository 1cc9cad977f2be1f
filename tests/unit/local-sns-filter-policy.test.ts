import { describe, expect, it } from 'vitest';
import { filterPolicyFor } from '../../functions/adapters/sns/filter-policy.ts';
import {
  FilterPolicyError,
  type MessageAttributes,
  matchesFilterPolicy,
  parseFilterPolicy,
} from '../../infra/sandbox/local-sns/filter-policy.ts';

const matches = (policy: unknown, attributes: MessageAttributes) =>
  matchesFilterPolicy(parseFilterPolicy(JSON.stringify(policy)), attributes);

const rejects = (policy: unknown, fragment: RegExp) => {
  expect(() => parseFilterPolicy(typeof policy === 'string' ? policy : JSON.stringify(policy))).toThrowError(
    fragment,
  );
};

const string = (value: string) => ({ DataType: 'String', StringValue: value });
const number = (value: number | string) => ({ DataType: 'Number', StringValue: String(value) });
const array = (values: unknown[]) => ({ DataType: 'String.Array', StringValue: JSON.stringify(values) });

describe('filter policy matching', () => {
  it('matches exact strings case-sensitively, any of the listed values', () => {
    const policy = { type: ['figure.changed', 'figure.revised'] };
    expect(matches(policy, { type: string('figure.revised') })).toBe(true);
    expect(matches(policy, { type: string('figure.added') })).toBe(false);
    expect(matches(policy, { type: string('Figure.Changed') })).toBe(false);
  });

  it('requires every key of the policy (AND across keys)', () => {
    const policy = { type: ['figure.changed'], region: ['cn'] };
    expect(matches(policy, { type: string('figure.changed'), region: string('cn') })).toBe(true);
    expect(matches(policy, { type: string('figure.changed'), region: string('hk') })).toBe(false);
    expect(matches(policy, { type: string('figure.changed') })).toBe(false);
  });

  it('compares numeric ranges on Number attributes, bounds included or not as written', () => {
    const atLeastFive = { absChangePercent: [{ numeric: ['>=', 5] }] };
    expect(matches(atLeastFive, { absChangePercent: number(5) })).toBe(true);
    expect(matches(atLeastFive, { absChangePercent: number('5.73480') })).toBe(true);
    expect(matches(atLeastFive, { absChangePercent: number(4.99999) })).toBe(false);
    const between = { price: [{ numeric: ['>', 0, '<=', 10] }] };
    expect(matches(between, { price: number(10) })).toBe(true);
    expect(matches(between, { price: number(0) })).toBe(false);
    expect(matches(between, { price: number(10.00001) })).toBe(false);
  });

  it('does not compare numbers against String attributes', () => {
    expect(matches({ level: [{ numeric: ['>=', 5] }] }, { level: string('7') })).toBe(false);
    expect(matches({ level: [7] }, { level: number('7.0') })).toBe(true);
    expect(matches({ level: [7] }, { level: string('7') })).toBe(false);
  });

  it('matches prefixes, suffixes and case-insensitive equality', () => {
    expect(matches({ metric: [{ prefix: 'cn:' }] }, { metric: string('cn:城镇登记失业率:%') })).toBe(true);
    expect(matches({ metric: [{ prefix: 'hk:' }] }, { metric: string('cn:城镇登记失业率:%') })).toBe(false);
    expect(matches({ metric: [{ suffix: ':%' }] }, { metric: string('cn:城镇登记失业率:%') })).toBe(true);
    expect(matches({ kind: [{ 'equals-ignore-case': 'PERCENT' }] }, { kind: string('percent') })).toBe(true);
  });

  it('matches anything-but only when the attribute is present with another value', () => {
    const policy = { type: [{ 'anything-but': ['figure.backfilled', 'figure.revised'] }] };
    expect(matches(policy, { type: string('figure.changed') })).toBe(true);
    expect(matches(policy, { type: string('figure.revised') })).toBe(false);
    expect(matches(policy, {})).toBe(false);
    expect(matches({ metric: [{ 'anything-but': { prefix: 'hk:' } }] }, { metric: string('cn:x') })).toBe(
      true,
    );
    expect(matches({ price: [{ 'anything-but': [100, 500] }] }, { price: number(100.1) })).toBe(true);
    expect(matches({ price: [{ 'anything-but': [100, 500] }] }, { price: number(500) })).toBe(false);
  });

  it('tests presence with exists true and absence with exists false', () => {
    expect(matches({ direction: [{ exists: true }] }, { direction: string('up') })).toBe(true);
    expect(matches({ direction: [{ exists: true }] }, {})).toBe(false);
    expect(matches({ direction: [{ exists: false }] }, {})).toBe(true);
    expect(matches({ direction: [{ exists: false }] }, { direction: string('up') })).toBe(false);
  });

  it('ORs the conditions listed under one key', () => {
    const policy = { direction: ['up', { exists: false }] };
    expect(matches(policy, { direction: string('up') })).toBe(true);
    expect(matches(policy, {})).toBe(true);
    expect(matches(policy, { direction: string('down') })).toBe(false);
  });

  it('matches a String.Array attribute when any of its elements matches', () => {
    const policy = { regions: ['hk', 'mo'], sizes: [{ numeric: ['>', 3] }] };
    expect(matches(policy, { regions: array(['cn', 'mo']), sizes: array([1, 4]) })).toBe(true);
    expect(matches(policy, { regions: array(['cn', 'tw']), sizes: array([1, 4]) })).toBe(false);
    expect(matches(policy, { regions: array(['hk']), sizes: array([1, 2]) })).toBe(false);
  });

  it('leaves Binary attributes out of filtering', () => {
    const binary = { DataType: 'Binary', StringValue: Buffer.from('up').toString('base64') };
    expect(matches({ direction: [{ exists: true }] }, { direction: binary })).toBe(false);
  });

  it('accepts any one branch of $or alongside the keys outside it', () => {
    const policy = {
      type: ['figure.changed'],
      $or: [{ region: ['cn'] }, { absChangePercent: [{ numeric: ['>', 10] }] }],
    };
    expect(matches(policy, { type: string('figure.changed'), region: string('cn') })).toBe(true);
    expect(
      matches(policy, { type: string('figure.changed'), region: string('hk'), absChangePercent: number(12) }),
    ).toBe(true);
    expect(
      matches(policy, { type: string('figure.changed'), region: string('hk'), absChangePercent: number(2) }),
    ).toBe(false);
  });

  it('evaluates the policies the subscription API builds as intended', () => {
    const policy = filterPolicyFor(
      { regions: ['cn'], types: ['figure.changed'], minAbsChangePercent: 5 },
      'each',
    );
    const attributes = {
      type: string('figure.changed'),
      region: string('cn'),
      absChangePercent: number(5.7348),
    };
    expect(matches(policy, attributes)).toBe(true);
    expect(matches(policy, { ...attributes, absChangePercent: number(0.5) })).toBe(false);
    expect(matches(policy, { ...attributes, region: string('hk') })).toBe(false);
  });
});

describe('filter policy validation', () => {
  it('rejects text that is not JSON and policies that are not objects', () => {
    rejects('{"type": [', /not valid JSON/);
    rejects(['figure.changed'], /non-empty JSON object/);
    rejects(
      { $or: [{}, { type: ['figure.added'] }] },
      /FilterPolicy\.\$or\[0\]: expected a non-empty JSON object/,
    );
  });

  it('rejects nesting and empty condition lists, which attribute policies do not allow', () => {
    rejects({ data: { metric: ['x'] } }, /FilterPolicy\.data: .*no nesting/);
    rejects({ type: [] }, /FilterPolicy\.type: /);
  });

  it('rejects malformed operators and names the offending key', () => {
    rejects({ n: [{ numeric: ['>>', 5] }] }, /FilterPolicy\.n\[0\]: unknown numeric operator ">>"/);
    rejects({ n: [{ numeric: ['<', 5, '>', 1] }] }, /lower bound/);
    rejects({ n: [{ numeric: ['>', 2e9] }] }, /within ±1e9/);
    rejects({ n: [{ exists: 'yes' }] }, /exists takes true or false/);
    rejects({ n: [{ regex: 'a.*' }] }, /unsupported operator "regex"/);
    rejects({ n: [{ prefix: 'a', suffix: 'b' }] }, /one operator/);
    rejects(
      { n: [['nested', 'list']] },
      /FilterPolicy\.n\[0\]: a match value is a string, a number, true, false or null/,
    );
  });

  it('counts the combinations of $or branches as AWS does: 152 refused, 150 accepted', () => {
    // The two policies LocalStack recorded against AWS: (4 × 6) + (4 × 4 × 4) + (4 × 4 × 4) = 152 ...
    rejects(
      {
        source: ['a', 'b', 'c', 'd'],
        $or: [
          { metricName: ['1', '2', '3', '4', '5', '6'] },
          { metricType: ['1', '2', '3', '4'], $or: [{ metricId: [1, 2, 3, 4] }, { spaceId: [1, 2, 3, 4] }] },
        ],
      },
      /at most 150 combinations of values, received 152/,
    );
    // ... and (3 × 6) + (3 × 4 × 4) + (3 × 4 × 7) = 150.
    const atTheLimit = {
      source: ['a', 'b', 'c'],
      $or: [
        { metricName: ['1', '2', '3', '4', '5', '6'] },
        {
          metricType: ['1', '2', '3', '4'],
          $or: [{ metricId: [1, 2, 3, 4] }, { spaceId: [1, 2, 3, 4, 5, 6, 7] }],
        },
      ],
    };
    expect(() => parseFilterPolicy(JSON.stringify(atTheLimit))).not.toThrow();
  });

  it('enforces at most five keys and 150 combinations', () => {
    rejects({ a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] }, /at most 5 keys, received 6/);
    const values = (count: number) => Array.from({ length: count }, (_, index) => `v${index}`);
    rejects({ a: values(10), b: values(16) }, /at most 150 combinations of values, received 160/);
    expect(() => parseFilterPolicy(JSON.stringify({ a: values(10), b: values(15) }))).not.toThrow();
  });

  it('raises FilterPolicyError, so the server can answer InvalidParameter', () => {
    expect(() => parseFilterPolicy('[]')).toThrow(FilterPolicyError);
  });
});

// Each case below is one AWS answers differently from what a naive reading of its documentation suggests; the
// comments say where the behaviour was recorded.
describe('agreement with AWS', () => {
  it('accepts null, true and false as match values (documented), and matches them in String.Array attributes', () => {
    expect(() => parseFilterPolicy('{"a": [null, true, false, "x", 1]}')).not.toThrow();
    expect(matches({ flags: [true] }, { flags: array(['x', true]) })).toBe(true);
    expect(matches({ flags: [null] }, { flags: array([null]) })).toBe(true);
    expect(matches({ flags: [false] }, { flags: array([true, 'false']) })).toBe(false);
    // A string that spells the keyword is not the keyword.
    expect(matches({ flags: [true] }, { flags: string('true') })).toBe(false);
  });

  it('does not match null against a missing attribute (LocalStack, validated against AWS)', () => {
    const policy = { attr1: [null, { 'anything-but': 'whatever' }] };
    expect(matches(policy, {})).toBe(false);
    expect(matches(policy, { attr1: string('something') })).toBe(true);
  });

  it('takes an empty FilterPolicy as no policy: AWS unsets it that way, and documents {} for removing one', () => {
    expect(parseFilterPolicy('')).toBeUndefined();
    expect(parseFilterPolicy('{}')).toBeUndefined();
    expect(matchesFilterPolicy(parseFilterPolicy(''), {})).toBe(true);
    expect(matchesFilterPolicy(parseFilterPolicy('{}'), { type: string('figure.added') })).toBe(true);
  });

  it('refuses anything-but with suffix or exists inside, and accepts it with prefix (LocalStack, validated)', () => {
    rejects({ key: [{ 'anything-but': { suffix: 'test' } }] }, /anything-but takes/);
    rejects({ key: [{ 'anything-but': { exists: false } }] }, /anything-but takes/);
    rejects({ key: [{ 'anything-but': { 'wrong-operator': null } }] }, /anything-but takes/);
    rejects({ key: [{ 'anything-but': { prefix: false } }] }, /expected a string/);
    for (const accepted of [{ prefix: 'test-' }, ['test', 'test2'], 'test', [null, true]]) {
      expect(() => parseFilterPolicy(JSON.stringify({ key: [{ 'anything-but': accepted }] }))).not.toThrow();
    }
  });

  it('matches IP addresses in a cidr range, as the documented example does', () => {
    const policy = { source_ip: [{ cidr: '10.0.0.0/24' }] };
    expect(matches(policy, { source_ip: string('10.0.0.0') })).toBe(true);
    expect(matches(policy, { source_ip: string('10.0.0.255') })).toBe(true);
    expect(matches(policy, { source_ip: string('10.1.1.0') })).toBe(false);
    expect(matches(policy, { source_ip: string('not an address') })).toBe(false);
    expect(matches(policy, { source_ip: array(['192.0.2.1', '10.0.0.7']) })).toBe(true);
  });

  it('matches IPv6 ranges, and never an address of the other family', () => {
    const policy = { ip: [{ cidr: '2001:db8::/32' }] };
    expect(matches(policy, { ip: string('2001:db8:ffff::1') })).toBe(true);
    expect(matches(policy, { ip: string('2001:db9::1') })).toBe(false);
    expect(matches(policy, { ip: string('::ffff:10.0.0.1') })).toBe(false);
    expect(matches({ ip: [{ cidr: '::ffff:10.0.0.0/120' }] }, { ip: string('::ffff:10.0.0.9') })).toBe(true);
    expect(matches({ ip: [{ cidr: '0.0.0.0/0' }] }, { ip: string('2001:db8::1') })).toBe(false);
  });

  it('starts a cidr range at the address as written, as AWS event-ruler does', () => {
    const policy = { ip: [{ cidr: '10.0.0.128/24' }] };
    expect(matches(policy, { ip: string('10.0.0.200') })).toBe(true);
    expect(matches(policy, { ip: string('10.0.0.1') })).toBe(false);
  });

  it("refuses a malformed cidr with event-ruler's reasons", () => {
    rejects({ ip: [{ cidr: '10.0.0.0' }] }, /one '\/' required/);
    rejects({ ip: [{ cidr: '10.0.0.0/x' }] }, /mask bits must be an integer/);
    rejects({ ip: [{ cidr: '10.0.0.0/-1' }] }, /mask bits must be an integer/);
    rejects({ ip: [{ cidr: '10.0.0.0/32' }] }, /IPv4 mask bits must be < 32/);
    rejects({ ip: [{ cidr: '::/128' }] }, /IPv6 mask bits must be < 128/);
    rejects({ ip: [{ cidr: 'example.com/24' }] }, /invalid IP address "example.com"/);
    rejects({ ip: [{ cidr: 24 }] }, /expected a string/);
  });
});
