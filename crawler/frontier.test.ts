import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';
import { Frontier } from './frontier.ts';
import type { Site } from './types.ts';

const site: Site = { id: 'pingtan', start_urls: ['http://www.pingtan.gov.cn/zwgk/zfxxgknb/'], render: 'never', rate: 1 };
const T0 = new Date('2026-01-10T02:00:00Z');
const iso = (d: Date) => d.toISOString();

function fresh() {
  const db = openDatabase(':memory:');
  db.prepare(`INSERT INTO runs (id, kind, started_at) VALUES (1, 'crawl', ?)`).run(iso(T0));
  return { db, frontier: new Frontier(db, 1) };
}

describe('Frontier', () => {
  it('seeds the start URLs, leases shallow rows first, and never hands out a leased row twice', () => {
    const { frontier } = fresh();
    const pass = frontier.beginPass(site, iso(T0));
    expect(pass).toBe(1);
    const [start] = frontier.claim(site.id, pass, 5, T0);
    expect(start.url).toBe(site.start_urls[0]);
    frontier.add(site.id, [
      { url: 'http://www.pingtan.gov.cn/zwgk/zfxxgknb/index_1.html', kind: 'list', depth: 0 },
      { url: 'http://www.pingtan.gov.cn/zwgk/zfxxgknb/202401/t1.html', kind: 'report', depth: 1, anchor: '2023年政府信息公开工作年度报告' },
    ], iso(T0));
    const next = frontier.claim(site.id, pass, 5, T0);
    expect(next.map((r) => r.url)).toEqual(['http://www.pingtan.gov.cn/zwgk/zfxxgknb/index_1.html', 'http://www.pingtan.gov.cn/zwgk/zfxxgknb/202401/t1.html']);
    expect(frontier.claim(site.id, pass, 5, T0)).toEqual([]);
  });

  it('keys start URLs like discovered links (case, default port, fragment)', () => {
    const { frontier } = fresh();
    const pass = frontier.beginPass({ ...site, start_urls: ['HTTP://WWW.PINGTAN.GOV.CN:80/zwgk/zfxxgknb/#top'] }, iso(T0));
    expect(frontier.add(site.id, [{ url: 'http://www.pingtan.gov.cn/zwgk/zfxxgknb/', kind: 'list', depth: 1 }], iso(T0))).toBe(0);
    expect(frontier.claim(site.id, pass, 5, T0).map((r) => r.url)).toEqual(['http://www.pingtan.gov.cn/zwgk/zfxxgknb/']);
  });

  it('gives an expired lease to the next claimer', () => {
    const { frontier } = fresh();
    const pass = frontier.beginPass(site, iso(T0));
    expect(frontier.claim(site.id, pass, 1, T0)).toHaveLength(1);
    const later = new Date(T0.getTime() + 11 * 60_000);
    expect(frontier.claim(site.id, pass, 1, later).map((r) => r.url)).toEqual(site.start_urls);
  });

  it('adds each URL once; a pending list link later seen with a report title becomes a report', () => {
    const { db, frontier } = fresh();
    frontier.beginPass(site, iso(T0));
    const url = 'http://www.pingtan.gov.cn/zwgk/zfxxgknb/202401/t2.html';
    expect(frontier.add(site.id, [{ url, kind: 'list', depth: 1 }], iso(T0))).toBe(1);
    frontier.add(site.id, [{ url, kind: 'report', depth: 1, anchor: '平潭2023年政府信息公开工作年度报告' }], iso(T0));
    expect(db.prepare('SELECT kind, anchor FROM frontier WHERE url = ?').get(url)).toEqual({ kind: 'report', anchor: '平潭2023年政府信息公开工作年度报告' });
    expect(db.prepare('SELECT count(*) FROM frontier').pluck().get()).toBe(2);
  });

  it('resumes an unfinished pass after a crash, and starts a new pass (revisiting settled rows) after a finished one', () => {
    const { db, frontier } = fresh();
    const pass = frontier.beginPass(site, iso(T0));
    const [row] = frontier.claim(site.id, pass, 1, T0);
    frontier.settle(site.id, row.url, pass, { state: 'done', fetchedAt: iso(T0) });
    frontier.add(site.id, [{ url: 'http://www.pingtan.gov.cn/zwgk/zfxxgknb/index_1.html', kind: 'list', depth: 0 }], iso(T0));
    frontier.claim(site.id, pass, 1, T0); // then the process dies holding this lease
    // Next run: same pass, the dead lease is free again, the settled start page is not.
    const resumed = new Frontier(db, 2);
    expect(resumed.beginPass(site, iso(T0))).toBe(pass);
    expect(resumed.claim(site.id, pass, 5, T0).map((r) => r.url)).toEqual(['http://www.pingtan.gov.cn/zwgk/zfxxgknb/index_1.html']);
    resumed.settle(site.id, 'http://www.pingtan.gov.cn/zwgk/zfxxgknb/index_1.html', pass, { state: 'done', fetchedAt: iso(T0) });
    resumed.endPass(site.id);
    // The night after: a new pass in which every settled row is due again.
    const nightly = new Frontier(db, 3);
    const next = nightly.beginPass(site, iso(T0));
    expect(next).toBe(pass + 1);
    expect(nightly.claim(site.id, next, 5, T0)).toHaveLength(2);
  });
});
