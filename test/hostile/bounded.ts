// Runs `node bin/ogi.mjs …` as a child process under a wall-clock limit (the whole process group
// is killed when it expires, so a hang is a failed test, not a stuck suite) and reports its exit
// code, output and peak RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

export interface Bounded {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Peak RSS in MiB, when the process lived to report it. */
  rssMiB?: number;
}

export function runOgi(args: string[], timeoutMs: number): Promise<Bounded> {
  return runNode([join(ROOT, 'bin/ogi.mjs'), ...args], timeoutMs);
}

/** `node --import rss-probe <args>` under the limit. */
export function runNode(args: string[], timeoutMs: number): Promise<Bounded> {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-rss-'));
  const rssFile = join(dir, 'rss');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', PROBE, ...args], {
      cwd: ROOT,
      detached: true, // own process group: the timer kills it and anything it started
      env: { ...process.env, OGI_RSS_FILE: rssFile, OGI_LOG_LEVEL: 'warn', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let rssMiB: number | undefined;
      try {
        rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        // killed or crashed before its exit hook ran
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, rssMiB });
    });
  });
}

/** A JavaScript stack trace in program output: what a user must never see. */
export const STACK_TRACE = /\n\s+at \S.*(\(|:\d+:\d+)/;
