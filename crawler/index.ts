// The crawler's public surface: load the sites file, crawl into SQLite, read archived bytes back.
export type { Site, RenderMode, CrawlOptions, CrawlSummary, CrawlProgress } from './types.ts';
export { loadSites, SitesError } from './sites.ts';
export { crawl } from './crawl.ts';
export { readBlob } from './archive.ts';
