import { describe, expect, it } from 'vitest';
import { openStore, storeDocument, pendingDocuments, datasetCounts, type StoredDocument } from './store.ts';
import { mudanjiang2019, insertCrawledDocument } from './testing.ts';

function crawled(db: ReturnType<typeof openStore>, url: string, body: string): StoredDocument {
  const sha256 = insertCrawledDocument(db, { siteId: 'mdj', url, bytes: Buffer.from(body) });
  return { sha256, url, site_id: 'mdj', content_type: 'text/html' };
}

describe('the extraction ledger', () => {
  it('records every outcome once per parser version; pending = not yet processed by this version', () => {
    const db = openStore(':memory:');
    const page = crawled(db, 'http://www.mdj.gov.cn/nb/2019.html', '<html>2019年报</html>');
    const guide = crawled(db, 'http://www.mdj.gov.cn/nb/zn.html', '<html>政府信息公开指南</html>');
    const scan = crawled(db, 'http://www.mdj.gov.cn/nb/2019.pdf', '%PDF-1.4 scanned');
    expect(pendingDocuments(db, 'v1').map((d) => d.url).sort()).toEqual([guide.url, page.url, scan.url].sort());

    expect(storeDocument(db, page, { ok: true, report: mudanjiang2019(), text: '年报' }, { parserVersion: 'v1' }).outcome).toBe('new');
    expect(storeDocument(db, guide, { ok: false, failure: 'not_a_report', message: '这是公开指南' }, { parserVersion: 'v1' }).outcome).toBe('not_a_report');
    expect(storeDocument(db, scan, { ok: false, failure: 'needs_ocr', message: 'no text layer' }, { parserVersion: 'v1' })).toMatchObject({ outcome: 'failed', failure: 'needs_ocr' });

    expect(pendingDocuments(db, 'v1')).toEqual([]);
    expect(pendingDocuments(db, 'v2')).toHaveLength(3);
    expect(db.prepare('SELECT outcome, failure FROM processed ORDER BY outcome').all()).toEqual([
      { outcome: 'failed', failure: 'needs_ocr' },
      { outcome: 'loaded', failure: null },
      { outcome: 'not_a_report', failure: 'not_a_report' },
    ]);
  });

  it('a report the schema refuses is rolled back whole and recorded as a load error', () => {
    const db = openStore(':memory:');
    const page = crawled(db, 'http://www.mdj.gov.cn/nb/2019.html', '<html>2019年报</html>');
    const broken = mudanjiang2019();
    broken.metrics['review.total'] = Number.NaN;
    broken.details.find((d) => d.key === 'review.total')!.value = Number.NaN;
    const r = storeDocument(db, page, { ok: true, report: broken }, { parserVersion: 'v1' });
    expect(r).toMatchObject({ outcome: 'failed', failure: 'load_error' });
    expect(datasetCounts(db)).toMatchObject({ reports: 0, report_sources: 0, metrics: 0, checks: 0, processed: 1 });
    expect(db.prepare('SELECT message FROM processed').pluck().get()).toMatch(/^report not stored: NOT NULL constraint failed: metrics.value/);
  });
});
