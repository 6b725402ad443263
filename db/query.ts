// Read-only SQL for researchers (`ogi query`): the database is opened read-only and a statement
// that would write is refused before it runs.
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

export function runQuery(dbPath: string, sql: string): QueryResult {
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new QueryError(`cannot open ${dbPath} read-only: ${(err as Error).message}`);
  }
  try {
    let stmt: Database.Statement;
    try {
      stmt = db.prepare(sql);
    } catch (err) {
      throw new QueryError(`SQL error: ${(err as Error).message}`);
    }
    if (!stmt.readonly) throw new QueryError('ogi query is read-only: this statement would modify the database');
    if (!stmt.reader) {
      return { columns: [], rows: [] };
    }
    const columns = stmt.columns().map((c) => c.name);
    const rows = stmt.raw().all() as unknown[][];
    return { columns, rows };
  } finally {
    db.close();
  }
}

export type QueryFormat = 'table' | 'csv' | 'json';

export function formatQueryResult(r: QueryResult, format: QueryFormat): string {
  const text = (v: unknown) => (v === null || v === undefined ? '' : Buffer.isBuffer(v) ? `<${v.length} bytes>` : String(v));
  if (format === 'json') {
    return JSON.stringify(r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i] ?? null])))) + '\n';
  }
  if (format === 'csv') return stringify([r.columns, ...r.rows.map((row) => row.map(text))]);
  return renderTable(r.columns, r.rows.map((row) => row.map(text))) + `\n(${r.rows.length} row${r.rows.length === 1 ? '' : 's'})\n`;
}

/** Plain-text table; widths count CJK characters as two columns. */
export function renderTable(header: string[], body: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
