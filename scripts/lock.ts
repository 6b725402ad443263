// One pipeline at a time per database: a lock file beside it (<db>.lock) holding the owner's pid.
// Created atomically (O_EXCL); a lock whose pid no longer runs on this machine is stale and is
// taken over, so a run killed with SIGKILL never blocks the next one.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class LockedError extends Error {
  readonly pid: number;
  constructor(path: string, pid: number) {
    super(`another ogi run (pid ${pid}) is using this database (lock file ${path}); not starting a second one`);
    this.name = 'LockedError';
    this.pid = pid;
  }
}

export interface Lock {
  path: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

/** Takes the lock or throws LockedError naming the live holder. */
export function acquireLock(path: string): Lock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          if (readHolder(path)?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      // A half-written lock (holder unreadable) is younger than a moment: treat it as held.
      if (holder && holder.host === hostname() && !alive(holder.pid)) {
        try {
          unlinkSync(path);
        } catch {
          /* someone else removed it first; retry */
        }
        continue;
      }
      throw new LockedError(path, holder?.pid ?? -1);
    }
  }
  throw new LockedError(path, readHolder(path)?.pid ?? -1);
}

/** Exit code of a command refused because another run holds the database's lock. */
export const EXIT_LOCKED = 5;

/**
 * The commands' way in: the database's lock, or undefined after telling the user (stderr) that
 * another run holds it — the caller then exits with EXIT_LOCKED.
 */
export function lockDatabaseOrReport(dbPath: string): Lock | undefined {
  try {
    return acquireLock(lockPathFor(dbPath));
  } catch (err) {
    if (err instanceof LockedError) {
      process.stderr.write(`ogi: ${err.message}\n`);
      return undefined;
    }
    throw err;
  }
}
