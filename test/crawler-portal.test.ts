// The crawler against the local portal (test/portal): three CMS families on one host, with the
// faults real portals have. Everything here is asserted from the server's own access log or from the
// database the crawl leaves behind — the two things a user can check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/open.ts';
import pino from 'pino';
import { crawl, type CrawlProgress, type CrawlSummary, type Site } from '../crawler/index.ts';
import { ambiguousInList, COLUMNS, HOSTILE, columnOf, expectedReportPaths } from './portal/data.ts';
import { startPortal, type AccessEntry, type Portal } from './portal/server.ts';

const RATE = 20; // requests per second per host: high so the test is quick, low enough to measure
const OPTS = { timeoutMs: 1000, maxBytes: 1024 * 1024, retryBaseMs: 100, contact: 'https://example.org/ogi-contact' };

let portal: Portal;
let db: DB;
let first: CrawlSummary;
let firstLog: AccessEntry[];
let second: CrawlSummary;
let secondLog: AccessEntry[];

function sitesFor(p: Portal): Site[] {
  return [
    { id: 'pingtan', start_urls: [`${p.origin}${columnOf('trs0').base}`], render: 'never', rate: RATE },
    { id: 'caizheng', start_urls: [`${p.origin}${columnOf('hanweb').base}index.html`], render: 'never', rate: RATE },
    { id: 'jinjing', start_urls: [`${p.origin}${columnOf('trs1').base}index.html`], render: 'never', rate: RATE },
  ];
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

beforeAll(async () => {
  // The huge page is far beyond the 1 MB cap and beyond what socket buffers absorb, so an aborted
  // transfer shows in the server's log as incomplete.
  portal = await startPortal({ slowMs: 2500, hugeBytes: 16 * 1024 * 1024 });
  db = openDatabase(':memory:');
  first = await crawl(db, sitesFor(portal), OPTS);
  firstLog = portal.log.splice(0);
  second = await crawl(db, sitesFor(portal), OPTS);
  secondLog = portal.log.splice(0);
});

afterAll(async () => {
  await portal?.close();
  db?.close();
});

describe('a crawl of three CMS families', () => {
  it('finds every annual report (pages and attachments) and no look-alike', () => {
    const docs = db.prepare('SELECT url, final_url, anchor FROM report_documents').all() as Array<{ url: string; final_url: string; anchor: string }>;
    const reached = new Set(docs.flatMap((d) => [pathOf(d.url), pathOf(d.final_url)]));
    const expected = ['trs0', 'hanweb', 'trs1'].flatMap((f) => expectedReportPaths(columnOf(f as 'trs0')));
    for (const path of expected) expect(reached, `missing report ${path}`).toContain(path);
    const lookAlikes = COLUMNS.flatMap((c) => c.items.filter((i) => !i.report).map((i) => i.path));
    for (const path of lookAlikes) expect(reached).not.toContain(path);
    // Look-alikes whose titles the list shows in full are not even fetched.
    const plain = COLUMNS.flatMap((c) => c.items.filter((i) => !i.report && !ambiguousInList(i)).map((i) => i.path));
    for (const path of plain) expect(firstLog.map((e) => e.url)).not.toContain(path);
    expect(first.reportsFound).toBe(expected.length);
  });

  it('records attachments by what their bytes are, whatever the URL says', () => {
    const types = Object.fromEntries(
      (db.prepare('SELECT url, content_type FROM report_documents').all() as Array<{ url: string; content_type: string }>).map((r) => [pathOf(r.url), r.content_type]),
    );
    const hanweb = columnOf('hanweb').items[0].attachment!.path; // downfile.jsp?…, 302 to /attach/…
    expect(types[hanweb]).toBe('application/pdf');
    expect(types[columnOf('trs0').items[2].attachment!.path]).toMatch(/wordprocessingml/);
  });

  it('stores identical bytes once (the same PDF published under three URLs)', () => {
    const pdfRows = db.prepare(`SELECT DISTINCT sha256 FROM report_documents WHERE content_type = 'application/pdf'`).all();
    expect(pdfRows).toHaveLength(1);
    const blobCount = db.prepare('SELECT count(*) FROM blobs WHERE sha256 IN (SELECT sha256 FROM report_documents)').pluck().get();
    const distinct = db.prepare('SELECT count(DISTINCT sha256) FROM report_documents').pluck().get();
    expect(blobCount).toBe(distinct);
  });

  it('never requests what robots.txt disallows, and records it as robots_disallowed', () => {
    const disallowed = firstLog.concat(secondLog).filter((e) => e.url.startsWith(HOSTILE.disallowedColumn) || e.url.startsWith('/search/'));
    expect(disallowed).toEqual([]);
    const recorded = db.prepare(`SELECT url FROM fetches WHERE class = 'robots_disallowed'`).pluck().all() as string[];
    expect(recorded.map(pathOf)).toContain(columnOf('trs0').items.find((i) => i.disallowed)!.path);
    expect(first.failuresByClass.robots_disallowed).toBeGreaterThan(0);
  });

  it('never exceeds the per-host rate (request arrivals in the server log)', () => {
    for (const log of [firstLog, secondLog]) {
      const times = log.map((e) => e.t).sort((a, b) => a - b);
      expect(times.length).toBeGreaterThan(10);
      // The crawler spaces request starts by 1/RATE; arrivals at the server carry some jitter (a request
      // on a fresh connection arrives later than one on a warm connection), so allow one spacing of it.
      // An unthrottled crawler sends ten requests in a few milliseconds and fails both checks by far.
      const spacing = 1000 / RATE;
      for (let i = 0; i < times.length; i++) expect(times.filter((t) => t >= times[i] && t < times[i] + 1000).length).toBeLessThanOrEqual(RATE + 2);
      for (let i = 0; i + 9 < times.length; i++) expect(times[i + 9] - times[i]).toBeGreaterThanOrEqual(8 * spacing);
    }
  });

  it('announces itself with the ogi User-Agent and the contact URL', () => {
    for (const e of firstLog) expect(e.userAgent).toMatch(/^ogi\/\d+\.\d+\.\d+ \(\+https:\/\/example\.org\/ogi-contact\)$/);
  });

  it('fetches no URL twice in a run, except retries of transient failures', () => {
    const counts = new Map<string, number>();
    for (const e of firstLog) counts.set(`${e.method} ${e.url}`, (counts.get(`${e.method} ${e.url}`) ?? 0) + 1);
    const repeated = [...counts].filter(([, n]) => n > 1).map(([k]) => k.replace(/^\w+ /, ''));
    const trs = columnOf('trs0').items;
    const flaky = trs.find((i) => i.quirk === 'flaky503')!.path;
    const limited = trs.find((i) => i.quirk === 'retry429')!.path;
    expect(repeated.sort()).toEqual([flaky, limited, HOSTILE.slow].sort());
    expect(counts.get(`GET ${flaky}`)).toBe(2); // 503, then 200
    expect(counts.get(`GET ${limited}`)).toBe(2); // 429, then 200
    expect(counts.get(`GET ${HOSTILE.slow}`)).toBe(3); // a timeout is transient: three attempts, then given up
    const gone = trs.find((i) => i.quirk === 'gone')!.path;
    expect(counts.get(`GET ${gone}`)).toBe(1); // a 404 is permanent: asked once
  });

  it('waits as long as Retry-After says before asking again', () => {
    const limited = columnOf('trs0').items.find((i) => i.quirk === 'retry429')!.path;
    const [a, b] = firstLog.filter((e) => e.url === limited);
    expect(a.status).toBe(429);
    expect(b.t - a.t).toBeGreaterThanOrEqual(1000 - 12);
  });

  it('classifies every failure and shows it in the summary', () => {
    expect(first.failuresByClass).toMatchObject({ timeout: 1, too_large: 1, redirect_loop: 1, soft_404: 1, http_4xx: 1 });
    const classes = Object.fromEntries(
      (db.prepare(`SELECT url, fail_class FROM frontier WHERE state = 'failed'`).all() as Array<{ url: string; fail_class: string }>).map((r) => [pathOf(r.url), r.fail_class]),
    );
    expect(classes[HOSTILE.slow]).toBe('timeout');
    expect(classes[HOSTILE.huge]).toBe('too_large');
    expect(classes[HOSTILE.loop]).toBe('redirect_loop');
    expect(classes[HOSTILE.soft404]).toBe('soft_404');
    // The loop stops before a URL is requested a second time.
    expect(firstLog.filter((e) => e.url === HOSTILE.loop)).toHaveLength(1);
  });

  it('bounds the endless calendar by the depth cap', () => {
    const calendar = firstLog.filter((e) => e.url.startsWith(HOSTILE.calendar));
    expect(calendar.length).toBeGreaterThan(1);
    expect(calendar.length).toBeLessThanOrEqual(2 * 6);
  });

  it('confirms a report behind a truncated list title by the page’s own title, and rejects a look-alike', () => {
    const [report, lookAlike] = columnOf('trs1').items.filter((i) => i.truncated);
    const row = (path: string) =>
      db.prepare(`SELECT state, anchor, fail_class FROM frontier WHERE url LIKE ?`).get(`%${path}`) as Record<string, string>;
    expect(row(report.path)).toMatchObject({ state: 'done', anchor: report.title });
    expect(row(lookAlike.path)).toMatchObject({ state: 'failed', fail_class: 'not_a_report' });
  });

  it('opens agency-only entries of a report column and keeps only the one that is a report', () => {
    const [report, other] = columnOf('hanweb').items.filter((i) => i.listText);
    const row = (path: string) => db.prepare(`SELECT state, anchor, fail_class FROM frontier WHERE url LIKE ?`).get(`%${path}`);
    expect(row(report.path)).toMatchObject({ state: 'done', anchor: report.title });
    expect(row(other.path)).toMatchObject({ state: 'failed', fail_class: 'not_a_report' });
  });

  it('reads TRS 1-based paging right: index_2.html, never a non-existent index_1.html', () => {
    const base = columnOf('trs1').base;
    const urls = firstLog.map((e) => e.url);
    expect(urls).toContain(`${base}index_2.html`);
    expect(urls).not.toContain(`${base}index_1.html`);
  });

  it('pages a Hanweb column through dataproxy.jsp with the parameters from its nextgroup', () => {
    const proxy = firstLog.filter((e) => e.url.startsWith('/module/web/jpage/dataproxy.jsp'));
    expect(proxy).toHaveLength(1);
    expect(proxy[0]).toMatchObject({ method: 'POST', status: 200 });
    expect(proxy[0].url).toContain('startrecord=7&endrecord=12&perpage=2');
  });

  it('a second run on the unchanged portal sends conditional requests and downloads ≤ 10 % of the bodies', () => {
    const bodies = (log: AccessEntry[]) => log.filter((e) => e.status === 200 && e.completed && e.bytes > 0).length;
    expect(bodies(secondLog)).toBeLessThanOrEqual(0.1 * bodies(firstLog));
    expect(secondLog.filter((e) => e.status === 304).length).toBeGreaterThan(20);
    expect(second.notModified).toBeGreaterThan(20);
    expect(secondLog.filter((e) => e.ifNoneMatch).length).toBeGreaterThan(20);
  });

  it('stores nothing new on the second run and keeps one frontier row per URL', () => {
    const secondRun = db.prepare(`SELECT max(id) FROM runs`).pluck().get();
    const newBlobs = db
      .prepare(`SELECT count(*) FROM blobs WHERE first_seen >= (SELECT started_at FROM runs WHERE id = ?) AND sha256 IN (SELECT sha256 FROM report_documents)`)
      .pluck()
      .get(secondRun);
    expect(newBlobs).toBe(0);
    expect(second.reportsFound).toBe(first.reportsFound);
    const dupes = db.prepare('SELECT count(*) FROM (SELECT site_id, url FROM frontier GROUP BY 1, 2 HAVING count(*) > 1)').pluck().get();
    expect(dupes).toBe(0);
  });

  it('keeps one ledger row per HTTP attempt with status, time and hash', () => {
    const rows = db.prepare(`SELECT class, status, ms, sha256, bytes FROM fetches WHERE run_id = 1 AND class = 'ok'`).all() as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    const retried = db.prepare(`SELECT count(*) FROM fetches WHERE run_id = 1 AND class IN ('http_5xx', 'http_429')`).pluck().get();
    expect(retried).toBe(2);
  });
});

describe('per-site page cap, progress and logs', () => {
  it('stops a site after max_pages fetches, reporting progress and one JSON log line per fetch', async () => {
    const p = await startPortal({ slowMs: 10 });
    const capped = openDatabase(':memory:');
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const progress: CrawlProgress[] = [];
    try {
      await crawl(capped, [{ id: 'pingtan', start_urls: [`${p.origin}${columnOf('trs0').base}`], render: 'never', rate: 50, max_pages: 5 }], {
        ...OPTS,
        logger,
        onProgress: (pr) => progress.push(pr),
      });
      const pages = p.log.filter((e) => e.url !== '/robots.txt');
      expect(pages.length).toBe(5);
      expect(progress.map((pr) => pr.fetched)).toEqual([1, 2, 3, 4, 5]);
      expect(progress[0]).toMatchObject({ host: p.host, url: `${p.origin}${columnOf('trs0').base}` });
      expect(progress[0].queued).toBeGreaterThan(5);
      const fetchLines = lines.filter((l) => l.msg === 'fetch');
      expect(fetchLines).toHaveLength(5);
      for (const l of fetchLines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['host', 'status', 'bytes', 'ms', 'class', 'url']));
    } finally {
      capped.close();
      await p.close();
    }
  });
});

describe('global concurrency cap', () => {
  it('never has more requests in flight at the portal than the cap, even with politeness off', async () => {
    // Every answer takes 40 ms, so three sites with two URLs each would overlap up to six deep.
    const p = await startPortal({ slowMs: 300, latencyMs: 40 });
    const db2 = openDatabase(':memory:');
    try {
      await crawl(db2, sitesFor(p), { ...OPTS, polite: false, concurrency: 2 });
      const spans = p.log.filter((e) => e.url !== '/robots.txt').map((e) => [e.t, e.end ?? Infinity] as const);
      const inFlightAt = (t: number) => spans.filter(([a, b]) => a <= t && t < b).length;
      const peak = Math.max(...spans.map(([a]) => inFlightAt(a)));
      expect(peak).toBeLessThanOrEqual(2);
      expect(peak).toBe(2); // and the cap is actually used
    } finally {
      db2.close();
      await p.close();
    }
  });
});

describe('an unreachable portal', () => {
  it('is given up on at robots.txt (RFC 9309: unreachable means disallowed), with the reason in the ledger', async () => {
    const dead = openDatabase(':memory:');
    try {
      const summary = await crawl(dead, [{ id: 'dead', start_urls: ['http://127.0.0.1:1/zwgk/nb/'], render: 'never', rate: 50 }], OPTS);
      expect(summary.failuresByClass).toEqual({ robots_disallowed: 1 });
      expect(dead.prepare('SELECT error FROM fetches').pluck().get()).toMatch(/^robots\.txt unreachable \(connect_refused\)/);
      expect(dead.prepare('SELECT outcome FROM robots').pluck().get()).toBe('disallow_all');
    } finally {
      dead.close();
    }
  });
});
