// Each function's bundle, built by the very options the stack bundles with: what it carries, and its size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/constructs/bundling.ts';
import { projectRoot } from '../../infra/sandbox/paths.ts';
import { type FunctionName, type FunctionSpec, functions } from '../../infra/topology.ts';

/**
 * The most a bundle may weigh, minified. Issue 10 asked for 250 KiB; bundled with the SDK (the DynamoDB client
 * alone is 190 KiB) and Powertools Tracer (the X-Ray SDK, about 100 KiB without semver), no function gets there: BENCHMARKS.md gives
 * each one's size, and this budget keeps what was won from coming back. Ingest, the largest, carries the extractor,
 * which grows with its rules: 503 KiB after the second round of labelling rules, 531 KiB after the fourth, 542 KiB
 * after the fifth, 561 KiB after the sixth, 542 KiB after the seventh (semver's stand-in took 28 KiB off every bundle),
 * 561 KiB after the eighth, 575 KiB after the ninth, 591 KiB after the tenth.
 */
const bundleBudgetKiB = 595;

const entries = Object.entries(functions) as Array<[FunctionName, FunctionSpec]>;
/** What Lambda sets and the handlers read when imported. */
const lambdaLikeEnvironment = {
  TABLE_NAME: 'bundle-test',
  TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:bundle-test',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_SERVICE_NAME: 'updates-feed',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const outDir = mkdtempSync(join(tmpdir(), 'updates-feed-bundle-test-'));
const bundles = new Map<FunctionName, { bytes: number; inputs: string[] }>();

beforeAll(async () => {
  for (const [name, spec] of entries) {
    const result = await build({
      ...esbuildOptions(resolve(projectRoot, spec.entry), join(outDir, name, 'index.mjs')),
      sourcemap: false,
      metafile: true,
    });
    const output = Object.values((result.metafile as Metafile).outputs).find((each) => each.entryPoint);
    bundles.set(name, { bytes: output?.bytes ?? 0, inputs: Object.keys(output?.inputs ?? {}) });
  }
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe.each(entries.map(([name]) => name))('the %s bundle', (name) => {
  it(`weighs at most ${bundleBudgetKiB} KiB minified`, () => {
    expect((bundles.get(name)?.bytes ?? Number.POSITIVE_INFINITY) / 1024).toBeLessThanOrEqual(
      bundleBudgetKiB,
    );
  });

  it('carries zod/mini only, semver only as its stand-in, and of the credential chain only the environment provider Lambda uses', () => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(inputs.some((input) => input.includes('zod/v4/mini/'))).toBe(true);
    expect(
      inputs.filter((input) =>
        /zod\/v4\/classic\/|credential-provider-(node|ini|sso)|nested-clients|node_modules\/semver\//.test(
          input,
        ),
      ),
    ).toEqual([]);
    expect(inputs.some((input) => input.includes('credential-provider-env'))).toBe(true);
    expect(inputs.some((input) => input.endsWith('semver-gte.ts'))).toBe(true);
  });

  it('imports on its own and exports its handler, as Lambda loads it', () => {
    const exported = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '--eval',
        `const module = await import(${JSON.stringify(join(outDir, name, 'index.mjs'))}); process.stdout.write(typeof module.handler);`,
      ],
      { env: { ...lambdaLikeEnvironment, PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
    );
    expect(exported).toBe('function');
  });

  it('captures its SDK client with the Tracer', () => {
    expect(
      (bundles.get(name)?.inputs ?? []).some((input) => input.includes('@aws-lambda-powertools/tracer')),
    ).toBe(true);
  });
});
