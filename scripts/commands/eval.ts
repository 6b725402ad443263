// `ogi eval --gold DIR --corpus DIR [--verbose] [--json]`: parse every gold-labelled report and
// score it — per report and overall precision/recall/F1, approx qualifiers, metadata accuracy.
// Exit 0 whatever the scores; 2 on usage errors (missing or unreadable directories).
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('eval')
    .description('score the parser against gold labels: field precision/recall/F1 and metadata accuracy')
    .requiredOption('--gold <dir>', 'directory of gold *.json files')
    .requiredOption('--corpus <dir>', 'directory holding the files the gold labels name')
    .option('--verbose', 'list misses, wrong values, extras and metadata errors per report')
    .option('--json', 'print the scores as JSON')
    .action(async (opts: { gold: string; corpus: string; verbose?: boolean; json?: boolean }) => {
      const { evaluateDirs, formatSummary, EvalUsageError } = await import('../eval.ts');
      try {
        const summary = await evaluateDirs(opts.gold, opts.corpus);
        process.stdout.write(
          (opts.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, { verbose: opts.verbose })) + '\n',
        );
      } catch (err) {
        if (!(err instanceof EvalUsageError)) throw err;
        process.stderr.write(`ogi eval: ${err.message}\n`);
        setExit(2);
      }
    });
}
