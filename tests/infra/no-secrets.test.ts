// Nothing secret may travel in the template or the function bundles: no keys, no tokens, no sandbox data.
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/constructs/bundling.ts';
import { projectRoot } from '../../infra/sandbox/paths.ts';
import { functions } from '../../infra/topology.ts';
import { removeTestOutputs, synthesize } from './synth.ts';

afterAll(removeTestOutputs);

const secretShapes: [string, RegExp][] = [
  ['an AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  // The SDK's config-file parser names the key; only a 40-character value after it is a secret.
  ['an AWS secret access key', /(aws_secret_access_key\s*=\s*|SecretAccessKey"\s*:\s*")[A-Za-z0-9/+=]{40}/i],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a bearer token', /Bearer [A-Za-z0-9._~+/-]{20,}/],
  ["the sandbox's token file", /editor-token/],
  ['a password literal', /password["']?\s*[:=]\s*["'][^"']{6,}["']/i],
];

function findSecrets(text: string): string[] {
  return secretShapes.filter(([, shape]) => shape.test(text)).map(([name]) => name);
}

describe('secrets', () => {
  it('recognizes each secret shape it looks for, so an empty finding means something', () => {
    const planted =
      'AKIAABCDEFGHIJKLMNOP -----BEGIN RSA PRIVATE KEY----- Bearer abcdefghijklmnopqrstuvwxyz editor-token';
    expect(findSecrets(planted)).toEqual([
      'an AWS access key id',
      'a private key',
      'a bearer token',
      "the sandbox's token file",
    ]);
  });

  // A synth with cdk-nag takes 25 s alone on this machine's two cores, longer beside other test files.
  it('are absent from the synthesized template', () => {
    const { template } = synthesize();
    expect(findSecrets(JSON.stringify(template.toJSON()))).toEqual([]);
  }, 120_000);

  it('are absent from every function bundle', async () => {
    for (const [name, spec] of Object.entries(functions)) {
      const result = await build({
        ...esbuildOptions(join(projectRoot, spec.entry), join(projectRoot, 'cdk.out', `${name}.mjs`)),
        write: false,
      });
      const bundle = result.outputFiles.map((file) => file.text).join('\n');
      expect(bundle.length, name).toBeGreaterThan(10_000);
      expect(findSecrets(bundle), name).toEqual([]);
    }
  }, 120_000);
});
