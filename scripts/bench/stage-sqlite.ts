// SQLite load: metric rows per second through the store's own loader (db/load.ts loadReport: one
// transaction per document, versions and sources resolved), against a floor of bare prepared
// INSERTs of the same report and metric rows, one transaction per report, into the same schema.
// Reports are synthesised from the corpus generator's planted numbers, so this figure does not
// depend on how well the parser is doing today.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { fmt, unavailable, type Figure } from './figures.ts';
import { generateItem, loadSources } from './corpus.ts';
import type { Report, MetricDetail } from '../../normalize/types.ts';
import { unitOf } from '../../normalize/dictionary.ts';

export const TARGET_ROWS_PER_SEC = 50_000;

/** CPU time (user + system) since `start`: the load is synchronous on this thread. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function synthesise(seed: number, root: string, count: number, prefix = '基准测试'): { report: Report; sha256: string; url: string }[] {
  const src = loadSources(root);
  const out: { report: Report; sha256: string; url: string }[] = [];
  for (let i = 0; out.length < count && i < count * 20; i++) {
    const item = generateItem(seed, i, src);
    if (!item.expected) continue;
    const details: MetricDetail[] = Object.entries(item.expected).map(([key, value]) => ({
      key,
      value,
      unit: unitOf(key),
      qualifier: 'exact',
      derived: key.startsWith('litigation.') && key.split('.').length === 2,
      method: 'table',
      source: `${key} | ${value}`,
      table: 3,
      row: key.split('.').slice(0, -1).join('.'),
      column: key.split('.').at(-1),
    }));
    const n = out.length;
    out.push({
      report: {
        file: item.name,
        title: `${prefix}${n}号单位${2019 + (n % 5)}年政府信息公开工作年度报告`,
        year: 2019 + (n % 5),
        region: { name: '牡丹江市', code: '231000' },
        agency: `${prefix}${n}号单位`,
        agency_kind: 'department',
        template: item.era === 't2021' ? 't2021' : 't2019',
        metrics: item.expected,
        details,
        checks: [{ rule: 't3.balance.total', ok: true, message: 'synthetic' }],
      },
      sha256: createHash('sha256').update(item.bytes).digest('hex'),
      url: `http://127.0.0.1/bench/${item.name}`,
    });
  }
  return out;
}

export async function sqliteStage(seed: number, root: string, count: number, log: (l: string) => void): Promise<Figure[]> {
  const { openDatabase } = await import('../../db/open.ts');
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-db-'));
  try {
    const docs = synthesise(seed, root, count);
    const rows = docs.reduce((s, d) => s + Object.keys(d.report.metrics).length, 0);
    log(`sqlite: ${docs.length} reports, ${rows} metric rows…`);

    // Floor.
    const floorDb = openDatabase(join(dir, 'floor.sqlite'));
    const warm = synthesise(seed + 1, root, 20, '预热');
    const insReport = floorDb.prepare(
      `INSERT INTO reports (subject, year, template, sha256, parser_version, loaded_at, agency, region_code)
       VALUES (?, ?, ?, ?, 'bench', '2024-01-01T00:00:00Z', ?, ?)`,
    );
    const insMetric = floorDb.prepare(
      `INSERT INTO metrics (report_id, key, value, unit, qualifier, derived, method, source, table_no, row_label, column_label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const floorOne = floorDb.transaction((d: (typeof docs)[number]) => {
      const id = insReport.run(`agency:${d.report.agency}`, d.report.year, d.report.template, d.sha256, d.report.agency, '231000').lastInsertRowid;
      for (const m of d.report.details)
        insMetric.run(id, m.key, m.value, m.unit, m.qualifier, m.derived ? 1 : 0, m.method, m.source, m.table ?? null, m.row ?? null, m.column ?? null);
    });
    for (const d of warm) floorOne(d); // statement caches and page cache, not measured
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    const floorEach: number[] = [];
    for (const d of docs) {
      const e0 = process.cpuUsage();
      floorOne(d);
      floorEach.push(cpuMsSince(e0) / d.report.details.length);
    }
    const floorWallMs = performance.now() - t0;
    const floorMs = cpuMsSince(c0);
    floorDb.close();

    const floorRate = (rows / floorMs) * 1000;
    let load: typeof import('../../db/load.ts').loadReport;
    try {
      load = (await import('../../db/load.ts')).loadReport;
    } catch (err) {
      return [
        unavailable('sqlite', 'load metric rows via db/load.ts', (err as Error).message, `≥ ${TARGET_ROWS_PER_SEC.toLocaleString('en-US')} rows/s`),
        { stage: 'sqlite', name: 'floor only: bare INSERTs', value: fmt.rate(floorRate, 'rows/s'), perItem: fmt.us((floorMs * 1000) / rows, 'row'), floor: '', ratio: '', target: '', status: 'info' },
      ];
    }
    const db = openDatabase(join(dir, 'load.sqlite'));
    for (const d of warm) load(db, { report: d.report, sha256: d.sha256, url: d.url, parserVersion: 'bench', now: '2024-01-01T00:00:00Z' });
    const before = db.prepare('SELECT count(*) FROM metrics').pluck().get() as number;
    c0 = process.cpuUsage();
    t0 = performance.now();
    // Per-document CPU cost, to see whether loading slows down as the database grows.
    const each: number[] = [];
    for (const d of docs) {
      const e0 = process.cpuUsage();
      load(db, { report: d.report, sha256: d.sha256, url: d.url, parserVersion: 'bench', now: '2024-01-01T00:00:00Z' });
      each.push(cpuMsSince(e0) / Object.keys(d.report.metrics).length);
    }
    const wallMs = performance.now() - t0;
    const ms = cpuMsSince(c0);
    const tenth = Math.max(1, Math.floor(each.length / 10));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const firstTenth = avg(each.slice(0, tenth));
    const lastTenth = avg(each.slice(-tenth));
    const floorFirst = avg(floorEach.slice(0, tenth));
    const floorLast = avg(floorEach.slice(-tenth));
    const stored = (db.prepare('SELECT count(*) FROM metrics').pluck().get() as number) - before;
    db.close();
    const rate = (rows / ms) * 1000;
    return [
      {
        stage: 'sqlite',
        name: `load ${docs.length} reports via db/load.ts loadReport (no FTS text)`,
        value: `${fmt.rate(rate, 'metric rows/s')} (CPU; wall ${fmt.rate((rows / wallMs) * 1000, 'rows/s')})`,
        perItem: fmt.us((ms * 1000) / rows, 'row'),
        floor: `bare INSERTs ${fmt.us((floorMs * 1000) / rows, 'row')}`,
        ratio: fmt.ratio(ms / floorMs),
        target: `≥ ${TARGET_ROWS_PER_SEC.toLocaleString('en-US')} rows/s`,
        status: rate >= TARGET_ROWS_PER_SEC ? 'met' : 'missed',
        note: `${stored} of ${rows} rows stored; WAL, synchronous=NORMAL, one transaction per report; CPU time of the (only busy) main thread — wall ${fmt.rate((rows / wallMs) * 1000, 'rows/s')}, floor wall ${fmt.rate((rows / floorWallMs) * 1000, 'rows/s')}`,
      },
      {
        stage: 'growth',
        name: `SQLite load cost per row, first → last tenth of ${docs.length} reports`,
        value: `${fmt.us(firstTenth * 1000, 'row')} → ${fmt.us(lastTenth * 1000, 'row')}`,
        perItem: '',
        floor: `bare INSERTs ${fmt.us(floorFirst * 1000, 'row')} → ${fmt.us(floorLast * 1000, 'row')}`,
        ratio: `${fmt.ratio(lastTenth / firstTenth)} vs floor ${fmt.ratio(floorLast / floorFirst)}`,
        target: "grows no faster than bare INSERTs (≤ 1.2× the floor's growth)",
        status: lastTenth / firstTenth <= 1.2 * (floorLast / floorFirst) ? 'met' : 'missed',
        note: 'B-tree inserts get dearer as the tables grow (log n); the loader must add no growth of its own',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
