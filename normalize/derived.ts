// Keys the spec derives from stated ones (marked derived): litigation totals across the two kinds
// of suit, and 2021's (六)其他处理 as the sum of its three rows. Only when every input is stated
// and the report does not state the key itself.
import { unitOf } from './dictionary.ts';
import { OTHER_SPLIT_ROWS, T3_COLUMN_KEYS } from './tables/table3.ts';
import type { Era, MetricDetail } from './types.ts';


interface Formula {
  key: string;
  inputs: string[];
}

const LITIGATION: Formula[] = ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => ({
  key: `litigation.${o}`,
  inputs: [`litigation.direct.${o}`, `litigation.after_review.${o}`],
}));

const OTHER_2021: Formula[] = T3_COLUMN_KEYS.map((c) => ({
  key: `applications.outcome.other.${c}`,
  inputs: OTHER_SPLIT_ROWS.map((r) => `applications.${r}.${c}`),
}));

export function deriveMetrics(metrics: Readonly<Record<string, number>>, era: Era): MetricDetail[] {
  if (era === 'pre2019') return [];
  // The split (六) rows only exist in 2021-style tables; a 2020 report using them is derived too.
  const formulas = [...LITIGATION, ...OTHER_2021];
  const out: MetricDetail[] = [];
  for (const f of formulas) {
    if (metrics[f.key] !== undefined) continue;
    const values = f.inputs.map((k) => metrics[k]);
    if (values.some((v) => v === undefined)) continue;
    const value = values.reduce((a, b) => a + b, 0);
    out.push({
      key: f.key,
      value,
      unit: unitOf(f.key),
      qualifier: 'exact',
      derived: true,
      method: 'derived',
      source: `${f.inputs.join(' + ')} = ${values.join(' + ')} = ${value}`,
    });
  }
  return out;
}
