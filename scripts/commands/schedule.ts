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
    .action(async (opts: { sites: string; db: string; cron: string; timezone: string; contact?: string }) => {
      const { Cron } = await import('croner');
      const { createLogger } = await import('../log.ts');
      const { runCommand } = await import('./run.ts');
      const logger = createLogger({ name: 'ogi-schedule' });
      let job: InstanceType<typeof Cron>;
      try {
        job = new Cron(
          opts.cron,
          { timezone: opts.timezone, protect: true, catch: (err) => logger.error({ err }, 'scheduled run failed') },
          async () => {
            logger.info({ sites: opts.sites, db: opts.db }, 'scheduled run starting');
            const code = await runCommand({ sites: opts.sites, db: opts.db, contact: opts.contact, json: true });
            logger.info({ exit: code, next: job.nextRun()?.toISOString() }, 'scheduled run finished');
          },
        );
      } catch (err) {
        process.stderr.write(`ogi: bad --cron expression "${opts.cron}": ${(err as Error).message}\n`);
        setExit(2);
        return;
      }
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
