// Memory while parsing a stream of reports in one thread: heap after a full GC at checkpoints
// (it must not climb with the number of reports) and the process's peak RSS. Runs before the
// worker pool starts so the RSS peak is this stream's own.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fmt, type Figure } from './figures.ts';
import type { TaskItem } from './tasks.ts';

/** `global.gc` without needing `--expose-gc` on the command line. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export const HEAP_GROWTH_LIMIT = 16 * 1048576;

export async function memoryStage(items: TaskItem[], count: number, log: (l: string) => void): Promise<Figure[]> {
  if (items.length === 0) return [];
  const { parseBytes } = await import('../parse-file.ts');
  const gc = collector();
  const warm = Math.min(50, count);
  const checkpoints = [...new Set([100, 1000, count].filter((n) => n > warm && n <= count))];
  const heap: { n: number; bytes: number }[] = [];
  log(`memory: streaming ${count} reports through one parser…`);
  for (let i = 0; i < count; i++) {
    const item = items[i % items.length];
    await parseBytes(readFileSync(item.file), item.file).catch(() => undefined);
    if (i + 1 === warm || checkpoints.includes(i + 1)) {
      gc();
      heap.push({ n: i + 1, bytes: process.memoryUsage().heapUsed });
    }
  }
  const rss = process.resourceUsage().maxRSS * 1024;
  const growth = heap.at(-1)!.bytes - heap[0].bytes;
  return [
    {
      stage: 'memory',
      name: `heap after GC while parsing a stream (${heap.map((h) => h.n.toLocaleString('en-US')).join(' → ')} reports)`,
      value: heap.map((h) => fmt.mb(h.bytes)).join(' → '),
      perItem: `${((growth / Math.max(1, heap.at(-1)!.n - heap[0].n)) / 1024).toFixed(2)} KB/report retained`,
      floor: '',
      ratio: `${fmt.ratio(heap.at(-1)!.bytes / heap[0].bytes)} (last/first)`,
      target: `flat (growth < ${fmt.mb(HEAP_GROWTH_LIMIT)})`,
      status: growth < HEAP_GROWTH_LIMIT ? 'met' : 'missed',
    },
    {
      stage: 'memory',
      name: 'peak RSS of the process during the stream',
      value: fmt.mb(rss),
      perItem: '',
      floor: '',
      ratio: '',
      target: '',
      status: 'info',
      note: 'process.resourceUsage().maxRSS, before any worker thread exists',
    },
  ];
}
