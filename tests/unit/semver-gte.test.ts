// The stand-in for semver in the Lambda bundles answers `gte` as semver does for the versions its callers pass.
import { describe, expect, it } from 'vitest';
import { gte } from '../../functions/adapters/aws/semver-gte.ts';

describe('gte, standing in for semver in the bundles', () => {
  it.each([
    ['22.11.0', '8.0.0', true],
    ['v22.11.0', '8.0.0', true],
    ['8.0.0', '8.0.0', true],
    ['7.10.1', '8.0.0', false],
    ['2.1692.0', '2.7.15', true],
    ['2.7.9', '2.7.15', false],
    ['10.0.0', '9.99.99', true],
    ['8.0.0-rc.1', '8.0.0', false],
    ['8.0.0', '8.0.0-rc.1', true],
    ['8.0.0-rc.1', '8.0.0-rc.1', true],
    ['8.0.1-rc.1', '8.0.0', true],
    ['1.2.3+build.5', '1.2.3', true],
  ])('%s ≥ %s is %s', (version, minimum, expected) => {
    expect(gte(version, minimum)).toBe(expected);
  });

  it('refuses what is not a version, as semver does', () => {
    expect(() => gte('latest', '1.0.0')).toThrow(new TypeError('Invalid Version: latest'));
  });
});
