// `ogi schedule --sites FILE --db FILE --cron "0 2 * * *"`: the nightly job as a long-running
// process (croner, Asia/Shanghai). Each tick runs the same pipeline as `ogi run` under the same
// lock, so a tick never overlaps a running tick nor a manual `ogi run` (it is skipped, logged).
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('schedule')
    .description('run the pipeline on a cron schedule (Asia/Shanghai), never two runs at once')
    .requiredOption('--sites <file>', 'sites file (YAML)')
    .requiredOption('--db <file>', 'SQLite database')
    .option('--cron <expr>', 'cron expression (5 or 6 fields)', '0 2 * * *')
    .option('--timezone <tz>', 'time zone of the cron expression', 'Asia/Shanghai')
    .option('--contact <url>', 'contact URL named in the User-Agent')
    .option('--dry-run', 'print the next five run times and exit')
    .action(async (opts: { sites: string; db: string; cron: string; timezone: string; contact?: string; dryRun?: boolean }) => {
      const { schedule, nextRuns } = await import('../schedule.ts');
      const { createLogger } = await import('../log.ts');
      const { runCommand, EXIT_LOCKED } = await import('./run.ts');
      let upcoming: Date[];
      try {
        upcoming = nextRuns(opts, 5);
      } catch (err) {
        process.stderr.write(`ogi: bad --cron expression "${opts.cron}": ${(err as Error).message}\n`);
        setExit(2);
        return;
      }
      if (opts.dryRun) {
        for (const d of upcoming) process.stdout.write(`${d.toISOString()}\n`);
        return;
      }
      const logger = createLogger({ name: 'ogi-schedule' });
      const job = schedule({ ...opts, onError: (err) => logger.error({ err }, 'scheduled run failed') }, async () => {
        logger.info({ sites: opts.sites, db: opts.db }, 'scheduled run starting');
        const code = await runCommand({ sites: opts.sites, db: opts.db, contact: opts.contact, json: true });
        if (code === EXIT_LOCKED) logger.warn({ db: opts.db }, 'another run holds the lock; tick skipped');
        logger.info({ exit: code, next: job.nextRun()?.toISOString() }, 'scheduled run finished');
      });
      logger.info({ cron: opts.cron, timezone: opts.timezone, next: job.nextRun()?.toISOString() }, 'scheduler started');
      await new Promise<void>((resolve) => {
        const stop = () => {
          job.stop();
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
