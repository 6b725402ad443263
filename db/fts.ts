// Full-text search over report text. FTS5's tokenizers do not segment Chinese, so the text is
// stored as nodejieba words joined by spaces and every query is segmented the same way: a query
// matches whole words in order (an FTS5 phrase), never a character pair straddling two words.
import type { DB } from './open.ts';
import { segment, segmentForIndex } from '../normalize/segment.ts';

/**
 * Annual reports run to tens of thousands of characters; a hostile page can hold megabytes of
 * text. Only the first 500 000 characters are indexed, so one such page cannot stall a run.
 */
export const MAX_INDEXED_CHARS = 500_000;

export function indexReportText(db: DB, reportId: number, text: string): void {
  db.prepare('DELETE FROM report_fts WHERE rowid = ?').run(reportId);
  db.prepare('INSERT INTO report_fts (rowid, body) VALUES (?, ?)').run(reportId, segmentForIndex(text.slice(0, MAX_INDEXED_CHARS)));
}

export function dropReportText(db: DB, reportId: number): void {
  db.prepare('DELETE FROM report_fts WHERE rowid = ?').run(reportId);
}

/**
 * The FTS5 MATCH expression for a user's query: each whitespace-separated term becomes a phrase
 * of its jieba words; terms are ANDed. Returns undefined when the query has no words.
 */
export function ftsQuery(query: string): string | undefined {
  const phrases = query
    .split(/\s+/)
    .map((term) => segment(term))
    .filter((words) => words.length > 0)
    .map((words) => '"' + words.map((w) => w.replace(/"/g, '""')).join(' ') + '"');
  return phrases.length ? phrases.join(' AND ') : undefined;
}

export interface TextHit {
  report_id: number;
  year: number | null;
  region_code: string | null;
  agency: string | null;
  title: string | null;
  snippet: string;
}

/** Current reports whose text contains the query's words, best match first. */
export function searchReports(db: DB, query: string, limit = 50): TextHit[] {
  const match = ftsQuery(query);
  if (!match) return [];
  return db
    .prepare(
      `SELECT r.id AS report_id, r.year, r.region_code, r.agency, r.title,
              snippet(report_fts, 0, '[', ']', '…', 12) AS snippet
         FROM report_fts JOIN reports r ON r.id = report_fts.rowid
        WHERE report_fts MATCH ? AND r.current = 1
        ORDER BY rank LIMIT ?`,
    )
    .all(match, limit) as TextHit[];
}
