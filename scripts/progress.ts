// Progress for long runs: bars on a terminal (cli-progress), nothing extra otherwise — off a TTY
// the pipeline's pino lines (one per fetch and per document) are the progress record.
import type { ProgressSink } from './pipeline.ts';

export async function progressSink(): Promise<ProgressSink> {
  if (!process.stderr.isTTY) return {};
  const { default: cliProgress } = await import('cli-progress');
  const bars = new cliProgress.MultiBar(
    { stream: process.stderr, hideCursor: true, clearOnComplete: false, format: '{stage} [{bar}] {value}/{total} {detail}' },
    cliProgress.Presets.shades_classic,
  );
  let crawlBar: ReturnType<typeof bars.create> | undefined;
  let extractBar: ReturnType<typeof bars.create> | undefined;
  return {
    crawl(p) {
      crawlBar ??= bars.create(1, 0, { stage: 'crawl  ', detail: '' });
      crawlBar.setTotal(Math.max(1, p.fetched + p.queued));
      crawlBar.update(p.fetched, { detail: p.host });
    },
    extractStart(total) {
      extractBar = bars.create(Math.max(1, total), 0, { stage: 'extract', detail: '' });
    },
    extracted(done, _total, _doc, outcome) {
      extractBar?.update(done, { detail: outcome });
    },
    stop() {
      bars.stop();
    },
  };
}
