// `ogi export --db FILE --out DIR [--bom]`: metrics_long.csv, reports_wide.csv, checks.csv.
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('export')
    .description('write metrics_long.csv, reports_wide.csv and checks.csv for the current reports')
    .requiredOption('--db <file>', 'SQLite database')
    .requiredOption('--out <dir>', 'output directory')
    .option('--bom', 'start each file with a UTF-8 byte-order mark (for Excel)')
    .action(async (opts: { db: string; out: string; bom?: boolean }) => {
      const { requireDatabase } = await import('../require-db.ts');
      if (!requireDatabase(opts.db)) {
        setExit(2);
        return;
      }
      const { openDatabase } = await import('../../db/open.ts');
      const { exportCsvs } = await import('../../db/export.ts');
      const db = openDatabase(opts.db);
      try {
        for (const f of exportCsvs(db, opts.out, { bom: opts.bom }).files) {
          process.stdout.write(`${f.path}\t${f.rows} rows\n`);
        }
      } finally {
        db.close();
      }
    });
}
