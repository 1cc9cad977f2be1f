// Whether a process still exists, for the sandbox's own bookkeeping of the processes around it.
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
