import { describe, expect, it } from 'vitest';
import { openStore, datasetCounts } from './store.ts';
import { loadReport, type LoadInput } from './load.ts';
import { mudanjiang2019, withMetrics, sha256 } from './testing.ts';
import type { Report } from '../normalize/types.ts';

const PAGE = 'http://www.mdj.gov.cn/zwgk/zfxxgknb/202001/t20200120_5120.html';
const PDF = 'http://www.mdj.gov.cn/zwgk/zfxxgknb/202001/P020200120386215593245.pdf';

function input(report: Report, bytes: string, url = PAGE, extra: Partial<LoadInput> = {}): LoadInput {
  return { report, sha256: sha256(bytes), url, siteId: 'mdj', parserVersion: 'test', now: '2026-11-25T02:00:00Z', ...extra };
}

const current = (db: ReturnType<typeof openStore>) =>
  db.prepare('SELECT id, version, current, supersedes, sha256, source_url FROM reports ORDER BY id').all() as Array<{
    id: number;
    version: number;
    current: number;
    supersedes: number | null;
    sha256: string;
    source_url: string;
  }>;

describe('loading a parsed report', () => {
  it('stores the report, one row per metric with provenance, and its checks', () => {
    const db = openStore(':memory:');
    const r = loadReport(db, input(mudanjiang2019(), '<html>v1</html>'));
    expect(r.outcome).toBe('new');
    const row = db.prepare('SELECT * FROM reports').get() as Record<string, unknown>;
    expect(row).toMatchObject({ year: 2019, region_code: '231000', agency: '牡丹江市人民政府办公室', template: 't2019', current: 1, version: 1 });
    const m = db.prepare("SELECT value, typeof(value) AS t, unit, method, table_no, column_label FROM metrics WHERE key = 'normative_docs.public_total'").get();
    expect(m).toEqual({ value: 101, t: 'integer', unit: 'items', method: 'table', table_no: 3, column_label: '总计' });
    expect(db.prepare('SELECT rule, ok FROM checks').all()).toEqual([{ rule: 't3.balance.total', ok: 1 }]);
  });

  it('re-processing the same bytes replaces metrics in place: identical row counts, no duplicates', () => {
    const db = openStore(':memory:');
    loadReport(db, input(mudanjiang2019(), '<html>v1</html>'));
    const before = datasetCounts(db);
    const again = loadReport(db, input(mudanjiang2019(), '<html>v1</html>'));
    expect(again.outcome).toBe('unchanged');
    expect(datasetCounts(db)).toEqual(before);
    // A better parser reads one more number from the same bytes: same report, metrics replaced.
    const better = mudanjiang2019();
    better.metrics['review.upheld'] = 1;
    better.details.push({ ...better.details[0], key: 'review.upheld', value: 1, unit: 'cases' });
    expect(loadReport(db, input(better, '<html>v1</html>', PAGE, { parserVersion: 'test2' })).outcome).toBe('changed');
    expect(datasetCounts(db).reports).toBe(1);
    expect(datasetCounts(db).metrics).toBe(before.metrics + 1);
  });

  it('changed bytes at the same URL make a new current version and keep the earlier one', () => {
    const db = openStore(':memory:');
    loadReport(db, input(mudanjiang2019(), '<html>v1</html>'));
    const corrected = mudanjiang2019({}, { ...mudanjiang2019().metrics, 'review.total': 4 });
    const r = loadReport(db, input(corrected, '<html>v2 corrected</html>'));
    expect(r.outcome).toBe('changed');
    const rows = current(db);
    expect(rows.map((x) => [x.version, x.current])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(rows[1].supersedes).toBe(rows[0].id);
    const review = db.prepare("SELECT report_id, value FROM metrics WHERE key = 'review.total' ORDER BY report_id").raw().all();
    expect(review).toEqual([
      [rows[0].id, 3],
      [rows[1].id, 4],
    ]);
    // The earlier bytes again (a reparse of the archive) update the old version, not the current one.
    expect(loadReport(db, input(mudanjiang2019(), '<html>v1</html>')).reportId).toBe(rows[0].id);
    expect(current(db).map((x) => x.current)).toEqual([0, 1]);
  });

  it('an HTML page and its PDF attachment are one report with two sources; the more complete is primary', () => {
    const db = openStore(':memory:');
    // The page's tables are images: only the prose numbers come out of the HTML.
    const html = mudanjiang2019({}, { 'applications.new.total': 20, 'review.total': 3 });
    expect(loadReport(db, input(html, '<html>page</html>')).outcome).toBe('new');
    const pdf = mudanjiang2019({ file: PDF });
    const r = loadReport(db, input(pdf, '%PDF-1.7 attachment', PDF, { contentType: 'application/pdf' }));
    expect(r.outcome).toBe('changed');
    expect(datasetCounts(db).reports).toBe(1);
    const sources = db.prepare('SELECT url, "primary", metric_count FROM report_sources ORDER BY url').all();
    expect(sources).toEqual([
      { url: PDF, primary: 1, metric_count: 12 },
      { url: PAGE, primary: 0, metric_count: 2 },
    ]);
    expect(current(db)[0]).toMatchObject({ source_url: PDF, sha256: sha256('%PDF-1.7 attachment'), version: 1, current: 1 });
    expect(datasetCounts(db).metrics).toBe(12);
    // Loading the less complete page again changes nothing.
    expect(loadReport(db, input(html, '<html>page</html>')).outcome).toBe('unchanged');
    expect(current(db)[0].source_url).toBe(PDF);
  });

  it('identical bytes at a second URL add a source, never a second copy', () => {
    const db = openStore(':memory:');
    loadReport(db, input(mudanjiang2019(), '<html>v1</html>'));
    loadReport(db, input(mudanjiang2019(), '<html>v1</html>', PAGE.replace('www.', 'xxgk.')));
    expect(datasetCounts(db)).toMatchObject({ reports: 1, report_sources: 2, metrics: 12 });
  });

  it('a document the improved parser assigns to another year leaves its old report', () => {
    const db = openStore(':memory:');
    const wrongYear = mudanjiang2019({ year: 2020 });
    loadReport(db, input(wrongYear, '<html>v1</html>'));
    loadReport(db, input(mudanjiang2019(), '<html>v1</html>', PAGE, { parserVersion: 'test2' }));
    expect(db.prepare('SELECT year, current FROM reports').all()).toEqual([{ year: 2019, current: 1 }]);
    expect(datasetCounts(db)).toMatchObject({ reports: 1, report_sources: 1, metrics: 12 });
  });

  it('reports without agency are matched by region code, and without year stand alone', () => {
    const db = openStore(':memory:');
    const noAgency = withMetrics(
      { file: 'x', year: 2017, region: { name: '滨江区', code: '330108' }, agency_kind: 'government', template: 'pre2019', checks: [] },
      { 'proactive.total': 8535 },
    );
    loadReport(db, input(noAgency, 'a', 'http://a/1.html'));
    loadReport(db, input(noAgency, 'b', 'http://a/1.pdf'));
    const noYear = withMetrics({ file: 'y', template: 'pre2019', checks: [] }, { 'proactive.total': 1 });
    loadReport(db, input(noYear, 'c', 'http://a/2.html'));
    loadReport(db, input(noYear, 'd', 'http://a/3.html'));
    expect(db.prepare('SELECT subject, year FROM reports ORDER BY id').raw().all()).toEqual([
      ['region:330108:government', 2017],
      ['url:http://a/2.html', null],
      ['url:http://a/3.html', null],
    ]);
  });

  it('an attachment without an agency of its own joins the report of the page that links it', () => {
    const db = openStore(':memory:');
    loadReport(db, input(mudanjiang2019({}, { 'applications.new.total': 20 }), '<html>page</html>'));
    // The PDF's first page carries only the tables: no title, no agency, the same year.
    const tablesOnly = mudanjiang2019({ title: undefined, agency: undefined, region: undefined, agency_kind: undefined });
    const r = loadReport(db, input(tablesOnly, '%PDF tables', PDF, { referrer: PAGE }));
    expect(r.outcome).toBe('changed');
    expect(datasetCounts(db)).toMatchObject({ reports: 1, report_sources: 2, metrics: 12 });
    // Re-processing it (a reparse) keeps it there.
    expect(loadReport(db, input(tablesOnly, '%PDF tables', PDF, { referrer: PAGE })).outcome).toBe('unchanged');
    expect(datasetCounts(db)).toMatchObject({ reports: 1, report_sources: 2 });
    // Another year's report linked from the page (相关链接) stays a report of its own.
    const lastYear = mudanjiang2019({ year: 2018, agency: undefined });
    loadReport(db, input(lastYear, '%PDF 2018', 'http://www.mdj.gov.cn/2018.pdf', { referrer: PAGE }));
    expect(datasetCounts(db).reports).toBe(2);
  });
});
