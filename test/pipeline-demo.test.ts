// `npm start` runs `ogi demo`: offline, the sample portal → SQLite → CSVs → a summary table.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/ogi.mjs', import.meta.url));

describe('ogi demo (npm start)', () => {
  it('serves the sample portal, runs the whole pipeline, exports CSVs and prints the headline table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogi-demo-'));
    const db = join(dir, 'data', 'ogi.sqlite');
    const out = join(dir, 'data', 'export');
    const r = spawnSync(process.execPath, [BIN, 'demo', '--db', db, '--out', out], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/reports\s+5 new, 0 changed, 0 unchanged/);
    expect(r.stdout).toMatch(/failures by class\s+none/);
    expect(r.stdout).toMatch(/^region\s+code\s+year\s+proactive\.total\s+applications\.new\.total\s+review\.total\s+litigation\.total$/m);
    for (const [region, code, year] of [
      ['珲春市', '222404', '2018'],
      ['南岗区', '230103', '2015'],
      ['牡丹江市', '231000', '2019'],
      ['滨江区', '330108', '2017'],
      ['开州区', '500154', '2017'],
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${region}\\s+${code}\\s+${year}\\b`, 'm'));
    }
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}.lock`)).toBe(false);
    const wide = readFileSync(join(out, 'reports_wide.csv'), 'utf8').trimEnd().split('\n');
    expect(wide).toHaveLength(6);
    // Full-text search over what the demo loaded: whole words only.
    const search = (w: string) =>
      JSON.parse(spawnSync(process.execPath, [BIN, 'search', '--db', db, w, '--format', 'json'], { encoding: 'utf8' }).stdout);
    expect(search('不予公开').map((h: { agency: string }) => h.agency)).toContain('牡丹江市人民政府办公室');
    expect(search('息公')).toEqual([]);
    expect(readFileSync(join(out, 'metrics_long.csv'), 'utf8').split('\n')[0]).toBe(
      'report_id,region_code,region_name,year,agency,agency_kind,template,key,value,unit,qualifier,derived,source_url,sha256',
    );
  });
});
