// Where the CPU goes: this process (handlers, gateway, local SNS, stream runners, load generator) and its child
// processes (DynamoDB Local's JVM), with the event loop's delay.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { round } from './format.ts';

/** Linux reports process times in clock ticks of 1/100 s. */
const ticksPerSecond = 100;

function childProcessCpuSeconds(): number {
  if (!existsSync('/proc')) return 0;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces: the fields that follow are read after its closing parenthesis.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(fields[1]) === process.pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / ticksPerSecond;
}

/** Starts measuring; the function it returns stops and reads the meter. */
export function cpuMeter() {
  const ownStart = process.cpuUsage();
  const childStart = childProcessCpuSeconds();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  return () => {
    loopDelay.disable();
    const own = process.cpuUsage(ownStart);
    return {
      nodeSeconds: round((own.user + own.system) / 1e6, 1),
      childSeconds: round(childProcessCpuSeconds() - childStart, 1),
      eventLoopDelayMs: {
        p50: round(loopDelay.percentile(50) / 1e6, 1),
        p99: round(loopDelay.percentile(99) / 1e6, 1),
        max: round(loopDelay.max / 1e6, 1),
      },
    };
  };
}
