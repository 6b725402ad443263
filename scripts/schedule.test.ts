import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextRuns } from './schedule.ts';

const BIN = fileURLToPath(new URL('../bin/ogi.mjs', import.meta.url));

describe('the nightly schedule', () => {
  it('reads the cron expression in Beijing time: 02:00 Asia/Shanghai is 18:00 UTC the day before', () => {
    const from = new Date('2026-11-25T12:00:00Z');
    expect(nextRuns({ cron: '0 2 * * *' }, 3, from).map((d) => d.toISOString())).toEqual([
      '2026-11-25T18:00:00.000Z',
      '2026-11-26T18:00:00.000Z',
      '2026-11-27T18:00:00.000Z',
    ]);
    // Another zone only when asked for.
    expect(nextRuns({ cron: '0 2 * * *', timezone: 'UTC' }, 1, from)[0].toISOString()).toBe('2026-11-26T02:00:00.000Z');
  });

  it('ogi schedule --dry-run lists the next runs; a bad expression is a usage error', () => {
    const ok = spawnSync(process.execPath, [BIN, 'schedule', '--sites', 's.yaml', '--db', 'x.sqlite', '--cron', '30 3 * * 1', '--dry-run'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    const runs = ok.stdout.trim().split('\n');
    expect(runs).toHaveLength(5);
    // Mondays 03:30 in Beijing are Sundays 19:30 UTC.
    for (const r of runs) {
      expect(new Date(r).getUTCDay()).toBe(0);
      expect(r).toMatch(/T19:30:00\.000Z$/);
    }
    const bad = spawnSync(process.execPath, [BIN, 'schedule', '--sites', 's.yaml', '--db', 'x.sqlite', '--cron', '61 2 * * *'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad --cron expression "61 2 * * *"');
  });
});
