// Where the CPU goes: this process (handlers, gateway, local SNS, stream runners, load generator) and its child
// processes (DynamoDB Local's JVM), with the event loop's delay.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { round } from './format.ts';
import { childProcessCpuSeconds } from './process-cpu.ts';

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
