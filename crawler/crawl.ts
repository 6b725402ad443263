// The crawl loop (placeholder while the modules land; signature is the contract).
import type { DB } from '../db/open.ts';
import type { CrawlOptions, CrawlSummary, Site } from './types.ts';

export async function crawl(_db: DB, _sites: Site[], _opts: CrawlOptions = {}): Promise<CrawlSummary> {
  throw new Error('crawl: not implemented yet');
}
