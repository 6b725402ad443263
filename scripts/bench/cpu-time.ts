// CPU time of the calling thread. The machine is shared (two cores, other jobs), so wall time
// overstates per-item cost when the cores are busy; a thread's own CPU time does not. Linux only
// (/proc/thread-self/stat, 10 ms ticks — summed over many items the rounding averages out);
// elsewhere NaN, and the figures fall back to wall time.
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on every Linux ABI Node supports

export function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return NaN;
  }
}
