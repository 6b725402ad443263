// `ogi search --db FILE WORDS…`: full-text search over the current reports' text, the query
// segmented into words the way the index was (see db/fts.ts).
import { Option, type Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('search')
    .description('find current reports whose text contains the given words (e.g. 疫情, 不予公开)')
    .requiredOption('--db <file>', 'SQLite database')
    .argument('<words...>', 'words or phrases; several terms must all occur')
    .option('--limit <n>', 'most hits to print', '50')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(async (words: string[], opts: { db: string; limit: string; format: 'table' | 'csv' | 'json' }) => {
      const { requireDatabase } = await import('../require-db.ts');
      if (!requireDatabase(opts.db)) {
        setExit(2);
        return;
      }
      const { openDatabase } = await import('../../db/open.ts');
      const { searchReports } = await import('../../db/fts.ts');
      const { formatQueryResult } = await import('../../db/query.ts');
      const db = openDatabase(opts.db, { readonly: true });
      try {
        const hits = searchReports(db, words.join(' '), Number(opts.limit) || 50);
        const columns = ['report_id', 'year', 'region_code', 'agency', 'title', 'snippet'] as const;
        process.stdout.write(formatQueryResult({ columns: [...columns], rows: hits.map((h) => columns.map((c) => h[c])) }, opts.format));
      } finally {
        db.close();
      }
    });
}
