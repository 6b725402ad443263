// CSV exports of the current reports, with exactly the columns of ../shared/spec/README.md.
// Numbers are written bare (so R and pandas read them as numbers), absent values as empty cells,
// booleans as true/false. UTF-8; `bom` prefixes a byte-order mark so Excel reads the Chinese.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
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

/** Writes rows to a CSV file in batches, so a national dataset exports in flat memory. */
class CsvFile {
  private readonly fd: number;
  private batch: Cell[][] = [];
  rows = 0;
  constructor(
    readonly path: string,
    header: readonly string[],
    bom: boolean,
  ) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, stringify([header as string[]], { bom }));
  }
  add(row: Cell[]): void {
    this.batch.push(row);
    this.rows++;
    if (this.batch.length >= 2000) this.flush();
  }
  private flush(): void {
    if (this.batch.length === 0) return;
    const text = stringify(
      this.batch.map((r) => r.map((c) => (c === null || c === undefined ? '' : c))),
      { cast: { boolean: (b) => (b ? 'true' : 'false'), number: (n) => String(n) } },
    );
    writeSync(this.fd, text);
    this.batch = [];
  }
  close(): { path: string; rows: number } {
    this.flush();
    closeSync(this.fd);
    return { path: this.path, rows: this.rows };
  }
}

export function writeMetricsLong(db: DB, path: string, bom = false): { path: string; rows: number } {
  const out = new CsvFile(path, METRICS_LONG_COLUMNS, bom);
  const rows = db
    .prepare(
      `SELECT r.id, r.region_code, r.region_name, r.year, r.agency, r.agency_kind, r.template,
              m.key, m.value, m.unit, m.qualifier, m.derived, r.source_url, r.sha256
         FROM metrics m JOIN reports r ON r.id = m.report_id
        WHERE r.current = 1
        ORDER BY r.id, m.rowid`,
    )
    .raw()
    .iterate() as IterableIterator<Cell[]>;
  for (const row of rows) {
    row[11] = row[11] === 1;
    out.add(row);
  }
  return out.close();
}

export function writeReportsWide(db: DB, path: string, bom = false): { path: string; rows: number } {
  const keys = metricDefs().map((d) => d.key);
  const index = new Map(keys.map((k, i) => [k, i]));
  const out = new CsvFile(path, reportsWideColumns(), bom);
  const reports = db
    .prepare(
      `SELECT id, region_code, region_name, year, agency, agency_kind, template, source_url
         FROM reports WHERE current = 1 ORDER BY id`,
    )
    .raw()
    .all() as Cell[][];
  const metricsOf = db.prepare('SELECT key, value FROM metrics WHERE report_id = ?').raw();
  for (const base of reports) {
    const values: Cell[] = new Array(keys.length).fill(null);
    for (const [key, value] of metricsOf.all(base[0]) as Array<[string, number]>) {
      const i = index.get(key);
      if (i !== undefined) values[i] = value;
    }
    out.add([...base, ...values]);
  }
  return out.close();
}

export function writeChecks(db: DB, path: string, bom = false): { path: string; rows: number } {
  const out = new CsvFile(path, CHECKS_COLUMNS, bom);
  const rows = db
    .prepare(
      `SELECT c.report_id, c.rule, c.ok, c.message
         FROM checks c JOIN reports r ON r.id = c.report_id
        WHERE r.current = 1 ORDER BY c.report_id, c.id`,
    )
    .raw()
    .iterate() as IterableIterator<Cell[]>;
  for (const row of rows) {
    row[2] = row[2] === 1;
    out.add(row);
  }
  return out.close();
}

export interface ExportResult {
  files: Array<{ path: string; rows: number }>;
}

export function exportCsvs(db: DB, outDir: string, opts: { bom?: boolean } = {}): ExportResult {
  mkdirSync(outDir, { recursive: true });
  const bom = opts.bom ?? false;
  return {
    files: [
      writeMetricsLong(db, join(outDir, 'metrics_long.csv'), bom),
      writeReportsWide(db, join(outDir, 'reports_wide.csv'), bom),
      writeChecks(db, join(outDir, 'checks.csv'), bom),
    ],
  };
}
