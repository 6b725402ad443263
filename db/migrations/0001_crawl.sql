-- Crawl state: runs, sites, the content-addressed archive (blobs), the fetch ledger (one row per
-- HTTP attempt) and the frontier (one row per URL per site, with a lease so a killed run resumes).

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                -- 'crawl' | 'run' | …
  started_at TEXT NOT NULL,
  finished_at TEXT,
  summary TEXT                       -- JSON CrawlSummary (or pipeline summary)
) STRICT;

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT,
  region_code TEXT,
  config TEXT NOT NULL,              -- the site entry as JSON, as validated
  pass INTEGER NOT NULL DEFAULT 0,   -- crawl pass number: each complete sweep of the site is one pass
  pass_complete INTEGER NOT NULL DEFAULT 1  -- 0 while a pass is under way (a killed run resumes it)
) STRICT;

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  first_seen TEXT NOT NULL
) STRICT;

CREATE TABLE fetches (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id),
  site_id TEXT,
  url TEXT NOT NULL,
  final_url TEXT,
  status INTEGER,
  sha256 TEXT REFERENCES blobs(sha256),
  content_type TEXT,
  headers TEXT,                      -- JSON of the final response headers (+ redirect chain)
  fetched_at TEXT NOT NULL,
  ms INTEGER,
  bytes INTEGER,
  class TEXT NOT NULL,               -- 'ok' | 'not_modified' | failure class (see crawler/classes.ts)
  error TEXT,
  not_modified INTEGER NOT NULL DEFAULT 0,
  attempt INTEGER NOT NULL DEFAULT 1,
  via TEXT NOT NULL DEFAULT 'http'   -- 'http' | 'browser'
) STRICT;
CREATE INDEX fetches_url ON fetches(site_id, url);
CREATE INDEX fetches_run ON fetches(run_id);

CREATE TABLE frontier (
  site_id TEXT NOT NULL,
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('list', 'report', 'attachment')),
  depth INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'in_progress', 'done', 'failed')),
  anchor TEXT,
  referrer TEXT,
  discovered_at TEXT NOT NULL,
  lease_until TEXT,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT,
  last_fetch_id INTEGER,
  run_id INTEGER,                    -- the run that last settled (done/failed) this row
  pass INTEGER NOT NULL DEFAULT 0,   -- the site pass that last settled it; older passes are revisited
  method TEXT NOT NULL DEFAULT 'GET',-- 'GET' or 'POST' (Hanweb dataproxy)
  body TEXT,                         -- form body for POST entries
  final_url TEXT,
  content_type TEXT,
  fetched_at TEXT,
  fail_class TEXT,
  PRIMARY KEY (site_id, url)
) STRICT;
CREATE INDEX frontier_state ON frontier(site_id, state);

-- Robots decisions kept as evidence (text + hash) per host and run.
CREATE TABLE robots (
  id INTEGER PRIMARY KEY,
  host TEXT NOT NULL,
  run_id INTEGER,
  fetched_at TEXT NOT NULL,
  status INTEGER,
  outcome TEXT NOT NULL,             -- 'parsed' | 'allow_all' | 'disallow_all'
  sha256 TEXT,
  body TEXT
) STRICT;

CREATE VIEW report_documents AS
  SELECT site_id, url, final_url, sha256, content_type, anchor, referrer, fetched_at
  FROM frontier
  WHERE kind IN ('report', 'attachment') AND sha256 IS NOT NULL;
