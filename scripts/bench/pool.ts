// A pool of worker threads (one per core) that share out batches of corpus items and add up their
// per-format timings. Per-core throughput = items / summed busy time; wall throughput = items /
// elapsed time of the whole pool.
import { Worker } from 'node:worker_threads';
import type { FormatStats, TaskItem, TaskKind, TaskRequest, TaskResult } from './tasks.ts';

export interface PoolRun {
  byFormat: Record<string, FormatStats>;
  wallMs: number;
  workers: number;
  /** Largest heap any worker reported after a batch. */
  maxWorkerHeap: number;
}

type Reply = { ok: true; result: TaskResult } | { ok: false; error: string };

export class WorkerPool {
  private constructor(private readonly workers: Worker[]) {}

  static async start(size: number): Promise<WorkerPool> {
    const workers = await Promise.all(
      Array.from({ length: size }, async () => {
        const w = new Worker(new URL('./worker.mjs', import.meta.url));
        await new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        });
        return w;
      }),
    );
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  private send(w: Worker, req: TaskRequest): Promise<TaskResult> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      w.once('error', onError);
      w.once('message', (reply: Reply) => {
        w.off('error', onError);
        if (reply.ok) resolve(reply.result);
        else reject(new Error(reply.error));
      });
      w.postMessage(req);
    });
  }

  async run(
    kind: TaskKind,
    items: TaskItem[],
    opts: { seed: number; root: string; checkBelow?: number; batch?: number },
  ): Promise<PoolRun> {
    const batch = opts.batch ?? 25;
    let next = 0;
    const byFormat: Record<string, FormatStats> = {};
    let maxWorkerHeap = 0;
    const started = performance.now();
    await Promise.all(
      this.workers.map(async (w) => {
        while (next < items.length) {
          const slice = items.slice(next, next + batch);
          next += batch;
          const r = await this.send(w, { kind, items: slice, checkBelow: opts.checkBelow ?? 0, seed: opts.seed, root: opts.root });
          maxWorkerHeap = Math.max(maxWorkerHeap, r.heapUsed);
          for (const [fmt, s] of Object.entries(r.byFormat)) {
            const t = (byFormat[fmt] ??= { items: 0, ms: 0, cpuMs: 0, outcomes: {}, pages: 0, planted: 0, found: 0 });
            t.items += s.items;
            t.ms += s.ms;
            t.cpuMs += s.cpuMs;
            t.pages += s.pages;
            t.planted += s.planted;
            t.found += s.found;
            for (const [o, n] of Object.entries(s.outcomes)) t.outcomes[o] = (t.outcomes[o] ?? 0) + n;
          }
        }
      }),
    );
    return { byFormat, wallMs: performance.now() - started, workers: this.workers.length, maxWorkerHeap };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
