// Test helpers for db/ and the pipeline tests: reports shaped like the parser's output for real
// reports, and crawled documents inserted the way the crawler stores them (blob + frontier row).
import { createHash } from 'node:crypto';
import type { DB } from './open.ts';
import type { Check, MetricDetail, Report } from '../normalize/types.ts';
import { unitOf } from '../normalize/dictionary.ts';

/** A t2019 report of 牡丹江市人民政府办公室 (numbers from seed 001's gold labels, abridged). */
export function mudanjiang2019(overrides: Partial<Report> = {}, metrics?: Record<string, number>): Report {
  const m = metrics ?? {
    'rules.issued': 0,
    'normative_docs.issued': 14,
    'normative_docs.public_total': 101,
    'licensing.prev_items': 8,
    'applications.new.natural_person': 20,
    'applications.new.total': 20,
    'applications.carried_over.total': 2,
    'applications.outcome.granted.total': 12,
    'applications.outcome.total.total': 21,
    'applications.carried_forward.total': 1,
    'review.corrected': 2,
    'review.total': 3,
  };
  return withMetrics(
    {
      file: 'http://www.mdj.gov.cn/zwgk/zfxxgknb/202001/t20200120_5120.html',
      title: '牡丹江市人民政府办公室2019年政府信息公开工作年度报告',
      year: 2019,
      region: { name: '牡丹江市', code: '231000' },
      agency: '牡丹江市人民政府办公室',
      agency_kind: 'department',
      template: 't2019',
      published: '2020-01-20',
      checks: [{ rule: 't3.balance.total', ok: true, message: '20 + 2 = 21 + 1' }],
      ...overrides,
    },
    m,
  );
}

/** Fills metrics + details (method table, provenance row) from a key → value map. */
export function withMetrics(base: Omit<Report, 'metrics' | 'details'> & { checks: Check[] }, metrics: Record<string, number>, derived: string[] = []): Report {
  const details: MetricDetail[] = Object.entries(metrics).map(([key, value]) => ({
    key,
    value,
    unit: unitOf(key),
    qualifier: 'exact',
    derived: derived.includes(key),
    method: derived.includes(key) ? 'derived' : 'table',
    source: `${key} | ${value}`,
    table: 3,
    row: key,
    column: '总计',
  }));
  return { ...base, metrics: { ...metrics }, details };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores bytes as the crawler does after fetching a report page or attachment: one blob, one
 * done frontier row of kind report/attachment carrying the current sha256.
 */
export function insertCrawledDocument(
  db: DB,
  doc: { siteId: string; url: string; bytes: Uint8Array; kind?: 'report' | 'attachment'; contentType?: string; anchor?: string; fetchedAt?: string },
): string {
  const hash = sha256(doc.bytes);
  const at = doc.fetchedAt ?? '2026-11-25T02:00:00.000Z';
  db.prepare('INSERT OR IGNORE INTO sites (id, config) VALUES (?, ?)').run(doc.siteId, JSON.stringify({ id: doc.siteId }));
  db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, bytes, first_seen) VALUES (?, ?, ?, ?)').run(hash, doc.bytes.length, Buffer.from(doc.bytes), at);
  db.prepare(
    `INSERT INTO frontier (site_id, url, kind, depth, state, anchor, referrer, discovered_at, sha256, content_type, fetched_at, final_url)
     VALUES (?, ?, ?, 1, 'done', ?, NULL, ?, ?, ?, ?, ?)
     ON CONFLICT (site_id, url) DO UPDATE SET sha256 = excluded.sha256, fetched_at = excluded.fetched_at`,
  ).run(doc.siteId, doc.url, doc.kind ?? 'report', doc.anchor ?? null, at, hash, doc.contentType ?? 'text/html; charset=utf-8', at, doc.url);
  return hash;
}
