// The dataset commands fail with one clear sentence and exit 2 instead of creating an empty
// database or writing to one they should only read.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../db/store.ts';
import { loadReport } from '../../db/load.ts';
import { mudanjiang2019, sha256 } from '../../db/testing.ts';

const BIN = fileURLToPath(new URL('../../bin/ogi.mjs', import.meta.url));
const ogi = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('dataset commands on a wrong path or a write', () => {
  it('export, reparse and search refuse a database that does not exist', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'ogi-cmd-')), 'typo.sqlite');
    for (const args of [
      ['export', '--db', missing, '--out', join(tmpdir(), 'ogi-never')],
      ['reparse', '--db', missing],
      ['search', '--db', missing, '公开'],
    ]) {
      const r = ogi(...args);
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr).toBe(`ogi: no database at ${missing} (run \`ogi run --sites FILE --db ${missing}\` first)\n`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('query refuses writes with exit 2 and prints reads', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ogi-cmd-')), 'ogi.sqlite');
    const db = openStore(path);
    loadReport(db, { report: mudanjiang2019(), sha256: sha256('v1'), url: 'http://www.mdj.gov.cn/a.html', parserVersion: 't' });
    db.close();
    const write = ogi('query', '--db', path, 'DELETE FROM metrics');
    expect(write.status).toBe(2);
    expect(write.stderr).toBe('ogi: ogi query is read-only: this statement would modify the database\n');
    const read = ogi('query', '--db', path, 'SELECT count(*) AS n FROM metrics', '--format', 'csv');
    expect(read.status).toBe(0);
    expect(read.stdout).toBe('n\n12\n');
  });
});
