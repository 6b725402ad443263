// kill -9 in the middle of `ogi crawl`, then run it again: the resumed crawl must end in the same
// state as one that was never interrupted, without refetching what the killed run had finished and
// without duplicate rows.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';
import { columnOf } from './portal/data.ts';
import { startPortal, type AccessEntry, type Portal } from './portal/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KILL_AFTER = 14; // requests seen by the portal

function sitesYaml(p: Portal): string {
  return `sites:
  - id: pingtan
    name: 平潭综合实验区
    region_code: "350128"
    start_urls: ["${p.origin}${columnOf('trs0').base}"]
    render: never
    rate: 20
  - id: caizheng
    start_urls: ["${p.origin}${columnOf('hanweb').base}index.html"]
    render: never
    rate: 20
  - id: jinjing
    start_urls: ["${p.origin}${columnOf('trs1').base}index.html"]
    render: never
    rate: 20
`;
}

function ogiCrawl(sites: string, db: string): ChildProcess {
  return spawn(process.execPath, ['bin/ogi.mjs', 'crawl', '--sites', sites, '--db', db, '--timeout', '800', '--retry-base', '100'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OGI_LOG_LEVEL: 'warn' },
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

interface FinalState {
  documents: string[];
  blobs: string[];
  frontierDupes: number;
  blobDupes: number;
  integrity: string;
  done: string[];
}

function finalState(path: string): FinalState {
  const db = openDatabase(path);
  try {
    return {
      documents: (db.prepare('SELECT site_id, url, sha256 FROM report_documents').all() as Array<Record<string, string>>)
        .map((r) => `${r.site_id} ${new URL(r.url).pathname}${new URL(r.url).search} ${r.sha256}`)
        .sort(),
      blobs: (db.prepare('SELECT sha256 FROM blobs WHERE sha256 IN (SELECT sha256 FROM report_documents)').pluck().all() as string[]).sort(),
      frontierDupes: db.prepare('SELECT count(*) FROM (SELECT site_id, url FROM frontier GROUP BY 1, 2 HAVING count(*) > 1)').pluck().get() as number,
      blobDupes: db.prepare('SELECT count(*) - count(DISTINCT sha256) FROM blobs').pluck().get() as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      done: db.prepare(`SELECT url FROM frontier WHERE state = 'done'`).pluck().all() as string[],
    };
  } finally {
    db.close();
  }
}

let dir: string;
let reference: FinalState;
let killedState: FinalState;
let resumed: FinalState;
let resumeLog: AccessEntry[];
let killSignal: string | null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ogi-resume-'));

  // The reference: an uninterrupted crawl of a fresh portal.
  const p1 = await startPortal({ slowMs: 1500 });
  writeFileSync(join(dir, 'sites-ref.yaml'), sitesYaml(p1));
  const ref = await exitOf(ogiCrawl(join(dir, 'sites-ref.yaml'), join(dir, 'ref.sqlite')));
  await p1.close();
  expect(ref.code, ref.stderr).toBe(0);
  reference = finalState(join(dir, 'ref.sqlite'));

  // The same crawl, killed with SIGKILL once the portal has answered KILL_AFTER requests, then re-run.
  const p2 = await startPortal({ slowMs: 1500 });
  writeFileSync(join(dir, 'sites.yaml'), sitesYaml(p2));
  const db = join(dir, 'killed.sqlite');
  const child = ogiCrawl(join(dir, 'sites.yaml'), db);
  const exited = exitOf(child);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (p2.log.length >= KILL_AFTER) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      }
    }, 5);
  });
  killSignal = (await exited).signal;
  killedState = finalState(db);
  p2.log.splice(0);
  const again = await exitOf(ogiCrawl(join(dir, 'sites.yaml'), db));
  expect(again.code, again.stderr).toBe(0);
  resumeLog = p2.log.splice(0);
  await p2.close();
  resumed = finalState(db);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ogi crawl killed with SIGKILL and run again', () => {
  it('was really killed mid-run, with work left to do', () => {
    expect(killSignal).toBe('SIGKILL');
    expect(killedState.done.length).toBeGreaterThan(3);
    expect(killedState.documents.length).toBeLessThan(reference.documents.length);
  });

  it('ends with the same report documents and archived bytes as an uninterrupted crawl', () => {
    expect(resumed.documents).toEqual(reference.documents);
    expect(resumed.blobs).toEqual(reference.blobs);
  });

  it('does not refetch what the killed run had finished', () => {
    const fetchedAgain = resumeLog.map((e) => e.url);
    for (const url of killedState.done) {
      const u = new URL(url);
      expect(fetchedAgain).not.toContain(u.pathname + u.search);
    }
  });

  it('leaves no duplicate rows and an intact database', () => {
    expect(resumed.frontierDupes).toBe(0);
    expect(resumed.blobDupes).toBe(0);
    expect(killedState.integrity).toBe('ok');
    expect(resumed.integrity).toBe('ok');
  });
});
