// kill -9 during the load, then run again: the database must be intact and hold each report and
// metric exactly once — the same final state as a run that was never interrupted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, datasetCounts } from '../db/store.ts';
import { workspace, insertMirroredSeeds, type Workspace } from './pipeline-fixture.ts';

const BIN = fileURLToPath(new URL('../bin/ogi.mjs', import.meta.url));
const COPIES = 30;

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(async () => {
  await ws.portal.close();
});

function ogi(args: string[], opts: { killAfterLoaded?: number } = {}): Promise<{ code: number | null; signal: string | null; loaded: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // The parser version is pinned so an edit to the parser mid-test cannot re-queue documents.
      env: { ...process.env, OGI_LOG_LEVEL: 'info', OGI_PARSER_VERSION: 'kill-test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let loaded = 0;
    let killed = false;
    child.stdout.resume();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      loaded = (stderr.match(/"msg":"document loaded"/g) ?? []).length;
      if (!killed && opts.killAfterLoaded !== undefined && loaded >= opts.killAfterLoaded) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, loaded, stderr }));
  });
}

function snapshot(path: string) {
  const db = openStore(path);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      fk: db.pragma('foreign_key_check'),
      counts: datasetCounts(db),
      duplicateReports: db.prepare('SELECT count(*) FROM (SELECT subject, year, version FROM reports GROUP BY 1, 2, 3 HAVING count(*) > 1)').pluck().get(),
      duplicateCurrent: db.prepare('SELECT count(*) FROM (SELECT subject, year FROM reports WHERE current = 1 GROUP BY 1, 2 HAVING count(*) > 1)').pluck().get(),
      duplicateMetrics: db.prepare('SELECT count(*) FROM (SELECT report_id, key FROM metrics GROUP BY 1, 2 HAVING count(*) > 1)').pluck().get(),
      documents: db.prepare('SELECT count(DISTINCT sha256) FROM report_documents').pluck().get() as number,
      fts: db.prepare('SELECT count(*) FROM report_fts').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('ogi run killed with SIGKILL during the load', () => {
  it('re-runs to the same state as an uninterrupted run, with no duplicates and integrity ok', async () => {
    // An archive of earlier crawls waiting for extraction, plus the live sample portal.
    const seeded = openStore(ws.db);
    const archived = insertMirroredSeeds(seeded, COPIES);
    seeded.close();
    const reference = join(ws.dir, 'reference.sqlite');
    copyFileSync(ws.db, reference);
    const run = (db: string) => ['run', '--sites', ws.sites, '--db', db];

    const killed = await ogi(run(ws.db), { killAfterLoaded: 10 });
    expect(killed.signal).toBe('SIGKILL');
    const partial = snapshot(ws.db);
    expect(partial.integrity).toBe('ok');
    expect(partial.counts.processed).toBeGreaterThanOrEqual(10);
    expect(partial.counts.processed).toBeLessThan(archived);

    const resumed = await ogi(run(ws.db));
    expect(resumed.code, resumed.stderr).toBe(0);
    // The resumed run extracted only what the killed one had not finished.
    expect(resumed.loaded).toBe(partial.documents - partial.counts.processed);

    const clean = await ogi(run(reference));
    expect(clean.code, clean.stderr).toBe(0);

    const after = snapshot(ws.db);
    expect(after.integrity).toBe('ok');
    expect(after.fk).toEqual([]);
    expect(after).toMatchObject({ duplicateReports: 0, duplicateCurrent: 0, duplicateMetrics: 0 });
    expect(after.counts.processed).toBe(after.documents);
    expect(after.counts).toEqual(snapshot(reference).counts);
    expect(after.fts).toBe(after.counts.reports);
  });
});
