// Scoring parsed reports against hand-checked gold labels (format: shared spec, "Gold labels").
// The scoring functions are pure; evaluateDirs at the bottom is the thin I/O edge that reads the
// gold files and parses each corpus file with the same code as `ogi parse`.
//
// Rules (the spec's): a metric is right when the number is equal; a gold key missing or wrong is
// a miss (recall); an emitted key that is wrong, or not in the gold metrics and not in `ignore`,
// counts against precision. Keys listed in `approx` must carry qualifier approx (reported
// separately, not part of F1). Metadata: year, region code, template, agency_kind, agency.
import type { Report } from '../normalize/types.ts';

export interface Gold {
  file: string;
  year?: number;
  region?: { name: string; code: string };
  agency?: string;
  agency_kind?: string;
  template?: string;
  metrics: Record<string, number>;
  approx?: string[];
  ignore?: string[];
  notes?: string;
}

export const META_FIELDS = ['year', 'region', 'template', 'agency_kind', 'agency'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export interface ReportScore {
  file: string;
  /** Why the file produced no report (parse failure), when it did not. */
  failure?: string;
  tp: number;
  fp: number;
  fn: number;
  misses: { key: string; gold: number }[];
  wrong: { key: string; gold: number; got: number }[];
  extras: { key: string; got: number }[];
  approx: { total: number; ok: number; missing: string[] };
  meta: Record<MetaField, { ok: boolean; gold: unknown; got: unknown }>;
}

const EPS = 1e-6;

function metaValue(r: Partial<Report> | undefined, f: MetaField): unknown {
  if (!r) return undefined;
  return f === 'region' ? r.region?.code : r[f];
}

function goldMeta(g: Gold, f: MetaField): unknown {
  return f === 'region' ? g.region?.code : g[f];
}

/** One report (or its parse failure) against its gold labels. */
export function scoreReport(gold: Gold, report: Report | undefined, failure?: string): ReportScore {
  const got = report?.metrics ?? {};
  const ignore = new Set(gold.ignore ?? []);
  const s: ReportScore = {
    file: gold.file, failure, tp: 0, fp: 0, fn: 0, misses: [], wrong: [], extras: [],
    approx: { total: 0, ok: 0, missing: [] },
    meta: {} as ReportScore['meta'],
  };
  for (const [key, value] of Object.entries(gold.metrics)) {
    if (!(key in got)) {
      s.fn++;
      s.misses.push({ key, gold: value });
    } else if (Math.abs(got[key] - value) > EPS) {
      s.fn++;
      s.fp++;
      s.wrong.push({ key, gold: value, got: got[key] });
    } else {
      s.tp++;
    }
  }
  for (const [key, value] of Object.entries(got)) {
    if (key in gold.metrics || ignore.has(key)) continue;
    s.fp++;
    s.extras.push({ key, got: value });
  }
  for (const key of gold.approx ?? []) {
    s.approx.total++;
    const d = report?.details.find((x) => x.key === key);
    if (d?.qualifier === 'approx') s.approx.ok++;
    else s.approx.missing.push(key);
  }
  for (const f of META_FIELDS) {
    const g = goldMeta(gold, f);
    const r = metaValue(report, f);
    s.meta[f] = { ok: g !== undefined && g === r, gold: g, got: r };
  }
  return s;
}

export interface Summary {
  reports: ReportScore[];
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  approx: { total: number; ok: number };
  meta: Record<MetaField, { ok: number; total: number }>;
  /** Share of all metadata fields (reports × fields) that are right. */
  metaAccuracy: number;
  failures: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Micro-averaged totals over all reports. */
export function summarize(reports: ReportScore[]): Summary {
  const tp = reports.reduce((n, r) => n + r.tp, 0);
  const fp = reports.reduce((n, r) => n + r.fp, 0);
  const fn = reports.reduce((n, r) => n + r.fn, 0);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const meta = Object.fromEntries(
    META_FIELDS.map((f) => [f, { ok: reports.filter((r) => r.meta[f].ok).length, total: reports.length }]),
  ) as Summary['meta'];
  const metaOk = META_FIELDS.reduce((n, f) => n + meta[f].ok, 0);
  return {
    reports, tp, fp, fn, precision, recall, f1,
    approx: {
      total: reports.reduce((n, r) => n + r.approx.total, 0),
      ok: reports.reduce((n, r) => n + r.approx.ok, 0),
    },
    meta,
    metaAccuracy: ratio(metaOk, META_FIELDS.length * reports.length),
    failures: reports.filter((r) => r.failure).length,
  };
}

export function reportF1(r: ReportScore): { precision: number; recall: number; f1: number } {
  const precision = ratio(r.tp, r.tp + r.fp);
  const recall = ratio(r.tp, r.tp + r.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const f3 = (n: number) => n.toFixed(3);

/** The human-readable table; its last two lines are the overall F1 and the metadata accuracy. */
export function formatSummary(s: Summary, opts: { verbose?: boolean } = {}): string {
  const width = Math.max(6, ...s.reports.map((r) => r.file.length));
  const lines: string[] = [];
  lines.push(`${'report'.padEnd(width)}  precision  recall  F1     approx  meta`);
  for (const r of s.reports) {
    const { precision, recall, f1 } = reportF1(r);
    const metaOk = META_FIELDS.filter((f) => r.meta[f].ok).length;
    lines.push(
      `${r.file.padEnd(width)}  ${f3(precision).padEnd(9)}  ${f3(recall).padEnd(6)}  ${f3(f1)}  ` +
        `${`${r.approx.ok}/${r.approx.total}`.padEnd(6)}  ${metaOk}/${META_FIELDS.length}` +
        (r.failure ? `  (not parsed: ${r.failure})` : ''),
    );
    if (opts.verbose) {
      for (const m of r.misses) lines.push(`    miss   ${m.key} = ${m.gold}`);
      for (const w of r.wrong) lines.push(`    wrong  ${w.key} = ${w.got} (gold ${w.gold})`);
      for (const e of r.extras) lines.push(`    extra  ${e.key} = ${e.got}`);
      for (const k of r.approx.missing) lines.push(`    approx ${k} should carry qualifier approx`);
      for (const f of META_FIELDS) {
        if (!r.meta[f].ok) lines.push(`    meta   ${f} = ${JSON.stringify(r.meta[f].got)} (gold ${JSON.stringify(r.meta[f].gold)})`);
      }
    }
  }
  lines.push('');
  lines.push(`metrics: ${s.tp} right, ${s.fp} wrong or extra, ${s.fn} missed or wrong over ${s.reports.length} reports` +
    (s.failures ? ` (${s.failures} not parsed)` : ''));
  lines.push(`precision ${f3(s.precision)}  recall ${f3(s.recall)}`);
  lines.push(`approx qualifiers ${s.approx.ok}/${s.approx.total}`);
  lines.push('metadata ' + META_FIELDS.map((f) => `${f} ${s.meta[f].ok}/${s.meta[f].total}`).join('  '));
  lines.push(`F1 ${f3(s.f1)}`);
  lines.push(`metadata accuracy ${f3(s.metaAccuracy)}`);
  return lines.join('\n');
}

// ── I/O edge ─────────────────────────────────────────────────────────────────────────────────

export class EvalUsageError extends Error {}

/** Reads every *.json gold file in goldDir, parses corpusDir/<gold.file>, and scores it. */
export async function evaluateDirs(goldDir: string, corpusDir: string): Promise<Summary> {
  const { readdir, readFile, stat } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { parseFile } = await import('./parse-file.ts');
  for (const [what, dir] of [['--gold', goldDir], ['--corpus', corpusDir]] as const) {
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) throw new EvalUsageError(`${what} ${dir}: not a directory`);
  }
  const files = (await readdir(goldDir)).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new EvalUsageError(`--gold ${goldDir}: no *.json gold files`);
  const scores: ReportScore[] = [];
  for (const f of files) {
    let gold: Gold;
    try {
      gold = JSON.parse(await readFile(join(goldDir, f), 'utf8')) as Gold;
    } catch (err) {
      throw new EvalUsageError(`${join(goldDir, f)}: not a gold file (${(err as Error).message})`);
    }
    gold.file ??= f.replace(/\.json$/, '.txt');
    gold.metrics ??= {};
    const result = await parseFile(join(corpusDir, gold.file));
    scores.push(result.ok ? scoreReport(gold, result.report) : scoreReport(gold, undefined, result.message));
  }
  return summarize(scores);
}
