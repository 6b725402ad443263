// The machine a run was measured on, for RESULTS.md: figures mean little without it.
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when described: other work on the machine skews every figure. */
  load: number;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    load: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
