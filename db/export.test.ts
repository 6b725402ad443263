import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './store.ts';
import { loadReport } from './load.ts';
import { exportCsvs, METRICS_LONG_COLUMNS, CHECKS_COLUMNS, reportsWideColumns } from './export.ts';
import { mudanjiang2019, withMetrics, sha256 } from './testing.ts';
import { metricDefs } from '../normalize/dictionary.ts';

const PAGE = 'http://www.mdj.gov.cn/zwgk/zfxxgknb/202001/t20200120_5120.html';

function build() {
  const db = openStore(':memory:');
  loadReport(db, { report: mudanjiang2019(), sha256: sha256('v1'), url: PAGE, parserVersion: 't' });
  // A corrected version replaces it: only the current version is exported.
  const v2 = mudanjiang2019({}, { 'applications.new.total': 20, 'fees.amount': 56370.5 });
  v2.checks = [{ rule: 't3.balance.total', ok: false, message: '20 + 2 ≠ 21 + 0, "见表三"' }];
  const cur = loadReport(db, { report: v2, sha256: sha256('v2'), url: PAGE, parserVersion: 't' }).reportId;
  const derived = withMetrics(
    { file: 'k', year: 2021, region: { name: '开州区', code: '500154' }, agency: '重庆市开州区人民政府', agency_kind: 'government', template: 't2021', checks: [] },
    { 'litigation.direct.total': 1, 'litigation.after_review.total': 0, 'litigation.total': 1 },
    ['litigation.total'],
  );
  const kz = loadReport(db, { report: derived, sha256: sha256('k'), url: 'http://www.cqkz.gov.cn/2021.html', parserVersion: 't' }).reportId;
  const out = mkdtempSync(join(tmpdir(), 'ogi-export-'));
  exportCsvs(db, out);
  const read = (f: string) => readFileSync(join(out, f), 'utf8').trimEnd().split('\n');
  return { db, out, cur, kz, read };
}

describe('CSV export', () => {
  it('writes exactly the columns of the spec, in order', () => {
    const { read } = build();
    expect(read('metrics_long.csv')[0]).toBe(
      'report_id,region_code,region_name,year,agency,agency_kind,template,key,value,unit,qualifier,derived,source_url,sha256',
    );
    expect(METRICS_LONG_COLUMNS).toHaveLength(14);
    expect(read('checks.csv')[0]).toBe(CHECKS_COLUMNS.join(','));
    expect(read('checks.csv')[0]).toBe('report_id,rule,ok,message');
    const wide = read('reports_wide.csv')[0].split(',');
    expect(wide.slice(0, 8)).toEqual(['report_id', 'region_code', 'region_name', 'year', 'agency', 'agency_kind', 'template', 'source_url']);
    expect(wide.slice(8)).toEqual(metricDefs().map((d) => d.key));
    expect(wide).toEqual(reportsWideColumns());
  });

  it('exports current versions only, numbers bare, absent as empty, booleans as true/false', () => {
    const { read, cur, kz } = build();
    const long = read('metrics_long.csv');
    expect(long).toHaveLength(1 + 2 + 3);
    expect(long).toContain(
      `${cur},231000,牡丹江市,2019,牡丹江市人民政府办公室,department,t2019,fees.amount,56370.5,yuan,exact,false,${PAGE},${sha256('v2')}`,
    );
    expect(long.some((l) => l.startsWith(`${kz},500154,开州区,2021,`) && l.includes(',litigation.total,1,cases,exact,true,'))).toBe(true);

    const wide = read('reports_wide.csv');
    expect(wide).toHaveLength(3);
    const header = wide[0].split(',');
    const row = wide.find((l) => l.startsWith(`${cur},`))!.split(',');
    expect(row[header.indexOf('applications.new.total')]).toBe('20');
    expect(row[header.indexOf('fees.amount')]).toBe('56370.5');
    // Not stated in the report: empty, never 0.
    expect(row[header.indexOf('review.total')]).toBe('');
    expect(row.filter((c) => c !== '')).toHaveLength(8 + 2);

    // Messages with commas and quotes are quoted the CSV way; nothing else is quoted.
    expect(read('checks.csv')).toEqual(['report_id,rule,ok,message', `${cur},t3.balance.total,false,"20 + 2 ≠ 21 + 0, ""见表三"""`]);
    expect(long.every((l) => !l.includes('"'))).toBe(true);
  });

  it('--bom starts each file with a UTF-8 byte-order mark for Excel', () => {
    const { db, out } = build();
    exportCsvs(db, join(out, 'bom'), { bom: true });
    for (const f of ['metrics_long.csv', 'reports_wide.csv', 'checks.csv']) {
      expect([...readFileSync(join(out, 'bom', f)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    expect(readFileSync(join(out, 'checks.csv'))[0]).toBe('r'.charCodeAt(0));
  });
});
