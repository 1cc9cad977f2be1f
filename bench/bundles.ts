// Bundles every topology function exactly as the stack does, then weighs each bundle and times its import.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/constructs/bundling.ts';
import { projectRoot } from '../infra/sandbox/paths.ts';
import { type FunctionName, functions } from '../infra/topology.ts';

export interface BundleBench {
  name: FunctionName;
  entry: string;
  /** Minified bundle, source map excluded. */
  bytes: number;
  gzipBytes: number;
  /** Median of `importRunsMs`. */
  importMs: number;
  importRunsMs: number[];
}

const importRuns = 5;

/** Lambda sets these; the handlers read their configuration when imported. */
const lambdaLikeEnvironment = {
  TABLE_NAME: 'bench',
  TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:bench',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_SERVICE_NAME: 'updates-feed',
  NODE_OPTIONS: '--enable-source-maps',
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
    const results: BundleBench[] = [];
    for (const [name, spec] of Object.entries(functions) as Array<[FunctionName, { entry: string }]>) {
      const outfile = join(outDir, name, 'index.mjs');
      await build(esbuildOptions(resolve(projectRoot, spec.entry), outfile));
      const code = readFileSync(outfile);
      const importRunsMs = Array.from({ length: importRuns }, () => timeImport(outfile));
      results.push({
        name,
        entry: spec.entry,
        bytes: code.byteLength,
        gzipBytes: gzipSync(code).byteLength,
        importMs: median(importRunsMs),
        importRunsMs,
      });
    }
    return results;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function timeImport(bundle: string): number {
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '--eval', importTimer, pathToFileURL(bundle).href],
    // Node 20 here makes the bundled SDK print a support warning on stderr: kept out of the report.
    {
      env: { PATH: process.env.PATH, ...lambdaLikeEnvironment },
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
