// CPU seconds of this process's children (DynamoDB Local's JVM) from /proc; 0 where there is no /proc.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s. */
const ticksPerSecond = 100;

export function childProcessCpuSeconds(): number {
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
