// The dataset's side of the pipeline: which documents still need extracting, and storing one
// document's outcome (a loaded report or a failure verdict) together with its ledger row in one
// transaction — so a run killed at any point never leaves a half-loaded report behind, and the
// next run picks up exactly the documents that have no ledger row yet.
import type { DB } from './open.ts';
import { openDatabase } from './open.ts';
import { ensureRegions } from './regions.ts';
import { loadReport, type LoadOutcome } from './load.ts';
import type { Report } from '../normalize/types.ts';

export function openStore(path: string): DB {
  const db = openDatabase(path);
  ensureRegions(db);
  return db;
}

/** A stored document to extract: a crawled report page or attachment, or an earlier source. */
export interface StoredDocument {
  sha256: string;
  url: string;
  site_id: string | null;
  content_type: string | null;
  /** Link text that led to it (often the report's title). */
  anchor?: string | null;
  /** The page that linked it. */
  referrer?: string | null;
}

export type ParsedDocument =
  | { ok: true; report: Report; text?: string }
  | { ok: false; failure: string; message: string };

export type DocumentOutcome = LoadOutcome | 'not_a_report' | 'failed';

export interface StoreResult {
  outcome: DocumentOutcome;
  reportId?: number;
  metricsStored: number;
  checksFailed: number;
  failure?: string;
}

function hasView(db: DB, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('view', 'table')").get(name));
}

/** Crawled documents this parser version has not processed yet (oldest first). */
export function pendingDocuments(db: DB, parserVersion: string): StoredDocument[] {
  if (!hasView(db, 'report_documents')) return [];
  return db
    .prepare(
      `SELECT d.sha256, d.url, d.site_id, d.content_type, d.anchor, d.referrer
         FROM report_documents d
        WHERE d.sha256 IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM processed p WHERE p.sha256 = d.sha256 AND p.parser_version = ?)
        ORDER BY d.fetched_at, d.url`,
    )
    .all(parserVersion) as StoredDocument[];
}

/**
 * Every document the database holds a report or a crawl entry for: the crawl's current documents
 * and every source of every report version (earlier versions included), once per (sha256, url).
 */
export function allDocuments(db: DB): StoredDocument[] {
  // Crawled documents first, in fetch order (a report page before the attachment it links), then
  // the sources of earlier versions that the crawl no longer points at.
  const crawled = hasView(db, 'report_documents')
    ? (db
        .prepare(
          `SELECT sha256, url, site_id, content_type, anchor, referrer FROM report_documents
            WHERE sha256 IS NOT NULL ORDER BY fetched_at, url`,
        )
        .all() as StoredDocument[])
    : [];
  const sources = db
    .prepare(
      `SELECT sha256, url, site_id, content_type, NULL AS anchor, NULL AS referrer
         FROM report_sources ORDER BY report_id, "primary" DESC, url`,
    )
    .all() as StoredDocument[];
  const seen = new Set<string>();
  const out: StoredDocument[] = [];
  for (const doc of [...crawled, ...sources]) {
    const k = `${doc.sha256} ${doc.url}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(doc);
  }
  return out;
}

export interface StoreOptions {
  parserVersion: string;
  now?: string;
}

/** Stores one document's parse result and its ledger row atomically. */
export function storeDocument(db: DB, doc: StoredDocument, parsed: ParsedDocument, opts: StoreOptions): StoreResult {
  const now = opts.now ?? new Date().toISOString();
  return db.transaction((): StoreResult => {
    const ledger = db.prepare(
      `INSERT INTO processed (sha256, parser_version, outcome, failure, message, report_id, processed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256, parser_version) DO UPDATE SET outcome = excluded.outcome, failure = excluded.failure,
         message = excluded.message, report_id = excluded.report_id, processed_at = excluded.processed_at`,
    );
    if (!parsed.ok) {
      const outcome = parsed.failure === 'not_a_report' ? 'not_a_report' : 'failed';
      ledger.run(doc.sha256, opts.parserVersion, outcome, parsed.failure, parsed.message, null, now);
      return { outcome, metricsStored: 0, checksFailed: 0, failure: parsed.failure };
    }
    let loaded;
    try {
      loaded = loadReport(db, {
        report: parsed.report,
        text: parsed.text,
        sha256: doc.sha256,
        url: doc.url,
        siteId: doc.site_id ?? undefined,
        contentType: doc.content_type ?? undefined,
        referrer: doc.referrer ?? undefined,
        parserVersion: opts.parserVersion,
        now,
      });
    } catch (err) {
      // A report the schema refuses (a parser bug: an unknown era, a NaN) is rolled back whole
      // and recorded, so one bad document cannot stop a run nor be retried forever.
      const message = `report not stored: ${(err as Error).message}`;
      ledger.run(doc.sha256, opts.parserVersion, 'failed', 'load_error', message, null, now);
      return { outcome: 'failed', metricsStored: 0, checksFailed: 0, failure: 'load_error' };
    }
    ledger.run(doc.sha256, opts.parserVersion, 'loaded', null, null, loaded.reportId, now);
    return {
      outcome: loaded.outcome,
      reportId: loaded.reportId,
      metricsStored: loaded.metricsStored,
      checksFailed: loaded.metricsStored > 0 ? parsed.report.checks.filter((c) => !c.ok).length : 0,
    };
  })();
}

/** Row counts of the dataset tables, for summaries and idempotence tests. */
export function datasetCounts(db: DB): Record<string, number> {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    reports: count('SELECT count(*) FROM reports'),
    current_reports: count('SELECT count(*) FROM reports WHERE current = 1'),
    report_sources: count('SELECT count(*) FROM report_sources'),
    metrics: count('SELECT count(*) FROM metrics'),
    checks: count('SELECT count(*) FROM checks'),
    processed: count('SELECT count(*) FROM processed'),
  };
}

/**
 * Identical bytes served at a second URL are extracted once (the ledger is per sha256); this
 * records the extra URL as another source of the report(s) those bytes already belong to.
 */
export function attachDuplicateSources(db: DB): number {
  if (!hasView(db, 'report_documents')) return 0;
  return db
    .prepare(
      `INSERT OR IGNORE INTO report_sources (report_id, sha256, url, site_id, content_type, "primary", metric_count, parser_version)
       SELECT rs.report_id, d.sha256, d.url, d.site_id, d.content_type, 0, max(rs.metric_count), max(rs.parser_version)
         FROM report_documents d JOIN report_sources rs ON rs.sha256 = d.sha256
        WHERE NOT EXISTS (SELECT 1 FROM report_sources x WHERE x.sha256 = d.sha256 AND x.url = d.url)
        GROUP BY rs.report_id, d.sha256, d.url`,
    )
    .run().changes;
}
