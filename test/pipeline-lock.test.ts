// Two runs never overlap: `ogi run` (and each `ogi schedule` tick, which runs the same command)
// refuses to start while another live process holds the database's lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openStore } from '../db/store.ts';
import { workspace, type Workspace } from './pipeline-fixture.ts';

const BIN = fileURLToPath(new URL('../bin/ogi.mjs', import.meta.url));

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(async () => {
  await ws.portal.close();
});

function ogi(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, OGI_LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ogi run and the lock', () => {
  it('refuses to start while another run holds the lock, and runs once it is gone', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeFileSync(`${ws.db}.lock`, JSON.stringify({ pid: holder.pid, host: hostname(), started: new Date().toISOString() }));
      const refused = await ogi(['run', '--sites', ws.sites, '--db', ws.db]);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain(`another ogi run (pid ${holder.pid}) is using this database`);
      expect(existsSync(ws.db)).toBe(false);
      // Same for a reparse of an existing database.
      openStore(ws.db).close();
      expect(spawnSync(process.execPath, [BIN, 'reparse', '--db', ws.db]).status).toBe(5);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.on('close', resolve));
    }
    // The holder is gone: its lock is stale and the next run proceeds.
    const ran = await ogi(['run', '--sites', ws.sites, '--db', ws.db]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/reports\s+5 new/);
    expect(existsSync(`${ws.db}.lock`)).toBe(false);
  });
});
