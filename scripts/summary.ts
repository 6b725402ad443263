// Human-readable closing summary of a pipeline run and the demo's region × year table.
import type { DB } from '../db/open.ts';
import type { PipelineSummary } from './pipeline.ts';
import { renderTable } from '../db/query.ts';

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatSummary(s: PipelineSummary): string {
  const failures = Object.entries(s.failuresByClass)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `pages fetched      ${s.pagesFetched} (${s.notModified} not modified, ${(s.bytesDownloaded / 1024).toFixed(0)} KiB)`,
    `documents parsed   ${s.documents} (${s.notReports} not reports)`,
    `reports            ${s.reportsNew} new, ${s.reportsChanged} changed, ${s.reportsUnchanged} unchanged`,
    `metrics stored     ${s.metricsStored}`,
    `checks failed      ${s.checksFailed} (cross-year: ${s.crossYearFailed} of ${s.crossYearChecks})`,
    `failures by class  ${failures || 'none'}`,
    `time               crawl ${secs(s.ms.crawl)}, extract+load ${secs(s.ms.extract)}, checks ${secs(s.ms.checks)}, total ${secs(s.ms.total)}`,
  ].join('\n');
}

export const HEADLINE_KEYS = ['proactive.total', 'applications.new.total', 'review.total', 'litigation.total'];

/** Current reports as rows of region × year with a few headline metrics; blank = not stated. */
export function headlineTable(db: DB, keys: string[] = HEADLINE_KEYS): string {
  const rows = db
    .prepare(
      `SELECT r.id, coalesce(r.region_name, '?') AS region, r.region_code, r.year, r.agency_kind
         FROM reports r WHERE r.current = 1 ORDER BY r.region_code, r.year`,
    )
    .all() as Array<{ id: number; region: string; region_code: string | null; year: number | null; agency_kind: string | null }>;
  const value = db.prepare('SELECT value FROM metrics WHERE report_id = ? AND key = ?').pluck();
  const header = ['region', 'code', 'year', ...keys];
  const body = rows.map((r) => [
    r.region,
    r.region_code ?? '',
    r.year === null ? '' : String(r.year),
    ...keys.map((k) => {
      const v = value.get(r.id, k) as number | undefined;
      return v === undefined ? '' : String(v);
    }),
  ]);
  return renderTable(header, body);
}
