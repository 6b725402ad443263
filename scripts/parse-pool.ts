// Parsing on worker threads, one per core: the parser is CPU-bound and SQLite writes stay on the
// main thread. A document whose parse does not finish within the time limit is recorded as a
// `parse_timeout` failure and its worker replaced, so one hostile file cannot hang a nightly run.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ParsedDocument } from '../db/store.ts';

export interface ParsePool {
  readonly size: number;
  parse(bytes: Uint8Array, name: string, contentType?: string): Promise<ParsedDocument>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  size?: number;
  /** Per-document limit; default 120 s (a 300-page PDF on a busy core stays well inside it). */
  timeoutMs?: number;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  name: string;
  contentType?: string;
  resolve(r: ParsedDocument): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

function spawnWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_URL);
    w.once('error', reject);
    w.once('message', () => {
      w.off('error', reject);
      resolve(w);
    });
  });
}

export async function startParsePool(opts: ParsePoolOptions = {}): Promise<ParsePool> {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const attach = (slot: Slot) => {
    slot.worker.on('message', (msg: { id: number; result: ParsedDocument }) => {
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      finish(slot, msg.result);
    });
    slot.worker.on('error', (err) => {
      const job = slot.job;
      if (job) finish(slot, { ok: false, failure: 'parser_error', message: `parser worker crashed: ${err.message}` }, true);
    });
  };

  const replace = async (slot: Slot) => {
    await slot.worker.terminate().catch(() => undefined);
    if (closed) return;
    slot.worker = await spawnWorker();
    attach(slot);
    pump(slot);
  };

  const finish = (slot: Slot, result: ParsedDocument, broken = false) => {
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job!;
    slot.job = undefined;
    slot.timer = undefined;
    job.resolve(result);
    if (broken) void replace(slot);
    else pump(slot);
  };

  const pump = (slot: Slot) => {
    if (slot.job || closed) return;
    const job = queue.shift();
    if (!job) return;
    slot.job = job;
    slot.timer = setTimeout(() => {
      finish(slot, { ok: false, failure: 'parse_timeout', message: `parsing took longer than ${timeoutMs / 1000} s; skipped` }, true);
    }, timeoutMs);
    slot.worker.postMessage({ id: job.id, bytes: job.bytes, name: job.name, contentType: job.contentType });
  };

  for (const worker of await Promise.all(Array.from({ length: size }, spawnWorker))) {
    const slot: Slot = { worker };
    attach(slot);
    slots.push(slot);
  }

  return {
    size,
    parse(bytes, name, contentType) {
      return new Promise<ParsedDocument>((resolve) => {
        queue.push({ id: nextId++, bytes, name, contentType, resolve });
        for (const slot of slots) pump(slot);
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) if (slot.timer) clearTimeout(slot.timer);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
