// What a benchmark worker does with a batch of corpus files: the real parse, or one of the floors.
// Only the call itself is timed (file reads are not), so figures are per-item CPU-bound costs.
import { readFileSync } from 'node:fs';
import { cheerioFloor, cheerioParse5Floor, pdfFloor, textFloor } from './floors.ts';
import { threadCpuMs } from './cpu-time.ts';
import { generateItem, loadSources, type Sources } from './corpus.ts';

export type TaskKind = 'parse' | 'floor';

export interface TaskItem {
  file: string;
  index: number;
  format: 'html' | 'text' | 'pdf';
}

export interface FormatStats {
  items: number;
  /** Wall time inside the timed calls. */
  ms: number;
  /** The worker thread's own CPU time inside the timed calls (NaN where unavailable). */
  cpuMs: number;
  /** Parse only: exit-code-like outcomes (ok, 3, 4, crash). */
  outcomes: Record<string, number>;
  /** PDF pages seen (floor only: pdf.js counts them). */
  pages: number;
  /** Planted numbers given back / planted, over the template items checked. */
  planted: number;
  found: number;
}

export interface TaskResult {
  byFormat: Record<string, FormatStats>;
  /** Wall time of the whole batch in this worker (includes reads). */
  wallMs: number;
  /** Heap used after the batch (this isolate). */
  heapUsed: number;
}

export interface TaskRequest {
  kind: TaskKind;
  items: TaskItem[];
  /** Check planted numbers for items whose index is below this (regenerates them, untimed). */
  checkBelow: number;
  seed: number;
  root: string;
}

let parseBytes: typeof import('../parse-file.ts').parseBytes | undefined;
let sources: Sources | undefined;

export async function runTask(req: TaskRequest): Promise<TaskResult> {
  parseBytes ??= (await import('../parse-file.ts')).parseBytes;
  const started = performance.now();
  const byFormat: Record<string, FormatStats> = {};
  for (const item of req.items) {
    const bytes = readFileSync(item.file);
    const s = (byFormat[item.format] ??= { items: 0, ms: 0, cpuMs: 0, outcomes: {}, pages: 0, planted: 0, found: 0 });
    const c0 = threadCpuMs();
    const t0 = performance.now();
    if (req.kind === 'floor') {
      if (item.format === 'html') {
        // Second reference first, into its own bucket, so the primary floor's timer is clean.
        const p = (byFormat['html:parse5'] ??= { items: 0, ms: 0, cpuMs: 0, outcomes: {}, pages: 0, planted: 0, found: 0 });
        const pc0 = threadCpuMs();
        const pt0 = performance.now();
        cheerioParse5Floor(bytes);
        p.ms += performance.now() - pt0;
        p.cpuMs += threadCpuMs() - pc0;
        p.items++;
        const c1 = threadCpuMs();
        const t1 = performance.now();
        cheerioFloor(bytes);
        s.ms += performance.now() - t1;
        s.cpuMs += threadCpuMs() - c1;
        s.items++;
        continue;
      } else if (item.format === 'text') textFloor(bytes);
      else s.pages += await pdfFloor(bytes);
      s.ms += performance.now() - t0;
      s.cpuMs += threadCpuMs() - c0;
      s.items++;
      continue;
    }
    let outcome: string;
    let metrics: Record<string, number> | undefined;
    try {
      const r = await parseBytes(bytes, item.file);
      outcome = r.ok ? 'ok' : `exit${r.exitCode}:${r.failure}`;
      if (r.ok) metrics = r.report.metrics;
    } catch (err) {
      outcome = `crash:${(err as Error).name}`;
    }
    s.ms += performance.now() - t0;
    s.cpuMs += threadCpuMs() - c0;
    s.items++;
    s.outcomes[outcome] = (s.outcomes[outcome] ?? 0) + 1;
    if (item.index < req.checkBelow && item.format !== 'pdf') {
      sources ??= loadSources(req.root);
      const expected = generateItem(req.seed, item.index, sources).expected;
      if (expected) {
        for (const [k, v] of Object.entries(expected)) {
          s.planted++;
          if (metrics?.[k] === v) s.found++;
        }
      }
    }
  }
  return { byFormat, wallMs: performance.now() - started, heapUsed: process.memoryUsage().heapUsed };
}
