// One line of the benchmark table: a measured figure, its floor from the same run, the ratio, and
// the target from issue 6 with whether this run met it.

export type Status = 'met' | 'missed' | 'info' | 'n/a';

export interface Figure {
  stage: string;
  name: string;
  /** e.g. "812 reports/s/core". */
  value: string;
  /** e.g. "1.23 ms/report". */
  perItem: string;
  /** e.g. "cheerio load+text 0.41 ms/report". */
  floor: string;
  /** e.g. "3.0×". */
  ratio: string;
  target: string;
  status: Status;
  note?: string;
}

export function unavailable(stage: string, name: string, why: string, target = ''): Figure {
  return { stage, name, value: 'n/a', perItem: '', floor: '', ratio: '', target, status: 'n/a', note: `not available: ${why}` };
}

export const fmt = {
  rate: (n: number, unit: string) => `${n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)} ${unit}`,
  ms: (n: number, per: string) => `${n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3)} ms/${per}`,
  us: (n: number, per: string) => `${n.toFixed(1)} µs/${per}`,
  ratio: (n: number) => `${n.toFixed(2)}×`,
  mb: (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`,
};
