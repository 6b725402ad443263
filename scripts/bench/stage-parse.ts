// Parse throughput by format against its floor, growth from 100 to N items, and PDF pages/s —
// all on the worker pool, so per-core figures come from the summed busy time of the workers.
import { fmt, type Figure } from './figures.ts';
import type { WorkerPool, PoolRun } from './pool.ts';
import type { TaskItem } from './tasks.ts';
import type { FormatStats } from './tasks.ts';

export const TARGETS = {
  reportsPerCore: 500,
  floorRatio: 3,
  pdfPagesPerSec: 20,
  growthRatio: 1.5,
};

const LABEL: Record<string, string> = {
  html: 'parse HTML portal pages',
  text: 'parse scraped text',
  pdf: 'parse PDF',
};

/** Per-item cost on one core: the worker threads' CPU time where the OS gives it, else wall. */
function perItemMs(s: FormatStats | undefined): number {
  if (!s || !s.items) return NaN;
  return Number.isFinite(s.cpuMs) && s.cpuMs > 0 ? s.cpuMs / s.items : s.ms / s.items;
}

function wallNote(s: FormatStats): string {
  return `wall inside the call ${fmt.ms(s.ms / s.items, 'item')}`;
}

function outcomesNote(s: FormatStats): string {
  const parts = Object.entries(s.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([o, n]) => `${o} ${n}`);
  const planted = s.planted ? `; planted numbers given back ${((100 * s.found) / s.planted).toFixed(1)}%` : '';
  return `outcomes: ${parts.join(', ')}${planted}`;
}

function mergeStats(run: PoolRun, formats: string[]): FormatStats {
  const out: FormatStats = { items: 0, ms: 0, cpuMs: 0, outcomes: {}, pages: 0, planted: 0, found: 0 };
  for (const f of formats) {
    const s = run.byFormat[f];
    if (!s) continue;
    out.items += s.items;
    out.ms += s.ms;
    out.cpuMs += s.cpuMs;
    out.planted += s.planted;
    out.found += s.found;
    for (const [o, n] of Object.entries(s.outcomes)) out.outcomes[o] = (out.outcomes[o] ?? 0) + n;
  }
  return out;
}

export interface ParseStageOptions {
  pool: WorkerPool;
  items: TaskItem[]; // html + text items of the corpus, in corpus order
  growthSizes: number[];
  seed: number;
  root: string;
  checkBelow: number;
  log: (line: string) => void;
}

export async function parseStage(o: ParseStageOptions): Promise<Figure[]> {
  const run = (kind: 'parse' | 'floor', items: TaskItem[], checkBelow = 0) =>
    o.pool.run(kind, items, { seed: o.seed, root: o.root, checkBelow });
  // Warm-up: module loading, dictionaries and JIT are paid once per worker, not per report.
  const warm = o.items.slice(0, Math.min(o.items.length, 50 * o.pool.size));
  await run('parse', warm);
  await run('floor', warm);

  const growth: { n: number; perItem: number; wall: number }[] = [];
  let last: PoolRun | undefined;
  for (const n of o.growthSizes) {
    o.log(`parse: ${n} reports on ${o.pool.size} workers…`);
    const r = await run('parse', o.items.slice(0, n), n === o.growthSizes.at(-1) ? o.checkBelow : 0);
    const all = mergeStats(r, ['html', 'text']);
    growth.push({ n: all.items, perItem: perItemMs(all), wall: r.wallMs });
    last = r;
  }
  o.log(`floor: cheerio/text over ${o.items.length} items…`);
  const floor = await run('floor', o.items);
  const figures: Figure[] = [];
  const parse = last!;
  for (const f of ['html', 'text']) {
    const s = parse.byFormat[f];
    if (!s) continue;
    const per = perItemMs(s);
    const fl = perItemMs(floor.byFormat[f]);
    const rate = 1000 / per;
    const ratio = per / fl;
    const okRate = rate >= TARGETS.reportsPerCore;
    const okRatio = f !== 'html' || ratio <= TARGETS.floorRatio;
    figures.push({
      stage: 'parse',
      name: `${LABEL[f]} (${s.items} reports)`,
      value: fmt.rate(rate, 'reports/s/core'),
      perItem: fmt.ms(per, 'report'),
      floor: `${f === 'html' ? 'decode + cheerio.load (htmlparser2) + text' : 'decode + split lines'} ${fmt.ms(fl, 'report')}`,
      ratio: fmt.ratio(ratio),
      target: f === 'html' ? `≥ ${TARGETS.reportsPerCore}/s/core, ≤ ${TARGETS.floorRatio}× floor` : `≥ ${TARGETS.reportsPerCore}/s/core`,
      status: okRate && okRatio ? 'met' : 'missed',
      note:
        `${outcomesNote(s)}; ${wallNote(s)}` +
        (f === 'html' && floor.byFormat['html:parse5']
          ? `; cheerio's default loadBuffer (sniffing + parse5) + text: ${fmt.ms(perItemMs(floor.byFormat['html:parse5']), 'report')} (parse ${fmt.ratio(per / perItemMs(floor.byFormat['html:parse5']))} of it)`
          : ''),
    });
  }
  const all = mergeStats(parse, ['html', 'text']);
  const wallRate = (all.items / parse.wallMs) * 1000;
  figures.push({
    stage: 'parse',
    name: `parse HTML+text, ${parse.workers} worker threads (wall clock)`,
    value: fmt.rate(wallRate, 'reports/s'),
    perItem: fmt.ms(parse.wallMs / all.items, 'report (wall)'),
    floor: '',
    ratio: '',
    target: '',
    status: 'info',
    note: `${all.items} reports in ${(parse.wallMs / 1000).toFixed(1)} s`,
  });
  if (growth.length > 1) {
    const base = growth[0].perItem;
    const worst = Math.max(...growth.map((g) => g.perItem / base));
    figures.push({
      stage: 'growth',
      name: `parse cost per report at ${growth.map((g) => g.n.toLocaleString('en-US')).join(' → ')} items`,
      value: growth.map((g) => g.perItem.toFixed(3)).join(' → ') + ' ms',
      perItem: '',
      floor: '',
      ratio: `${fmt.ratio(growth.at(-1)!.perItem / base)} (last/first)`,
      target: `per-item cost flat (≤ ${TARGETS.growthRatio}×)`,
      status: worst <= TARGETS.growthRatio ? 'met' : 'missed',
      note: `wall ${growth.map((g) => (g.wall / 1000).toFixed(2) + ' s').join(' → ')}`,
    });
  }
  return figures;
}

export async function pdfStage(o: Omit<ParseStageOptions, 'growthSizes' | 'checkBelow'>): Promise<Figure[]> {
  if (o.items.length === 0) return [];
  const run = (kind: 'parse' | 'floor', items: TaskItem[]) => o.pool.run(kind, items, { seed: o.seed, root: o.root, batch: 2 });
  await run('parse', o.items.slice(0, o.pool.size));
  await run('floor', o.items.slice(0, o.pool.size));
  o.log(`pdf: ${o.items.length} PDFs…`);
  const parse = (await run('parse', o.items)).byFormat.pdf;
  const floor = (await run('floor', o.items)).byFormat.pdf;
  const pages = floor.pages;
  const perPage = (perItemMs(parse) * parse.items) / pages;
  const floorPerPage = (perItemMs(floor) * floor.items) / pages;
  const rate = 1000 / perPage;
  if (!parse.outcomes.ok) {
    return [
      {
        stage: 'parse',
        name: `parse PDF (${parse.items} files, ${pages} pages)`,
        value: 'n/a',
        perItem: '',
        floor: `pdf.js getTextContent ${fmt.ms(floorPerPage, 'page')}`,
        ratio: '',
        target: `≥ ${TARGETS.pdfPagesPerSec} pages/s`,
        status: 'n/a',
        note: `not available: the parser returned no report for any PDF (${outcomesNote(parse)})`,
      },
    ];
  }
  return [
    {
      stage: 'parse',
      name: `parse PDF (${parse.items} files, ${pages} pages)`,
      value: fmt.rate(rate, 'pages/s/core'),
      perItem: fmt.ms(perPage, 'page'),
      floor: `pdf.js getTextContent ${fmt.ms(floorPerPage, 'page')}`,
      ratio: fmt.ratio(perPage / floorPerPage),
      target: `≥ ${TARGETS.pdfPagesPerSec} pages/s`,
      status: rate >= TARGETS.pdfPagesPerSec ? 'met' : 'missed',
      note: `${outcomesNote(parse)}; ${wallNote(parse)} (file)`,
    },
  ];
}
