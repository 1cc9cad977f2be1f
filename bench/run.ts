// `npm run bench`: measures, then writes bench/results/latest.json and the tables of BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../infra/sandbox/paths.ts';
import { baselineCommit, benchBundles, providedByRuntimeAndLayer } from './bundles.ts';
import { benchExtraction } from './extract.ts';
import { table } from './format.ts';
import { type LatencyBench, markdownForLatency } from './latency.ts';
import type { LoadBench } from './load.ts';
import { markdownForLoad } from './load-report.ts';
import { benchPages, markdownForPages } from './pages.ts';
import { markdownForRender, type RenderBench } from './render.ts';

// The sandbox phases run under this machine's Node 20, where the SDK warns once per process that its releases from
// January 2027 need Node 22: noise in a report about speed (the README says it once).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const when = new Date().toISOString();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

process.stderr.write('bundling each function and timing its import…\n');
const bundles = await benchBundles();
process.stderr.write('measuring extraction throughput against the peer…\n');
const extraction = await benchExtraction();
process.stderr.write('weighing the pages…\n');
const pageWeights = await benchPages();
// RAM-backed when the machine has it, so the figures measure the system rather than this disk's fsync latency.
const loadDataRoot = process.env.LOAD_DATA_ROOT ?? (existsSync('/dev/shm') ? '/dev/shm' : undefined);
/** A sandbox phase in a process of its own (see phase.ts), its result read back. */
function inOwnProcess<Result>(phase: 'latency' | 'load' | 'render'): Result {
  const folder = mkdtempSync(join(tmpdir(), 'updates-feed-bench-'));
  try {
    const resultFile = join(folder, 'result.json');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'bench', 'phase.ts'), phase, resultFile, loadDataRoot ?? ''],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    return JSON.parse(readFileSync(resultFile, 'utf8')) as Result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
process.stderr.write('timing each page’s first render in Chromium…\n');
const render = inOwnProcess<RenderBench[]>('render');
process.stderr.write('timing single briefs through an idle sandbox…\n');
const latency = inOwnProcess<LatencyBench>('latency');
process.stderr.write('sending 1,000 briefs through the sandbox…\n');
const load = inOwnProcess<LoadBench>('load');

const results = { when, machine, bundles, extraction, pages: pageWeights, render, latency, load };
mkdirSync(join(projectRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(projectRoot, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const markdown = `# Benchmarks

Written by \`npm run bench\` on ${when}, on ${machine}. Raw figures: [bench/results/latest.json](bench/results/latest.json).
These machines are shared and noisy: compare figures from one run with each other, not across runs.

## Function bundles

Each function bundled exactly as the stack bundles it (esbuild, minified, ESM, Node 22 target), and the time to
import that bundle in a fresh Node process (median of ${bundles[0]?.importRunsMs.length ?? 0} runs; a proxy for the cold-start init cost), as prod runs it
(no run-time source maps) and, in brackets after it, as dev runs it (\`--enable-source-maps\`, the stage setting \`runtimeSourceMaps\`). "Before" is the
same function bundled, in the same run and interleaved with it, from commit \`${baselineCommit}\` (main before the functions were made lean: one
composition root, classic zod, the SDK's whole credential chain, no Tracer), run as the stack ran it then, with source maps. Targets: 250 KiB, 40 ms.
"Provided" is the road not taken: the same function with ${providedByRuntimeAndLayer.map((module) => `\`${module}\``).join(', ')}
left out of the bundle, for the Node.js runtime (the SDK) and the Powertools layer (Powertools, the X-Ray SDK) to
provide; its import loads them from node_modules, as Lambda would from the runtime and the layer.

${table(
  [
    'function',
    'minified before → now (provided)',
    'gzip before → now (provided)',
    'import before → now [dev] (provided), ms, median',
  ],
  bundles.map((bundle) => [
    bundle.name,
    `${bundle.before === undefined ? '-' : kib(bundle.before.bytes)} → ${kib(bundle.bytes)} KiB (${kib(bundle.providedExternally.bytes)})`,
    `${bundle.before === undefined ? '-' : kib(bundle.before.gzipBytes)} → ${kib(bundle.gzipBytes)} KiB (${kib(bundle.providedExternally.gzipBytes)})`,
    `${bundle.before === undefined ? '-' : bundle.before.importMs.toFixed(1)} → ${bundle.importMs.toFixed(1)} [${bundle.importWithSourceMapsMs.toFixed(1)}] (${bundle.providedExternally.importMs.toFixed(1)})`,
  ]),
)}

## Page weight

${markdownForPages(pageWeights)}

## First render

${markdownForRender(render)}

## Figure extraction

${extraction.markdown}

## Latency at idle

${markdownForLatency(latency)}

## Load and cost: 1,000 briefs end to end

${markdownForLoad(load)}`;
writeFileSync(join(projectRoot, 'BENCHMARKS.md'), markdown);
process.stdout.write(markdown);
