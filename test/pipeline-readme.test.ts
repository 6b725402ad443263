// Every SQL example in the README's dataset section runs against the database `npm start` builds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadSites } from '../crawler/index.ts';
import { openStore } from '../db/store.ts';
import { runQuery } from '../db/query.ts';
import { runPipeline } from '../scripts/pipeline.ts';
import { silentLogger } from '../scripts/log.ts';
import { workspace, type Workspace } from './pipeline-fixture.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const DATASET = README.slice(README.indexOf('## The dataset'));
const QUERIES = [...DATASET.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1].trim());

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
  const db = openStore(ws.db);
  await runPipeline(db, loadSites(ws.sites), { logger: silentLogger });
  db.close();
});
afterAll(async () => {
  await ws.portal.close();
});

describe('README example queries', () => {
  it('has at least ten', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(QUERIES.map((q) => [q.split('\n')[0], q]))('runs: %s', (_first, sql) => {
    const r = runQuery(ws.db, sql);
    expect(r.columns.length).toBeGreaterThan(0);
  });

  it('answers the headline questions on the sample portal', () => {
    const applications = runQuery(ws.db, QUERIES[0]);
    expect(applications.rows.length).toBe(5);
    const headline = runQuery(ws.db, QUERIES.find((q) => q.includes('AS lawsuits'))!);
    expect(headline.rows.length).toBe(5);
    const text = runQuery(ws.db, QUERIES.find((q) => q.includes('report_fts MATCH'))!);
    expect(text.rows.length).toBeGreaterThan(0);
    const provinces = runQuery(ws.db, QUERIES.find((q) => q.includes('province_code'))!);
    expect(provinces.rows.map((r) => r[1]).sort()).toEqual(['吉林省', '浙江省', '重庆市', '黑龙江省'].sort());
  });
});
