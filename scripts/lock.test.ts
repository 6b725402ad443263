import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LockedError } from './lock.ts';

const lockFile = () => join(mkdtempSync(join(tmpdir(), 'ogi-lock-')), 'ogi.sqlite.lock');

describe('the database lock', () => {
  it('lets one holder in and refuses a second until it is released', () => {
    const path = lockFile();
    const first = acquireLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    expect(() => acquireLock(path)).toThrow(LockedError);
    expect(() => acquireLock(path)).toThrow(`another ogi run (pid ${process.pid}) is using this database`);
    first.release();
    expect(existsSync(path)).toBe(false);
    acquireLock(path).release();
  });

  it('takes over a stale lock left by a process that was killed', async () => {
    const path = lockFile();
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((resolve) => child.on('close', resolve));
    writeFileSync(path, JSON.stringify({ pid, host: hostname(), started: '2026-11-25T02:00:00Z' }));
    const lock = acquireLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('treats a lock held by a live process as held', async () => {
    const path = lockFile();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeFileSync(path, JSON.stringify({ pid: holder.pid, host: hostname(), started: '2026-11-25T02:00:00Z' }));
      expect(() => acquireLock(path)).toThrow(LockedError);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
