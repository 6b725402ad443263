// Loading one parsed document into the dataset, idempotently and in one transaction.
//
// The rules (README "Versions and sources"):
// - the same bytes again (a re-run, a reparse, or the same file at another URL) update the report
//   they already belong to in place: its metrics and checks are replaced, nothing is duplicated;
// - new bytes at a URL that is already a source of the report's current version are a changed
//   report: a new version becomes current, the earlier one stays with current = 0;
// - new bytes at another URL with the same identity (the PDF attachment of an HTML page) are a
//   second source of the same report; the source with more stated metrics is primary and its
//   metrics are the report's;
// - when a parser improvement moves a document to another identity, it leaves its old report
//   (which is removed if that document was its primary source).
import type { DB } from './open.ts';
import type { Report, MetricDetail } from '../normalize/types.ts';
import { identityOf, type ReportIdentity } from './identity.ts';
import { indexReportText, dropReportText } from './fts.ts';
import { cached } from './statements.ts';

export interface LoadInput {
  report: Report;
  sha256: string;
  url: string;
  siteId?: string;
  contentType?: string;
  /** The page that linked this document (an attachment's report page), when crawled. */
  referrer?: string;
  /** Plain text of the document, for full-text search. */
  text?: string;
  parserVersion: string;
  /** ISO timestamp; injectable so tests are deterministic. */
  now?: string;
}

/**
 * new: a report identity seen for the first time; changed: a new version, or the report's stored
 * metrics changed (another source became primary, or a reparse gave other numbers); unchanged:
 * the report's metrics are as they were.
 */
export type LoadOutcome = 'new' | 'changed' | 'unchanged';

export interface LoadResult {
  reportId: number;
  outcome: LoadOutcome;
  /** Metric rows written by this load (0 when the document is a non-primary source). */
  metricsStored: number;
}

interface ReportRow {
  id: number;
  subject: string;
  year: number | null;
  version: number;
  current: number;
  supersedes: number | null;
}

/** Metrics the document states itself (derived values do not make a source more complete). */
export function statedMetricCount(report: Report): number {
  const derived = new Set(report.details.filter((d) => d.derived).map((d) => d.key));
  return Object.keys(report.metrics).filter((k) => !derived.has(k)).length;
}

export function loadReport(db: DB, input: LoadInput): LoadResult {
  return db.transaction(() => loadInTransaction(db, input))();
}

/**
 * The report a document belongs to: its own identity, except that an attachment the parser could
 * not tie to an agency (no agency; at most a region) belongs to the report of the page that
 * linked it when the years do not disagree — the usual PDF/DOC rendition of a report page.
 */
function effectiveIdentity(db: DB, input: LoadInput): ReportIdentity {
  const own = identityOf(input.report, input.url);
  if (!input.referrer || own.subject.startsWith('agency:')) return own;
  const host = cached(
    db,
    `SELECT r.subject, r.year, r.region_code FROM report_sources rs JOIN reports r ON r.id = rs.report_id
      WHERE rs.url = ? AND r.current = 1 ORDER BY r.id DESC LIMIT 1`,
  ).get(input.referrer) as { subject: string; year: number | null; region_code: string | null } | undefined;
  if (!host || host.subject.startsWith('url:')) return own;
  const yearOk = own.year === null || own.year === host.year;
  const regionOk = !input.report.region?.code || input.report.region.code === host.region_code;
  return yearOk && regionOk ? { subject: host.subject, year: host.year } : own;
}

function loadInTransaction(db: DB, input: LoadInput): LoadResult {
  const id = effectiveIdentity(db, input);
  const count = statedMetricCount(input.report);

  // 1. Detach these bytes from reports of another identity (the parser changed its mind).
  const placed = cached(db, 
      `SELECT DISTINCT rs.report_id AS report_id, r.subject, r.year
         FROM report_sources rs JOIN reports r ON r.id = rs.report_id WHERE rs.sha256 = ?`,
    )
    .all(input.sha256) as Array<{ report_id: number; subject: string; year: number | null }>;
  const mine: number[] = [];
  for (const p of placed) {
    if (p.subject === id.subject && p.year === id.year) mine.push(p.report_id);
    else detachSource(db, p.report_id, input.sha256);
  }

  // 2. Identical bytes already belong to this report: update in place.
  if (mine.length > 0) {
    let result: LoadResult | undefined;
    for (const reportId of mine) {
      const r = refreshKnownSource(db, reportId, input, count);
      result = result && result.outcome !== 'unchanged' ? result : r;
    }
    return result!;
  }

  // 3. New bytes.
  const current = cached(db, 'SELECT id, subject, year, version, current, supersedes FROM reports WHERE subject = ? AND year IS ? AND current = 1')
    .get(id.subject, id.year) as ReportRow | undefined;
  if (!current) {
    const reportId = insertVersion(db, id, input, undefined);
    return { reportId, outcome: 'new', metricsStored: Object.keys(input.report.metrics).length };
  }
  const sameUrl = cached(db, 'SELECT 1 FROM report_sources WHERE report_id = ? AND url = ?')
    .get(current.id, input.url);
  if (sameUrl) {
    cached(db, 'UPDATE reports SET current = 0 WHERE id = ?').run(current.id);
    const reportId = insertVersion(db, id, input, current);
    return { reportId, outcome: 'changed', metricsStored: Object.keys(input.report.metrics).length };
  }
  // Another rendition of the current version.
  addSource(db, current.id, input, count, false);
  if (count > primaryCount(db, current.id)) {
    promote(db, current.id, input);
    return { reportId: current.id, outcome: 'changed', metricsStored: Object.keys(input.report.metrics).length };
  }
  return { reportId: current.id, outcome: 'unchanged', metricsStored: 0 };
}

function refreshKnownSource(db: DB, reportId: number, input: LoadInput, count: number): LoadResult {
  const isPrimary = cached(db, 'SELECT 1 FROM report_sources WHERE report_id = ? AND sha256 = ? AND "primary" = 1')
    .get(reportId, input.sha256);
  cached(db, 'UPDATE report_sources SET metric_count = ?, parser_version = ? WHERE report_id = ? AND sha256 = ?').run(
    count,
    input.parserVersion,
    reportId,
    input.sha256,
  );
  const knownUrl = cached(db, 'SELECT 1 FROM report_sources WHERE report_id = ? AND sha256 = ? AND url = ?').get(reportId, input.sha256, input.url);
  if (!knownUrl) addSource(db, reportId, input, count, Boolean(isPrimary));
  if (isPrimary) {
    const before = metricSignature(db, reportId);
    writeContent(db, reportId, input);
    const changed = before !== metricSignature(db, reportId);
    return { reportId, outcome: changed ? 'changed' : 'unchanged', metricsStored: Object.keys(input.report.metrics).length };
  }
  if (count > primaryCount(db, reportId)) {
    promote(db, reportId, input);
    return { reportId, outcome: 'changed', metricsStored: Object.keys(input.report.metrics).length };
  }
  return { reportId, outcome: 'unchanged', metricsStored: 0 };
}

function insertVersion(db: DB, id: ReportIdentity, input: LoadInput, previous: ReportRow | undefined): number {
  const version =
    ((cached(db, 'SELECT max(version) FROM reports WHERE subject = ? AND year IS ?').pluck().get(id.subject, id.year) as
      | number
      | null) ?? 0) + 1;
  const r = input.report;
  // The row is created with its identity only; writeContent fills everything the document says,
  // the same way for a new version as for a re-loaded one.
  const info = cached(db, 
      `INSERT INTO reports (subject, year, version, current, supersedes, template, sha256, parser_version, loaded_at)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    )
    .run(
      id.subject,
      id.year,
      version,
      previous?.id ?? null,
      r.template,
      input.sha256,
      input.parserVersion,
      input.now ?? new Date().toISOString(),
    );
  const reportId = Number(info.lastInsertRowid);
  addSource(db, reportId, input, statedMetricCount(r), true);
  writeContent(db, reportId, input);
  return reportId;
}

function addSource(db: DB, reportId: number, input: LoadInput, count: number, primary: boolean): void {
  cached(db, 
    `INSERT INTO report_sources (report_id, sha256, url, site_id, content_type, "primary", metric_count, parser_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (report_id, sha256, url) DO UPDATE SET metric_count = excluded.metric_count,
       parser_version = excluded.parser_version`,
  ).run(reportId, input.sha256, input.url, input.siteId ?? null, input.contentType ?? null, primary ? 1 : 0, count, input.parserVersion);
}

function primaryCount(db: DB, reportId: number): number {
  return (
    (cached(db, 'SELECT max(metric_count) FROM report_sources WHERE report_id = ? AND "primary" = 1').pluck().get(reportId) as
      | number
      | null) ?? 0
  );
}

/** Makes the document the report's primary source and its metrics the report's. */
function promote(db: DB, reportId: number, input: LoadInput): void {
  cached(db, 'UPDATE report_sources SET "primary" = (sha256 = ?) WHERE report_id = ?').run(input.sha256, reportId);
  writeContent(db, reportId, input);
}

/** Replaces the report's metadata, metrics, parser checks and text with the document's. */
function writeContent(db: DB, reportId: number, input: LoadInput): void {
  const r = input.report;
  cached(db, 
    `UPDATE reports SET region_code = ?, region_name = ?, agency = ?, agency_kind = ?, template = ?, title = ?,
            published = ?, source_url = ?, sha256 = ?, parser_version = ?, loaded_at = ? WHERE id = ?`,
  ).run(
    r.region?.code ?? null,
    r.region?.name ?? null,
    r.agency ?? null,
    r.agency_kind ?? null,
    r.template,
    r.title ?? null,
    r.published ?? null,
    input.url,
    input.sha256,
    input.parserVersion,
    input.now ?? new Date().toISOString(),
    reportId,
  );
  cached(db, 'DELETE FROM metrics WHERE report_id = ?').run(reportId);
  cached(db, "DELETE FROM checks WHERE report_id = ? AND scope = 'report'").run(reportId);
  const insertMetric = cached(db, 
    `INSERT INTO metrics (report_id, key, value, unit, qualifier, derived, method, source, table_no, row_label, column_label, page)
     VALUES (@report_id, @key, CASE WHEN @value = CAST(@value AS INTEGER) THEN CAST(@value AS INTEGER) ELSE @value END,
             @unit, @qualifier, @derived, @method, @source, @table_no, @row_label, @column_label, @page)`,
  );
  for (const d of metricRows(r)) {
    insertMetric.run({
      report_id: reportId,
      key: d.key,
      value: d.value,
      unit: d.unit,
      qualifier: d.qualifier,
      derived: d.derived ? 1 : 0,
      method: d.method,
      source: d.source,
      table_no: d.table ?? null,
      row_label: d.row ?? null,
      column_label: d.column ?? null,
      page: d.page ?? null,
    });
  }
  const insertCheck = cached(db, "INSERT INTO checks (report_id, scope, rule, ok, message) VALUES (?, 'report', ?, ?, ?)");
  for (const c of r.checks) insertCheck.run(reportId, c.rule, c.ok ? 1 : 0, c.message);
  if (input.text !== undefined) indexReportText(db, reportId, input.text);
}

/** One row per metric key: the detail whose value is the published metric (the first if several). */
function metricRows(r: Report): MetricDetail[] {
  const byKey = new Map<string, MetricDetail>();
  for (const d of r.details) {
    if (!(d.key in r.metrics) || byKey.has(d.key)) continue;
    if (d.value === r.metrics[d.key]) byKey.set(d.key, d);
  }
  for (const [key, value] of Object.entries(r.metrics)) {
    if (byKey.has(key)) continue;
    const any = r.details.find((d) => d.key === key);
    byKey.set(key, any ? { ...any, value } : { key, value, unit: 'items', qualifier: 'exact', derived: false, method: 'table', source: '' });
  }
  return [...byKey.values()];
}

function metricSignature(db: DB, reportId: number): string {
  return JSON.stringify(cached(db, 'SELECT key, value, qualifier FROM metrics WHERE report_id = ? ORDER BY key').raw().all(reportId));
}

/**
 * Removes the document from a report it no longer belongs to. If it was the primary source the
 * report version goes (its other sources are re-queued for extraction by clearing their ledger
 * rows) and the version it superseded becomes current again.
 */
function detachSource(db: DB, reportId: number, sha256: string): void {
  const wasPrimary = cached(db, 'SELECT 1 FROM report_sources WHERE report_id = ? AND sha256 = ? AND "primary" = 1').get(reportId, sha256);
  cached(db, 'DELETE FROM report_sources WHERE report_id = ? AND sha256 = ?').run(reportId, sha256);
  if (!wasPrimary) return;
  const others = cached(db, 'SELECT DISTINCT sha256 FROM report_sources WHERE report_id = ?').pluck().all(reportId) as string[];
  for (const sha of others) cached(db, 'DELETE FROM processed WHERE sha256 = ?').run(sha);
  const row = cached(db, 'SELECT current, supersedes FROM reports WHERE id = ?').get(reportId) as
    | { current: number; supersedes: number | null }
    | undefined;
  dropReportText(db, reportId);
  cached(db, 'DELETE FROM reports WHERE id = ?').run(reportId);
  if (row?.current && row.supersedes !== null) cached(db, 'UPDATE reports SET current = 1 WHERE id = ?').run(row.supersedes);
}
