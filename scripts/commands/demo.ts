// `ogi demo` (= `npm start`): the whole pipeline offline on the bundled sample portal.
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('demo')
    .description('serve the bundled sample portal on 127.0.0.1 and run the whole pipeline on it (offline)')
    .option('--db <file>', 'SQLite database', 'data/ogi.sqlite')
    .option('--out <dir>', 'CSV export directory', 'data/export')
    .action(async (opts: { db: string; out: string }) => {
      const { runDemo } = await import('../sample-portal/demo.ts');
      setExit(await runDemo(opts));
    });
}
