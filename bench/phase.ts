// One sandbox phase of `npm run bench`, run in a process of its own by run.ts: the functions read their
// environment once per process, as in Lambda, so two sandboxes cannot share one. Writes the result as JSON.
import { writeFileSync } from 'node:fs';
import { benchLatency } from './latency.ts';
import { benchLoad } from './load.ts';
import { benchRender } from './render.ts';

const [phase, resultFile, dataRoot] = process.argv.slice(2);
const options = dataRoot === undefined || dataRoot === '' ? {} : { dataRoot };
const phases: Record<string, () => Promise<unknown>> = {
  latency: () => benchLatency(options),
  load: () => benchLoad(options),
  render: () => benchRender(options),
};
const result = phase === undefined ? undefined : await phases[phase]?.();
if (result === undefined || resultFile === undefined)
  throw new Error(`usage: phase.ts latency|load|render RESULT_FILE [DATA_ROOT]`);
writeFileSync(resultFile, JSON.stringify(result));
