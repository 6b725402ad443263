// `ogi crawl --sites FILE --db FILE [--contact URL]`: crawl only; prints the summary as JSON on
// stdout, a progress bar on a TTY, and one pino JSON line per fetch on stderr.
import { InvalidArgumentError, type Command } from 'commander';
import type { SetExit } from '../cli.ts';

interface CrawlFlags {
  sites: string;
  db: string;
  contact?: string;
  concurrency?: string;
  timeout?: string;
  retryBase?: string;
  maxBytes?: string;
  maxDepth?: string;
  impolite?: boolean;
}

/** Numeric flags are checked at parse time so a typo is a usage error (exit 2), not a NaN deadline. */
function positive(value: string): string {
  if (!(Number(value) > 0)) throw new InvalidArgumentError('expected a positive number');
  return value;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('crawl')
    .description('discover and archive annual reports from the portals in a sites file (crawl only)')
    .requiredOption('--sites <file>', 'YAML sites file')
    .requiredOption('--db <file>', 'SQLite database (created if missing)')
    .option('--contact <url>', 'contact URL announced in the User-Agent')
    .option('--concurrency <n>', 'global cap on requests in flight', positive, '8')
    .option('--timeout <ms>', 'deadline for response headers (and longest body stall) in milliseconds', positive, '20000')
    .option('--retry-base <ms>', 'first retry delay in milliseconds', positive, '1000')
    .option('--max-bytes <n>', 'body size cap in bytes', positive, String(50 * 1024 * 1024))
    .option('--max-depth <n>', 'link depth cap from the start URLs (pagination adds none)', positive, '6')
    .option('--impolite', 'no rate limiting (benchmarks against a local portal only)')
    .action(async (flags: CrawlFlags) => {
      const [{ loadSites, crawl, SitesError }, { openDatabase }, { createLogger }] = await Promise.all([
        import('../../crawler/index.ts'),
        import('../../db/open.ts'),
        import('../log.ts'),
      ]);
      let sites;
      try {
        sites = loadSites(flags.sites);
      } catch (err) {
        if (err instanceof SitesError) {
          process.stderr.write(`ogi crawl: ${err.message}\n`);
          setExit(2);
          return;
        }
        throw err;
      }
      const db = openDatabase(flags.db);
      // Interactive use: the progress bar and per-fetch JSON lines would share one terminal, so the
      // per-fetch lines are kept for non-TTY runs (cron, CI) unless OGI_LOG_LEVEL asks for them.
      const interactive = process.stdout.isTTY && process.stderr.isTTY;
      const logger = createLogger({ name: 'crawl', level: process.env.OGI_LOG_LEVEL ?? (interactive ? 'warn' : 'info') });
      let bar: { update(n: number, p: object): void; setTotal(n: number): void; stop(): void } | undefined;
      if (process.stdout.isTTY) {
        const { SingleBar, Presets } = (await import('cli-progress')).default;
        const b = new SingleBar(
          { format: 'crawl {bar} {value} fetched, {queued} queued | {host}', stream: process.stdout },
          Presets.shades_classic,
        );
        b.start(1, 0, { queued: 0, host: '' });
        bar = b;
      }
      try {
        const summary = await crawl(db, sites, {
          contact: flags.contact,
          logger,
          concurrency: Number(flags.concurrency),
          timeoutMs: Number(flags.timeout),
          retryBaseMs: Number(flags.retryBase),
          maxBytes: Number(flags.maxBytes),
          maxDepth: Number(flags.maxDepth),
          polite: !flags.impolite,
          onProgress: (p) => {
            bar?.setTotal(p.fetched + p.queued);
            bar?.update(p.fetched, { queued: p.queued, host: p.host });
          },
        });
        bar?.stop();
        process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      } finally {
        db.close();
      }
    });
}
