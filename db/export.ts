// CSV exports of the current reports, with exactly the columns of ../shared/spec/README.md.
// Numbers are written bare (so R and pandas read them as numbers), absent values as empty cells,
// booleans as true/false. UTF-8; `bom` prefixes a byte-order mark so Excel reads the Chinese.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { DB } from './open.ts';
import { metricDefs } from '../normalize/dictionary.ts';

export const METRICS_LONG_COLUMNS = [
  'report_id', 'region_code', 'region_name', 'year', 'agency', 'agency_kind', 'template',
  'key', 'value', 'unit', 'qualifier', 'derived', 'source_url', 'sha256',
] as const;
export const REPORTS_WIDE_BASE_COLUMNS = [
  'report_id', 'region_code', 'region_name', 'year', 'agency', 'agency_kind', 'template', 'source_url',
] as const;
export const CHECKS_COLUMNS = ['report_id', 'rule', 'ok', 'message'] as const;

type Cell = string | number | boolean | null | undefined;

export function reportsWideColumns(): string[] {
  return [...REPORTS_WIDE_BASE_COLUMNS, ...metricDefs().map((d) => d.key)];
}

function csv(header: readonly string[], rows: Cell[][], bom: boolean): string {
  return stringify([header as string[], ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c)))], {
    bom,
    cast: { boolean: (b) => (b ? 'true' : 'false'), number: (n) => String(n) },
  });
}

export function metricsLongCsv(db: DB, bom = false): { csv: string; rows: number } {
  const rows = db
    .prepare(
      `SELECT r.id, r.region_code, r.region_name, r.year, r.agency, r.agency_kind, r.template,
              m.key, m.value, m.unit, m.qualifier, m.derived, r.source_url, r.sha256
         FROM metrics m JOIN reports r ON r.id = m.report_id
        WHERE r.current = 1
        ORDER BY r.id, m.rowid`,
    )
    .raw()
    .all() as Cell[][];
  for (const row of rows) row[11] = row[11] === 1;
  return { csv: csv(METRICS_LONG_COLUMNS, rows, bom), rows: rows.length };
}

export function reportsWideCsv(db: DB, bom = false): { csv: string; rows: number } {
  const keys = metricDefs().map((d) => d.key);
  const index = new Map(keys.map((k, i) => [k, i]));
  const reports = db
    .prepare(
      `SELECT id, region_code, region_name, year, agency, agency_kind, template, source_url
         FROM reports WHERE current = 1 ORDER BY id`,
    )
    .raw()
    .all() as Cell[][];
  const metricsOf = db.prepare('SELECT key, value FROM metrics WHERE report_id = ?').raw();
  const rows = reports.map((base) => {
    const values: Cell[] = new Array(keys.length).fill(null);
    for (const [key, value] of metricsOf.all(base[0]) as Array<[string, number]>) {
      const i = index.get(key);
      if (i !== undefined) values[i] = value;
    }
    return [...base, ...values];
  });
  return { csv: csv(reportsWideColumns(), rows, bom), rows: rows.length };
}

export function checksCsv(db: DB, bom = false): { csv: string; rows: number } {
  const rows = db
    .prepare(
      `SELECT c.report_id, c.rule, c.ok, c.message
         FROM checks c JOIN reports r ON r.id = c.report_id
        WHERE r.current = 1 ORDER BY c.report_id, c.id`,
    )
    .raw()
    .all() as Cell[][];
  for (const row of rows) row[2] = row[2] === 1;
  return { csv: csv(CHECKS_COLUMNS, rows, bom), rows: rows.length };
}

export interface ExportResult {
  files: Array<{ path: string; rows: number }>;
}

export function exportCsvs(db: DB, outDir: string, opts: { bom?: boolean } = {}): ExportResult {
  mkdirSync(outDir, { recursive: true });
  const bom = opts.bom ?? false;
  const files: ExportResult['files'] = [];
  for (const [name, make] of [
    ['metrics_long.csv', metricsLongCsv],
    ['reports_wide.csv', reportsWideCsv],
    ['checks.csv', checksCsv],
  ] as const) {
    const { csv: text, rows } = make(db, bom);
    const path = join(outDir, name);
    writeFileSync(path, text);
    files.push({ path, rows });
  }
  return { files };
}
