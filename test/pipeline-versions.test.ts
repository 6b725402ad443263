// A portal corrects a published report: the next run stores a new current version and keeps the
// earlier one, and the export shows the corrected number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSites } from '../crawler/index.ts';
import { openStore } from '../db/store.ts';
import { exportCsvs } from '../db/export.ts';
import { runPipeline } from '../scripts/pipeline.ts';
import { silentLogger } from '../scripts/log.ts';
import { loadManifest } from '../scripts/sample-portal/server.ts';
import { workspace, type Workspace } from './pipeline-fixture.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(async () => {
  await ws.portal.close();
});

describe('a corrected report on the portal', () => {
  it('becomes version 2 (current); version 1 is kept; exports use the correction', async () => {
    const db = openStore(ws.db);
    const sites = loadSites(ws.sites);
    await runPipeline(db, sites, { logger: silentLogger, workers: 0 });
    const hunchun = loadManifest().reports.find((r) => r.title.startsWith('珲春市'))!;
    ws.portal.revise(`/zwgk/zfxxgknb/${hunchun.path}`, (html) => html.replace('全市主动公开政府信息8535条', '全市主动公开政府信息8553条'));

    const second = await runPipeline(db, sites, { logger: silentLogger, workers: 0 });
    expect(second).toMatchObject({ documents: 1, reportsNew: 0, reportsChanged: 1, reportsUnchanged: 4 });
    const versions = db
      .prepare(
        `SELECT r.version, r.current, m.value FROM reports r JOIN metrics m ON m.report_id = r.id AND m.key = 'proactive.total'
          WHERE r.agency = '珲春市人民政府' ORDER BY r.version`,
      )
      .all();
    expect(versions).toEqual([
      { version: 1, current: 0, value: 8535 },
      { version: 2, current: 1, value: 8553 },
    ]);

    const out = join(ws.dir, 'export');
    exportCsvs(db, out);
    const long = readFileSync(join(out, 'metrics_long.csv'), 'utf8').split('\n');
    const proactive = long.filter((l) => l.includes(',珲春市人民政府,') && l.includes(',proactive.total,'));
    expect(proactive).toHaveLength(1);
    expect(proactive[0]).toContain(',proactive.total,8553,items,');
    db.close();
  });
});
