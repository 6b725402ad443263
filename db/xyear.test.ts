import { describe, expect, it } from 'vitest';
import { openStore } from './store.ts';
import { loadReport } from './load.ts';
import { refreshCrossYearChecks } from './xyear.ts';
import { withMetrics, sha256 } from './testing.ts';
import type { Era } from '../normalize/types.ts';

const AGENCY = '长乐区人民政府办公室';

function load(db: ReturnType<typeof openStore>, year: number, template: Era, metrics: Record<string, number>, agency = AGENCY) {
  const url = `http://www.fzcl.gov.cn/xxgk/ndbg/${year}/${agency}.html`;
  const report = withMetrics(
    { file: url, year, region: { name: '长乐区', code: '350112' }, agency, agency_kind: 'department', template, checks: [] },
    metrics,
  );
  return loadReport(db, { report, sha256: sha256(url + JSON.stringify(metrics)), url, parserVersion: 'test' }).reportId;
}

const xyear = (db: ReturnType<typeof openStore>) =>
  db.prepare("SELECT report_id, rule, ok, message FROM checks WHERE scope = 'xyear' ORDER BY rule").all();

describe('cross-year checks', () => {
  it("last year's 结转下年度 must equal this year's 上年结转, column by column, same agency only", () => {
    const db = openStore(':memory:');
    load(db, 2020, 't2019', { 'applications.carried_forward.natural_person': 3, 'applications.carried_forward.total': 4 });
    const y2021 = load(db, 2021, 't2021', { 'applications.carried_over.natural_person': 3, 'applications.carried_over.total': 5 });
    // Another agency's 2020 report is not last year's report of this agency.
    load(db, 2020, 't2019', { 'applications.carried_forward.total': 5 }, '长乐区教育局');
    expect(refreshCrossYearChecks(db)).toEqual({ stored: 2, failed: 1 });
    expect(xyear(db)).toEqual([
      { report_id: y2021, rule: 'xyear.carried_over.natural_person', ok: 1, message: '2020 结转下年度 3 = 2021 上年结转 3' },
      { report_id: y2021, rule: 'xyear.carried_over.total', ok: 0, message: '2020 结转下年度 4 ≠ 2021 上年结转 5' },
    ]);
  });

  it('silence is not zero: a column stated in only one of the two years is not checked', () => {
    const db = openStore(':memory:');
    load(db, 2019, 't2019', { 'applications.carried_forward.total': 0 });
    load(db, 2020, 't2019', { 'applications.new.total': 7 });
    expect(refreshCrossYearChecks(db)).toEqual({ stored: 0, failed: 0 });
  });

  it('2021 现行有效件数 carries over: last in_force + issued − repealed = this in_force (t2021 both years)', () => {
    const db = openStore(':memory:');
    load(db, 2021, 't2021', { 'normative_docs.in_force': 120, 'rules.in_force': 10 });
    const y2022 = load(db, 2022, 't2021', {
      'normative_docs.issued': 15,
      'normative_docs.repealed': 5,
      'normative_docs.in_force': 130,
      'rules.issued': 2,
      'rules.repealed': 0,
      'rules.in_force': 11,
    });
    refreshCrossYearChecks(db);
    expect(xyear(db)).toEqual([
      { report_id: y2022, rule: 'xyear.in_force.normative_docs', ok: 1, message: '2021 现行有效 120 + 2022 制发 15 − 废止 5 = 130 = 2022 现行有效 130' },
      { report_id: y2022, rule: 'xyear.in_force.rules', ok: 0, message: '2021 现行有效 10 + 2022 制发 2 − 废止 0 = 12 ≠ 2022 现行有效 11' },
    ]);
  });

  it('recomputing is idempotent and follows the current versions', () => {
    const db = openStore(':memory:');
    load(db, 2020, 't2019', { 'applications.carried_forward.total': 4 });
    load(db, 2021, 't2021', { 'applications.carried_over.total': 5 });
    refreshCrossYearChecks(db);
    refreshCrossYearChecks(db);
    expect(xyear(db)).toHaveLength(1);
    // The 2020 report is corrected at the same URL: the check now passes against the new version.
    load(db, 2020, 't2019', { 'applications.carried_forward.total': 5 });
    refreshCrossYearChecks(db);
    expect(xyear(db)).toMatchObject([{ rule: 'xyear.carried_over.total', ok: 1 }]);
  });
});
