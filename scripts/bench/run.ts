// `ogi bench`: generate the corpus in a temp dir, then measure memory (single thread, first, so
// the RSS peak is its own), parse throughput and growth, PDF pages/s (worker pool), SQLite load
// and crawl throughput; print the table and write bench/RESULTS.md.
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSources, writeCorpus } from './corpus.ts';
import type { Figure } from './figures.ts';
import { describeMachine } from './machine.ts';
import { WorkerPool } from './pool.ts';
import { consoleTable, resultsMarkdown } from './results.ts';
import { cleanCrawlStage, crawlStage } from './stage-crawl.ts';
import { memoryStage } from './stage-memory.ts';
import { parseStage, pdfStage } from './stage-parse.ts';
import { sqliteStage } from './stage-sqlite.ts';
import type { TaskItem } from './tasks.ts';

export interface BenchOptions {
  n: number;
  quick: boolean;
  seed: number;
  workers: number;
  /** Where RESULTS.md goes; undefined = do not write. */
  resultsFile?: string;
  keepCorpus?: boolean;
  command: string;
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Stage sizes for a run: `--quick` keeps the whole run well under a minute. */
export function plan(o: Pick<BenchOptions, 'n' | 'quick'>) {
  const n = o.n;
  return {
    n,
    growthSizes: [100, 1000, 10_000, 100_000].filter((s) => s < n).concat(n),
    memoryStream: Math.min(n, o.quick ? 400 : 2000),
    pdfFiles: o.quick ? 6 : 30,
    sqliteReports: o.quick ? 200 : 1500,
    crawlPages: o.quick ? 100 : 400,
    checkBelow: Math.min(n, 1000),
  };
}

export async function runBench(o: BenchOptions, log: (l: string) => void): Promise<{ figures: Figure[]; markdown: string }> {
  const started = performance.now();
  const loadStart = describeMachine().load;
  const p = plan(o);
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-corpus-'));
  const figures: Figure[] = [];
  try {
    log(`corpus: generating ${p.n} reports in ${dir}…`);
    const src = loadSources(ROOT);
    const manifest = writeCorpus(dir, p.n, o.seed, src);
    const items: TaskItem[] = manifest.map((m, index) => ({ file: m.file, index, format: m.format }));
    const docs = items.filter((i) => i.format !== 'pdf');
    const pdfs = items.filter((i) => i.format === 'pdf').slice(0, p.pdfFiles);
    const totalBytes = manifest.reduce((s, m) => s + m.bytes, 0);
    const byKind = new Map<string, number>();
    for (const m of manifest) byKind.set(`${m.format}/${m.era}`, (byKind.get(`${m.format}/${m.era}`) ?? 0) + 1);
    const corpus = `${p.n} generated reports (seed ${o.seed}, ${(totalBytes / 1048576).toFixed(0)} MB): ${[...byKind]
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. PDFs are the committed fixtures (${src.pdfs.map((f) => f.name).join(', ') || 'none yet'}).`;

    figures.push(...(await memoryStage(docs, p.memoryStream, log)));
    const pool = await WorkerPool.start(o.workers);
    try {
      figures.push(...(await parseStage({ pool, items: docs, growthSizes: p.growthSizes, seed: o.seed, root: ROOT, checkBelow: p.checkBelow, log })));
      figures.push(...(await pdfStage({ pool, items: pdfs, seed: o.seed, root: ROOT, log })));
    } finally {
      await pool.close();
    }
    figures.push(...(await sqliteStage(o.seed, ROOT, p.sqliteReports, log)));
    figures.push(...(await crawlStage(ROOT, log).catch((err) => [crawlFailed(err)])));
    const cleanPages = docs.filter((d) => d.format === 'html').slice(0, p.crawlPages).map((d) => d.file);
    figures.push(...(await cleanCrawlStage(cleanPages, log).catch((err) => [crawlFailed(err)])));

    const seconds = (performance.now() - started) / 1000;
    const markdown = resultsMarkdown({
      figures,
      machine: describeMachine(),
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      command: o.command,
      seconds,
      corpus,
      findings: readFindings(),
      loadStart,
    });
    if (o.resultsFile) writeFileSync(o.resultsFile, markdown);
    log(`done in ${seconds.toFixed(0)} s`);
    return { figures, markdown };
  } finally {
    if (!o.keepCorpus) rmSync(dir, { recursive: true, force: true });
  }
}

function crawlFailed(err: unknown): Figure {
  return { stage: 'crawl', name: 'crawl the local test portal', value: 'n/a', perItem: '', floor: '', ratio: '', target: '', status: 'n/a', note: `not available: ${(err as Error).message}` };
}

/** Profiling findings kept by hand in scripts/bench/findings.md, appended to RESULTS.md. */
function readFindings(): string[] | undefined {
  const f = join(ROOT, 'scripts/bench/findings.md');
  return existsSync(f) ? readFileSync(f, 'utf8').trim().split('\n') : undefined;
}

export { consoleTable };
