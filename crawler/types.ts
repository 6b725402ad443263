// Data shapes shared by the crawler's modules and its callers (the pipeline in `ogi run`).
import type { Logger } from 'pino';

export type RenderMode = 'auto' | 'never' | 'always';

/** One entry of the sites file (see ../shared/spec/README.md), validated. */
export interface Site {
  id: string;
  start_urls: string[];
  name?: string;
  region_code?: string;
  /** In-scope path prefixes on the start URLs' host; default: each start URL's folder. */
  allow?: string[];
  render: RenderMode;
  /** Max requests per second to this host (default 1). */
  rate: number;
  /** Cap on pages fetched for this site per run. */
  max_pages?: number;
}

export interface CrawlProgress {
  fetched: number;
  queued: number;
  host: string;
  url: string;
}

export interface CrawlOptions {
  /** URL named in the User-Agent so portal operators can reach us. */
  contact?: string;
  logger?: Logger;
  /** Global cap on requests in flight over all hosts. */
  concurrency?: number;
  /** Default true; false switches rate limiting off (benchmarks against the local portal). */
  polite?: boolean;
  onProgress?: (p: CrawlProgress) => void;
  /** Attach fetch rows to an existing run (the pipeline's); otherwise a 'crawl' run is created. */
  runId?: number;
  /** Deadline for response headers, and longest body stall, per request, ms (default 20 000). */
  timeoutMs?: number;
  /** Deadline for one whole exchange, ms (default 10 × timeoutMs). */
  transferTimeoutMs?: number;
  /** Body size cap, bytes (default 50 MB). */
  maxBytes?: number;
  /** Link depth cap from the start URLs; pagination does not add depth (default 6). */
  maxDepth?: number;
  /** First retry waits about this long; each further retry doubles it (default 1 000 ms). */
  retryBaseMs?: number;
  /** Page-load deadline in the headless browser, ms (default 45 000: challenges reload themselves slowly). */
  browserTimeoutMs?: number;
}

export interface CrawlSummary {
  /** URLs that got an HTTP answer in this run (final attempt; retries not counted twice). */
  pagesFetched: number;
  /** Of those, answered 304 Not Modified. */
  notModified: number;
  /** Body bytes received, all attempts, robots.txt and browser renders included. */
  bytesDownloaded: number;
  /** Report pages and attachments archived in the current pass of the crawled sites. */
  reportsFound: number;
  /** Final failure class per URL (robots_disallowed, timeout, http_4xx, not_a_report, …) → count. */
  failuresByClass: Record<string, number>;
  ms: number;
}

export type FrontierKind = 'list' | 'report' | 'attachment';
export type FrontierState = 'pending' | 'in_progress' | 'done' | 'failed';
