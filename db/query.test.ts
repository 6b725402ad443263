import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './store.ts';
import { loadReport } from './load.ts';
import { runQuery, formatQueryResult, QueryError } from './query.ts';
import { mudanjiang2019, sha256 } from './testing.ts';

function dbFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ogi-query-')), 'ogi.sqlite');
  const db = openStore(path);
  loadReport(db, { report: mudanjiang2019(), sha256: sha256('v1'), url: 'http://www.mdj.gov.cn/a.html', parserVersion: 't' });
  db.close();
  return path;
}

describe('ogi query', () => {
  it('runs a SELECT and prints a table, CSV or JSON', () => {
    const path = dbFile();
    const r = runQuery(path, "SELECT region_name, year, value FROM reports JOIN metrics ON metrics.report_id = reports.id WHERE key = 'applications.new.total'");
    expect(r).toEqual({ columns: ['region_name', 'year', 'value'], rows: [['牡丹江市', 2019, 20]] });
    expect(formatQueryResult(r, 'csv')).toBe('region_name,year,value\n牡丹江市,2019,20\n');
    expect(JSON.parse(formatQueryResult(r, 'json'))).toEqual([{ region_name: '牡丹江市', year: 2019, value: 20 }]);
    expect(formatQueryResult(r, 'table').split('\n')).toEqual(['region_name  year  value', '-----------  ----  -----', '牡丹江市     2019  20', '(1 row)', '']);
  });

  it('refuses statements that write, and the data is untouched', () => {
    const path = dbFile();
    for (const sql of ['DELETE FROM metrics', "UPDATE reports SET year = 2020", 'DROP TABLE checks', "INSERT INTO regions VALUES ('1','x','county',NULL)"]) {
      expect(() => runQuery(path, sql)).toThrow(QueryError);
    }
    expect(runQuery(path, 'SELECT count(*) AS n FROM metrics').rows).toEqual([[12]]);
  });

  it('reports SQL errors as one sentence', () => {
    expect(() => runQuery(dbFile(), 'SELEC 1')).toThrow(/SQL error: near "SELEC"/);
  });
});
