// The SQLite-backed frontier. Each site sweeps its URLs in "passes": a row settled (done/failed) in
// the current pass is never fetched again in it; rows from older passes are revisited (with
// conditional headers). A pass left unfinished by a killed run is resumed by the next run, and rows
// a dead process left `in_progress` are re-queued. All writes for one fetch go in one transaction,
// so a kill -9 at any moment leaves either the whole result or none of it.
import type { DB } from '../db/open.ts';
import type { FrontierKind, Site } from './types.ts';
import { normalizeUrl } from './url.ts';

export interface FrontierRow {
  site_id: string;
  url: string;
  kind: FrontierKind;
  depth: number;
  anchor: string | null;
  referrer: string | null;
  etag: string | null;
  last_modified: string | null;
  sha256: string | null;
  /** Why the row failed last time, if it did. */
  fail_class: string | null;
  method: 'GET' | 'POST';
  body: string | null;
}

export interface NewLink {
  url: string;
  kind: FrontierKind;
  depth: number;
  anchor?: string;
  referrer?: string;
  method?: 'GET' | 'POST';
  body?: string;
}

export interface Settlement {
  state: 'done' | 'failed';
  fetchId?: number;
  sha256?: string;
  etag?: string;
  lastModified?: string;
  finalUrl?: string;
  contentType?: string;
  fetchedAt: string;
  failClass?: string;
  /** A better anchor learnt from the page itself (the full title behind a truncated link). */
  anchor?: string;
}

const LEASE_MS = 10 * 60_000;

export class Frontier {
  constructor(
    private readonly db: DB,
    private readonly runId: number,
  ) {}

  /** Registers the site and returns the pass to work on: the unfinished one, or a new one. */
  beginPass(site: Site, now: string): number {
    return this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO sites (id, name, region_code, config) VALUES (?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, region_code = excluded.region_code, config = excluded.config`,
        )
        .run(site.id, site.name ?? null, site.region_code ?? null, JSON.stringify(site));
      const row = this.db.prepare('SELECT pass, pass_complete FROM sites WHERE id = ?').get(site.id) as {
        pass: number;
        pass_complete: number;
      };
      let pass = row.pass;
      if (row.pass_complete) {
        pass += 1;
        this.db.prepare('UPDATE sites SET pass = ?, pass_complete = 0 WHERE id = ?').run(pass, site.id);
      }
      // Whatever a dead process held is free again: it never settled, so it is still to do.
      this.db
        .prepare(`UPDATE frontier SET state = 'pending', lease_until = NULL WHERE site_id = ? AND state = 'in_progress'`)
        .run(site.id);
      const seed = this.db.prepare(
        `INSERT INTO frontier (site_id, url, kind, depth, state, discovered_at) VALUES (?, ?, 'list', 0, 'pending', ?)
         ON CONFLICT(site_id, url) DO NOTHING`,
      );
      // Seeds are keyed like discovered links, so a page linking back to the start is recognised.
      for (const url of site.start_urls) seed.run(site.id, normalizeUrl(url) ?? url, now);
      return pass;
    })();
  }

  endPass(siteId: string): void {
    this.db.prepare('UPDATE sites SET pass_complete = 1 WHERE id = ?').run(siteId);
  }

  /** Leases up to `limit` rows still to do in this pass, shallowest first, in discovery order. */
  claim(siteId: string, pass: number, limit: number, now: Date): FrontierRow[] {
    if (limit <= 0) return [];
    const nowIso = now.toISOString();
    const lease = new Date(now.getTime() + LEASE_MS).toISOString();
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT site_id, url, kind, depth, anchor, referrer, etag, last_modified, sha256, fail_class, method, body FROM frontier
           WHERE site_id = ? AND (state = 'pending'
                 OR (state IN ('done', 'failed') AND pass < ?)
                 OR (state = 'in_progress' AND lease_until < ?))
           ORDER BY depth, CASE kind WHEN 'list' THEN 1 ELSE 0 END, rowid LIMIT ?`,
        )
        .all(siteId, pass, nowIso, limit) as FrontierRow[];
      const take = this.db.prepare(`UPDATE frontier SET state = 'in_progress', lease_until = ? WHERE site_id = ? AND url = ?`);
      for (const r of rows) take.run(lease, siteId, r.url);
      return rows;
    })();
  }

  /** Rows of this site still to do in this pass (pending or leased). */
  remaining(siteId: string, pass: number): number {
    return (
      this.db
        .prepare(
          `SELECT count(*) FROM frontier WHERE site_id = ? AND (state IN ('pending', 'in_progress') OR pass < ?)`,
        )
        .pluck()
        .get(siteId, pass) as number
    );
  }

  /** Settles a row and records what it linked to. Call inside the fetch's transaction. */
  settle(siteId: string, url: string, pass: number, s: Settlement): void {
    this.db
      .prepare(
        `UPDATE frontier SET state = ?, lease_until = NULL, pass = ?, run_id = ?, last_fetch_id = COALESCE(?, last_fetch_id),
           sha256 = COALESCE(?, sha256), etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
           final_url = COALESCE(?, final_url), content_type = COALESCE(?, content_type),
           fetched_at = ?, fail_class = ?, anchor = COALESCE(?, anchor)
         WHERE site_id = ? AND url = ?`,
      )
      .run(
        s.state,
        pass,
        this.runId,
        s.fetchId ?? null,
        s.sha256 ?? null,
        s.etag ?? null,
        s.lastModified ?? null,
        s.finalUrl ?? null,
        s.contentType ?? null,
        s.fetchedAt,
        s.failClass ?? null,
        s.anchor ?? null,
        siteId,
        url,
      );
  }

  /** Settles a URL only if it is still waiting (a redirect target reached through another URL). */
  settleIfPending(siteId: string, url: string, pass: number, s: Settlement): void {
    const state = this.db.prepare('SELECT state FROM frontier WHERE site_id = ? AND url = ?').pluck().get(siteId, url);
    if (state === 'pending') this.settle(siteId, url, pass, s);
  }

  /** Adds newly found links; a URL already known stays as it is, except that a plain list link
   * later seen with a report title becomes a report. Returns how many rows were new. */
  add(siteId: string, links: NewLink[], now: string): number {
    const insert = this.db.prepare(
      `INSERT INTO frontier (site_id, url, kind, depth, state, anchor, referrer, discovered_at, method, body)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)
       ON CONFLICT(site_id, url) DO UPDATE SET kind = excluded.kind, anchor = excluded.anchor
         WHERE frontier.kind = 'list' AND excluded.kind <> 'list' AND frontier.state = 'pending'`,
    );
    let added = 0;
    for (const l of links) {
      const info = insert.run(siteId, l.url, l.kind, l.depth, l.anchor ?? null, l.referrer ?? null, now, l.method ?? 'GET', l.body ?? null);
      added += info.changes;
    }
    return added;
  }

  /** Stored body hash of a row (to re-read a 304'd list page from the archive). */
  storedSha(siteId: string, url: string): string | undefined {
    return (this.db.prepare('SELECT sha256 FROM frontier WHERE site_id = ? AND url = ?').pluck().get(siteId, url) as string | null) ?? undefined;
  }
}
