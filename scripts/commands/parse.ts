// `ogi parse FILE... [--jsonl]`: one JSON report per file on stdout.
// Exit 0 parsed; 3 not an annual report; 4 unreadable/unsupported (worst code over all files).
import type { Command } from 'commander';
import type { SetExit } from '../cli.ts';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('parse')
    .description('parse annual report files (HTML, text, PDF, DOCX, DOC) and print their metrics as JSON')
    .argument('<files...>', 'report files')
    .option('--jsonl', 'one JSON object per line instead of pretty-printed JSON')
    .option('--ocr', 'read scanned PDFs with tesseract (Debian tesseract-ocr + chi_sim); their numbers are marked low-confidence')
    .action(async (files: string[], opts: { jsonl?: boolean; ocr?: boolean }) => {
      const { parseFile, describeFailure } = await import('../parse-file.ts');
      for (const file of files) {
        const result = await parseFile(file, { ocr: opts.ocr });
        if (result.ok) {
          process.stdout.write(
            opts.jsonl ? JSON.stringify(result.report) + '\n' : JSON.stringify(result.report, null, 2) + '\n',
          );
        } else {
          process.stderr.write(describeFailure(result) + '\n');
          setExit(result.exitCode);
        }
      }
    });
}
