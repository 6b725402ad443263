// Five more CMS families on the local portal (test/portal): older Hanweb jpage paged by page= with a
// perpage ceiling, the Hanweb 信息公开 module's catalogue, Hanweb jpaas build/unit, Guangdong
// gkmlpt and TrueCMS getMessage.do (JSONP, Referer required). Each list is reached only through its platform's own endpoint; asserted from the server's
// access log and the database, like test/crawler-portal.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlSummary, type Site } from '../crawler/index.ts';
import { openDatabase, type DB } from '../db/open.ts';
import { ambiguousInList, columnOf, expectedReportPaths, type Family } from './portal/data.ts';
import { startPortal, type AccessEntry, type Portal } from './portal/server.ts';

const RATE = 20;
const OPTS = { timeoutMs: 1000, maxBytes: 1024 * 1024, retryBaseMs: 100, contact: 'https://example.org/ogi-contact' };
const FAMILIES: Family[] = ['hanweb-page', 'xxgk', 'jpaas', 'gkmlpt', 'truecms'];

let portal: Portal;
let db: DB;
let first: CrawlSummary;
let firstLog: AccessEntry[];
let secondLog: AccessEntry[];

const start = (f: Family) => (f === 'gkmlpt' ? `${columnOf(f).base}index` : `${columnOf(f).base}index.html`);

function sitesFor(p: Portal): Site[] {
  return FAMILIES.map((f) => ({ id: f, start_urls: [`${p.origin}${start(f)}`], render: 'never' as const, rate: RATE }));
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

beforeAll(async () => {
  portal = await startPortal();
  db = openDatabase(':memory:');
  first = await crawl(db, sitesFor(portal), OPTS);
  firstLog = portal.log.splice(0);
  await crawl(db, sitesFor(portal), OPTS);
  secondLog = portal.log.splice(0);
});

afterAll(async () => {
  await portal?.close();
  db?.close();
});

describe('CMS platforms whose lists come from their own endpoints', () => {
  const reached = () => {
    const docs = db.prepare('SELECT url, final_url FROM report_documents').all() as Array<{ url: string; final_url: string }>;
    return new Set(docs.flatMap((d) => [pathOf(d.url), pathOf(d.final_url)]));
  };

  it.each(FAMILIES)('%s: finds every report of the column and fetches no look-alike', (family) => {
    const col = columnOf(family);
    const got = reached();
    for (const path of expectedReportPaths(col)) expect(got, `missing report ${path}`).toContain(path);
    const fetched = firstLog.map((e) => e.url);
    for (const it of col.items.filter((i) => !i.report && !ambiguousInList(i))) expect(fetched).not.toContain(it.path);
  });

  it('counts exactly the reports of the five columns', () => {
    expect(first.reportsFound).toBe(FAMILIES.flatMap((f) => expectedReportPaths(columnOf(f))).length);
  });

  it('older Hanweb jpage: pages by page=, and re-pages at the ceiling the server revealed', () => {
    const proxy = firstLog.filter((e) => e.url.startsWith('/module/jpage/dataproxy.jsp'));
    expect(proxy.every((e) => e.method === 'POST' && e.status === 200)).toBe(true);
    const col = columnOf('hanweb-page');
    const asked = proxy.map((e) => new URL(e.url, 'http://x').searchParams).map((q) => `${q.get('page')}@${q.get('perpage')}`);
    // Asked at the column's 6 per page, cut to 4: the whole list is then asked for 4 at a time.
    expect(asked).toContain(`2@${col.perPage}`);
    expect(asked.filter((a) => a.endsWith(`@${col.ceiling}`)).sort()).toEqual([1, 2, 3, 4].map((n) => `${n}@${col.ceiling}`));
  });

  it('信息公开 module: walks the catalogue’s pages and leaves other columns’ entries alone', () => {
    const col = columnOf('xxgk');
    const search = firstLog.filter((e) => e.url.startsWith('/module/xxgk/search.jsp'));
    expect(search.map((e) => e.url)).toEqual([1, 2, 3].map((n) => `/module/xxgk/search.jsp?divid=div1229505&currpage=${n}`));
    expect(search.every((e) => e.method === 'POST' && e.status === 200)).toBe(true);
    const fetched = new Set(firstLog.concat(secondLog).map((e) => e.url));
    for (const it of col.foreign!) expect(fetched, `fetched another column's ${it.path}`).not.toContain(it.path);
  });

  it('jpaas: pages build/unit with pageNo inside paramJson', () => {
    const units = firstLog.filter((e) => e.url.startsWith('/api-gateway/jpaas-publish-server/front/page/build/unit'));
    const pageNos = units.map((e) => JSON.parse(new URL(e.url, 'http://x').searchParams.get('paramJson')!).pageNo);
    expect(pageNos.sort()).toEqual([1, 2, 3]);
    expect(units.every((e) => e.status === 200)).toBe(true);
  });

  it('gkmlpt: asks the API for the 年报 column with the shell’s SID, and no other column', () => {
    const api = firstLog.filter((e) => e.url.startsWith('/gkmlpt/api/'));
    expect(api.map((e) => e.url).sort()).toEqual([1, 2, 3].map((n) => `/gkmlpt/api/all/2821?page=${n}&sid=755034`));
    expect(firstLog.map((e) => e.url)).not.toContain(columnOf('gkmlpt').foreign![0].path);
  });

  it('TrueCMS: pages getMessage.do by startrecord windows, each with a Referer (the endpoint 404s without)', () => {
    const calls = firstLog.filter((e) => e.url.startsWith('/messageController/getMessage.do'));
    const starts = calls.map((e) => new URL(e.url, 'http://x').searchParams.get('startrecord'));
    expect(starts.sort()).toEqual(['1', '4', '7']);
    expect(calls.every((e) => e.status === 200)).toBe(true);
  });

  it('stays polite: robots.txt first, our User-Agent, and the per-host rate', () => {
    expect(firstLog[0].url).toBe('/robots.txt');
    for (const e of firstLog) expect(e.userAgent).toMatch(/ogi\/.*example\.org\/ogi-contact/);
    const times = firstLog.map((e) => e.t).sort((a, b) => a - b);
    for (let i = 0; i < times.length; i++) expect(times.filter((t) => t >= times[i] && t < times[i] + 1000).length).toBeLessThanOrEqual(RATE + 2);
  });

  it('a second run fetches the same endpoints again (they have no validators) and finds nothing new', () => {
    const endpoints = (log: AccessEntry[]) => log.filter((e) => /dataproxy|search\.jsp|build\/unit|gkmlpt\/api|getMessage/.test(e.url)).map((e) => e.url).sort();
    expect(endpoints(secondLog)).toEqual(endpoints(firstLog));
    const dupes = db.prepare('SELECT count(*) FROM (SELECT site_id, url FROM frontier GROUP BY 1, 2 HAVING count(*) > 1)').pluck().get();
    expect(dupes).toBe(0);
  });
});

describe('resuming a platform column', () => {
  it('a run stopped after three fetches leaves the next search.jsp POSTs in the frontier, bodies and all, for the next run', async () => {
    const p = await startPortal();
    const resumed = openDatabase(':memory:');
    try {
      const site: Site = { id: 'xxgk', start_urls: [`${p.origin}${start('xxgk')}`], render: 'never', rate: 50 };
      await crawl(resumed, [{ ...site, max_pages: 3 }], OPTS);
      const waiting = resumed.prepare(`SELECT url, method, body FROM frontier WHERE state = 'pending' AND url LIKE '%search.jsp%'`).all() as Array<{ method: string; body: string }>;
      expect(waiting.length).toBeGreaterThan(0);
      for (const w of waiting) expect(w).toMatchObject({ method: 'POST', body: expect.stringContaining('area=002489310') });
      p.log.splice(0);
      await crawl(resumed, [site], OPTS);
      const search = p.log.filter((e) => e.url.startsWith('/module/xxgk/search.jsp'));
      expect(search.length).toBeGreaterThan(0);
      expect(search.every((e) => e.status === 200)).toBe(true);
      const docs = new Set((resumed.prepare('SELECT url FROM report_documents').pluck().all() as string[]).map(pathOf));
      for (const path of expectedReportPaths(columnOf('xxgk'))) expect(docs).toContain(path);
    } finally {
      resumed.close();
      await p.close();
    }
  });
});
