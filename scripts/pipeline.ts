// crawl → extract → normalize → load. Each stage reads what the previous one stored in SQLite,
// so the pipeline resumes wherever it was stopped: the crawler's frontier holds the crawl's state,
// the `processed` ledger the extraction's, and each document is loaded in one transaction.
import type { DB } from '../db/open.ts';
import type { Logger } from './log.ts';
import type { Site, CrawlSummary } from '../crawler/index.ts';
import {
  allDocuments,
  attachDuplicateSources,
  pendingDocuments,
  storeDocument,
  type ParsedDocument,
  type StoredDocument,
} from '../db/store.ts';
import { refreshCrossYearChecks } from '../db/xyear.ts';
import { parseDocument } from './parse-document.ts';
import { startParsePool, type ParsePool } from './parse-pool.ts';
import { parserVersion } from './parser-version.ts';

export { parseDocument };

/** Below this many documents, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 16;

/** Progress callbacks; the CLI draws bars on a TTY and logs JSON lines otherwise. */
export interface ProgressSink {
  crawl?(p: { fetched: number; queued: number; host: string; url: string }): void;
  extractStart?(total: number): void;
  extracted?(done: number, total: number, doc: StoredDocument, outcome: string): void;
  stop?(): void;
}

export interface ExtractStats {
  documents: number;
  /** Current reports created, changed (new version or new numbers), or left as they were. */
  reportsNew: number;
  reportsChanged: number;
  reportsUnchanged: number;
  notReports: number;
  metricsStored: number;
  checksFailed: number;
  failuresByClass: Record<string, number>;
}

export interface PipelineSummary extends ExtractStats {
  pagesFetched: number;
  notModified: number;
  bytesDownloaded: number;
  crossYearChecks: number;
  crossYearFailed: number;
  ms: { crawl: number; extract: number; checks: number; total: number };
}

export interface PipelineOptions {
  logger: Logger;
  contact?: string;
  progress?: ProgressSink;
  /** Parser version to record; default: derived from the parser's sources. */
  parserVersion?: string;
  /** Parse worker threads; default one per core, 0 = parse in the main thread. */
  workers?: number;
}

function readBlobBytes(db: DB, sha256: string): Buffer | undefined {
  const row = db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  return row?.bytes;
}

/** Extracts and loads the given documents one transaction each. */
export async function extractDocuments(
  db: DB,
  docs: StoredDocument[],
  opts: Pick<PipelineOptions, 'logger' | 'progress' | 'parserVersion' | 'workers'>,
): Promise<ExtractStats> {
  const version = opts.parserVersion ?? parserVersion();
  const stats: ExtractStats = {
    documents: 0,
    reportsNew: 0,
    reportsChanged: 0,
    reportsUnchanged: 0,
    notReports: 0,
    metricsStored: 0,
    checksFailed: 0,
    failuresByClass: {},
  };
  // Reports touched by this pass; a report that is new (or changed) through several documents
  // counts once. Unchanged = every other current report.
  const fresh = new Set<number>();
  const changed = new Set<number>();
  opts.progress?.extractStart?.(docs.length);
  const pool: ParsePool | undefined =
    opts.workers !== 0 && docs.length >= POOL_THRESHOLD ? await startParsePool({ size: opts.workers }) : undefined;
  const parse = (doc: StoredDocument): Promise<ParsedDocument> => {
    const bytes = readBlobBytes(db, doc.sha256);
    if (!bytes) return Promise.resolve({ ok: false, failure: 'missing_blob', message: `no archived bytes for ${doc.sha256}` });
    const contentType = doc.content_type ?? undefined;
    return pool ? pool.parse(bytes, doc.url, contentType) : parseDocument(bytes, doc.url, contentType);
  };
  // Parse ahead on the workers but store strictly in input order (a report page before the
  // attachment it links), one transaction per document.
  const window = pool ? pool.size * 2 : 1;
  const ahead: Array<Promise<ParsedDocument>> = [];
  let launched = 0;
  const launch = () => {
    while (ahead.length < window && launched < docs.length) ahead.push(parse(docs[launched++]));
  };
  try {
    for (const doc of docs) {
      launch();
      const parsed = await ahead.shift()!;
      launch();
      storeOne(doc, parsed);
    }
  } finally {
    await Promise.allSettled(ahead);
    await pool?.close();
  }
  function storeOne(doc: StoredDocument, parsed: ParsedDocument): void {
    const r = storeDocument(db, doc, parsed, { parserVersion: version });
    stats.documents++;
    if (r.outcome === 'new') fresh.add(r.reportId!);
    else if (r.outcome === 'changed') changed.add(r.reportId!);
    else if (r.outcome === 'not_a_report') stats.notReports++;
    else if (r.outcome === 'failed') stats.failuresByClass[r.failure ?? 'failed'] = (stats.failuresByClass[r.failure ?? 'failed'] ?? 0) + 1;
    stats.metricsStored += r.metricsStored;
    stats.checksFailed += r.checksFailed;
    opts.logger.info(
      { stage: 'extract', url: doc.url, sha256: doc.sha256, outcome: r.outcome, report_id: r.reportId, failure: r.failure, done: stats.documents, total: docs.length },
      'document loaded',
    );
    opts.progress?.extracted?.(stats.documents, docs.length, doc, r.outcome);
  }
  attachDuplicateSources(db);
  // A report that was created and then completed by its attachment in the same pass is new.
  for (const id of fresh) changed.delete(id);
  const live = new Set(db.prepare('SELECT id FROM reports WHERE current = 1').pluck().all() as number[]);
  stats.reportsNew = [...fresh].filter((id) => live.has(id)).length;
  stats.reportsChanged = [...changed].filter((id) => live.has(id)).length;
  stats.reportsUnchanged = live.size - stats.reportsNew - stats.reportsChanged;
  return stats;
}

function startRun(db: DB, kind: string): number | undefined {
  const hasRuns = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runs'").get();
  if (!hasRuns) return undefined;
  return Number(db.prepare('INSERT INTO runs (kind, started_at) VALUES (?, ?)').run(kind, new Date().toISOString()).lastInsertRowid);
}

function finishRun(db: DB, runId: number | undefined, summary: unknown): void {
  if (runId === undefined) return;
  db.prepare('UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(summary), runId);
}

/** `ogi run`: crawl the sites, then extract and load every document this parser has not seen. */
export async function runPipeline(db: DB, sites: Site[], opts: PipelineOptions): Promise<PipelineSummary> {
  const t0 = performance.now();
  const runId = startRun(db, 'run');
  const { crawl } = await import('../crawler/index.ts');
  const crawled: CrawlSummary = await crawl(db, sites, {
    contact: opts.contact,
    logger: opts.logger,
    runId,
    onProgress: opts.progress?.crawl,
  });
  const t1 = performance.now();
  const version = opts.parserVersion ?? parserVersion();
  const stats = await extractDocuments(db, pendingDocuments(db, version), { ...opts, parserVersion: version });
  const t2 = performance.now();
  const xyear = refreshCrossYearChecks(db);
  const t3 = performance.now();
  opts.progress?.stop?.();
  const failuresByClass = { ...crawled.failuresByClass };
  for (const [k, v] of Object.entries(stats.failuresByClass)) failuresByClass[k] = (failuresByClass[k] ?? 0) + v;
  const summary: PipelineSummary = {
    ...stats,
    failuresByClass,
    pagesFetched: crawled.pagesFetched,
    notModified: crawled.notModified,
    bytesDownloaded: crawled.bytesDownloaded,
    crossYearChecks: xyear.stored,
    crossYearFailed: xyear.failed,
    checksFailed: stats.checksFailed + xyear.failed,
    ms: { crawl: Math.round(t1 - t0), extract: Math.round(t2 - t1), checks: Math.round(t3 - t2), total: Math.round(t3 - t0) },
  };
  finishRun(db, runId, summary);
  return summary;
}

/** `ogi reparse`: every stored document again with the current parser; no network. */
export async function reparseAll(db: DB, opts: Pick<PipelineOptions, 'logger' | 'progress' | 'parserVersion' | 'workers'>): Promise<PipelineSummary> {
  const t0 = performance.now();
  const runId = startRun(db, 'reparse');
  const stats = await extractDocuments(db, allDocuments(db), opts);
  const t1 = performance.now();
  const xyear = refreshCrossYearChecks(db);
  const t2 = performance.now();
  opts.progress?.stop?.();
  const summary: PipelineSummary = {
    ...stats,
    pagesFetched: 0,
    notModified: 0,
    bytesDownloaded: 0,
    crossYearChecks: xyear.stored,
    crossYearFailed: xyear.failed,
    checksFailed: stats.checksFailed + xyear.failed,
    ms: { crawl: 0, extract: Math.round(t1 - t0), checks: Math.round(t2 - t1), total: Math.round(t2 - t0) },
  };
  finishRun(db, runId, summary);
  return summary;
}
