import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSites } from '../crawler/index.ts';
import { openStore, datasetCounts } from '../db/store.ts';
import { runPipeline, reparseAll } from '../scripts/pipeline.ts';
import { silentLogger } from '../scripts/log.ts';
import { workspace, type Workspace } from './pipeline-fixture.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(async () => {
  await ws.portal.close();
});

describe('ogi run on the sample portal', () => {
  it('crawls, extracts and loads every report; a second run stores nothing new', async () => {
    const db = openStore(ws.db);
    const sites = loadSites(ws.sites);
    const first = await runPipeline(db, sites, { logger: silentLogger });
    expect(first.pagesFetched).toBeGreaterThanOrEqual(6);
    expect(first.reportsNew).toBe(5);
    expect(first.metricsStored).toBeGreaterThan(0);
    const counts = datasetCounts(db);
    expect(counts.current_reports).toBe(5);
    expect(first.failuresByClass).toEqual({});
    // The 牡丹江 page and its PDF attachment are one report with two sources.
    expect(counts.reports).toBe(5);
    const sources = db
      .prepare(
        `SELECT r.agency, s.content_type, s."primary" FROM report_sources s JOIN reports r ON r.id = s.report_id
          WHERE s.report_id IN (SELECT report_id FROM report_sources WHERE url LIKE '%.pdf') ORDER BY s."primary" DESC`,
      )
      .all();
    expect(sources).toEqual([
      { agency: '牡丹江市人民政府办公室', content_type: 'text/html', primary: 1 },
      { agency: '牡丹江市人民政府办公室', content_type: 'application/pdf', primary: 0 },
    ]);

    const second = await runPipeline(db, sites, { logger: silentLogger });
    expect(second.documents).toBe(0);
    // The portal answers conditional requests: the re-crawl downloads (almost) nothing.
    expect(second.notModified).toBeGreaterThan(0);
    expect(second.bytesDownloaded).toBeLessThan(first.bytesDownloaded / 10);
    expect(second).toMatchObject({ reportsNew: 0, reportsChanged: 0, reportsUnchanged: 5 });
    expect(datasetCounts(db)).toEqual(counts);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // A new parser version re-extracts every stored document without the network and updates
    // the same reports in place.
    const documents = db.prepare('SELECT count(*) FROM report_documents').pluck().get() as number;
    const reparsed = await reparseAll(db, { logger: silentLogger, parserVersion: 'next-parser' });
    expect(reparsed.documents).toBe(documents);
    expect(reparsed.pagesFetched).toBe(0);
    expect(reparsed.reportsNew).toBe(0);
    expect(datasetCounts(db)).toEqual({ ...counts, processed: counts.processed + documents });
    expect(db.prepare("SELECT count(*) FROM reports WHERE parser_version = 'next-parser'").pluck().get()).toBe(5);
    db.close();
  });
});
