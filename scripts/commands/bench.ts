// `ogi bench [--n 10000] [--quick]`: performance figures against floors measured in the same run,
// printed as a table and written to bench/RESULTS.md (see scripts/bench/run.ts).
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('bench')
    .description('benchmark parse, PDF, SQLite load, crawl and memory on a generated corpus; writes bench/RESULTS.md')
    .option('--n <count>', 'reports in the generated corpus', (v) => Number.parseInt(v, 10))
    .option('--quick', 'a smaller run (well under a minute)')
    .option('--seed <seed>', 'corpus seed', (v) => Number.parseInt(v, 10), 1)
    .option('--workers <count>', 'worker threads (default: one per core)', (v) => Number.parseInt(v, 10))
    .option('--out <file>', 'where to write the results', 'bench/RESULTS.md')
    .option('--no-write', 'print only, do not write the results file')
    .option('--keep-corpus', 'leave the generated corpus in its temp dir')
    .action(async (opts: { n?: number; quick?: boolean; seed: number; workers?: number; out: string; write: boolean; keepCorpus?: boolean }) => {
      const { availableParallelism } = await import('node:os');
      const { resolve } = await import('node:path');
      const { runBench, consoleTable, ROOT } = await import('../bench/run.ts');
      const n = opts.n ?? (opts.quick ? 1000 : 10_000);
      const command = ['npm run bench', opts.quick ? '-- --quick' : '', opts.n ? `--n ${opts.n}` : ''].filter(Boolean).join(' ');
      const { figures } = await runBench(
        {
          n,
          quick: Boolean(opts.quick),
          seed: opts.seed,
          workers: opts.workers ?? Math.max(1, availableParallelism()),
          resultsFile: opts.write ? resolve(ROOT, opts.out) : undefined,
          keepCorpus: opts.keepCorpus,
          command,
        },
        (line) => process.stderr.write(`bench: ${line}\n`),
      );
      process.stdout.write(consoleTable(figures) + '\n');
    });
}
