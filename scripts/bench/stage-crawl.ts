// Crawl throughput against the project's local test portal (test/portal/, 127.0.0.1: TRS and
// Hanweb columns, GBK pages, attachments, plus its deliberate faults) with politeness off, against
// a floor of plain GETs of the same URLs at the same concurrency.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { fmt, unavailable, type Figure } from './figures.ts';
import type { DB } from '../../db/open.ts';

const NAME = 'crawl the local test portal';
const CONCURRENCY = 8;

export async function crawlStage(root: string, log: (l: string) => void): Promise<Figure[]> {
  const server = join(root, 'test/portal/server.ts');
  if (!existsSync(server)) return [unavailable('crawl', NAME, 'test/portal/server.ts has not landed')];
  const { startPortal } = (await import(server)) as typeof import('../../test/portal/server.ts');
  const { columnOf } = (await import(join(root, 'test/portal/data.ts'))) as typeof import('../../test/portal/data.ts');
  const { crawl } = await import('../../crawler/index.ts');
  const { openDatabase } = await import('../../db/open.ts');
  // The slow page answers at once here: its sleep would measure the timer, not the crawler.
  const portal = await startPortal({ slowMs: 1, hugeBytes: 3 * 1024 * 1024 });
  try {
    const rate = 1000; // ignored with polite: false; set high anyway
    const sites = [
      { id: 'pingtan', start_urls: [`${portal.origin}${columnOf('trs0').base}`], render: 'never' as const, rate },
      { id: 'caizheng', start_urls: [`${portal.origin}${columnOf('hanweb').base}index.html`], render: 'never' as const, rate },
      { id: 'jinjing', start_urls: [`${portal.origin}${columnOf('trs1').base}index.html`], render: 'never' as const, rate },
    ];
    const db = openDatabase(':memory:');
    log('crawl: the local test portal, politeness off…');
    const opts = { polite: false, concurrency: CONCURRENCY, timeoutMs: 2000, maxBytes: 1024 * 1024, retryBaseMs: 10 };
    const { summary, ms, urls, floorMs } = await timeCrawlAndFloor(db, () => crawl(db, sites, opts));
    const pages = Math.max(1, summary.pagesFetched);
    return [
      {
        stage: 'crawl',
        name: `${NAME} (${summary.pagesFetched} fetches, politeness off, ${CONCURRENCY} in flight)`,
        value: fmt.rate((pages / ms) * 1000, 'pages/s'),
        perItem: fmt.ms(ms / pages, 'page'),
        floor: `plain fetch of the ${urls.length} good URLs ${fmt.ms(floorMs / Math.max(1, urls.length), 'page')}`,
        ratio: fmt.ratio(ms / pages / (floorMs / Math.max(1, urls.length))),
        target: '',
        status: 'info',
        note: `reports found ${summary.reportsFound}; failures by class ${JSON.stringify(summary.failuresByClass)}; the portal's 503/429/redirect faults and retries are part of the crawl time`,
      },
    ];
  } finally {
    await portal.close();
  }
}

/**
 * A clean portal made of corpus pages: one report column, paginated TRS-style (index.html,
 * index_1.html, …, 20 links a page), every link a report page. No faults, so pages/s is the
 * crawler's own cost per page (robots, discovery, archive, frontier) over loopback.
 */
export async function cleanCrawlStage(pages: string[], log: (l: string) => void): Promise<Figure[]> {
  if (pages.length === 0) return [];
  const { crawl } = await import('../../crawler/index.ts');
  const { openDatabase } = await import('../../db/open.ts');
  const perPage = 20;
  const lists = Math.ceil(pages.length / perPage);
  const names = pages.map((p) => basename(p));
  const listPage = (i: number) => {
    const items = names.slice(i * perPage, (i + 1) * perPage);
    // Every page links every other page ("1 2 3 … 尾页"), as TRS lists do, so depth stays 1.
    const pager = Array.from({ length: lists }, (_, k) => (k === i ? `<span>${k + 1}</span>` : `<a href="index${k ? `_${k}` : ''}.html">${k + 1}</a>`)).join(' ');
    const next = (i + 1 < lists ? `<a href="index_${i + 1}.html">下一页</a> ` : '') + pager;
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<div class="position">您当前的位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div><ul class="list">
${items.map((n, j) => `<li><a href="./${n}">测试单位${i * perPage + j}号${2019 + (j % 5)}年政府信息公开工作年度报告</a><span>2024-01-15</span></li>`).join('\n')}
</ul><div class="page">${next}</div></body></html>`;
  };
  const byName = new Map(names.map((n, i) => [n, pages[i]]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const m = /^\/nb\/(?:index(?:_(\d+))?\.html)?$/.exec(path);
    if (m) {
      const i = Number(m[1] ?? 0);
      if (i < lists) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listPage(i));
    }
    const file = path.startsWith('/nb/') ? byName.get(path.slice(4)) : undefined;
    if (file) return void res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(file));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const db = openDatabase(':memory:');
    log(`crawl: a clean generated portal (${pages.length} reports, ${lists} list pages), politeness off…`);
    const { summary, ms, urls, floorMs } = await timeCrawlAndFloor(db, () =>
      crawl(db, [{ id: 'clean', start_urls: [`${origin}/nb/`], render: 'never', rate: 1000 }], {
        polite: false,
        concurrency: CONCURRENCY,
        timeoutMs: 5000,
      }),
    );
    const n = Math.max(1, summary.pagesFetched);
    return [
      {
        stage: 'crawl',
        name: `crawl a clean generated portal (${summary.pagesFetched} fetches, politeness off, ${CONCURRENCY} in flight)`,
        value: fmt.rate((n / ms) * 1000, 'pages/s'),
        perItem: fmt.ms(ms / n, 'page'),
        floor: `plain fetch of the same ${urls.length} URLs ${fmt.ms(floorMs / Math.max(1, urls.length), 'page')}`,
        ratio: fmt.ratio(ms / n / (floorMs / Math.max(1, urls.length))),
        target: '',
        status: 'info',
        note: `reports found ${summary.reportsFound} of ${pages.length}; failures by class ${JSON.stringify(summary.failuresByClass)}; wall clock; SQLite in memory`,
      },
    ];
  } finally {
    await new Promise((r) => server.close(r));
  }
}

/**
 * Times a crawl, then its floor: the same successfully fetched URLs through plain fetch() with
 * CONCURRENCY in flight and bodies read. Closes the database.
 */
async function timeCrawlAndFloor<S>(db: DB, run: () => Promise<S>): Promise<{ summary: S; ms: number; urls: string[]; floorMs: number }> {
  const t0 = performance.now();
  const summary = await run();
  const ms = performance.now() - t0;
  const urls = db.prepare("SELECT DISTINCT url FROM fetches WHERE class = 'ok'").pluck().all() as string[];
  db.close();
  const f0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) await fetch(urls[next++]).then((r) => r.arrayBuffer(), () => undefined);
    }),
  );
  return { summary, ms, urls, floorMs: performance.now() - f0 };
}
