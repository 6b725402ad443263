// `ogi query --db FILE "SQL" [--format table|csv|json]`: read-only SQL over the dataset.
import { Option, type Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('query')
    .description('run a read-only SQL query and print the result')
    .requiredOption('--db <file>', 'SQLite database')
    .argument('<sql>', 'one SQL statement (SELECT, WITH …, PRAGMA that only reads)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (sql: string, opts: { db: string; format: 'table' | 'csv' | 'json' }) => {
      const { runQuery, formatQueryResult, QueryError } = await import('../../db/query.ts');
      try {
        process.stdout.write(formatQueryResult(runQuery(opts.db, sql), opts.format));
      } catch (err) {
        if (err instanceof QueryError) {
          process.stderr.write(`ogi: ${err.message}\n`);
          setExit(2);
          return;
        }
        throw err;
      }
    });
}
