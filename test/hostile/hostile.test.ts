// Nothing a portal serves may crash, hang or corrupt anything. Each hostile file goes through the
// real `ogi parse` in a child process with a wall-clock limit and a peak-RSS bound: it must give a
// parsed report (exit 0, checks recording what is wrong) or one clear sentence naming the file
// (exit 3 not a report, 4 unreadable) — never another exit code, a signal or a stack trace.
// Then the same files, served as a portal on 127.0.0.1, go through `ogi run`; the database must
// pass `PRAGMA integrity_check`, hold a verdict for every document, and export.
// Limits are hang and runaway detectors, not speed tests: speed is `npm run bench`'s job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { CORPUS_DIR, HOSTILE_AGENCY, contradictionTable, writeLargeHostile } from './make-hostile.ts';
import { ROOT, runNode, runOgi, STACK_TRACE, type Bounded } from './bounded.ts';
import type { Report } from '../../normalize/types.ts';

interface HostileCase {
  file: string;
  what: string;
  exits: number[];
  /** Wall-clock limit: a hang detector (the big files are ~1000× a normal report). */
  limitMs: number;
  rssMiB: number;
  /** Further expectations on a parsed report. */
  report?: (r: Report) => void;
}

/** How scripts/parse-file.ts reports an exception it did not expect (failure `parser_error`). */
const INTERNAL_ERROR = /internal parser error/;

const SMALL = { limitMs: 30_000, rssMiB: 1024 };
const LARGE = { limitMs: 120_000, rssMiB: 2560 };

const CASES: HostileCase[] = [
  { file: 'empty.html', what: 'an empty file', exits: [3, 4], ...SMALL },
  { file: 'garbage.bin', what: 'binary garbage', exits: [4], ...SMALL },
  { file: 'truncated.pdf', what: 'a PDF cut off half-way', exits: [4], ...SMALL },
  { file: 'encrypted.pdf', what: 'a password-protected PDF', exits: [4], ...SMALL },
  { file: 'nested-tables.html', what: 'a report page with 10 000 nested tables', exits: [0, 3, 4], ...SMALL },
  { file: 'wide-table.html', what: 'a report page with a 5 000-column table', exits: [0, 3, 4], ...SMALL },
  {
    file: 'gbk-declared-utf8.html',
    what: 'GBK bytes declared as UTF-8',
    exits: [0],
    ...SMALL,
    report: (r) => {
      expect(r.title).toBe(`${HOSTILE_AGENCY['gbk-declared-utf8.html'].agency}2019年政府信息公开工作年度报告`);
      expect(r.year).toBe(2019);
    },
  },
  { file: 'mixed-encoding.html', what: 'a page half UTF-8, half GBK', exits: [0, 3, 4], ...SMALL },
  {
    file: 'all-blank.html',
    what: 'a 2019 report with every number blank',
    exits: [0],
    ...SMALL,
    report: (r) => {
      // Blank is "not stated": no table metric may appear, least of all as 0.
      const stated = Object.keys(r.metrics).filter((k) => /^(applications|review|litigation|rules|normative_docs)\./.test(k));
      expect(stated).toEqual([]);
    },
  },
  {
    file: 'contradiction.html',
    what: 'a report whose tables contradict its prose and themselves',
    exits: [0],
    ...SMALL,
    report: (r) => {
      // The table wins for table keys; the disagreement is stored as failed checks.
      expect(r.metrics['applications.new.total']).toBe(contradictionTable().newTotal);
      expect(r.checks.filter((c) => !c.ok).length).toBeGreaterThan(0);
    },
  },
  { file: 'report-list.html', what: 'a list of reports, not a report', exits: [3], ...SMALL },
  {
    file: 'script-loop.html',
    what: 'a report page whose scripts loop forever',
    exits: [0],
    ...SMALL,
    report: (r) => expect(r.template).toBe('t2019'),
  },
  { file: 'entity-expansion.docx', what: 'a DOCX with a "billion laughs" entity bomb', exits: [3, 4], ...SMALL },
  { file: 'huge-50mb.html', what: 'a 50 MB report page', exits: [0, 3, 4], ...LARGE },
  { file: 'long-line-10mb.txt', what: 'a 10 MB text on a single line', exits: [0, 3, 4], ...LARGE },
  { file: 'zip-bomb.docx', what: 'a 3.7 MB DOCX that inflates to 1 GiB', exits: [3, 4], ...LARGE },
];

const work = mkdtempSync(join(tmpdir(), 'ogi-hostile-'));
const large = new Set<string>();
const pathOf = (file: string) => (large.has(file) ? join(work, 'large', file) : join(CORPUS_DIR, file));
const results = new Map<string, Bounded>();

/** Runs the cases two at a time (the machine has two cores). */
async function runAll(cases: HostileCase[]): Promise<void> {
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < cases.length) {
        const c = cases[next++];
        results.set(c.file, await runOgi(['parse', '--jsonl', pathOf(c.file)], c.limitMs));
      }
    }),
  );
}

beforeAll(async () => {
  for (const f of writeLargeHostile(join(work, 'large'))) large.add(f);
  // Largest first, so the two slowest files do not end up queued behind each other.
  await runAll([...CASES].sort((a, b) => b.limitMs - a.limitMs));
}, 400_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    try {
      process.kill(pid, 0); // no /proc here: signal 0 reaching it means it is still there
      return false;
    } catch {
      return true;
    }
  }
}

describe('the hang detector the cases below rely on', () => {
  it('kills a child that never finishes, and the process it started, at the limit', async () => {
    // The child starts a grandchild that sleeps forever, prints its pid, then hangs itself.
    const script = `
      const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      process.stdout.write(String(g.pid));
      setInterval(() => {}, 1000);`;
    const r = await runNode(['-e', script], 1500);
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    const grandchild = Number(r.stdout);
    expect(grandchild).toBeGreaterThan(0);
    // The whole process group got the SIGKILL: the grandchild is gone (or a zombie awaiting its
    // reaper) within moments, not left running.
    let gone = false;
    for (let i = 0; i < 100 && !gone; i++) {
      gone = isGone(grandchild);
      if (!gone) await new Promise((res) => setTimeout(res, 50));
    }
    expect(gone).toBe(true);
  });
});

describe('ogi parse on hostile inputs', () => {
  it('has every committed hostile file it expects (regenerate with make-hostile.ts)', () => {
    const committed = readdirSync(CORPUS_DIR).sort();
    expect(committed).toEqual(CASES.filter((c) => !large.has(c.file)).map((c) => c.file).sort());
  });

  it.each(CASES.map((c) => [c.what, c] as const))('%s: a report or a clear error, bounded', (_what, c) => {
    const r = results.get(c.file)!;
    const file = pathOf(c.file);
    expect(r.timedOut, `${c.file} still running after ${c.limitMs / 1000} s`).toBe(false);
    expect(r.signal, `${c.file} killed by ${r.signal}`).toBeNull();
    expect(c.exits, `${c.file} exit ${r.code}; stderr: ${r.stderr.slice(0, 500)}`).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    // A parser bug is caught and printed politely, but it is still a crash for this suite.
    expect(r.stderr).not.toMatch(INTERNAL_ERROR);
    expect(r.rssMiB, 'the child reported its peak RSS').toBeDefined();
    expect(r.rssMiB!).toBeLessThan(c.rssMiB);
    if (r.code === 0) {
      const report = JSON.parse(r.stdout) as Report;
      expect(report.file).toBe(file);
      for (const v of Object.values(report.metrics)) expect(Number.isFinite(v)).toBe(true);
      c.report?.(report);
    } else {
      // One sentence on stderr that names the file, nothing on stdout.
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(r.stdout.trim()).toBe('');
    }
  });
});

// ── ogi run over the hostile files served as a portal ─────────────────────────────────────────

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.bin': 'application/octet-stream',
};

/** A TRS-style report list linking every hostile file as a year's annual report. */
function hostilePortal(files: string[]): Promise<{ server: Server; origin: string }> {
  const units = ['人民政府办公室', '教育局', '民政局', '财政局', '卫生健康委员会', '生态环境局', '司法局', '商务局'];
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_牡丹江市人民政府</title></head><body>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<ul class="list">
${files.map((f, i) => `<li><a href="/zwgk/ndbg/files/${f}">牡丹江市${units[i % units.length]}${2008 + i}年政府信息公开工作年度报告</a><span>${2009 + i}-01-15</span></li>`).join('\n')}
</ul></body></html>`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/zwgk/ndbg/' || path === '/zwgk/ndbg/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(list);
      return;
    }
    const name = path.replace('/zwgk/ndbg/files/', '');
    if (path.startsWith('/zwgk/ndbg/files/') && files.includes(name)) {
      res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' }).end(readFileSync(pathOf(name)));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

const hasRun = existsSync(join(ROOT, 'scripts/commands/run.ts')) && existsSync(join(ROOT, 'scripts/commands/export.ts'));

describe.skipIf(!hasRun)('ogi run on a portal serving the hostile files', () => {
  it('stores what it can, records a verdict for every document, keeps the database sound and exports', async () => {
    const { server, origin } = await hostilePortal(CASES.map((c) => c.file));
    try {
      const sites = join(work, 'sites.yaml');
      const db = join(work, 'hostile.sqlite');
      writeFileSync(
        sites,
        `sites:\n  - id: hostile\n    name: 敌意门户\n    start_urls: ["${origin}/zwgk/ndbg/"]\n    allow: ["/zwgk/"]\n    render: never\n    rate: 100\n`,
      );
      const run = await runOgi(['run', '--sites', sites, '--db', db], 300_000);
      expect(run.timedOut, 'ogi run still running after 300 s').toBe(false);
      expect(run.code, run.stderr.slice(-2000)).toBe(0);
      expect(run.stderr).not.toMatch(STACK_TRACE);

      const conn = new Database(db, { readonly: true });
      try {
        expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(conn.pragma('foreign_key_check')).toEqual([]);
        const fetched = conn.prepare('SELECT DISTINCT sha256 FROM report_documents').pluck().all() as string[];
        expect(fetched.length).toBeGreaterThan(0);
        // Never losing data: every fetched document has a verdict in the ledger.
        const unjudged = fetched.filter((sha) => !conn.prepare('SELECT 1 FROM processed WHERE sha256 = ?').get(sha));
        expect(unjudged).toEqual([]);
        // Every document judged a report is stored as one; the contradictory one with failed checks.
        const loaded = conn.prepare("SELECT count(*) FROM processed WHERE outcome = 'loaded'").pluck().get() as number;
        expect(loaded).toBeGreaterThan(0);
        expect(conn.prepare("SELECT count(*) FROM processed WHERE outcome = 'loaded' AND report_id IS NULL").pluck().get()).toBe(0);
        const failed = conn
          .prepare('SELECT count(*) FROM checks c JOIN reports r ON r.id = c.report_id WHERE r.agency = ? AND c.ok = 0')
          .pluck()
          .get(HOSTILE_AGENCY['contradiction.html'].agency) as number;
        expect(failed).toBeGreaterThan(0);
        // …and none of those verdicts is a parser bug.
        const bugs = conn.prepare("SELECT sha256, message FROM processed WHERE failure = 'parser_error'").all();
        expect(bugs).toEqual([]);
        // Unreadable files are verdicts, not reports.
        const verdicts = conn.prepare("SELECT count(*) FROM processed WHERE outcome IN ('failed', 'not_a_report')").pluck().get() as number;
        expect(verdicts).toBeGreaterThanOrEqual(4); // garbage, truncated, encrypted, the list page (+ the bomb)
      } finally {
        conn.close();
      }

      const out = join(work, 'export');
      const exp = await runOgi(['export', '--db', db, '--out', out], 60_000);
      expect(exp.code, exp.stderr).toBe(0);
      for (const f of ['metrics_long.csv', 'reports_wide.csv', 'checks.csv']) expect(existsSync(join(out, f))).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 400_000);
});
if (!hasRun) {
  describe('ogi run on a portal serving the hostile files', () => {
    it.skip('skipped: `ogi run` / `ogi export` (scripts/commands/run.ts, export.ts) have not landed', () => {});
  });
}
