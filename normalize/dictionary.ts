// The canonical metric dictionary, loaded once from the project's copy of metrics.tsv.
// It is data: every key the project emits must be in it (see dictionary.test.ts).
import { readFileSync } from 'node:fs';
import type { Era, Unit } from './types.ts';

export interface MetricDef {
  key: string;
  unit: Unit;
  eras: Era[];
  label_zh: string;
  note: string;
  /** 0-based position in the dictionary: the column order of reports_wide.csv. */
  order: number;
}

export const DICTIONARY_PATH = new URL('./data/metrics.tsv', import.meta.url);

export function parseDictionary(tsv: string): MetricDef[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  if (header[0] !== 'key' || header[1] !== 'unit') throw new Error('metrics.tsv: unexpected header');
  return lines.map((line, order) => {
    const [key, unit, eras, label_zh = '', note = ''] = line.split('\t');
    return { key, unit: unit as Unit, eras: eras.split(',').map((e) => e.trim()) as Era[], label_zh, note, order };
  });
}

let cache: { list: MetricDef[]; byKey: Map<string, MetricDef> } | undefined;

function load() {
  if (!cache) {
    const list = parseDictionary(readFileSync(DICTIONARY_PATH, 'utf8'));
    cache = { list, byKey: new Map(list.map((d) => [d.key, d])) };
  }
  return cache;
}

export function metricDefs(): readonly MetricDef[] {
  return load().list;
}

export function metricDef(key: string): MetricDef | undefined {
  return load().byKey.get(key);
}

export function isMetricKey(key: string): boolean {
  return load().byKey.has(key);
}

export function unitOf(key: string): Unit {
  const def = metricDef(key);
  if (!def) throw new Error(`not a dictionary key: ${key}`);
  return def.unit;
}
