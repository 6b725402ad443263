// `ogi reparse --db FILE`: re-extract every stored document with the current parser (no network)
// — how a parser improvement reaches data crawled long ago.
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('reparse')
    .description('re-extract every stored document with the current parser (no network)')
    .requiredOption('--db <file>', 'SQLite database')
    .option('--json', 'print the summary as JSON')
    .option('--workers <n>', 'parse worker threads (default: one per core; 0 = none)')
    .action(async (opts: { db: string; json?: boolean; workers?: string }) => {
      const { requireDatabase } = await import('../require-db.ts');
      if (!requireDatabase(opts.db)) {
        setExit(2);
        return;
      }
      const { lockDatabaseOrReport, EXIT_LOCKED } = await import('../lock.ts');
      const { openStore } = await import('../../db/store.ts');
      const { reparseAll } = await import('../pipeline.ts');
      const { formatSummary } = await import('../summary.ts');
      const { progressSink } = await import('../progress.ts');
      const { createLogger } = await import('../log.ts');
      const lock = lockDatabaseOrReport(opts.db);
      if (!lock) {
        setExit(EXIT_LOCKED);
        return;
      }
      try {
        const logger = createLogger({ level: process.env.OGI_LOG_LEVEL ?? (process.stderr.isTTY ? 'warn' : 'info') });
        const db = openStore(opts.db);
        try {
          const workers = opts.workers === undefined ? undefined : Number(opts.workers);
          const summary = await reparseAll(db, { logger, progress: await progressSink(), workers });
          process.stdout.write(opts.json ? JSON.stringify(summary) + '\n' : formatSummary(summary) + '\n');
        } finally {
          db.close();
        }
      } finally {
        lock.release();
      }
    });
}
