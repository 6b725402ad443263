// Shared set-up for the pipeline tests: the bundled sample portal on 127.0.0.1, a sites file
// for it, and a database path in a fresh temporary directory.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSamplePortal, type SamplePortal } from '../scripts/sample-portal/server.ts';
import { insertCrawledDocument } from '../db/testing.ts';
import type { DB } from '../db/open.ts';

export interface Workspace {
  dir: string;
  db: string;
  sites: string;
  portal: SamplePortal;
}

export async function workspace(): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-pipeline-'));
  const portal = await startSamplePortal();
  const sites = join(dir, 'sites.yaml');
  writeFileSync(
    sites,
    `sites:\n  - id: sample\n    name: 示例门户\n    start_urls: ["${portal.startUrl}"]\n    allow: ["/zwgk/"]\n    render: never\n    rate: 50\n`,
  );
  return { dir, db: join(dir, 'ogi.sqlite'), sites, portal };
}

const SEEDS = ['000_9e20576ddb2ae380', '002_8d7cc90e1d6f746c', '003_1c25470cf4922d63', '004_3609098f929a0589'];

/**
 * An archive of `copies` mirrored report pages per seed, stored as a crawl of a second portal
 * would have stored them (blobs + frontier rows): enough documents for a load that takes a while.
 */
export function insertMirroredSeeds(db: DB, copies: number): number {
  let n = 0;
  for (const seed of SEEDS) {
    const text = readFileSync(new URL(`./fixtures/seeds/${seed}.txt`, import.meta.url), 'utf8');
    const body = text
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n');
    for (let k = 0; k < copies; k++) {
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<div class="crumbs">首页 &gt; 政府信息公开年报</div><div class="TRS_Editor">${body}</div>
<div class="foot">镜像站点 ${k} 返回顶部</div></body></html>`;
      insertCrawledDocument(db, {
        siteId: 'mirror',
        url: `http://mirror.example.gov.cn/nb/${seed}/${k}.html`,
        bytes: Buffer.from(html),
        anchor: '政府信息公开工作年度报告',
        fetchedAt: `2026-11-24T02:00:${String(n % 60).padStart(2, '0')}.000Z`,
      });
      n++;
    }
  }
  return n;
}
