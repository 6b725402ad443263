// Crawl throughput against the project's local test portal (test/portal/, 127.0.0.1) with
// politeness off, against a floor of plain GETs of the same URLs at the same concurrency.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, unavailable, type Figure } from './figures.ts';

export async function crawlStage(root: string, log: (l: string) => void): Promise<Figure[]> {
  const portalDir = join(root, 'test/portal');
  const target = 'pages/s (no target set)';
  if (!existsSync(portalDir)) return [unavailable('crawl', 'crawl the local test portal', 'test/portal/ has not landed', target)];
  const candidates = ['server.ts', 'index.ts', 'portal.ts'].map((f) => join(portalDir, f)).filter(existsSync);
  if (candidates.length === 0) return [unavailable('crawl', 'crawl the local test portal', 'no server module in test/portal/', target)];
  const mod = (await import(candidates[0])) as Record<string, unknown>;
  const start = (mod.startPortal ?? mod.startServer ?? mod.start) as
    | ((opts?: unknown) => Promise<{ url?: string; origin?: string; baseUrl?: string; sitesYaml?: string; sites?: unknown; close: () => Promise<void> | void }>)
    | undefined;
  if (typeof start !== 'function') return [unavailable('crawl', 'crawl the local test portal', `test/portal exports no start function (${Object.keys(mod).join(', ')})`, target)];
  const crawler = await import('../../crawler/index.ts');
  const { openDatabase } = await import('../../db/open.ts');
  const portal = await start();
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-crawl-'));
  try {
    const sites = portal.sites as import('../../crawler/types.ts').Site[] | undefined;
    if (!Array.isArray(sites)) return [unavailable('crawl', 'crawl the local test portal', 'the portal does not describe its sites', target)];
    const db = openDatabase(join(dir, 'crawl.sqlite'));
    log('crawl: the local portal, politeness off…');
    const t0 = performance.now();
    const summary = await crawler.crawl(db, sites, { polite: false, concurrency: 8 });
    const ms = performance.now() - t0;
    const urls = db.prepare("SELECT DISTINCT url FROM fetches WHERE class = 'ok' AND url LIKE 'http%'").pluck().all() as string[];
    db.close();
    // Floor: the same URLs fetched with plain fetch(), 8 at a time, bodies read.
    const f0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < urls.length) {
          const u = urls[next++];
          await fetch(u).then((r) => r.arrayBuffer()).catch(() => undefined);
        }
      }),
    );
    const floorMs = performance.now() - f0;
    const rate = (summary.pagesFetched / ms) * 1000;
    return [
      {
        stage: 'crawl',
        name: `crawl the local test portal (${summary.pagesFetched} pages, politeness off)`,
        value: fmt.rate(rate, 'pages/s'),
        perItem: fmt.ms(ms / Math.max(1, summary.pagesFetched), 'page'),
        floor: `plain fetch of the same ${urls.length} URLs ${fmt.ms(floorMs / Math.max(1, urls.length), 'page')}`,
        ratio: fmt.ratio(ms / Math.max(1, summary.pagesFetched) / (floorMs / Math.max(1, urls.length))),
        target,
        status: 'info',
        note: `reports found ${summary.reportsFound}; failures ${JSON.stringify(summary.failuresByClass)}; includes the portal's deliberately slow pages`,
      },
    ];
  } finally {
    await portal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
