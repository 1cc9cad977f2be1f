// Bundles every topology function exactly as the stack does, then weighs each bundle and times its import.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/constructs/bundling.ts';
import { projectRoot } from '../infra/sandbox/paths.ts';
import { type FunctionName, functions } from '../infra/topology.ts';

/**
 * The tree the "before" column bundles: main as issue 10 found it, before the functions were made lean (one
 * composition root, classic zod, the whole credential chain). BUNDLE_BASELINE names another commit.
 */
export const baselineCommit = process.env.BUNDLE_BASELINE ?? 'a6a60cd';

export interface BundleBench {
  name: FunctionName;
  entry: string;
  /** Minified bundle, source map excluded. */
  bytes: number;
  gzipBytes: number;
  /** Median of `importRunsMs`: imported as prod runs it, without run-time source maps. */
  importMs: number;
  importRunsMs: number[];
  /** Median import as dev runs it, with `--enable-source-maps` (the stage setting `runtimeSourceMaps`). */
  importWithSourceMapsMs: number;
  /**
   * The same function bundled from `baselineCommit`, as the stack bundled and ran it then (run-time source maps
   * on); absent if it did not exist.
   */
  before?: { bytes: number; gzipBytes: number; importMs: number };
  /**
   * The road not taken: the same function with the AWS SDK left to the Lambda runtime and Powertools (with the
   * X-Ray SDK) to its layer. Its import loads those from node_modules, as Lambda loads them from the runtime and
   * the layer, so the time counts everything a cold start would.
   */
  providedExternally: { bytes: number; gzipBytes: number; importMs: number };
}

/** What the Node.js 22 runtime ships (the AWS SDK v3) and what the Powertools layer ships (Powertools, X-Ray SDK). */
export const providedByRuntimeAndLayer = [
  '@aws-sdk/*',
  '@smithy/*',
  '@aws-lambda-powertools/*',
  'aws-xray-sdk-core',
];

/** The baseline's sources, beside this checkout's node_modules, bundled as the stack bundled them then. */
function checkoutBaseline(outDir: string): string {
  const root = join(outDir, 'baseline');
  execFileSync('mkdir', ['-p', root]);
  const archive = execFileSync('git', ['archive', '--format=tar', baselineCommit, 'functions', 'data'], {
    cwd: projectRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  return root;
}

async function weigh(
  entry: string,
  outfile: string,
  options: { alias: boolean; external?: string[]; sourceMaps: boolean },
) {
  const built = esbuildOptions(entry, outfile);
  await build({
    ...built,
    ...(options.alias ? {} : { alias: {} }),
    ...(options.external === undefined ? {} : { external: options.external }),
  });
  const code = readFileSync(outfile);
  const importRunsMs = timeImports(outfile, options.sourceMaps);
  return {
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    importMs: median(importRunsMs),
    importRunsMs,
  };
}

const timeImports = (bundle: string, sourceMaps: boolean) =>
  Array.from({ length: importRuns }, () => timeImport(bundle, sourceMaps));

const importRuns = 7;

/** Lambda sets these; the handlers read their configuration when imported. */
const lambdaLikeEnvironment = {
  TABLE_NAME: 'bench',
  TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:bench',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_SERVICE_NAME: 'updates-feed',
};

/** Runs in a fresh process: only the module's own evaluation is timed, not Node's start-up. */
const importTimer = `
const started = process.hrtime.bigint();
await import(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
`;

export async function benchBundles(): Promise<BundleBench[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'updates-feed-bundles-'));
  try {
    const baseline = checkoutBaseline(outDir);
    // Externals resolve from here, the way the runtime's and the layer's modules resolve on Lambda.
    symlinkSync(join(projectRoot, 'node_modules'), join(outDir, 'node_modules'));
    const results: BundleBench[] = [];
    for (const [name, spec] of Object.entries(functions) as Array<[FunctionName, { entry: string }]>) {
      // Interleaved, so that the machine's load weighs on both columns alike.
      const entry = resolve(projectRoot, spec.entry);
      const bundle = join(outDir, name, 'index.mjs');
      const now = await weigh(entry, bundle, { alias: true, sourceMaps: false });
      const importWithSourceMapsMs = median(timeImports(bundle, true));
      const providedExternally = await weigh(entry, join(outDir, name, 'external.mjs'), {
        alias: true,
        external: providedByRuntimeAndLayer,
        sourceMaps: false,
      });
      const oldEntry = join(baseline, spec.entry);
      const before = existsSync(oldEntry)
        ? await weigh(oldEntry, join(outDir, name, 'before.mjs'), { alias: false, sourceMaps: true })
        : undefined;
      results.push({
        name,
        entry: spec.entry,
        ...now,
        importWithSourceMapsMs,
        providedExternally: {
          bytes: providedExternally.bytes,
          gzipBytes: providedExternally.gzipBytes,
          importMs: providedExternally.importMs,
        },
        ...(before === undefined
          ? {}
          : { before: { bytes: before.bytes, gzipBytes: before.gzipBytes, importMs: before.importMs } }),
      });
    }
    return results;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function timeImport(bundle: string, sourceMaps: boolean): number {
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '--eval', importTimer, pathToFileURL(bundle).href],
    // Node 20 here makes the bundled SDK print a support warning on stderr: kept out of the report.
    {
      env: {
        PATH: process.env.PATH,
        ...lambdaLikeEnvironment,
        ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const milliseconds = Number(output);
  if (!Number.isFinite(milliseconds)) {
    throw new Error(`importing ${bundle} printed ${JSON.stringify(output)} instead of its duration`);
  }
  return milliseconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await benchBundles(), null, 2)}\n`);
}
