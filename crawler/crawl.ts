// The crawl loop: per site, lease URLs from the frontier, fetch them politely (robots, per-host rate,
// retries for transient failures only), archive the bytes, discover links, and settle each URL in one
// transaction with its ledger row — so a killed run resumes exactly where it stopped.
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import pino from 'pino';
import type { DB } from '../db/open.ts';
import { readBlob, sha256Of, storeBlob } from './archive.ts';
import { BrowserSession, browserAvailable } from './browser.ts';
import { isTransient, type FetchClass } from './classes.ts';
import { decodeHtml } from './decode.ts';
import { discover, isReportTitle, pageTitles, reportTitleOf, type Discovery } from './discover.ts';
import { fetchUrl, GateRefusal, type FetchLimits, type FetchResult } from './fetch.ts';
import { Frontier, type FrontierRow } from './frontier.ts';
import { backoffMs, HostLimiter, Semaphore, sleep, userAgent } from './politeness.ts';
import { robotsPolicy, robotsUrlFor, type RobotsPolicy } from './robots.ts';
import { isHtmlLike, sniffContentType } from './sniff.ts';
import type { CrawlOptions, CrawlSummary, Site } from './types.ts';
import { hostKey, scopeFor, type Scope } from './url.ts';

const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const MAX_ATTEMPTS = 3;
const MAX_RETRY_AFTER_MS = 120_000;
/** Failures judged from the content itself: an unchanged page (304) keeps the same verdict. */
const CONTENT_VERDICTS: ReadonlySet<string> = new Set(['not_a_report', 'soft_404']);

/** Conditional requests only when we hold what the validators describe: the body, or a verdict on it. */
function revalidates(row: FrontierRow): boolean {
  return row.sha256 !== null || CONTENT_VERDICTS.has(row.fail_class ?? '');
}

const CHALLENGES: ReadonlySet<FetchClass> = new Set<FetchClass>(['challenge_ruishu', 'challenge_jsl']);

export async function crawl(db: DB, sites: Site[], opts: CrawlOptions = {}): Promise<CrawlSummary> {
  const crawler = new Crawler(db, sites, opts);
  try {
    return await crawler.run();
  } finally {
    await crawler.close();
  }
}

/** One URL being processed: holds its global slot once it has one. */
interface Task {
  release?: () => void;
}

/** What one URL's processing ended with, ready to be written in one transaction. */
interface Outcome {
  result: FetchResult;
  via: 'http' | 'browser';
  attempt: number;
  /** Bytes to archive (raw response, or the rendered DOM for a browser-built list). */
  body?: Buffer;
  contentType?: string;
  discovery?: Discovery;
  cls: FetchClass;
  /** The full report title read from the page when the list showed it truncated. */
  confirmedAnchor?: string;
  /** A content verdict (not_a_report, soft 404): keep ETag/Last-Modified to revalidate it cheaply. */
  keepValidators?: boolean;
}

class Crawler {
  private readonly log: Logger;
  private readonly polite: boolean;
  private readonly limits: FetchLimits;
  private readonly limiter: HostLimiter;
  /** Global cap on requests in flight. A URL takes a slot only once its host's rate lets it go, so
   * URLs waiting on a slow host never hold slots other hosts could use. */
  private readonly global: Semaphore;
  private readonly robots = new Map<string, Promise<RobotsPolicy>>();
  /** Hosts whose list pages need the browser (JS-built lists), and hosts behind a challenge (everything). */
  private readonly jsHosts = new Set<string>();
  private readonly challengedHosts = new Set<string>();
  private browser?: BrowserSession;
  private readonly runId: number;
  private readonly ownRun: boolean;
  private readonly frontier: Frontier;
  private readonly maxDepth: number;
  private readonly retryBaseMs: number;
  private readonly stats = { pagesFetched: 0, notModified: 0, bytesDownloaded: 0, failuresByClass: {} as Record<string, number> };
  private readonly passes = new Map<string, number>();
  private readonly started = performance.now();

  constructor(
    private readonly db: DB,
    private readonly sites: Site[],
    private readonly opts: CrawlOptions,
  ) {
    this.log = opts.logger ?? pino({ level: 'silent' });
    this.polite = opts.polite ?? true;
    this.limits = {
      userAgent: userAgent(VERSION, opts.contact),
      timeoutMs: opts.timeoutMs ?? 20_000,
      transferTimeoutMs: opts.transferTimeoutMs,
      connectTimeoutMs: 10_000,
      maxBytes: opts.maxBytes ?? 50 * 1024 * 1024,
      maxRedirects: 5,
    };
    const rateByHost = new Map<string, number>();
    for (const s of sites) {
      const key = hostKey(s.start_urls[0]);
      // Two sites on one host share it; the stricter rate wins. `www.x` and `x` count as the site's host.
      rateByHost.set(key, Math.min(rateByHost.get(key) ?? Infinity, s.rate));
    }
    this.limiter = new HostLimiter((host) => (this.polite ? rateByHost.get(hostKey(`http://${host}/`)) ?? 1 : undefined));
    this.global = new Semaphore(opts.concurrency ?? 8);
    this.maxDepth = opts.maxDepth ?? 6;
    this.retryBaseMs = opts.retryBaseMs ?? 1000;
    this.ownRun = opts.runId === undefined;
    this.runId =
      opts.runId ??
      Number(db.prepare(`INSERT INTO runs (kind, started_at) VALUES ('crawl', ?)`).run(new Date().toISOString()).lastInsertRowid);
    this.frontier = new Frontier(db, this.runId);
  }

  async run(): Promise<CrawlSummary> {
    await Promise.all(this.sites.map((s) => this.crawlSite(s)));
    const reportsFound = this.sites.reduce(
      (n, s) =>
        n +
        (this.db
          .prepare(
            `SELECT count(*) FROM frontier WHERE site_id = ? AND pass = ? AND state = 'done' AND kind <> 'list' AND sha256 IS NOT NULL`,
          )
          .pluck()
          .get(s.id, this.passes.get(s.id) ?? 0) as number),
      0,
    );
    const summary: CrawlSummary = { ...this.stats, reportsFound, ms: Math.round(performance.now() - this.started) };
    if (this.ownRun) {
      this.db.prepare('UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(summary), this.runId);
    }
    this.log.info({ summary }, 'crawl finished');
    return summary;
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }

  private async crawlSite(site: Site): Promise<void> {
    const scope = scopeFor(site.start_urls, site.allow);
    const pass = this.frontier.beginPass(site, new Date().toISOString());
    this.passes.set(site.id, pass);
    const perSite = this.polite ? 2 : (this.opts.concurrency ?? 8);
    const inflight = new Set<Promise<void>>();
    let claimed = 0;
    for (;;) {
      const budget = site.max_pages === undefined ? Infinity : site.max_pages - claimed;
      const rows = this.frontier.claim(site.id, pass, Math.min(perSite - inflight.size, budget), new Date());
      for (const row of rows) {
        claimed++;
        const p: Promise<void> = this.process(site, scope, pass, row)
          .catch((err) => this.log.error({ err, url: row.url }, 'crawl step failed'))
          .finally(() => inflight.delete(p));
        inflight.add(p);
      }
      if (inflight.size === 0) break;
      await Promise.race(inflight);
    }
    this.frontier.endPass(site.id);
  }

  private robotsFor(url: string): Promise<RobotsPolicy> {
    const host = new URL(url).host;
    let policy = this.robots.get(host);
    if (!policy) {
      policy = (async () => {
        const robotsUrl = robotsUrlFor(url);
        const res = await fetchUrl({ url: robotsUrl }, { ...this.limits, maxBytes: 512 * 1024 }, (u) => this.limiter.acquire(new URL(u).host));
        this.stats.bytesDownloaded += res.body?.length ?? 0;
        const decided = robotsPolicy(robotsUrl, { status: res.status, body: res.body, failure: res.status === undefined ? res.cls : undefined });
        // Crawl-delay is not in RFC 9309 but portals that set it mean it; capped so a typo cannot stall a run.
        if (decided.crawlDelaySeconds) this.limiter.setMinSpacing(host, Math.min(decided.crawlDelaySeconds, 60) * 1000);
        this.db
          .prepare('INSERT INTO robots (host, run_id, fetched_at, status, outcome, sha256, body) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(
            host,
            this.runId,
            new Date().toISOString(),
            res.status ?? null,
            decided.outcome,
            res.body ? sha256Of(res.body) : null,
            res.body?.toString('utf8') ?? null,
          );
        this.log.info({ host, status: res.status, bytes: res.body?.length ?? 0, ms: res.ms, class: res.cls, outcome: decided.outcome, url: robotsUrl }, 'robots');
        return decided;
      })();
      this.robots.set(host, policy);
    }
    return policy;
  }

  /** Before every request hop: robots for that URL's host, then a slot of its rate. */
  private gate = async (url: string): Promise<void> => {
    const policy = await this.robotsFor(url);
    if (!policy.isAllowed(url)) throw new GateRefusal('robots_disallowed', `${policy.reason}: ${url}`);
    await this.limiter.acquire(new URL(url).host);
  };

  /** The gate for one URL's requests: as `gate`, then (once) a global slot, kept until `task.release`. */
  private taskGate(task: Task): (url: string) => Promise<void> {
    return async (url) => {
      await this.gate(url);
      task.release ??= await this.global.acquire();
    };
  }

  private async process(site: Site, scope: Scope, pass: number, row: FrontierRow): Promise<void> {
    const task: Task = {};
    try {
      await this.processTask(site, scope, pass, row, task);
    } finally {
      task.release?.();
    }
  }

  private async processTask(site: Site, scope: Scope, pass: number, row: FrontierRow, task: Task): Promise<void> {
    const host = new URL(row.url).host;
    const wantBrowser =
      site.render !== 'never' && (site.render === 'always' || this.challengedHosts.has(host) || (row.kind === 'list' && this.jsHosts.has(host)));
    let outcome = wantBrowser ? await this.viaBrowser(row, task) : await this.viaHttp(row, task);

    if (CHALLENGES.has(outcome.cls) && site.render !== 'never' && browserAvailable()) {
      // A challenge is a channel problem, not a rate problem: switch the host to the browser.
      this.challengedHosts.add(host);
      this.record(site.id, row, outcome);
      outcome = await this.viaBrowser(row, task);
      if (CHALLENGES.has(outcome.cls)) outcome.cls = 'blocked_challenge';
    }

    if (outcome.cls === 'empty_body' && outcome.via === 'http' && site.render === 'auto' && row.kind !== 'attachment' && browserAvailable()) {
      // An empty 200 is what some WAFs answer to non-browsers: try the page in the browser.
      this.jsHosts.add(host);
      this.record(site.id, row, outcome);
      outcome = await this.viaBrowser(row, task);
    }
    if (outcome.cls === 'soft_404') outcome.keepValidators = true;
    if (outcome.cls === 'ok' && outcome.body && row.kind !== 'attachment' && isHtmlLike(outcome.contentType ?? '')) {
      const html = decodeHtml(outcome.body, outcome.result.headers['content-type']);
      let anchor = row.anchor ?? undefined;
      if (row.kind === 'report' && !isReportTitle(anchor ?? '')) {
        // Reached through a truncated or agency-only list title: the page's own title decides.
        const title = reportTitleOf(html);
        if (title) {
          anchor = title;
          outcome.confirmedAnchor = title;
        } else {
          outcome.cls = 'not_a_report';
          outcome.keepValidators = true;
          outcome.result.error = `page titles ${JSON.stringify(pageTitles(html).slice(0, 3))} name no annual report`;
        }
      }
      outcome.discovery = discover({ url: outcome.result.finalUrl, kind: row.kind, depth: row.depth, html, anchor, requestBody: row.body ?? undefined }, scope);
      if (outcome.discovery.jsShell && outcome.via === 'http') {
        if (site.render === 'auto' && browserAvailable()) {
          this.jsHosts.add(host);
          this.log.info({ host, url: row.url }, 'list is built by JavaScript; rendering this host’s lists in the browser');
          this.record(site.id, row, outcome);
          outcome = await this.viaBrowser(row, task);
          if (outcome.cls === 'ok' && outcome.body) {
            const rendered = decodeHtml(outcome.body);
            outcome.discovery = discover({ url: outcome.result.finalUrl, kind: row.kind, depth: row.depth, html: rendered, anchor }, scope);
          }
        } else {
          outcome.cls = 'js_shell';
        }
      }
    } else if (outcome.cls === 'not_modified' && CONTENT_VERDICTS.has(row.fail_class ?? '') && !row.sha256) {
      // Unchanged since we judged it: the same page is still not a report (or still a soft 404).
      outcome.cls = row.fail_class as FetchClass;
      outcome.keepValidators = true;
    } else if (outcome.cls === 'not_modified' && row.kind === 'list' && row.sha256) {
      // Unchanged list: its links are re-read from the archive, no download needed.
      const bytes = readBlob(this.db, row.sha256);
      const html = decodeHtml(bytes, row.method === 'POST' ? 'text/xml' : undefined);
      outcome.discovery = discover({ url: row.url, kind: row.kind, depth: row.depth, html, requestBody: row.body ?? undefined }, scope);
    }
    this.settle(site, scope, pass, row, outcome);
  }

  private async viaHttp(row: FrontierRow, task: Task): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      const result = await fetchUrl(
        {
          url: row.url,
          method: row.method,
          body: row.body ?? undefined,
          // Conditional only when we still hold the body the validators describe.
          etag: revalidates(row) ? row.etag ?? undefined : undefined,
          lastModified: revalidates(row) ? row.last_modified ?? undefined : undefined,
          referrer: row.referrer ?? undefined,
        },
        this.limits,
        this.taskGate(task),
      );
      this.stats.bytesDownloaded += result.body?.length ?? 0;
      const outcome: Outcome = {
        result,
        via: 'http',
        attempt,
        cls: result.cls,
        body: result.body,
        contentType: result.body ? sniffContentType(result.body, result.headers['content-type']) : undefined,
      };
      if (!isTransient(result.cls) || attempt >= MAX_ATTEMPTS) return outcome;
      const host = new URL(result.finalUrl).host;
      const serverWait = Math.min(result.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
      if (serverWait > 0) this.limiter.pause(host, serverWait);
      const wait = Math.max(serverWait, backoffMs(attempt, this.retryBaseMs));
      this.record(this.siteOf(row), row, outcome);
      this.log.warn({ host, url: row.url, class: result.cls, attempt, waitMs: wait }, 'transient failure, retrying');
      // Nobody's request should wait behind our backoff: the slot goes back while we sleep.
      task.release?.();
      task.release = undefined;
      await sleep(wait);
    }
  }

  private siteOf(row: FrontierRow): string {
    return row.site_id;
  }

  private async viaBrowser(row: FrontierRow, task: Task): Promise<Outcome> {
    if (!browserAvailable()) {
      return this.failedBrowser(row, 'network', `browser needed but ${'/usr/bin/chromium'} is missing`);
    }
    this.browser ??= new BrowserSession(this.limits.userAgent, this.opts.browserTimeoutMs ?? 45_000, (url) =>
      this.gate(url).then(
        () => true,
        () => false,
      ),
    );
    // Checked here too so a disallowed page is recorded as such rather than as a failed render;
    // for an attachment this is its one gate (the request API is not routed).
    const policy = await this.robotsFor(row.url);
    if (!policy.isAllowed(row.url)) return this.failedBrowser(row, 'robots_disallowed', `${policy.reason}: ${row.url}`);
    if (row.kind === 'attachment') await this.limiter.acquire(new URL(row.url).host);
    task.release ??= await this.global.acquire();
    try {
      if (row.kind === 'attachment') {
        const got = await this.browser.fetchBinary(row.url);
        this.stats.bytesDownloaded += got.body.length;
        const result: FetchResult = {
          url: row.url,
          finalUrl: got.finalUrl,
          status: got.status,
          headers: got.headers,
          body: got.body,
          redirects: [],
          cls: got.status >= 200 && got.status < 300 ? (got.body.length ? 'ok' : 'empty_body') : got.status >= 500 ? 'http_5xx' : 'http_4xx',
          ms: got.ms,
        };
        return { result, via: 'browser', attempt: 1, cls: result.cls, body: got.body, contentType: sniffContentType(got.body, got.headers['content-type']) };
      }
      // Lists may page by script-only "下一页" buttons: click through a bounded number of pages.
      const r = await this.browser.render(row.url, { clickPages: row.kind === 'list' ? 50 : undefined });
      // The rendered DOM is UTF-8 but may still carry the page's <meta charset=gb2312>: a BOM makes
      // every later reader (ours, the extractor) decode the archived bytes as what they are.
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(r.html, 'utf8')]);
      this.stats.bytesDownloaded += body.length;
      const challenged = r.status === 412 || r.status === 521 || r.status === 512;
      const cls: FetchClass = r.ok ? 'ok' : challenged ? 'blocked_challenge' : r.status !== undefined && r.status >= 400 ? 'http_4xx' : 'empty_body';
      const result: FetchResult = { url: row.url, finalUrl: r.finalUrl, status: r.status, headers: { 'content-type': 'text/html; charset=utf-8' }, body, redirects: [], cls, ms: r.ms };
      return { result, via: 'browser', attempt: 1, cls, body, contentType: 'text/html' };
    } catch (err) {
      return this.failedBrowser(row, 'timeout', String((err as Error).message ?? err).split('\n')[0]);
    }
  }

  private failedBrowser(row: FrontierRow, cls: FetchClass, error: string): Outcome {
    return { result: { url: row.url, finalUrl: row.url, headers: {}, redirects: [], cls, error, ms: 0 }, via: 'browser', attempt: 1, cls };
  }

  /** Writes one ledger row (and its bytes); returns the fetch id and hash. */
  private record(siteId: string, row: FrontierRow, o: Outcome): { fetchId: number; sha256?: string } {
    const now = new Date().toISOString();
    const r = o.result;
    let sha256: string | undefined;
    const write = this.db.transaction(() => {
      if (o.body && o.cls !== 'too_large') sha256 = storeBlob(this.db, o.body, now).sha256;
      const info = this.db
        .prepare(
          `INSERT INTO fetches (run_id, site_id, url, final_url, status, sha256, content_type, headers, fetched_at, ms, bytes, class, error, not_modified, attempt, via)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          this.runId,
          siteId,
          row.url,
          r.finalUrl,
          r.status ?? null,
          sha256 ?? null,
          o.contentType ?? r.headers['content-type'] ?? null,
          JSON.stringify({ headers: r.headers, redirects: r.redirects }),
          now,
          r.ms,
          o.body?.length ?? 0,
          o.cls,
          r.error ?? null,
          o.cls === 'not_modified' ? 1 : 0,
          o.attempt,
          o.via,
        );
      return Number(info.lastInsertRowid);
    });
    const fetchId = write();
    this.log.info(
      { host: new URL(row.url).host, status: r.status, bytes: o.body?.length ?? 0, ms: r.ms, class: o.cls, url: row.url, attempt: o.attempt, via: o.via },
      'fetch',
    );
    return { fetchId, sha256 };
  }

  private settle(site: Site, scope: Scope, pass: number, row: FrontierRow, o: Outcome): void {
    const now = new Date().toISOString();
    const ok = o.cls === 'ok' || o.cls === 'not_modified' || o.cls === 'js_shell';
    const r = o.result;
    if (r.status !== undefined) this.stats.pagesFetched++;
    if (o.cls === 'not_modified') this.stats.notModified++;
    if (o.cls !== 'ok' && o.cls !== 'not_modified') this.stats.failuresByClass[o.cls] = (this.stats.failuresByClass[o.cls] ?? 0) + 1;
    this.db.transaction(() => {
      const { fetchId, sha256 } = this.record(site.id, row, o);
      // A failed answer (soft 404, error page) is in the ledger but is not the URL's document: no
      // hash or validators on the frontier, so the next pass asks again unconditionally.
      const settlement = {
        state: ok ? ('done' as const) : ('failed' as const),
        fetchId,
        sha256: ok ? sha256 : undefined,
        etag: ok || o.keepValidators ? r.headers.etag : undefined,
        lastModified: ok || o.keepValidators ? r.headers['last-modified'] : undefined,
        finalUrl: r.finalUrl,
        contentType: o.contentType,
        fetchedAt: now,
        failClass: ok ? undefined : o.cls,
        anchor: o.confirmedAnchor,
      };
      this.frontier.settle(site.id, row.url, pass, settlement);
      // A redirect target already queued is the same document: settle it too rather than fetch it twice.
      if (ok && r.finalUrl !== row.url) this.frontier.settleIfPending(site.id, r.finalUrl, pass, settlement);
      if (ok && o.discovery) {
        const links = o.discovery.links
          .filter((l) => l.depth <= this.maxDepth)
          .map((l) => ({ ...l, referrer: r.finalUrl }));
        this.frontier.add(site.id, links, now);
      }
    })();
    // Counting what is left costs a scan of the site's rows: only when someone is watching.
    if (this.opts.onProgress) {
      this.opts.onProgress({ fetched: this.stats.pagesFetched, queued: this.frontier.remaining(site.id, pass), host: scope.host, url: row.url });
    }
  }
}
