// One sandbox phase of `npm run bench`, run in a process of its own by run.ts: the functions read their
// environment once per process, as in Lambda, so two sandboxes cannot share one. Writes the result as JSON.
import { writeFileSync } from 'node:fs';
import { benchLatency } from './latency.ts';
import { benchLoad } from './load.ts';

const [phase, resultFile, dataRoot] = process.argv.slice(2);
const options = dataRoot === undefined || dataRoot === '' ? {} : { dataRoot };
const result =
  phase === 'latency' ? await benchLatency(options) : phase === 'load' ? await benchLoad(options) : undefined;
if (result === undefined || resultFile === undefined)
  throw new Error(`usage: phase.ts latency|load RESULT_FILE [DATA_ROOT]`);
writeFileSync(resultFile, JSON.stringify(result));
