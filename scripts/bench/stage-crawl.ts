// Crawl throughput against the project's local test portal (test/portal/, 127.0.0.1: TRS and
// Hanweb columns, GBK pages, attachments, plus its deliberate faults) with politeness off, against
// a floor of plain GETs of the same URLs at the same concurrency.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, unavailable, type Figure } from './figures.ts';

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
    const t0 = performance.now();
    const summary = await crawl(db, sites, opts);
    const ms = performance.now() - t0;
    const urls = db.prepare("SELECT DISTINCT url FROM fetches WHERE class = 'ok'").pluck().all() as string[];
    db.close();
    // Floor: the same successful URLs, fetched with plain fetch(), bodies read.
    const f0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < urls.length) await fetch(urls[next++]).then((r) => r.arrayBuffer(), () => undefined);
      }),
    );
    const floorMs = performance.now() - f0;
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
