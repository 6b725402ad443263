// The `ogi` command line. Each subcommand lives in scripts/commands/<name>.ts and exports
// `register(program, setExit)`; heavy modules are imported inside the action so `ogi parse`
// does not pay for SQLite or the browser.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';

export type SetExit = (code: number) => void;
export interface CommandModule {
  register(program: Command, setExit: SetExit): void;
}

const COMMANDS: Array<() => Promise<CommandModule>> = [
  () => import('./commands/parse.ts'),
  () => import('./commands/crawl.ts'),
  () => import('./commands/run.ts'),
  () => import('./commands/reparse.ts'),
  () => import('./commands/export.ts'),
  () => import('./commands/query.ts'),
  () => import('./commands/schedule.ts'),
  () => import('./commands/demo.ts'),
  () => import('./commands/search.ts'),
  () => import('./commands/bench.ts'),
  () => import('./commands/eval.ts'),

];

export const VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

export async function main(argv: string[]): Promise<number> {
  let exit = 0;
  const setExit: SetExit = (code) => {
    exit = Math.max(exit, code);
  };
  const program = new Command('ogi')
    .description('Government information disclosure annual reports → a clean dataset')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError();
  for (const load of COMMANDS) (await load()).register(program, setExit);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`ogi: ${(err as Error).stack ?? err}\n`);
    return 1;
  }
  return exit;
}
