// `ogi run --sites FILE --db FILE [--contact URL]`: crawl → extract → normalize → load, under the
// database's lock; prints the closing summary. Safe to kill and re-run at any point.
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';
import { EXIT_LOCKED } from '../lock.ts';

export { EXIT_LOCKED };

export function register(program: Command, setExit: SetExit): void {
  program
    .command('run')
    .description('crawl the sites, extract and load every new or changed report (resumable)')
    .requiredOption('--sites <file>', 'sites file (YAML)')
    .requiredOption('--db <file>', 'SQLite database (created if missing)')
    .option('--contact <url>', 'contact URL named in the User-Agent')
    .option('--json', 'print the summary as JSON')
    .option('--workers <n>', 'parse worker threads (default: one per core; 0 = none)')
    .action(async (opts: { sites: string; db: string; contact?: string; json?: boolean; workers?: string }) => {
      setExit(await runCommand(opts));
    });
}

export async function runCommand(opts: { sites: string; db: string; contact?: string; json?: boolean; workers?: string }): Promise<number> {
  const { loadSites, SitesError } = await import('../../crawler/index.ts');
  const { lockDatabaseOrReport } = await import('../lock.ts');
  const { openStore } = await import('../../db/store.ts');
  const { runPipeline } = await import('../pipeline.ts');
  const { formatSummary } = await import('../summary.ts');
  const { progressSink } = await import('../progress.ts');
  const { createLogger } = await import('../log.ts');

  let sites;
  try {
    sites = loadSites(opts.sites);
  } catch (err) {
    if (err instanceof SitesError) {
      process.stderr.write(`ogi: ${opts.sites}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const lock = lockDatabaseOrReport(opts.db);
  if (!lock) return EXIT_LOCKED;
  try {
    const logger = createLogger({ level: process.env.OGI_LOG_LEVEL ?? (process.stderr.isTTY ? 'warn' : 'info') });
    const db = openStore(opts.db);
    try {
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      const summary = await runPipeline(db, sites, { logger, contact: opts.contact, progress: await progressSink(), workers });
      logger.info({ summary }, 'run finished');
      process.stdout.write(opts.json ? JSON.stringify(summary) + '\n' : formatSummary(summary) + '\n');
    } finally {
      db.close();
    }
  } finally {
    lock.release();
  }
  return 0;
}
